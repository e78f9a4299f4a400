//! The WebAssembly features a legacy module may use.
//!
//! A module is validated with exactly the features of [`RULES`]: those
//! Wasmtime enables by default (wasmparser's `WASM3` set), since a
//! component that uses another one runs nowhere. Most of them concern only
//! the module's own code. Three reach where the module meets the adapters,
//! which import its memory as a 32-bit unshared one and link its functions
//! with plain function types; each of those limits is a check that
//! `inspect` and the conversion share (a [`Problem`](crate::Problem) that
//! cites its rule).

use std::fmt;
use wasmparser::WasmFeatures;

/// A feature validation accepts, and how far a legacy module may use it.
pub(crate) struct Rule {
    pub(crate) feature: WasmFeatures,
    /// The proposal's name, as docs/cli.md lists it.
    pub(crate) name: &'static str,
    /// What the module may not do with it, where it meets the adapters;
    /// `None` when the adapters never see it.
    pub(crate) limit: Option<&'static str>,
}

const fn free(feature: WasmFeatures, name: &'static str) -> Rule {
    Rule {
        feature,
        name,
        limit: None,
    }
}

pub(crate) const THREADS: Rule = Rule {
    feature: WasmFeatures::THREADS,
    name: "threads",
    limit: Some("the memory exported as `memory` must not be shared"),
};

pub(crate) const MEMORY64: Rule = Rule {
    feature: WasmFeatures::MEMORY64,
    name: "memory64",
    limit: Some("the memory exported as `memory` must be 32-bit"),
};

pub(crate) const GC: Rule = Rule {
    feature: WasmFeatures::GC,
    name: "gc",
    limit: Some(
        "a function imported from an adapted module, `_start`, the start function and the \
         exports wit-component calls (`_initialize`, `cabi_realloc`, ...) must have a plain \
         function type: final, without supertype, alone in its recursion group",
    ),
};

/// Every feature a legacy module may use.
pub(crate) const RULES: &[Rule] = &[
    free(WasmFeatures::MUTABLE_GLOBAL, "mutable-global"),
    free(
        WasmFeatures::SATURATING_FLOAT_TO_INT,
        "nontrapping-float-to-int",
    ),
    free(WasmFeatures::SIGN_EXTENSION, "sign-extension-ops"),
    free(WasmFeatures::REFERENCE_TYPES, "reference-types"),
    free(WasmFeatures::MULTI_VALUE, "multi-value"),
    free(WasmFeatures::BULK_MEMORY, "bulk-memory"),
    free(WasmFeatures::SIMD, "simd"),
    free(WasmFeatures::RELAXED_SIMD, "relaxed-simd"),
    THREADS,
    free(WasmFeatures::TAIL_CALL, "tail-call"),
    free(WasmFeatures::FLOATS, "floats"),
    free(WasmFeatures::MULTI_MEMORY, "multi-memory"),
    free(WasmFeatures::EXCEPTIONS, "exception-handling"),
    MEMORY64,
    free(WasmFeatures::EXTENDED_CONST, "extended-const"),
    free(WasmFeatures::FUNCTION_REFERENCES, "function-references"),
    GC,
    free(WasmFeatures::GC_TYPES, "gc-types"),
];

/// `name: limit`, as messages cite a rule.
impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.limit.unwrap_or("any use"))
    }
}

/// The features validation accepts: those of [`RULES`].
pub(crate) fn legacy() -> WasmFeatures {
    RULES
        .iter()
        .fold(WasmFeatures::empty(), |all, rule| all | rule.feature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_are_wasmtimes_defaults_each_once() {
        // Wasmtime 48 starts from `WASM3` (wasmtime's `Config::features`).
        assert_eq!(legacy(), WasmFeatures::WASM3);
        for (i, rule) in RULES.iter().enumerate() {
            for other in &RULES[i + 1..] {
                assert!(
                    !rule.feature.intersects(other.feature),
                    "{} and {} overlap",
                    rule.name,
                    other.name
                );
            }
        }
    }

    #[test]
    fn docs_list_every_rule() {
        let docs = include_str!("../../docs/cli.md");
        for rule in RULES {
            let row = docs
                .lines()
                .find(|line| line.starts_with(&format!("| `{}` |", rule.name)))
                .unwrap_or_else(|| panic!("docs/cli.md has no row for `{}`", rule.name));
            match rule.limit {
                Some(limit) => assert!(row.contains(limit), "{row}\nlacks: {limit}"),
                None => assert!(row.contains("| any use"), "{row}"),
            }
        }
    }
}
