//! The guest's dialect: how to read its enums and write its errnos.
//!
//! The tables are not compiled in: nn-componentize replaces the import
//! below with a function returning the packed tables of the dialect it was
//! asked for (`nn_abi::Dialect`, which also numbers the tables), so one
//! adapter build serves every dialect.

use super::bake_import::dialect_table;
use crate::convert::{self, dialect_table::*};

/// Entry `value` of table `table`, [`NONE`] for no counterpart. Not
/// inlined: one call site per use costs less than the import call and the
/// nibble arithmetic each time; a plain `u32` answer needs no memory.
#[inline(never)]
fn lookup(table: u32, value: u32) -> u32 {
    // SAFETY: a generated function without side effects; it returns the
    // packed table numbered `table` (see [`convert::nibble`]).
    convert::nibble(unsafe { dialect_table(table) }, value).unwrap_or(NONE)
}

/// [`lookup`]'s answer for "no counterpart" (no entry is 16).
const NONE: u32 = 16;

/// [`lookup`] as an `Option`, made at the call site.
#[inline(always)]
fn entry(table: u32, value: u32) -> Option<u32> {
    let entry = lookup(table, value);
    (entry != NONE).then_some(entry)
}

/// The guest's `tensor_type` as a WIT `tensor-type`.
pub fn tensor_type(legacy: u32) -> Option<u32> {
    entry(TENSOR_TYPE, legacy)
}

/// The guest's `graph_encoding` as a WIT `graph-encoding`.
pub fn graph_encoding(legacy: u32) -> Option<u32> {
    entry(GRAPH_ENCODING, legacy)
}

/// The guest's `execution_target` as a WIT `execution-target`.
pub fn execution_target(legacy: u32) -> Option<u32> {
    entry(EXECUTION_TARGET, legacy)
}

/// Whether the guest is WasmEdge's: only the `wasmedge` dialect has
/// WasmEdge's `model_not_found` (`nn_abi::Dialect`).
pub fn is_wasmedge() -> bool {
    entry(WASMEDGE_ERRNO, convert::ggml::MODEL_NOT_FOUND - 100).is_some()
}

/// An errno the adapter computed (current WITX numbering) in the guest's
/// numbering. Every dialect maps every current errno (a unit test of
/// `nn_abi` checks it), so the fallback is never taken.
pub fn errno(current: u32) -> u32 {
    entry(NN_ERRNO, current).unwrap_or(current)
}
