//! What one store lets a guest make the host hold, all derived from one
//! number: the cap on the guest's linear memory (`--max-memory`).
//!
//! Wasmtime's own defaults are fixed numbers (128 MiB copied out of the
//! guest per host call, 100,000 live component handles) that legacy guests
//! exceed: they cannot free graphs or contexts, and pass models and tensors
//! over 128 MiB. Tying every limit to the memory cap keeps one knob: a
//! guest allowed N bytes of memory may copy N bytes into the host in one
//! call, hold about N / [`HANDLE_BYTES`] handles, and receive N bytes of
//! outputs from one compute (no more could ever fit in its memory), and
//! hold about N / [`CONTEXT_BYTES`] execution contexts.

use wasmtime::Store;

/// The most a wasm32 linear memory can hold: the budget when no cap is set.
pub const WASM32_MEMORY_BYTES: usize = 1 << 32;
/// Host memory charged per live handle when sizing the handle limits.
pub const HANDLE_BYTES: usize = 1024;
/// Host memory charged per live execution context (an OpenVINO inference
/// request: about 4.5 KiB for a small model, more for bigger ones).
pub const CONTEXT_BYTES: usize = 16 * 1024;
/// Wasmtime 48's default hostcall fuel; no limit here is set below it.
const WASMTIME_HOSTCALL_FUEL: usize = 128 << 20;
/// Wasmtime 48's default live-handle limit; no limit here is set below it.
const WASMTIME_MAX_HANDLES: usize = 100_000;

/// The host-side limits of one store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostLimits {
    /// Bytes one host call may copy out of the guest (Wasmtime's hostcall
    /// fuel: a `load` of big weights, a big tensor).
    pub hostcall_bytes: usize,
    /// Live component-model handles in the store, and entries in each of
    /// its resource tables.
    pub handles: usize,
    /// Live execution contexts; past it `init-execution-context` returns a
    /// `too-large` error.
    pub contexts: usize,
    /// Bytes of outputs one `compute` may produce; past it the guest gets a
    /// `too-large` error before anything is allocated for them.
    pub output_bytes: usize,
}

impl HostLimits {
    /// The limits for a guest whose memories are capped at `max_memory`
    /// bytes (4 GiB, all a wasm32 memory holds, when `None`).
    pub fn for_max_memory(max_memory: Option<usize>) -> Self {
        let budget = max_memory.unwrap_or(WASM32_MEMORY_BYTES);
        HostLimits {
            hostcall_bytes: budget.max(WASMTIME_HOSTCALL_FUEL),
            handles: (budget / HANDLE_BYTES).max(WASMTIME_MAX_HANDLES),
            contexts: budget / CONTEXT_BYTES,
            output_bytes: budget,
        }
    }

    /// Sets the store-wide limits (hostcall fuel, live handles) on `store`;
    /// [`NnCtx::with_limits`](crate::NnCtx::with_limits) takes the rest.
    pub fn apply<T>(&self, store: &mut Store<T>) {
        store.set_hostcall_fuel(self.hostcall_bytes);
        store.set_max_component_handles(self.handles);
    }
}

impl Default for HostLimits {
    fn default() -> Self {
        HostLimits::for_max_memory(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_follow_the_memory_cap() {
        let none = HostLimits::for_max_memory(None);
        assert_eq!(none.hostcall_bytes, 1 << 32);
        assert_eq!(none.handles, (1 << 32) / HANDLE_BYTES);
        assert_eq!(none.contexts, (1 << 32) / CONTEXT_BYTES);
        assert_eq!(none.output_bytes, 1 << 32);
        let small = HostLimits::for_max_memory(Some(1 << 20));
        assert_eq!(small.hostcall_bytes, WASMTIME_HOSTCALL_FUEL);
        assert_eq!(small.handles, WASMTIME_MAX_HANDLES);
        assert_eq!(small.output_bytes, 1 << 20);
    }
}
