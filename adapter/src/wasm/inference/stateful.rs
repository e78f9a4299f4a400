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

use super::{Cx, Inference};
use crate::convert::{errno, Call};
use crate::wasm::arena::RawVec;
use crate::wasm::host::{self, result};
use crate::wasm::tensors::{tensor_name, GuestTensor};

/// [`Inference`] with WIT `set-input`, `compute()` and `get-output`.
/// Nothing is kept per context: the host's context holds the tensors.
#[derive(Clone, Copy, Default)]
#[repr(C)]
pub struct Stateful;

impl Inference for Stateful {
    /// `get_output`'s tensor comes from `get-output` and is dropped after
    /// use.
    const OUTPUT_IS_OWNED: bool = true;

    /// Makes a WIT tensor of the guest's tensor and calls `set-input` with
    /// the input's name.
    fn set_input(&mut self, cx: Cx<'_>, index: u32, tensor: &GuestTensor) -> u32 {
        // The canonical ABI lifts `list<u32>` only from a 4-aligned
        // address, and a legacy guest's dimensions (never empty:
        // `GuestTensor::read` refuses that) need not be: unaligned ones are
        // copied, a few words; aligned ones, and the data, a `list<u8>`,
        // are read where they are.
        let mut dims = RawVec::<u32>::default();
        let (dims_at, dims_len) = if tensor.dims.is_multiple_of(4) {
            (tensor.dims, tensor.dims_len)
        } else {
            // SAFETY: `GuestTensor::read` checked the range.
            if unsafe { dims.fill(cx.arena, tensor.dims, tensor.dims_len) }.is_none() {
                return errno::TOO_LARGE;
            }
            (dims.addr(), dims.len())
        };
        let mut scratch = [0; 10];
        let name = tensor_name(cx.graph, false, index, &mut scratch);
        // SAFETY: the dimensions are checked or ours, the data range was
        // checked; the tensor handle is moved to the host by `set-input`.
        // `ret` is our return area.
        unsafe {
            let handle =
                host::tensor_new(dims_at, dims_len, tensor.ty, tensor.data, tensor.data_len);
            host::set_input(
                cx.handle,
                name.as_ptr() as u32,
                name.len() as u32,
                handle,
                cx.ret.as_mut_ptr(),
            );
        }
        dims.release(cx.arena);
        result(cx.ret, Call::Other)
    }

    /// WIT `compute()`.
    fn compute(&mut self, cx: Cx<'_>) -> u32 {
        // SAFETY: `cx.handle` is a live context; `ret` is our return area.
        unsafe { host::compute(cx.handle, cx.ret.as_mut_ptr()) };
        result(cx.ret, Call::Other)
    }

    /// WIT `get-output` with the output's name; 0 on a host error, which is
    /// `runtime_error`, as the reference answers an output index that does
    /// not exist or a context that has not computed.
    fn output(&self, cx: Cx<'_>, index: u32) -> u32 {
        let mut scratch = [0; 10];
        let name = tensor_name(cx.graph, true, index, &mut scratch);
        // SAFETY: `cx.handle` is a live context, `name` lies in adapter
        // memory or on the stack; `ret` is our return area.
        unsafe {
            host::get_output(
                cx.handle,
                name.as_ptr() as u32,
                name.len() as u32,
                cx.ret.as_mut_ptr(),
            )
        };
        match result(cx.ret, Call::Other) {
            errno::SUCCESS => cx.ret[1],
            _ => 0,
        }
    }

    /// Drops the WIT context: the host holds its tensors.
    fn finalize(&mut self, cx: Cx<'_>) {
        // SAFETY: a live context handle, which the caller forgets.
        unsafe { host::context_drop(cx.handle) };
    }
}
