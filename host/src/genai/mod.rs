//! OpenVINO GenAI behind the [`Backend`](crate::Backend) seam: the `ggml`
//! encoding (GGUF language models), served as WasmEdge's GGML plugin serves
//! them.
//!
//! - [`library`] finds GenAI and loads it, with nn-host's C++ shim over it,
//!   the first time a `ggml` graph is loaded.
//! - `gguf` checks a model's header before GenAI reads it.
//! - `options` reads WasmEdge's metadata JSON.
//! - `backend` is the [`Ggml`] backend itself.

mod backend;
mod gguf;
pub mod library;
mod options;

pub use backend::Ggml;
