//! The finishing step of `adapter/build.sh`.

use anyhow::{ensure, Result};
use wasmparser::{ExternalKind, Name, Operator, Parser, Payload};

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
///   names would take about a quarter of the size budget
///   (`nn_abi::ADAPTER_SIZE_BUDGET`).
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
