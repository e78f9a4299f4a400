//! The wasm32-only half of the adapter.
//!
//! Everything is reached through exported `extern "C"` functions; there are
//! no Rust `static`s with data (a `static` would become a data segment, or a
//! start function that clears it), no string literals, no function pointers
//! and no formatted panics.

mod arena;
mod baked;
mod dialect;
mod host;
mod legacy;
mod state;
mod wasmedge;

/// The WIT target's inference calls, chosen at build time (cargo feature
/// `wit-2024-08-19`); both offer the same items to `legacy`.
#[cfg_attr(not(feature = "wit-2024-08-19"), path = "inference/compute_list.rs")]
#[cfg_attr(feature = "wit-2024-08-19", path = "inference/stateful.rs")]
mod inference;

/// Panics cannot happen on any path reachable from guest input (every index
/// and slice is checked); if one did, trapping is the only option in an
/// adapter, and a handler that ignores its argument keeps panic messages out
/// of the module.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
