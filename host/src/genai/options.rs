//! WasmEdge's GGML generation options (its "metadata" JSON), as WasmEdge's
//! GGML plugin reads them (`plugins/wasi_nn/GGML/metadata/metadata_parser.cpp`),
//! turned into what OpenVINO GenAI is asked.
//!
//! Every key WasmEdge reads falls in one of three groups: honoured
//! ([`Options`] fields), accepted because it does not change the text on
//! this host ([`NO_TEXT_EFFECT`]), or refused because it would change the
//! text and GenAI cannot do it ([`REFUSED`]). Keys WasmEdge does not know
//! are ignored, as WasmEdge ignores them.

use crate::backend::NnError;
use serde_json::{Map, Value};

/// llama.cpp's default context size (`common_params::n_ctx`), which
/// WasmEdge keeps unless `ctx-size` is given.
pub const DEFAULT_CTX_SIZE: u64 = 4096;

/// Tokens of the context WasmEdge keeps free of the prompt: a prompt longer
/// than `ctx-size - 4` is "too long" (`evaluateInput`).
pub const PROMPT_RESERVE: u64 = 4;

/// The generation options in force for a context. Defaults are llama.cpp's
/// (`common_params_sampling`), which WasmEdge keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// `n-predict`: the most tokens one `compute` generates; negative: no
    /// limit but the context.
    pub n_predict: i64,
    /// `ctx-size`: prompt and generated tokens together.
    pub ctx_size: u64,
    /// `temp`: 0 is greedy decoding; above 0, sampling at this temperature.
    pub temp: f64,
    /// `top-p`, `top-k`: nucleus and top-k sampling (top-k 0 or less: off).
    pub top_p: f64,
    pub top_k: i64,
    /// `repeat-penalty`, `presence-penalty`, `frequency-penalty`.
    pub repeat_penalty: f64,
    pub presence_penalty: f64,
    pub frequency_penalty: f64,
    /// `seed`: the sampler's seed; `None` (llama.cpp's 0xFFFFFFFF, "random")
    /// picks one per generation.
    pub seed: Option<u32>,
    /// `reverse-prompt`: `compute` stops once the text contains it (kept in
    /// the text, as WasmEdge keeps it).
    pub reverse_prompt: Option<String>,
    /// `ignore-eos`: generate past the end-of-text token.
    pub ignore_eos: bool,
    /// `stream-stdout`: `compute` also writes each piece to the guest's
    /// stdout as it is generated, as WasmEdge's plugin prints it (not
    /// `compute_single`'s pieces, as in WasmEdge).
    pub stream_stdout: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            n_predict: -1,
            ctx_size: DEFAULT_CTX_SIZE,
            temp: 0.8,
            top_p: 0.95,
            top_k: 40,
            repeat_penalty: 1.0,
            presence_penalty: 0.0,
            frequency_penalty: 0.0,
            seed: None,
            reverse_prompt: None,
            ignore_eos: false,
            stream_stdout: false,
        }
    }
}

/// Keys WasmEdge reads that do not change the generated text here:
/// placement, threading, batching, logging and memory-mapping choices.
pub const NO_TEXT_EFFECT: &[&str] = &[
    "n-gpu-layers",
    "main-gpu",
    "split-mode",
    "tensor-split",
    "cpu-moe",
    "n-cpu-moe",
    "enable-log",
    "enable-debug-log",
    "batch-size",
    "ubatch-size",
    "threads",
    "threads-batch",
    "numa",
    "use-mmap",
    "use-mlock",
    "no-kv-offload",
    "flash-attn",
    "warmup",
    "check-tensors",
    "no-perf",
    "no-perf-sampling",
    "timing-per-token",
    "verbosity",
    "log-json",
    "model-alias",
    "priority",
    "priority-batch",
    "strict-cpu",
    "strict-cpu-batch",
    "poll",
    "poll-batch",
    "mask-valid",
    "mask-valid-batch",
    "cont-batching",
    "n-parallel",
    "n-sequences",
];

/// Keys WasmEdge reads that would change the text and that OpenVINO GenAI's
/// `LLMPipeline` cannot do, each with what it is, for the error.
pub const REFUSED: &[(&str, &str)] = &[
    ("grammar", "grammar-constrained sampling"),
    ("json-schema", "JSON-schema-constrained sampling"),
    ("embedding", "embeddings"),
    ("reranking", "reranking"),
    ("mmproj", "multimodal projection (images)"),
    ("image", "image input"),
    ("tts", "text to speech"),
    ("model-vocoder", "text to speech"),
    ("min-p", "min-p sampling"),
    ("typ-p", "typical sampling"),
    ("min-keep", "the samplers' min-keep"),
    ("mirostat", "mirostat sampling"),
    ("mirostat-eta", "mirostat sampling"),
    ("dynatemp-range", "dynamic temperature"),
    ("dynatemp-exponent", "dynamic temperature"),
    ("xtc-probability", "XTC sampling"),
    ("xtc-threshold", "XTC sampling"),
    ("dry-multipier", "DRY sampling"),
    ("dry-base", "DRY sampling"),
    ("dry-allowed-length", "DRY sampling"),
    ("dry-last-n-penalty", "DRY sampling"),
    (
        "last-n-penalty",
        "a penalty window (GenAI penalises the whole sequence)",
    ),
    ("n-probs", "token probabilities"),
    ("rope-freq-base", "RoPE overrides"),
    ("rope-freq-scale", "RoPE overrides"),
    ("rope-scaling-type", "RoPE overrides"),
    ("yarn-ext-factor", "YaRN overrides"),
    ("yarn-attn-factor", "YaRN overrides"),
    ("yarn-beta-fast", "YaRN overrides"),
    ("yarn-beta-slow", "YaRN overrides"),
    ("yarn-orig-ctx", "YaRN overrides"),
    ("grp-attn-n", "self-extend attention"),
    ("grp-attn-w", "self-extend attention"),
    ("pooling-type", "pooling"),
    ("attention-type", "attention overrides"),
    ("cache-type-k", "a quantized KV cache"),
    ("cache-type-v", "a quantized KV cache"),
    ("input-prefix", "input prefixes"),
    ("input-suffix", "input suffixes"),
    ("input-prefix-bos", "input prefixes"),
    (
        "chat-template",
        "chat templates (the prompt is used as sent)",
    ),
    ("prompt-file", "prompt files"),
    ("path-prompt-cache", "prompt caches"),
    ("control-vector-layer-start", "control vectors"),
    ("control-vector-layer-end", "control vectors"),
    ("lora-init-without-apply", "LoRA adapters"),
];

impl Options {
    /// Applies the metadata JSON `text` on top of these options, as
    /// WasmEdge's `set_input(ctx, 1, json)` and `load_by_name_with_config`
    /// do: keys not given keep their value. Malformed JSON, a value of the
    /// wrong type and a refused key are `invalid-argument`, naming the key;
    /// on error nothing is changed.
    pub fn update(&mut self, text: &[u8]) -> Result<(), NnError> {
        let json: Value = serde_json::from_slice(text).map_err(|e| {
            NnError::invalid_argument(format!("the metadata is not valid JSON: {e}"))
        })?;
        let Value::Object(map) = json else {
            return Err(NnError::invalid_argument(
                "the metadata must be a JSON object of WasmEdge's GGML options",
            ));
        };
        let mut next = self.clone();
        next.apply(&map)?;
        *self = next;
        Ok(())
    }

    fn apply(&mut self, map: &Map<String, Value>) -> Result<(), NnError> {
        for (key, value) in map {
            let key = key.as_str();
            if let Some((_, what)) = REFUSED.iter().find(|(refused, _)| *refused == key) {
                return Err(NnError::new(
                    crate::backend::ErrorCode::UnsupportedOperation,
                    format!(
                        "the ggml option `{key}` ({what}) would change the generated text and OpenVINO GenAI cannot do it"
                    ),
                ));
            }
            match key {
                "n-predict" => self.n_predict = integer(key, value)?,
                "ctx-size" => {
                    self.ctx_size = match integer(key, value)? {
                        size if size > PROMPT_RESERVE as i64 => size as u64,
                        0 => {
                            return Err(NnError::invalid_argument(
                                "ctx-size 0 (the model's own context length) is not supported: give the number of tokens",
                            ))
                        }
                        size => {
                            return Err(NnError::invalid_argument(format!(
                                "ctx-size {size} leaves no room for a prompt; expected more than {PROMPT_RESERVE}"
                            )))
                        }
                    }
                }
                "temp" => self.temp = number(key, value)?.max(0.0),
                "top-p" => self.top_p = number(key, value)?.max(0.0),
                "top-k" => self.top_k = integer(key, value)?,
                "repeat-penalty" => self.repeat_penalty = number(key, value)?.max(0.0),
                "presence-penalty" => self.presence_penalty = number(key, value)?.max(0.0),
                "frequency-penalty" => self.frequency_penalty = number(key, value)?.max(0.0),
                // WasmEdge casts to llama.cpp's uint32 seed; 0xFFFFFFFF is "random".
                "seed" => {
                    self.seed = match integer(key, value)? as u32 {
                        u32::MAX => None,
                        seed => Some(seed),
                    }
                }
                "reverse-prompt" => {
                    let prompt = string(key, value)?;
                    self.reverse_prompt = (!prompt.is_empty()).then(|| prompt.to_string());
                }
                "ignore-eos" => self.ignore_eos = boolean(key, value)?,
                "stream-stdout" => self.stream_stdout = boolean(key, value)?,
                "enable-chat-template" if boolean(key, value)? => {
                    return Err(NnError::new(
                        crate::backend::ErrorCode::UnsupportedOperation,
                        "the ggml option `enable-chat-template` true would change the generated text: nn-host uses the prompt as sent",
                    ))
                }
                _ if NO_TEXT_EFFECT.contains(&key) => {}
                _ => tracing::debug!(key, "ignoring a ggml option nn-host does not read"),
            }
        }
        Ok(())
    }
}

fn integer(key: &str, value: &Value) -> Result<i64, NnError> {
    value
        .as_i64()
        .ok_or_else(|| wrong_type(key, "an integer", value))
}

fn number(key: &str, value: &Value) -> Result<f64, NnError> {
    value
        .as_f64()
        .ok_or_else(|| wrong_type(key, "a number", value))
}

fn string<'a>(key: &str, value: &'a Value) -> Result<&'a str, NnError> {
    value
        .as_str()
        .ok_or_else(|| wrong_type(key, "a string", value))
}

fn boolean(key: &str, value: &Value) -> Result<bool, NnError> {
    value
        .as_bool()
        .ok_or_else(|| wrong_type(key, "true or false", value))
}

fn wrong_type(key: &str, expected: &str, value: &Value) -> NnError {
    NnError::invalid_argument(format!(
        "the ggml option `{key}` must be {expected}, not {value}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::ErrorCode;

    #[test]
    fn keys_update_on_top_of_earlier_ones() {
        let mut options = Options::default();
        options
            .update(br#"{"n-predict": 8, "temp": 0, "ctx-size": 64, "enable-log": true, "n-gpu-layers": 99, "unknown-key": [1]}"#)
            .unwrap();
        options
            .update(br#"{"reverse-prompt": "xy", "seed": 7, "top-p": 0.5}"#)
            .unwrap();
        assert_eq!(
            options,
            Options {
                n_predict: 8,
                ctx_size: 64,
                temp: 0.0,
                top_p: 0.5,
                seed: Some(7),
                reverse_prompt: Some("xy".into()),
                ..Options::default()
            }
        );
        // WasmEdge clamps negatives to 0; 0xFFFFFFFF is llama.cpp's "random".
        options
            .update(br#"{"temp": -1, "seed": 4294967295}"#)
            .unwrap();
        assert_eq!((options.temp, options.seed), (0.0, None));
    }

    #[test]
    fn bad_metadata_is_refused_and_changes_nothing() {
        let mut options = Options::default();
        for (json, code, says) in [
            (
                &b"{\"n-predict\": "[..],
                ErrorCode::InvalidArgument,
                "not valid JSON",
            ),
            (b"[1]", ErrorCode::InvalidArgument, "JSON object"),
            (
                br#"{"n-predict": "8"}"#,
                ErrorCode::InvalidArgument,
                "`n-predict` must be an integer, not \"8\"",
            ),
            (
                br#"{"temp": 0, "grammar": "root ::= x"}"#,
                ErrorCode::UnsupportedOperation,
                "`grammar` (grammar-constrained sampling)",
            ),
            (
                br#"{"ctx-size": 4}"#,
                ErrorCode::InvalidArgument,
                "more than 4",
            ),
            (
                br#"{"ctx-size": 0}"#,
                ErrorCode::InvalidArgument,
                "ctx-size 0",
            ),
            (
                br#"{"enable-chat-template": true}"#,
                ErrorCode::UnsupportedOperation,
                "as sent",
            ),
        ] {
            let error = options.update(json).unwrap_err();
            assert_eq!(error.code, code, "{error}");
            assert!(error.message.contains(says), "{error}");
        }
        assert_eq!(options, Options::default());
        options
            .update(br#"{"enable-chat-template": false}"#)
            .unwrap();
    }

    #[test]
    fn the_three_groups_do_not_overlap() {
        for key in NO_TEXT_EFFECT {
            assert!(!REFUSED.iter().any(|(refused, _)| refused == key), "{key}");
        }
    }
}
