//! The legacy `wasi_ephemeral_nn` module as the componentizer sees it.
//!
//! The ABI itself (module name, functions, core types) is not stated here:
//! `nn_abi::legacy_abi` derives it from
//! `witx/`; this module is its face for the componentizer.

use nn_abi::{legacy_abi, LegacyFunction};

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

/// A function WasmEdge adds to the module (`witx/wasmedge_wasi_nn.witx`).
pub fn wasmedge_function(name: &str) -> Option<&'static LegacyFunction> {
    legacy_abi()
        .wasmedge_functions()
        .iter()
        .find(|f| f.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wasmedge_functions_are_not_in_the_abi() {
        for f in legacy_abi().wasmedge_functions() {
            assert!(function(&f.name).is_none(), "{}", f.name);
        }
        assert!(wasmedge_function("unload").is_some());
        assert!(wasmedge_function("load").is_none());
    }
}
