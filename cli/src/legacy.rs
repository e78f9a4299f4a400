//! The legacy `wasi_ephemeral_nn` module as the componentizer sees it.
//!
//! The ABI itself (module name, functions, core types) is not stated here:
//! `nn_adapter_verify::legacy_abi` derives it from
//! `witx/wasi_ephemeral_nn.witx`. This module adds what the WITX cannot
//! say: which functions other wasi-nn dialects put in the same module.

use nn_adapter_verify::{legacy_abi, LegacyFunction};

/// The import module of the legacy ABI (`wasi_ephemeral_nn`).
pub fn module() -> &'static str {
    legacy_abi().module()
}

/// Looks up a function of the legacy ABI by import name.
pub fn function(name: &str) -> Option<&'static LegacyFunction> {
    legacy_abi().function(name)
}

/// The functions of the legacy ABI, comma-separated, for messages.
pub fn function_names() -> String {
    legacy_abi()
        .functions()
        .iter()
        .map(|f| f.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Functions that other wasi-nn dialects put in the same `wasi_ephemeral_nn`
/// module. Naming the dialect tells the user the module was built for a
/// different host rather than being corrupt.
const OTHER_DIALECTS: &[(&str, &str)] = &[
    ("load_by_name_with_config", "WasmEdge's wasi-nn plugin"),
    (
        "compute_single",
        "WasmEdge's wasi-nn plugin (GGML streaming)",
    ),
    (
        "get_output_single",
        "WasmEdge's wasi-nn plugin (GGML streaming)",
    ),
    ("fini_single", "WasmEdge's wasi-nn plugin (GGML streaming)"),
    ("unload", "WasmEdge's wasi-nn plugin"),
];

/// The dialect that defines `name`, when it is a known non-WITX function.
pub fn dialect_of(name: &str) -> Option<&'static str> {
    OTHER_DIALECTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, dialect)| *dialect)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialect_functions_are_not_in_the_abi() {
        for (name, _) in OTHER_DIALECTS {
            assert!(function(name).is_none(), "{name}");
        }
    }
}
