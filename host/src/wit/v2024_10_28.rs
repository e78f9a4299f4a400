//! `wasi:nn@0.2.0-rc-2024-10-28`: `compute` takes every input and returns
//! every output as lists of named tensors, so the context holds nothing
//! between calls but the backend's own state.
//!
//! `inference` and `errors` use the bindgen-generated traits; `graph` and
//! `tensor` are the shared hand-written ones (see the parent module).

use super::{convert_error_code, HasNn, NnCtx};
use crate::backend::{ErrorCode, ExecutionContext, NnError, Tensor};
use anyhow::Result;
use wasmtime::component::{Linker, Resource};

/// This module's package version; `bindgen!` below reads the same folder.
pub const VERSION: &str = "0.2.0-rc-2024-10-28";

mod generated {
    wasmtime::component::bindgen!({
        world: "ml",
        path: "../wit/0.2.0-rc-2024-10-28/wasi-nn.wit",
        with: {
            "wasi:nn/graph.graph": crate::backend::Graph,
            "wasi:nn/tensor.tensor": crate::backend::Tensor,
            "wasi:nn/inference.graph-execution-context": crate::backend::ExecutionContext,
            "wasi:nn/errors.error": crate::backend::NnError,
        },
        imports: { default: trappable },
    });
}

use generated::wasi::nn::{errors, inference};

convert_error_code!(errors);

pub(super) fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: fn(&mut T) -> &mut NnCtx,
) -> Result<()> {
    super::add_graph_to_linker(
        linker,
        get,
        &format!("wasi:nn/graph@{VERSION}"),
        |context| context,
    )?;
    inference::add_to_linker::<T, HasNn>(linker, get)?;
    errors::add_to_linker::<T, HasNn>(linker, get)?;
    super::add_tensor_to_linker(linker, get, &format!("wasi:nn/tensor@{VERSION}"))
}

impl inference::Host for NnCtx {}

impl inference::HostGraphExecutionContext for NnCtx {
    fn compute(
        &mut self,
        context: Resource<ExecutionContext>,
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

    fn drop(&mut self, context: Resource<ExecutionContext>) -> wasmtime::Result<()> {
        self.drop_context(context)
    }
}

impl errors::Host for NnCtx {}

impl errors::HostError for NnCtx {
    fn code(&mut self, error: Resource<NnError>) -> wasmtime::Result<errors::ErrorCode> {
        Ok(self.table.get(&error)?.code.into())
    }

    fn data(&mut self, error: Resource<NnError>) -> wasmtime::Result<String> {
        Ok(self.table.get(&error)?.message.clone())
    }

    fn drop(&mut self, error: Resource<NnError>) -> wasmtime::Result<()> {
        self.table.delete(error)?;
        Ok(())
    }
}
