//! What nn-host checks of a GGUF file before OpenVINO GenAI reads it: the
//! things GenAI gets wrong without a useful message (a SentencePiece
//! tokenizer: "map::at") or without any error (a truncated file loads, and
//! reads past its end later), plus the architecture.
//!
//! Written here rather than taken from a crate: the GGUF readers on
//! crates.io trust their input (`ggus` 0.5 reads the tensor type into a Rust
//! enum unchecked and panics on a short file), and a guest's `load` bytes
//! are untrusted. This walks the header (format: ggml's `docs/gguf.md`) with
//! every read bounds-checked and every size computed with overflow checks.

/// The first bytes of every GGUF file.
pub const MAGIC: &[u8] = b"GGUF";

/// Architectures GenAI 2026.4 reads from GGUF.
pub const ARCHITECTURES: &[&str] = &["llama", "qwen2", "qwen3"];

/// The one GGUF tokenizer model GenAI reads: byte-level BPE.
pub const TOKENIZER: &str = "gpt2";

/// Why a header cannot be checked yet or is refused.
#[derive(Debug, PartialEq)]
pub enum Refusal {
    /// The header goes on past the bytes given (read more of the file).
    NeedMore,
    /// The model is not one GenAI can read, and why.
    Unreadable(String),
}

/// Checks the GGUF header at the start of `prefix`, a file of `file_len`
/// bytes (`prefix` may be the whole file or its beginning).
pub fn check(prefix: &[u8], file_len: u64) -> Result<(), Refusal> {
    let mut reader = Reader {
        bytes: prefix,
        at: 0,
    };
    if reader.take(4)? != MAGIC {
        return unreadable("it is not a GGUF file (it does not start with `GGUF`)");
    }
    let version = reader.u32()?;
    if !(2..=3).contains(&version) {
        return unreadable(format!("GGUF version {version} is not 2 or 3"));
    }
    let tensor_count = reader.u64()?;
    let kv_count = reader.u64()?;
    let mut architecture = None;
    let mut tokenizer = None;
    let mut alignment = 32u64;
    for _ in 0..kv_count {
        let key = reader.string()?;
        let ty = reader.u32()?;
        match (key, ty) {
            ("general.architecture", STRING) => architecture = Some(reader.string()?),
            ("tokenizer.ggml.model", STRING) => tokenizer = Some(reader.string()?),
            ("general.alignment", U32) => alignment = u64::from(reader.u32()?),
            _ => reader.skip_value(ty, 0)?,
        }
    }
    match architecture {
        Some(found) if ARCHITECTURES.contains(&found) => {}
        Some(found) => {
            return unreadable(format!(
                "its architecture `{found}` is not one OpenVINO GenAI reads from GGUF ({})",
                ARCHITECTURES.join(", ")
            ))
        }
        None => return unreadable("it has no general.architecture"),
    }
    match tokenizer {
        Some(TOKENIZER) => {}
        Some(found) => {
            return unreadable(format!(
                "its tokenizer is `{found}`; OpenVINO GenAI reads only `{TOKENIZER}` (byte-level BPE) tokenizers from GGUF"
            ))
        }
        None => return unreadable("it has no tokenizer (tokenizer.ggml.model)"),
    }
    if alignment == 0 || !alignment.is_power_of_two() {
        return unreadable(format!(
            "its general.alignment {alignment} is not a power of two"
        ));
    }
    let mut data_len = 0u64;
    for _ in 0..tensor_count {
        let name = reader.string()?;
        let dims = reader.u32()?;
        let mut elements = 1u64;
        for _ in 0..dims {
            elements = elements.checked_mul(reader.u64()?).ok_or_else(too_big)?;
        }
        let ty = reader.u32()?;
        let offset = reader.u64()?;
        let Some(&(_, type_name, block, block_bytes)) = TENSOR_TYPES.iter().find(|t| t.0 == ty)
        else {
            return unreadable(format!(
                "tensor `{name}` is of GGML type {ty}, which OpenVINO GenAI does not read (it reads {})",
                TENSOR_TYPES.iter().map(|t| t.1).collect::<Vec<_>>().join(", ")
            ));
        };
        if !elements.is_multiple_of(block) {
            return unreadable(format!(
                "tensor `{name}` has {elements} elements, not a whole number of {type_name} blocks of {block}"
            ));
        }
        let end = (elements / block)
            .checked_mul(block_bytes)
            .and_then(|bytes| bytes.checked_add(offset))
            .ok_or_else(too_big)?;
        data_len = data_len.max(end);
    }
    let data_start = (reader.at as u64).next_multiple_of(alignment);
    let needed = data_start.checked_add(data_len).ok_or_else(too_big)?;
    if needed > file_len {
        return unreadable(format!(
            "it is truncated: its tensors end at byte {needed}, and it has {file_len} bytes"
        ));
    }
    Ok(())
}

fn unreadable(reason: impl Into<String>) -> Result<(), Refusal> {
    Err(Refusal::Unreadable(reason.into()))
}

fn too_big() -> Refusal {
    Refusal::Unreadable("its tensor sizes overflow 64 bits".into())
}

/// GGML tensor types GenAI reads: (id, name, elements per block, bytes per
/// block), from ggml's `ggml_type_traits`.
const TENSOR_TYPES: &[(u32, &str, u64, u64)] = &[
    (0, "F32", 1, 4),
    (1, "F16", 1, 2),
    (2, "Q4_0", 32, 18),
    (3, "Q4_1", 32, 20),
    (8, "Q8_0", 32, 34),
    (12, "Q4_K", 256, 144),
    (14, "Q6_K", 256, 210),
];

// Metadata value types.
const U8: u32 = 0;
const I8: u32 = 1;
const U16: u32 = 2;
const I16: u32 = 3;
const U32: u32 = 4;
const I32: u32 = 5;
const F32: u32 = 6;
const BOOL: u32 = 7;
const STRING: u32 = 8;
const ARRAY: u32 = 9;
const U64: u32 = 10;
const I64: u32 = 11;
const F64: u32 = 12;

/// Arrays nest at most this deep (ggml writes none nested).
const MAX_ARRAY_DEPTH: u32 = 4;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: u64) -> Result<&'a [u8], Refusal> {
        let end = usize::try_from(len)
            .ok()
            .and_then(|len| self.at.checked_add(len))
            .ok_or(Refusal::NeedMore)?;
        let taken = self.bytes.get(self.at..end).ok_or(Refusal::NeedMore)?;
        self.at = end;
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, Refusal> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    fn u64(&mut self) -> Result<u64, Refusal> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }

    fn string(&mut self) -> Result<&'a str, Refusal> {
        let len = self.u64()?;
        std::str::from_utf8(self.take(len)?)
            .map_err(|_| Refusal::Unreadable("a metadata string is not UTF-8".into()))
    }

    fn skip_value(&mut self, ty: u32, depth: u32) -> Result<(), Refusal> {
        let size = match ty {
            U8 | I8 | BOOL => 1,
            U16 | I16 => 2,
            U32 | I32 | F32 => 4,
            U64 | I64 | F64 => 8,
            STRING => {
                let len = self.u64()?;
                self.take(len)?;
                return Ok(());
            }
            ARRAY if depth < MAX_ARRAY_DEPTH => {
                let element = self.u32()?;
                let count = self.u64()?;
                return match element {
                    STRING | ARRAY => {
                        (0..count).try_for_each(|_| self.skip_value(element, depth + 1))
                    }
                    _ => {
                        let size = fixed_size(element)?;
                        self.take(count.checked_mul(size).ok_or(Refusal::NeedMore)?)
                            .map(drop)
                    }
                };
            }
            ARRAY => return unreadable("its metadata arrays nest too deep"),
            other => return unreadable(format!("a metadata value has unknown type {other}")),
        };
        self.take(size).map(drop)
    }
}

fn fixed_size(ty: u32) -> Result<u64, Refusal> {
    match ty {
        U8 | I8 | BOOL => Ok(1),
        U16 | I16 => Ok(2),
        U32 | I32 | F32 => Ok(4),
        U64 | I64 | F64 => Ok(8),
        other => Err(Refusal::Unreadable(format!(
            "a metadata array has elements of unknown type {other}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A GGUF header: the given metadata strings and one F16 tensor of
    /// `elements` at offset 0.
    fn header(strings: &[(&str, &str)], elements: u64) -> Vec<u8> {
        let mut out = b"GGUF".to_vec();
        out.extend(3u32.to_le_bytes());
        out.extend(1u64.to_le_bytes());
        out.extend((strings.len() as u64 + 1).to_le_bytes());
        let string = |out: &mut Vec<u8>, s: &str| {
            out.extend((s.len() as u64).to_le_bytes());
            out.extend(s.as_bytes());
        };
        for (key, value) in strings {
            string(&mut out, key);
            out.extend(STRING.to_le_bytes());
            string(&mut out, value);
        }
        string(&mut out, "tokenizer.ggml.scores");
        out.extend(ARRAY.to_le_bytes());
        out.extend(F32.to_le_bytes());
        out.extend(2u64.to_le_bytes());
        out.extend([0u8; 8]);
        string(&mut out, "w");
        out.extend(1u32.to_le_bytes());
        out.extend(elements.to_le_bytes());
        out.extend(1u32.to_le_bytes());
        out.extend(0u64.to_le_bytes());
        out
    }

    const GOOD: &[(&str, &str)] = &[
        ("general.architecture", "qwen2"),
        ("tokenizer.ggml.model", "gpt2"),
    ];

    #[test]
    fn accepts_a_whole_file_and_asks_for_more_of_a_prefix() {
        let head = header(GOOD, 16);
        let whole = head.len().next_multiple_of(32) as u64 + 32;
        assert_eq!(check(&head, whole), Ok(()));
        assert_eq!(
            check(&head[..head.len() - 1], whole),
            Err(Refusal::NeedMore)
        );
    }

    #[test]
    fn refuses_what_genai_cannot_read_with_the_reason() {
        let reason = |strings: &[(&str, &str)], elements: u64, len: u64| match check(
            &header(strings, elements),
            len,
        ) {
            Err(Refusal::Unreadable(reason)) => reason,
            other => panic!("{other:?}"),
        };
        let spm = reason(
            &[
                ("general.architecture", "llama"),
                ("tokenizer.ggml.model", "llama"),
            ],
            16,
            1 << 20,
        );
        assert!(spm.contains("tokenizer is `llama`"), "{spm}");
        let gemma = reason(
            &[
                ("general.architecture", "gemma"),
                ("tokenizer.ggml.model", "gpt2"),
            ],
            16,
            1 << 20,
        );
        assert!(gemma.contains("architecture `gemma`"), "{gemma}");
        let truncated = reason(GOOD, 1 << 20, 4096);
        assert!(truncated.contains("truncated"), "{truncated}");
        let overflow = reason(GOOD, u64::MAX, 4096);
        assert!(overflow.contains("overflow"), "{overflow}");
        assert_eq!(
            check(b"<net/>", 6),
            Err(Refusal::Unreadable(
                "it is not a GGUF file (it does not start with `GGUF`)".into()
            ))
        );
    }
}
