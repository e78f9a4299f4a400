//! The CLI at its edges: odd output targets, signals, huge or hostile input,
//! modules that wit-component would reject with its own words.

use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_nn-componentize");

/// Uses one wasi-nn function and preview1; `_start`, memory `memory`.
const COMMAND: &str = r#"(module
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start") (drop (call $compute (i32.const 0))))
)"#;

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("cannot run nn-componentize")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh directory holding `input` as `name`.
fn dir_with(name: &str, input: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("cannot create a temp dir");
    std::fs::write(dir.path().join(name), input).expect("cannot write input");
    dir
}

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("cannot list dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Runs `nn-componentize` on `module.wat` holding `wat` and expects exit
/// code 1 with an error line containing `expected`.
fn assert_componentize_fails(wat: &str, args: &[&str], expected: &str) {
    let dir = dir_with("module.wat", wat.as_bytes());
    let mut all = vec!["module.wat", "-o", "out.wasm"];
    all.extend_from_slice(args);
    let output = run(&all, dir.path());
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: module.wat: ") && stderr.contains(expected),
        "expected `error: module.wat: ...{expected}...`, got: {stderr}"
    );
    assert_eq!(names(dir.path()), ["module.wat"], "a file was left behind");
}

#[test]
fn features_runtimes_leave_off_are_rejected() {
    // Legacy exceptions (`try`): wit-component validates with every feature
    // on, Wasmtime and wasmparser's defaults do not accept it.
    let wat = COMMAND.replace(
        "(func (export \"_start\")",
        "(func try catch_all end)\n  (func (export \"_start\")",
    );
    assert_componentize_fails(
        &wat,
        &[],
        "not a valid WebAssembly module: legacy_exceptions feature required for try instruction",
    );
}
