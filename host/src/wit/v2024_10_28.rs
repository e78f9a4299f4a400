//! `wasi:nn@0.2.0-rc-2024-10-28`: `compute` takes every input and returns
//! every output as lists of named tensors, so the context holds nothing
//! between calls but the backend's own state.
//!
//! `inference` implements the generated trait; the rest is shared (see
//! the parent module).

use super::{wasi_nn_bindings, NnCtx};
use crate::backend::{ExecutionContext, NnError, Tensor};
use nn_abi::WasiNnVersion;
use wasmtime::component::Resource;

/// This module's version.
pub const VERSION: WasiNnVersion = WasiNnVersion::V2024_10_28;

/// A context holds nothing between calls but the backend's own state.
pub type Context = ExecutionContext;

wasi_nn_bindings!("../wit/0.2.0-rc-2024-10-28/wasi-nn.wit");

impl inference::Host for NnCtx {}

impl inference::HostGraphExecutionContext for NnCtx {
    fn compute(
        &mut self,
        context: Resource<Context>,
        inputs: Vec<(String, Resource<Tensor>)>,
    ) -> wasmtime::Result<Result<Vec<(String, Resource<Tensor>)>, Resource<NnError>>> {
        // `compute` takes ownership of the input tensors.
        let inputs = inputs
            .into_iter()
            .map(|(name, tensor)| Ok((name, self.table.delete(tensor)?)))
            .collect::<wasmtime::Result<Vec<_>>>()?;
        // Once the backend is done with them, their buffers serve the next
        // round's tensors.
        self.spare_inputs.clear();
        self.spare_inputs
            .extend(inputs.iter().map(|(_, tensor)| tensor.data.clone()));
        let max_output_bytes = self.max_output_bytes;
        let outcome = self
            .table
            .get_mut(&context)?
            .0
            .compute(inputs, max_output_bytes);
        match outcome {
            Ok(outputs) => {
                let outputs = outputs
                    .into_iter()
                    .map(|(name, tensor)| Ok((name, self.table.push(tensor)?)))
                    .collect::<wasmtime::Result<Vec<_>>>()?;
                Ok(Ok(outputs))
            }
            Err(error) => self.fail("compute", error),
        }
    }

    fn drop(&mut self, context: Resource<Context>) -> wasmtime::Result<()> {
        self.drop_context(context)
    }
}
