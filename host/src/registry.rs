//! Graphs the host compiles before the guest starts, for `load-by-name`.
//!
//! Like wasmtime-wasi-nn's in-memory registry, it is filled by the embedder
//! (here from `nn-host run --graph NAME=ENC::DIR`, or `NAME=ggml::FILE`
//! for a GGUF model) and only read by the WIT
//! glue: names map only to what the host registered, so a guest-supplied name
//! never reaches the filesystem.

use crate::backend::{Backends, ExecutionTarget, Graph, GraphEncoding};
use crate::limits::HostLimits;
use anyhow::{bail, Context as _, Result};
use std::collections::HashMap;
use std::path::Path;

/// Named, compiled graphs; shared read-only by every store of a run.
#[derive(Clone, Default)]
pub struct Registry {
    graphs: HashMap<String, Graph>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

impl Registry {
    pub fn new() -> Self {
        Registry::default()
    }

    /// Reads the model in `dir` (see [`graph_files`]), compiles it for the
    /// CPU once with the backend for `encoding`, and registers it as `name`.
    /// The host chose the model, so its outputs are checked against the cap
    /// of an uncapped guest (4 GiB); [`Registry::load_graph`] takes a cap.
    pub fn preload(
        &mut self,
        backends: &Backends,
        name: &str,
        encoding: GraphEncoding,
        dir: &Path,
    ) -> Result<()> {
        let max_output_bytes = HostLimits::default().output_bytes;
        let graph = Registry::load_graph(backends, name, encoding, dir, max_output_bytes)?;
        self.insert(name, graph);
        Ok(())
    }

    /// Reads and compiles the model in `dir` as [`Registry::preload`] does
    /// (for `ggml`, `dir` is the GGUF file, read in place by the backend),
    /// refusing one whose static outputs exceed `max_output_bytes` (the
    /// run's cap: see [`HostLimits::output_bytes`]); `name` is for messages.
    pub fn load_graph(
        backends: &Backends,
        name: &str,
        encoding: GraphEncoding,
        dir: &Path,
        max_output_bytes: usize,
    ) -> Result<Graph> {
        if encoding == GraphEncoding::Ggml {
            let graph = backends
                .load_file(dir, encoding, ExecutionTarget::Cpu)
                .with_context(|| format!("preloading graph {name:?} from {}", dir.display()))?;
            tracing::debug!(name, file = %dir.display(), "preloaded graph");
            return Ok(graph);
        }
        let graph = graph_files(encoding, dir)
            .and_then(|(encoding, builders)| {
                let slices = builders.iter().map(Vec::as_slice).collect::<Vec<_>>();
                Ok(backends.load(&slices, encoding, ExecutionTarget::Cpu, max_output_bytes)?)
            })
            .with_context(|| format!("preloading graph {name:?} from {}", dir.display()))?;
        tracing::debug!(name, dir = %dir.display(), "preloaded graph");
        Ok(graph)
    }

    /// Registers `graph` as `name`, replacing any graph of that name.
    pub fn insert(&mut self, name: &str, graph: Graph) {
        self.graphs.insert(name.to_string(), graph);
    }

    pub fn get(&self, name: &str) -> Option<&Graph> {
        self.graphs.get(name)
    }

    /// The registered names, sorted, for messages.
    pub fn names(&self) -> Vec<&str> {
        let mut names = self.graphs.keys().map(String::as_str).collect::<Vec<_>>();
        names.sort_unstable();
        names
    }
}

/// The file extension of each encoding a folder can hold, in the order
/// `autodetect` looks for them.
const MODEL_FILES: [(GraphEncoding, &str); 3] = [
    (GraphEncoding::Openvino, "xml"),
    (GraphEncoding::Onnx, "onnx"),
    (GraphEncoding::Tensorflowlite, "tflite"),
];

/// Reads a preloaded graph's builders from its folder: `model.xml` +
/// `model.bin` (openvino), `model.onnx` (onnx) or `model.tflite`
/// (tensorflowlite), or else exactly one `*.xml` / `*.onnx` / `*.tflite` file
/// (an IR without a `.bin` of the same stem has empty weights). For
/// `autodetect`, the first of those the folder holds decides the encoding,
/// which is returned with the builders.
fn graph_files(encoding: GraphEncoding, dir: &Path) -> Result<(GraphEncoding, Vec<Vec<u8>>)> {
    let read =
        |path: &Path| std::fs::read(path).with_context(|| format!("reading {}", path.display()));
    if dir.is_file() {
        bail!(
            "{} is a file; a graph is given by its folder: give its folder",
            dir.display()
        );
    }
    let listing = std::fs::read_dir(dir)
        .with_context(|| format!("reading graph folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect::<Vec<_>>();
    let with_extension = |extension: &str| {
        listing
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == extension))
            .cloned()
            .collect::<Vec<_>>()
    };
    let encoding = match encoding {
        GraphEncoding::Autodetect => MODEL_FILES
            .iter()
            .find(|(_, extension)| !with_extension(extension).is_empty())
            .map(|(found, _)| *found)
            .with_context(|| {
                format!(
                    "{} holds no model for autodetect: no *.xml, *.onnx or *.tflite file",
                    dir.display()
                )
            })?,
        other => other,
    };
    let Some((_, extension)) = MODEL_FILES.iter().find(|(e, _)| *e == encoding) else {
        bail!(
            "preloading supports the openvino, onnx, tensorflowlite and autodetect encodings, not {}",
            encoding.wit_name()
        );
    };
    let model = match dir.join(format!("model.{extension}")) {
        p if p.is_file() => p,
        _ => match with_extension(extension).as_slice() {
            [only] => only.clone(),
            found => bail!(
                "{} holds {} *.{extension} files and no model.{extension}; expected exactly one",
                dir.display(),
                found.len()
            ),
        },
    };
    let mut builders = vec![read(&model)?];
    if encoding == GraphEncoding::Openvino {
        let bin = model.with_extension("bin");
        builders.push(if bin.is_file() {
            read(&bin)?
        } else {
            Vec::new()
        });
    }
    Ok((encoding, builders))
}
