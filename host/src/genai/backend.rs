//! The `ggml` backend: GGUF language models on OpenVINO GenAI, with the
//! inputs, outputs and options of WasmEdge's GGML plugin, by the indices
//! of [`nn_abi::ggml`]:
//!
//! - inputs: `0` the prompt (`u8` bytes, used as sent: no chat template);
//!   `1` WasmEdge's metadata JSON, which updates the context's [`Options`]
//!   and stays in force for later computes; `2` the graph's load config,
//!   applied once; `3` the compute's [`Mode`] (one byte);
//! - outputs: `0` the generated text (`u8`; in a stream, the current
//!   piece), `1` WasmEdge's output metadata JSON ([`Generation::metadata`]),
//!   `2` the [`Finish`] and the number of pieces output 0 holds.
//! - [`Mode::Stream`] generates in a background thread, whose pieces
//!   [`Mode::Stream`] and [`Mode::Next`] computes hand out one at a time.
//! - A prompt of more than `ctx-size - 4` tokens is `too-large` with a
//!   message starting [`PROMPT_TOO_LONG_MESSAGE`] (WasmEdge's errno 102); a
//!   generation that fills the context ends there with
//!   [`Finish::ContextFull`] (WasmEdge's 101).

use super::gguf::{self, Refusal};
use super::library::{self, Outcome, RawPipeline, Request, Shim};
use super::options::{Options, PROMPT_RESERVE};
use crate::backend::{
    stage_privately, Backend, BackendExecutionContext, BackendGraph, Console, ErrorCode,
    ExecutionContext, ExecutionTarget, Graph, GraphEncoding, NamedTensor, NnError, Tensor,
    TensorType,
};
use nn_abi::ggml::{self as abi, Finish, Mode, PROMPT_TOO_LONG_MESSAGE};
use std::ffi::{c_char, c_int, c_void, CString};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};

/// Loads GGUF models (`ggml`) with OpenVINO GenAI's `LLMPipeline` on the CPU.
#[derive(Debug, Clone, Default)]
pub struct Ggml;

impl Backend for Ggml {
    fn name(&self) -> &'static str {
        "OpenVINO GenAI"
    }

    fn encodings(&self) -> &'static [GraphEncoding] {
        &[GraphEncoding::Ggml]
    }

    /// The GGUF file's bytes, and, as WasmEdge reads a second builder, the
    /// graph's config (WasmEdge's options, JSON), in force in each of its
    /// contexts. GenAI reads GGUF only from a file, so the bytes go to a
    /// private temporary file for the load and are removed before this
    /// returns.
    fn load(
        &self,
        builders: &[&[u8]],
        _encoding: GraphEncoding,
        _target: ExecutionTarget,
        _max_output_bytes: usize,
    ) -> Result<Graph, NnError> {
        let (model, config) = match builders {
            [model] => (model, None),
            [model, config] => (model, Some(config)),
            _ => {
                return Err(NnError::invalid_argument(format!(
                    "a ggml graph has 1 builder (the GGUF file's bytes) or 2 (and its config, JSON), not {}",
                    builders.len()
                )))
            }
        };
        let mut options = Options::default();
        if let Some(config) = config {
            options.update(config).map_err(|e| NnError {
                message: format!("builder 1 (the config): {}", e.message),
                ..e
            })?;
        }
        check_header(model, model.len() as u64, "the builder")?;
        let staged = stage_gguf(model).map_err(|e| {
            NnError::runtime(
                "writing the GGUF model to a private temporary file",
                e.into(),
            )
        })?;
        let graph = open(
            &staged.path().join(GGUF_FILE),
            "the loaded GGUF model",
            options,
        );
        let folder = staged.path().to_path_buf();
        staged.close().map_err(|e| {
            NnError::runtime(
                &format!(
                    "removing the private copy of the GGUF model in {}",
                    folder.display()
                ),
                e.into(),
            )
        })?;
        graph
    }

    fn load_file(&self, path: &Path, _target: ExecutionTarget) -> Result<Graph, NnError> {
        let what = path.display().to_string();
        let reading = |e: std::io::Error| NnError::runtime(&format!("reading {what}"), e.into());
        let file = std::fs::File::open(path).map_err(reading)?;
        let file_len = file.metadata().map_err(reading)?.len();
        // The header is read in growing prefixes: a model's tensors are
        // left for GenAI to read.
        let mut prefix = Vec::new();
        let mut want = HEADER_READ;
        loop {
            std::io::Read::read_to_end(
                &mut std::io::Read::take(&file, want - prefix.len() as u64),
                &mut prefix,
            )
            .map_err(reading)?;
            match gguf::check(&prefix, file_len) {
                Err(Refusal::NeedMore) if (prefix.len() as u64) < file_len => want *= 2,
                _ => break,
            }
        }
        check_header(&prefix, file_len, &what)?;
        open(path, &what, Options::default())
    }
}

/// The first read of a GGUF file's header; real models' vocabularies make
/// headers of a few MiB.
const HEADER_READ: u64 = 8 << 20;

/// Refuses, naming `what`, a GGUF that GenAI cannot read (see [`gguf::check`]).
fn check_header(prefix: &[u8], file_len: u64, what: &str) -> Result<(), NnError> {
    let (code, reason) = match gguf::check(prefix, file_len) {
        Ok(()) => return Ok(()),
        _ if !prefix.starts_with(gguf::MAGIC) => (
            ErrorCode::InvalidEncoding,
            "it is not a GGUF file (it does not start with `GGUF`)".to_string(),
        ),
        Err(Refusal::NeedMore) => (
            ErrorCode::InvalidArgument,
            "it is truncated: its header ends early".to_string(),
        ),
        Err(Refusal::Unreadable(reason)) => (ErrorCode::InvalidArgument, reason),
    };
    Err(NnError::new(
        code,
        format!("OpenVINO GenAI cannot read {what}: {reason}"),
    ))
}

/// The staged model's file name.
const GGUF_FILE: &str = "model.gguf";

/// Writes `model` to [`GGUF_FILE`] in a private fresh folder under the
/// system temporary folder ([`stage_privately`]).
fn stage_gguf(model: &[u8]) -> std::io::Result<tempfile::TempDir> {
    stage_privately(model, &std::env::temp_dir(), "nn-host-gguf-", GGUF_FILE)
}

/// Opens the GGUF file at `path` with GenAI, its contexts starting with
/// `options`; `what` names it in errors.
fn open(path: &Path, what: &str, options: Options) -> Result<Graph, NnError> {
    let shim = library::load().map_err(|e| NnError::runtime("loading OpenVINO GenAI", e))?;
    let c_path = CString::new(path.as_os_str().as_encoded_bytes()).map_err(|_| {
        NnError::invalid_argument(format!("{} contains a NUL byte", path.display()))
    })?;
    let mut raw = std::ptr::null_mut();
    // SAFETY: a valid C string and out-pointer; the shim catches every C++
    // exception.
    let failure = unsafe { shim.take_message((shim.open)(c_path.as_ptr(), &mut raw)) };
    if let Some(message) = failure {
        return Err(NnError::new(
            ErrorCode::InvalidArgument,
            format!("OpenVINO GenAI cannot read {what}: {}", one_line(&message)),
        ));
    }
    tracing::debug!(path = %path.display(), "loaded a GGUF model with OpenVINO GenAI");
    Ok(Graph(Arc::new(GgmlGraph {
        pipeline: Arc::new(Pipeline {
            shim,
            raw: Mutex::new(raw),
        }),
        options,
    })))
}

/// GenAI's messages carry the C++ source position and a trailing newline;
/// the reason is the last non-empty line.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .rfind(|line| !line.is_empty())
        .unwrap_or("(no message)")
        .to_string()
}

/// One GenAI `LLMPipeline` (and its tokenizer); generations on it take turns.
struct Pipeline {
    shim: &'static Shim,
    raw: Mutex<*mut RawPipeline>,
}

// SAFETY: the pipeline is only used under its mutex, one call at a time;
// GenAI's objects are not tied to the thread that made them.
unsafe impl Send for Pipeline {}
// SAFETY: as for `Send`: every use takes the mutex.
unsafe impl Sync for Pipeline {}

impl Drop for Pipeline {
    fn drop(&mut self) {
        let raw = *self.raw.get_mut().unwrap_or_else(|e| e.into_inner());
        // SAFETY: `raw` came from the shim's open and is closed once.
        unsafe { (self.shim.close)(raw) };
    }
}

/// What one generation produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Generation {
    pub text: Vec<u8>,
    pub input_tokens: usize,
    pub output_tokens: usize,
    pub finish: Finish,
}

/// How the output metadata names a [`Finish`].
fn finish_name(finish: Finish) -> &'static str {
    match finish {
        Finish::Stop => "stop",
        Finish::Length => "length",
        Finish::ContextFull => "context-full",
    }
}

impl Generation {
    /// WasmEdge's output metadata: its keys, in its order
    /// (`buildOutputMetadata`), with `llama_build_number` 0 and
    /// `llama_commit` naming this backend (no llama.cpp ran), then `finish`.
    pub fn metadata(&self) -> String {
        format!(
            r#"{{"input_tokens": {}, "output_tokens": {}, "llama_build_number": 0, "llama_commit": "openvino-genai-{}", "finish": "{}"}}"#,
            self.input_tokens,
            self.output_tokens,
            library::GENAI_VERSION,
            finish_name(self.finish)
        )
    }
}

impl Pipeline {
    /// Generates from `prompt` under `options` as `mode` says, giving each
    /// piece GenAI's streamer forms to `on_piece` (which stops the
    /// generation by returning `false`).
    /// `prompt_tokens`: the prompt's token count when the caller has it
    /// (tokenizing takes as long as a few generated tokens).
    fn generate(
        &self,
        prompt: &[u8],
        prompt_tokens: Option<usize>,
        options: &Options,
        mode: Mode,
        on_piece: &mut dyn FnMut(&[u8]) -> bool,
    ) -> Result<Generation, NnError> {
        let raw = self.raw.lock().unwrap_or_else(|e| e.into_inner());
        let shim = self.shim;
        let prompt_tokens = match prompt_tokens {
            Some(count) => count,
            None => {
                let mut count = 0usize;
                // SAFETY: `*raw` is open; the prompt pointer and length are valid.
                let failure = unsafe {
                    shim.take_message((shim.count_tokens)(
                        *raw,
                        prompt.as_ptr().cast(),
                        prompt.len(),
                        &mut count,
                    ))
                };
                if let Some(message) = failure {
                    return Err(NnError::runtime(
                        "tokenizing the prompt",
                        anyhow::anyhow!(one_line(&message)),
                    ));
                }
                count
            }
        };
        let nothing = Generation {
            text: Vec::new(),
            input_tokens: prompt_tokens,
            output_tokens: 0,
            finish: Finish::Length,
        };
        if mode == Mode::Count {
            return Ok(nothing);
        }
        let room = options.ctx_size - PROMPT_RESERVE;
        if prompt_tokens as u64 > room {
            return Err(NnError::new(
                ErrorCode::TooLarge,
                format!(
                    "{PROMPT_TOO_LONG_MESSAGE}: it has {prompt_tokens} tokens and ctx-size {} leaves room for {room}",
                    options.ctx_size
                ),
            ));
        }
        // WasmEdge's `compute` samples the token that finds the context
        // full, then stops: ctx-size - prompt + 1 tokens at most. Its
        // stream (`compute_single`) returns `context_full` instead of that
        // token, and has no n-predict and no reverse prompt.
        let room_left = (options.ctx_size - prompt_tokens as u64) as usize;
        let context_limit = match mode {
            Mode::Stream => room_left,
            _ => room_left + 1,
        };
        let max_new_tokens = match usize::try_from(options.n_predict) {
            Ok(n_predict) if mode == Mode::Generate => n_predict.min(context_limit),
            _ => context_limit,
        };
        let mut on_piece = on_piece;
        let stop = match mode {
            Mode::Generate => options.reverse_prompt.as_deref().unwrap_or(""),
            _ => "",
        };
        let request = Request {
            prompt: prompt.as_ptr().cast(),
            prompt_len: prompt.len(),
            max_new_tokens,
            do_sample: c_int::from(options.temp > 0.0),
            temperature: options.temp as f32,
            top_p: options.top_p as f32,
            top_k: usize::try_from(options.top_k)
                .ok()
                .filter(|k| *k > 0)
                .unwrap_or(usize::MAX),
            repetition_penalty: options.repeat_penalty as f32,
            presence_penalty: options.presence_penalty as f32,
            frequency_penalty: options.frequency_penalty as f32,
            seed: options.seed.map_or_else(random_seed, u64::from),
            ignore_eos: c_int::from(options.ignore_eos),
            stop: stop.as_ptr().cast(),
            stop_len: stop.len(),
            on_piece: Some(give_piece),
            user: (&mut on_piece as *mut &mut dyn FnMut(&[u8]) -> bool).cast(),
        };
        let mut outcome = Outcome {
            text: std::ptr::null_mut(),
            text_len: 0,
            input_tokens: 0,
            output_tokens: 0,
            stopped_by_length: 0,
        };
        if max_new_tokens == 0 {
            return Ok(nothing);
        }
        // SAFETY: `request` and everything it points to outlive the call;
        // `give_piece` is only called during it.
        let failure = unsafe { shim.take_message((shim.generate)(*raw, &request, &mut outcome)) };
        if let Some(message) = failure {
            return Err(NnError::runtime(
                "generating",
                anyhow::anyhow!(one_line(&message)),
            ));
        }
        // SAFETY: on success `text` holds `text_len` bytes, released here.
        let text = unsafe {
            let text =
                std::slice::from_raw_parts(outcome.text.cast::<u8>(), outcome.text_len).to_vec();
            (shim.free)(outcome.text);
            text
        };
        let finish = match outcome.stopped_by_length != 0 {
            true if outcome.output_tokens >= context_limit => Finish::ContextFull,
            true => Finish::Length,
            false => Finish::Stop,
        };
        Ok(Generation {
            text,
            input_tokens: outcome.input_tokens,
            output_tokens: outcome.output_tokens,
            finish,
        })
    }
}

/// llama.cpp's "random" seed: a different one each generation.
fn random_seed() -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.finish() & u64::from(u32::MAX)
}

/// The shim's per-piece callback: `user` is the running `generate`'s
/// `on_piece`; non-zero stops the generation.
unsafe extern "C" fn give_piece(user: *mut c_void, piece: *const c_char, len: usize) -> c_int {
    // SAFETY: `user` points at the `on_piece` of the running `generate`,
    // and `piece` holds `len` bytes for the duration of the call.
    let (on_piece, piece) = unsafe {
        (
            &mut *user.cast::<&mut dyn FnMut(&[u8]) -> bool>(),
            std::slice::from_raw_parts(piece.cast::<u8>(), len),
        )
    };
    // No unwinding into C++: a panicking callback stops the generation.
    let go_on = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| on_piece(piece)));
    c_int::from(!go_on.unwrap_or(false))
}

struct GgmlGraph {
    pipeline: Arc<Pipeline>,
    /// The load's config applied to the defaults.
    options: Options,
}

impl BackendGraph for GgmlGraph {
    fn init_execution_context(&self) -> Result<ExecutionContext, NnError> {
        Ok(ExecutionContext(Box::new(GgmlContext {
            pipeline: self.pipeline.clone(),
            options: self.options.clone(),
            configured: false,
            stream: None,
            counted: None,
            console: None,
        })))
    }
}

/// A context: the graph's pipeline, the options in force, and the stream
/// in progress.
struct GgmlContext {
    pipeline: Arc<Pipeline>,
    options: Options,
    /// Whether a load config (input 2) was applied (it is applied once).
    configured: bool,
    stream: Option<Stream>,
    /// The last prompt counted and its token count: a guest reads the
    /// count (output 1) before it computes, so the stream's start need not
    /// tokenize the same prompt again.
    counted: Option<(Arc<[u8]>, usize)>,
    /// The guest's stdout, where `stream-stdout` writes each piece.
    console: Option<Console>,
}

/// A generation running in the background ([`Mode::Stream`]): its pieces
/// arrive on `pieces` as GenAI's streamer forms them.
struct Stream {
    pieces: mpsc::Receiver<Vec<u8>>,
    generation: std::thread::JoinHandle<Result<Generation, NnError>>,
    /// Tells the generation to stop (at its next piece).
    stop: Arc<AtomicBool>,
    input_tokens: usize,
    /// Pieces handed out so far.
    given: usize,
}

impl Stream {
    /// Stops the generation and waits for it.
    fn end(self) {
        self.stop.store(true, Ordering::Relaxed);
        drop(self.pieces);
        let _ = self.generation.join();
    }
}

impl Drop for GgmlContext {
    fn drop(&mut self) {
        if let Some(stream) = self.stream.take() {
            stream.end();
        }
    }
}

/// The inputs of a ggml context ([`nn_abi::ggml`]'s `INPUT_*`).
const INPUTS: usize = 4;
const PROMPT: usize = abi::INPUT_PROMPT as usize;
const METADATA: usize = abi::INPUT_METADATA as usize;
const CONFIG: usize = abi::INPUT_CONFIG as usize;
const MODE: usize = abi::INPUT_MODE as usize;

impl GgmlContext {
    fn compute_with(
        &mut self,
        inputs: [Option<&Tensor>; INPUTS],
        max_output_bytes: usize,
    ) -> Result<Vec<NamedTensor>, NnError> {
        if inputs.iter().all(Option::is_none) {
            // The probe of `nn_abi::ggml::INPUT_PROMPT`.
            let nothing = Generation {
                text: Vec::new(),
                input_tokens: 0,
                output_tokens: 0,
                finish: Finish::Stop,
            };
            return Ok(outputs(nothing, 0));
        }
        let prompt = inputs[PROMPT]
            .ok_or_else(|| NnError::invalid_argument("input 0 (the prompt) was not given"))?;
        let mode = match inputs[MODE].map(|t| &t.data[..]) {
            None => Mode::Generate,
            Some(&[byte]) => Mode::from_byte(byte).ok_or_else(|| {
                NnError::invalid_argument(format!("input 3 (the mode) is {byte}, not 0, 1, 2 or 3"))
            })?,
            Some(other) => {
                return Err(NnError::invalid_argument(format!(
                    "input 3 (the mode) is one byte, not {}",
                    other.len()
                )))
            }
        };
        if mode == Mode::Next {
            return self.next_piece();
        }
        if let Some(stream) = self.stream.take() {
            stream.end();
        }
        // Checked whole before anything changes, so a refused input leaves
        // the options as they were.
        let mut options = self.options.clone();
        // An empty config is none, as WasmEdge passes one only when it has
        // bytes.
        let config = inputs[CONFIG].filter(|c| !self.configured && !c.data.is_empty());
        if let Some(config) = config {
            options.update(&config.data)?;
        }
        if let Some(metadata) = inputs[METADATA] {
            options.update(&metadata.data)?;
        }
        self.options = options;
        self.configured |= config.is_some();
        if mode == Mode::Stream {
            self.start_stream(prompt.data.clone())?;
            return self.next_piece();
        }
        let console = self.console.as_ref().filter(|_| self.options.stream_stdout);
        let generation = match mode {
            Mode::Count => self.count(&prompt.data)?,
            _ => self
                .pipeline
                .generate(&prompt.data, None, &self.options, mode, &mut |piece| {
                    if let Some(console) = console {
                        console(piece);
                    }
                    true
                })?,
        };
        let total = generation.text.len() + generation.metadata().len() + 5;
        if total > max_output_bytes {
            return Err(NnError::new(
                ErrorCode::TooLarge,
                format!(
                    "the outputs take {total} bytes, more than the limit of {max_output_bytes}"
                ),
            ));
        }
        Ok(outputs(generation, 0))
    }

    /// Starts generating from `prompt` in the background, in mode 2.
    fn start_stream(&mut self, prompt: Arc<[u8]>) -> Result<(), NnError> {
        let input_tokens = self.count(&prompt)?.input_tokens;
        let (sender, pieces) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let (pipeline, options, stopped) =
            (self.pipeline.clone(), self.options.clone(), stop.clone());
        let generation = std::thread::Builder::new()
            .name("nn-host ggml stream".into())
            .spawn(move || {
                let known = Some(input_tokens);
                pipeline.generate(&prompt, known, &options, Mode::Stream, &mut |piece| {
                    !stopped.load(Ordering::Relaxed) && sender.send(piece.to_vec()).is_ok()
                })
            })
            .map_err(|e| NnError::runtime("starting the stream's generation", e.into()))?;
        self.stream = Some(Stream {
            pieces,
            generation,
            stop,
            input_tokens,
            given: 0,
        });
        Ok(())
    }

    /// [`Mode::Count`] of `prompt`, remembered for the next count or
    /// stream of the same prompt.
    fn count(&mut self, prompt: &Arc<[u8]>) -> Result<Generation, NnError> {
        let known = match &self.counted {
            Some((counted, tokens)) if counted[..] == prompt[..] => Some(*tokens),
            _ => None,
        };
        let counted =
            self.pipeline
                .generate(prompt, known, &self.options, Mode::Count, &mut |_| true)?;
        self.counted = Some((prompt.clone(), counted.input_tokens));
        Ok(counted)
    }

    /// The stream's next piece; past the last, its end (and the stream is
    /// over).
    fn next_piece(&mut self) -> Result<Vec<NamedTensor>, NnError> {
        let Some(stream) = self.stream.as_mut() else {
            return Err(NnError::invalid_argument(
                "mode 3 (the stream's next piece) without a stream in progress (mode 2 starts one)",
            ));
        };
        if let Ok(piece) = stream.pieces.recv() {
            stream.given += 1;
            let so_far = Generation {
                text: piece,
                input_tokens: stream.input_tokens,
                output_tokens: stream.given,
                finish: Finish::Length,
            };
            return Ok(outputs(so_far, 1));
        }
        let stream = self.stream.take().expect("the stream in progress");
        let generation = stream.generation.join().map_err(|_| {
            NnError::runtime("the stream's generation", anyhow::anyhow!("it panicked"))
        })??;
        Ok(outputs(
            Generation {
                text: Vec::new(),
                ..generation
            },
            0,
        ))
    }
}

/// The outputs of `generation` (see the module's documentation); output 0
/// holds `pieces` streamed pieces.
fn outputs(generation: Generation, pieces: u32) -> Vec<NamedTensor> {
    let metadata = generation.metadata().into_bytes();
    let mut finish = vec![generation.finish as u8];
    finish.extend(pieces.to_le_bytes());
    vec![
        (abi::OUTPUT_TEXT.to_string(), bytes_tensor(generation.text)),
        (abi::OUTPUT_METADATA.to_string(), bytes_tensor(metadata)),
        (abi::OUTPUT_FINISH.to_string(), bytes_tensor(finish)),
    ]
}

fn bytes_tensor(bytes: Vec<u8>) -> Tensor {
    Tensor {
        dimensions: vec![bytes.len() as u32],
        ty: TensorType::U8,
        data: bytes.into(),
    }
}

fn input_slot(name: &str, tensor: &Tensor) -> Result<usize, NnError> {
    let index = (0..INPUTS).find(|i| i.to_string() == name).ok_or_else(|| {
        NnError::invalid_argument(format!(
            "a ggml graph has inputs 0 (the prompt), 1 (the metadata JSON), 2 (the load config) and 3 (the mode), not {name:?}"
        ))
    })?;
    if tensor.ty != TensorType::U8 {
        return Err(NnError::invalid_argument(format!(
            "input {name} of a ggml graph is u8 bytes, not {}",
            tensor.ty.wit_name()
        )));
    }
    Ok(index)
}

impl BackendExecutionContext for GgmlContext {
    fn set_console(&mut self, console: Console) {
        self.console = Some(console);
    }

    fn input_index(&self, name: &str, tensor: &Tensor) -> Result<usize, NnError> {
        input_slot(name, tensor)
    }

    fn compute(
        &mut self,
        inputs: Vec<NamedTensor>,
        max_output_bytes: usize,
    ) -> Result<Vec<NamedTensor>, NnError> {
        let mut slots: [Option<Tensor>; INPUTS] = Default::default();
        for (name, tensor) in inputs {
            let index = input_slot(&name, &tensor)?;
            if slots[index].replace(tensor).is_some() {
                return Err(NnError::invalid_argument(format!(
                    "input {name} is given more than once"
                )));
            }
        }
        self.compute_with(slots.each_ref().map(Option::as_ref), max_output_bytes)
    }

    fn compute_indexed(
        &mut self,
        inputs: &[Option<Tensor>],
        max_output_bytes: usize,
    ) -> Result<Vec<NamedTensor>, NnError> {
        let slots = std::array::from_fn(|index| inputs.get(index).and_then(Option::as_ref));
        self.compute_with(slots, max_output_bytes)
    }
}
