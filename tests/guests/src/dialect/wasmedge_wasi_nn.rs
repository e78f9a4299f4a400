//! crates.io `wasmedge-wasi-nn` 0.8.0: the API and numbers of wasi-nn 0.6.0,
//! more encodings (ggml 6, …), errnos 100 to 103 and functions of its own
//! (`load_by_name_with_config`, `compute_single`, …), none of which these
//! programs call.

use wasmedge_wasi_nn as nn;

use super::{backend_error_name, usize_dimensions, Dialect};

pub struct WasmedgeWasiNn;

impl Dialect for WasmedgeWasiNn {
    type TensorType = nn::TensorType;
    type Encoding = nn::GraphEncoding;
    type Graph = nn::Graph;
    type Context<'g> = nn::GraphExecutionContext;
    type Error = nn::Error;

    const F32: nn::TensorType = nn::TensorType::F32;
    const U8: nn::TensorType = nn::TensorType::U8;
    const I32: nn::TensorType = nn::TensorType::I32;
    const OPENVINO: nn::GraphEncoding = nn::GraphEncoding::Openvino;
    const ONNX: Option<nn::GraphEncoding> = Some(nn::GraphEncoding::Onnx);

    fn load(builders: &[Vec<u8>], encoding: nn::GraphEncoding) -> Result<nn::Graph, nn::Error> {
        nn::GraphBuilder::new(encoding, nn::ExecutionTarget::CPU).build_from_bytes(builders)
    }

    /// Handles are private to the crate.
    fn unknown_graph() -> Option<nn::Graph> {
        None
    }

    fn init_execution_context(graph: &nn::Graph) -> Result<nn::GraphExecutionContext, nn::Error> {
        graph.init_execution_context()
    }

    fn set_input(
        context: &mut nn::GraphExecutionContext,
        index: u32,
        tensor_type: nn::TensorType,
        dimensions: &[u32],
        data: &[u8],
    ) -> Result<(), nn::Error> {
        context.set_input(
            index as usize,
            tensor_type,
            &usize_dimensions(dimensions),
            data,
        )
    }

    fn compute(context: &mut nn::GraphExecutionContext) -> Result<(), nn::Error> {
        context.compute()
    }

    fn get_output(
        context: &mut nn::GraphExecutionContext,
        index: u32,
        out: &mut [u8],
    ) -> Result<usize, nn::Error> {
        context.get_output(index as usize, out)
    }

    fn errno_name(error: &nn::Error) -> String {
        match error {
            nn::Error::BackendError(e) => backend_error_name(&format!("{e:?}")),
            nn::Error::IoError(e) => format!("io({e})"),
        }
    }
}
