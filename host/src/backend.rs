//! The backend seam: load a graph, make execution contexts, compute.
//!
//! Kept as narrow as wasmtime-wasi-nn's so that another inference library
//! could stand behind the same WIT glue; [`openvino`] is the one
//! implementation. Everything here reports guest-caused problems as
//! [`NnError`]s, which become `wasi:nn` `error` resources, never traps.

pub mod openvino;

use crate::wit::{ErrorCode, ExecutionTarget, GraphEncoding, TensorType};
use std::fmt;
use std::sync::Arc;

/// A `wasi:nn` error: the code and a message naming what was wrong.
#[derive(Debug, Clone)]
pub struct NnError {
    pub code: ErrorCode,
    pub message: String,
}

impl NnError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        NnError {
            code,
            message: message.into(),
        }
    }

    pub fn invalid_argument(message: impl Into<String>) -> Self {
        NnError::new(ErrorCode::InvalidArgument, message)
    }

    pub fn runtime(context: &str, error: anyhow::Error) -> Self {
        NnError::new(ErrorCode::RuntimeError, format!("{context}: {error:#}"))
    }
}

impl fmt::Display for NnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for NnError {}

/// The value behind a `tensor` resource. The bytes are shared (`Arc`) so that
/// `tensor.data` lowers them into the guest without cloning, and an output's
/// buffer is the very memory OpenVINO wrote into.
#[derive(Debug, Clone)]
pub struct Tensor {
    pub dimensions: Vec<u32>,
    pub ty: TensorType,
    pub data: Arc<[u8]>,
}

/// A tensor bound to a model input (by name or decimal index) or produced
/// for a model output (named by its tensor name or index).
pub type NamedTensor = (String, Tensor);

/// Loads graphs from the bytes a guest passes to `wasi:nn/graph.load`.
pub trait Backend: Send + Sync {
    fn load(
        &self,
        builders: &[&[u8]],
        encoding: GraphEncoding,
        target: ExecutionTarget,
    ) -> Result<Graph, NnError>;
}

/// A loaded, compiled model; cheap to clone (registry entries are shared).
#[derive(Clone)]
pub struct Graph(pub Arc<dyn BackendGraph>);

pub trait BackendGraph: Send + Sync {
    fn init_execution_context(&self) -> Result<ExecutionContext, NnError>;
}

/// One inference session over a graph.
pub struct ExecutionContext(pub Box<dyn BackendExecutionContext>);

pub trait BackendExecutionContext: Send {
    /// Runs the model on `inputs` (every model input exactly once) and
    /// returns the outputs in model order.
    fn compute(&mut self, inputs: Vec<NamedTensor>) -> Result<Vec<NamedTensor>, NnError>;
}
