//! The six legacy exports and `cabi_import_realloc`.
//!
//! Each export computes its errno in the current WITX numbering and
//! converts it to the guest's dialect ([`dialect::errno`]) as it returns.
//!
//! Every guest-supplied value is checked before use: pointers and lengths
//! against the current memory size (overflow-safe), enums against the
//! conversion tables, tensor data length against its dimensions. A bad value
//! returns `invalid_argument`; nothing a guest passes can make the adapter
//! trap or make the canonical ABI trap on the adapter's behalf. Where the
//! reference WITX host (wasmtime-wasi-nn 48) returns an errno, the adapter
//! returns the same one; see docs/adapter.md for the full table.

use super::arena::{guest_bytes, in_bounds, read_u32 as read, write_u32 as write, Arena, RawVec};
use super::baked;
use super::dialect;
use super::ggml;
use super::host::{self, result};
use super::inference::{self, Cx, Inference};
use super::state::{Context, Graph, State, Tables, ANY_RANK, KNOWN_OUTPUTS};
use super::tensors::{tensor_bytes_at, GuestTensor};
#[cfg(not(feature = "wamr-wasi-nn"))]
use super::wasmedge;
use crate::convert::{self, errno, Call};
use crate::names::ir_xml::{declared_dims, element_type};
use crate::names::{self, NamesForm, Sink, TableWriter};
use crate::nodata::is_utf8;

/// What `load` and `load_by_name` ask of WIT, their arguments checked.
#[derive(Clone, Copy)]
pub enum Load {
    /// WIT `load`: the guest's builder array (its canonical-ABI layout is
    /// WIT's), and the WIT encoding and target.
    Builders {
        builders: u32,
        count: u32,
        encoding: u32,
        target: u32,
    },
    /// WIT `load-by-name` of the guest's `[name, name + len)`.
    Name { name: u32, len: u32 },
}

/// `load` and `load_by_name` once their arguments are checked, shared:
/// WIT `load` or `load-by-name` as `load` says, then the new graph gets
/// the next legacy handle, written to `out`, and its names: those of the
/// model (builder 0) for `load` with an encoding that has them, the ones
/// baked in for the name for `load_by_name`. Room for the graph is made
/// first, so that a graph the host created is never lost to an allocation
/// failure. `out` is checked only after the call, as the reference reports
/// the call's own failure before it writes `out`; a graph that cannot be
/// handed out is dropped.
///
/// # Safety
/// The arguments must have passed the export's checks.
#[inline(never)]
unsafe fn load_graph(load: Load, out: u32) -> u32 {
    // WasmEdge's guests get WasmEdge's answers: an unknown name is
    // `not_found` (the plain table), and a graph loaded by name may be a
    // GGML one, as may one loaded with the ggml encoding in any dialect;
    // its first context tells (`ggml::configure`).
    let wasmedge = GGML_SERVED && dialect::is_wasmedge();
    let (call, probe) = match load {
        Load::Builders { encoding, .. } => (
            Call::Load,
            GGML_SERVED && encoding == convert::encoding::GGML,
        ),
        Load::Name { .. } if wasmedge => (Call::Other, true),
        Load::Name { .. } => (Call::LoadByName, false),
    };
    State::with(|state, tables| {
        if tables.graphs.reserve(&state.arena, 1).is_none() {
            return errno::TOO_LARGE;
        }
        let ret = tables.ret.as_mut_ptr();
        // The bytes names are read from, `[at, at + len)`, and for `load`
        // whether to parse them (builder 0 is read only when there is one).
        let (at, len, parse) = match load {
            Load::Name { name, len } => {
                // Lifting a WIT `string` traps on invalid UTF-8; check it
                // here instead.
                let mut copy = RawVec::default();
                // SAFETY: the export checked `in_bounds(name, len)`.
                let Some(bytes) = (unsafe { guest_bytes(&state.arena, &mut copy, name, len) })
                else {
                    return errno::TOO_LARGE;
                };
                let utf8 = is_utf8(bytes);
                copy.release(&state.arena);
                if !utf8 {
                    return errno::INVALID_ARGUMENT;
                }
                // SAFETY: the name is in bounds and UTF-8; `ret` is our
                // return area.
                unsafe { host::load_by_name(name, len, ret) };
                (name, len, false)
            }
            Load::Builders {
                builders,
                count,
                encoding,
                target,
            } => {
                // SAFETY: the export checked that the array and every
                // builder are aligned and in bounds (so the host can lift
                // the `list<list<u8>>`); `ret` is our return area.
                unsafe { host::load(builders, count, encoding, target, ret) };
                let parse = matches!(
                    encoding,
                    convert::encoding::OPENVINO
                        | convert::encoding::ONNX
                        | convert::encoding::AUTODETECT
                );
                if count > 0 {
                    // SAFETY: builder 0, `(ptr, len)`, is in the checked
                    // array.
                    unsafe { (read(builders), read(builders + 4), parse) }
                } else {
                    (0, 0, false)
                }
            }
        };
        let err = result(&tables.ret, call);
        if err != errno::SUCCESS {
            return err;
        }
        let handle = tables.ret[1];
        if !state.writable(out, 4) {
            // SAFETY: the graph the host just created, known to nobody else.
            unsafe { host::graph_drop(handle) };
            return errno::INVALID_ARGUMENT;
        }
        let mut graph = Graph {
            handle,
            names: RawVec::default(),
            declared: RawVec::default(),
            inputs: 0,
            outputs: 0,
            named: 0,
            ggml: if probe { ggml::TO_PROBE } else { 0 },
            config: RawVec::default(),
        };
        if let Load::Name { .. } = load {
            baked::apply(&state.arena, &mut graph, at, len);
        } else if parse {
            // SAFETY: builder 0 was checked to be in bounds.
            unsafe { read_names(&state.arena, &mut graph, at, len) };
        }
        let _ = tables.graphs.push(&state.arena, graph);
        // SAFETY: `out` was checked to be writable above.
        unsafe { write(out, tables.graphs.len() - 1) };
        errno::SUCCESS
    })
}

/// WITX `load(builder: graph_builder_array, encoding, target) -> graph`.
///
/// The guest's array of `(ptr, len)` pairs is exactly the canonical-ABI
/// layout of `list<list<u8>>`, so it is passed to WIT `load` as it is, after
/// checking that the host can lift it without trapping (aligned, in bounds).
#[cfg_attr(not(feature = "wamr-wasi-nn"), export_name = "load")]
pub extern "C" fn legacy_load(
    builders: u32,
    count: u32,
    encoding: u32,
    target: u32,
    out: u32,
) -> u32 {
    dialect::errno(load(builders, count, encoding, target, out))
}

fn load(builders: u32, count: u32, encoding: u32, target: u32, out: u32) -> u32 {
    let (Some(encoding), Some(target)) = (
        dialect::graph_encoding(encoding),
        dialect::execution_target(target),
    ) else {
        return errno::INVALID_ARGUMENT;
    };
    if !builders.is_multiple_of(4) || !in_bounds(builders, u64::from(count) * 8) {
        return errno::INVALID_ARGUMENT;
    }
    // SAFETY (both `read`s): the array `[builders, builders + 8 * count)`
    // is in bounds.
    for i in 0..count {
        let entry = builders + i * 8;
        if !in_bounds(
            unsafe { read(entry) },
            u64::from(unsafe { read(entry + 4) }),
        ) {
            return errno::INVALID_ARGUMENT;
        }
    }
    // SAFETY: the array and every builder were checked above.
    unsafe {
        load_graph(
            Load::Builders {
                builders,
                count,
                encoding,
                target,
            },
            out,
        )
    }
}

/// The sink [`read_names`] parses a model into: the name table, and what
/// each input declares (see [`Graph::declared`]).
struct ModelReader<'t, 'a> {
    table: TableWriter<'t, super::arena::ArenaBuf<'a>>,
    arena: &'a Arena,
    declared: RawVec<u32>,
    /// Cleared when `declared` ran out of memory.
    ok: bool,
}

impl Sink for ModelReader<'_, '_> {
    fn tensor(&mut self, output: bool, form: NamesForm, names: &[u8]) {
        self.table.tensor(output, form, names);
    }

    #[inline(never)]
    fn declared(&mut self, ty: &[u8], shape: &[u8]) {
        let (arena, declared) = (self.arena, &mut self.declared);
        let start = declared.len();
        let mut ok = declared.push(arena, element_type(ty)).is_some()
            && declared.push(arena, ANY_RANK).is_some();
        if declared_dims(shape, |d| ok &= declared.push(arena, d).is_some()) {
            let rank = declared.len() - start - 2;
            if let Some(word) = declared.get_mut(start + 1) {
                *word = rank;
            }
        } else {
            declared.truncate(start + 2);
        }
        self.ok &= ok;
    }
}

/// Parses the model in `[ptr, ptr + len)` for tensor names and input
/// declarations and copies them into the graph (the guest may free its
/// builder after `load`). On a parse failure or out-of-memory the graph
/// keeps no names (and no declarations).
///
/// # Safety
/// `in_bounds(ptr, len)` must hold.
unsafe fn read_names(arena: &Arena, graph: &mut Graph, ptr: u32, len: u32) {
    let mut copy = RawVec::default();
    // Out of memory for a copy: no names.
    // SAFETY: the model is in bounds (the caller's promise).
    let model = unsafe { guest_bytes(arena, &mut copy, ptr, len) }.unwrap_or_default();
    let mut buf = super::arena::ArenaBuf {
        arena,
        vec: RawVec::default(),
    };
    let mut scratch = super::arena::ArenaScratch {
        arena,
        vec: RawVec::default(),
    };
    let mut reader = ModelReader {
        table: TableWriter::new(&mut buf),
        arena,
        declared: RawVec::default(),
        ok: true,
    };
    let ok = names::parse(model, &mut reader, &mut scratch) && reader.table.ok && reader.ok;
    scratch.vec.release(arena);
    copy.release(arena);
    let (inputs, outputs, declared) = (reader.table.inputs, reader.table.outputs, reader.declared);
    if ok {
        *graph = Graph {
            names: buf.vec,
            declared,
            inputs,
            outputs,
            named: 1,
            ..*graph
        };
    } else {
        buf.vec.release(buf.arena);
        let mut declared = declared;
        declared.release(arena);
    }
}

/// WITX `load_by_name(name: string) -> graph`. The adapter never sees the
/// model bytes here: tensors get the names baked in for `name` at
/// componentize time ([`baked`]), else they are named by index. A name the
/// host does not have is `unsupported_operation`, the reference's answer,
/// and WasmEdge's `not_found` for WasmEdge's guests.
#[export_name = "load_by_name"]
pub extern "C" fn legacy_load_by_name(name: u32, name_len: u32, out: u32) -> u32 {
    dialect::errno(load_by_name(name, name_len, out))
}

pub fn load_by_name(name: u32, name_len: u32, out: u32) -> u32 {
    if !in_bounds(name, u64::from(name_len)) {
        return errno::INVALID_ARGUMENT;
    }
    // SAFETY: the name was checked above.
    unsafe {
        load_graph(
            Load::Name {
                name,
                len: name_len,
            },
            out,
        )
    }
}

/// WITX `init_execution_context(graph) -> graph_execution_context`.
#[export_name = "init_execution_context"]
pub extern "C" fn legacy_init_execution_context(graph: u32, out: u32) -> u32 {
    handle_export(
        graph,
        HandleExport::Graph(GraphExport::InitExecutionContext { out }),
    )
}

/// An export that takes a graph or context handle, with its other
/// arguments. [`handle_export`] serves them all.
#[derive(Clone, Copy)]
pub enum HandleExport {
    Graph(GraphExport),
    Context(ContextExport),
}

/// The exports on a graph handle.
#[derive(Clone, Copy)]
pub enum GraphExport {
    /// The new context's handle goes to `out`.
    InitExecutionContext { out: u32 },
    /// WasmEdge's `unload`.
    #[cfg(not(feature = "wamr-wasi-nn"))]
    Unload,
}

/// The exports on a context handle. (The discriminants are the numbering
/// that makes the adapter smallest: 6 B less than declaration order, for
/// each target.)
#[derive(Clone, Copy)]
#[repr(u32)]
pub enum ContextExport {
    /// The tensor record at `tensor` as input `index`.
    SetInput {
        index: u32,
        tensor: u32,
    } = 4,
    Compute = 2,
    GetOutput(OutputRequest) = 0,
    /// WasmEdge's `finalize_execution_context`.
    #[cfg(not(feature = "wamr-wasi-nn"))]
    FinalizeExecutionContext = 1,
    /// WasmEdge's `fini_single`.
    #[cfg(not(feature = "wamr-wasi-nn"))]
    FiniSingle = 3,
    /// WasmEdge's `compute_single`.
    #[cfg(not(feature = "wamr-wasi-nn"))]
    ComputeSingle = 5,
}

/// `get_output`'s arguments after the context: output `index` into the
/// guest's `[buf, buf + max)`, its length to `out`.
#[derive(Clone, Copy)]
pub struct OutputRequest {
    pub index: u32,
    pub buf: u32,
    pub max: u32,
    pub out: u32,
}

/// Whether this build serves GGML graphs (WasmEdge's protocol, see
/// `ggml`): WAMR's legacy `wasi_nn` build cannot load one, and with this
/// `false` the compiler drops the GGML paths from it.
const GGML_SERVED: bool = cfg!(not(feature = "wamr-wasi-nn"));

/// Export `export` on the graph or context `handle` (its first argument),
/// as the guest's errno. One function for all of them, not inlined: they
/// share the state, the context lookup and the errno conversion.
#[inline(never)]
pub fn handle_export(handle: u32, export: HandleExport) -> u32 {
    dialect::errno(State::with(|state, tables| {
        let export = match export {
            HandleExport::Graph(GraphExport::InitExecutionContext { out }) => {
                return init_execution_context(state, tables, handle, out);
            }
            #[cfg(not(feature = "wamr-wasi-nn"))]
            HandleExport::Graph(GraphExport::Unload) => {
                return wasmedge::unload_graph(state, tables, handle);
            }
            HandleExport::Context(export) => export,
        };
        let Tables {
            graphs,
            contexts,
            ret,
        } = tables;
        // Handle 0: a context the guest finalized (WasmEdge's
        // `finalize_execution_context`; WIT handles are never 0).
        let Some(ctx @ &mut Context { handle: 1.., .. }) = contexts.get_mut(handle) else {
            return errno::UNSUPPORTED_OPERATION;
        };
        let graph = graphs.get(ctx.graph);
        // GGML graphs follow WasmEdge's protocol (see `ggml`).
        let ggml = GGML_SERVED && graph.is_some_and(|g| g.ggml == 1);
        match export {
            ContextExport::SetInput { index, tensor } => {
                // A new prompt restarts a GGML graph's answer and stream.
                if GGML_SERVED && index == 0 {
                    ctx.computed = 0;
                    ctx.stream = 0;
                }
                if ggml {
                    return ggml::set_input(state, ctx, graph, ret, index, tensor);
                }
                set_input(state, ctx, graph, ret, index, tensor)
            }
            ContextExport::GetOutput(request) => {
                if ggml && request.index == convert::ggml::OUTPUT_METADATA {
                    ggml::count(state, ctx, graph, ret);
                }
                get_output(state, ctx, graph, ret, request)
            }
            #[cfg(not(feature = "wamr-wasi-nn"))]
            ContextExport::FinalizeExecutionContext => {
                // The legacy handle is not reused: 0 marks it finalized.
                ctx.io.finalize(cx(state, ctx.handle, graph, ret));
                ctx.handle = 0;
                errno::SUCCESS
            }
            #[cfg(not(feature = "wamr-wasi-nn"))]
            ContextExport::FiniSingle => {
                ctx.stream = 0;
                errno::SUCCESS
            }
            #[cfg(not(feature = "wamr-wasi-nn"))]
            ContextExport::ComputeSingle if ggml => ggml::compute_single(state, ctx, graph, ret),
            #[cfg(not(feature = "wamr-wasi-nn"))]
            ContextExport::ComputeSingle => ctx.io.compute(cx(state, ctx.handle, graph, ret)),
            ContextExport::Compute if ggml => ggml::compute(state, ctx, graph, ret),
            ContextExport::Compute => ctx.io.compute(cx(state, ctx.handle, graph, ret)),
        }
    }))
}

/// The surroundings of context `handle` of `graph`, for [`Inference`].
pub fn cx<'a>(
    state: &'a State,
    handle: u32,
    graph: Option<&'a Graph>,
    ret: &'a mut [u32; 4],
) -> Cx<'a> {
    Cx {
        arena: &state.arena,
        handle,
        graph,
        ret,
    }
}

fn init_execution_context(state: &State, tables: &mut Tables, graph: u32, out: u32) -> u32 {
    // Handle 0: a graph the guest unloaded (WasmEdge's `unload`).
    let Some(&mut Graph {
        handle: handle @ 1..,
        ..
    }) = tables.graphs.get_mut(graph)
    else {
        return errno::UNSUPPORTED_OPERATION;
    };
    if !state.writable(out, 4) {
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
        io: Default::default(),
        output_bytes: [0; KNOWN_OUTPUTS],
        computed: 0,
        stream: 0,
    };
    let Tables {
        graphs,
        contexts,
        ret,
    } = tables;
    let (Some(index), Some(graph)) = (contexts.push(&state.arena, entry), graphs.get_mut(graph))
    else {
        return errno::TOO_LARGE;
    };
    if let (true, Some(ctx), 1..) = (GGML_SERVED, contexts.get_mut(index), graph.ggml) {
        let err = ggml::configure(state, ctx, graph, ret);
        if err != errno::SUCCESS {
            return err;
        }
    }
    // SAFETY: `out` checked above.
    unsafe { write(out, index) };
    errno::SUCCESS
}

/// WITX `set_input(context, index, tensor)`: checks the tensor, then hands
/// it to the target's [`Inference::set_input`] (captured now either way, so the guest
/// may reuse its buffers right away).
#[cfg_attr(not(feature = "wamr-wasi-nn"), export_name = "set_input")]
pub extern "C" fn legacy_set_input(context: u32, index: u32, tensor: u32) -> u32 {
    handle_export(
        context,
        HandleExport::Context(ContextExport::SetInput { index, tensor }),
    )
}

fn set_input(
    state: &State,
    ctx: &mut Context,
    graph: Option<&Graph>,
    ret: &mut [u32; 4],
    index: u32,
    tensor: u32,
) -> u32 {
    let tensor = match GuestTensor::read(tensor) {
        Ok(tensor) => tensor,
        Err(err) => return err,
    };
    // With the model read, the input count is known, and for IR what each
    // input declares: an index past the inputs, or a tensor of another type
    // or shape, fails where the reference fails (OpenVINO refuses it:
    // runtime_error).
    if graph.is_some_and(|g| g.named != 0 && (index >= g.inputs || tensor.mismatches(g, index))) {
        return errno::RUNTIME_ERROR;
    }
    ctx.io
        .set_input(cx(state, ctx.handle, graph, ret), index, &tensor)
}

/// WITX `compute(context)`.
#[export_name = "compute"]
pub extern "C" fn legacy_compute(context: u32) -> u32 {
    handle_export(context, HandleExport::Context(ContextExport::Compute))
}

/// WITX `get_output(context, index, out_buffer, out_buffer_max_size) ->
/// buffer_size`.
///
/// The target's [`Inference::output`] finds the output tensor, and [`write_output`]
/// writes its data straight into the guest's buffer.
#[cfg_attr(not(feature = "wamr-wasi-nn"), export_name = "get_output")]
pub extern "C" fn legacy_get_output(context: u32, index: u32, buf: u32, max: u32, out: u32) -> u32 {
    get_output_export(context, index, buf, max, out)
}

/// The body of [`legacy_get_output`] and WasmEdge's `get_output_single`,
/// inlined into each (a call between the exports costs 24 B).
#[inline(always)]
pub fn get_output_export(context: u32, index: u32, buf: u32, max: u32, out: u32) -> u32 {
    handle_export(
        context,
        HandleExport::Context(ContextExport::GetOutput(OutputRequest {
            index,
            buf,
            max,
            out,
        })),
    )
}

fn get_output(
    state: &State,
    ctx: &mut Context,
    graph: Option<&Graph>,
    ret: &mut [u32; 4],
    OutputRequest {
        index,
        buf,
        max,
        out,
    }: OutputRequest,
) -> u32 {
    let tensor = ctx.io.output(cx(state, ctx.handle, graph, ret), index);
    if tensor == 0 {
        return errno::RUNTIME_ERROR;
    }
    let mut unknown = 0;
    let known = ctx
        .output_bytes
        .get_mut(index as usize)
        .unwrap_or(&mut unknown);
    let err = write_output(state, ret, tensor, buf, max, out, known);
    if <inference::Target as Inference>::OUTPUT_IS_OWNED {
        // SAFETY: `tensor` was returned to this call alone.
        unsafe { host::tensor_drop(tensor) };
    }
    err
}

/// Writes the data of output `tensor` to the guest's `[buf, buf + max)`
/// and its length to `out`; see [`legacy_get_output`]. Returns the errno.
/// `known` is the length the same output had last time (0: unknown), and
/// becomes its length now (0 unless written).
///
/// Unless `max` is at least `known`, the size is computed from
/// `dimensions()` and `ty()` first, so that a short buffer gets `too_large`
/// with nothing copied. Then `data()` is called with `cabi_import_realloc`
/// steered at the guest's buffer, so the host writes the bytes straight into
/// it; an output longer than `max` lands in the arena instead, is freed, and
/// the answer is `too_large`. Not inlined: smaller as a call.
#[inline(never)]
fn write_output(
    state: &State,
    ret: &mut [u32; 4],
    tensor: u32,
    buf: u32,
    max: u32,
    out: u32,
    known: &mut u32,
) -> u32 {
    let last = core::mem::take(known);
    if !state.writable(buf, u64::from(max)) || !state.writable(out, 4) {
        return errno::INVALID_ARGUMENT;
    }
    if last == 0 || max < last {
        // SAFETY: `tensor` is a live output handle; `ret` is our return area.
        unsafe { host::tensor_dimensions(tensor, ret.as_mut_ptr()) };
        let (dims, dims_len) = (ret[0], ret[1]);
        // SAFETY: `tensor` is a live output handle.
        let element = convert::element_size(unsafe { host::tensor_ty(tensor) });
        // SAFETY: the host wrote `dims_len` u32s at `dims`, in our arena.
        let bytes = element.map(|e| unsafe { tensor_bytes_at(dims, dims_len, e) });
        if dims_len != 0 {
            // SAFETY: allocated by `cabi_import_realloc`, no longer used.
            unsafe { state.arena.free(dims as *mut u8) };
        }
        match bytes {
            None => return errno::RUNTIME_ERROR,
            Some(bytes) if bytes > u64::from(max) => return errno::TOO_LARGE,
            Some(_) => {}
        }
    }
    let steer = state.steer(buf, max);
    // SAFETY: as above; the list lands at `buf` (checked to hold `max`
    // bytes) or, if the host returns more than `max`, in the arena.
    unsafe { host::tensor_data(tensor, ret.as_mut_ptr()) };
    drop(steer);
    let (data, len) = (ret[0], ret[1]);
    if len != 0 && data != buf {
        // SAFETY: the list went to the arena because it did not fit.
        unsafe { state.arena.free(data as *mut u8) };
        return errno::TOO_LARGE;
    }
    // SAFETY: `out` checked above.
    unsafe { write(out, len) };
    *known = len;
    errno::SUCCESS
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
