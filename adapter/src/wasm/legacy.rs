//! The six legacy exports and `cabi_import_realloc`.
//!
//! Every guest-supplied value is checked before use: pointers and lengths
//! against the current memory size (overflow-safe), enums against the
//! conversion tables, tensor data length against its dimensions. A bad value
//! returns `invalid_argument`; nothing a guest passes can make the adapter
//! trap or make the canonical ABI trap on the adapter's behalf. Where the
//! reference WITX host (wasmtime-wasi-nn 48) returns an errno, the adapter
//! returns the same one; see docs/adapter.md for the full table.

use super::arena::{guest_bytes, in_bounds, Arena, RawVec};
use super::host;
use super::state::{Context, Graph, Named, Slot, State, Tables};
use crate::convert::{self, errno, Call};
use crate::names::{self, TableWriter};
use crate::nodata::is_utf8;
use core::mem::size_of;
use core::ptr::{read_unaligned, write_unaligned};

/// Reads the `u32` at guest address `addr`.
///
/// # Safety
/// `in_bounds(addr, 4)` must hold (which also rules out address 0).
unsafe fn read(addr: u32) -> u32 {
    read_unaligned(addr as *const u32)
}

/// Writes `value` to guest address `addr`.
///
/// # Safety
/// As for [`read`].
unsafe fn write(addr: u32, value: u32) {
    write_unaligned(addr as *mut u32, value)
}

/// `SUCCESS` when the `result<T, error>` in return area `ret` is `ok` (its
/// payload is then `ret[1]`), else the errno for its error (the WIT error
/// of `call`, see [`convert::errno_for`]). Not inlined: one copy of the
/// error conversion serves every call; one `u32` answer needs no memory.
#[inline(never)]
fn result(ret: &[u32; 4], call: Call) -> u32 {
    // The discriminant is one byte; the host leaves the rest of the word.
    match ret[0] & 0xff {
        0 => errno::SUCCESS,
        _ => convert::errno_for(call, host::take_error(ret[1])),
    }
}

/// WITX `load(builder: graph_builder_array, encoding, target) -> graph`.
///
/// The guest's array of `(ptr, len)` pairs is exactly the canonical-ABI
/// layout of `list<list<u8>>`, so it is passed to WIT `load` as it is, after
/// checking that the host can lift it without trapping (aligned, in bounds).
#[export_name = "load"]
pub extern "C" fn legacy_load(
    builders: u32,
    count: u32,
    encoding: u32,
    target: u32,
    out: u32,
) -> u32 {
    let (Some(encoding), Some(target)) = (
        convert::graph_encoding(encoding),
        convert::execution_target(target),
    ) else {
        return errno::INVALID_ARGUMENT;
    };
    if !builders.is_multiple_of(4)
        || !in_bounds(builders, u64::from(count) * 8)
        || !in_bounds(out, 4)
    {
        return errno::INVALID_ARGUMENT;
    }
    // SAFETY (every `read` and `write` of `load`): the array `[builders,
    // builders + 8 * count)` and `out` are in bounds.
    for i in 0..count {
        let entry = builders + i * 8;
        if !in_bounds(
            unsafe { read(entry) },
            u64::from(unsafe { read(entry + 4) }),
        ) {
            return errno::INVALID_ARGUMENT;
        }
    }
    State::with(|state, tables| {
        // Room for the new entry first, so that a graph the host created is
        // never lost to an allocation failure.
        if tables.graphs.reserve(&state.arena, 1).is_none() {
            return errno::TOO_LARGE;
        }
        // SAFETY: arguments checked above; `ret` is our return area.
        unsafe { host::load(builders, count, encoding, target, tables.ret.as_mut_ptr()) };
        let err = result(&tables.ret, Call::Load);
        if err != errno::SUCCESS {
            return err;
        }
        let handle = tables.ret[1];
        let mut graph = Graph {
            handle,
            names: RawVec::default(),
            inputs: 0,
            outputs: 0,
            named: 0,
        };
        let parse = matches!(
            encoding,
            convert::encoding::OPENVINO | convert::encoding::ONNX | convert::encoding::AUTODETECT
        );
        if count > 0 && parse {
            // SAFETY: builder 0 was checked to be in bounds above.
            unsafe { read_names(&state.arena, &mut graph, read(builders), read(builders + 4)) };
        }
        let _ = tables.graphs.push(&state.arena, graph);
        unsafe { write(out, tables.graphs.len() - 1) };
        errno::SUCCESS
    })
}

/// Parses the model in `[ptr, ptr + len)` for tensor names and copies them
/// into the graph's own table (the guest may free its builder after `load`).
/// On a parse failure or out-of-memory the graph keeps no names.
///
/// # Safety
/// `in_bounds(ptr, len)` must hold.
unsafe fn read_names(arena: &Arena, graph: &mut Graph, ptr: u32, len: u32) {
    let model = guest_bytes(ptr, len);
    let mut buf = super::arena::ArenaBuf {
        arena,
        vec: RawVec::default(),
    };
    let mut writer = TableWriter::new(&mut buf);
    let ok = names::parse(model, &mut writer) && writer.ok;
    let (inputs, outputs) = (writer.inputs, writer.outputs);
    if ok {
        *graph = Graph {
            names: buf.vec,
            inputs,
            outputs,
            named: 1,
            ..*graph
        };
    } else {
        buf.vec.release(buf.arena);
    }
}

/// WITX `load_by_name(name: string) -> graph`. The adapter never sees the
/// model bytes here, so tensors are named by index.
#[export_name = "load_by_name"]
pub extern "C" fn legacy_load_by_name(name: u32, name_len: u32, out: u32) -> u32 {
    if !in_bounds(name, u64::from(name_len)) || !in_bounds(out, 4) {
        return errno::INVALID_ARGUMENT;
    }
    // SAFETY: bounds checked above.
    let bytes = unsafe { guest_bytes(name, name_len) };
    // Lifting a WIT `string` traps on invalid UTF-8; check it here instead.
    if !is_utf8(bytes) {
        return errno::INVALID_ARGUMENT;
    }
    State::with(|state, tables| {
        if tables.graphs.reserve(&state.arena, 1).is_none() {
            return errno::TOO_LARGE;
        }
        // SAFETY: arguments checked above; `ret` is our return area.
        unsafe { host::load_by_name(name, name_len, tables.ret.as_mut_ptr()) };
        let err = result(&tables.ret, Call::LoadByName);
        if err != errno::SUCCESS {
            return err;
        }
        let handle = tables.ret[1];
        let graph = Graph {
            handle,
            names: RawVec::default(),
            inputs: 0,
            outputs: 0,
            named: 0,
        };
        let _ = tables.graphs.push(&state.arena, graph);
        // SAFETY: `out` checked above.
        unsafe { write(out, tables.graphs.len() - 1) };
        errno::SUCCESS
    })
}

/// WITX `init_execution_context(graph) -> graph_execution_context`.
#[export_name = "init_execution_context"]
pub extern "C" fn legacy_init_execution_context(graph: u32, out: u32) -> u32 {
    State::with(|state, tables| {
        let Some(&mut Graph { handle, .. }) = tables.graphs.get_mut(graph) else {
            return errno::UNSUPPORTED_OPERATION;
        };
        if !in_bounds(out, 4) {
            return errno::INVALID_ARGUMENT;
        }
        if tables.contexts.reserve(&state.arena, 1).is_none() {
            return errno::TOO_LARGE;
        }
        // SAFETY: `handle` is a live graph handle; `ret` is our return area.
        unsafe { host::init_execution_context(handle, tables.ret.as_mut_ptr()) };
        let err = result(&tables.ret, Call::Other);
        if err != errno::SUCCESS {
            return err;
        }
        let context = tables.ret[1];
        let entry = Context {
            handle: context,
            graph,
            slots: RawVec::default(),
            outputs: 0,
            outputs_len: 0,
        };
        let _ = tables.contexts.push(&state.arena, entry);
        // SAFETY: `out` checked above.
        unsafe { write(out, tables.contexts.len() - 1) };
        errno::SUCCESS
    })
}

/// WITX `set_input(context, index, tensor)`.
///
/// Copies the tensor into an adapter-owned slot for `(context, index)` now,
/// so the guest may reuse its buffers right away; the slot's buffers are
/// reused by later calls when large enough.
#[export_name = "set_input"]
pub extern "C" fn legacy_set_input(context: u32, index: u32, tensor: u32) -> u32 {
    State::with(|state, tables| {
        let Some(ctx) = tables.contexts.get_mut(context) else {
            return errno::UNSUPPORTED_OPERATION;
        };
        // WITX `tensor` record: dimensions (ptr, len) at 0, type (u8) at 8,
        // data (ptr, len) at 12; 20 bytes.
        if !in_bounds(tensor, 20) {
            return errno::INVALID_ARGUMENT;
        }
        // SAFETY: the record is in bounds.
        let (dims, dims_len, witx_ty, data, data_len) = unsafe {
            (
                read(tensor),
                read(tensor + 4),
                read(tensor + 8) & 0xff,
                read(tensor + 12),
                read(tensor + 16),
            )
        };
        let Some(ty) = convert::tensor_type(witx_ty) else {
            return errno::INVALID_ARGUMENT;
        };
        if !in_bounds(dims, u64::from(dims_len) * 4) || !in_bounds(data, u64::from(data_len)) {
            return errno::INVALID_ARGUMENT;
        }
        let element = convert::element_size(ty).unwrap_or(1);
        // SAFETY: the dimensions are in bounds.
        let dim_values = (0..dims_len).map(|i| unsafe { read(dims + i * 4) });
        if convert::tensor_bytes(dim_values, element) != u64::from(data_len) {
            return errno::INVALID_ARGUMENT;
        }
        // With known names the input count is known: an index past it fails
        // where the reference fails (OpenVINO rejects the index: runtime_error).
        let graph = tables.graphs.as_slice().get(ctx.graph as usize);
        if graph.is_some_and(|g| g.named != 0 && index >= g.inputs) {
            return errno::RUNTIME_ERROR;
        }
        let arena = &state.arena;
        let slot_index = match ctx.slots.as_slice().iter().position(|s| s.index == index) {
            Some(i) => i as u32,
            None => {
                let empty = Slot {
                    index,
                    ty,
                    dims: RawVec::default(),
                    data: RawVec::default(),
                    decimal: [0; 10],
                };
                match ctx.slots.push(arena, empty) {
                    Some(i) => i,
                    None => return errno::TOO_LARGE,
                }
            }
        };
        let Some(slot) = ctx.slots.get_mut(slot_index) else {
            return errno::RUNTIME_ERROR;
        };
        slot.ty = ty;
        // SAFETY: both ranges were checked with `in_bounds` above.
        if unsafe { slot.dims.fill(arena, dims, dims_len) }.is_none()
            || unsafe { slot.data.fill(arena, data, data_len) }.is_none()
        {
            return errno::TOO_LARGE;
        }
        errno::SUCCESS
    })
}

/// Drops the tensors of the context's last `compute` and frees the list and
/// the name strings the host allocated through `cabi_import_realloc`.
fn release_outputs(arena: &Arena, tables: &mut Tables, context: u32) {
    let Some(ctx) = tables.contexts.get_mut(context) else {
        return;
    };
    let (list, len) = (ctx.outputs, ctx.outputs_len);
    ctx.outputs = 0;
    ctx.outputs_len = 0;
    if list == 0 {
        return;
    }
    // SAFETY: the list and strings were allocated by `cabi_import_realloc`
    // for this context's last compute and nothing else refers to them.
    unsafe {
        let items = core::slice::from_raw_parts(list as *const Named, len as usize);
        for item in items {
            host::tensor_drop(item.tensor);
            if item.name_len != 0 {
                arena.free(item.name as *mut u8);
            }
        }
        if len != 0 {
            arena.free(list as *mut u8);
        }
    }
}

/// WITX `compute(context)`.
///
/// Builds a WIT tensor from every slot set so far and calls WIT `compute`
/// with `(name, tensor)` pairs; the slots stay, so `compute` can run again
/// without new `set_input` calls. The previous outputs are released first.
#[export_name = "compute"]
pub extern "C" fn legacy_compute(context: u32) -> u32 {
    State::with(|state, tables| {
        if context >= tables.contexts.len() {
            return errno::UNSUPPORTED_OPERATION;
        }
        release_outputs(&state.arena, tables, context);
        let Some(ctx) = tables.contexts.get_mut(context) else {
            return errno::UNSUPPORTED_OPERATION;
        };
        let graph = tables.graphs.as_slice().get(ctx.graph as usize);
        let count = ctx.slots.len();
        let Some(list) = state.arena.alloc(count as usize * size_of::<Named>()) else {
            return errno::TOO_LARGE;
        };
        let list = list.as_ptr();
        for (i, slot) in ctx.slots.as_mut_slice().iter_mut().enumerate() {
            let (name, name_len) = input_name(graph, slot);
            // SAFETY: the slot's buffers hold a checked tensor; the
            // constructor copies them. `list` has room for `count` entries.
            unsafe {
                let tensor = host::tensor_new(
                    slot.dims.addr(),
                    slot.dims.len(),
                    slot.ty,
                    slot.data.addr(),
                    slot.data.len(),
                );
                (list as *mut Named).add(i).write(Named {
                    name,
                    name_len,
                    tensor,
                });
            }
        }
        // SAFETY: `list` holds `count` named tensors (moved to the host by
        // the call); `ret` is our return area.
        unsafe { host::compute(ctx.handle, list as u32, count, tables.ret.as_mut_ptr()) };
        // SAFETY: `list` came from `alloc` and the host no longer needs it.
        unsafe { state.arena.free(list) };
        let err = result(&tables.ret, Call::Other);
        if err != errno::SUCCESS {
            return err;
        }
        ctx.outputs = tables.ret[1];
        ctx.outputs_len = tables.ret[2];
        errno::SUCCESS
    })
}

/// The WIT name of input `slot`: the model's name for its index when known,
/// else its decimal index (written into the slot's scratch space).
fn input_name(graph: Option<&Graph>, slot: &mut Slot) -> (u32, u32) {
    if let Some(g) = graph.filter(|g| g.named != 0) {
        if let Some(name) = names::table_names(g.names.as_slice(), slot.index).next() {
            return (name.as_ptr() as u32, name.len() as u32);
        }
    }
    let name = convert::decimal(slot.index, &mut slot.decimal);
    (name.as_ptr() as u32, name.len() as u32)
}

/// The output tensor the legacy index `index` refers to: the output named
/// like any of the model's names for output `index`, else the one named with
/// the decimal index, else the one at position `index`.
fn find_output(tables: &Tables, context: u32, index: u32) -> Option<u32> {
    let ctx = tables.contexts.as_slice().get(context as usize)?;
    if ctx.outputs == 0 {
        return None;
    }
    // SAFETY: the list from the last compute holds `outputs_len` entries and
    // each name string lies in adapter memory.
    let outputs = unsafe {
        core::slice::from_raw_parts(ctx.outputs as *const Named, ctx.outputs_len as usize)
    };
    // SAFETY: each name string was written by the host into adapter memory.
    let named = |wanted: &[u8]| {
        let name_of = |o: &&Named| unsafe {
            core::slice::from_raw_parts(o.name as *const u8, o.name_len as usize)
        };
        outputs
            .iter()
            .find(|o| name_of(o) == wanted)
            .map(|o| o.tensor)
    };
    let graph = tables.graphs.as_slice().get(ctx.graph as usize)?;
    if graph.named != 0 && index < graph.outputs {
        if let Some(tensor) =
            names::table_names(graph.names.as_slice(), graph.inputs + index).find_map(named)
        {
            return Some(tensor);
        }
    }
    let mut digits = [0; 10];
    named(convert::decimal(index, &mut digits))
        .or_else(|| outputs.get(index as usize).map(|o| o.tensor))
}

/// WITX `get_output(context, index, out_buffer, out_buffer_max_size) ->
/// buffer_size`.
///
/// The size is computed from `dimensions()` and `ty()` first, so a short
/// buffer gets `too_large` with nothing written; otherwise `data()` is called
/// with `cabi_import_realloc` steered at the guest's buffer, so the host
/// writes the bytes straight into it.
#[export_name = "get_output"]
pub extern "C" fn legacy_get_output(context: u32, index: u32, buf: u32, max: u32, out: u32) -> u32 {
    State::with(|state, tables| {
        if context >= tables.contexts.len() {
            return errno::UNSUPPORTED_OPERATION;
        }
        let Some(tensor) = find_output(tables, context, index) else {
            return errno::RUNTIME_ERROR;
        };
        if !in_bounds(buf, u64::from(max)) || !in_bounds(out, 4) {
            return errno::INVALID_ARGUMENT;
        }
        // SAFETY: `tensor` is a live output handle; `ret` is our return area.
        unsafe { host::tensor_dimensions(tensor, tables.ret.as_mut_ptr()) };
        let (dims, dims_len) = (tables.ret[0], tables.ret[1]);
        // SAFETY: the host wrote `dims_len` u32s at `dims`, an address from
        // our realloc (never 0).
        let dim_values =
            unsafe { core::slice::from_raw_parts(dims as *const u32, dims_len as usize) };
        // SAFETY: `tensor` is a live output handle.
        let element = convert::element_size(unsafe { host::tensor_ty(tensor) });
        let bytes = element.map(|e| convert::tensor_bytes(dim_values.iter().copied(), e));
        if dims_len != 0 {
            // SAFETY: allocated by `cabi_import_realloc`, no longer used.
            unsafe { state.arena.free(dims as *mut u8) };
        }
        match bytes {
            None => return errno::RUNTIME_ERROR,
            Some(bytes) if bytes > u64::from(max) => return errno::TOO_LARGE,
            Some(_) => {}
        }
        let steer = state.steer(buf, max);
        // SAFETY: as above; the list lands at `buf` (checked to hold `max`
        // bytes) or, if the host returns more than `max`, in the arena.
        unsafe { host::tensor_data(tensor, tables.ret.as_mut_ptr()) };
        drop(steer);
        let (data, len) = (tables.ret[0], tables.ret[1]);
        if len != 0 && data != buf {
            // SAFETY: the list went to the arena because it did not fit.
            unsafe { state.arena.free(data as *mut u8) };
            return errno::TOO_LARGE;
        }
        // SAFETY: `out` checked above.
        unsafe { write(out, len) };
        errno::SUCCESS
    })
}

/// Allocator for everything the host returns to the adapter (wit-component
/// wires it as the `realloc` of every import lowered into the adapter).
///
/// During `get_output`'s `data()` call the one allocation is steered to the
/// guest's buffer when it fits; everything else comes from the arena and is
/// freed by the code that consumes it. Zero-byte requests get a fixed,
/// suitably aligned, non-null address (the state page) that is never freed.
/// The canonical ABI with UTF-8 strings never grows an existing block, and
/// an allocation the host needs but memory cannot hold cannot be reported as
/// an errno, so both trap.
///
/// It runs in the middle of an export's host call, so it uses only the
/// shared part of the state (invariant 2 in `state.rs`).
#[no_mangle]
pub extern "C" fn cabi_import_realloc(
    old_ptr: u32,
    old_len: u32,
    _align: u32,
    new_len: u32,
) -> u32 {
    let Some(state) = State::shared() else {
        core::arch::wasm32::unreachable()
    };
    if old_ptr != 0 || old_len != 0 {
        core::arch::wasm32::unreachable();
    }
    // Only `tensor.data()` (a `list<u8>`, alignment 1) is steered.
    if let Some(steered) = state.take_steering(new_len) {
        return steered;
    }
    if new_len == 0 {
        return state as *const State as u32;
    }
    match state.arena.alloc(new_len as usize) {
        Some(ptr) => ptr.as_ptr() as u32,
        None => core::arch::wasm32::unreachable(),
    }
}
