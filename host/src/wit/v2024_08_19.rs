//! `wasi:nn@0.2.0-rc-2024-08-19` (Wasmtime v25–v34): a stateful
//! `graph-execution-context` driven by `set-input`, `compute()` and
//! `get-output`.
//!
//! The context ([`StatefulContext`]) holds the backend's context, the inputs
//! set so far and the outputs of the last compute; the backend still sees
//! one call taking every input and returning every output.
//!
//! - `set-input(name, tensor)` takes the tensor. `name` is an input's tensor
//!   name, else its decimal index; the backend checks it and the tensor's
//!   type and shape at once (`invalid-argument`, as upstream). A later
//!   `set-input` of the same input, by either spelling, replaces it.
//! - `compute()` hands the backend every input set so far, which stay set:
//!   computing again without `set-input` gives the same outputs. A missing
//!   input is `invalid-argument` naming it; inference failures are
//!   `runtime-error`.
//! - `get-output(name)` returns the output whose tensor name is `name`, else,
//!   when no output has that name, the output at decimal index `name`
//!   ("0", "1", …, in model order). Each call gives a new `tensor` sharing
//!   the output's bytes. An unknown name, or no successful compute before,
//!   is `invalid-argument`.

use super::{overwrite, wasi_nn_bindings, NnCtx};
use crate::backend::{ExecutionContext, NamedTensor, NnError, Tensor};
use nn_abi::WasiNnVersion;
use wasmtime::component::Resource;

/// This module's version.
pub const VERSION: WasiNnVersion = WasiNnVersion::V2024_08_19;

/// A context keeps its inputs and last outputs between calls.
pub type Context = StatefulContext;

wasi_nn_bindings!("../wit/0.2.0-rc-2024-08-19/wasi-nn.wit");

/// The value behind an 08-19 `graph-execution-context`.
pub struct StatefulContext {
    context: ExecutionContext,
    /// The inputs set so far, by model input index (so that a name and an
    /// index denoting the same input replace each other).
    inputs: Vec<Option<Tensor>>,
    /// The outputs of the last compute, in model order; `None` before the
    /// first compute and after a failed one.
    outputs: Option<Vec<NamedTensor>>,
}

impl StatefulContext {
    fn output(&self, name: &str) -> Result<&Tensor, NnError> {
        let Some(outputs) = &self.outputs else {
            return Err(NnError::invalid_argument(format!(
                "get-output {name:?}: there are no outputs; call compute first (and check that it succeeded)"
            )));
        };
        let by_name = outputs.iter().find(|(n, _)| n == name);
        let by_index = || match name.parse::<usize>() {
            Ok(index) if name.bytes().all(|b| b.is_ascii_digit()) => outputs.get(index),
            _ => None,
        };
        match by_name.or_else(by_index) {
            Some((_, tensor)) => Ok(tensor),
            None => {
                let names = outputs
                    .iter()
                    .enumerate()
                    .map(|(index, (n, _))| format!("{n:?} (index {index})"))
                    .collect::<Vec<_>>();
                Err(NnError::invalid_argument(format!(
                    "get-output: the model has no output named {name:?}; its outputs are {} (a decimal string selects an output by index)",
                    names.join(", ")
                )))
            }
        }
    }
}

impl From<ExecutionContext> for StatefulContext {
    fn from(context: ExecutionContext) -> Self {
        StatefulContext {
            context,
            inputs: Vec::new(),
            outputs: None,
        }
    }
}

impl inference::Host for NnCtx {}

impl inference::HostGraphExecutionContext for NnCtx {
    fn set_input(
        &mut self,
        context: Resource<StatefulContext>,
        name: String,
        tensor: Resource<Tensor>,
    ) -> wasmtime::Result<Result<(), Resource<NnError>>> {
        let tensor = self.table.delete(tensor)?;
        let context = self.table.get_mut(&context)?;
        match context.context.0.input_index(&name, &tensor) {
            Ok(index) => {
                if context.inputs.len() <= index {
                    context.inputs.resize(index + 1, None);
                }
                replace_input(&mut context.inputs[index], tensor);
                Ok(Ok(()))
            }
            Err(error) => self.fail("set-input", error),
        }
    }

    fn compute(
        &mut self,
        context: Resource<StatefulContext>,
    ) -> wasmtime::Result<Result<(), Resource<NnError>>> {
        let max_output_bytes = self.max_output_bytes;
        let context = self.table.get_mut(&context)?;
        // Released first, so that the backend may reuse the buffers of
        // outputs the guest has dropped too.
        context.outputs = None;
        // Borrowed: the inputs stay set for the next compute.
        match context
            .context
            .0
            .compute_indexed(&context.inputs, max_output_bytes)
        {
            Ok(outputs) => {
                context.outputs = Some(outputs);
                Ok(Ok(()))
            }
            Err(error) => self.fail("compute", error),
        }
    }

    fn get_output(
        &mut self,
        context: Resource<StatefulContext>,
        name: String,
    ) -> wasmtime::Result<Result<Resource<Tensor>, Resource<NnError>>> {
        let output = self.table.get(&context)?.output(&name).cloned();
        self.push("get-output", output)
    }

    fn drop(&mut self, context: Resource<StatefulContext>) -> wasmtime::Result<()> {
        self.drop_context(context)
    }
}

/// Inputs up to this size are copied into the buffer they replace: the
/// backend then finds it already bound (rebinding costs OpenVINO about 2 µs a
/// round, the time to copy some 20 KB).
const COPIED_INPUT_BYTES: usize = 16 * 1024;

/// Sets `slot` to `tensor`; a small one of the same size goes into the
/// buffer already there when nothing else holds it, at the same address.
fn replace_input(slot: &mut Option<Tensor>, tensor: Tensor) {
    if let Some(old) = slot.as_mut() {
        if tensor.data.len() <= COPIED_INPUT_BYTES && overwrite(&mut old.data, &tensor.data) {
            old.dimensions = tensor.dimensions;
            old.ty = tensor.ty;
            return;
        }
    }
    *slot = Some(tensor);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::TensorType;
    use std::sync::Arc;

    fn tensor(bytes: &[u8]) -> Tensor {
        Tensor {
            dimensions: vec![bytes.len() as u32],
            ty: TensorType::U8,
            data: Arc::from(bytes),
        }
    }

    #[test]
    fn small_inputs_keep_their_buffer_when_unshared() {
        let mut slot = Some(tensor(&[1, 2]));
        let at = slot.as_ref().unwrap().data.as_ptr();
        replace_input(&mut slot, tensor(&[3, 4]));
        let kept = slot.as_ref().unwrap().data.clone();
        assert_eq!((kept.as_ptr(), &kept[..]), (at, &[3u8, 4][..]));
        // Held elsewhere (`kept`): replaced, and `kept` is untouched.
        replace_input(&mut slot, tensor(&[5, 6]));
        assert_ne!(slot.as_ref().unwrap().data.as_ptr(), at);
        assert_eq!(
            (&kept[..], &slot.unwrap().data[..]),
            (&[3u8, 4][..], &[5u8, 6][..])
        );
        // Another size, or over the limit: replaced.
        let mut slot = Some(tensor(&[1, 2]));
        replace_input(&mut slot, tensor(&[1, 2, 3]));
        assert_eq!(slot.as_ref().unwrap().dimensions, [3]);
        let big = vec![0u8; COPIED_INPUT_BYTES + 1];
        let mut slot = Some(tensor(&big));
        let at = slot.as_ref().unwrap().data.as_ptr();
        replace_input(&mut slot, tensor(&big));
        assert_ne!(slot.unwrap().data.as_ptr(), at);
    }
}
