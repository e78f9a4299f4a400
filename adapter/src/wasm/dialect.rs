//! The guest's dialect: how to read its enums and write its errnos.
//!
//! The tables are not compiled in: nn-componentize replaces the import
//! below with a function returning the packed tables of the dialect it was
//! asked for (`nn_adapter_verify::Dialect`, which also fixes the table
//! numbers below), so one adapter build serves every dialect.

use crate::convert;

#[link(wasm_import_module = "nn-componentize")]
extern "C" {
    /// The packed table numbered `table` (see [`convert::nibble`]).
    #[link_name = "dialect-table"]
    fn dialect_table(table: u32) -> u64;
}

/// Table numbers (`nn_adapter_verify::DialectTable`).
const TENSOR_TYPES: u32 = 0;
const GRAPH_ENCODINGS: u32 = 1;
const EXECUTION_TARGETS: u32 = 2;
const ERRNOS: u32 = 3;

/// Entry `value` of table `table`, [`NONE`] for no counterpart. Not
/// inlined: one call site per use costs less than the import call and the
/// nibble arithmetic each time; a plain `u32` answer needs no memory.
#[inline(never)]
fn lookup(table: u32, value: u32) -> u32 {
    // SAFETY: a generated function without side effects.
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
    entry(TENSOR_TYPES, legacy)
}

/// The guest's `graph_encoding` as a WIT `graph-encoding`.
pub fn graph_encoding(legacy: u32) -> Option<u32> {
    entry(GRAPH_ENCODINGS, legacy)
}

/// The guest's `execution_target` as a WIT `execution-target`.
pub fn execution_target(legacy: u32) -> Option<u32> {
    entry(EXECUTION_TARGETS, legacy)
}

/// An errno the adapter computed (current WITX numbering) in the guest's
/// numbering. Every dialect maps every current errno (a unit test of
/// `nn_adapter_verify` checks it), so the fallback is never taken.
pub fn errno(current: u32) -> u32 {
    entry(ERRNOS, current).unwrap_or(current)
}
