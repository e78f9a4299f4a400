//! `--graph` and `--names`: tensor names baked in for `load_by_name`, as a
//! user gives them, and every way of getting them wrong.

mod common;

use common::{stderr, stdout};
use std::path::Path;
use std::process::Output;

/// A guest that calls `load_by_name` (the only call baked names serve).
const BY_NAME: &str = r#"(module
  (import "wasi_ephemeral_nn" "load_by_name" (func $load_by_name (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "f") (drop (call $load_by_name (i32.const 0) (i32.const 0) (i32.const 0))))
)"#;

fn models() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/models"))
}

/// A folder holding `model.xml`/`model.bin` copied from `tests/models/NAME`.
fn model_dir(root: &Path, name: &str) -> String {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for ext in ["xml", "bin"] {
        std::fs::copy(
            models().join(format!("{name}.{ext}")),
            dir.join(format!("model.{ext}")),
        )
        .unwrap();
    }
    dir.to_string_lossy().into_owned()
}

/// What `inspect` says of a component built from [`BY_NAME`] before its
/// table of baked names.
const BY_NAME_HEADER: &str = "c.wasm: component\n\
    kind: reactor (exports no wasi:cli/run; hosts that run commands refuse it)\n\
    wasi:nn: 0.2.0-rc-2024-10-28 (runs on Wasmtime v35+ and nn-host)\n\
    wasi-nn adapter: dialect wasi-nn-0.6, wasi:nn 0.2.0-rc-2024-10-28 (recorded by nn-componentize)\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    std::fs::write(dir.join("guest.wat"), BY_NAME).unwrap();
    common::run(args, dir, None)
}

#[test]
fn graph_names_are_read_baked_and_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let two_io = model_dir(tmp.path(), "two_io");
    let graph = format!("two_io=openvino::{two_io}");
    let built = run(
        tmp.path(),
        &["guest.wat", "--graph", &graph, "-o", "c.wasm"],
    );
    assert!(built.status.success(), "{}", stderr(&built));
    let listed = run(tmp.path(), &["inspect", "c.wasm"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert_eq!(
        stdout(&listed),
        format!(
            "{BY_NAME_HEADER}baked tensor names for load_by_name:\n  \
             \"two_io\": inputs [[\"a\"], [\"b\"]], outputs [[\"sum\"], [\"difference\"]]\n"
        )
    );
    // The same names stated by hand give the same component.
    let by_hand = run(
        tmp.path(),
        &[
            "guest.wat",
            "--names",
            "two_io=a,b:sum,difference",
            "-o",
            "h.wasm",
        ],
    );
    assert!(by_hand.status.success(), "{}", stderr(&by_hand));
    assert_eq!(
        std::fs::read(tmp.path().join("c.wasm")).unwrap(),
        std::fs::read(tmp.path().join("h.wasm")).unwrap()
    );
}

#[test]
fn onnx_names_are_read_from_the_folder_s_only_onnx_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("softmax");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(models().join("softmax.onnx"), dir.join("softmax.onnx")).unwrap();
    let graph = format!("s=onnx::{}", dir.display());
    let built = run(
        tmp.path(),
        &["guest.wat", "--graph", &graph, "-o", "c.wasm"],
    );
    assert!(built.status.success(), "{}", stderr(&built));
    let listed = run(tmp.path(), &["inspect", "c.wasm"]);
    assert!(
        stdout(&listed).contains("\"s\": inputs [[\"input\"]], outputs [[\"output\"]]"),
        "{}",
        stdout(&listed)
    );
}

#[test]
fn hand_stated_names_take_escapes() {
    let tmp = tempfile::tempdir().unwrap();
    let built = run(
        tmp.path(),
        &[
            "guest.wat",
            "--names",
            r"g=in\:0,x\,y:out\\1",
            "-o",
            "c.wasm",
        ],
    );
    assert!(built.status.success(), "{}", stderr(&built));
    let listed = run(tmp.path(), &["inspect", "c.wasm"]);
    assert_eq!(
        stdout(&listed),
        format!(
            "{BY_NAME_HEADER}baked tensor names for load_by_name:\n  \
             \"g\": inputs [[\"in:0\"], [\"x,y\"]], outputs [[\"out\\\\1\"]]\n"
        )
    );
}

#[test]
fn a_component_without_a_table_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(run(tmp.path(), &["guest.wat", "-o", "c.wasm"])
        .status
        .success());
    let listed = run(tmp.path(), &["inspect", "c.wasm"]);
    assert_eq!(
        stdout(&listed),
        format!("{BY_NAME_HEADER}no baked tensor names: load_by_name graphs use decimal names\n")
    );
}

/// Each bad `--graph` / `--names`: an error naming what is wrong (the file,
/// for a model), a failing exit code and no output file.
#[test]
fn bad_graphs_and_names_are_refused_without_output() {
    let tmp = tempfile::tempdir().unwrap();
    let unnamed = model_dir(tmp.path(), "unnamed");
    let garbage = tmp.path().join("garbage");
    std::fs::create_dir(&garbage).unwrap();
    std::fs::write(garbage.join("model.xml"), "not a model").unwrap();
    let unreadable = tmp.path().join("unreadable");
    std::fs::create_dir(&unreadable).unwrap();
    std::fs::create_dir(unreadable.join("model.xml")).unwrap();
    let file = format!("{unnamed}/model.xml");
    // A flag that does not parse is a usage error (clap's exit 2); a model
    // that cannot be read is a failure of the run (exit 1).
    let cases: Vec<(String, String, i32)> = vec![
        (
            "--graph=g=openvino::does-not-exist".into(),
            "does-not-exist: no such directory".into(),
            1,
        ),
        (
            format!("--graph=g=openvino::{unnamed}"),
            "input 0 has no name".into(),
            1,
        ),
        (
            format!("--graph=g=openvino::{}", garbage.display()),
            "garbage/model.xml: not an OpenVINO IR or ONNX model".into(),
            1,
        ),
        (
            format!("--graph=g=openvino::{}", unreadable.display()),
            "no model.xml (or single *.xml file)".into(),
            1,
        ),
        (
            format!("--graph=g=tensorflowlite::{unnamed}"),
            "the adapter addresses TensorFlow Lite tensors by index".into(),
            1,
        ),
        (
            format!("--graph=g=pytorch::{unnamed}"),
            "unknown graph encoding `pytorch`".into(),
            2,
        ),
        (
            format!("--graph=g=openvino::{file}"),
            "give its folder".into(),
            2,
        ),
        (
            format!("--graph=openvino::{file}"),
            "give its folder".into(),
            2,
        ),
        (
            "--graph=g=openvino".into(),
            "expected NAME=ENC::DIR".into(),
            2,
        ),
        (
            "--graph==openvino::x".into(),
            "expected NAME=ENC::DIR".into(),
            2,
        ),
        (
            "--names=g=a,b".into(),
            "expected NAME=IN,..:OUT,..".into(),
            2,
        ),
        (
            "--names=g=a:b:c".into(),
            "expected NAME=IN,..:OUT,..".into(),
            2,
        ),
        ("--names=g=:".into(), "no tensor names".into(), 2),
        ("--names=g=a,,b:".into(), "is empty".into(), 2),
        (
            "--names==a:b".into(),
            "graph name must not be empty".into(),
            2,
        ),
        (
            "--names=g=a\\".into(),
            "expected NAME=IN,..:OUT,..".into(),
            2,
        ),
    ];
    for (flag, expected, code) in cases {
        let out = run(tmp.path(), &["guest.wat", &flag, "-o", "c.wasm"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(code), "{flag}: {err}");
        assert!(err.contains(&expected), "{flag}: {err}");
        assert!(err.starts_with("error"), "{flag}: {err}");
        assert!(!tmp.path().join("c.wasm").exists(), "{flag}: wrote output");
    }
}
