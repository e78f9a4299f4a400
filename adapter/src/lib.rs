//! `wasi_ephemeral_nn` adapter module.
//!
//! Built for `wasm32-unknown-unknown`, this crate is a wit-component *adapter
//! module*: it exports the six functions of the legacy WITX ABI
//! (`witx/wasi_ephemeral_nn.witx`) and implements them with the WIT imports
//! of `wasi:nn@0.2.0-rc-2024-10-28` (`wit/0.2.0-rc-2024-10-28/wasi-nn.wit`). wit-component links
//! it between a legacy core module and those imports, so an unchanged legacy
//! guest becomes a component.
//!
//! Layout:
//! * [`convert`], [`blocks`] and [`pages`] are pure (`core` only) and
//!   unit-tested on the host: the enum and error tables, the arena's block
//!   sizes and free-list choice, and the map of the adapter's pages.
//! * [`names`] (the `nn-model-names` crate in `adapter/names/`, shared with
//!   nn-componentize) reads tensor names from IR XML and ONNX into the
//!   compact name table; its [`nodata`] helpers replace `core`'s where those
//!   would bring data segments.
//! * `wasm` (wasm32 only) holds the exports, the hand-written canonical-ABI
//!   imports and the run-time state.
//!
//! The shape constraints of an adapter (no data or element segments, no
//! tables, no start function, imported memory, mutable globals only) are
//! checked on the built bytes by `nn-adapter-verify`; docs/adapter.md
//! describes the semantics.
// `no_std` only where it matters: the host build (unit tests, clippy) links
// std for its panic handler and test harness.
#![cfg_attr(target_arch = "wasm32", no_std)]

pub mod blocks;
pub mod convert;
pub mod pages;
/// The tensor-name readers and table, shared with nn-componentize.
pub use nn_model_names as names;
pub use nn_model_names::nodata;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
