//! The `wasi_ephemeral_nn` adapter artifacts and what is done to them.
//!
//! * [`artifact`] and [`adapter`]: the committed bytes of each
//!   [`WasiNnVersion`], as built and as wit-component takes them;
//! * [`finish`]: the last step of `adapter/build.sh`;
//! * [`verify`]: the shape wit-component requires, checked on the built
//!   bytes;
//! * [`bake`]: the tensor names and dialect tables nn-componentize puts into
//!   an adapter.
//!
//! wit-component accepts an adapter module only in a restricted shape, and
//! some mistakes (a stripped name section, a data segment, an import whose
//! core type disagrees with the WIT) only show at run time or in a confusing
//! encoder error. [`verify`] checks the built bytes up front:
//! * imports: functions that the package of the target's `WitTarget`
//!   (`wit/<version>/wasi-nn.wit`) defines, under the names and with the core types
//!   wit-component derives from it, `cabi_realloc` from
//!   `__main_module__`, and the [`nn_abi::bake_import`]s (see [`bake`]);
//!   exactly one memory; no tables, globals or tags;
//! * no defined memory, no tables, no data or element segments, no start
//!   function; every defined global mutable (state lives in memory obtained at
//!   run time, its pointer in a global);
//! * exports: exactly the functions of [`nn_abi::legacy_abi`] (`witx/`,
//!   WasmEdge's additions included) with their WITX core types, plus
//!   `cabi_import_realloc`;
//! * a `component-type` custom section (the WIT world wit-component merges)
//!   and a `name` section naming every defined global (wit-component finds
//!   `__stack_pointer` and `allocation_state` by name).
//!
//! Every ABI fact these rely on comes from `nn-abi`.

mod artifacts;
mod bake;
mod finish;
mod verify;

pub use artifacts::{adapter, artifact};
pub use bake::{bake, GraphNames, NameTable};
pub use finish::finish;
pub use verify::verify;

use nn_abi::WasiNnVersion;
