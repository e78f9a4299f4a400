//! Test guests: core WAT modules turned into components with wit-component;
//! and running the `nn-host` binary.
//!
//! The `wasi:nn` versions come from the project's `wit/` folders (read with
//! wit-parser), never retyped: WIT and WAT below write `@NN` where the
//! version goes.

// Each test binary uses only some of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;
use wit_component::{embed_component_metadata, ComponentEncoder, StringEncoding};
use wit_parser::Resolve;

/// The project's `wasi:nn` WIT packages, one per folder of `wit/`.
fn nn_resolve() -> Resolve {
    let mut resolve = Resolve::default();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../wit");
    for entry in std::fs::read_dir(&root).unwrap() {
        let folder = entry.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        let file = folder.join("wasi-nn.wit");
        resolve
            .push_file(&file)
            .unwrap_or_else(|e| panic!("{}: {e:#}", file.display()));
    }
    resolve
}

/// Every `wasi:nn` version in `wit/`, newest first.
pub fn wit_versions() -> Vec<String> {
    let mut versions = nn_resolve()
        .packages
        .iter()
        .map(|(_, p)| p.name.version.as_ref().unwrap().clone())
        .collect::<Vec<_>>();
    versions.sort_unstable_by(|a, b| b.cmp(a));
    versions.iter().map(ToString::to_string).collect()
}

/// The version whose `graph-execution-context` is stateful (`set-input`,
/// `compute()`, `get-output`) when `stateful`, else the one whose `compute`
/// takes and returns lists of named tensors.
pub fn nn_version(stateful: bool) -> String {
    let resolve = nn_resolve();
    let found = resolve
        .interfaces
        .iter()
        .filter(|(_, i)| i.name.as_deref() == Some("inference"))
        .filter(|(_, i)| {
            i.functions
                .contains_key("[method]graph-execution-context.get-output")
                == stateful
        })
        .map(|(_, i)| {
            let package = &resolve.packages[i.package.unwrap()];
            package.name.version.as_ref().unwrap().to_string()
        })
        .collect::<Vec<_>>();
    assert_eq!(found.len(), 1, "stateful = {stateful}: {found:?}");
    found.into_iter().next().unwrap()
}

/// Exports of both proxy worlds: `graph`, `tensor` and `errors` functions
/// with handles as `u32`.
const PROXY_WIT_COMMON: &str = r#"
  use wasi:nn/graph@NN.{graph-encoding, execution-target};
  use wasi:nn/tensor@NN.{tensor-type};
  use wasi:nn/errors@NN.{error-code};
  import wasi:nn/graph@NN;
  import wasi:nn/tensor@NN;
  import wasi:nn/inference@NN;
  import wasi:nn/errors@NN;

  export load: func(builders: list<list<u8>>, encoding: graph-encoding, target: execution-target) -> result<u32, u32>;
  export load-by-name: func(name: string) -> result<u32, u32>;
  export init-execution-context: func(graph: u32) -> result<u32, u32>;
  export drop-graph: func(graph: u32);
  export new-tensor: func(dimensions: list<u32>, ty: tensor-type, data: list<u8>) -> u32;
  export tensor-dimensions: func(tensor: u32) -> list<u32>;
  export tensor-ty: func(tensor: u32) -> tensor-type;
  export tensor-data: func(tensor: u32) -> list<u8>;
  export drop-tensor: func(tensor: u32);
  export drop-context: func(context: u32);
  export error-code: func(error: u32) -> error-code;
  export error-data: func(error: u32) -> string;
  export drop-error: func(error: u32);
"#;

const PROXY_WIT_LIST_COMPUTE: &str = r#"
  export compute: func(context: u32, inputs: list<tuple<string, u32>>) -> result<list<tuple<string, u32>>, u32>;
"#;

const PROXY_WIT_STATEFUL: &str = r#"
  export set-input: func(context: u32, name: string, tensor: u32) -> result<_, u32>;
  export compute: func(context: u32) -> result<_, u32>;
  export get-output: func(context: u32, name: string) -> result<u32, u32>;
"#;

const CLI_WIT: &str = r#"
package wasi:cli@0.2.0;
interface run {
  run: func() -> result;
}
"#;

/// Imports and exports of both proxy modules. Every export forwards to the
/// matching `wasi:nn` import: the canonical ABI layouts of the export
/// (handles as `u32`) and the import are identical, so each body passes its
/// parameters through with one shared return area.
const PROXY_WAT_COMMON_IMPORTS: &str = r#"
  (import "wasi:nn/graph@NN" "load" (func $load (param i32 i32 i32 i32 i32)))
  (import "wasi:nn/graph@NN" "load-by-name" (func $load_by_name (param i32 i32 i32)))
  (import "wasi:nn/graph@NN" "[method]graph.init-execution-context" (func $init (param i32 i32)))
  (import "wasi:nn/graph@NN" "[resource-drop]graph" (func $drop_graph (param i32)))
  (import "wasi:nn/tensor@NN" "[constructor]tensor" (func $new_tensor (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi:nn/tensor@NN" "[method]tensor.dimensions" (func $dims (param i32 i32)))
  (import "wasi:nn/tensor@NN" "[method]tensor.ty" (func $ty (param i32) (result i32)))
  (import "wasi:nn/tensor@NN" "[method]tensor.data" (func $data (param i32 i32)))
  (import "wasi:nn/tensor@NN" "[resource-drop]tensor" (func $drop_tensor (param i32)))
  (import "wasi:nn/inference@NN" "[resource-drop]graph-execution-context" (func $drop_context (param i32)))
  (import "wasi:nn/errors@NN" "[method]error.code" (func $code (param i32) (result i32)))
  (import "wasi:nn/errors@NN" "[method]error.data" (func $error_data (param i32 i32)))
  (import "wasi:nn/errors@NN" "[resource-drop]error" (func $drop_error (param i32)))
"#;

const PROXY_WAT_COMMON_FUNCS: &str = r#"
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $ptr i32)
    (local.set $ptr (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $size)))
    (block $fits
      (br_if $fits (i32.le_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536))))
      (br_if $fits (i32.ne (memory.grow (i32.add (i32.shr_u (i32.sub (global.get $heap) (i32.mul (memory.size) (i32.const 65536))) (i32.const 16)) (i32.const 1))) (i32.const -1)))
      unreachable)
    (if (local.get $old_size) (then (memory.copy (local.get $ptr) (local.get $old) (local.get $old_size))))
    (local.get $ptr))
  (func (export "load") (param i32 i32 i32 i32) (result i32)
    (call $load (local.get 0) (local.get 1) (local.get 2) (local.get 3) (i32.const 16)) (i32.const 16))
  (func (export "load-by-name") (param i32 i32) (result i32)
    (call $load_by_name (local.get 0) (local.get 1) (i32.const 16)) (i32.const 16))
  (func (export "init-execution-context") (param i32) (result i32)
    (call $init (local.get 0) (i32.const 16)) (i32.const 16))
  (func (export "drop-graph") (param i32) (call $drop_graph (local.get 0)))
  (func (export "new-tensor") (param i32 i32 i32 i32 i32) (result i32)
    (call $new_tensor (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)))
  (func (export "tensor-dimensions") (param i32) (result i32)
    (call $dims (local.get 0) (i32.const 16)) (i32.const 16))
  (func (export "tensor-ty") (param i32) (result i32) (call $ty (local.get 0)))
  (func (export "tensor-data") (param i32) (result i32)
    (call $data (local.get 0) (i32.const 16)) (i32.const 16))
  (func (export "drop-tensor") (param i32) (call $drop_tensor (local.get 0)))
  (func (export "drop-context") (param i32) (call $drop_context (local.get 0)))
  (func (export "error-code") (param i32) (result i32) (call $code (local.get 0)))
  (func (export "error-data") (param i32) (result i32)
    (call $error_data (local.get 0) (i32.const 16)) (i32.const 16))
  (func (export "drop-error") (param i32) (call $drop_error (local.get 0)))
"#;

const PROXY_WAT_LIST_COMPUTE: &str = r#"
  (import "wasi:nn/inference@NN" "[method]graph-execution-context.compute" (func $compute (param i32 i32 i32 i32)))
  (func (export "compute") (param i32 i32 i32) (result i32)
    (call $compute (local.get 0) (local.get 1) (local.get 2) (i32.const 16)) (i32.const 16))
"#;

const PROXY_WAT_STATEFUL: &str = r#"
  (import "wasi:nn/inference@NN" "[method]graph-execution-context.set-input" (func $set_input (param i32 i32 i32 i32 i32)))
  (import "wasi:nn/inference@NN" "[method]graph-execution-context.compute" (func $compute (param i32 i32)))
  (import "wasi:nn/inference@NN" "[method]graph-execution-context.get-output" (func $get_output (param i32 i32 i32 i32)))
  (func (export "set-input") (param i32 i32 i32 i32) (result i32)
    (call $set_input (local.get 0) (local.get 1) (local.get 2) (local.get 3) (i32.const 16)) (i32.const 16))
  (func (export "compute") (param i32) (result i32)
    (call $compute (local.get 0) (i32.const 16)) (i32.const 16))
  (func (export "get-output") (param i32 i32 i32) (result i32)
    (call $get_output (local.get 0) (local.get 1) (local.get 2) (i32.const 16)) (i32.const 16))
"#;

/// Encodes core module text `wat` as a component of `world`, declared by
/// `world_wit` in package `nn-host:test`; `extra_wit` packages (such as a
/// `wasi:nn` version the project does not have, or slices of WASI) join
/// the project's.
pub fn component(world_wit: &str, world: &str, wat: &str, extra_wit: &[String]) -> Vec<u8> {
    let mut resolve = nn_resolve();
    for (index, wit) in extra_wit.iter().enumerate() {
        resolve.push_str(format!("extra{index}.wit"), wit).unwrap();
    }
    // An `extra_wit` package of `wasi:cli` replaces the one with `run` alone.
    if !extra_wit
        .iter()
        .any(|wit| wit.contains("package wasi:cli@0.2.0;"))
    {
        resolve
            .push_str("cli.wit", CLI_WIT)
            .expect("cli WIT parses");
    }
    let package = resolve
        .push_str("test.wit", &format!("package nn-host:test;\n{world_wit}"))
        .expect("test WIT parses");
    let world = resolve.select_world(&[package], Some(world)).unwrap();
    let mut module = wat::parse_str(wat).unwrap();
    embed_component_metadata(&mut module, &resolve, world, StringEncoding::UTF8).unwrap();
    ComponentEncoder::default()
        .module(&module)
        .unwrap()
        .validate(true)
        .encode()
        .unwrap()
}

/// A guest forwarding exports to every function of the `wasi:nn` version
/// chosen as for [`nn_version`].
pub fn proxy_component(stateful: bool) -> Vec<u8> {
    let (wit, wat) = match stateful {
        true => (PROXY_WIT_STATEFUL, PROXY_WAT_STATEFUL),
        false => (PROXY_WIT_LIST_COMPUTE, PROXY_WAT_LIST_COMPUTE),
    };
    let at_version = format!("@{}", nn_version(stateful));
    let world = format!("world proxy {{\n{PROXY_WIT_COMMON}{wit}}}\n").replace("@NN", &at_version);
    let wat = format!("(module\n{PROXY_WAT_COMMON_IMPORTS}{wat}{PROXY_WAT_COMMON_FUNCS})")
        .replace("@NN", &at_version);
    component(&world, "proxy", &wat, &[])
}

/// A `wasi:cli/run` guest importing `load-by-name` of each of `versions` as
/// `$load_by_name0`, `$load_by_name1`, …; its `run` body is `body` (returns
/// 0 = ok, 1 = err) and the name stored at address 64 is `name`.
pub fn runner_component_importing(
    versions: &[String],
    name: &str,
    body: &str,
    extra_wit: &[String],
) -> Vec<u8> {
    let imports = versions
        .iter()
        .map(|v| format!("  import wasi:nn/graph@{v};\n"))
        .collect::<String>();
    let world = format!("world runner {{\n{imports}  export wasi:cli/run@0.2.0;\n}}\n");
    let wat_imports = versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            format!("  (import \"wasi:nn/graph@{v}\" \"load-by-name\" (func $load_by_name{i} (param i32 i32 i32)))\n")
        })
        .collect::<String>();
    let wat = format!(
        r#"(module
{wat_imports}  (memory (export "memory") 1)
  (data (i32.const 64) "{name}")
  (func (export "wasi:cli/run@0.2.0#run") (result i32) {body}))"#
    );
    component(&world, "runner", &wat, extra_wit)
}

/// A `wasi:cli/run` guest importing `load-by-name` of the newest version as
/// `$load_by_name0`; see [`runner_component_importing`].
pub fn runner_component(name: &str, body: &str) -> Vec<u8> {
    runner_component_importing(&wit_versions()[..1], name, body, &[])
}

pub fn model(file: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/models")
        .join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

pub fn models_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/models")
}

/// A fresh folder holding the softmax IR as `model.xml` + `model.bin`, the
/// layout `--graph NAME=openvino::DIR` and `Registry::preload` read.
pub fn softmax_model_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["xml", "bin"] {
        std::fs::copy(
            models_dir().join(format!("softmax.{ext}")),
            dir.path().join(format!("model.{ext}")),
        )
        .unwrap();
    }
    dir
}

/// The slices of WASI preview2 that [`softmax_rounds`] imports: stdout and
/// `blocking-write-and-flush` (a component may import part of an interface).
pub fn stdout_wit() -> Vec<String> {
    vec![
        r#"package wasi:io@0.2.0;
interface error { resource error; }
interface streams {
  use error.{error};
  resource output-stream { blocking-write-and-flush: func(contents: list<u8>) -> result<_, stream-error>; }
  variant stream-error { last-operation-failed(error), closed }
}
"#
        .to_string(),
        r#"package wasi:cli@0.2.0;
interface run { run: func() -> result; }
interface stdout {
  use wasi:io/streams@0.2.0.{output-stream};
  get-stdout: func() -> output-stream;
}
"#
        .to_string(),
    ]
}

/// A command running `rounds` inferences of `softmax` (loaded by name) in
/// one context: round `r` computes on `input[i] = ((3r + i) mod 11) / 4`
/// and writes the 40 output bytes to stdout. Any error ends it with err.
pub fn softmax_rounds(rounds: u32) -> Vec<u8> {
    softmax_rounds_of(rounds, SOFTMAX_INPUT)
}

/// The arguments of [`softmax_rounds`]' tensor constructor after its
/// dimensions: type FP32 (1), the 40 bytes of 10 values at address 256.
pub const SOFTMAX_INPUT: &str = "(i32.const 1) (i32.const 256) (i32.const 40)";

/// [`softmax_rounds`] with `input` as its tensor's type, address and length
/// (see [`SOFTMAX_INPUT`]).
pub fn softmax_rounds_of(rounds: u32, input: &str) -> Vec<u8> {
    let v = nn_version(false);
    let world = format!(
        "world rounds {{\n  import wasi:nn/graph@{v};\n  import wasi:nn/tensor@{v};\n  import wasi:nn/inference@{v};\n  import wasi:cli/stdout@0.2.0;\n  import wasi:io/streams@0.2.0;\n  export wasi:cli/run@0.2.0;\n}}\n"
    );
    // Memory: 16 return area, 64 "softmax", 80 "input", 128 dimensions
    // [1, 10], 256 input values, 320 the input list (name, length, tensor),
    // 1024.. what cabi_realloc hands out, reclaimed every round.
    let wat = format!(
        r#"(module
  (import "wasi:nn/graph@{v}" "load-by-name" (func $load_by_name (param i32 i32 i32)))
  (import "wasi:nn/graph@{v}" "[method]graph.init-execution-context" (func $init (param i32 i32)))
  (import "wasi:nn/tensor@{v}" "[constructor]tensor" (func $new_tensor (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi:nn/tensor@{v}" "[method]tensor.data" (func $data (param i32 i32)))
  (import "wasi:nn/tensor@{v}" "[resource-drop]tensor" (func $drop_tensor (param i32)))
  (import "wasi:nn/inference@{v}" "[method]graph-execution-context.compute" (func $compute (param i32 i32 i32 i32)))
  (import "wasi:cli/stdout@0.2.0" "get-stdout" (func $stdout (result i32)))
  (import "wasi:io/streams@0.2.0" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (data (i32.const 64) "softmax")
  (data (i32.const 80) "input")
  (data (i32.const 128) "\01\00\00\00\0a\00\00\00")
  (data (i32.const 320) "\50\00\00\00\05\00\00\00")
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $ptr i32)
    (local.set $ptr (i32.and (i32.add (global.get $heap) (i32.sub (local.get 2) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get 2))))
    (global.set $heap (i32.add (local.get $ptr) (local.get 3)))
    (if (i32.gt_u (global.get $heap) (i32.const 65536)) (then unreachable))
    (local.get $ptr))
  (func (export "wasi:cli/run@0.2.0#run") (result i32)
    (local $context i32) (local $stdout i32) (local $round i32) (local $i i32) (local $output i32)
    (local.set $stdout (call $stdout))
    (call $load_by_name (i32.const 64) (i32.const 7) (i32.const 16))
    (if (i32.load8_u (i32.const 16)) (then (return (i32.const 1))))
    (call $init (i32.load (i32.const 20)) (i32.const 16))
    (if (i32.load8_u (i32.const 16)) (then (return (i32.const 1))))
    (local.set $context (i32.load (i32.const 20)))
    (loop $round
      (global.set $heap (i32.const 1024))
      (local.set $i (i32.const 0))
      (loop $value
        (f32.store (i32.add (i32.const 256) (i32.shl (local.get $i) (i32.const 2)))
          (f32.div
            (f32.convert_i32_u (i32.rem_u (i32.add (i32.mul (local.get $round) (i32.const 3)) (local.get $i)) (i32.const 11)))
            (f32.const 4)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $value (i32.lt_u (local.get $i) (i32.const 10))))
      ;; FP32 = 1 (SOFTMAX_INPUT); compute takes the tensor.
      (i32.store (i32.const 328)
        (call $new_tensor (i32.const 128) (i32.const 2) {input}))
      (call $compute (local.get $context) (i32.const 320) (i32.const 1) (i32.const 16))
      (if (i32.load8_u (i32.const 16)) (then (return (i32.const 1))))
      (if (i32.ne (i32.load (i32.const 24)) (i32.const 1)) (then (return (i32.const 1))))
      (local.set $output (i32.load offset=8 (i32.load (i32.const 20))))
      (call $data (local.get $output) (i32.const 16))
      (call $write (local.get $stdout) (i32.load (i32.const 16)) (i32.load (i32.const 20)) (i32.const 32))
      (if (i32.load8_u (i32.const 32)) (then (return (i32.const 1))))
      (call $drop_tensor (local.get $output))
      (local.set $round (i32.add (local.get $round) (i32.const 1)))
      (br_if $round (i32.lt_u (local.get $round) (i32.const {rounds}))))
    (i32.const 0)))"#
    );
    component(&world, "rounds", &wat, &stdout_wit())
}

/// The input of round `round` in [`softmax_rounds`], and the softmax model's
/// output for it (`softmax(2x + 1)`).
pub fn expected_softmax(round: u32) -> Vec<f32> {
    let scaled = (0..10)
        .map(|i| ((round * 3 + i) % 11) as f32 / 4.0 * 2.0 + 1.0)
        .collect::<Vec<_>>();
    let max = scaled.iter().copied().fold(f32::MIN, f32::max);
    let exps = scaled.iter().map(|x| (x - max).exp()).collect::<Vec<_>>();
    let sum: f32 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}

/// Runs the `nn-host` binary in `dir` with `args` and the extra
/// environment `env`, stdin closed; its output.
pub fn nn_host_with(
    dir: &std::path::Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_nn-host"));
    command.current_dir(dir).args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

/// [`nn_host_with`] with no extra environment.
pub fn nn_host(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    nn_host_with(dir, args, &[])
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes `bytes` to `dir/name`; `name`, for the command line.
pub fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    std::fs::write(dir.join(name), bytes).unwrap();
    name.to_string()
}
