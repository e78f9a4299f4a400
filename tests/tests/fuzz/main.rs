//! Seeded, deterministic fuzzing on stable Rust (cargo-fuzz needs nightly):
//!
//! - `componentize`: generated and mutated core modules through
//!   `nn_componentize::Componentizer`; it must return `Ok` or `Err`, never
//!   panic, and every `Ok` must be a valid component;
//! - `calls`: generated legacy call sequences, valid and hostile, including
//!   malformed models, run on the reference (upstream's WITX host) and,
//!   componentized, on nn-host; the outputs must be equal except in the
//!   documented classes of docs/testing.md, each recognised explicitly.
//!
//! `cargo test` runs a small fixed number of iterations of each; see
//! docs/testing.md for the long mode (`NN_FUZZ_ITERS`) and for replaying
//! one failing seed (`NN_FUZZ_SEED`).

#![allow(
    unused_macros,
    reason = "guests.rs also defines foreach_error_case!, unused here"
)]

// `foreach_rust_guest!` (used by the harness) and `foreach_error_case!`.
include!(concat!(env!("OUT_DIR"), "/guests.rs"));

#[path = "../differential/harness.rs"]
#[allow(
    dead_code,
    reason = "shared with the differential tests, which use all of it"
)]
mod harness;
/// The guests' photo preprocessing, which the harness uses to write the
/// classifiers' input.
#[path = "../../guests/src/photo.rs"]
#[allow(dead_code, reason = "the guests use all of it, the harness a part")]
mod photo;

mod calls;
mod componentize;
mod rng;
