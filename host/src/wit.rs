//! The `wasi:nn@0.2.0-rc-2024-10-28` interfaces on a component linker.
//!
//! `graph`, `inference` and `errors` use the bindgen-generated traits. The
//! `tensor` interface is defined by hand with `func_wrap` because the
//! generated signatures force a copy each way: its constructor copies the
//! guest's bytes straight from linear memory (`WasmList<u8>`) into the
//! tensor's `Arc<[u8]>`, and `tensor.data` lowers that `Arc` directly instead
//! of returning a cloned `Vec<u8>`.

use crate::backend::{openvino::OpenVino, Backend, ExecutionContext, Graph, NnError, Tensor};
use anyhow::{bail, Context as _, Result};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use wasmtime::component::{HasData, Linker, Resource, ResourceTable, ResourceType, WasmList};
use wasmtime::{AsContext as _, StoreContextMut};

mod generated {
    wasmtime::component::bindgen!({
        world: "ml",
        path: "../wit/wasi-nn.wit",
        with: {
            "wasi:nn/graph.graph": crate::backend::Graph,
            "wasi:nn/tensor.tensor": crate::backend::Tensor,
            "wasi:nn/inference.graph-execution-context": crate::backend::ExecutionContext,
            "wasi:nn/errors.error": crate::backend::NnError,
        },
        imports: { default: trappable },
    });
}

pub use generated::wasi::nn::errors::ErrorCode;
pub use generated::wasi::nn::graph::{ExecutionTarget, GraphEncoding};
pub use generated::wasi::nn::tensor::TensorType;
use generated::wasi::nn::{errors, graph, inference};

/// The interface name the hand-written `tensor` functions are defined under.
const TENSOR_INTERFACE: &str = "wasi:nn/tensor@0.2.0-rc-2024-10-28";

/// Graphs compiled before the guest starts, for `load-by-name`.
///
/// Names map only to what the host registered: a guest-supplied name never
/// reaches the filesystem.
#[derive(Clone, Default)]
pub struct Registry {
    graphs: HashMap<String, Graph>,
}

impl Registry {
    pub fn new() -> Self {
        Registry::default()
    }

    /// Reads the model in `dir`, compiles it for the CPU once, and registers
    /// it as `name`. The folder holds `model.xml` + `model.bin` (openvino) or
    /// `model.onnx` (onnx), or else exactly one `*.xml` / `*.onnx` file (an IR
    /// without a `.bin` of the same stem has empty weights).
    pub fn preload(&mut self, name: &str, encoding: GraphEncoding, dir: &Path) -> Result<()> {
        let graph = graph_files(encoding, dir)
            .and_then(|builders| {
                let slices = builders.iter().map(Vec::as_slice).collect::<Vec<_>>();
                Ok(OpenVino.load(&slices, encoding, ExecutionTarget::Cpu)?)
            })
            .with_context(|| format!("preloading graph {name:?} from {}", dir.display()))?;
        tracing::debug!(name, dir = %dir.display(), "preloaded graph");
        self.graphs.insert(name.to_string(), graph);
        Ok(())
    }
}

/// Reads the builders of a preloaded graph from its folder.
fn graph_files(encoding: GraphEncoding, dir: &Path) -> Result<Vec<Vec<u8>>> {
    let read =
        |path: &Path| std::fs::read(path).with_context(|| format!("reading {}", path.display()));
    let only = |extension: &str| -> Result<std::path::PathBuf> {
        let mut found = std::fs::read_dir(dir)
            .with_context(|| format!("reading graph folder {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == extension))
            .collect::<Vec<_>>();
        match found.len() {
            1 => Ok(found.remove(0)),
            n => bail!(
                "{} holds {n} *.{extension} files and no model.{extension}; expected exactly one",
                dir.display()
            ),
        }
    };
    match encoding {
        GraphEncoding::Openvino => {
            let xml = match dir.join("model.xml") {
                p if p.is_file() => p,
                _ => only("xml")?,
            };
            let bin = xml.with_extension("bin");
            let weights = if bin.is_file() {
                read(&bin)?
            } else {
                Vec::new()
            };
            Ok(vec![read(&xml)?, weights])
        }
        GraphEncoding::Onnx => {
            let model = match dir.join("model.onnx") {
                p if p.is_file() => p,
                _ => only("onnx")?,
            };
            Ok(vec![read(&model)?])
        }
        other => bail!("preloading supports the openvino and onnx encodings, not {other:?}"),
    }
}

/// Parses an encoding name as the CLI and WIT spell it (`openvino`, `onnx`, ...).
pub fn parse_encoding(name: &str) -> Result<GraphEncoding> {
    Ok(match name {
        "openvino" => GraphEncoding::Openvino,
        "onnx" => GraphEncoding::Onnx,
        "tensorflow" => GraphEncoding::Tensorflow,
        "pytorch" => GraphEncoding::Pytorch,
        "tensorflowlite" => GraphEncoding::Tensorflowlite,
        "ggml" => GraphEncoding::Ggml,
        "autodetect" => GraphEncoding::Autodetect,
        other => bail!("unknown graph encoding {other:?} (expected openvino, onnx, tensorflowlite, autodetect, ...)"),
    })
}

/// Per-store `wasi:nn` state: the resources the guest holds and the
/// registry of preloaded graphs.
pub struct NnCtx {
    table: ResourceTable,
    registry: Arc<Registry>,
}

impl NnCtx {
    pub fn new(registry: Arc<Registry>) -> Self {
        NnCtx {
            table: ResourceTable::new(),
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
        encoding: GraphEncoding,
        target: ExecutionTarget,
    ) -> wasmtime::Result<Result<Resource<Graph>, Resource<NnError>>> {
        tracing::debug!(?encoding, ?target, builders = builders.len(), "load");
        let slices = builders.iter().map(Vec::as_slice).collect::<Vec<_>>();
        match OpenVino.load(&slices, encoding, target) {
            Ok(graph) => Ok(Ok(self.table.push(graph)?)),
            Err(error) => self.fail(error),
        }
    }

    fn load_by_name(
        &mut self,
        name: String,
    ) -> wasmtime::Result<Result<Resource<Graph>, Resource<NnError>>> {
        tracing::debug!(name, "load-by-name");
        match self.registry.graphs.get(&name) {
            Some(graph) => {
                let graph = graph.clone();
                Ok(Ok(self.table.push(graph)?))
            }
            None => {
                let mut known = self
                    .registry
                    .graphs
                    .keys()
                    .map(String::as_str)
                    .collect::<Vec<_>>();
                known.sort_unstable();
                self.fail(NnError::new(
                    ErrorCode::NotFound,
                    format!("no graph named {name:?} was preloaded (registered: {known:?})"),
                ))
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
    fn code(&mut self, error: Resource<NnError>) -> wasmtime::Result<ErrorCode> {
        Ok(self.table.get(&error)?.code)
    }

    fn data(&mut self, error: Resource<NnError>) -> wasmtime::Result<String> {
        Ok(self.table.get(&error)?.message.clone())
    }

    fn drop(&mut self, error: Resource<NnError>) -> wasmtime::Result<()> {
        self.table.delete(error)?;
        Ok(())
    }
}
