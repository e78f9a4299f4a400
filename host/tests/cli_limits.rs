//! `nn-host run` at its limits: timeouts that hold in host calls and take
//! any value, components that are not commands (componentized reactors
//! included), empty names.

mod common;

use common::{component, nn_host, stderr, write};
use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The slices of WASI preview2 the guests below import (a component may
/// import a subset of an interface).
fn wasi_wit() -> Vec<String> {
    vec![
        r#"package wasi:io@0.2.0;
interface poll { resource pollable { block: func(); } }
interface error { resource error; }
interface streams {
  use error.{error};
  resource input-stream { blocking-read: func(len: u64) -> result<list<u8>, stream-error>; }
  variant stream-error { last-operation-failed(error), closed }
}
"#
        .to_string(),
        r#"package wasi:clocks@0.2.0;
interface monotonic-clock {
  use wasi:io/poll@0.2.0.{pollable};
  subscribe-duration: func(when: u64) -> pollable;
}
"#
        .to_string(),
    ]
}

/// A command sleeping `times` × `nanos` (subscribe-duration, then block).
fn sleeper(nanos: u64, times: u32) -> Vec<u8> {
    let world = "world sleeper {\n  import wasi:clocks/monotonic-clock@0.2.0;\n  import wasi:io/poll@0.2.0;\n  export wasi:cli/run@0.2.0;\n}\n";
    let wat = format!(
        r#"(module
  (import "wasi:clocks/monotonic-clock@0.2.0" "subscribe-duration" (func $subscribe (param i64) (result i32)))
  (import "wasi:io/poll@0.2.0" "[method]pollable.block" (func $block (param i32)))
  (import "wasi:io/poll@0.2.0" "[resource-drop]pollable" (func $drop (param i32)))
  (memory (export "memory") 1)
  (func (export "wasi:cli/run@0.2.0#run") (result i32)
    (local $left i32) (local $pollable i32)
    (local.set $left (i32.const {times}))
    (loop $again
      (local.set $pollable (call $subscribe (i64.const {nanos})))
      (call $block (local.get $pollable))
      (call $drop (local.get $pollable))
      (local.set $left (i32.sub (local.get $left) (i32.const 1)))
      (br_if $again (local.get $left)))
    (i32.const 0)))"#
    );
    component(world, "sleeper", &wat, &wasi_wit()[..2])
}

/// A command reading stdin until it ends.
fn stdin_reader() -> Vec<u8> {
    let extra = vec![
        wasi_wit()[0].clone(),
        r#"package wasi:cli@0.2.0;
interface run { run: func() -> result; }
interface stdin {
  use wasi:io/streams@0.2.0.{input-stream};
  get-stdin: func() -> input-stream;
}
"#
        .to_string(),
    ];
    let world = "world reader {\n  import wasi:cli/stdin@0.2.0;\n  import wasi:io/streams@0.2.0;\n  export wasi:cli/run@0.2.0;\n}\n";
    let wat = r#"(module
  (import "wasi:cli/stdin@0.2.0" "get-stdin" (func $stdin (result i32)))
  (import "wasi:io/streams@0.2.0" "[method]input-stream.blocking-read" (func $read (param i32 i64 i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $ptr i32)
    (local.set $ptr (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (local.get 3)))
    (local.get $ptr))
  (func (export "wasi:cli/run@0.2.0#run") (result i32)
    (local $stream i32)
    (local.set $stream (call $stdin))
    (loop $again
      (global.set $heap (i32.const 1024))
      (call $read (local.get $stream) (i64.const 16) (i32.const 16))
      (br_if $again (i32.eqz (i32.load8_u (i32.const 16)))))
    (i32.const 0)))"#;
    component(world, "reader", wat, &extra)
}

#[test]
fn timeout_ends_a_guest_sleeping_in_a_host_call() {
    let work = tempfile::tempdir().unwrap();
    let hour = write(work.path(), "hour.wasm", &sleeper(3_600_000_000_000, 1));
    let started = Instant::now();
    let out = nn_host(work.path(), &["run", "--timeout", "1", &hour]);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(
        out.status.code(),
        Some(nn_host::TRAP_EXIT_CODE),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("timeout of 1s"), "{}", stderr(&out));
}

#[test]
fn timeout_ends_a_guest_blocked_reading_stdin() {
    let work = tempfile::tempdir().unwrap();
    let reader = write(work.path(), "reader.wasm", &stdin_reader());
    // Stdin stays open and empty until the process ends.
    let mut child = Command::new(env!("CARGO_BIN_EXE_nn-host"))
        .current_dir(work.path())
        .args(["run", "--timeout", "1", &reader])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let started = Instant::now();
    let out = child.wait_with_output().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    drop(stdin);
    assert_eq!(
        out.status.code(),
        Some(nn_host::TRAP_EXIT_CODE),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("timeout of 1s"), "{}", stderr(&out));

    // The same guest ends normally once its input ends.
    let mut child = Command::new(env!("CARGO_BIN_EXE_nn-host"))
        .current_dir(work.path())
        .args(["run", "--timeout", "20", &reader])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"some input")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn huge_timeouts_do_not_wrap_around() {
    let work = tempfile::tempdir().unwrap();
    // 50 × 100 ms, checking the epoch at each loop back-edge: 5 s in all,
    // past the ~3.9 s that 184467440737095520 s used to wrap around to.
    let naps = write(work.path(), "naps.wasm", &sleeper(100_000_000, 50));
    let out = nn_host(
        work.path(),
        &["run", "--timeout", "184467440737095520", &naps],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for bad in ["-1", "nan", "1e400", "x"] {
        let out = nn_host(work.path(), &["run", &format!("--timeout={bad}"), &naps]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("--timeout"),
            "{bad}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_component_that_is_not_a_command_is_named_so() {
    let work = tempfile::tempdir().unwrap();
    let reactor = component(
        "world reactor {\n  export answer: func() -> u32;\n}\n",
        "reactor",
        r#"(module (func (export "answer") (result i32) (i32.const 42)))"#,
        &[],
    );
    let reactor = write(work.path(), "reactor.wasm", &reactor);
    let out = nn_host(work.path(), &["run", &reactor]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is not a command: it exports no `wasi:cli/run`"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("exports: answer"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("trapped"), "{}", stderr(&out));
}

/// Issue 10: a legacy wasi-nn module without `_start`, componentized by
/// nn-componentize (the reactor adapter), is refused as not a command,
/// with what is missing, rather than run and reported as a trap (134).
#[test]
fn a_componentized_reactor_is_named_so() {
    let legacy = wat::parse_str(
        r#"(module
  (import "wasi_ephemeral_nn" "load_by_name" (func $load_by_name (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "softmax")
  (func (export "load") (result i32) (call $load_by_name (i32.const 64) (i32.const 7) (i32.const 16))))"#,
    )
    .unwrap();
    // Kind::Auto picks the reactor adapter, as for `nn-componentize` on
    // a module without `_start`.
    let reactor = nn_componentize::Componentizer::new()
        .componentize(&legacy)
        .unwrap();
    let work = tempfile::tempdir().unwrap();
    let reactor = write(work.path(), "reactor.wasm", &reactor);
    let out = nn_host(work.path(), &["run", "--no-cache", &reactor]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    for says in [
        "is not a command: it exports no `wasi:cli/run`",
        "exports: none",
        "exports `_start`",
    ] {
        assert!(stderr(&out).contains(says), "{says}: {}", stderr(&out));
    }
    assert!(!stderr(&out).contains("trapped"), "{}", stderr(&out));
}

#[test]
fn empty_names_are_refused() {
    let work = tempfile::tempdir().unwrap();
    for (flag, value, says) in [
        ("--graph", "=openvino::/models", "non-empty graph NAME"),
        ("--env", "=x", "non-empty variable name"),
        ("--env", "=", "non-empty variable name"),
        ("--env", "", "non-empty variable name"),
    ] {
        let out = nn_host(work.path(), &["run", flag, value, "guest.wasm"]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{flag} {value}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains(says),
            "{flag} {value}: {}",
            stderr(&out)
        );
    }
}
