//! Which dialect a module was built with: what `--dialect` says, else what
//! the module carries.
//!
//! The numbers inside a module do not say which numbering they follow, so
//! only two kinds of evidence are used: imports that only WasmEdge defines,
//! and name-section symbols of the crate that built the module. A module
//! with neither gets the default and a note naming `--dialect`; one built
//! with crates.io wasi-nn's `GraphBuilder` API (0.4–0.6) gets the default
//! without a note, since 0.6 is the crate current guests are built with.

use crate::read::ModuleFacts;
use crate::{legacy, Dialect, LegacyModule};

/// The dialect used for a module, why, and a note when it is a guess.
pub(crate) struct Resolved {
    pub(crate) dialect: Dialect,
    pub(crate) reason: String,
    pub(crate) note: Option<String>,
}

/// Name-section evidence: a substring of a (legacy-mangled) Rust symbol,
/// the dialect it shows, and how to say so. Only symbols no other crate
/// generation has count (checked against the crates' sources).
const SYMBOLS: &[(&str, Dialect, &str)] = &[
    (
        "16wasmedge_wasi_nn",
        Dialect::WasmEdge,
        "its name section has symbols of the `wasmedge_wasi_nn` crate",
    ),
    // `wasi_nn::error::Error::{raw_error, from_raw_error}`: only 0.1's error
    // is a raw errno (0.2–0.3 have no `error` module, 0.4–0.6 an enum).
    (
        "7wasi_nn5error5Error9raw_error",
        Dialect::WasiNn01,
        "its name section has `wasi_nn::error::Error::raw_error`, which only crates.io wasi-nn 0.1 defines",
    ),
    (
        "7wasi_nn5error5Error14from_raw_error",
        Dialect::WasiNn01,
        "its name section has `wasi_nn::error::Error::from_raw_error`, which only crates.io wasi-nn 0.1 defines",
    ),
];

/// The names WAMR's `wasi_ephemeral_nn.h` gives its functions
/// (`WASI_NN_NAME(name)` is `wasi_ephemeral_nn_##name`), which a C module
/// keeps for its imports in its name section unless stripped. Rust guests
/// name their imports after the crate's paths.
const WAMR_HEADER_NAMES: [&str; 3] = [
    "wasi_ephemeral_nn_load",
    "wasi_ephemeral_nn_set_input",
    "wasi_ephemeral_nn_get_output",
];

/// Symbols of the API of crates.io wasi-nn 0.4–0.6 (`GraphBuilder`, and
/// the `BackendError` a program prints, which survives release builds),
/// which kept their names while the numbering changed under them: evidence
/// of the crate, not of its version.
const GRAPH_BUILDER_API: [&str; 4] = [
    "7wasi_nn5graph",
    "7wasi_nn6tensor",
    "7wasi_nn5error12BackendError",
    "wasi_nn..error..BackendError",
];

pub(crate) fn resolve(requested: Option<Dialect>, facts: &ModuleFacts) -> Resolved {
    if let Some(dialect) = requested {
        return Resolved {
            dialect,
            reason: "requested with --dialect".into(),
            note: None,
        };
    }
    let imports = |module: LegacyModule| facts.imports.iter().any(|(m, ..)| *m == module.name());
    if imports(LegacyModule::WamrWasiNn) {
        return Resolved {
            dialect: Dialect::WamrWasiNn,
            reason: "imports `wasi_nn`, WAMR's legacy module".into(),
            note: None,
        };
    }
    if let Some(name) = facts
        .function_names
        .iter()
        .find(|name| WAMR_HEADER_NAMES.contains(name))
    {
        return Resolved {
            dialect: Dialect::Wamr,
            reason: format!(
                "its name section has `{name}`, the name WAMR's wasi_ephemeral_nn.h gives the import"
            ),
            note: None,
        };
    }
    let wasmedge_import = facts.imports.iter().find(|(module, name, _)| {
        *module == legacy::module() && legacy::wasmedge_function(name).is_some()
    });
    if let Some((_, name, _)) = wasmedge_import {
        return Resolved {
            dialect: Dialect::WasmEdge,
            reason: format!("imports `{name}`, which only WasmEdge defines"),
            note: None,
        };
    }
    for (marker, dialect, why) in SYMBOLS {
        if facts
            .function_names
            .iter()
            .any(|name| name.contains(marker))
        {
            return Resolved {
                dialect: *dialect,
                reason: (*why).into(),
                note: None,
            };
        }
    }
    let dialect = Dialect::default();
    let uses_nn = imports(LegacyModule::WasiEphemeralNn);
    let graph_builder = facts
        .function_names
        .iter()
        .any(|name| GRAPH_BUILDER_API.iter().any(|marker| name.contains(marker)));
    if graph_builder {
        // The crate of every current Rust guest: read as the current
        // numbering without a note; `inspect` says how to override it.
        return Resolved {
            dialect,
            reason: "the default: symbols of crates.io wasi-nn's API (GraphBuilder, BackendError), \
                     which 0.4, 0.5 and 0.6 share (built with 0.4 or 0.5? say --dialect wasi-nn-0.2 \
                     or wasi-nn-0.5)"
                .into(),
            note: None,
        };
    }
    Resolved {
        dialect,
        reason: "the default: the module carries no evidence of its numbering".into(),
        note: uses_nn.then(|| {
            format!(
                "no evidence of the crate that built the module: its wasi-nn numbers are read as \
                 {dialect}; if it was built with another, say so with --dialect (one of: {})",
                ephemeral_dialects()
            )
        }),
    }
}

/// The dialects of `wasi_ephemeral_nn`, comma-separated.
fn ephemeral_dialects() -> String {
    let names: Vec<&str> = Dialect::ALL
        .iter()
        .filter(|d| d.legacy_module() == LegacyModule::WasiEphemeralNn)
        .map(|d| d.name())
        .collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use crate::{Componentizer, Dialect};

    /// `inspect`'s dialect and note for a module that imports `compute`
    /// and defines a function named `symbol`.
    fn detected(symbol: &str, extra_import: &str) -> (Dialect, String, Vec<String>) {
        let wat = format!(
            r#"(module
                (import "wasi_ephemeral_nn" "compute" (func (param i32) (result i32)))
                {extra_import}
                (memory (export "memory") 1)
                (func ${symbol}))"#
        );
        let inspection = Componentizer::new().inspect(wat.as_bytes()).unwrap();
        (
            inspection.dialect,
            inspection.dialect_reason,
            inspection.notes,
        )
    }

    #[test]
    fn wasmedge_symbols() {
        let (dialect, reason, notes) = detected(
            "_ZN16wasmedge_wasi_nn5graph5Graph4load17h0123456789abcdefE",
            "",
        );
        assert_eq!(dialect, Dialect::WasmEdge);
        assert!(reason.contains("wasmedge_wasi_nn"), "{reason}");
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn wasmedge_imports_win_over_symbols() {
        let (dialect, reason, _) = detected(
            "_ZN7wasi_nn5error5Error9raw_error17h0123456789abcdefE",
            r#"(import "wasi_ephemeral_nn" "unload" (func (param i32) (result i32)))"#,
        );
        assert_eq!(dialect, Dialect::WasmEdge);
        assert!(reason.contains("`unload`"), "{reason}");
    }

    #[test]
    fn wasi_nn_0_1_error_symbols() {
        for symbol in [
            "_ZN7wasi_nn5error5Error9raw_error17h0123456789abcdefE",
            "_ZN7wasi_nn5error5Error14from_raw_error17h0123456789abcdefE",
        ] {
            let (dialect, _, notes) = detected(symbol, "");
            assert_eq!(dialect, Dialect::WasiNn01, "{symbol}");
            assert!(notes.is_empty(), "{notes:?}");
        }
    }

    #[test]
    fn graph_builder_symbols_get_the_default_without_a_note() {
        let (dialect, reason, notes) = detected(
            "_ZN7wasi_nn5graph12GraphBuilder16build_from_bytes17h0123456789abcdefE",
            "",
        );
        assert_eq!(dialect, Dialect::WasiNn06);
        assert!(
            reason.contains("GraphBuilder")
                && reason.contains("--dialect wasi-nn-0.2 or wasi-nn-0.5"),
            "{reason}"
        );
        assert!(notes.is_empty(), "{notes:?}");
        // What a release build of a program printing its errors keeps.
        let (dialect, _, notes) = detected(
            "_ZN67_$LT$wasi_nn..error..BackendError$u20$as$u20$core..fmt..Display$GT$3fmt17h970453d1f212e13bE",
            "",
        );
        assert_eq!(dialect, Dialect::WasiNn06);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn no_evidence_gets_the_default_and_the_general_note() {
        let (dialect, reason, notes) = detected("main", "");
        assert_eq!(dialect, Dialect::WasiNn06);
        assert!(reason.contains("no evidence"), "{reason}");
        assert!(notes[0].contains("--dialect (one of:"), "{notes:?}");
    }

    #[test]
    fn an_explicit_dialect_wins() {
        let wat = r#"(module
            (import "wasi_ephemeral_nn" "compute" (func (param i32) (result i32)))
            (memory (export "memory") 1)
            (func $_ZN16wasmedge_wasi_nn5graph5Graph4load17h0123456789abcdefE))"#;
        let inspection = Componentizer::new()
            .dialect(Dialect::WasiNn05)
            .inspect(wat.as_bytes())
            .unwrap();
        assert_eq!(inspection.dialect, Dialect::WasiNn05);
        assert_eq!(inspection.dialect_reason, "requested with --dialect");
        assert!(inspection.notes.is_empty());
    }

    /// A C module built with WAMR's wasi_ephemeral_nn.h names its imports
    /// after the header, even beside WasmEdge's extra function.
    #[test]
    fn wamr_header_names() {
        let (dialect, reason, notes) = detected(
            "main",
            r#"(import "wasi_ephemeral_nn" "load" (func $wasi_ephemeral_nn_load (param i32 i32 i32 i32 i32) (result i32)))
               (import "wasi_ephemeral_nn" "load_by_name_with_config" (func (param i32 i32 i32 i32 i32) (result i32)))"#,
        );
        assert_eq!(dialect, Dialect::Wamr);
        assert!(reason.contains("`wasi_ephemeral_nn_load`"), "{reason}");
        assert!(notes.is_empty(), "{notes:?}");
        // A Rust symbol that merely contains the name is no evidence.
        let (dialect, ..) = detected("_ZN3app22wasi_ephemeral_nn_load17h0123456789abcdefE", "");
        assert_eq!(dialect, Dialect::WasiNn06);
    }

    /// A module importing `wasi_nn` is WAMR's legacy module, whatever else
    /// its names say; one that also imports `wasi_ephemeral_nn` is refused.
    #[test]
    fn wasi_nn_imports_are_wamr_wasi_nn() {
        let wat = r#"(module
            (import "wasi_nn" "compute" (func (param i32) (result i32)))
            (memory (export "memory") 1)
            (func $_ZN16wasmedge_wasi_nn5graph5Graph4load17h0123456789abcdefE))"#;
        let inspection = Componentizer::new().inspect(wat.as_bytes()).unwrap();
        assert_eq!(inspection.dialect, Dialect::WamrWasiNn);
        assert_eq!(
            inspection.dialect_reason,
            "imports `wasi_nn`, WAMR's legacy module"
        );
        assert!(inspection.verdict().is_ok(), "{inspection}");
        let (dialect, ..) = detected(
            "main",
            r#"(import "wasi_nn" "compute" (func (param i32) (result i32)))"#,
        );
        assert_eq!(dialect, Dialect::WamrWasiNn);
        let both = wat.replace(
            "(memory",
            r#"(import "wasi_ephemeral_nn" "compute" (func (param i32) (result i32))) (memory"#,
        );
        let inspection = Componentizer::new().inspect(both.as_bytes()).unwrap();
        let problems: Vec<String> = inspection.problems().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("the module imports both"),
            "{problems:?}"
        );
    }

    /// A dialect of the other legacy module is refused in one line.
    #[test]
    fn a_dialect_of_the_other_module_is_refused() {
        let refused = |wat: &str, dialect: Dialect| {
            let inspection = Componentizer::new()
                .dialect(dialect)
                .inspect(wat.as_bytes())
                .unwrap();
            inspection
                .problems()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
        };
        let legacy = r#"(module (import "wasi_nn" "compute" (func (param i32) (result i32))) (memory (export "memory") 1))"#;
        assert_eq!(
            refused(legacy, Dialect::Wamr),
            ["dialect wamr is for modules that import `wasi_ephemeral_nn`, but this one imports \
              `wasi_nn` (its dialect, wamr-wasi-nn, is chosen without --dialect)"]
        );
        let ephemeral = legacy.replace("\"wasi_nn\"", "\"wasi_ephemeral_nn\"");
        assert_eq!(
            refused(&ephemeral, Dialect::WamrWasiNn),
            [
                "dialect wamr-wasi-nn is for modules that import `wasi_nn`, but this one imports \
              `wasi_ephemeral_nn`"
            ]
        );
        assert!(refused(legacy, Dialect::WamrWasiNn).is_empty());
    }
}
