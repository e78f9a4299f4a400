//! The OpenVINO implementation of [`Backend`].
//!
//! Bytes cross between the host and OpenVINO without copies: an input
//! tensor's `Arc<[u8]>` (filled once from guest memory) is wrapped as an
//! OpenVINO host-pointer tensor, and each static-shaped output is an
//! `Arc<[u8]>` bound as the request's output tensor, so OpenVINO writes the
//! result where `tensor.data` later lowers it from. The context keeps every
//! bound buffer alive while the request references it. An output buffer is
//! reused, still bound, by the next compute when the guest has dropped the
//! tensor that shared it; one the guest still holds is left alone and a
//! fresh buffer is bound in its place.

use super::ffi::{self, CompiledModel, Core, Element, HostTensor, InferRequest, Port};
use crate::backend::{
    stage_privately, Backend, BackendExecutionContext, BackendGraph, ErrorCode, ExecutionContext,
    ExecutionTarget, Graph, GraphEncoding, NamedTensor, NnError, Tensor, TensorType,
};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Loads `openvino` IR (XML + weights), `onnx` and `tensorflowlite` models,
/// or sniffs which for `autodetect`; compiled models run on OpenVINO's CPU or
/// GPU plugin.
#[derive(Debug, Clone, Default)]
pub struct OpenVino {
    /// OpenVINO's model cache folder, if any (see [`OpenVino::with_model_cache`]).
    model_cache: Option<PathBuf>,
}

impl OpenVino {
    /// A backend compiling every graph it loads.
    pub fn new() -> Self {
        OpenVino::default()
    }

    /// A backend keeping compiled graphs in OpenVINO's model cache under
    /// `dir` (created by OpenVINO when needed): a model loaded again, in
    /// this process or a later one, is imported from there instead of
    /// compiled.
    pub fn with_model_cache(dir: impl Into<PathBuf>) -> Self {
        OpenVino {
            model_cache: Some(dir.into()),
        }
    }
}

impl Backend for OpenVino {
    fn name(&self) -> &'static str {
        "OpenVINO"
    }

    fn encodings(&self) -> &'static [GraphEncoding] {
        &[
            GraphEncoding::Openvino,
            GraphEncoding::Onnx,
            GraphEncoding::Autodetect,
            GraphEncoding::Tensorflowlite,
        ]
    }

    fn load(
        &self,
        builders: &[&[u8]],
        encoding: GraphEncoding,
        target: ExecutionTarget,
        max_output_bytes: usize,
    ) -> Result<Graph, NnError> {
        let format = match encoding {
            GraphEncoding::Autodetect => sniff(builders)?,
            // As in the reference host, whose `read_model_from_buffer` lets
            // OpenVINO detect the format: ONNX bytes load as ONNX.
            GraphEncoding::Openvino => match builders.first().and_then(|first| detect(first)) {
                Some(Format::Onnx) => Format::Onnx,
                _ => Format::Ir,
            },
            GraphEncoding::Onnx => Format::Onnx,
            GraphEncoding::Tensorflowlite => Format::Tflite,
            other => {
                return Err(NnError::new(
                    ErrorCode::InvalidEncoding,
                    format!("the OpenVINO backend does not read the {} encoding; it reads openvino, onnx, tensorflowlite and autodetect", other.wit_name()),
                ))
            }
        };
        let (model, weights) = match (format, builders) {
            (Format::Ir, [xml, weights]) => (*xml, Some(*weights)),
            // ONNX under the `openvino` encoding: the second builder, the IR
            // weights slot, means nothing to ONNX and is ignored.
            (Format::Onnx, [model, _]) if encoding == GraphEncoding::Openvino => (*model, None),
            (Format::Ir, _) | (Format::Onnx, _) if encoding == GraphEncoding::Openvino => {
                return Err(openvino_builders(builders.len()))
            }
            (Format::Ir, _) => return Err(openvino_builders(builders.len())),
            (Format::Onnx, [model]) => (*model, None),
            (Format::Onnx, _) => {
                return Err(NnError::invalid_argument(format!(
                    "an onnx graph needs 1 builder (the model), got {}",
                    builders.len()
                )))
            }
            (Format::Tflite, [model]) => (*model, None),
            (Format::Tflite, _) => {
                return Err(NnError::invalid_argument(format!(
                    "a tensorflowlite graph needs 1 builder (the .tflite model), got {}",
                    builders.len()
                )))
            }
        };
        if let Some(found) = detect(model) {
            if found != format {
                return Err(NnError::new(
                    ErrorCode::InvalidEncoding,
                    format!("the graph was declared {format:?} but its bytes look like {found:?}"),
                ));
            }
        }
        let core = Core::get().map_err(|e| NnError::runtime("OpenVINO is unavailable", e))?;
        let started = std::time::Instant::now();
        // Unreadable model bytes are a backend failure, `runtime-error`, as in
        // the reference host (the legacy `runtime_error` errno).
        let unreadable = |e: anyhow::Error| {
            NnError::new(
                ErrorCode::RuntimeError,
                format!(
                    "OpenVINO could not read the {format:?} model ({} bytes): {e:#}",
                    model.len()
                ),
            )
        };
        let parsed = match format {
            Format::Tflite => read_tflite(core, model, &std::env::temp_dir(), unreadable)?,
            Format::Ir | Format::Onnx => core.read_model(model, weights).map_err(unreadable)?,
        };
        // The target is checked once the model has been read, in the
        // reference's order: unreadable bytes are `runtime-error` whatever
        // the target.
        let device = match target {
            ExecutionTarget::Cpu => "CPU",
            ExecutionTarget::Gpu => "GPU",
            ExecutionTarget::Tpu => {
                return Err(NnError::new(
                    ErrorCode::UnsupportedOperation,
                    "OpenVINO has no TPU execution target; use cpu or gpu",
                ))
            }
        };
        if device == "GPU" {
            let devices = core
                .available_devices()
                .map_err(|e| NnError::runtime("listing OpenVINO devices", e))?;
            // A runtime error, as when the reference's OpenVINO fails to
            // compile for a missing device: the target itself is supported.
            if !devices.iter().any(|d| d.starts_with("GPU")) {
                return Err(NnError::new(
                    ErrorCode::RuntimeError,
                    format!("the gpu target needs an OpenVINO GPU device, but this machine has only: {}", devices.join(", ")),
                ));
            }
        }
        // The CPU plugin allocates static outputs while compiling.
        let outputs = parsed
            .outputs()
            .map_err(|e| NnError::runtime("reading the model's outputs", e))?;
        check_output_bytes(static_output_bytes(&outputs), max_output_bytes)?;
        let compiled = core
            .compile(&parsed, device, self.model_cache.as_deref())
            .map_err(|e| NnError::runtime("OpenVINO could not compile the model", e))?;
        let model = Model::describe(compiled)?;
        tracing::debug!(?format, device, elapsed = ?started.elapsed(), inputs = model.inputs.len(), outputs = model.outputs.len(), "compiled graph");
        Ok(Graph(Arc::new(OpenVinoGraph(Arc::new(model)))))
    }
}

/// A wrong builder count for IR: `runtime-error`, as in the reference host,
/// whose OpenVINO backend reports it as a backend failure (the legacy
/// `runtime_error` errno).
fn openvino_builders(count: usize) -> NnError {
    NnError::new(
        ErrorCode::RuntimeError,
        format!("an openvino graph needs 2 builders (IR XML, weights), got {count}"),
    )
}

/// A model format this backend reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Ir,
    Onnx,
    Tflite,
}

/// Reads a TensorFlow Lite model through a file, the only way OpenVINO reads
/// one (see [`Core::read_model_file`]): a private copy staged under
/// `scratch` (see [`stage_tflite`]) and removed before this returns,
/// whether OpenVINO read it or not, so the guest's model bytes do not
/// outlive the load. (The frontend reads the file into memory; nothing maps
/// it after the read.) OpenVINO's failures go through `unreadable`.
fn read_tflite(
    core: &Core,
    model: &[u8],
    scratch: &Path,
    unreadable: impl FnOnce(anyhow::Error) -> NnError,
) -> Result<ffi::Model, NnError> {
    let staged = stage_tflite(model, scratch).map_err(|e| {
        NnError::runtime(
            &format!(
                "staging the TensorFlow Lite model in a private folder under {}",
                scratch.display()
            ),
            e.into(),
        )
    })?;
    let parsed = core
        .read_model_file(&staged.path().join(TFLITE_FILE))
        .map_err(unreadable);
    // Removed here rather than on drop, so that a failure is not silent.
    let folder = staged.path().to_path_buf();
    staged.close().map_err(|e| {
        NnError::runtime(
            &format!(
                "removing the private copy of the TensorFlow Lite model in {}",
                folder.display()
            ),
            e.into(),
        )
    })?;
    parsed
}

/// The staged model's file name: OpenVINO picks its TensorFlow Lite
/// frontend for a file only by the `.tflite` extension.
const TFLITE_FILE: &str = "model.tflite";

/// Writes `model` to [`TFLITE_FILE`] in a private fresh folder under
/// `scratch` ([`stage_privately`]).
fn stage_tflite(model: &[u8], scratch: &Path) -> std::io::Result<tempfile::TempDir> {
    stage_privately(model, scratch, "nn-host-tflite-", TFLITE_FILE)
}

/// Recognises a model's format from its first bytes.
fn detect(bytes: &[u8]) -> Option<Format> {
    // A TensorFlow Lite flatbuffer: a 4-byte root offset, then the schema's
    // file identifier. Checked first: the offset's bytes may look like ONNX.
    if bytes.get(4..8) == Some(b"TFL3") {
        return Some(Format::Tflite);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = &text[text.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    if text.starts_with(b"<?xml") || text.starts_with(b"<net") {
        return Some(Format::Ir);
    }
    // An ONNX ModelProto starts with field 1 (`ir_version`, a small varint).
    if let [0x08, version, ..] = bytes {
        if (1..=32).contains(version) {
            return Some(Format::Onnx);
        }
    }
    None
}

/// Picks the format for `autodetect` from the first builder.
fn sniff(builders: &[&[u8]]) -> Result<Format, NnError> {
    let first = builders.first().copied().unwrap_or_default();
    detect(first).ok_or_else(|| {
        NnError::new(
            ErrorCode::InvalidEncoding,
            format!(
                "autodetect recognised none of OpenVINO IR XML, ONNX and TensorFlow Lite in the first builder ({} bytes, starting {:02x?})",
                first.len(),
                &first[..first.len().min(8)]
            ),
        )
    })
}

/// A compiled model and the description of its ports, shared by its contexts.
struct Model {
    compiled: CompiledModel,
    inputs: Vec<Port>,
    outputs: Vec<Port>,
}

impl Model {
    fn describe(compiled: CompiledModel) -> Result<Model, NnError> {
        let inputs = compiled
            .ports(false)
            .map_err(|e| NnError::runtime("reading the model's inputs", e))?;
        let outputs = compiled
            .ports(true)
            .map_err(|e| NnError::runtime("reading the model's outputs", e))?;
        for (kind, ports) in [("input", &inputs), ("output", &outputs)] {
            for (index, port) in ports.iter().enumerate() {
                if let Err(raw) = port.element {
                    return Err(NnError::new(
                        ErrorCode::UnsupportedOperation,
                        format!(
                            "model {kind} {} has OpenVINO element type #{raw}, which no wasi:nn tensor type represents",
                            label(index, port)
                        ),
                    ));
                }
            }
        }
        Ok(Model {
            compiled,
            inputs,
            outputs,
        })
    }

    /// Resolves a guest-supplied input name: any of the input's tensor names,
    /// else a decimal string taken as the input's index.
    fn input_index(&self, name: &str) -> Result<usize, NnError> {
        let by_any_name = |any: &str| {
            self.inputs
                .iter()
                .position(|p| p.name.as_deref() == Some(any))
        };
        if let Some(index) = by_any_name(name) {
            return Ok(index);
        }
        if let Some(index) = self
            .compiled
            .input_any_name(name)
            .as_deref()
            .and_then(by_any_name)
        {
            return Ok(index);
        }
        if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
            return match name.parse::<usize>() {
                Ok(index) if index < self.inputs.len() => Ok(index),
                _ => Err(NnError::invalid_argument(format!(
                    "input index {name} is out of range: the model has {} input(s): {}",
                    self.inputs.len(),
                    list(&self.inputs)
                ))),
            };
        }
        Err(NnError::invalid_argument(format!(
            "the model has no input named {name:?}; its inputs are {} (a decimal string selects an input by index)",
            list(&self.inputs)
        )))
    }

    /// Checks a tensor against input `index` before anything is bound.
    fn check_input(&self, index: usize, tensor: &Tensor) -> Result<Element, NnError> {
        let port = &self.inputs[index];
        // Formatted only on failure: this runs on every compute.
        let what = || format!("input {}", label(index, port));
        let element = element_of(tensor.ty);
        let dims = &tensor.dimensions;
        let needed = dims
            .iter()
            .try_fold(element.size(), |acc, &d| acc.checked_mul(d as usize))
            .ok_or_else(|| {
                NnError::invalid_argument(format!("{}: dimensions {dims:?} overflow", what()))
            })?;
        if port.element != Ok(element) {
            return Err(NnError::invalid_argument(format!(
                "{} expects {} but the tensor is {}",
                what(),
                port.shape_text_with_type(),
                element.wit_name()
            )));
        }
        if tensor.data.len() != needed {
            return Err(NnError::invalid_argument(format!(
                "{}: the tensor holds {} bytes but dimensions {dims:?} of {} need {needed}",
                what(),
                tensor.data.len(),
                element.wit_name()
            )));
        }
        if let Some(expected) = &port.shape {
            if !expected
                .iter()
                .copied()
                .eq(dims.iter().map(|&d| d as usize))
            {
                return Err(NnError::invalid_argument(format!(
                    "{} expects shape {expected:?} but the tensor has {dims:?}",
                    what()
                )));
            }
        }
        Ok(element)
    }
}

/// "'name' (index N)" or "#N (no name)" for messages.
fn label(index: usize, port: &Port) -> String {
    match &port.name {
        Some(name) => format!("{name:?} (index {index})"),
        None => format!("#{index} (unnamed)"),
    }
}

fn list(ports: &[Port]) -> String {
    ports
        .iter()
        .enumerate()
        .map(|(index, port)| format!("{} {}", label(index, port), port.shape_text_with_type()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Port {
    /// "FP32[1, 10]" (or OpenVINO's rendering of a dynamic shape).
    fn shape_text_with_type(&self) -> String {
        let element = match self.element {
            Ok(element) => element.wit_name().to_string(),
            Err(raw) => format!("element#{raw}"),
        };
        match &self.shape {
            Some(shape) => format!("{element}{shape:?}"),
            None => format!("{element}{}", self.shape_text),
        }
    }
}

impl Element {
    /// The WIT `tensor-type` case name, for messages.
    fn wit_name(self) -> &'static str {
        tensor_type_of(self).wit_name()
    }
}

fn element_of(ty: TensorType) -> Element {
    match ty {
        TensorType::Fp16 => Element::F16,
        TensorType::Fp32 => Element::F32,
        TensorType::Fp64 => Element::F64,
        TensorType::Bf16 => Element::Bf16,
        TensorType::U8 => Element::U8,
        TensorType::I32 => Element::I32,
        TensorType::I64 => Element::I64,
    }
}

fn tensor_type_of(element: Element) -> TensorType {
    match element {
        Element::F16 => TensorType::Fp16,
        Element::F32 => TensorType::Fp32,
        Element::F64 => TensorType::Fp64,
        Element::Bf16 => TensorType::Bf16,
        Element::U8 => TensorType::U8,
        Element::I32 => TensorType::I32,
        Element::I64 => TensorType::I64,
    }
}

struct OpenVinoGraph(Arc<Model>);

impl BackendGraph for OpenVinoGraph {
    fn init_execution_context(&self) -> Result<ExecutionContext, NnError> {
        let request = self
            .0
            .compiled
            .create_infer_request()
            .map_err(|e| NnError::runtime("creating an inference request", e))?;
        Ok(ExecutionContext(Box::new(OpenVinoContext {
            model: self.0.clone(),
            request,
            bound_inputs: vec![None; self.0.inputs.len()],
            bound_outputs: vec![None; self.0.outputs.len()],
        })))
    }
}

struct OpenVinoContext {
    model: Arc<Model>,
    request: InferRequest,
    /// Where the request's input views point, per input index (the
    /// buffers themselves belong to the guest's tensors).
    bound_inputs: Vec<Option<BoundInput>>,
    /// The buffers the request's output tensors point into, per output index.
    bound_outputs: Vec<Option<Arc<[u8]>>>,
}

/// The address and shape of an input view bound to a request; its element
/// type is the port's.
#[derive(Clone)]
struct BoundInput {
    data: usize,
    dims: Vec<usize>,
}

impl BackendExecutionContext for OpenVinoContext {
    fn input_index(&self, name: &str, tensor: &Tensor) -> Result<usize, NnError> {
        let index = self.model.input_index(name)?;
        self.model.check_input(index, tensor)?;
        Ok(index)
    }

    fn compute(
        &mut self,
        inputs: Vec<NamedTensor>,
        max_output_bytes: usize,
    ) -> Result<Vec<NamedTensor>, NnError> {
        let model = self.model.clone();
        let mut slots: Vec<Option<Tensor>> = vec![None; model.inputs.len()];
        for (name, tensor) in inputs {
            let index = model.input_index(&name)?;
            if slots[index].is_some() {
                return Err(NnError::invalid_argument(format!(
                    "input {} is given more than once (last as {name:?})",
                    label(index, &model.inputs[index])
                )));
            }
            model.check_input(index, &tensor)?;
            slots[index] = Some(tensor);
        }
        self.infer(&slots, max_output_bytes)
    }

    fn compute_indexed(
        &mut self,
        inputs: &[Option<Tensor>],
        max_output_bytes: usize,
    ) -> Result<Vec<NamedTensor>, NnError> {
        // `input_index` accepted each input already; checked here too,
        // cheaply, because the views `infer` makes trust the check.
        let model = self.model.clone();
        for (index, tensor) in inputs.iter().enumerate().take(model.inputs.len()) {
            if let Some(tensor) = tensor {
                model.check_input(index, tensor)?;
            }
        }
        self.infer(inputs, max_output_bytes)
    }
}

impl OpenVinoContext {
    /// Binds `inputs[i]` to model input `i` (each already checked against
    /// its port with `check_input`) and the output buffers, runs inference
    /// and returns the outputs; a missing input is `invalid-argument`.
    fn infer(
        &mut self,
        inputs: &[Option<Tensor>],
        max_output_bytes: usize,
    ) -> Result<Vec<NamedTensor>, NnError> {
        let model = self.model.clone();
        let slot = |index: usize| inputs.get(index).and_then(Option::as_ref);
        let missing = (0..model.inputs.len())
            .filter(|&index| slot(index).is_none())
            .map(|index| label(index, &model.inputs[index]))
            .collect::<Vec<_>>();
        if !missing.is_empty() {
            return Err(NnError::invalid_argument(format!(
                "missing input(s) {}: compute needs all {} model inputs",
                missing.join(", "),
                model.inputs.len()
            )));
        }
        // Static output shapes are known since compilation: their bytes are
        // checked against the cap before anything is allocated for them.
        check_output_bytes(static_output_bytes(&model.outputs), max_output_bytes)?;
        for (index, tensor) in (0..model.inputs.len()).filter_map(|i| Some((i, slot(i)?))) {
            // The element type `check_input` found equal to the port's.
            let element = element_of(tensor.ty);
            // A static input shape is the tensor's (`check_input`).
            let dims: Cow<'_, [usize]> = match &model.inputs[index].shape {
                Some(shape) => Cow::Borrowed(shape),
                None => tensor.dimensions.iter().map(|&d| d as usize).collect(),
            };
            let data = tensor.data.as_ptr();
            // An input at the address and shape already bound (nn-host keeps
            // a guest's inputs at one address) is this tensor already.
            if self.bound_inputs[index]
                .as_ref()
                .is_some_and(|bound| bound.data == data as usize && bound.dims == *dims)
            {
                continue;
            }
            self.bound_inputs[index] = None;
            // SAFETY: OpenVINO only reads input tensors, and only inside the
            // `infer` call below, while `inputs` keeps every buffer alive.
            // The view stays bound after this call (and dangles once the
            // guest drops its tensor), but no inference runs without every
            // input bound again first (the `missing` check above): to a new
            // view, or to this one when the new buffer is at the same address
            // with the same shape. Holding the buffer instead would keep one
            // more copy of each input alive into the next compute, which
            // builds its new input before this one is replaced.
            let view = unsafe { HostTensor::view(element, &dims, data.cast_mut()) }
                .map_err(|e| NnError::runtime("wrapping an input tensor", e))?;
            self.request.set_input(index, &view).map_err(|e| {
                NnError::invalid_argument(format!(
                    "input {} was refused: {e:#}",
                    label(index, &model.inputs[index])
                ))
            })?;
            self.bound_inputs[index] = Some(BoundInput {
                data: data as usize,
                dims: dims.into_owned(),
            });
        }
        for (index, port) in model.outputs.iter().enumerate() {
            let (Ok(element), Some(shape)) = (port.element, &port.shape) else {
                // Dynamic output shapes are only known after inference; the
                // result is then copied out of OpenVINO's own buffer.
                continue;
            };
            let len = shape.iter().product::<usize>() * element.size();
            // The buffer bound by the previous compute is reused in place,
            // still bound, once nothing else holds it: the guest has dropped
            // that output tensor (the adapter does so before each legacy
            // compute). `get_mut` proves it unique, so no tensor the guest
            // still holds is overwritten.
            if let Some(bound) = self.bound_outputs[index].as_mut() {
                if bound.len() == len && Arc::get_mut(bound).is_some() {
                    continue;
                }
            }
            // SAFETY: zeroed bytes are valid `u8`s.
            let mut buffer = unsafe { Arc::<[u8]>::new_zeroed_slice(len).assume_init() };
            let data = Arc::get_mut(&mut buffer)
                .expect("a fresh Arc is unique")
                .as_mut_ptr();
            // SAFETY: `buffer` stays unique (in `bound_outputs`) until inference
            // has written it; it is cloned for the guest only afterwards, and
            // written again only by a later inference once it is unique again.
            let view = unsafe { HostTensor::view(element, shape, data) }
                .map_err(|e| NnError::runtime("wrapping an output buffer", e))?;
            self.request
                .set_output(index, &view)
                .map_err(|e| NnError::runtime("binding an output buffer", e))?;
            self.bound_outputs[index] = Some(buffer);
        }
        let started = std::time::Instant::now();
        self.request
            .infer()
            .map_err(|e| NnError::runtime("OpenVINO inference failed", e))?;
        tracing::trace!(elapsed = ?started.elapsed(), "inference");
        // Dynamic shapes are known only now: checked before they are copied
        // (static ones were checked before inference).
        let mut produced_bytes = 0u128;
        let dynamic = model.outputs.iter().any(|port| port.shape.is_none());
        for index in (0..model.outputs.len()).filter(|_| dynamic) {
            let produced = self
                .request
                .output(index)
                .and_then(|tensor| tensor.byte_size())
                .map_err(|e| NnError::runtime(&format!("reading output {index}"), e))?;
            produced_bytes += produced as u128;
        }
        check_output_bytes(produced_bytes, max_output_bytes)?;
        model
            .outputs
            .iter()
            .enumerate()
            .map(|(index, port)| {
                let name = port.name.clone().unwrap_or_else(|| index.to_string());
                let tensor = self
                    .output(index)
                    .map_err(|e| NnError::runtime(&format!("reading output {name:?}"), e))?;
                Ok((name, tensor))
            })
            .collect()
    }
}

/// The bytes of the outputs whose shapes are static.
fn static_output_bytes(outputs: &[Port]) -> u128 {
    outputs
        .iter()
        .filter_map(|port| {
            let elements = port.shape.as_ref()?.iter().map(|&d| d as u128);
            Some(port.element.ok()?.size() as u128 * elements.product::<u128>())
        })
        .sum()
}

/// Refuses outputs totalling more than `max` bytes, naming the cap.
fn check_output_bytes(bytes: u128, max: usize) -> Result<(), NnError> {
    if bytes > max as u128 {
        return Err(NnError::new(
            ErrorCode::TooLarge,
            format!(
                "the model's outputs need {bytes} bytes, over this host's cap of {max} bytes of outputs per compute (the guest's --max-memory, 4 GiB without one)"
            ),
        ));
    }
    Ok(())
}

impl OpenVinoContext {
    /// Output `index` after inference: the bound buffer when OpenVINO wrote
    /// into it, else a copy of OpenVINO's own (dynamic-shape) result.
    fn output(&self, index: usize) -> anyhow::Result<Tensor> {
        let produced = self.request.output(index)?;
        // A static output in the buffer bound before inference: its type and
        // shape are the port's (one OpenVINO call instead of four).
        let port = &self.model.outputs[index];
        if let (Ok(element), Some(shape), Some(buffer)) =
            (port.element, &port.shape, &self.bound_outputs[index])
        {
            if !buffer.is_empty() && produced.data_ptr()? == buffer.as_ptr().cast_mut() {
                if let Ok(dimensions) = shape.iter().map(|&d| u32::try_from(d)).collect() {
                    return Ok(Tensor {
                        dimensions,
                        ty: tensor_type_of(element),
                        data: buffer.clone(),
                    });
                }
            }
        }
        let element = produced
            .element()?
            .map_err(|raw| anyhow::anyhow!("OpenVINO produced element type #{raw}"))?;
        let dims = produced.dims()?;
        let dimensions = dims
            .iter()
            .map(|&d| u32::try_from(d))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| anyhow::anyhow!("output dimensions {dims:?} do not fit u32"))?;
        let data = match &self.bound_outputs[index] {
            Some(buffer)
                if produced.byte_size()? == buffer.len()
                    && (buffer.is_empty()
                        || produced.data_ptr()? == buffer.as_ptr().cast_mut()) =>
            {
                buffer.clone()
            }
            _ => Arc::from(produced.bytes()?),
        };
        Ok(Tensor {
            dimensions,
            ty: tensor_type_of(element),
            data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--graph` offers, in both tools, exactly the encodings this backend
    /// and the ggml one read.
    #[test]
    fn graph_arguments_offer_the_encodings_read_here() {
        let mut read = OpenVino::new()
            .encodings()
            .iter()
            .chain(crate::genai::Ggml.encodings())
            .map(|e| e.wit_name())
            .collect::<Vec<_>>();
        let mut offered = nn_args::GRAPH_ENCODINGS.to_vec();
        read.sort_unstable();
        offered.sort_unstable();
        assert_eq!(read, offered);
    }

    #[test]
    fn sniffs_formats() {
        assert_eq!(detect(b"<?xml version=\"1.0\"?><net>"), Some(Format::Ir));
        assert_eq!(detect(b"\xEF\xBB\xBF  <net name=\"x\">"), Some(Format::Ir));
        assert_eq!(detect(&[0x08, 0x08, 0x12, 0x00]), Some(Format::Onnx));
        assert_eq!(detect(b"garbage"), None);
        assert_eq!(
            detect(b"\x1c\x00\x00\x00TFL3\x00\x00"),
            Some(Format::Tflite)
        );
        // A root offset of 0x0108 starts like an ONNX `ir_version` of 1.
        assert_eq!(detect(b"\x08\x01\x00\x00TFL3"), Some(Format::Tflite));
        assert_eq!(detect(b"\x08\x01\x00\x00TFL2"), Some(Format::Onnx));
        assert_eq!(sniff(&[]).unwrap_err().code, ErrorCode::InvalidEncoding);
    }

    fn tflite_model() -> Vec<u8> {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/models/softmax.tflite"),
        )
        .unwrap()
    }

    fn entries(dir: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn tflite_is_staged_privately() {
        use std::os::unix::fs::PermissionsExt;
        let scratch = tempfile::tempdir().unwrap();
        let model = tflite_model();
        let staged = stage_tflite(&model, scratch.path()).unwrap();
        assert_eq!(entries(scratch.path()), [staged.path()]);
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let file = staged.path().join(TFLITE_FILE);
        assert_eq!(mode(staged.path()), 0o700);
        assert_eq!(mode(&file), 0o600);
        assert_eq!(std::fs::read(&file).unwrap(), model);
        drop(staged);
        assert_eq!(entries(scratch.path()), Vec::<PathBuf>::new());
    }

    /// The staged copy is gone once `read_tflite` returns, read or not.
    #[test]
    fn tflite_staging_leaves_nothing_behind() {
        let core = Core::get().unwrap();
        let scratch = tempfile::tempdir().unwrap();
        let unreadable = |e: anyhow::Error| NnError::runtime("unreadable", e);
        let model = tflite_model();
        let parsed = read_tflite(core, &model, scratch.path(), unreadable).unwrap();
        assert_eq!(
            parsed.outputs().unwrap()[0].name.as_deref(),
            Some("probabilities")
        );
        assert_eq!(entries(scratch.path()), Vec::<PathBuf>::new());
        for corrupt in [&model[..model.len() / 2], b"\x1c\0\0\0TFL3\0\0", b""] {
            let error = read_tflite(core, corrupt, scratch.path(), unreadable)
                .err()
                .unwrap();
            assert_eq!(error.code, ErrorCode::RuntimeError, "{error}");
            assert!(error.message.starts_with("unreadable: "), "{error}");
            assert_eq!(entries(scratch.path()), Vec::<PathBuf>::new());
        }
        // A scratch folder that cannot be written is a clear runtime error.
        let missing = scratch.path().join("missing");
        let error = read_tflite(core, &model, &missing, unreadable)
            .err()
            .unwrap();
        assert_eq!(error.code, ErrorCode::RuntimeError);
        assert!(
            error.message.contains("staging the TensorFlow Lite model")
                && error.message.contains(&*missing.to_string_lossy()),
            "{error}"
        );
    }

    fn softmax_context() -> ExecutionContext {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/models");
        let read = |file: &str| std::fs::read(dir.join(file)).unwrap();
        let (xml, bin) = (read("softmax.xml"), read("softmax.bin"));
        let graph = OpenVino::new()
            .load(
                &[&xml, &bin],
                GraphEncoding::Openvino,
                ExecutionTarget::Cpu,
                usize::MAX,
            )
            .unwrap();
        graph.0.init_execution_context().unwrap()
    }

    fn softmax_input(values: [f32; 10]) -> Tensor {
        let data = values
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect::<Vec<_>>();
        Tensor {
            dimensions: vec![1, 10],
            ty: TensorType::Fp32,
            data: Arc::from(data),
        }
    }

    fn compute_softmax(context: &mut ExecutionContext, values: [f32; 10]) -> Arc<[u8]> {
        compute_with(context, softmax_input(values))
    }

    fn compute_with(context: &mut ExecutionContext, input: Tensor) -> Arc<[u8]> {
        let mut outputs = context
            .0
            .compute(vec![("input".to_string(), input)], usize::MAX)
            .unwrap();
        assert_eq!(outputs.len(), 1);
        outputs.remove(0).1.data
    }

    #[test]
    fn output_buffers_are_reused_only_once_released() {
        let mut context = softmax_context();
        let a = [0.0, 0.1, 0.2, 0.3, 0.4, -0.5, 1.0, 2.0, -1.0, 0.5];
        let b = [1.0, -1.0, 0.5, 0.0, 2.0, 0.3, -0.2, 0.9, 0.1, -2.0];
        let first = compute_softmax(&mut context, a);
        let first_bytes = first.to_vec();
        // `first` is still held: the next compute writes somewhere else.
        let second = compute_softmax(&mut context, b);
        assert_ne!(first.as_ptr(), second.as_ptr());
        assert_eq!(*first, *first_bytes, "a held output was overwritten");
        assert_ne!(*second, *first_bytes);
        // Once released, the next compute writes into the same buffer.
        let second_at = second.as_ptr();
        drop(second);
        let third = compute_softmax(&mut context, a);
        assert_eq!(
            third.as_ptr(),
            second_at,
            "a released output buffer was not reused"
        );
        assert_eq!(*third, *first_bytes);
        assert_eq!(*first, *first_bytes);
        // Reused with a different input: the result changes in place.
        drop(third);
        let fourth = compute_softmax(&mut context, b);
        assert_eq!(fourth.as_ptr(), second_at);
        assert_ne!(*fourth, *first_bytes);
    }

    /// No input outlives its compute on the host's side (the next compute's
    /// input is built before this one would be replaced), and the buffer a
    /// request still points at afterwards is never read again.
    #[test]
    fn inputs_are_released_after_compute() {
        let mut context = softmax_context();
        let a = [0.0, 0.1, 0.2, 0.3, 0.4, -0.5, 1.0, 2.0, -1.0, 0.5];
        let b = [1.0, -1.0, 0.5, 0.0, 2.0, 0.3, -0.2, 0.9, 0.1, -2.0];
        let input = softmax_input(a);
        let mut kept = input.data.clone();
        let of_a = compute_with(&mut context, input).to_vec();
        let bound = Arc::get_mut(&mut kept).expect("compute kept its input");
        // Scribbled over while still bound: a later compute binds anew.
        bound.fill(0xff);
        assert_ne!(*compute_softmax(&mut context, b), *of_a);
        assert_eq!(*compute_softmax(&mut context, a), *of_a);
    }

    /// An input at the address and shape already bound is not bound again:
    /// inference reads whatever that memory holds when it runs.
    #[test]
    fn an_input_at_the_bound_address_is_read_afresh() {
        let mut context = softmax_context();
        let a = [0.0, 0.1, 0.2, 0.3, 0.4, -0.5, 1.0, 2.0, -1.0, 0.5];
        let b = [1.0, -1.0, 0.5, 0.0, 2.0, 0.3, -0.2, 0.9, 0.1, -2.0];
        let of_b = compute_softmax(&mut context, b).to_vec();
        let input = softmax_input(a);
        let mut kept = input.data.clone();
        let of_a = compute_with(&mut context, input).to_vec();
        assert_ne!(of_a, of_b);
        // The same buffer, now holding `b`, at the address still bound.
        Arc::get_mut(&mut kept)
            .unwrap()
            .copy_from_slice(&softmax_input(b).data);
        let again = Tensor {
            data: kept,
            ..softmax_input(b)
        };
        assert_eq!(*compute_with(&mut context, again), *of_b);
    }
}
