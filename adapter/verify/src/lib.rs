//! Shape checks for the `wasi_ephemeral_nn` adapter module, the committed
//! adapter bytes, and the ABI facts both sides of it are derived from.
//!
//! wit-component accepts an adapter module only in a restricted shape, and
//! some mistakes (a stripped name section, a data segment, an import whose
//! core type disagrees with the WIT) only show at run time or in a confusing
//! encoder error. [`verify`] checks the built bytes up front:
//! * imports: functions that the package of the target's [`WitTarget`]
//!   (`wit/<version>/wasi-nn.wit`) defines, under the names and with the core types
//!   wit-component derives from it, `cabi_realloc` from
//!   `__main_module__`, and `nn-componentize::baked-names` and
//!   `nn-componentize::dialect-table` (see [`bake`]); exactly one memory; no tables, globals or tags;
//! * no defined memory, no tables, no data or element segments, no start
//!   function; every defined global mutable (state lives in memory obtained at
//!   run time, its pointer in a global);
//! * exports: exactly the functions of [`legacy_abi`] (`witx/`, WasmEdge's
//!   additions included) with their WITX core types, plus
//!   `cabi_import_realloc`;
//! * a `component-type` custom section (the WIT world wit-component merges)
//!   and a `name` section naming every defined global (wit-component finds
//!   `__stack_pointer` and `allocation_state` by name).

mod baked;
mod dialect;
mod finish;
mod legacy_abi;
mod verify;
mod wit_target;

pub use baked::{
    bake, baked_names_type, dialect_table_type, GraphNames, NameTable, BAKED_NAMES_FUNCTION,
    BAKED_NAMES_MODULE, DIALECT_TABLE_FUNCTION,
};
pub use dialect::{Dialect, DialectTable, Entry};
pub use finish::finish;
pub use legacy_abi::{legacy_abi, LegacyAbi, LegacyFunction};
pub use verify::verify;
pub use wit_target::{WasiNnVersion, WitTarget};

/// Largest acceptable artifact (an issue requirement: under 12 KiB).
pub const MAX_SIZE: usize = 12 * 1024;
