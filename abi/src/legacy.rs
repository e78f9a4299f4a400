//! The legacy `wasi_ephemeral_nn` core ABI, read from
//! `witx/wasi_ephemeral_nn.witx` and `witx/wasmedge_wasi_nn.witx` by the
//! `witx` crate.
//!
//! The WITX documents are the project's only statement of this ABI: the
//! module name, the function names and their core signatures (WITX
//! "preview1" lowering, as `witx::InterfaceFunc::wasm_signature` computes it)
//! and the enum numberings of the current WITX and of WasmEdge are taken
//! from them here, once per process, and everything else asks this module.

use anyhow::{ensure, Context, Result};
use std::sync::OnceLock;
use wasmparser::{FuncType, ValType};

/// Where [`WITX`] comes from, for messages.
const WITX_PATH: &str = "witx/wasi_ephemeral_nn.witx";
const WITX: &str = include_str!("../../witx/wasi_ephemeral_nn.witx");
/// WasmEdge's additions; parsed after [`WITX`] as one document, since it
/// uses its types (the `witx` crate resolves `use` only from files).
const WASMEDGE_WITX: &str = include_str!("../../witx/wasmedge_wasi_nn.witx");

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

/// The ABI of the embedded WITX document, parsed on first use.
pub fn legacy_abi() -> &'static LegacyAbi {
    static ABI: OnceLock<LegacyAbi> = OnceLock::new();
    // The document is compiled in and parsed by a unit test, so this cannot
    // fail at run time.
    ABI.get_or_init(|| {
        LegacyAbi::parse(&format!("{WITX}\n{WASMEDGE_WITX}"))
            .expect("the embedded WITX documents parse")
    })
}

impl LegacyAbi {
    /// Parses the documents: the first module is the ABI, a second one
    /// (`wasmedge_wasi_nn`) WasmEdge's additions to it.
    fn parse(witx: &str) -> Result<LegacyAbi> {
        let document = witx::parse(witx).with_context(|| format!("{WITX_PATH} does not parse"))?;
        let mut modules = document.modules();
        let module = modules
            .next()
            .with_context(|| format!("{WITX_PATH} defines no module"))?;
        let wasmedge = modules.next();
        ensure!(
            modules.next().is_none(),
            "{WITX_PATH} and its WasmEdge additions define more than two modules"
        );
        let enums = document
            .typenames()
            .filter_map(|named| match &**named.type_() {
                witx::Type::Variant(v) if v.is_enum() => Some((
                    named.name.as_str().to_owned(),
                    v.cases.iter().map(|c| c.name.as_str().to_owned()).collect(),
                )),
                _ => None,
            })
            .collect();
        Ok(LegacyAbi {
            module: module.name.as_str().to_owned(),
            functions: functions_of(&module),
            wasmedge_functions: wasmedge.map(|m| functions_of(&m)).unwrap_or_default(),
            enums,
        })
    }

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

fn functions_of(module: &witx::Module) -> Vec<LegacyFunction> {
    module
        .funcs()
        .map(|func| {
            let (params, results) = func.wasm_signature();
            LegacyFunction {
                name: func.name.as_str().to_owned(),
                ty: FuncType::new(
                    params.into_iter().map(val_type),
                    results.into_iter().map(val_type),
                ),
            }
        })
        .collect()
}

fn val_type(ty: witx::WasmType) -> ValType {
    match ty {
        witx::WasmType::I32 => ValType::I32,
        witx::WasmType::I64 => ValType::I64,
        witx::WasmType::F32 => ValType::F32,
        witx::WasmType::F64 => ValType::F64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signature(name: &str) -> String {
        legacy_abi().function(name).unwrap().ty.to_string()
    }

    #[test]
    fn witx_document_parses() {
        LegacyAbi::parse(WITX).unwrap();
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
    fn bad_documents_are_reported() {
        let err = LegacyAbi::parse("(typename $x u32)").unwrap_err();
        assert!(err.to_string().contains("defines no module"), "{err}");
        let err = LegacyAbi::parse("(module").unwrap_err();
        assert!(err.to_string().contains("does not parse"), "{err}");
    }
}
