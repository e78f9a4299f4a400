//! The legacy `wasi_ephemeral_nn` core ABI, read from
//! `witx/wasi_ephemeral_nn.witx` by the `witx` crate.
//!
//! The WITX document is the project's only statement of this ABI: the module
//! name, the function names and their core signatures (WITX "preview1"
//! lowering, as `witx::InterfaceFunc::wasm_signature` computes it) are taken
//! from it here, once per process, and everything else asks this module.

use anyhow::{ensure, Context, Result};
use std::sync::OnceLock;
use wasmparser::{FuncType, ValType};

/// Where [`WITX`] comes from, for messages.
const WITX_PATH: &str = "witx/wasi_ephemeral_nn.witx";
const WITX: &str = include_str!("../../../witx/wasi_ephemeral_nn.witx");

/// The module a legacy guest imports wasi-nn from, and its functions.
#[derive(Debug)]
pub struct LegacyAbi {
    module: String,
    functions: Vec<LegacyFunction>,
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
    ABI.get_or_init(|| LegacyAbi::parse(WITX).expect("the embedded WITX document parses"))
}

impl LegacyAbi {
    fn parse(witx: &str) -> Result<LegacyAbi> {
        let document = witx::parse(witx).with_context(|| format!("{WITX_PATH} does not parse"))?;
        let mut modules = document.modules();
        let module = modules
            .next()
            .with_context(|| format!("{WITX_PATH} defines no module"))?;
        ensure!(
            modules.next().is_none(),
            "{WITX_PATH} defines more than one module"
        );
        let functions = module
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
            .collect();
        Ok(LegacyAbi {
            module: module.name.as_str().to_owned(),
            functions,
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
    fn bad_documents_are_reported() {
        let err = LegacyAbi::parse("(typename $x u32)").unwrap_err();
        assert!(err.to_string().contains("defines no module"), "{err}");
        let err = LegacyAbi::parse("(module").unwrap_err();
        assert!(err.to_string().contains("does not parse"), "{err}");
    }
}
