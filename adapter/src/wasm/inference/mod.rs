//! The target WIT version's inference calls, behind [`Inference`]: the one
//! interface through which `legacy` sets inputs, computes, reads outputs
//! and ends a context. Each WIT version implements it in its own module,
//! chosen by cargo feature (the WIT imports differ, so only one is built).

use super::arena::Arena;
use super::state::Graph;
use super::tensors::GuestTensor;

#[cfg(not(feature = "wit-2024-08-19"))]
mod compute_list;
#[cfg(feature = "wit-2024-08-19")]
mod stateful;

/// The inference of the WIT version this adapter is built for.
#[cfg(not(feature = "wit-2024-08-19"))]
pub type Target = compute_list::ComputeList;
/// The inference of the WIT version this adapter is built for.
#[cfg(feature = "wit-2024-08-19")]
pub type Target = stateful::Stateful;

/// One live execution context's surroundings, for a call of [`Inference`].
pub struct Cx<'a> {
    /// The adapter's memory.
    pub arena: &'a Arena,
    /// The WIT `graph-execution-context` handle.
    pub handle: u32,
    /// The context's graph: its tensor names, when known.
    pub graph: Option<&'a Graph>,
    /// The return area for host calls.
    pub ret: &'a mut [u32; 4],
}

/// A WIT version's inference, as the legacy exports use it. A value of it
/// is what the adapter keeps per execution context (in `state::Context`;
/// zeroed memory is an empty one). Every call answers with an errno in the
/// current WITX numbering, except [`Inference::output`].
pub trait Inference: Copy + Default {
    /// Whether [`Inference::output`]'s tensor is the caller's to drop
    /// (else it belongs to the context).
    const OUTPUT_IS_OWNED: bool;

    /// `set_input` of the checked guest `tensor` as input `index`, captured
    /// now so that the guest may reuse its buffers right away.
    fn set_input(&mut self, cx: Cx<'_>, index: u32, tensor: &GuestTensor) -> u32;

    /// `compute` with the inputs set so far.
    fn compute(&mut self, cx: Cx<'_>) -> u32;

    /// The WIT tensor of legacy output `index`; 0 (never a handle) when
    /// there is none, which is `runtime_error`.
    fn output(&self, cx: Cx<'_>, index: u32) -> u32;

    /// Ends the context: frees what the adapter holds for it and drops the
    /// WIT context (WasmEdge's `finalize_execution_context`).
    fn finalize(&mut self, cx: Cx<'_>);
}
