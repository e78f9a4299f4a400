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
//! What the function writes for a graph (`GraphNames::encode` in
//! `nn-adapter-tools`): the graph's name table in the format of
//! [`crate::names::TableWriter`], then its input and output counts
//! (little-endian u32), last so that dropping them leaves the table.

use super::arena::{Arena, RawVec};
use super::bake_import::baked_names;
use super::state::Graph;

/// Gives `graph` the baked names of the graph called `[at, at + len)` in
/// guest memory, if there are any; otherwise (or if memory runs out) it
/// keeps none.
pub fn apply(arena: &Arena, graph: &mut Graph, at: u32, len: u32) {
    // `baked_names(name, len, dst)`: the length of the names baked for the
    // graph called `[name, name + len)` (0: none), written to `dst` unless
    // it is 0.
    // SAFETY: a generated function that reads the name (checked in bounds
    // by the caller; wasm code, so address 0 is no exception) and writes
    // nothing for `dst` = 0.
    let total = unsafe { baked_names(at, len, 0) };
    if total < 8 {
        return;
    }
    let mut names = RawVec::default();
    let Some(bytes) = names.zeroed(arena, total) else {
        return;
    };
    // SAFETY: `bytes` has room for the `total` bytes the call writes.
    unsafe { baked_names(at, len, bytes.as_mut_ptr() as u32) };
    let count = |at: u32| {
        // SAFETY: `at + 4 <= total`, inside the block just written.
        unsafe { core::ptr::read_unaligned((names.addr() + at) as *const u32) }
    };
    let (inputs, outputs) = (count(total - 8), count(total - 4));
    names.truncate(total - 8);
    *graph = Graph {
        names,
        inputs,
        outputs,
        named: 1,
        ..*graph
    };
}
