//! `inspect` and the conversion give one verdict: on the inputs that once
//! split them (`tests/inspect-disagree/`), on every wasm feature a legacy
//! module may use (docs/cli.md, "WebAssembly features"), and on names that
//! would break a message over lines.

mod common;

use common::{dir_with, stderr, stdout};
use std::path::{Path, PathBuf};

/// Both commands on `input` in `dir` (with `args`), which must refuse it
/// alike: exit code 1, the same single stderr line, no output file. Returns
/// that line and `inspect`'s report.
fn refused(dir: &Path, input: &str, args: &[&str]) -> (String, String) {
    let inspect = common::run(&[&["inspect", input], args].concat(), dir, None);
    let convert = common::run(&[&[input, "-o", "out.wasm"], args].concat(), dir, None);
    let line = stderr(&convert);
    assert_eq!(convert.status.code(), Some(1), "{input}: {line}");
    assert_eq!(
        inspect.status.code(),
        Some(1),
        "{input}: {}",
        stderr(&inspect)
    );
    assert_eq!(
        stderr(&inspect),
        line,
        "{input}: inspect and the conversion differ"
    );
    assert_eq!(line.lines().count(), 1, "{input}: {line}");
    assert!(
        line.starts_with(&format!("error: {input}: ")),
        "{input}: {line}"
    );
    let report = stdout(&inspect);
    assert!(
        report.ends_with("result: cannot be componentized (1 problem)\n"),
        "{input}: {report}"
    );
    assert!(
        !dir.join("out.wasm").exists(),
        "{input}: an output file was left"
    );
    (line, report)
}

/// Both commands on `input` in `dir`, which must accept it: `inspect` says
/// so and exits 0, and the conversion writes a valid component.
fn accepted(dir: &Path, input: &str) {
    let inspect = common::run(&["inspect", "--dialect", "wasi-nn-0.6", input], dir, None);
    assert_eq!(
        inspect.status.code(),
        Some(0),
        "{input}: {}",
        stderr(&inspect)
    );
    assert!(
        stdout(&inspect).ends_with("result: can be componentized\n"),
        "{input}: {}",
        stdout(&inspect)
    );
    let convert = common::run(
        &["--dialect", "wasi-nn-0.6", input, "-o", "out.wasm"],
        dir,
        None,
    );
    assert_eq!(
        convert.status.code(),
        Some(0),
        "{input}: {}",
        stderr(&convert)
    );
    let component = std::fs::read(dir.join("out.wasm")).unwrap();
    common::check_component(&component).unwrap_or_else(|e| panic!("{input}: {e:#}"));
}

/// The inputs of `tests/inspect-disagree/`, sorted.
fn reproducers() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inspect-disagree");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "wasm" || e == "wat"))
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn the_reproducers_are_refused_alike_in_one_line() {
    let inputs = reproducers();
    assert_eq!(inputs.len(), 11, "{inputs:?}");
    for path in inputs {
        let input = path.file_name().unwrap().to_str().unwrap();
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        let dir = dir_with(input, &std::fs::read(&path).unwrap());
        let (line, _) = refused(dir.path(), input, &[]);
        assert_eq!(line, format!("error: {input}: {expected}"));
    }
}

/// A legacy command importing `compute`, with `memory` and `extra` spliced in.
fn legacy(memory: &str, extra: &str) -> String {
    format!(
        r#"(module
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  {memory}
  (func (export "_start") (drop (call $compute (i32.const 0))))
  {extra})"#
    )
}

const MEMORY: &str = r#"(memory (export "memory") 1)"#;

/// For each feature of docs/cli.md's table, in its order, a use that the
/// adapters never see.
const FREE_USES: &[(&str, &str, &str)] = &[
    (
        "mutable-global",
        MEMORY,
        "(global $g (export \"g\") (mut i32) (i32.const 0)) (func (global.set $g (i32.const 1)))",
    ),
    (
        "nontrapping-float-to-int",
        MEMORY,
        "(func (result i32) (i32.trunc_sat_f32_s (f32.const 1e10)))",
    ),
    (
        "sign-extension-ops",
        MEMORY,
        "(func (result i32) (i32.extend8_s (i32.const 255)))",
    ),
    (
        "reference-types",
        MEMORY,
        "(table 1 funcref) (table 1 externref) (func (result i32) (table.size 1))",
    ),
    (
        "multi-value",
        MEMORY,
        "(func (result i32 i64) (i32.const 1) (i64.const 2))",
    ),
    (
        "bulk-memory",
        MEMORY,
        "(func (memory.fill (i32.const 0) (i32.const 1) (i32.const 8)))",
    ),
    (
        "simd",
        MEMORY,
        "(func (result v128) (i32x4.add (v128.const i32x4 1 2 3 4) (v128.const i32x4 1 1 1 1)))",
    ),
    (
        "relaxed-simd",
        MEMORY,
        "(func (result v128) (i32x4.relaxed_trunc_f32x4_s (v128.const f32x4 1 2 3 4)))",
    ),
    (
        "threads",
        // Atomics on the adapters' memory, and a shared memory of its own.
        r#"(memory (export "memory") 1) (memory $shared 1 1 shared)"#,
        "(func (result i32) (i32.atomic.load (i32.const 0)) (i32.atomic.load $shared (i32.const 0)) (i32.add))",
    ),
    (
        "tail-call",
        MEMORY,
        "(func $f (param i32) (result i32) (return_call $compute (local.get 0)))",
    ),
    (
        "floats",
        MEMORY,
        "(func (result f64) (f64.add (f64.const 1) (f64.const 2)))",
    ),
    (
        "multi-memory",
        // The adapters use the memory exported as `memory`, not memory 0.
        r#"(memory 1) (memory (export "memory") 1)"#,
        "(func (i32.store 1 (i32.const 0) (i32.load 0 (i32.const 0))))",
    ),
    (
        "exception-handling",
        MEMORY,
        "(tag $oops (param i32)) (func (result i32) (block $caught (result i32) \
         (try_table (catch $oops $caught) (throw $oops (i32.const 7))) (i32.const 0)))",
    ),
    (
        "memory64",
        r#"(memory (export "memory") 1) (memory $wide i64 1)"#,
        "(func (result i32) (i32.load $wide (i64.const 8)))",
    ),
    (
        "extended-const",
        MEMORY,
        "(global i32 (i32.add (i32.const 1) (i32.mul (i32.const 2) (i32.const 3))))",
    ),
    (
        "function-references",
        MEMORY,
        "(type $unary (func (param i32) (result i32))) (elem declare func $compute) \
         (func (result i32) (call_ref $unary (i32.const 0) (ref.func $compute)))",
    ),
    (
        "gc",
        MEMORY,
        "(rec (type $node (struct (field i32) (field (ref null $node)))) (type $leaf (func (result (ref $node))))) \
         (type $open (sub (func (param f32)))) (type $closed (sub final $open (func (param f32)))) \
         (func $f (type $closed)) \
         (func (type $leaf) (struct.new $node (i32.const 1) (ref.null $node)))",
    ),
    (
        "gc-types",
        MEMORY,
        "(func (param externref anyref) (result i32) (ref.is_null (local.get 0)))",
    ),
];

/// The features of docs/cli.md's "WebAssembly features" table, in order.
fn documented_features() -> Vec<String> {
    let docs = include_str!("../../docs/cli.md");
    let table = docs
        .split("## WebAssembly features")
        .nth(1)
        .expect("docs/cli.md has a WebAssembly features section");
    table
        .lines()
        .skip_while(|line| !line.starts_with("| `"))
        .take_while(|line| line.starts_with("| `"))
        .map(|line| line.split('`').nth(1).unwrap().to_owned())
        .collect()
}

#[test]
fn every_feature_may_be_used_where_the_adapters_never_see_it() {
    let tested: Vec<&str> = FREE_USES.iter().map(|(name, ..)| *name).collect();
    assert_eq!(documented_features(), tested);
    for (feature, memory, extra) in FREE_USES {
        let input = format!("{feature}.wat");
        let dir = dir_with(&input, legacy(memory, extra).as_bytes());
        accepted(dir.path(), &input);
    }
}

#[test]
fn limited_features_are_refused_where_they_meet_the_adapters() {
    let gc_rule = "(gc: a function imported from an adapted module, `_start`, the start \
                   function and the exports wit-component calls (`_initialize`, `cabi_realloc`, \
                   ...) must have a plain function type: final, without supertype, alone in its \
                   recursion group)";
    let cases = [
        (
            legacy(r#"(memory (export "memory") 1 2 shared)"#, ""),
            "the memory exported as `memory` is shared, but the adapters import it unshared \
             (threads: the memory exported as `memory` must not be shared)"
                .to_owned(),
        ),
        (
            // Memory 0 is plain; the adapters get memory 1.
            legacy(r#"(memory 1) (memory (export "memory") i64 1)"#, ""),
            "the memory exported as `memory` is 64-bit, but the adapters import a 32-bit one \
             (memory64: the memory exported as `memory` must be 32-bit)"
                .to_owned(),
        ),
        (
            r#"(module
  (type $base (sub (func (param i32) (result i32))))
  (type $compute (sub final $base (func (param i32) (result i32))))
  (import "wasi_ephemeral_nn" "compute" (func (type $compute)))
  (memory (export "memory") 1))"#
                .to_owned(),
            format!(
                "the type of the import `wasi_ephemeral_nn::compute` declares a supertype \
                 (`sub final`), so it never matches the adapter's, whatever its signature \
                 {gc_rule}"
            ),
        ),
        (
            r#"(module
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  (memory (export "memory") 1)
  (rec (type $run (func)) (type (struct)))
  (func (export "_start") (type $run)))"#
                .to_owned(),
            format!(
                "the type of the `_start` export is in a recursion group (`rec`) of 2 types, \
                 so it never matches the adapter's, whatever its signature {gc_rule}"
            ),
        ),
        (
            r#"(module
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  (memory (export "memory") 1)
  (rec (type $run (func)) (type (struct)))
  (func $main (type $run))
  (start $main))"#
                .to_owned(),
            format!(
                "the type of the start function is in a recursion group (`rec`) of 2 types, \
                 so it never matches the adapter's, whatever its signature {gc_rule}"
            ),
        ),
        (
            legacy(MEMORY, r#"(func (export "_initialize") (param i32))"#),
            "`_initialize` is exported with type (i32), but wit-component calls it as ()"
                .to_owned(),
        ),
        (
            legacy(
                MEMORY,
                r#"(rec (type $init (func)) (type (struct))) (func (export "_initialize") (type $init))"#,
            ),
            format!(
                "the type of the `_initialize` export is in a recursion group (`rec`) of 2 \
                 types, so it never matches the adapter's, whatever its signature {gc_rule}"
            ),
        ),
        (
            legacy(MEMORY, r#"(memory (export "cm32p2_memory") 1)"#),
            "the module exports memories as both `memory` and `cm32p2_memory`, but wit-component \
             takes its memory from one export"
                .to_owned(),
        ),
    ];
    // Every export wit-component calls, of the wrong type.
    let called = [
        ("_initialize", "()", "wit-component"),
        ("cm32p2_initialize", "()", "wit-component"),
        ("__wasm_init_task", "()", "wit-component"),
        ("__wasm_init_async_task", "()", "wit-component"),
        (
            "cabi_realloc",
            "(i32, i32, i32, i32) -> i32",
            "the canonical ABI",
        ),
        (
            "cm32p2_realloc",
            "(i32, i32, i32, i32) -> i32",
            "the canonical ABI",
        ),
        (
            "canonical_abi_realloc",
            "(i32, i32, i32, i32) -> i32",
            "the canonical ABI",
        ),
        (
            "cabi_realloc_adapter",
            "(i32, i32, i32, i32) -> i32",
            "the canonical ABI",
        ),
    ]
    .map(|(name, ty, why)| {
        (
            legacy(MEMORY, &format!(r#"(func (export "{name}") (param f64))"#)),
            format!("`{name}` is exported with type (f64), but {why} calls it as {ty}"),
        )
    });
    for (wat, expected) in cases.into_iter().chain(called) {
        let dir = dir_with("module.wat", wat.as_bytes());
        let (line, _) = refused(dir.path(), "module.wat", &[]);
        assert_eq!(line, format!("error: module.wat: {expected}\n"), "{wat}");
    }
}

#[test]
fn a_rec_group_of_one_is_a_plain_type() {
    let wat = r#"(module
  (rec (type $compute (func (param i32) (result i32))))
  (import "wasi_ephemeral_nn" "compute" (func (type $compute)))
  (memory (export "memory") 1)
  (func (export "_start")))"#;
    let dir = dir_with("module.wat", wat.as_bytes());
    accepted(dir.path(), "module.wat");
}

#[test]
fn names_from_the_module_are_printed_escaped() {
    // Import names: from an unserved module, and a wasi-nn one that does
    // not exist, each with characters that would break or rewrite a line.
    let wat = r#"(module
  (import "env\0a  error: fake" "log\1b[2J" (func))
  (import "wasi_ephemeral_nn" "load\0d\e2\80\a8x" (func (param i32) (result i32)))
  (memory (export "memory") 1))"#;
    let dir = dir_with("names.wat", wat.as_bytes());
    let inspect = common::run(&["inspect", "names.wat"], dir.path(), None);
    let report = stdout(&inspect);
    let errors = stderr(&inspect);
    assert_eq!(inspect.status.code(), Some(1), "{errors}");
    for text in ["env\\n  error: fake", "log\\u{1b}[2J", "load\\r\\u{2028}x"] {
        assert!(report.contains(text), "`{text}` missing from:\n{report}");
        assert!(errors.contains(text), "`{text}` missing from:\n{errors}");
    }
    assert!(!report.contains(['\r', '\u{1b}', '\u{2028}']), "{report:?}");
    // Two problems: a headline and one line each.
    assert_eq!(errors.lines().count(), 3, "{errors}");
    let convert = common::run(&["names.wat", "-o", "out.wasm"], dir.path(), None);
    assert_eq!(stderr(&convert), errors);
    assert!(!dir.path().join("out.wasm").exists());
}

#[test]
fn names_in_wasmparser_messages_are_escaped() {
    let wat = r#"(module
  (memory (export "memory") 1)
  (func (export "run\0aerror: fake"))
  (func (export "run\0aerror: fake")))"#;
    let dir = dir_with("twice.wat", wat.as_bytes());
    for args in [
        &["inspect", "twice.wat"][..],
        &["twice.wat", "-o", "out.wasm"],
    ] {
        let output = common::run(args, dir.path(), None);
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            stderr(&output),
            "error: twice.wat: not a valid WebAssembly module: duplicate export name \
             `run\\nerror: fake` already defined (at offset 0x36)\n"
        );
    }
    assert!(!dir.path().join("out.wasm").exists());
}

#[test]
fn exact_function_imports_are_refused_as_invalid() {
    // wasmparser validates them without the custom-descriptors feature;
    // wit-component then refuses the module in its own terms.
    let wat = r#"(module
  (type $write (func (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func (exact (type $write))))
  (memory (export "memory") 1))"#;
    let dir = dir_with("exact.wat", wat.as_bytes());
    for args in [
        &["inspect", "exact.wat"][..],
        &["exact.wat", "-o", "out.wasm"],
    ] {
        let output = common::run(args, dir.path(), None);
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            stderr(&output),
            "error: exact.wat: not a valid WebAssembly module: \
             `wasi_snapshot_preview1::fd_write` is imported as an exact function (`exact`), which \
             needs the custom-descriptors proposal that Wasmtime leaves off\n"
        );
    }
    assert!(!dir.path().join("out.wasm").exists());
}
