//! A Wasmtime host for `wasi:nn` components, backed by OpenVINO (loaded at
//! run time from the PyPI wheel or a system install). It serves every
//! version in [`SERVED_VERSIONS`] at once, `0.2.0-rc-2024-10-28` and
//! `0.2.0-rc-2024-08-19` (Wasmtime v25–v34): a component importing either,
//! or both, links against the same linker; one importing another version is
//! refused by [`check_wasi_nn_imports`] with the versions served.
//!
//! In `0.2.0-rc-2024-08-19`, `get-output(name)` returns the output whose
//! tensor name is `name`, else (no output has that name) the output at the
//! decimal index `name`; `set-input` takes inputs the same way, as does the
//! newer `compute`.
//!
//! The layers, each replaceable without touching the others (the shape of
//! wasmtime-wasi-nn):
//!
//! - [`backend`](Backend): the seam an inference library implements, in
//!   version-neutral types; [`Backends`] picks one per graph encoding.
//! - [`openvino`]: the OpenVINO backend, and [`openvino::library::load`],
//!   which finds and loads `libopenvino_c` once.
//! - [`genai`]: the `ggml` backend (GGUF language models) on OpenVINO
//!   GenAI, loaded only when a `ggml` graph is.
//! - [`Registry`]: graphs the host compiles up front for `load-by-name`.
//! - [`add_to_linker`] and [`NnCtx`]: the WIT glue putting the `wasi:nn`
//!   interfaces of every served version on any component linker, one glue
//!   module per version over shared state.
//! - [`HostLimits`]: what a store lets a guest make the host hold (copied
//!   bytes, live handles, output bytes), all derived from `--max-memory`.
//! - [`Runner`]: runs `wasi:cli/command` components with WASI preview2 and
//!   `wasi:nn`, as `nn-host run` does; [`Runner::with_cache`] keeps
//!   compiled components and graphs on disk ([`default_cache_dir`]).

// Every unsafe operation sits in its own `unsafe` block with the reason it
// is sound.
#![deny(unsafe_op_in_unsafe_fn, clippy::undocumented_unsafe_blocks)]

mod backend;
pub mod genai;
mod limits;
pub mod openvino;
mod registry;
mod run;
mod wit;

pub use backend::{
    Backend, BackendExecutionContext, BackendGraph, Backends, Console, ErrorCode, ExecutionContext,
    ExecutionTarget, Graph, GraphEncoding, NamedTensor, NnError, Tensor, TensorType,
};
pub use limits::{HostLimits, CONTEXT_BYTES, HANDLE_BYTES, WASM32_MEMORY_BYTES};
pub use registry::Registry;
pub use run::{
    default_cache_dir, GraphSpec, LinkedCommand, RunConfig, RunOutcome, Runner, TRAP_EXIT_CODE,
};
pub use wit::{
    add_to_linker, check_wasi_nn_imports, error_report_line, ErrorReports, NnCtx,
    MAX_COLLECTED_REPORTS, SERVED_VERSIONS,
};
