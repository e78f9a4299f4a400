//! Inference on `wasi:nn@0.2.0-rc-2024-08-19`: the host's execution context
//! holds the inputs (`set-input(name, tensor)`), `compute()` takes no
//! arguments, and `get-output(name)` returns one output tensor.
//!
//! The host's copy of a tensor made at `set_input` is the capture, so the
//! adapter keeps nothing per context and copies no tensor data: the WIT
//! tensor constructor reads the guest's bytes where they are, and
//! `get_output` writes the output straight into the guest's buffer. Inputs
//! and outputs are both named by the index→name rule ([`tensor_name`]): a
//! host that addresses tensors by name (upstream's OpenVINO backend does,
//! for outputs too) needs the model's names.

use super::arena::RawVec;
use super::host;
use super::legacy::{result, tensor_name, GuestTensor};
use super::state::{Context, Graph, State};
use crate::convert::{errno, Call};

/// `get_output`'s tensor comes from `get-output` and is dropped after use.
pub const OUTPUT_IS_OWNED: bool = true;

/// Nothing is kept per context: the host's context holds the tensors.
#[derive(Clone, Copy, Default)]
#[repr(C)]
pub struct Io;

/// Makes a WIT tensor of the guest's tensor and calls `set-input` with the
/// input's name.
pub fn set_input(
    state: &State,
    ctx: &mut Context,
    graph: Option<&Graph>,
    ret: &mut [u32; 4],
    index: u32,
    tensor: &GuestTensor,
) -> u32 {
    // The canonical ABI lifts `list<u32>` only from a 4-aligned address,
    // and a legacy guest's dimensions (never empty: `GuestTensor::read`
    // refuses that) need not be: unaligned ones are copied, a few words;
    // aligned ones, and the data, a `list<u8>`, are read where they are.
    let mut dims = RawVec::<u32>::default();
    let (dims_at, dims_len) = if tensor.dims.is_multiple_of(4) {
        (tensor.dims, tensor.dims_len)
    } else {
        // SAFETY: `GuestTensor::read` checked the range.
        if unsafe { dims.fill(&state.arena, tensor.dims, tensor.dims_len) }.is_none() {
            return errno::TOO_LARGE;
        }
        (dims.addr(), dims.len())
    };
    let mut scratch = [0; 10];
    let name = tensor_name(graph, false, index, &mut scratch);
    // SAFETY: the dimensions are checked or ours, the data range was checked; the
    // tensor handle is moved to the host by `set-input`. `ret` is our
    // return area.
    unsafe {
        let handle = host::tensor_new(dims_at, dims_len, tensor.ty, tensor.data, tensor.data_len);
        host::set_input(
            ctx.handle,
            name.as_ptr() as u32,
            name.len() as u32,
            handle,
            ret.as_mut_ptr(),
        );
    }
    dims.release(&state.arena);
    result(ret, Call::Other)
}

/// Nothing to free: the host holds the context's tensors.
pub fn release(_state: &State, _io: &mut Io) {}

/// WIT `compute()`.
pub fn compute(
    _state: &State,
    ctx: &mut Context,
    _graph: Option<&Graph>,
    ret: &mut [u32; 4],
) -> u32 {
    // SAFETY: `ctx.handle` is a live context; `ret` is our return area.
    unsafe { host::compute(ctx.handle, ret.as_mut_ptr()) };
    result(ret, Call::Other)
}

/// WIT `get-output` with the output's name; 0 (never a handle) on a host
/// error, which is `runtime_error`, as the reference answers an output
/// index that does not exist or a context that has not computed.
pub fn output(ctx: &Context, graph: Option<&Graph>, ret: &mut [u32; 4], index: u32) -> u32 {
    let mut scratch = [0; 10];
    let name = tensor_name(graph, true, index, &mut scratch);
    // SAFETY: `ctx.handle` is a live context, `name` lies in adapter memory
    // or on the stack; `ret` is our return area.
    unsafe {
        host::get_output(
            ctx.handle,
            name.as_ptr() as u32,
            name.len() as u32,
            ret.as_mut_ptr(),
        )
    };
    match result(ret, Call::Other) {
        errno::SUCCESS => ret[1],
        _ => 0,
    }
}
