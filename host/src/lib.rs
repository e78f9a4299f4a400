//! A Wasmtime host for `wasi:nn@0.2.0-rc-2024-10-28` components, backed by
//! OpenVINO (loaded at run time from the PyPI wheel or a system install).
//!
//! - [`openvino_library::load`] finds and loads `libopenvino_c` once.
//! - [`add_to_linker`] and [`NnCtx`] put the `wasi:nn` interfaces on any
//!   component linker.
//! - [`run`] runs a `wasi:cli/command` component with WASI preview2 and
//!   `wasi:nn`, as the `nn-host run` command does.

mod backend;
pub mod openvino_library;
mod ov;
mod run;
mod wit;

pub use backend::openvino::OpenVino;
pub use backend::{
    Backend, BackendExecutionContext, BackendGraph, ExecutionContext, Graph, NamedTensor, NnError,
    Tensor,
};
pub use run::{engine, run, GraphSpec, RunConfig, RunOutcome};
pub use wit::{
    add_to_linker, parse_encoding, ErrorCode, ExecutionTarget, GraphEncoding, NnCtx, Registry,
    TensorType,
};
