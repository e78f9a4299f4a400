//! Turning a start-section program into a command: its start function is
//! exported as `_start` and the start section dropped, so that it runs when
//! `wasi:cli/run` runs it, with the adapters ready, rather than while the
//! module is being instantiated.

use anyhow::Context;
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{ExportKind, ExportSection, Module, RawSection};
use wasmparser::{Parser, Payload};

/// `binary` with function `start` exported as `_start` instead of run from
/// the start section. Every other section is copied byte for byte.
pub(crate) fn export_start_as_entry(binary: &[u8], start: u32) -> anyhow::Result<Vec<u8>> {
    let mut module = Module::new();
    let mut exports = None;
    for payload in Parser::new(0).parse_all(binary) {
        let payload = payload?;
        match &payload {
            Payload::ExportSection(reader) => {
                let mut section = ExportSection::new();
                RoundtripReencoder
                    .parse_export_section(&mut section, reader.clone())
                    .context("cannot re-encode the export section")?;
                exports = Some(section);
                continue;
            }
            // The export section comes right before the start section, so
            // this is where the new export goes (in a new section if need be).
            Payload::StartSection { .. } => {
                let mut section = exports.take().unwrap_or_default();
                section.export("_start", ExportKind::Func, start);
                module.section(&section);
                continue;
            }
            _ => {}
        }
        if let Some(section) = exports.take() {
            module.section(&section);
        }
        if let Some((id, range)) = payload.as_section() {
            module.section(&RawSection {
                id,
                data: &binary[range],
            });
        }
    }
    Ok(module.finish())
}
