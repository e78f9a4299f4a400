//! The legacy wasi-nn modules as the componentizer sees them.
//!
//! The ABI itself (module name, functions, core types) is not stated here:
//! `nn_abi::legacy_abi` derives it from
//! `witx/`; this module is its face for the componentizer.

use nn_abi::{legacy_abi, LegacyFunction, LegacyModule};

/// The import module of the legacy ABI (`wasi_ephemeral_nn`).
pub fn module() -> &'static str {
    legacy_abi().module()
}

/// The functions of `module`, comma-separated, for messages.
pub fn function_names(module: LegacyModule) -> String {
    module
        .functions()
        .iter()
        .map(|f| f.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The legacy modules among the import modules `modules`, in
/// [`LegacyModule::ALL`] order.
pub fn imported<'a>(modules: impl IntoIterator<Item = &'a str> + Clone) -> Vec<LegacyModule> {
    LegacyModule::ALL
        .into_iter()
        .filter(|m| modules.clone().into_iter().any(|name| name == m.name()))
        .collect()
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
            assert!(
                LegacyModule::WasiEphemeralNn.function(&f.name).is_none(),
                "{}",
                f.name
            );
        }
        assert!(wasmedge_function("unload").is_some());
        assert!(wasmedge_function("load").is_none());
    }
}
