//! Tensor names of a model on disk, read at componentize time for
//! `--graph NAME=ENC::DIR` and baked into the adapter (see
//! `nn_adapter_tools::bake`), so that `load_by_name` guests send real names.
//!
//! The model is found in DIR the way nn-host and wasmtime-wasi-nn find a
//! preloaded graph, and read by the adapter's own parser (`nn-model-names`),
//! so a name read here is the name the adapter would read at `load`.

use anyhow::{bail, ensure, Context, Result};
use nn_adapter_tools::GraphNames;
use nn_model_names::{table_names, Buf, TableWriter};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest model file read for its names. IR XML and ONNX protobufs
/// this large hold weights (ONNX) or are not models; the names parser is
/// linear, so this only bounds memory.
pub const MAX_MODEL_SIZE: u64 = 2 << 30;

/// The model file in `dir` for `encoding`: `model.xml` (openvino),
/// `model.onnx` (onnx), or else the folder's only `*.xml` / `*.onnx` file.
fn model_file(encoding: &str, dir: &Path) -> Result<PathBuf> {
    let extensions: &[&str] = match encoding {
        "openvino" => &["xml"],
        "onnx" => &["onnx"],
        "autodetect" => &["xml", "onnx"],
        "tensorflowlite" => bail!(
            "--graph tensorflowlite::{}: the adapter addresses TensorFlow Lite tensors by index, so there \
             are no names to bake (nn-host takes the indices); leave this --graph out, or state \
             names with --names NAME=IN,…:OUT,…",
            dir.display()
        ),
        "ggml" => bail!(
            "--graph ggml::{}: a GGUF graph has no tensor names to bake (input 0 is the prompt, \
             1 the metadata JSON, by index); leave this --graph out",
            dir.display()
        ),
        other => bail!(
            "--graph {other}::{}: unknown encoding; expected one of: {}",
            dir.display(),
            nn_args::GRAPH_ENCODINGS.join(", ")
        ),
    };
    ensure!(
        dir.is_dir(),
        "--graph: {}: no such directory",
        dir.display()
    );
    for ext in extensions {
        let file = dir.join(format!("model.{ext}"));
        if file.is_file() {
            return Ok(file);
        }
    }
    let mut found = Vec::new();
    for entry in
        std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))?
    {
        let path = entry?.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if path.is_file() && extensions.contains(&ext) {
            found.push(path);
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => bail!(
            "{}: no model.{} (or single *.{} file) for encoding {encoding}",
            dir.display(),
            extensions[0],
            extensions.join(" / *.")
        ),
        _ => bail!(
            "{}: several model files, and none is called model.{}",
            dir.display(),
            extensions[0]
        ),
    }
}

struct VecBuf(Vec<u8>);

impl Buf for VecBuf {
    fn used(&self) -> usize {
        self.0.len()
    }
    fn truncate(&mut self, len: usize) {
        self.0.truncate(len);
    }
    fn push(&mut self, b: u8) -> bool {
        self.0.push(b);
        true
    }
}

/// The tensor names of the model in `dir` (encoding as spelled on the
/// command line). Every tensor must have a name: a tensor the adapter would
/// name by index cannot be addressed by name on any host.
pub fn read_model_names(encoding: &str, dir: &Path) -> Result<GraphNames> {
    let file = model_file(encoding, dir)?;
    let mut bytes = Vec::new();
    std::fs::File::open(&file)
        .and_then(|f| f.take(MAX_MODEL_SIZE + 1).read_to_end(&mut bytes))
        .with_context(|| format!("{}: cannot read", file.display()))?;
    ensure!(
        bytes.len() as u64 <= MAX_MODEL_SIZE,
        "{}: larger than {MAX_MODEL_SIZE} bytes",
        file.display()
    );
    let mut buf = VecBuf(Vec::new());
    let mut writer = TableWriter::new(&mut buf);
    let parsed = nn_model_names::parse(&bytes, &mut writer, &mut Vec::new());
    let (inputs, outputs) = (writer.inputs, writer.outputs);
    ensure!(
        parsed,
        "{}: not an OpenVINO IR or ONNX model the adapter can read names from",
        file.display()
    );
    let tensor = |t: u32, what: &str, index: u32| -> Result<Vec<String>> {
        let names: Vec<String> = table_names(&buf.0, t)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect();
        ensure!(
            !names.is_empty(),
            "{}: {what} {index} has no name; state the names with --names",
            file.display()
        );
        Ok(names)
    };
    let names = GraphNames {
        inputs: (0..inputs)
            .map(|i| tensor(i, "input", i))
            .collect::<Result<_>>()?,
        outputs: (0..outputs)
            .map(|i| tensor(inputs + i, "output", i))
            .collect::<Result<_>>()?,
    };
    ensure!(
        !names.inputs.is_empty() || !names.outputs.is_empty(),
        "{}: the model has no inputs or outputs",
        file.display()
    );
    Ok(names)
}

/// The table of tensor names baked into `component` by nn-componentize (its
/// [`crate::NAMES_SECTION`] custom section, which only nn-componentize
/// writes), if there is one.
pub fn baked_names(component: &[u8]) -> Result<Option<nn_adapter_tools::NameTable>> {
    for payload in wasmparser::Parser::new(0).parse_all(component) {
        match payload.context("not a valid component")? {
            wasmparser::Payload::CustomSection(section)
                if section.name() == crate::NAMES_SECTION =>
            {
                return nn_adapter_tools::NameTable::decode(section.data())
                    .map(Some)
                    .with_context(|| format!("custom section `{}`", crate::NAMES_SECTION));
            }
            _ => {}
        }
    }
    Ok(None)
}
