//! crates.io `wasi-nn` 0.1.0: the generated functions only (unsafe, raw
//! handles, `u16` errno with three errors: invalid_argument 1,
//! missing_memory 2, busy 3; tensor types f16 0, f32 1, u8 2, i32 3).

use wasi_nn_0_1 as nn;

use super::Dialect;

pub struct WasiNn01;

impl Dialect for WasiNn01 {
    type TensorType = nn::TensorType;
    type Encoding = nn::GraphEncoding;
    type Graph = nn::Graph;
    type Context<'g> = nn::GraphExecutionContext;
    type Error = nn::Error;

    const F32: nn::TensorType = nn::TENSOR_TYPE_F32;
    const U8: nn::TensorType = nn::TENSOR_TYPE_U8;
    const I32: nn::TensorType = nn::TENSOR_TYPE_I32;
    const OPENVINO: nn::GraphEncoding = nn::GRAPH_ENCODING_OPENVINO;
    const ONNX: Option<nn::GraphEncoding> = None;

    fn load(builders: &[Vec<u8>], encoding: nn::GraphEncoding) -> Result<nn::Graph, nn::Error> {
        let builders: Vec<&[u8]> = builders.iter().map(Vec::as_slice).collect();
        // SAFETY: the builders outlive the call, which writes only the handle.
        unsafe { nn::load(&builders, encoding, nn::EXECUTION_TARGET_CPU) }
    }

    fn unknown_graph() -> Option<nn::Graph> {
        Some(nn::Graph::MAX)
    }

    fn init_execution_context(graph: &nn::Graph) -> Result<nn::GraphExecutionContext, nn::Error> {
        // SAFETY: the call writes only the handle.
        unsafe { nn::init_execution_context(*graph) }
    }

    fn set_input(
        context: &mut nn::GraphExecutionContext,
        index: u32,
        tensor_type: nn::TensorType,
        dimensions: &[u32],
        data: &[u8],
    ) -> Result<(), nn::Error> {
        let tensor = nn::Tensor {
            dimensions,
            r#type: tensor_type,
            data,
        };
        // SAFETY: the tensor and what it points to outlive the call.
        unsafe { nn::set_input(*context, index, tensor) }
    }

    fn compute(context: &mut nn::GraphExecutionContext) -> Result<(), nn::Error> {
        // SAFETY: plain handle.
        unsafe { nn::compute(*context) }
    }

    fn get_output(
        context: &mut nn::GraphExecutionContext,
        index: u32,
        out: &mut [u8],
    ) -> Result<usize, nn::Error> {
        let len = u32::try_from(out.len()).expect("a wasm32 buffer");
        // SAFETY: the host writes at most `len` bytes at `out`.
        let written = unsafe { nn::get_output(*context, index, out.as_mut_ptr(), len) }?;
        Ok(written as usize)
    }

    fn errno_name(error: &nn::Error) -> String {
        match error.raw_error() {
            nn::NN_ERRNO_INVALID_ARGUMENT => "invalid_argument".into(),
            nn::NN_ERRNO_MISSING_MEMORY => "missing_memory".into(),
            nn::NN_ERRNO_BUSY => "busy".into(),
            code => format!("unknown({code})"),
        }
    }
}
