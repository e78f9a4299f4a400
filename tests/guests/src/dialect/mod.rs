//! The same legacy programs built against each generation of the wasi-nn
//! guest crates ("dialects"). They all import `wasi_ephemeral_nn` with the same
//! signatures, but number tensor types and errnos differently; a componentizer
//! that must serve all of them needs guests whose numbers come from the real
//! crates, not from a copy of their tables.
//!
//! [`Dialect`] is what the programs need from a crate; each implementation
//! makes the calls and uses the constants of its crate only (0.4.0, 0.5.0
//! and 0.6.0 share one API, so one macro instantiates it for each). The programs
//! ([`programs`]) are generic over it, so two builds of one program differ
//! only in the crate. Each `src/bin/<program>__<dialect>.rs` is one program
//! with one dialect.

mod graph_builder;
pub mod programs;
mod wasi_nn_0_1;
mod wasmedge_wasi_nn;

pub use graph_builder::{WasiNn04, WasiNn05, WasiNn06};
pub use wasi_nn_0_1::WasiNn01;
pub use wasmedge_wasi_nn::WasmedgeWasiNn;

/// The wasi-nn operations of the legacy programs, in one crate's terms.
/// Models are loaded from OpenVINO IR bytes on the CPU target.
pub trait Dialect {
    /// The crate's tensor type: its numbers are what the host receives.
    type TensorType: Copy;
    type Encoding: Copy;
    type Graph;
    type Context<'g>;
    type Error;

    const F32: Self::TensorType;
    const U8: Self::TensorType;
    const I32: Self::TensorType;
    const OPENVINO: Self::Encoding;
    /// `None` when the crate cannot express the ONNX encoding.
    const ONNX: Option<Self::Encoding>;

    fn load(builders: &[Vec<u8>], encoding: Self::Encoding) -> Result<Self::Graph, Self::Error>;
    /// A graph handle no host has issued, when the crate lets a guest pass
    /// raw handles.
    fn unknown_graph() -> Option<Self::Graph>;
    fn init_execution_context(graph: &Self::Graph) -> Result<Self::Context<'_>, Self::Error>;
    fn set_input(
        context: &mut Self::Context<'_>,
        index: u32,
        tensor_type: Self::TensorType,
        dimensions: &[u32],
        data: &[u8],
    ) -> Result<(), Self::Error>;
    fn compute(context: &mut Self::Context<'_>) -> Result<(), Self::Error>;
    /// Copies output `index` into `out`; returns the bytes written.
    fn get_output(
        context: &mut Self::Context<'_>,
        index: u32,
        out: &mut [u8],
    ) -> Result<usize, Self::Error>;
    /// The witx name of the errno (`invalid_argument`, …) as the crate
    /// decodes it, `unknown(N)` for a number the crate does not know.
    fn errno_name(error: &Self::Error) -> String;
}

/// The errno name of a `BackendError` of the wasi-nn 0.4–0.6 and
/// wasmedge-wasi-nn crates, from its `Debug` form: wasi-nn does not export
/// the enum, so its variants cannot be named. `InvalidArgument` becomes
/// `invalid_argument`, `UnknownError(7)` becomes `unknown(7)`.
fn backend_error_name(debug: &str) -> String {
    if let Some(code) = debug
        .strip_prefix("UnknownError(")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        return format!("unknown({code})");
    }
    let mut name = String::new();
    for c in debug.chars() {
        if c.is_ascii_uppercase() && !name.is_empty() {
            name.push('_');
        }
        name.push(c.to_ascii_lowercase());
    }
    name
}

/// `u32` dimensions as the `usize` ones of the wasi-nn 0.4+ crates (the
/// same 32 bits on wasm32).
fn usize_dimensions(dimensions: &[u32]) -> Vec<usize> {
    dimensions.iter().map(|&d| d as usize).collect()
}
