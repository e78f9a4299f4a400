//! Inference on `wasi:nn@0.2.0-rc-2024-10-28`: WIT `compute` takes every
//! input as a `(name, tensor)` list and returns the outputs the same way.
//!
//! The WIT tensors are moved to the host by `compute`, while a legacy guest
//! may call `compute` again without new `set_input` calls, or replace one
//! input of several. So `set_input` copies the tensor into an adapter-owned
//! slot for `(context, index)`, whose buffers later calls reuse, and
//! `compute` builds a WIT tensor from every slot. The returned list is kept
//! per context until the next `compute`.

use super::{Cx, Inference};
use crate::convert::{self, errno, Call};
use crate::nodata::same;
use crate::wasm::arena::{Arena, RawVec};
use crate::wasm::host::{self, result};
use crate::wasm::state::Graph;
use crate::wasm::tensors::{model_names, tensor_name, GuestTensor};
use core::mem::size_of;

/// [`Inference`] with WIT `compute(list<tuple<string, tensor>>)`; per
/// context, the inputs set so far and the outputs of the last compute.
#[derive(Clone, Copy, Default)]
#[repr(C)]
pub struct ComputeList {
    slots: RawVec<Slot>,
    /// The list from WIT `compute` (allocated through
    /// `cabi_import_realloc`), `0` before the first successful compute.
    outputs: u32,
    outputs_len: u32,
}

/// One `set_input` slot: a copy of the guest's tensor taken at call time.
/// (Fields in this order, pinned below, make the adapter 6 B smaller than
/// `index, ty, dims, data, decimal`.)
#[derive(Clone, Copy)]
#[repr(C)]
struct Slot {
    dims: RawVec<u32>,
    data: RawVec<u8>,
    /// Room for the decimal name of `index` while `compute` runs.
    decimal: [u8; 10],
    /// WIT `tensor-type`.
    ty: u32,
    index: u32,
}

pin_field_order!(Slot: dims, data, decimal, ty, index);

/// One element of the list WIT `compute` takes and returns, as the
/// canonical ABI lays out `tuple<string, tensor>`: name pointer, name
/// length, tensor handle.
#[derive(Clone, Copy)]
#[repr(C)]
struct Named {
    name: u32,
    name_len: u32,
    tensor: u32,
}

impl Inference for ComputeList {
    /// `get_output`'s tensor belongs to the context's output list.
    const OUTPUT_IS_OWNED: bool = false;

    fn set_input(&mut self, cx: Cx<'_>, index: u32, tensor: &GuestTensor) -> u32 {
        set_input(cx.arena, self, index, tensor)
    }

    fn compute(&mut self, cx: Cx<'_>) -> u32 {
        compute(self, cx)
    }

    fn output(&self, cx: Cx<'_>, index: u32) -> u32 {
        output(self, cx.graph, cx.ret, index)
    }

    #[cfg(not(feature = "wamr-wasi-nn"))]
    fn finalize(&mut self, cx: Cx<'_>) {
        release(cx.arena, self);
        // SAFETY: a live context handle, which the caller forgets.
        unsafe { host::context_drop(cx.handle) };
    }
}

/// Copies `tensor` into the slot for `index`.
fn set_input(arena: &Arena, io: &mut ComputeList, index: u32, tensor: &GuestTensor) -> u32 {
    let slots = &mut io.slots;
    // The slot for `index`, else a new one (zero: empty buffers).
    let slot = match slots.as_mut_slice().iter_mut().find(|s| s.index == index) {
        Some(slot) => Some(slot),
        None => slots.push_zeroed(arena),
    };
    let Some(slot) = slot else {
        return errno::TOO_LARGE;
    };
    slot.index = index;
    slot.ty = tensor.ty;
    // SAFETY: `GuestTensor::read` checked both ranges.
    if unsafe { slot.dims.fill(arena, tensor.dims, tensor.dims_len) }.is_none()
        || unsafe { slot.data.fill(arena, tensor.data, tensor.data_len) }.is_none()
    {
        return errno::TOO_LARGE;
    }
    errno::SUCCESS
}

/// Drops the tensors of the context's last `compute` and frees the list and
/// the name strings the host allocated through `cabi_import_realloc`.
fn release_outputs(arena: &Arena, io: &mut ComputeList) {
    let (list, len) = (io.outputs, io.outputs_len);
    io.outputs = 0;
    io.outputs_len = 0;
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

/// Frees everything `io` holds: the outputs of the last compute and every
/// input slot. Not inlined: smaller as a call.
#[cfg(not(feature = "wamr-wasi-nn"))]
#[inline(never)]
fn release(arena: &Arena, io: &mut ComputeList) {
    release_outputs(arena, io);
    for slot in io.slots.as_mut_slice() {
        slot.dims.release(arena);
        slot.data.release(arena);
    }
    io.slots.release(arena);
}

/// Releases the previous outputs, builds a WIT tensor from every slot and
/// calls WIT `compute` with `(name, tensor)` pairs; the slots stay, so
/// `compute` can run again without new `set_input` calls.
///
/// On a graph whose input count is unknown (loaded by name, without names,
/// and not a GGML one),
/// `set_input` cannot refuse an index past the inputs as the reference does,
/// and the host refuses every `compute` that names it. So a failed
/// `compute` there is retried without the slots of the highest indices,
/// and a retry that succeeds retires the slots it left out: the context
/// keeps working, as the reference's does.
fn compute(io: &mut ComputeList, cx: Cx<'_>) -> u32 {
    let Cx {
        arena,
        handle,
        graph,
        ret,
    } = cx;
    release_outputs(arena, io);
    let count = io.slots.len();
    let Some(list) = arena.alloc(count as usize * size_of::<Named>()) else {
        return errno::TOO_LARGE;
    };
    let list = list.as_ptr();
    // Slots of an index at or past `limit` are left out.
    let mut limit = RETIRED;
    let err = loop {
        let mut sent = 0;
        for slot in io.slots.as_mut_slice() {
            if slot.index >= limit {
                continue;
            }
            let name = tensor_name(graph, false, slot.index, &mut slot.decimal);
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
                (list as *mut Named).add(sent).write(Named {
                    name: name.as_ptr() as u32,
                    name_len: name.len() as u32,
                    tensor,
                });
            }
            sent += 1;
        }
        // SAFETY: `list` holds `sent` named tensors (moved to the host by
        // the call); `ret` is our return area.
        unsafe { host::compute(handle, list as u32, sent as u32, ret.as_mut_ptr()) };
        let err = result(ret, Call::Other);
        // A GGML graph's inputs are known (`nn_abi::ggml`): its refusals
        // stand.
        let known = graph.is_some_and(|g| g.named != 0 || g.ggml != 0);
        if err == errno::SUCCESS || known || limit.min(count) <= 1 {
            break err;
        }
        limit = limit.min(count) - 1;
    };
    // SAFETY: `list` came from `alloc` and the host no longer needs it.
    unsafe { arena.free(list) };
    if err != errno::SUCCESS {
        return err;
    }
    for slot in io.slots.as_mut_slice() {
        if slot.index >= limit {
            slot.index = RETIRED;
        }
    }
    io.outputs = ret[1];
    io.outputs_len = ret[2];
    errno::SUCCESS
}

/// The index of a slot [`compute`] retired: no `set_input` names it, and no
/// `compute` sends it.
const RETIRED: u32 = u32::MAX;

/// The output tensor the legacy index `index` refers to: the output named
/// like any of the model's names for output `index`, else the one named with
/// the decimal index, else the one at position `index`. 0 (never a handle)
/// when there is none, or no `compute` yet: `runtime_error`, as the
/// reference answers.
fn output(io: &ComputeList, graph: Option<&Graph>, ret: &mut [u32; 4], index: u32) -> u32 {
    if io.outputs == 0 {
        return 0;
    }
    // SAFETY: the list from the last compute holds `outputs_len` entries and
    // each name string lies in adapter memory.
    let outputs =
        unsafe { core::slice::from_raw_parts(io.outputs as *const Named, io.outputs_len as usize) };
    // The model's names for the output, if known, then its decimal index.
    for wanted in model_names(graph, true, index) {
        let tensor = named(outputs, wanted);
        if tensor != 0 {
            return tensor;
        }
    }
    // The return area, unused here, holds the digits (no buffer to clear).
    // SAFETY: its 16 bytes are ours for as long as `ret` is borrowed.
    let digits = unsafe { &mut *(ret.as_mut_ptr() as *mut [u8; 10]) };
    let tensor = named(outputs, convert::decimal(index, digits));
    if tensor != 0 {
        return tensor;
    }
    outputs.get(index as usize).map_or(0, |o| o.tensor)
}

/// The tensor of the first of `outputs` named `wanted`, 0 when none is.
/// Not inlined: both of [`output`]'s searches share it.
#[inline(never)]
fn named(outputs: &[Named], wanted: &[u8]) -> u32 {
    // SAFETY: each name string was written by the host into adapter memory.
    let name_of = |o: &Named| unsafe {
        core::slice::from_raw_parts(o.name as *const u8, o.name_len as usize)
    };
    outputs
        .iter()
        .find(|o| same(name_of(o), wanted))
        .map_or(0, |o| o.tensor)
}
