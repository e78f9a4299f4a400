//! Tensor names baked in at componentize time, for graphs loaded by name.
//!
//! `load_by_name` never shows the adapter the model's bytes, so without help
//! its tensors are named by decimal index, which hosts that address tensors
//! by name (upstream Wasmtime's OpenVINO backend) do not accept.
//! `nn-componentize --graph`/`--names` reads the names when it builds the
//! component and replaces the import below with a generated function whose
//! code writes them out (generated code, because an adapter may not have
//! data segments). An adapter nobody baked anything into gets a function
//! that writes nothing, so every graph keeps today's decimal rule.
//!
//! The table, little-endian and unaligned, is a run of entries:
//! `entry_len: u32` (all of the entry, this word included), `name_len: u32`,
//! `inputs: u32`, `outputs: u32`, the graph name, then the graph's name table
//! in the format of [`crate::names::TableWriter`].

use super::arena::{Arena, RawVec};
use super::state::Graph;

#[link(wasm_import_module = "nn-componentize")]
extern "C" {
    /// Writes the baked table to `dst` unless `dst` is 0; returns its length.
    #[link_name = "baked-names"]
    fn baked_names(dst: u32) -> u32;
}

/// The `u32` at `at` in `bytes`, if it is there.
fn word(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Gives `graph` the baked names of the graph called `name`, if there are
/// any; otherwise (or if memory runs out) it keeps none.
pub fn apply(arena: &Arena, graph: &mut Graph, name: &[u8]) {
    // SAFETY: a generated function that writes nothing for `dst` = 0.
    let len = unsafe { baked_names(0) };
    if len == 0 {
        return;
    }
    let Some(blob) = arena.alloc(len as usize) else {
        return;
    };
    // SAFETY: `blob` has room for `len` bytes, which the call writes.
    let table = unsafe {
        baked_names(blob.as_ptr() as u32);
        core::slice::from_raw_parts(blob.as_ptr(), len as usize)
    };
    let mut rest = table;
    while let (Some(entry_len), Some(name_len), Some(inputs), Some(outputs)) =
        (word(rest, 0), word(rest, 4), word(rest, 8), word(rest, 12))
    {
        let (Some(entry), Some(names_at)) = (
            rest.get(..entry_len as usize),
            16usize.checked_add(name_len as usize),
        ) else {
            break;
        };
        if entry.get(16..names_at) == Some(name) {
            if let Some(names) = entry.get(names_at..) {
                let mut copy = RawVec::default();
                // SAFETY: `names` lies in `blob`, adapter memory.
                if unsafe { copy.fill(arena, names.as_ptr() as u32, names.len() as u32) }.is_some()
                {
                    *graph = Graph {
                        names: copy,
                        inputs,
                        outputs,
                        named: 1,
                        ..*graph
                    };
                }
            }
            break;
        }
        rest = rest.get(entry.len().max(1)..).unwrap_or_default();
    }
    // SAFETY: `blob` came from `alloc` and nothing refers to it any more.
    unsafe { arena.free(blob.as_ptr()) };
}
