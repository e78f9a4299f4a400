//! Small helpers shared by the legacy guests: deterministic inputs and exact
//! printing. The guests themselves only talk to wasi-nn through the crates.io
//! `wasi-nn` 0.6.0 crate, the way legacy applications did; [`dialect`] has
//! programs built against each generation of the legacy crates.

pub mod dialect;
pub mod ggml;
pub mod photo;

/// Deterministic pseudo-random f32 values in [-2, 2) from a seed (xorshift32).
pub fn seeded_f32(seed: u32, len: usize) -> Vec<f32> {
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            // 16 bits of randomness, exactly representable in f32.
            ((state >> 16) as f32) / 16384.0 - 2.0
        })
        .collect()
}

/// Deterministic bytes from a seed.
pub fn seeded_u8(seed: u32, len: usize) -> Vec<u8> {
    seeded_f32(seed, len)
        .iter()
        .map(|v| ((v + 2.0) * 63.0) as u8)
        .collect()
}

/// Lower-case hex of bytes, no separators.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Little-endian bytes of f32 values.
pub fn f32_bytes(values: &[f32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Print a wasi-nn failure the same way in every guest and exit with 1.
pub fn fail(what: &str, e: wasi_nn::Error) -> ! {
    println!("{what} failed: {e}");
    std::process::exit(1)
}

/// Report input the program cannot use (a file it cannot read or decode)
/// on one line and exit with 1 (components report any failure as 1).
pub fn bad_input(message: &str) -> ! {
    println!("{message}");
    std::process::exit(1)
}

/// Loads the graph named by the arguments from index 1: `--by-name GRAPH`
/// (`load_by_name`) or a model file (`load`). Returns it with the index of
/// the first argument after it.
pub fn graph_from_args(
    args: &[String],
    encoding: wasi_nn::GraphEncoding,
) -> (wasi_nn::Graph, usize) {
    let builder = wasi_nn::GraphBuilder::new(encoding, wasi_nn::ExecutionTarget::CPU);
    let (graph, rest) = if args.get(1).map(String::as_str) == Some("--by-name") {
        let name: String = arg(args, 2, "graph name");
        (builder.build_from_cache(&name), 3)
    } else {
        let model: String = arg(args, 1, "model file");
        (builder.build_from_files([model]), 2)
    };
    (graph.unwrap_or_else(|e| fail("load", e)), rest)
}

/// Parse an argument or exit with 2.
pub fn arg<T: std::str::FromStr>(args: &[String], i: usize, what: &str) -> T {
    match args.get(i).map(|s| s.parse()) {
        Some(Ok(v)) => v,
        _ => {
            println!("usage: missing or bad argument {i} ({what})");
            std::process::exit(2)
        }
    }
}
