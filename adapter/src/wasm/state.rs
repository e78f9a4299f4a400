//! The adapter's run-time state: the arena, the realloc steering, the handle
//! tables and the return area.
//!
//! It lives at the start of a page the adapter obtains with `memory.grow` on
//! the first call; its address is kept in the mutable global `nn_state_ptr`
//! and "already set up" in `allocation_state` (both defined by the object that
//! `build.rs` links in). A fresh page is zero-filled, and all-zero is a valid
//! empty state, so nothing needs initialising but the arena's bump region.
//!
//! # Invariants
//!
//! The state is split by who may touch it while a host import runs, so that
//! no two `&mut` to the same memory ever exist (the discipline of the
//! official preview1 adapter's `State::with`):
//!
//! 1. **One export at a time.** The instance is single-threaded, and the
//!    component model forbids re-entering it while it calls an import, so
//!    exports never nest or overlap. Each export calls [`State::with`] once
//!    (itself or through `legacy::handle_export`), and only exports call
//!    it: the `&mut Tables` it hands out is the only reference to the
//!    [`Tables`] for as long as it lives.
//! 2. **During a host call only `cabi_import_realloc` runs**, and it reaches
//!    the state through [`State::shared`], a shared `&State` that never
//!    touches [`Tables`]. Everything it does use (the [`Arena`] and the
//!    steering) is made of `Cell`s, so the export's `&State` and its own may
//!    coexist and both may write.
//! 3. **Steering is scoped.** Only a [`Steer`] guard sets it, and the guard
//!    clears it when dropped, so no realloc outside the one host call it
//!    wraps can be steered; the first realloc while it is set also clears it.
//! 4. **Arena blocks have one owner.** A block handed out by the arena is
//!    referenced only by whoever holds its address (a `RawVec`, an output
//!    list, a host-returned string) until it is freed; the arena only
//!    writes to free blocks and fresh pages, never to a live block.
//! 5. **Guest memory is borrowed, not kept, and address 0 is memory.** A
//!    guest range is used only once `in_bounds` accepts it, and a slice of
//!    it lives no longer than the export that checked it. A slice is never
//!    made at address 0 (Rust's null): such a range is copied into the
//!    arena first. Single words are read and written, and copies read,
//!    with a volatile access for the byte at the range's start, which Rust
//!    allows at address 0 (see `arena.rs`).

use super::arena::{in_bounds, Arena, RawVec};
use crate::blocks::PAGE;
use crate::convert::errno;
use core::arch::wasm32::memory_grow;
use core::cell::{Cell, UnsafeCell};
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
/// model at `load`. (Fields in this order, pinned below, make the 10-28
/// adapter 8 B smaller than `handle` first.)
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Graph {
    pub inputs: u32,
    pub handle: u32,
    pub outputs: u32,
    /// Non-zero when `names`, `inputs` and `outputs` come from a parsed model.
    pub named: u32,
    /// Name table written by `names::TableWriter`; empty when the names are
    /// unknown (then every index is named by its decimal string).
    pub names: RawVec<u8>,
    /// What each input of an IR model declares, in order: its WIT tensor
    /// type (`ANY_TYPE`: unchecked), its rank (`ANY_RANK`: unchecked) and
    /// that many dimensions (`ANY_DIM`: any size). Empty for other graphs.
    pub declared: RawVec<u32>,
    /// 1 for a GGML graph, served with the `ggml` module's protocol; 0 for
    /// any other; `ggml::TO_PROBE` for one that may be (see
    /// `ggml::configure`), until its first context tells.
    pub ggml: u32,
    /// `load_by_name_with_config`'s config (JSON), sent to each new context
    /// of the graph.
    pub config: RawVec<u8>,
}

pin_field_order!(Graph: inputs, handle, outputs, named, names, declared);

/// A rank in [`Graph::declared`] for a shape it does not check (no
/// dimensions follow).
pub const ANY_RANK: u32 = u32::MAX;

/// An execution context: the WIT handle, its graph, and what the target's
/// [`inference`](super::inference) keeps per context. (Fields in this
/// order, pinned below, make the adapter 11 B (10-28) and 3 B (08-19)
/// smaller than `handle, graph, io, output_bytes`.)
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Context {
    pub io: super::inference::Target,
    /// The byte length of outputs 0..4 the last time the guest read them (0:
    /// not yet). While the guest's buffer is at least that long, `get_output`
    /// asks only for the data (one host call instead of three); a longer
    /// output then still comes back as `too_large`.
    pub output_bytes: [u32; KNOWN_OUTPUTS],
    pub graph: u32,
    pub handle: u32,
    /// GGML graphs: non-zero once a compute ran since the prompt was last
    /// set (output 1 is then that compute's).
    pub computed: u32,
    /// GGML graphs: non-zero while a `compute_single` stream is in
    /// progress (output 0 is its current piece).
    pub stream: u32,
}

pin_field_order!(Context: io, output_bytes, graph, handle);

/// Outputs per context whose length [`Context::output_bytes`] remembers.
pub const KNOWN_OUTPUTS: usize = 4;

/// The part of the state only the running export touches (invariant 1).
/// (Fields in this order, pinned below, the return area at the state's own
/// address, make the adapter 12 B (10-28) and 8 B (08-19) smaller than
/// `graphs, contexts, ret`.)
#[repr(C)]
pub struct Tables {
    /// Return area for imports whose results do not fit in one value; the
    /// host writes it through the pointer the export passes.
    pub ret: [u32; 4],
    /// Legacy context handle = index here.
    pub contexts: RawVec<Context>,
    /// Legacy graph handle = index here (0, 1, 2, … like the reference host).
    pub graphs: RawVec<Graph>,
}

pin_field_order!(Tables: ret, contexts, graphs);

#[repr(C)]
pub struct State {
    /// First, so that its fields have offsets below 128, which encode in
    /// one byte.
    tables: UnsafeCell<Tables>,
    /// While non-zero, the next `cabi_import_realloc` of at most
    /// `steer_len` bytes returns `steer_ptr` (invariant 3).
    steering: Cell<u32>,
    steer_ptr: Cell<u32>,
    steer_len: Cell<u32>,
    /// Shared with `cabi_import_realloc` (invariant 2). Last: it ends with
    /// the 8 KiB page map.
    pub arena: Arena,
}

impl State {
    /// Runs the body of an export with the state, created on first use;
    /// `too_large` when memory cannot grow for it (the reference reports its
    /// only out-of-memory case, a short output buffer, that way).
    #[inline(always)]
    pub fn with(f: impl FnOnce(&State, &mut Tables) -> u32) -> u32 {
        let Some(state) = State::shared() else {
            return errno::TOO_LARGE;
        };
        // SAFETY: only exports call `with`, and they never overlap
        // (invariant 1); `cabi_import_realloc` never touches the tables
        // (invariant 2). So this is the only reference to them.
        f(state, unsafe { &mut *state.tables.get() })
    }

    /// The state without the tables, created on first use; `None` only when
    /// memory cannot grow. For `cabi_import_realloc` (invariant 2).
    pub fn shared() -> Option<&'static State> {
        // SAFETY: the globals are only written here; once `allocation_state`
        // says so, `nn_state_ptr` points at our state page, which is never
        // freed. Only shared references to it are made (the tables are
        // reached through their `UnsafeCell`).
        unsafe {
            if get_allocation_state() != STATE_ALLOCATED {
                let page = memory_grow(0, 1);
                if page == usize::MAX {
                    return None;
                }
                let start = page * PAGE as usize;
                let state = start as *mut State;
                let first_free = (start + size_of::<State>()).next_multiple_of(16);
                (*state).arena.init(first_free, start + PAGE as usize);
                (*state).arena.pages.claim(page, 1);
                set_state_ptr(state);
                set_allocation_state(STATE_ALLOCATED);
            }
            Some(&*get_state_ptr())
        }
    }

    /// Whether the guest range `[ptr, ptr + len)` may be written by the
    /// adapter or the host: inside memory (`in_bounds`) and clear of every
    /// page the adapter owns.
    pub fn writable(&self, ptr: u32, len: u64) -> bool {
        in_bounds(ptr, len) && !self.arena.pages.overlaps(ptr, len)
    }

    /// Steers the next `cabi_import_realloc` of at most `len` bytes to `ptr`
    /// until the guard is dropped (invariant 3).
    pub fn steer(&self, ptr: u32, len: u32) -> Steer<'_> {
        self.steer_ptr.set(ptr);
        self.steer_len.set(len);
        self.steering.set(1);
        Steer(self)
    }

    /// For `cabi_import_realloc`: the steered address if steering is on and
    /// `len` bytes fit there. Either way steering is off afterwards.
    pub fn take_steering(&self, len: u32) -> Option<u32> {
        (self.steering.replace(0) != 0 && len <= self.steer_len.get()).then(|| self.steer_ptr.get())
    }
}

/// Realloc steering for the duration of one host call; see [`State::steer`].
pub struct Steer<'s>(&'s State);

impl Drop for Steer<'_> {
    fn drop(&mut self) {
        self.0.steering.set(0);
    }
}
