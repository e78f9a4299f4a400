//! WasmEdge's additions to `wasi_ephemeral_nn`
//! (`witx/wasmedge_wasi_nn.witx`). On a GGML graph (see `ggml::configure`,
//! on a host with nn-host's `ggml` protocol) they follow WasmEdge's protocol over plain WIT calls (see
//! `ggml`); on other graphs WIT has no streaming, so the `_single` calls are
//! the plain ones and `fini_single` has nothing to end. Unknown handles get
//! `unsupported_operation`, like every other legacy call. WAMR's legacy
//! `wasi_nn` module has none of them: its build (cargo feature
//! `wamr-wasi-nn`) leaves this module out.

use super::arena::in_bounds;
use super::dialect;
use super::host;
use super::legacy::{
    get_output_export, handle_export, load_by_name, ContextExport, GraphExport, HandleExport,
};
use super::state::{Graph, State, Tables};
use crate::convert::errno;

/// `load_by_name_with_config(name, config) -> graph`: `load_by_name`; the
/// graph keeps the config (WasmEdge's options, JSON) for its contexts
/// should it be a GGML one, which its first context tells.
#[export_name = "load_by_name_with_config"]
pub extern "C" fn load_by_name_with_config(
    name: u32,
    name_len: u32,
    config: u32,
    config_len: u32,
    out: u32,
) -> u32 {
    if !in_bounds(config, u64::from(config_len)) {
        return dialect::errno(errno::INVALID_ARGUMENT);
    }
    let err = match load_by_name(name, name_len, out) {
        errno::SUCCESS => State::with(|state, tables| {
            let Some(graph) = tables.graphs.get_mut(tables.graphs.len() - 1) else {
                return errno::RUNTIME_ERROR;
            };
            graph.ggml = super::ggml::TO_PROBE;
            // SAFETY: the config was checked above.
            match unsafe { graph.config.fill(&state.arena, config, config_len) } {
                Some(()) => errno::SUCCESS,
                None => errno::TOO_LARGE,
            }
        }),
        err => err,
    };
    dialect::errno(err)
}

/// `unload(graph)`: drops the WIT graph. Its legacy handle is not reused;
/// contexts made from it keep working, and keep its tensor names.
#[export_name = "unload"]
pub extern "C" fn unload(graph: u32) -> u32 {
    handle_export(graph, HandleExport::Graph(GraphExport::Unload))
}

/// [`unload`] for [`handle_export`]; a GGML graph's config is freed.
pub fn unload_graph(state: &State, tables: &mut Tables, graph: u32) -> u32 {
    let Some(entry @ &mut Graph { handle: 1.., .. }) = tables.graphs.get_mut(graph) else {
        return errno::UNSUPPORTED_OPERATION;
    };
    // SAFETY: a live graph handle, forgotten right after.
    unsafe { host::graph_drop(entry.handle) };
    entry.handle = 0;
    entry.config.release(&state.arena);
    errno::SUCCESS
}

/// `finalize_execution_context(context)`: frees what the adapter holds for
/// the context and drops the WIT context ([`Inference::finalize`]). Its
/// legacy handle is not reused.
///
/// [`Inference::finalize`]: super::inference::Inference::finalize
#[export_name = "finalize_execution_context"]
pub extern "C" fn finalize_execution_context(context: u32) -> u32 {
    handle_export(
        context,
        HandleExport::Context(ContextExport::FinalizeExecutionContext),
    )
}

/// `compute_single(context)`: the next piece of a GGML graph's stream,
/// else `compute`.
#[export_name = "compute_single"]
pub extern "C" fn compute_single(context: u32) -> u32 {
    handle_export(context, HandleExport::Context(ContextExport::ComputeSingle))
}

/// `get_output_single(...)`: `get_output` (in a GGML stream, output 0 is
/// the current piece).
#[export_name = "get_output_single"]
pub extern "C" fn get_output_single(context: u32, index: u32, buf: u32, max: u32, out: u32) -> u32 {
    get_output_export(context, index, buf, max, out)
}

/// `fini_single(context)`: ends a GGML stream (the next `compute_single`
/// starts another); succeeds on a live context.
#[export_name = "fini_single"]
pub extern "C" fn fini_single(context: u32) -> u32 {
    handle_export(context, HandleExport::Context(ContextExport::FiniSingle))
}
