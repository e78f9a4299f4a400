//! Shape checks for the `wasi_ephemeral_nn` adapter module, and the
//! committed adapter bytes.
//!
//! wit-component accepts an adapter module only in a restricted shape, and
//! some mistakes (a stripped name section, a data segment) only show at run
//! time or in a confusing encoder error. [`verify`] checks the built bytes up
//! front:
//! * imports: functions only from `wasi:nn/{tensor,graph,inference,errors}@
//!   0.2.0-rc-2024-10-28` (names the WIT defines) and `cabi_realloc` from
//!   `__main_module__`; exactly one memory; no tables, globals or tags;
//! * no defined memory, no tables, no data or element segments, no start
//!   function; every defined global mutable (state lives in memory obtained at
//!   run time, its pointer in a global);
//! * exports: exactly the six legacy functions with the core signatures the
//!   WITX implies, plus `cabi_import_realloc`;
//! * a `component-type` custom section (the WIT world wit-component merges)
//!   and a `name` section naming every defined global (wit-component finds
//!   `__stack_pointer` and `allocation_state` by name).

use anyhow::{bail, ensure, Context, Result};
use std::collections::BTreeMap;
use wasmparser::{
    ExternalKind, FuncType, Name, Operator, Parser, Payload, TypeRef, ValType, Validator,
    WasmFeatures,
};

/// The committed release build of the adapter (`adapter/build.sh` writes it,
/// `adapter/build.sh --check` proves it is current). Every crate that embeds
/// the adapter takes the bytes from here.
pub const ADAPTER: &[u8] = include_bytes!("../../artifacts/wasi_ephemeral_nn.wasm");

/// The name under which wit-component must be given the adapter: the legacy
/// guest imports its functions from this module.
pub const ADAPTER_NAME: &str = "wasi_ephemeral_nn";

/// The WIT package version the adapter imports.
pub const WIT_VERSION: &str = "0.2.0-rc-2024-10-28";

/// Largest acceptable artifact (an issue requirement: under 12 KiB).
pub const MAX_SIZE: usize = 12 * 1024;

const I32: ValType = ValType::I32;

/// The exports and their core signatures `(params, results)`.
///
/// Derived from `witx/wasi_ephemeral_nn.witx`: every handle, enum, size and
/// pointer is one `i32`; a list or string is `(ptr, len)`; a record (the
/// `tensor` of `set_input`) is passed by pointer; an `expected` with a value
/// adds an out-pointer parameter; the result is the `nn_errno`.
pub fn expected_exports() -> BTreeMap<&'static str, (Vec<ValType>, Vec<ValType>)> {
    let sig = |params: usize| (vec![I32; params], vec![I32]);
    BTreeMap::from([
        // builder (ptr, len), encoding, target, graph out-pointer
        ("load", sig(5)),
        // name (ptr, len), graph out-pointer
        ("load_by_name", sig(3)),
        // graph, context out-pointer
        ("init_execution_context", sig(2)),
        // context, index, tensor record pointer
        ("set_input", sig(3)),
        // context, index, buffer pointer, buffer size, written out-pointer
        ("get_output", sig(5)),
        // context
        ("compute", sig(1)),
        // (old_ptr, old_len, align, new_len) -> ptr
        ("cabi_import_realloc", sig(4)),
    ])
}

/// Functions the WIT interfaces define, as the canonical ABI names them.
fn allowed_import(module: &str, name: &str) -> bool {
    let Some((interface, version)) = module
        .strip_prefix("wasi:nn/")
        .and_then(|m| m.split_once('@'))
    else {
        return module == "__main_module__" && name == "cabi_realloc";
    };
    if version != WIT_VERSION {
        return false;
    }
    let names: &[&str] = match interface {
        "tensor" => &[
            "[constructor]tensor",
            "[method]tensor.dimensions",
            "[method]tensor.ty",
            "[method]tensor.data",
            "[resource-drop]tensor",
        ],
        "graph" => &[
            "load",
            "load-by-name",
            "[method]graph.init-execution-context",
            "[resource-drop]graph",
        ],
        "inference" => &[
            "[method]graph-execution-context.compute",
            "[resource-drop]graph-execution-context",
        ],
        "errors" => &[
            "[method]error.code",
            "[method]error.data",
            "[resource-drop]error",
        ],
        _ => &[],
    };
    names.contains(&name)
}

/// Exports rustc always adds to a `wasm32-unknown-unknown` cdylib (with
/// `--export=__heap_base --export=__data_end`); nothing uses them.
const RUSTC_EXPORTS: [&str; 2] = ["__heap_base", "__data_end"];

/// The last step of `adapter/build.sh`: turns the module the linker wrote
/// into the committed adapter.
///
/// * Drops the exports of [`RUSTC_EXPORTS`] and the immutable globals behind
///   them (they must be the last globals and unused by code, else this
///   fails): an adapter defines mutable globals only.
/// * Keeps only the global names of the `name` section: wit-component looks
///   up `__stack_pointer` and `allocation_state` by name, while function
///   names would take about a quarter of the 12 KiB size budget.
/// * Drops the informational `producers` and `target_features` sections
///   (toolchain versions and linker feature notes, read by nothing
///   downstream; the `component-type` section keeps its own producers).
///
/// Everything else is copied byte for byte, so the result is as
/// reproducible as the linker's output.
pub fn finish(linked: &[u8]) -> Result<Vec<u8>> {
    let mut drop_globals = Vec::new();
    let mut global_count = 0u32;
    let mut used_globals = Vec::new();
    for payload in Parser::new(0).parse_all(linked) {
        match payload? {
            Payload::GlobalSection(s) => global_count = s.count(),
            Payload::ExportSection(s) => {
                for export in s {
                    let export = export?;
                    if RUSTC_EXPORTS.contains(&export.name) {
                        ensure!(
                            export.kind == ExternalKind::Global,
                            "`{}` is not a global",
                            export.name
                        );
                        drop_globals.push(export.index);
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let mut ops = body.get_operators_reader()?;
                while !ops.eof() {
                    if let Operator::GlobalGet { global_index }
                    | Operator::GlobalSet { global_index } = ops.read()?
                    {
                        used_globals.push(global_index);
                    }
                }
            }
            _ => {}
        }
    }
    drop_globals.sort_unstable();
    let keep_globals = global_count - drop_globals.len() as u32;
    for (i, &g) in drop_globals.iter().enumerate() {
        ensure!(
            g == keep_globals + i as u32,
            "global {g} exported by rustc is not among the last globals"
        );
        ensure!(
            !used_globals.contains(&g),
            "global {g} exported by rustc is used by code"
        );
    }

    let mut out = wasm_encoder::Module::new();
    for payload in Parser::new(0).parse_all(linked) {
        let payload = payload?;
        match &payload {
            Payload::GlobalSection(s) => {
                let mut globals = wasm_encoder::GlobalSection::new();
                for (i, global) in s.clone().into_iter().enumerate() {
                    if (i as u32) < keep_globals {
                        let global = global?;
                        globals.global(
                            wasm_encoder::GlobalType::try_from(global.ty)?,
                            &wasm_encoder::ConstExpr::try_from(global.init_expr)?,
                        );
                    }
                }
                out.section(&globals);
            }
            Payload::ExportSection(s) => {
                let mut exports = wasm_encoder::ExportSection::new();
                for export in s.clone() {
                    let export = export?;
                    if !RUSTC_EXPORTS.contains(&export.name) {
                        exports.export(export.name, export.kind.into(), export.index);
                    }
                }
                out.section(&exports);
            }
            Payload::CustomSection(c)
                if c.name() == "producers" || c.name() == "target_features" => {}
            Payload::CustomSection(c) if c.name() == "name" => {
                let mut names = wasm_encoder::NameMap::new();
                if let wasmparser::KnownCustom::Name(reader) = c.as_known() {
                    for subsection in reader {
                        if let Name::Global(map) = subsection? {
                            for naming in map {
                                let naming = naming?;
                                if naming.index < keep_globals {
                                    names.append(naming.index, naming.name);
                                }
                            }
                        }
                    }
                }
                let mut section = wasm_encoder::NameSection::new();
                section.globals(&names);
                out.section(&section);
            }
            other => {
                if let Some((id, range)) = other.as_section() {
                    out.section(&wasm_encoder::RawSection {
                        id,
                        data: &linked[range],
                    });
                }
            }
        }
    }
    Ok(out.finish())
}

fn show(ty: &FuncType) -> String {
    format!("{:?} -> {:?}", ty.params(), ty.results())
}

/// Checks that `bytes` is an adapter module wit-component accepts with the
/// legacy `wasi_ephemeral_nn` exports; the error names the first problem.
pub fn verify(bytes: &[u8]) -> Result<()> {
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
                            ensure!(
                                allowed_import(import.module, import.name),
                                "foreign import `{}`::`{}`: only wasi:nn@{WIT_VERSION} functions and \
                                 `__main_module__::cabi_realloc` may be imported",
                                import.module,
                                import.name
                            );
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
    for (name, (params, results)) in &expected {
        let index = *exports
            .get(*name)
            .with_context(|| format!("missing export `{name}`"))?;
        let ty = func_types
            .get(index as usize)
            .and_then(|t| types.get(*t as usize))
            .with_context(|| format!("export `{name}` has no function type"))?;
        ensure!(
            ty.params() == params.as_slice() && ty.results() == results.as_slice(),
            "wrong signature for `{name}`: expected {params:?} -> {results:?}, found {}",
            show(ty)
        );
    }

    ensure!(
        component_type,
        "missing `component-type` custom section (the WIT world of the imports)"
    );
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

    #[test]
    fn committed_artifact_passes() {
        verify(ADAPTER).unwrap();
    }

    #[test]
    fn committed_artifact_is_under_12_kib() {
        assert!(
            ADAPTER.len() < MAX_SIZE,
            "adapter is {} bytes, limit {MAX_SIZE}",
            ADAPTER.len()
        );
    }

    /// A minimal module of the right shape; `extra` is spliced in to break it
    /// (imports go before everything else, as the text format requires).
    fn module(extra: &str, set_input: &str) -> Vec<u8> {
        let (imports, extra) = if extra.starts_with("(import") {
            (extra, "")
        } else {
            ("", extra)
        };
        let wat = format!(
            r#"(module
                {imports}
                (import "wasi:nn/graph@0.2.0-rc-2024-10-28" "load" (func (param i32 i32 i32 i32 i32)))
                (import "env" "memory" (memory 0))
                (global $allocation_state (mut i32) (i32.const 0))
                (func (export "load") (param i32 i32 i32 i32 i32) (result i32) i32.const 0)
                (func (export "load_by_name") (param i32 i32 i32) (result i32) i32.const 0)
                (func (export "init_execution_context") (param i32 i32) (result i32) i32.const 0)
                (func (export "set_input") {set_input} i32.const 0)
                (func (export "get_output") (param i32 i32 i32 i32 i32) (result i32) i32.const 0)
                (func (export "compute") (param i32) (result i32) i32.const 0)
                (func (export "cabi_import_realloc") (param i32 i32 i32 i32) (result i32) i32.const 0)
                (@custom "component-type:test" "")
                {extra}
            )"#
        );
        wat::parse_str(wat).unwrap()
    }

    const SET_INPUT: &str = "(param i32 i32 i32) (result i32)";

    fn rejected(bytes: &[u8]) -> String {
        format!("{:#}", verify(bytes).unwrap_err())
    }

    #[test]
    fn minimal_module_passes() {
        verify(&module("", SET_INPUT)).unwrap();
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
        assert!(err.contains("[I32, I32, I32] -> [I32]"), "{err}");
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
        let err = rejected(&without_custom(ADAPTER, "name"));
        assert!(err.contains("`name` section"), "{err}");
    }
}
