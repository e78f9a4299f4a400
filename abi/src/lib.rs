//! Every ABI fact of the project, in one place.
//!
//! * [`legacy`]: the legacy `wasi_ephemeral_nn` module (functions, core
//!   types, enum numberings), read from `witx/` by the `witx` crate, and
//!   WAMR's legacy `wasi_nn` module, which no WITX describes;
//! * [`wit`]: the `wasi:nn` WIT versions the project targets, one per
//!   folder of `wit/`, their interfaces, numberings and the core imports
//!   they imply, read by wit-parser;
//! * [`dialect`]: the numberings legacy guests were built with, and the
//!   packed tables the adapter is baked with;
//! * [`ggml`]: WasmEdge's GGML protocol as nn-host and the adapter share it;
//! * the adapter's own contract ([`bake_import`], [`ERRNO_FOR_ERROR_CODE`],
//!   [`element_bytes`], [`PAGE_SIZE`], [`ADAPTER_SIZE_BUDGET`]).
//!
//! Where `witx/` or `wit/` states a fact it is derived from them; what is
//! a choice of the project (a dialect's numbering, the error table) is
//! written here once. Everything else (nn-componentize, nn-host, the
//! adapter's `build.rs`, which generates the adapter's constants from this
//! crate, the tests and the bench) asks this crate.

/// The crate whose types the signatures here are given in.
pub use wasmparser;

pub mod dialect;
pub mod ggml;
pub mod legacy;
pub mod wit;

pub use dialect::{Dialect, DialectTable, Entry};
pub use legacy::{legacy_abi, LegacyAbi, LegacyFunction, LegacyModule, WAMR_WASI_NN};
pub use wit::{WasiNnVersion, WitTarget};

/// Bytes in a wasm page (`memory.grow` and `memory.size` count these).
pub const PAGE_SIZE: u32 = 65536;

/// The largest adapter artifact the project accepts (the verifier's tests
/// and the bench's size table hold every artifact to it).
pub const ADAPTER_SIZE_BUDGET: usize = 14 * 1024;

/// The imports of the adapter artifact that `nn-componentize` replaces at
/// componentize time with generated functions (`bake` in nn-adapter-tools):
/// their module, names and core types.
pub mod bake_import {
    use wasmparser::{FuncType, ValType};

    /// Import module of both functions.
    pub const MODULE: &str = "nn-componentize";
    /// `(param $name i32) (param $len i32) (param $dst i32) (result i32)`:
    /// the tensor names baked in for the graph called `[$name, $name +
    /// $len)`.
    pub const BAKED_NAMES: &str = "baked-names";
    /// `(param $table i32) (result i64)`: the guest dialect's packed table
    /// numbered `$table` (see [`crate::DialectTable`]).
    pub const DIALECT_TABLE: &str = "dialect-table";

    /// The core type of [`BAKED_NAMES`].
    pub fn baked_names_type() -> FuncType {
        FuncType::new([ValType::I32; 3], [ValType::I32])
    }

    /// The core type of [`DIALECT_TABLE`].
    pub fn dialect_table_type() -> FuncType {
        FuncType::new([ValType::I32], [ValType::I64])
    }
}

/// `names`, comma-separated, for messages that list the choices.
fn choices<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names.into_iter().collect::<Vec<_>>().join(", ")
}

/// The one of `all` whose `name` is `s`; else an error naming `what` was
/// asked for and listing the choices.
fn parse_named<T: Copy>(
    s: &str,
    all: &[T],
    name: fn(T) -> &'static str,
    what: &str,
) -> anyhow::Result<T> {
    all.iter().copied().find(|&v| name(v) == s).ok_or_else(|| {
        let names = choices(all.iter().map(|&v| name(v)));
        anyhow::anyhow!("unknown {what} `{s}`; expected one of: {names}")
    })
}

/// The adapter's one table from WIT `error-code` to WITX `nn_errno`, by
/// case name (every WIT version has the same `error-code`; a unit test
/// checks it and that the table covers every case).
///
/// * `timeout` → `runtime_error`: a timed-out inference is a backend call
///   that failed, which the reference WITX host always reports as
///   `runtime_error`; WITX `busy` would suggest a retry that nothing
///   promises will succeed, and no legacy guest ever saw `busy` from the
///   reference host.
/// * `security` → `unsupported_operation`: the host refuses to perform the
///   operation as requested (e.g. a hardware target it will not grant),
///   which is what the reference uses `unsupported_operation` for (unknown
///   handles, unknown registry names, no backend for an encoding).
/// * `unknown` (and, in the adapter, any value the enum does not have) →
///   `runtime_error`, the reference's catch-all for failures.
pub const ERRNO_FOR_ERROR_CODE: [(&str, &str); 9] = [
    ("invalid-argument", "invalid_argument"),
    ("invalid-encoding", "invalid_encoding"),
    ("timeout", "runtime_error"),
    ("runtime-error", "runtime_error"),
    ("unsupported-operation", "unsupported_operation"),
    ("too-large", "too_large"),
    ("not-found", "not_found"),
    ("security", "unsupported_operation"),
    ("unknown", "runtime_error"),
];

/// Bytes per element of a tensor type, WIT (`FP16`, `BF16`, `U8`, …) or
/// WITX (`f16`, `u8`, …): every case names its width in bits. `None` for a
/// name without one.
pub fn element_bytes(tensor_type: &str) -> Option<u32> {
    let bits: u32 = tensor_type
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()?;
    (bits != 0 && bits.is_multiple_of(8)).then_some(bits / 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_bytes_of_every_wit_and_witx_type() {
        let wit = WasiNnVersion::default().wit();
        let sizes: Vec<_> = wit
            .enum_cases("tensor-type")
            .unwrap()
            .iter()
            .map(|c| element_bytes(c))
            .collect();
        let expected = [2, 4, 8, 2, 1, 4, 8].map(Some);
        assert_eq!(sizes, expected, "FP16 FP32 FP64 BF16 U8 I32 I64");
        let sizes: Vec<_> = legacy_abi()
            .enum_cases("tensor_type")
            .unwrap()
            .iter()
            .map(|c| element_bytes(c))
            .collect();
        assert_eq!(
            sizes,
            [2, 4, 8, 1, 4, 8].map(Some),
            "f16 f32 f64 u8 i32 i64"
        );
        assert_eq!(element_bytes("string"), None);
        assert_eq!(element_bytes("u0"), None);
        assert_eq!(element_bytes("i12"), None);
    }

    #[test]
    fn the_error_table_maps_every_error_code_of_every_version_to_an_errno() {
        let errnos = legacy_abi().enum_cases("nn_errno").unwrap();
        for version in WasiNnVersion::ALL {
            let codes = version.wit().enum_cases("error-code").unwrap();
            let keys: Vec<_> = ERRNO_FOR_ERROR_CODE.iter().map(|(c, _)| *c).collect();
            assert_eq!(keys, codes, "{version}: the table in numbering order");
        }
        for (code, errno) in ERRNO_FOR_ERROR_CODE {
            assert!(errnos.iter().any(|e| e == errno), "{code} → {errno}");
        }
    }
}
