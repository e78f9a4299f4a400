//! The `wasi:nn@0.2.0-rc-2024-10-28` interfaces on a component linker.
//!
//! `graph`, `inference` and `errors` use the bindgen-generated traits. The
//! `tensor` interface is defined by hand with `func_wrap` because the
//! generated signatures force a copy each way: its constructor copies the
//! guest's bytes straight from linear memory (`WasmList<u8>`) into the
//! tensor's `Arc<[u8]>`, and `tensor.data` lowers that `Arc` directly instead
//! of returning a cloned `Vec<u8>`.
//!
//! The glue holds no inference logic: `load` goes to the [`Backends`] in
//! [`NnCtx`], `load-by-name` to its [`Registry`], and the generated enums are
//! converted to the backend's own (`same_cases!`). Serving another version of
//! the WIT takes another copy of this glue, not a change to the backends.

use crate::backend::{
    Backends, ErrorCode, ExecutionContext, ExecutionTarget, Graph, GraphEncoding, NnError, Tensor,
    TensorType,
};
use crate::registry::Registry;
use anyhow::Result;
use std::sync::Arc;
use wasmtime::component::{HasData, Linker, Resource, ResourceTable, ResourceType, WasmList};
use wasmtime::{AsContext as _, StoreContextMut};

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

use generated::wasi::nn::{errors, graph, inference};

/// Converts between a generated WIT enum and the backend's enum of the same
/// cases, so that the backend names no WIT version.
macro_rules! same_cases {
    ($wit:ty, $ours:ident, [$($case:ident),* $(,)?]) => {
        impl From<$wit> for $ours {
            fn from(value: $wit) -> Self {
                type Wit = $wit;
                match value {
                    $(Wit::$case => $ours::$case,)*
                }
            }
        }
        impl From<$ours> for $wit {
            fn from(value: $ours) -> Self {
                type Wit = $wit;
                match value {
                    $($ours::$case => Wit::$case,)*
                }
            }
        }
    };
}

same_cases!(
    graph::GraphEncoding,
    GraphEncoding,
    [
        Openvino,
        Onnx,
        Tensorflow,
        Pytorch,
        Tensorflowlite,
        Ggml,
        Autodetect
    ]
);
same_cases!(graph::ExecutionTarget, ExecutionTarget, [Cpu, Gpu, Tpu]);
same_cases!(
    errors::ErrorCode,
    ErrorCode,
    [
        InvalidArgument,
        InvalidEncoding,
        Timeout,
        RuntimeError,
        UnsupportedOperation,
        TooLarge,
        NotFound,
        Security,
        Unknown,
    ]
);

/// The interface name the hand-written `tensor` functions are defined under.
const TENSOR_INTERFACE: &str = "wasi:nn/tensor@0.2.0-rc-2024-10-28";

/// Per-store `wasi:nn` state: the resources the guest holds, the backends
/// its `load` calls dispatch to, and the registry of preloaded graphs.
///
/// Its own table (not the WASI one) keeps `wasi:nn` resources countable
/// apart from everything else the store holds.
pub struct NnCtx {
    table: ResourceTable,
    backends: Backends,
    registry: Arc<Registry>,
}

impl NnCtx {
    pub fn new(backends: Backends, registry: Arc<Registry>) -> Self {
        NnCtx {
            table: ResourceTable::new(),
            backends,
            registry,
        }
    }

    /// How many `wasi:nn` resources (graphs, contexts, tensors, errors) the
    /// table holds right now: those the guest has not dropped yet.
    pub fn live_resources(&mut self) -> usize {
        self.table.iter_mut().count()
    }

    /// Stores a guest-visible error and returns it as the `Err` of a result.
    fn fail<T>(&mut self, error: NnError) -> wasmtime::Result<Result<T, Resource<NnError>>> {
        tracing::debug!(code = ?error.code, message = %error.message, "wasi-nn error");
        Ok(Err(self.table.push(error)?))
    }
}

struct HasNn;

impl HasData for HasNn {
    type Data<'a> = &'a mut NnCtx;
}

/// Adds every `wasi:nn` interface to `linker`; `get` finds the [`NnCtx`] in
/// the store's data.
pub fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: fn(&mut T) -> &mut NnCtx,
) -> Result<()> {
    graph::add_to_linker::<T, HasNn>(linker, get)?;
    inference::add_to_linker::<T, HasNn>(linker, get)?;
    errors::add_to_linker::<T, HasNn>(linker, get)?;
    add_tensor_to_linker(linker, get)
}

fn add_tensor_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: fn(&mut T) -> &mut NnCtx,
) -> Result<()> {
    let mut tensor = linker.instance(TENSOR_INTERFACE)?;
    tensor.resource(
        "tensor",
        ResourceType::host::<Tensor>(),
        move |mut store, rep| {
            get(store.data_mut())
                .table
                .delete(Resource::<Tensor>::new_own(rep))?;
            Ok(())
        },
    )?;
    tensor.func_wrap(
        "[constructor]tensor",
        move |mut store: StoreContextMut<'_, T>,
              (dimensions, ty, data): (Vec<u32>, TensorType, WasmList<u8>)| {
            // The one copy from guest memory into host memory.
            let data: Arc<[u8]> = Arc::from(data.as_le_slice(store.as_context()));
            let tensor = Tensor {
                dimensions,
                ty,
                data,
            };
            Ok((get(store.data_mut()).table.push(tensor)?,))
        },
    )?;
    tensor.func_wrap(
        "[method]tensor.dimensions",
        move |mut store: StoreContextMut<'_, T>, (this,): (Resource<Tensor>,)| {
            Ok((get(store.data_mut()).table.get(&this)?.dimensions.clone(),))
        },
    )?;
    tensor.func_wrap(
        "[method]tensor.ty",
        move |mut store: StoreContextMut<'_, T>, (this,): (Resource<Tensor>,)| {
            Ok((get(store.data_mut()).table.get(&this)?.ty,))
        },
    )?;
    tensor.func_wrap(
        "[method]tensor.data",
        move |mut store: StoreContextMut<'_, T>, (this,): (Resource<Tensor>,)| {
            // Sharing the `Arc` lets wasmtime lower the bytes into the guest
            // directly: the one copy from host memory into guest memory.
            Ok((get(store.data_mut()).table.get(&this)?.data.clone(),))
        },
    )?;
    Ok(())
}

impl graph::Host for NnCtx {
    fn load(
        &mut self,
        builders: Vec<Vec<u8>>,
        encoding: graph::GraphEncoding,
        target: graph::ExecutionTarget,
    ) -> wasmtime::Result<Result<Resource<Graph>, Resource<NnError>>> {
        tracing::debug!(?encoding, ?target, builders = builders.len(), "load");
        let slices = builders.iter().map(Vec::as_slice).collect::<Vec<_>>();
        match self.backends.load(&slices, encoding.into(), target.into()) {
            Ok(graph) => Ok(Ok(self.table.push(graph)?)),
            Err(error) => self.fail(error),
        }
    }

    fn load_by_name(
        &mut self,
        name: String,
    ) -> wasmtime::Result<Result<Resource<Graph>, Resource<NnError>>> {
        tracing::debug!(name, "load-by-name");
        match self.registry.get(&name) {
            Some(graph) => {
                let graph = graph.clone();
                Ok(Ok(self.table.push(graph)?))
            }
            None => {
                let message = format!(
                    "no graph named {name:?} was preloaded (registered: {:?})",
                    self.registry.names()
                );
                self.fail(NnError::new(ErrorCode::NotFound, message))
            }
        }
    }
}

impl graph::HostGraph for NnCtx {
    fn init_execution_context(
        &mut self,
        graph: Resource<Graph>,
    ) -> wasmtime::Result<Result<Resource<ExecutionContext>, Resource<NnError>>> {
        match self.table.get(&graph)?.0.init_execution_context() {
            Ok(context) => Ok(Ok(self.table.push(context)?)),
            Err(error) => self.fail(error),
        }
    }

    fn drop(&mut self, graph: Resource<Graph>) -> wasmtime::Result<()> {
        self.table.delete(graph)?;
        Ok(())
    }
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
        let outcome = self.table.get_mut(&context)?.0.compute(inputs);
        match outcome {
            Ok(outputs) => {
                let outputs = outputs
                    .into_iter()
                    .map(|(name, tensor)| Ok((name, self.table.push(tensor)?)))
                    .collect::<wasmtime::Result<Vec<_>>>()?;
                Ok(Ok(outputs))
            }
            Err(error) => self.fail(error),
        }
    }

    fn drop(&mut self, context: Resource<ExecutionContext>) -> wasmtime::Result<()> {
        self.table.delete(context)?;
        Ok(())
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
