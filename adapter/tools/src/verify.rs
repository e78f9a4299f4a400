//! Shape checks of the adapter module (see the crate documentation).

use anyhow::{bail, ensure, Context, Result};
use nn_abi::bake_import::{self, baked_names_type, dialect_table_type, BAKED_NAMES, DIALECT_TABLE};
use nn_abi::{legacy_abi, WasiNnVersion, WitTarget};
use std::collections::BTreeMap;
use wasmparser::{
    ExternalKind, FuncType, Name, Parser, Payload, TypeRef, ValType, Validator, WasmFeatures,
};

/// The module wit-component names the main module in an adapter's imports.
const MAIN_MODULE: &str = "__main_module__";

/// The exports and their core types: the legacy functions of the WITX and
/// WasmEdge's additions to them, and
/// `cabi_import_realloc` (`(old_ptr, old_len, align, new_len) -> ptr`), which
/// wit-component uses to return lists from imports into adapter memory.
fn expected_exports() -> BTreeMap<&'static str, FuncType> {
    let mut exports: BTreeMap<_, _> = legacy_abi()
        .functions()
        .iter()
        .chain(legacy_abi().wasmedge_functions())
        .map(|f| (f.name.as_str(), f.ty.clone()))
        .collect();
    exports.insert(
        "cabi_import_realloc",
        FuncType::new([ValType::I32; 4], [ValType::I32]),
    );
    exports
}

/// Checks a function import against `target`: `__main_module__::cabi_realloc`
/// (wit-component's hook for the main module's allocator) or a function
/// the WIT defines, with the core type the canonical ABI gives it.
fn check_import(target: &WitTarget, module: &str, name: &str, ty: &FuncType) -> Result<()> {
    if module == MAIN_MODULE && name == "cabi_realloc" {
        return Ok(());
    }
    let generated = match (module, name) {
        (bake_import::MODULE, BAKED_NAMES) => Some(baked_names_type()),
        (bake_import::MODULE, DIALECT_TABLE) => Some(dialect_table_type()),
        _ => None,
    };
    if let Some(expected) = generated {
        ensure!(
            *ty == expected,
            "wrong signature for import `{module}`::`{name}`: expected {expected}, found {ty}"
        );
        return Ok(());
    }
    let package = target.package_name();
    let Some(expected) = target.import(module, name) else {
        ensure!(
            !target.is_import_module(module),
            "unknown import `{module}`::`{name}`: `{module}` in `{package}` has no such function"
        );
        bail!(
            "foreign import `{module}`::`{name}`: only `{package}` functions and \
             `{MAIN_MODULE}::cabi_realloc` may be imported"
        );
    };
    ensure!(
        ty == expected,
        "wrong signature for import `{module}`::`{name}`: `{package}` lowers it to {expected}, found {ty}"
    );
    Ok(())
}

/// Checks that `bytes` is an adapter module wit-component accepts with the
/// legacy `wasi_ephemeral_nn` exports; the error names the first problem.
pub fn verify(bytes: &[u8], version: WasiNnVersion) -> Result<()> {
    let target = version.wit();
    let features = WasmFeatures::default();
    Validator::new_with_features(features)
        .validate_all(bytes)
        .context("adapter is not a valid core wasm module")?;

    let mut types: Vec<FuncType> = Vec::new();
    let mut func_types: Vec<u32> = Vec::new();
    let mut memories = 0;
    let mut exports = BTreeMap::new();
    let mut defined_globals = Vec::new();
    let mut named_globals = Vec::new();
    let mut component_type = false;
    let mut generated_imports = 0;
    let mut name_section = false;

    for payload in Parser::new(0).parse_all(bytes) {
        match payload? {
            Payload::Version { encoding, .. } => {
                ensure!(
                    encoding == wasmparser::Encoding::Module,
                    "adapter must be a core module, not a component"
                )
            }
            Payload::TypeSection(section) => {
                for ty in section.into_iter_err_on_gc_types() {
                    types.push(ty?);
                }
            }
            Payload::ImportSection(section) => {
                for import in section.into_imports() {
                    let import = import?;
                    match import.ty {
                        TypeRef::Func(ty) | TypeRef::FuncExact(ty) => {
                            let func = types.get(ty as usize).with_context(|| {
                                format!("import `{}` has no function type", import.name)
                            })?;
                            check_import(target, import.module, import.name, func)?;
                            if import.module == bake_import::MODULE {
                                generated_imports += 1;
                            }
                            func_types.push(ty);
                        }
                        TypeRef::Memory(_) => memories += 1,
                        TypeRef::Table(_) => {
                            bail!("adapter must not import a table (`{}`)", import.name)
                        }
                        TypeRef::Global(_) => {
                            bail!("adapter must not import a global (`{}`)", import.name)
                        }
                        other => bail!("unsupported import `{}` of kind {other:?}", import.name),
                    }
                }
            }
            Payload::FunctionSection(section) => {
                for ty in section {
                    func_types.push(ty?);
                }
            }
            Payload::TableSection(_) => bail!("adapter must not define a table"),
            Payload::MemorySection(section) => {
                ensure!(
                    section.count() == 0,
                    "adapter must import its memory, not define one"
                )
            }
            Payload::GlobalSection(section) => {
                for global in section {
                    let global = global?;
                    defined_globals.push(global.ty);
                }
            }
            Payload::ExportSection(section) => {
                for export in section {
                    let export = export?;
                    ensure!(
                        export.kind == ExternalKind::Func,
                        "unexpected {:?} export `{}`: only functions may be exported",
                        export.kind,
                        export.name
                    );
                    exports.insert(export.name.to_string(), export.index);
                }
            }
            Payload::StartSection { .. } => bail!("adapter must not have a start function"),
            Payload::ElementSection(section) => {
                ensure!(
                    section.count() == 0,
                    "adapter must not have element segments"
                )
            }
            Payload::DataCountSection { count, .. } => {
                ensure!(
                    count == 0,
                    "adapter must not have data segments ({count} declared)"
                )
            }
            Payload::DataSection(section) => {
                ensure!(
                    section.count() == 0,
                    "adapter must not have data segments ({} found)",
                    section.count()
                )
            }
            Payload::CustomSection(section) => {
                if section.name().starts_with("component-type") {
                    component_type = true;
                }
                if let wasmparser::KnownCustom::Name(reader) = section.as_known() {
                    name_section = true;
                    for subsection in reader {
                        if let Name::Global(map) = subsection? {
                            for naming in map {
                                let naming = naming?;
                                named_globals.push((naming.index, naming.name.to_string()));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    ensure!(
        memories == 1,
        "adapter must import exactly one memory (found {memories})"
    );
    // Globals cannot be imported (checked above), so defined global i has
    // index i.
    for (index, ty) in defined_globals.iter().enumerate() {
        ensure!(
            ty.mutable,
            "global {index} is immutable: an adapter may only define mutable globals"
        );
    }

    let expected = expected_exports();
    for name in exports.keys() {
        ensure!(
            expected.contains_key(name.as_str()),
            "unexpected export `{name}`"
        );
    }
    for (name, expected) in &expected {
        let index = *exports
            .get(*name)
            .with_context(|| format!("missing export `{name}`"))?;
        let ty = func_types
            .get(index as usize)
            .and_then(|t| types.get(*t as usize))
            .with_context(|| format!("export `{name}` has no function type"))?;
        ensure!(
            ty == expected,
            "wrong signature for `{name}`: expected {expected}, found {ty}"
        );
    }

    // The artifact imports what `bake` generates and leaves the WIT world
    // to it; a baked adapter has the world and none of those imports.
    if generated_imports == 0 {
        ensure!(
            component_type,
            "missing `component-type` custom section (the WIT world of the imports)"
        );
    } else {
        ensure!(
            !component_type,
            "an unbaked adapter must not carry a `component-type` section: `bake` adds it from wit/"
        );
    }
    ensure!(
        name_section,
        "missing `name` section: wit-component finds the adapter's globals by name"
    );
    for index in 0..defined_globals.len() as u32 {
        ensure!(
            named_globals.iter().any(|(n, _)| *n == index),
            "global {index} has no name: wit-component finds `__stack_pointer` and `allocation_state` by name"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{adapter, artifact};
    use nn_abi::ADAPTER_SIZE_BUDGET;

    #[test]
    fn committed_artifacts_pass() {
        for version in WasiNnVersion::ALL {
            verify(artifact(version), version).unwrap_or_else(|e| panic!("{version}: {e:#}"));
            verify(adapter(version), version).unwrap_or_else(|e| panic!("{version}: {e:#}"));
        }
    }

    #[test]
    fn an_unbaked_adapter_must_leave_the_world_to_bake() {
        let unbaked = module(
            r#"(import "nn-componentize" "dialect-table" (func (param i32) (result i64)))"#,
            SET_INPUT,
        );
        let err = rejected(&unbaked);
        assert!(err.contains("must not carry a `component-type`"), "{err}");
        verify_default(&without_custom(&unbaked, "component-type")).unwrap();
    }

    #[test]
    fn an_artifact_does_not_pass_for_the_other_version() {
        let err = format!(
            "{:#}",
            verify(
                adapter(WasiNnVersion::V2024_08_19),
                WasiNnVersion::V2024_10_28
            )
            .unwrap_err()
        );
        assert!(err.contains("0.2.0-rc-2024-08-19"), "{err}");
    }

    #[test]
    fn committed_artifacts_are_within_the_size_budget() {
        for version in WasiNnVersion::ALL {
            let len = artifact(version).len();
            assert!(
                len <= ADAPTER_SIZE_BUDGET,
                "{version}: adapter is {len} bytes, budget {ADAPTER_SIZE_BUDGET}"
            );
        }
    }

    /// A minimal module of the right shape; `extra` is spliced in to break it
    /// (imports go before everything else, as the text format requires).
    fn module(extra: &str, set_input: &str) -> Vec<u8> {
        let (imports, extra) = if extra.starts_with("(import") {
            (extra, "")
        } else {
            ("", extra)
        };
        let graph = graph_interface();
        let wat = format!(
            r#"(module
                {imports}
                (import "{graph}" "load" (func (param i32 i32 i32 i32 i32)))
                (import "env" "memory" (memory 0))
                (global $allocation_state (mut i32) (i32.const 0))
                (func (export "load") (param i32 i32 i32 i32 i32) (result i32) i32.const 0)
                (func (export "load_by_name") (param i32 i32 i32) (result i32) i32.const 0)
                (func (export "init_execution_context") (param i32 i32) (result i32) i32.const 0)
                (func (export "set_input") {set_input} i32.const 0)
                (func (export "get_output") (param i32 i32 i32 i32 i32) (result i32) i32.const 0)
                (func (export "compute") (param i32) (result i32) i32.const 0)
                (func (export "load_by_name_with_config") (param i32 i32 i32 i32 i32) (result i32) i32.const 0)
                (func (export "unload") (param i32) (result i32) i32.const 0)
                (func (export "finalize_execution_context") (param i32) (result i32) i32.const 0)
                (func (export "compute_single") (param i32) (result i32) i32.const 0)
                (func (export "get_output_single") (param i32 i32 i32 i32 i32) (result i32) i32.const 0)
                (func (export "fini_single") (param i32) (result i32) i32.const 0)
                (func (export "cabi_import_realloc") (param i32 i32 i32 i32) (result i32) i32.const 0)
                (@custom "component-type:test" "")
                {extra}
            )"#
        );
        wat::parse_str(wat).unwrap()
    }

    /// `wasi:nn/graph@<version>` of the target.
    fn graph_interface() -> String {
        WasiNnVersion::default()
            .wit()
            .interface_name("graph")
            .unwrap()
    }

    const SET_INPUT: &str = "(param i32 i32 i32) (result i32)";

    fn verify_default(bytes: &[u8]) -> Result<()> {
        verify(bytes, WasiNnVersion::default())
    }

    fn rejected(bytes: &[u8]) -> String {
        format!("{:#}", verify_default(bytes).unwrap_err())
    }

    #[test]
    fn minimal_module_passes() {
        verify_default(&module("", SET_INPUT)).unwrap();
    }

    #[test]
    fn data_segment_is_rejected() {
        let err = rejected(&module(r#"(data (i32.const 0) "x")"#, SET_INPUT));
        assert!(err.contains("data segment"), "{err}");
    }

    #[test]
    fn table_is_rejected() {
        let err = rejected(&module("(table 1 funcref)", SET_INPUT));
        assert!(err.contains("table"), "{err}");
    }

    #[test]
    fn element_segment_is_rejected() {
        let err = rejected(&module(
            "(table 1 funcref) (elem (i32.const 0) 0)",
            SET_INPUT,
        ));
        assert!(err.contains("table") || err.contains("element"), "{err}");
    }

    #[test]
    fn wrong_signature_is_rejected() {
        let err = rejected(&module("", "(param i32 i32 i32 i32 i32) (result i32)"));
        assert!(err.contains("wrong signature for `set_input`"), "{err}");
        assert!(
            err.contains("expected (func (param i32 i32 i32) (result i32))"),
            "{err}"
        );
    }

    #[test]
    fn wrong_import_signature_is_rejected() {
        let graph = graph_interface();
        let err = rejected(&module(
            &format!(r#"(import "{graph}" "load-by-name" (func (param i32 i32) (result i32)))"#),
            SET_INPUT,
        ));
        assert!(
            err.contains(&format!(
                "wrong signature for import `{graph}`::`load-by-name`: `wasi:nn@"
            )),
            "{err}"
        );
        assert!(
            err.contains(
                "lowers it to (func (param i32 i32 i32)), found (func (param i32 i32) (result i32))"
            ),
            "{err}"
        );
    }

    #[test]
    fn unknown_import_is_rejected() {
        let graph = graph_interface();
        let err = rejected(&module(
            &format!(r#"(import "{graph}" "load-by-url" (func (param i32 i32 i32)))"#),
            SET_INPUT,
        ));
        assert!(
            err.contains(&format!(
                "unknown import `{graph}`::`load-by-url`: `{graph}` in `wasi:nn@"
            )),
            "{err}"
        );
        assert!(err.contains("has no such function"), "{err}");
    }

    #[test]
    fn main_module_realloc_is_accepted() {
        let bytes = module(
            r#"(import "__main_module__" "cabi_realloc" (func (param i32 i32 i32 i32) (result i32)))"#,
            SET_INPUT,
        );
        verify_default(&bytes).unwrap();
    }

    #[test]
    fn foreign_import_is_rejected() {
        let err = rejected(&module(
            r#"(import "wasi_snapshot_preview1" "fd_write" (func))"#,
            SET_INPUT,
        ));
        assert!(
            err.contains("foreign import `wasi_snapshot_preview1`::`fd_write`"),
            "{err}"
        );
        let err = rejected(&module(
            r#"(import "wasi:nn/graph@0.2.0-rc-2024-08-19" "load" (func))"#,
            SET_INPUT,
        ));
        assert!(err.contains("foreign import"), "{err}");
    }

    #[test]
    fn start_function_is_rejected() {
        let err = rejected(&module("(func $s) (start $s)", SET_INPUT));
        assert!(err.contains("start function"), "{err}");
    }

    #[test]
    fn defined_memory_is_rejected() {
        let bytes = wat::parse_str(
            r#"(module (memory 1) (func (export "compute") (param i32) (result i32) i32.const 0))"#,
        )
        .unwrap();
        let err = rejected(&bytes);
        assert!(err.contains("memory"), "{err}");
    }

    #[test]
    fn immutable_global_is_rejected() {
        let err = rejected(&module("(global i32 (i32.const 0))", SET_INPUT));
        assert!(err.contains("immutable"), "{err}");
    }

    #[test]
    fn extra_and_missing_exports_are_rejected() {
        let err = rejected(&module(r#"(func (export "extra"))"#, SET_INPUT));
        assert!(err.contains("unexpected export `extra`"), "{err}");
        let err = rejected(&module(
            r#"(global (export "g") (mut i32) (i32.const 0))"#,
            SET_INPUT,
        ));
        assert!(err.contains("export `g`"), "{err}");
    }

    /// `bytes` without the custom sections whose name starts with `prefix`.
    fn without_custom(bytes: &[u8], prefix: &str) -> Vec<u8> {
        let mut out = wasm_encoder::Module::new();
        for payload in Parser::new(0).parse_all(bytes) {
            let payload = payload.unwrap();
            if let Payload::CustomSection(c) = &payload {
                if c.name().starts_with(prefix) {
                    continue;
                }
            }
            if let Some((id, range)) = payload.as_section() {
                out.section(&wasm_encoder::RawSection {
                    id,
                    data: &bytes[range],
                });
            }
        }
        out.finish()
    }

    #[test]
    fn missing_component_type_is_rejected() {
        let err = rejected(&without_custom(&module("", SET_INPUT), "component-type"));
        assert!(err.contains("component-type"), "{err}");
    }

    #[test]
    fn stripped_names_are_rejected() {
        let err = rejected(&without_custom(&module("", SET_INPUT), "name"));
        assert!(err.contains("name"), "{err}");
        // Also for the real adapter: a stripped adapter encodes but faults
        // at run time, so this must never pass.
        let err = rejected(&without_custom(artifact(WasiNnVersion::default()), "name"));
        assert!(err.contains("`name` section"), "{err}");
    }
}
