//! What a guest can make the host hold, through `nn_host::Runner`: handles
//! it never frees, and one registry shared by threads.

mod common;

use common::{component, expected_softmax, nn_version, softmax_model_dir, softmax_rounds};
use nn_host::{GraphEncoding, Registry, RunConfig, Runner};
use std::sync::Arc;

/// A command of the newest `wasi:nn` version whose `run` body is `body`;
/// `load-by-name`, `init-execution-context` and the tensor constructor are
/// imported, and the name at address 64 is `softmax`.
fn nn_command(body: &str) -> Vec<u8> {
    let v = nn_version(false);
    let world = format!(
        "world nn-command {{\n  import wasi:nn/graph@{v};\n  import wasi:nn/tensor@{v};\n  export wasi:cli/run@0.2.0;\n}}\n"
    );
    let wat = format!(
        r#"(module
  (import "wasi:nn/graph@{v}" "load-by-name" (func $load_by_name (param i32 i32 i32)))
  (import "wasi:nn/graph@{v}" "[method]graph.init-execution-context" (func $init (param i32 i32)))
  (import "wasi:nn/tensor@{v}" "[constructor]tensor" (func $new_tensor (param i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "softmax")
  (func (export "wasi:cli/run@0.2.0#run") (result i32) (local $n i32) (local $graph i32)
    {body}))"#
    );
    component(&world, "nn-command", &wat, &[])
}

/// Creates `count` empty U8 tensors and never drops them.
fn tensor_hoarder(count: u32) -> Vec<u8> {
    nn_command(&format!(
        r#"(local.set $n (i32.const {count}))
    (loop $again
      (drop (call $new_tensor (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 0) (i32.const 0)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $again (local.get $n)))
    (i32.const 0)"#
    ))
}

/// Loads `softmax` by name and creates `count` contexts on it without
/// dropping any: ok when all were created, err at the first error.
fn context_hoarder(count: u32) -> Vec<u8> {
    nn_command(&format!(
        r#"(call $load_by_name (i32.const 64) (i32.const 7) (i32.const 16))
    (if (i32.load8_u (i32.const 16)) (then (return (i32.const 1))))
    (local.set $graph (i32.load (i32.const 20)))
    (local.set $n (i32.const {count}))
    (loop $again
      (call $init (local.get $graph) (i32.const 32))
      (if (i32.load8_u (i32.const 32)) (then (return (i32.const 1))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $again (local.get $n)))
    (i32.const 0)"#
    ))
}

fn softmax_registry() -> Arc<Registry> {
    let runner_backends = nn_host::Backends::available();
    let mut registry = Registry::new();
    registry
        .preload(
            &runner_backends,
            "softmax",
            GraphEncoding::Openvino,
            softmax_model_dir().path(),
        )
        .unwrap();
    Arc::new(registry)
}

#[test]
fn a_guest_may_hold_more_handles_than_wasmtimes_default() {
    // Wasmtime's default store limit is 100,000 live handles.
    let outcome = Runner::new()
        .unwrap()
        .run(
            &tensor_hoarder(150_000),
            &RunConfig {
                capture_output: true,
                ..RunConfig::default()
            },
        )
        .unwrap();
    assert_eq!(
        outcome.exit_code,
        0,
        "{}",
        String::from_utf8_lossy(&outcome.stderr)
    );
    assert_eq!(outcome.live_nn_resources, 150_000);
}

#[test]
fn contexts_never_freed_stay_within_the_limits() {
    let runner = Runner::new().unwrap();
    let hoarder = context_hoarder(100_000);
    let config = RunConfig {
        capture_output: true,
        registry: Some(softmax_registry()),
        ..RunConfig::default()
    };
    // About 4.5 KiB each: 100,000 fit the 4 GiB of an uncapped guest.
    let outcome = runner.run(&hoarder, &config).unwrap();
    assert_eq!(
        outcome.exit_code,
        0,
        "{}",
        String::from_utf8_lossy(&outcome.stderr)
    );
    assert_eq!(outcome.live_nn_resources, 100_001);
    // Under --max-memory 64 MiB the guest gets an error at the cap.
    let capped = RunConfig {
        max_memory: Some(64 << 20),
        ..config
    };
    let outcome = runner.run(&hoarder, &capped).unwrap();
    assert_eq!(
        outcome.exit_code,
        1,
        "{}",
        String::from_utf8_lossy(&outcome.stderr)
    );
    let contexts = (64 << 20) / nn_host::CONTEXT_BYTES;
    // The graph, the contexts and the error.
    assert_eq!(outcome.live_nn_resources, 1 + contexts + 1);
}

/// Issue 10, "under load": 8 threads run 1,000 rounds each through one
/// runner and one preloaded registry, and every thread's outputs are the
/// bytes a single-threaded run produced, which are the model's softmax.
#[test]
fn eight_threads_share_one_registry_with_identical_outputs() {
    const ROUNDS: u32 = 1_000;
    const THREADS: usize = 8;
    let runner = Runner::new().unwrap();
    let guest = softmax_rounds(ROUNDS);
    let config = RunConfig {
        capture_output: true,
        registry: Some(softmax_registry()),
        ..RunConfig::default()
    };
    let run = || {
        let outcome = runner.run(&guest, &config).unwrap();
        assert_eq!(
            outcome.exit_code,
            0,
            "{}",
            String::from_utf8_lossy(&outcome.stderr)
        );
        outcome.stdout
    };
    let reference = run();
    assert_eq!(reference.len(), ROUNDS as usize * 40);
    for (round, row) in reference.chunks(40).enumerate() {
        let found = row
            .chunks(4)
            .map(|b| f32::from_le_bytes(b.try_into().unwrap()));
        for (found, expected) in found.zip(expected_softmax(round as u32)) {
            assert!((found - expected).abs() < 1e-5, "round {round}: {row:?}");
        }
    }
    let outputs = std::thread::scope(|scope| {
        let threads = (0..THREADS).map(|_| scope.spawn(run)).collect::<Vec<_>>();
        threads
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect::<Vec<_>>()
    });
    for (thread, output) in outputs.iter().enumerate() {
        assert!(*output == reference, "thread {thread}: outputs differ");
    }
}
