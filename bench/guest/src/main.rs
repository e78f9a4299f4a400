//! The benchmark guest: a plain legacy wasi-nn program (crates.io `wasi-nn`
//! 0.6.0, `wasi_ephemeral_nn` imports) built for wasm32-wasip1.
//!
//! Usage: nn-bench-guest <model.xml> <model.bin> <dims, e.g. 1x10> <out-bytes> <rounds> <seed | file:PATH>
//!
//! It loads an OpenVINO IR from files in a preopened directory, fills one f32
//! input tensor from a seeded generator or from a raw tensor file (the native
//! variant uses the same input), then runs `rounds` rounds of set_input + compute + get_output, timing
//! each with `std::time::Instant`. It prints one machine-readable line:
//!
//! `NNBENCH key=value key=value ...`
//!
//! Times are nanoseconds; `set_ns`, `compute_ns` and `get_ns` are the
//! medians of a round's three calls, each timed on its own; `pages_*` are
//! `memory.size` (64 KiB pages) after the first round and after the last one.
//!
//! With `NNBENCH_LOCKSTEP=k` set, the guest's steps come in turns: it reads
//! one byte `n` from stdin, takes `n` steps and writes a `.` to stdout,
//! until all are done. Its first `k` steps each load the graph and create
//! an execution context (`k` compilations of the model); then the rounds
//! take the contexts in rotation. The bench runs the variants' guests side
//! by side and hands out the turns (`bench/src/lockstep.rs`). The waits and
//! the dots are outside the timed steps; `load_ns` and `init_ns` are the
//! first graph's.

mod inputs;
mod turns;

use inputs::{f32_from_le_bytes, seeded_f32};
use std::time::Instant;
use turns::Turns;
use wasi_nn::{ExecutionTarget, Graph, GraphBuilder, GraphEncoding, TensorType};

fn arg(args: &[String], i: usize, what: &str) -> String {
    match args.get(i) {
        Some(a) => a.clone(),
        None => fail(what, "missing argument"),
    }
}

fn fail(what: &str, err: impl std::fmt::Display) -> ! {
    eprintln!("nn-bench-guest: {what}: {err}");
    std::process::exit(2)
}

#[cfg(target_arch = "wasm32")]
fn pages() -> usize {
    core::arch::wasm32::memory_size(0)
}
#[cfg(not(target_arch = "wasm32"))]
fn pages() -> usize {
    0
}

/// The guest's turns in lockstep, on its stdin and stdout.
type StdTurns = Turns<std::io::Stdin, std::io::Stdout>;

/// In lockstep: waits for a turn, if the last one is used up.
fn before_step(turns: &mut Option<StdTurns>) {
    if let Some(turns) = turns {
        turns
            .before_step()
            .unwrap_or_else(|e| fail("waiting for a turn", e));
    }
}

/// In lockstep: ends the turn, if that was its last step.
fn after_step(turns: &mut Option<StdTurns>) {
    if let Some(turns) = turns {
        turns
            .after_step()
            .unwrap_or_else(|e| fail("ending a turn", e));
    }
}

fn ns(d: std::time::Duration) -> u64 {
    d.as_nanos() as u64
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let xml = arg(&args, 1, "model.xml");
    let bin = arg(&args, 2, "model.bin");
    let dims: Vec<usize> = arg(&args, 3, "dims")
        .split('x')
        .map(|d| d.parse().unwrap_or_else(|e| fail("dims", e)))
        .collect();
    let out_bytes: usize = arg(&args, 4, "out-bytes")
        .parse()
        .unwrap_or_else(|e| fail("out-bytes", e));
    let rounds: usize = arg(&args, 5, "rounds")
        .parse()
        .unwrap_or_else(|e| fail("rounds", e));
    let source = arg(&args, 6, "seed or file:PATH");
    if rounds == 0 {
        fail("rounds", "must be at least 1");
    }

    let len: usize = dims.iter().product();
    let input = match source.strip_prefix("file:") {
        Some(path) => {
            let input = f32_from_le_bytes(&std::fs::read(path).unwrap_or_else(|e| fail(path, e)));
            if input.len() != len {
                fail(
                    path,
                    format!("{} f32 values, the dims make {len}", input.len()),
                );
            }
            input
        }
        None => seeded_f32(source.parse().unwrap_or_else(|e| fail("seed", e)), len),
    };
    let mut output = vec![0f32; out_bytes.div_ceil(4)];

    let mut turns = std::env::var_os("NNBENCH_LOCKSTEP").map(|graphs| {
        let graphs = graphs.to_string_lossy();
        match graphs.parse() {
            Ok(graphs) if graphs > 0 => Turns::new(graphs, std::io::stdin(), std::io::stdout()),
            _ => fail(
                "NNBENCH_LOCKSTEP",
                format!("{graphs:?} is not a number of graphs"),
            ),
        }
    });
    let pages_start = pages();
    let (mut load_ns, mut init_ns) = (0, 0);
    let mut contexts = Vec::new();
    for i in 0..turns.as_ref().map_or(1, |t| t.graphs) {
        before_step(&mut turns);
        let t = Instant::now();
        // The contexts borrow their graphs, which live as long as the guest.
        let graph: &'static Graph = Box::leak(Box::new(
            GraphBuilder::new(GraphEncoding::Openvino, ExecutionTarget::CPU)
                .build_from_files([&xml, &bin])
                .unwrap_or_else(|e| fail("load", e)),
        ));
        let loaded = ns(t.elapsed());
        let t = Instant::now();
        let ctx = graph
            .init_execution_context()
            .unwrap_or_else(|e| fail("init_execution_context", e));
        if i == 0 {
            (load_ns, init_ns) = (loaded, ns(t.elapsed()));
        }
        contexts.push(ctx);
        after_step(&mut turns);
    }

    let mut times = Vec::with_capacity(rounds);
    let mut phases: Vec<[u64; 3]> = Vec::with_capacity(rounds);
    let mut written = 0;
    let mut pages_after_first = 0;
    for i in 0..rounds {
        before_step(&mut turns);
        let graphs = contexts.len();
        let ctx = &mut contexts[i % graphs];
        let t = Instant::now();
        ctx.set_input(0, TensorType::F32, &dims, &input)
            .unwrap_or_else(|e| fail("set_input", e));
        let set = Instant::now();
        ctx.compute().unwrap_or_else(|e| fail("compute", e));
        let computed = Instant::now();
        written = ctx
            .get_output(0, &mut output)
            .unwrap_or_else(|e| fail("get_output", e));
        let end = Instant::now();
        times.push(ns(end - t));
        phases.push([ns(set - t), ns(computed - set), ns(end - computed)]);
        if i == 0 {
            pages_after_first = pages();
        }
        after_step(&mut turns);
    }
    let pages_end = pages();

    let checksum: f64 = output[..written / 4].iter().map(|&x| x as f64).sum();
    let first_ns = times[0];
    let mut sorted = times.clone();
    sorted.sort_unstable();
    let pct = |p: usize| sorted[(sorted.len() - 1) * p / 100];
    let total: u64 = times.iter().sum();
    let phase_median = |i: usize| {
        let mut phase: Vec<u64> = phases.iter().map(|p| p[i]).collect();
        phase.sort_unstable();
        phase[(phase.len() - 1) / 2]
    };
    println!(
        "NNBENCH rounds={rounds} load_ns={load_ns} init_ns={init_ns} first_ns={first_ns} \
         median_ns={} p10_ns={} p90_ns={} min_ns={} mean_ns={} \
         set_ns={} compute_ns={} get_ns={} \
         pages_start={pages_start} pages_before={pages_after_first} pages_after={pages_end} \
         out_bytes={written} checksum={checksum:.6e}",
        pct(50),
        pct(10),
        pct(90),
        sorted[0],
        total / rounds as u64,
        phase_median(0),
        phase_median(1),
        phase_median(2),
    );
}
