//! The legacy `wasi_ephemeral_nn` core ABI, read from
//! `witx/wasi_ephemeral_nn.witx` and `witx/wasmedge_wasi_nn.witx` by the
//! `witx` crate at build time (`build.rs`), and WAMR's legacy `wasi_nn` module, which no WITX
//! describes ([`WAMR_WASI_NN`]).
//!
//! The WITX documents are the project's only statement of this ABI: the
//! module name, the function names and their core signatures (WITX
//! "preview1" lowering, as `witx::InterfaceFunc::wasm_signature` computes it)
//! and the enum numberings of the current WITX and of WasmEdge are taken
//! from them here, and everything else asks this module.

use std::sync::OnceLock;
use wasmparser::{FuncType, ValType};

// MODULE, FUNCTIONS, WASMEDGE_FUNCTIONS and ENUMS, from witx/ (build.rs).
include!(concat!(env!("OUT_DIR"), "/legacy_abi.rs"));

/// A function's name and its core parameter and result types.
type Lowered = (&'static str, &'static [ValType], &'static [ValType]);

/// The module a legacy guest imports wasi-nn from, and its functions.
#[derive(Debug)]
pub struct LegacyAbi {
    module: String,
    functions: Vec<LegacyFunction>,
    /// The functions WasmEdge adds to the same module.
    wasmedge_functions: Vec<LegacyFunction>,
    /// Every enum type: name → case names in numbering order.
    enums: Vec<(String, Vec<String>)>,
}

/// A function of the legacy module and its core type.
#[derive(Debug)]
pub struct LegacyFunction {
    /// Import name inside the module.
    pub name: String,
    /// Core type after WITX lowering: every handle, enum, size and pointer
    /// is one `i32`, a list or string `(ptr, len)`, a record a pointer, an
    /// `expected` with a value adds an out-pointer, the result is the errno.
    pub ty: FuncType,
}

/// A legacy import module the adapter serves: one adapter artifact per
/// module and WIT version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LegacyModule {
    /// `wasi_ephemeral_nn`, the WITX ABI (and its dialects).
    #[default]
    WasiEphemeralNn,
    /// WAMR's legacy `wasi_nn` module.
    WamrWasiNn,
}

/// WAMR's legacy `wasi_nn` module: its name and its functions' parameter
/// counts, every parameter and the errno result an `i32`. From WAMR's
/// `core/iwasm/libraries/wasi-nn/include/wasi_nn.h` and the signatures its
/// host registers (`src/wasi_nn.c`: `load` `(*ii*)i`, `load_by_name`
/// `(*i*)i`, `init_execution_context` `(i*)i`, `set_input` `(ii*)i`,
/// `compute` `(i)i`, `get_output` `(ii**)i`).
pub const WAMR_WASI_NN: (&str, [(&str, usize); 6]) = (
    "wasi_nn",
    [
        ("load", 4),
        ("load_by_name", 3),
        ("init_execution_context", 2),
        ("set_input", 3),
        ("compute", 1),
        ("get_output", 4),
    ],
);

impl LegacyModule {
    pub const ALL: [LegacyModule; 2] = [LegacyModule::WasiEphemeralNn, LegacyModule::WamrWasiNn];

    /// The import module name, under which wit-component is given the
    /// module's adapter.
    pub fn name(self) -> &'static str {
        match self {
            LegacyModule::WasiEphemeralNn => legacy_abi().module(),
            LegacyModule::WamrWasiNn => WAMR_WASI_NN.0,
        }
    }

    /// The module's functions (for `wasi_ephemeral_nn` without WasmEdge's
    /// additions).
    pub fn functions(self) -> &'static [LegacyFunction] {
        match self {
            LegacyModule::WasiEphemeralNn => legacy_abi().functions(),
            LegacyModule::WamrWasiNn => {
                static FUNCTIONS: OnceLock<Vec<LegacyFunction>> = OnceLock::new();
                FUNCTIONS.get_or_init(|| {
                    WAMR_WASI_NN
                        .1
                        .iter()
                        .map(|&(name, params)| LegacyFunction {
                            name: name.to_owned(),
                            ty: FuncType::new(vec![ValType::I32; params], [ValType::I32]),
                        })
                        .collect()
                })
            }
        }
    }

    /// The function imported as `name`, if the module has one.
    pub fn function(self, name: &str) -> Option<&'static LegacyFunction> {
        self.functions().iter().find(|f| f.name == name)
    }

    /// The module whose import name is `name`.
    pub fn named(name: &str) -> Option<LegacyModule> {
        LegacyModule::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The cargo feature of the adapter crate that builds the module's
    /// adapter; `None` for the default one.
    pub fn adapter_feature(self) -> Option<&'static str> {
        match self {
            LegacyModule::WasiEphemeralNn => None,
            LegacyModule::WamrWasiNn => Some("wamr-wasi-nn"),
        }
    }
}

/// The ABI of the WITX documents, as build.rs read them.
pub fn legacy_abi() -> &'static LegacyAbi {
    static ABI: OnceLock<LegacyAbi> = OnceLock::new();
    ABI.get_or_init(|| LegacyAbi {
        module: MODULE.to_owned(),
        functions: functions_of(FUNCTIONS),
        wasmedge_functions: functions_of(WASMEDGE_FUNCTIONS),
        enums: ENUMS
            .iter()
            .map(|(name, cases)| {
                let cases = cases.iter().map(|&case| case.to_owned()).collect();
                (name.to_string(), cases)
            })
            .collect(),
    })
}

impl LegacyAbi {
    /// The import module name (`wasi_ephemeral_nn`): the name under which
    /// wit-component must be given the adapter.
    pub fn module(&self) -> &str {
        &self.module
    }

    /// Every function, in WITX order.
    pub fn functions(&self) -> &[LegacyFunction] {
        &self.functions
    }

    /// The function imported as `name`, if the ABI has one.
    pub fn function(&self, name: &str) -> Option<&LegacyFunction> {
        self.functions.iter().find(|f| f.name == name)
    }

    /// The functions WasmEdge adds to the module, in WITX order.
    pub fn wasmedge_functions(&self) -> &[LegacyFunction] {
        &self.wasmedge_functions
    }

    /// The cases of enum `typename` (e.g. `tensor_type`) in numbering order.
    pub fn enum_cases(&self, typename: &str) -> Option<&[String]> {
        self.enums
            .iter()
            .find(|(name, _)| name == typename)
            .map(|(_, cases)| cases.as_slice())
    }

    /// The value of case `case` of enum `typename` (e.g. `nn_errno`,
    /// `runtime_error`); `None` when there is no such enum or case.
    pub fn enum_value(&self, typename: &str, case: &str) -> Option<u32> {
        let cases = self.enum_cases(typename)?;
        cases.iter().position(|c| c == case).map(|p| p as u32)
    }
}

fn functions_of(lowered: &[Lowered]) -> Vec<LegacyFunction> {
    lowered
        .iter()
        .map(|&(name, params, results)| LegacyFunction {
            name: name.to_owned(),
            ty: FuncType::new(params.iter().copied(), results.iter().copied()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signature(name: &str) -> String {
        legacy_abi().function(name).unwrap().ty.to_string()
    }

    #[test]
    fn witx_document_parses() {
        assert_eq!(legacy_abi().module(), "wasi_ephemeral_nn");
        let names: Vec<_> = legacy_abi().functions().iter().map(|f| &f.name).collect();
        assert_eq!(
            names,
            [
                "load",
                "load_by_name",
                "init_execution_context",
                "set_input",
                "get_output",
                "compute"
            ]
        );
    }

    /// Spot checks of the lowering rules the adapter relies on.
    #[test]
    fn lowering_follows_the_witx_rules() {
        // list (ptr, len), two enums, graph out-pointer
        assert_eq!(
            signature("load"),
            "(func (param i32 i32 i32 i32 i32) (result i32))"
        );
        // the tensor record is passed by pointer
        assert_eq!(
            signature("set_input"),
            "(func (param i32 i32 i32) (result i32))"
        );
        // no success value: no out-pointer
        assert_eq!(signature("compute"), "(func (param i32) (result i32))");
    }

    #[test]
    fn wasmedge_additions_parse() {
        let names: Vec<_> = legacy_abi()
            .wasmedge_functions()
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "load_by_name_with_config",
                "unload",
                "finalize_execution_context",
                "compute_single",
                "get_output_single",
                "fini_single"
            ]
        );
        let ty = |name: &str| {
            legacy_abi()
                .wasmedge_functions()
                .iter()
                .find(|f| f.name == name)
                .unwrap()
                .ty
                .to_string()
        };
        // Two strings and the graph out-pointer; the same core type as
        // `wasmedge-wasi-nn` 0.8.0 declares.
        assert_eq!(
            ty("load_by_name_with_config"),
            "(func (param i32 i32 i32 i32 i32) (result i32))"
        );
        assert_eq!(ty("unload"), "(func (param i32) (result i32))");
        assert_eq!(ty("get_output_single"), signature("get_output"));
        let encodings = legacy_abi().enum_cases("wasmedge_graph_encoding").unwrap();
        assert_eq!(encodings[6], "ggml");
        assert_eq!(encodings.len(), 15);
        assert_eq!(
            legacy_abi()
                .enum_cases("wasmedge_execution_target")
                .unwrap()[3],
            "auto"
        );
    }

    #[test]
    fn enums_are_read_in_order() {
        assert_eq!(
            legacy_abi().enum_cases("tensor_type").unwrap(),
            ["f16", "f32", "f64", "u8", "i32", "i64"]
        );
        assert_eq!(legacy_abi().enum_cases("nn_errno").unwrap()[8], "not_found");
        assert!(legacy_abi().enum_cases("tensor").is_none());
        assert_eq!(
            legacy_abi().enum_value("graph_encoding", "autodetect"),
            Some(5)
        );
        assert_eq!(legacy_abi().enum_value("graph_encoding", "ggml"), None);
        assert_eq!(legacy_abi().enum_value("tensor", "f32"), None);
    }

    #[test]
    fn wamr_wasi_nn_signatures() {
        let wamr = LegacyModule::WamrWasiNn;
        assert_eq!(wamr.name(), "wasi_nn");
        assert_eq!(LegacyModule::named("wasi_nn"), Some(wamr));
        assert_eq!(
            LegacyModule::named("wasi_ephemeral_nn"),
            Some(LegacyModule::WasiEphemeralNn)
        );
        let ty = |name: &str| wamr.function(name).unwrap().ty.to_string();
        // The builder array by pointer: one parameter fewer than WITX's.
        assert_eq!(ty("load"), "(func (param i32 i32 i32 i32) (result i32))");
        // No room argument: `*size` carries it.
        assert_eq!(
            ty("get_output"),
            "(func (param i32 i32 i32 i32) (result i32))"
        );
        // The other four are WITX's.
        for name in [
            "load_by_name",
            "init_execution_context",
            "set_input",
            "compute",
        ] {
            assert_eq!(ty(name), signature(name), "{name}");
        }
    }
}
