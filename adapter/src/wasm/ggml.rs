//! GGML graphs (WasmEdge's `load_by_name_with_config`) over plain WIT
//! calls, with the host protocol of `nn_abi::ggml` (`convert::ggml` here):
//! the load config goes to each new context as input 2; an output 1 read
//! before any compute is a compute in mode "count"; WasmEdge's
//! `compute_single` is a compute in mode "stream" (the host starts the
//! generation and answers with its first piece), then one in mode "next"
//! per piece, each piece output 0; output 2 (the finish) tells a piece
//! from the end, and `context_full` from the end of the text. See
//! docs/adapter.md.

use super::arena::{in_bounds, read_u32 as read};
use super::host;
use super::inference::{self, Inference};
use super::legacy::cx;
use super::state::{Context, Graph, State};
use super::tensors::GuestTensor;
use crate::convert::{errno, ggml, tensor_type};

/// Sets input `index` of `ctx` to the `u8` bytes `[data, data + len)`
/// (in bounds). The one dimension goes in `ret[3]`, which the host
/// reads before it writes the return area.
fn set_bytes(
    state: &State,
    ctx: &mut Context,
    graph: Option<&Graph>,
    ret: &mut [u32; 4],
    index: u32,
    data: u32,
    len: u32,
) -> u32 {
    ret[3] = len;
    let tensor = GuestTensor {
        dims: &ret[3] as *const u32 as u32,
        dims_len: 1,
        ty: tensor_type::U8,
        data,
        data_len: len,
    };
    ctx.io
        .set_input(cx(state, ctx.handle, graph, ret), index, &tensor)
}

/// WasmEdge's `set_input` on a GGML graph: the data bytes of the tensor
/// record at `tensor`, whatever its type and dimensions say, as WasmEdge's
/// GGML backend reads them (the published `wasmedge-ggml` programs, built
/// before June 2025, declare every text with dimensions `[1]`).
pub fn set_input(
    state: &State,
    ctx: &mut Context,
    graph: Option<&Graph>,
    ret: &mut [u32; 4],
    index: u32,
    tensor: u32,
) -> u32 {
    if !in_bounds(tensor, 20) {
        return errno::INVALID_ARGUMENT;
    }
    // SAFETY: the record is in bounds.
    let (data, len) = unsafe { (read(tensor + 12), read(tensor + 16)) };
    if !in_bounds(data, u64::from(len)) {
        return errno::INVALID_ARGUMENT;
    }
    set_bytes(state, ctx, graph, ret, index, data, len)
}

/// A new context `ctx` of a graph that may be a GGML one (loaded with the
/// ggml encoding, with `load_by_name_with_config`, or by name by a
/// WasmEdge guest): its first one tells (a compute without any input
/// succeeds only there; `Graph::ggml` becomes 1 or 0). A GGML graph's
/// contexts get its load config (input 2; empty, none).
pub fn configure(state: &State, ctx: &mut Context, graph: &mut Graph, ret: &mut [u32; 4]) -> u32 {
    if graph.ggml == TO_PROBE {
        let probe = ctx.io.compute(cx(state, ctx.handle, Some(graph), ret));
        graph.ggml = u32::from(probe == errno::SUCCESS);
        if graph.ggml == 0 {
            return errno::SUCCESS;
        }
    }
    let config = graph.config;
    set_bytes(
        state,
        ctx,
        Some(graph),
        ret,
        ggml::INPUT_CONFIG,
        config.addr(),
        config.len(),
    )
}

/// `Graph::ggml` of a graph whose first context has yet to tell.
pub const TO_PROBE: u32 = 2;

/// A compute in `mode`: the mode input is set for it alone.
fn compute_in(
    state: &State,
    ctx: &mut Context,
    graph: Option<&Graph>,
    ret: &mut [u32; 4],
    mode: u32,
) -> u32 {
    let set_mode = |ctx: &mut Context, ret: &mut [u32; 4], mode: u32| {
        // The byte in `ret[2]`, read by the host with the dimension.
        ret[2] = mode;
        let data = &ret[2] as *const u32 as u32;
        set_bytes(state, ctx, graph, ret, ggml::INPUT_MODE, data, 1)
    };
    let mut err = set_mode(ctx, ret, mode);
    if err == errno::SUCCESS {
        err = ctx.io.compute(cx(state, ctx.handle, graph, ret));
        let reset = set_mode(ctx, ret, ggml::MODE_GENERATE);
        if err == errno::SUCCESS {
            err = reset;
        }
    }
    if err == errno::TOO_LARGE {
        return ggml::PROMPT_TOO_LONG;
    }
    if err == errno::SUCCESS {
        ctx.computed = 1;
    }
    err
}

/// The context's last compute's output 2: its finish code in the low
/// byte, the number of streamed pieces above it; `None` when it is not
/// there.
fn outcome(
    state: &State,
    ctx: &mut Context,
    graph: Option<&Graph>,
    ret: &mut [u32; 4],
) -> Option<u64> {
    let tensor = ctx
        .io
        .output(cx(state, ctx.handle, graph, ret), ggml::OUTPUT_FINISH);
    if tensor == 0 {
        return None;
    }
    // SAFETY: a live output handle; the list lands in the arena (nothing
    // is steered), its five bytes are read, and it is freed here.
    let outcome = unsafe {
        host::tensor_data(tensor, ret.as_mut_ptr());
        let (data, len) = (ret[0], ret[1]);
        let read = (len == 5).then(|| {
            let count = u32::from_le_bytes(((data + 1) as *const [u8; 4]).read_unaligned());
            u64::from(*(data as *const u8)) | u64::from(count) << 8
        });
        if len != 0 {
            state.arena.free(data as *mut u8);
        }
        read
    };
    if <inference::Target as Inference>::OUTPUT_IS_OWNED {
        // SAFETY: `tensor` was returned to this call alone.
        unsafe { host::tensor_drop(tensor) };
    }
    outcome
}

/// The errno that reports `outcome`'s finish: `context_full`, else `end`.
fn finish_errno(outcome: Option<u64>, end: u32) -> u32 {
    match outcome.map(|o| o as u8 as u32) {
        Some(ggml::FINISH_CONTEXT_FULL) => ggml::CONTEXT_FULL,
        _ => end,
    }
}

/// WasmEdge's `compute` on a GGML graph: `context_full` when the context
/// ended the generation (the outputs are there all the same),
/// `prompt_too_long` for a prompt the context cannot hold.
pub fn compute(state: &State, ctx: &mut Context, graph: Option<&Graph>, ret: &mut [u32; 4]) -> u32 {
    let err = compute_in(state, ctx, graph, ret, ggml::MODE_GENERATE);
    if err != errno::SUCCESS {
        return err;
    }
    finish_errno(outcome(state, ctx, graph, ret), errno::SUCCESS)
}

/// WasmEdge's `compute_single`: the first call starts the stream (mode
/// 2), each call makes its next piece output 0 (mode 3 after the first);
/// past the last, the end (`end_of_sequence`, or `context_full`) and the
/// stream is over.
#[cfg(not(feature = "wamr-wasi-nn"))]
pub fn compute_single(
    state: &State,
    ctx: &mut Context,
    graph: Option<&Graph>,
    ret: &mut [u32; 4],
) -> u32 {
    let mode = match ctx.stream {
        0 => ggml::MODE_STREAM,
        _ => ggml::MODE_NEXT,
    };
    ctx.stream = 0;
    let err = compute_in(state, ctx, graph, ret, mode);
    if err != errno::SUCCESS {
        return err;
    }
    let outcome = outcome(state, ctx, graph, ret);
    if outcome.is_some_and(|o| o >> 8 != 0) {
        ctx.stream = 1;
        return errno::SUCCESS;
    }
    finish_errno(outcome, ggml::END_OF_SEQUENCE)
}

/// Before output 1 (the metadata) is read with no compute since the prompt
/// was set: a compute in mode "count", as WasmEdge counts the prompt's
/// tokens at `set_input`.
pub fn count(state: &State, ctx: &mut Context, graph: Option<&Graph>, ret: &mut [u32; 4]) {
    if ctx.computed == 0 {
        compute_in(state, ctx, graph, ret, ggml::MODE_COUNT);
    }
}
