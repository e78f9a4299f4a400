//! The backend seam: the vocabulary and the traits an inference library
//! implements to stand behind the `wasi:nn` glue.
//!
//! Shaped like wasmtime-wasi-nn's `backend` module: a backend loads graphs
//! from builder bytes, a graph makes execution contexts, a context computes.
//! [`NnCtx`](crate::NnCtx) picks the backend for each `load` by its encoding
//! from a [`Backends`] list, so adding a library means implementing
//! [`Backend`] and listing it in [`Backends::available`]; the WIT glue does
//! not change. Nothing here names a `wasi:nn` WIT version: the glue converts
//! its generated types to and from these, so one backend can serve several
//! versions of the interface. Guest-caused problems are [`NnError`]s, which
//! the glue turns into `wasi:nn` `error` resources, never traps.

use crate::genai::Ggml;
use crate::openvino::OpenVino;
use anyhow::bail;
use std::fmt;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use wasmtime::component::{ComponentType, Lift, Lower};

// The enums below carry the component-model traits so that embedders can
// pass them to typed component functions; their case names are those of the
// `wasi:nn` WIT enums, which every version so far shares.

/// Defines an enum of `wasi:nn` WIT enum cases: the component-model traits
/// (with each case's WIT name), its `wit_name` and every case in `ALL`.
macro_rules! wit_enum {
    ($(#[$meta:meta])* $name:ident { $($case:ident = $wit:literal,)* }) => {
        $(#[$meta])*
        #[derive(ComponentType, Lift, Lower, Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[component(enum)]
        #[repr(u8)]
        pub enum $name {
            $(#[component(name = $wit)] $case,)*
        }

        impl $name {
            /// Every case, in WIT order.
            pub const ALL: &[$name] = &[$($name::$case,)*];

            /// The case as the WIT spells it, for messages.
            pub fn wit_name(self) -> &'static str {
                match self {
                    $($name::$case => $wit,)*
                }
            }
        }
    };
}

wit_enum! {
    /// The format of a graph's builders (`wasi:nn/graph.graph-encoding`).
    GraphEncoding {
        Openvino = "openvino",
        Onnx = "onnx",
        Tensorflow = "tensorflow",
        Pytorch = "pytorch",
        Tensorflowlite = "tensorflowlite",
        Ggml = "ggml",
        Autodetect = "autodetect",
    }
}

/// Parses an encoding as the WIT spells it (`openvino`, `onnx`, ...), as
/// `nn-host run --graph` takes it.
impl FromStr for GraphEncoding {
    type Err = anyhow::Error;

    fn from_str(name: &str) -> anyhow::Result<Self> {
        match GraphEncoding::ALL.iter().find(|e| e.wit_name() == name) {
            Some(encoding) => Ok(*encoding),
            None => bail!(
                "unknown graph encoding `{name}`; expected one of: {}",
                GraphEncoding::ALL
                    .iter()
                    .map(|e| e.wit_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

wit_enum! {
    /// Where a graph runs (`wasi:nn/graph.execution-target`).
    ExecutionTarget {
        Cpu = "cpu",
        Gpu = "gpu",
        Tpu = "tpu",
    }
}

wit_enum! {
    /// A tensor's element type (`wasi:nn/tensor.tensor-type`).
    TensorType {
        Fp16 = "FP16",
        Fp32 = "FP32",
        Fp64 = "FP64",
        Bf16 = "BF16",
        U8 = "U8",
        I32 = "I32",
        I64 = "I64",
    }
}

wit_enum! {
    /// What kind of failure an [`NnError`] is (`wasi:nn/errors.error-code`).
    ErrorCode {
        InvalidArgument = "invalid-argument",
        InvalidEncoding = "invalid-encoding",
        Timeout = "timeout",
        RuntimeError = "runtime-error",
        UnsupportedOperation = "unsupported-operation",
        TooLarge = "too-large",
        NotFound = "not-found",
        Security = "security",
        Unknown = "unknown",
    }
}

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
        write!(f, "{}: {}", self.code.wit_name(), self.message)
    }
}

impl std::error::Error for NnError {}

/// The value behind a `tensor` resource. The bytes are shared (`Arc`) so that
/// `tensor.data` lowers them into the guest without cloning, and an output's
/// buffer is the very memory the backend wrote into.
#[derive(Debug, Clone)]
pub struct Tensor {
    pub dimensions: Vec<u32>,
    pub ty: TensorType,
    pub data: Arc<[u8]>,
}

/// A tensor bound to a model input (by name or decimal index) or produced
/// for a model output (named by its tensor name or index).
pub type NamedTensor = (String, Tensor);

/// An inference library: loads graphs from the bytes a guest passes to
/// `wasi:nn/graph.load` (or the host reads for a preloaded graph).
pub trait Backend: Send + Sync {
    /// The library's name, for messages.
    fn name(&self) -> &'static str;

    /// The encodings [`Backends`] sends to this backend: those it loads, and
    /// any it refuses with a reason more useful than "no backend".
    fn encodings(&self) -> &'static [GraphEncoding];

    /// Loads a graph; one whose outputs are known to total more than
    /// `max_output_bytes` is a `too-large` error, found before compiling
    /// (which may allocate static outputs).
    fn load(
        &self,
        builders: &[&[u8]],
        encoding: GraphEncoding,
        target: ExecutionTarget,
        max_output_bytes: usize,
    ) -> Result<Graph, NnError>;

    /// Loads a graph from the one model file the host was given (`--graph
    /// NAME=ggml::FILE`), read in place, for encodings whose models are a
    /// single file that may be large. By default the encoding has no such
    /// form.
    fn load_file(&self, path: &Path, target: ExecutionTarget) -> Result<Graph, NnError> {
        let _ = target;
        Err(NnError::new(
            ErrorCode::UnsupportedOperation,
            format!(
                "{} does not load a graph from a single file ({})",
                self.name(),
                path.display()
            ),
        ))
    }
}

/// A loaded, compiled model; cheap to clone (registry entries are shared).
#[derive(Clone)]
pub struct Graph(pub Arc<dyn BackendGraph>);

pub trait BackendGraph: Send + Sync {
    fn init_execution_context(&self) -> Result<ExecutionContext, NnError>;
}

/// One inference session over a graph.
pub struct ExecutionContext(pub Box<dyn BackendExecutionContext>);

/// Where a backend writes what the guest's runtime would print on the
/// guest's stdout (WasmEdge's GGML `stream-stdout`): the guest's stdout.
pub type Console = Arc<dyn Fn(&[u8]) + Send + Sync>;

pub trait BackendExecutionContext: Send {
    /// Gives the context the guest's stdout; a backend that never prints
    /// ignores it.
    fn set_console(&mut self, _console: Console) {}

    /// Which model input `name` denotes (its tensor name, else its decimal
    /// index), once `tensor` is checked against that input's type and shape:
    /// what [`compute`](Self::compute) would refuse about this one input,
    /// for glue that takes inputs one at a time.
    fn input_index(&self, name: &str, tensor: &Tensor) -> Result<usize, NnError>;

    /// Runs the model on `inputs` (every model input exactly once) and
    /// returns the outputs in model order. Outputs totalling more than
    /// `max_output_bytes` are a `too-large` error, found before the host
    /// allocates them wherever the backend knows their sizes beforehand.
    fn compute(
        &mut self,
        inputs: Vec<NamedTensor>,
        max_output_bytes: usize,
    ) -> Result<Vec<NamedTensor>, NnError>;

    /// [`compute`](Self::compute) on `inputs[i]` for model input `i`, each
    /// already accepted by [`input_index`](Self::input_index): glue that
    /// keeps inputs between computes passes them without naming them again.
    fn compute_indexed(
        &mut self,
        inputs: &[Option<Tensor>],
        max_output_bytes: usize,
    ) -> Result<Vec<NamedTensor>, NnError>;
}

/// The backends a host offers; `load` goes to the first that claims the
/// encoding. Cheap to clone: every store of a host shares one list.
#[derive(Clone)]
pub struct Backends(Arc<[Arc<dyn Backend>]>);

impl Backends {
    pub fn new(backends: Vec<Arc<dyn Backend>>) -> Self {
        Backends(backends.into())
    }

    /// Every backend this build has: OpenVINO, and OpenVINO GenAI for
    /// `ggml`.
    pub fn available() -> Self {
        Backends::new(vec![Arc::new(OpenVino::new()), Arc::new(Ggml)])
    }

    /// [`Backends::available`], each keeping compiled graphs in a cache
    /// folder under `dir` (OpenVINO: `dir/openvino`; GenAI keeps none).
    pub fn with_model_cache(dir: &Path) -> Self {
        Backends::new(vec![
            Arc::new(OpenVino::with_model_cache(dir.join("openvino"))),
            Arc::new(Ggml),
        ])
    }

    /// Loads the graph in the model file `path` with the backend for
    /// `encoding` (see [`Backend::load_file`]).
    pub fn load_file(
        &self,
        path: &Path,
        encoding: GraphEncoding,
        target: ExecutionTarget,
    ) -> Result<Graph, NnError> {
        self.backend_for(encoding)?.load_file(path, target)
    }

    /// Loads a graph with the backend for `encoding`; an encoding no backend
    /// claims is `invalid-encoding`.
    pub fn load(
        &self,
        builders: &[&[u8]],
        encoding: GraphEncoding,
        target: ExecutionTarget,
        max_output_bytes: usize,
    ) -> Result<Graph, NnError> {
        self.backend_for(encoding)?
            .load(builders, encoding, target, max_output_bytes)
    }

    /// The first backend claiming `encoding`; none is `invalid-encoding`.
    fn backend_for(&self, encoding: GraphEncoding) -> Result<&dyn Backend, NnError> {
        match self.0.iter().find(|b| b.encodings().contains(&encoding)) {
            Some(backend) => Ok(backend.as_ref()),
            None => {
                let known = self
                    .0
                    .iter()
                    .map(|b| {
                        let encodings = b.encodings().iter().map(|e| e.wit_name());
                        format!(
                            "{} ({})",
                            b.name(),
                            encodings.collect::<Vec<_>>().join(", ")
                        )
                    })
                    .collect::<Vec<_>>();
                Err(NnError::new(
                    ErrorCode::InvalidEncoding,
                    format!(
                        "this host has no backend for the {} encoding; its backends answer for: {}",
                        encoding.wit_name(),
                        known.join("; ")
                    ),
                ))
            }
        }
    }
}

/// Writes a model's `bytes` to `file` in a fresh folder under `scratch`
/// that only this user can enter (mode 0700, the file 0600, on Unix), for
/// a library that reads that format only from a file. The folder and the
/// file go when the returned handle is closed or dropped, on every error
/// path too.
pub(crate) fn stage_privately(
    bytes: &[u8],
    scratch: &Path,
    prefix: &str,
    file: &str,
) -> std::io::Result<tempfile::TempDir> {
    use std::io::Write as _;
    let mut folder = tempfile::Builder::new();
    folder.prefix(prefix);
    #[cfg(unix)]
    folder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    let staged = folder.tempdir_in(scratch)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(staged.path().join(file))?.write_all(bytes)?;
    Ok(staged)
}

impl fmt::Debug for Backends {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|b| b.name()))
            .finish()
    }
}
