//! Conversions between the legacy numberings and the WIT
//! (`wasi:nn@0.2.0-rc-*`) numbering.
//!
//! The guest's enums (`tensor_type`, `graph_encoding`, `execution_target`)
//! and its errnos depend on the dialect it was built with; their tables are
//! packed constants that the adapter reads with [`nibble`] and that
//! nn-componentize bakes in (`nn_adapter_verify::Dialect`, where they are
//! tested entry by entry). Internally the adapter computes errnos in the
//! current WITX numbering ([`errno`]) and converts them for the guest last.
//!
//! The tables here are the adapter's own: written out entry by entry (a
//! packed constant with one nibble per entry where a `match` would cost a
//! compare chain in a size-limited module; an array would be a data
//! segment, which an adapter must not have), and the unit tests check every
//! entry one at a time.

/// WITX `nn_errno` values (`witx/wasi_ephemeral_nn.witx`).
pub mod errno {
    pub const SUCCESS: u32 = 0;
    pub const INVALID_ARGUMENT: u32 = 1;
    pub const INVALID_ENCODING: u32 = 2;
    /// WITX `missing_memory`; never produced: a missing memory cannot happen
    /// with an adapter that imports the main module's memory.
    pub const MISSING_MEMORY: u32 = 3;
    /// WITX `busy`; never produced (see [`super::errno_from_error_code`]).
    pub const BUSY: u32 = 4;
    pub const RUNTIME_ERROR: u32 = 5;
    pub const UNSUPPORTED_OPERATION: u32 = 6;
    pub const TOO_LARGE: u32 = 7;
    pub const NOT_FOUND: u32 = 8;
}

/// WIT `error-code` discriminants (`wasi:nn/errors`).
pub mod error_code {
    pub const INVALID_ARGUMENT: u32 = 0;
    pub const INVALID_ENCODING: u32 = 1;
    pub const TIMEOUT: u32 = 2;
    pub const RUNTIME_ERROR: u32 = 3;
    pub const UNSUPPORTED_OPERATION: u32 = 4;
    pub const TOO_LARGE: u32 = 5;
    pub const NOT_FOUND: u32 = 6;
    pub const SECURITY: u32 = 7;
    pub const UNKNOWN: u32 = 8;
}

/// Entry `value` of a packed dialect table: one nibble per value, value 0
/// in the lowest; `f`, or a value past 15, means "no counterpart".
pub fn nibble(packed: u64, value: u32) -> Option<u32> {
    let entry = (value < 16).then(|| (packed >> (4 * value)) as u32 & 0xf)?;
    (entry != 0xf).then_some(entry)
}

/// Bytes per element of a WIT `tensor-type`; `None` for a value the WIT enum
/// does not have.
pub fn element_size(wit: u32) -> Option<u64> {
    // One nibble per type, FP16 in the lowest:
    //          I64 I32 U8 BF16 FP64 FP32 FP16
    const SIZES: u32 = 0x8_4_1_2_8_4_2;
    (wit < 7).then(|| u64::from((SIZES >> (4 * wit)) & 0xf))
}

/// WIT `graph-encoding` values the adapter needs to recognise.
pub mod encoding {
    pub const OPENVINO: u32 = 0;
    pub const ONNX: u32 = 1;
    pub const AUTODETECT: u32 = 6;
}

/// The one table from WIT `error-code` to WITX `nn_errno`.
///
/// * `timeout` → `runtime_error`: a timed-out inference is a backend call
///   that failed, which the reference WITX host always reports as
///   `runtime_error`; WITX `busy` would suggest a retry that nothing
///   promises will succeed, and no legacy guest ever saw `busy` from the
///   reference host.
/// * `security` → `unsupported_operation`: the host refuses to perform the
///   operation as requested (e.g. a hardware target it will not grant), which
///   is what the reference uses `unsupported_operation` for (unknown handles,
///   unknown registry names, no backend for an encoding).
/// * `unknown` (and any value the enum does not have) → `runtime_error`, the
///   reference's catch-all for failures.
pub fn errno_from_error_code(code: u32) -> u32 {
    // One nibble per error code, invalid-argument in the lowest:
    //   unknown security not-found too-large unsupported runtime timeout
    //   invalid-encoding invalid-argument
    const ERRNOS: u64 = 0x5_6_8_7_6_5_5_2_1;
    if code > error_code::UNKNOWN {
        return errno::RUNTIME_ERROR;
    }
    ((ERRNOS >> (4 * code)) & 0xf) as u32
}

/// Which legacy call a WIT error came from: two calls override the table to
/// return exactly what the reference WITX host (wasmtime-wasi-nn 48,
/// `src/witx.rs`) returns for the same situation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    /// `load`: the reference answers an encoding without a backend with
    /// `UsageError::InvalidEncoding` → `unsupported_operation`, where a WIT
    /// host says `invalid-encoding`.
    Load,
    /// `load_by_name`: the reference answers a missing registry name with
    /// `UsageError::NotFound` → `unsupported_operation`, where a WIT host
    /// says `not-found`.
    LoadByName,
    /// Every other call uses the table unchanged.
    Other,
}

/// [`errno_from_error_code`] with the per-call overrides of [`Call`].
pub fn errno_for(call: Call, code: u32) -> u32 {
    match (call, code) {
        (Call::Load, error_code::INVALID_ENCODING) => errno::UNSUPPORTED_OPERATION,
        (Call::LoadByName, error_code::NOT_FOUND) => errno::UNSUPPORTED_OPERATION,
        _ => errno_from_error_code(code),
    }
}

/// Anything at least this large cannot be in a 32-bit memory.
pub const TOO_BIG: u64 = 1 << 32;

/// Number of bytes a tensor of `dims` with `element` (≤ 8) bytes per
/// element occupies, saturated at [`TOO_BIG`]. Saturating after every
/// factor keeps the product below 2^64 (no overflow, no 128-bit arithmetic)
/// and still gives 0 when any dimension is 0.
pub fn tensor_bytes(dims: impl IntoIterator<Item = u32>, element: u64) -> u64 {
    let mut total = element.min(TOO_BIG);
    for d in dims {
        total = (total * u64::from(d)).min(TOO_BIG);
    }
    total
}

/// Writes the decimal form of `n` at the end of `buf` and returns it. The
/// decimal index is the fallback tensor name (the convention of
/// wasmtime-wasi-nn's ONNX backend and of its OpenVINO WIT output names).
pub fn decimal(mut n: u32, buf: &mut [u8; 10]) -> &[u8] {
    let mut start = buf.len();
    while let Some(digit) = start.checked_sub(1).and_then(|i| buf.get_mut(i)) {
        *digit = b'0' + (n % 10) as u8;
        start -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.get(start..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_size_each_value() {
        assert_eq!(element_size(0), Some(2));
        assert_eq!(element_size(1), Some(4));
        assert_eq!(element_size(2), Some(8));
        assert_eq!(element_size(3), Some(2));
        assert_eq!(element_size(4), Some(1));
        assert_eq!(element_size(5), Some(4));
        assert_eq!(element_size(6), Some(8));
        assert_eq!(element_size(7), None);
    }

    #[test]
    fn nibble_each_position() {
        let packed = 0xfedc_ba98_7654_3210_u64;
        for value in 0..15 {
            assert_eq!(nibble(packed, value), Some(value));
        }
        assert_eq!(nibble(packed, 15), None, "f: no counterpart");
        assert_eq!(nibble(packed, 16), None);
        assert_eq!(nibble(packed, u32::MAX), None);
        assert_eq!(nibble(u64::MAX, 0), None);
        assert_eq!(nibble(0xf0, 0), Some(0));
        assert_eq!(nibble(0xf0, 1), None);
    }

    #[test]
    fn error_code_each_value() {
        assert_eq!(errno_from_error_code(error_code::INVALID_ARGUMENT), 1);
        assert_eq!(errno_from_error_code(error_code::INVALID_ENCODING), 2);
        assert_eq!(errno_from_error_code(error_code::TIMEOUT), 5);
        assert_eq!(errno_from_error_code(error_code::RUNTIME_ERROR), 5);
        assert_eq!(errno_from_error_code(error_code::UNSUPPORTED_OPERATION), 6);
        assert_eq!(errno_from_error_code(error_code::TOO_LARGE), 7);
        assert_eq!(errno_from_error_code(error_code::NOT_FOUND), 8);
        assert_eq!(errno_from_error_code(error_code::SECURITY), 6);
        assert_eq!(errno_from_error_code(error_code::UNKNOWN), 5);
        assert_eq!(errno_from_error_code(9), 5);
        assert_eq!(errno_from_error_code(u32::MAX), 5);
    }

    #[test]
    fn per_call_overrides_match_reference() {
        // The reference's answers for the two situations it maps itself.
        assert_eq!(errno_for(Call::Load, error_code::INVALID_ENCODING), 6);
        assert_eq!(errno_for(Call::LoadByName, error_code::NOT_FOUND), 6);
        // Everything else goes through the table, for every call.
        for code in 0..=9 {
            assert_eq!(errno_for(Call::Other, code), errno_from_error_code(code));
            if code != error_code::INVALID_ENCODING {
                assert_eq!(errno_for(Call::Load, code), errno_from_error_code(code));
            }
            if code != error_code::NOT_FOUND {
                assert_eq!(
                    errno_for(Call::LoadByName, code),
                    errno_from_error_code(code)
                );
            }
        }
    }

    #[test]
    fn errno_values_match_witx() {
        assert_eq!(
            [
                errno::SUCCESS,
                errno::INVALID_ARGUMENT,
                errno::INVALID_ENCODING,
                errno::MISSING_MEMORY,
                errno::BUSY,
                errno::RUNTIME_ERROR,
                errno::UNSUPPORTED_OPERATION,
                errno::TOO_LARGE,
                errno::NOT_FOUND
            ],
            [0, 1, 2, 3, 4, 5, 6, 7, 8]
        );
    }

    #[test]
    fn tensor_bytes_is_overflow_safe() {
        assert_eq!(tensor_bytes([1, 4], 4), 16);
        assert_eq!(tensor_bytes([], 8), 8);
        assert_eq!(tensor_bytes([3, 0, 7], 4), 0);
        assert_eq!(tensor_bytes([u32::MAX, u32::MAX, 0], 4), 0);
        assert_eq!(tensor_bytes([u32::MAX, u32::MAX], 8), TOO_BIG);
        assert_eq!(tensor_bytes([u32::MAX, u32::MAX, u32::MAX], 1), TOO_BIG);
        assert_eq!(tensor_bytes([u32::MAX], 1), u64::from(u32::MAX));
        assert_eq!(tensor_bytes([1 << 30, 4], 1), TOO_BIG);
        assert_eq!(tensor_bytes([1 << 29, 2], 4), TOO_BIG);
        assert_eq!(tensor_bytes([(1 << 29) - 1, 2], 4), TOO_BIG - 8);
    }

    #[test]
    fn decimal_names() {
        let mut buf = [0; 10];
        assert_eq!(decimal(0, &mut buf), b"0");
        assert_eq!(decimal(7, &mut buf), b"7");
        assert_eq!(decimal(42, &mut buf), b"42");
        assert_eq!(decimal(1_000_000, &mut buf), b"1000000");
        assert_eq!(decimal(u32::MAX, &mut buf), b"4294967295");
    }
}
