//! WasmEdge's GGML protocol as nn-host's `ggml` backend and the adapter
//! share it: the tensor indices beyond WasmEdge's own two, what they hold,
//! and WasmEdge's errnos for the end of a generation.
//!
//! WasmEdge's guests (`wasmedge-ggml` programs, LlamaEdge) set input 0 (the
//! prompt) and input 1 (options, JSON) and read output 0 (the text) and
//! output 1 (metadata, JSON). The rest is this project's: what the adapter
//! needs from the host to serve `load_by_name_with_config`, an output 1
//! read before any compute, and the `_single` streaming calls over plain
//! WIT `compute`.

/// Input: the prompt, `u8` bytes. A compute without any input succeeds on
/// a ggml graph (with an empty text, no tokens, [`Finish::Stop`]) and
/// fails on any other: how the adapter tells a GGML graph loaded by name
/// from others.
pub const INPUT_PROMPT: u32 = 0;
/// Input: WasmEdge's metadata JSON, in force from this compute on.
pub const INPUT_METADATA: u32 = 1;
/// Input: the graph's load config (`load_by_name_with_config`'s JSON),
/// applied at a context's first compute that carries it, before
/// [`INPUT_METADATA`].
pub const INPUT_CONFIG: u32 = 2;
/// Input: one `u8`, the [`Mode`] of the computes it is set for.
pub const INPUT_MODE: u32 = 3;

/// What a compute does, as [`INPUT_MODE`] says (absent: [`Mode::Generate`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Mode {
    /// WasmEdge's `compute`: generate under every option.
    Generate = 0,
    /// Only count the prompt's tokens (output 1 before any compute).
    Count = 1,
    /// Start WasmEdge's `compute_single` stream: generate, in the
    /// background, until the end of text or the context's end
    /// (`n-predict` and `reverse-prompt` do not apply), and answer with
    /// its first piece, as [`Mode::Next`] does.
    Stream = 2,
    /// The stream's next piece as output 0 (a token, or the few tokens of
    /// one UTF-8 character, as GenAI's streamer forms it), one piece in
    /// [`OUTPUT_FINISH`]'s count; past the last, no piece (count 0) and the
    /// stream's finish. A new stream, or any other compute, ends the one
    /// in progress.
    Next = 3,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Generate, Mode::Count, Mode::Stream, Mode::Next];

    pub fn from_byte(byte: u8) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| *mode as u8 == byte)
    }
}

/// Output: the generated text, `u8` (in a stream, the current piece).
pub const OUTPUT_TEXT: u32 = 0;
/// Output: WasmEdge's output metadata JSON.
pub const OUTPUT_METADATA: u32 = 1;
/// Output: five bytes, the [`Finish`] of the generation, then the number
/// of pieces output 0 holds in [`Mode::Stream`] and [`Mode::Next`] (1, or
/// 0 past the stream's end; 0 in the other modes), `u32` little-endian.
pub const OUTPUT_FINISH: u32 = 2;

/// Why a generation ended ([`OUTPUT_FINISH`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Finish {
    /// The end-of-text token, or the reverse prompt.
    Stop = 0,
    /// `n-predict` tokens.
    Length = 1,
    /// The context's end: WasmEdge's [`CONTEXT_FULL`].
    ContextFull = 2,
}

/// How nn-host's `too-large` error for a prompt that does not fit the
/// context begins: WasmEdge's [`PROMPT_TOO_LONG`].
pub const PROMPT_TOO_LONG_MESSAGE: &str = "prompt too long";

// WasmEdge's errnos beyond WITX `nn_errno` (WasmEdge
// `plugins/wasi_nn/wasinntypes.h`, read by crates.io `wasmedge-wasi-nn`'s
// `BackendError::from`).

/// `compute_single`: the generation ended (end of text).
pub const END_OF_SEQUENCE: u32 = 100;
/// `compute` / `compute_single`: the context is full.
pub const CONTEXT_FULL: u32 = 101;
/// `compute` / `compute_single`: the prompt does not fit the context.
pub const PROMPT_TOO_LONG: u32 = 102;
/// `load_by_name`: the graph's model file does not exist.
pub const MODEL_NOT_FOUND: u32 = 103;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_read_back() {
        for mode in Mode::ALL {
            assert_eq!(Mode::from_byte(mode as u8), Some(mode));
        }
        assert_eq!(Mode::from_byte(4), None);
    }
}
