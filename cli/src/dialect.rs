//! Which dialect a module was built with: what `--dialect` says, else what
//! the module carries.
//!
//! The numbers inside a module do not say which numbering they follow, so
//! only two kinds of evidence are used: imports that only WasmEdge defines,
//! and name-section symbols of the crate that built the module. A module
//! with neither gets the default and a note naming `--dialect`.

use crate::read::ModuleFacts;
use crate::{legacy, Dialect};

/// The dialect used for a module, why, and a note when it is a guess.
pub(crate) struct Resolved {
    pub(crate) dialect: Dialect,
    pub(crate) reason: String,
    pub(crate) note: Option<String>,
}

/// Name-section evidence: a substring of a (legacy-mangled) Rust symbol,
/// the dialect it shows, and how to say so.
const SYMBOLS: &[(&str, Dialect, &str)] = &[(
    "16wasmedge_wasi_nn",
    Dialect::WasmEdge,
    "its name section has symbols of the `wasmedge_wasi_nn` crate",
)];

pub(crate) fn resolve(requested: Option<Dialect>, facts: &ModuleFacts) -> Resolved {
    if let Some(dialect) = requested {
        return Resolved {
            dialect,
            reason: "requested with --dialect".into(),
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
    Resolved {
        dialect,
        reason: "the default: the module carries no evidence of its numbering".into(),
        note: facts
            .imports
            .iter()
            .any(|(module, ..)| *module == legacy::module())
            .then(|| {
                format!(
                    "no evidence of the crate that built the module: its wasi-nn numbers are read as \
                     {dialect}; if it was built with another, say so with --dialect (one of: {})",
                    Dialect::choices()
                )
            }),
    }
}
