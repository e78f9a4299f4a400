//! The adapter's run-time state: handle tables and per-context tensors.
//!
//! It lives at the start of a page the adapter obtains with `memory.grow` on
//! the first call; its address is kept in the mutable global `nn_state_ptr`
//! and "already set up" in `allocation_state` (both defined by the object that
//! `build.rs` links in). A fresh page is zero-filled, and all-zero is a valid
//! empty state, so nothing needs initialising but the arena's bump region.

use super::arena::{Arena, RawVec};
use core::arch::wasm32::memory_grow;
use core::mem::size_of;

extern "C" {
    fn get_state_ptr() -> *mut State;
    fn set_state_ptr(state: *mut State);
    fn get_allocation_state() -> u32;
    fn set_allocation_state(state: u32);
}

/// `allocation_state` values: wit-component uses 0 (nothing yet), 1 (stack
/// being allocated) and 2 (stack allocated) when it gives the adapter a
/// stack lazily; the adapter adds 3 once its state page exists (the same
/// convention as the official preview1 adapter).
const STATE_ALLOCATED: u32 = 3;

/// A loaded graph: the WIT `graph` handle and the tensor names read from the
/// model at `load`.
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Graph {
    pub handle: u32,
    /// Name table written by `names::TableWriter`; empty when the names are
    /// unknown (then every index is named by its decimal string).
    pub names: RawVec<u8>,
    pub inputs: u32,
    pub outputs: u32,
    /// Non-zero when `names`, `inputs` and `outputs` come from a parsed model.
    pub named: u32,
}

/// One `set_input` slot: a copy of the guest's tensor taken at call time.
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Slot {
    pub index: u32,
    /// WIT `tensor-type`.
    pub ty: u32,
    pub dims: RawVec<u32>,
    pub data: RawVec<u8>,
    /// Room for the decimal name of `index` while `compute` runs.
    pub decimal: [u8; 10],
}

/// One element of the list WIT `compute` returns, as the canonical ABI lays
/// out `tuple<string, tensor>`: name pointer, name length, tensor handle.
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Named {
    pub name: u32,
    pub name_len: u32,
    pub tensor: u32,
}

/// An execution context: the WIT handle, its graph, the inputs set so far and
/// the outputs of the last `compute`.
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Context {
    pub handle: u32,
    pub graph: u32,
    pub slots: RawVec<Slot>,
    /// The list from WIT `compute` (allocated through
    /// `cabi_import_realloc`), `0` before the first successful compute.
    pub outputs: u32,
    pub outputs_len: u32,
}

#[repr(C)]
pub struct State {
    pub arena: Arena,
    /// Legacy graph handle = index here (0, 1, 2, … like the reference host).
    pub graphs: RawVec<Graph>,
    /// Legacy context handle = index here.
    pub contexts: RawVec<Context>,
    /// While non-zero, the next `cabi_import_realloc` of at most
    /// `steer_len` bytes returns `steer_ptr` (the guest's output buffer).
    pub steering: u32,
    pub steer_ptr: u32,
    pub steer_len: u32,
    /// Return area for imports whose results do not fit in one value.
    pub ret: [u32; 4],
}

impl State {
    /// The state, created on first use; `None` only when memory cannot grow.
    pub fn get() -> Option<&'static mut State> {
        // SAFETY: the globals are only written here; once `allocation_state`
        // says so, `nn_state_ptr` points at our state page. The adapter is
        // single-threaded and no export keeps a reference across calls.
        unsafe {
            if get_allocation_state() != STATE_ALLOCATED {
                let page = memory_grow(0, 1);
                if page == usize::MAX {
                    return None;
                }
                let start = page * 65536;
                let state = start as *mut State;
                let first_free = (start + size_of::<State>()).next_multiple_of(16);
                (*state).arena.init(first_free, start + 65536);
                set_state_ptr(state);
                set_allocation_state(STATE_ALLOCATED);
            }
            Some(&mut *get_state_ptr())
        }
    }
}
