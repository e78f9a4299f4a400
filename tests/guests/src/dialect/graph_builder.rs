//! crates.io `wasi-nn` 0.4.0, 0.5.0 and 0.6.0 share the `GraphBuilder` API
//! whose types and constants keep their names while their numbers change,
//! so one implementation, written once, is instantiated against each crate:
//! the numbers the host receives are each crate's own.

use super::{backend_error_name, usize_dimensions, Dialect};

/// `$name` implements [`Dialect`] with the crate `$krate`.
macro_rules! graph_builder_dialect {
    ($(#[$doc:meta])* $name:ident, $krate:ident) => {
        $(#[$doc])*
        pub struct $name;

        impl Dialect for $name {
            type TensorType = $krate::TensorType;
            type Encoding = $krate::GraphEncoding;
            type Graph = $krate::Graph;
            type Context<'g> = $krate::GraphExecutionContext<'g>;
            type Error = $krate::Error;

            const F32: $krate::TensorType = $krate::TensorType::F32;
            const U8: $krate::TensorType = $krate::TensorType::U8;
            const I32: $krate::TensorType = $krate::TensorType::I32;
            const OPENVINO: $krate::GraphEncoding = $krate::GraphEncoding::Openvino;
            const ONNX: Option<$krate::GraphEncoding> = Some($krate::GraphEncoding::Onnx);

            fn load(builders: &[Vec<u8>], encoding: $krate::GraphEncoding) -> Result<$krate::Graph, $krate::Error> {
                $krate::GraphBuilder::new(encoding, $krate::ExecutionTarget::CPU).build_from_bytes(builders)
            }

            /// Handles are private to the crate.
            fn unknown_graph() -> Option<$krate::Graph> {
                None
            }

            fn init_execution_context(
                graph: &$krate::Graph,
            ) -> Result<$krate::GraphExecutionContext<'_>, $krate::Error> {
                graph.init_execution_context()
            }

            fn set_input(
                context: &mut $krate::GraphExecutionContext<'_>,
                index: u32,
                tensor_type: $krate::TensorType,
                dimensions: &[u32],
                data: &[u8],
            ) -> Result<(), $krate::Error> {
                context.set_input(
                    index as usize,
                    tensor_type,
                    &usize_dimensions(dimensions),
                    data,
                )
            }

            fn compute(context: &mut $krate::GraphExecutionContext<'_>) -> Result<(), $krate::Error> {
                context.compute()
            }

            fn get_output(
                context: &mut $krate::GraphExecutionContext<'_>,
                index: u32,
                out: &mut [u8],
            ) -> Result<usize, $krate::Error> {
                context.get_output(index as usize, out)
            }

            fn errno_name(error: &$krate::Error) -> String {
                match error {
                    $krate::Error::BackendError(e) => backend_error_name(&format!("{e:?}")),
                    $krate::Error::IoError(e) => format!("io({e})"),
                }
            }
        }
    };
}

graph_builder_dialect!(
    /// crates.io `wasi-nn` 0.4.0 (the API of 0.2 to 0.4): errnos
    /// invalid_argument 1 to runtime_error 5, tensor types f16 0, f32 1, u8 2,
    /// i32 3.
    WasiNn04,
    wasi_nn_0_4
);

graph_builder_dialect!(
    /// crates.io `wasi-nn` 0.5.0: as 0.4.0 plus errnos unsupported_operation
    /// 6, too_large 7 and not_found 8 (and `load_by_name`); tensor types still
    /// f16 0, f32 1, u8 2, i32 3.
    WasiNn05,
    wasi_nn_0_5
);

graph_builder_dialect!(
    /// crates.io `wasi-nn` 0.6.0, the crate of the other guests: as 0.5.0 but
    /// with tensor types f16 0, f32 1, f64 2, u8 3, i32 4, i64 5 (the numbers
    /// of wasmtime-wasi-nn's witx).
    WasiNn06,
    wasi_nn
);
