//! Test guests: core WAT modules turned into components with wit-component.

// Each test binary uses only some of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;
use wit_component::{embed_component_metadata, ComponentEncoder, StringEncoding};
use wit_parser::Resolve;

pub const NN: &str = "0.2.0-rc-2024-10-28";

/// WIT for the test worlds, next to the project's `wasi:nn` WIT.
const TEST_WIT: &str = r#"
package nn-host:test;

world proxy {
  use wasi:nn/graph@0.2.0-rc-2024-10-28.{graph-encoding, execution-target};
  use wasi:nn/tensor@0.2.0-rc-2024-10-28.{tensor-type};
  use wasi:nn/errors@0.2.0-rc-2024-10-28.{error-code};
  import wasi:nn/graph@0.2.0-rc-2024-10-28;
  import wasi:nn/tensor@0.2.0-rc-2024-10-28;
  import wasi:nn/inference@0.2.0-rc-2024-10-28;
  import wasi:nn/errors@0.2.0-rc-2024-10-28;

  export load: func(builders: list<list<u8>>, encoding: graph-encoding, target: execution-target) -> result<u32, u32>;
  export load-by-name: func(name: string) -> result<u32, u32>;
  export init-execution-context: func(graph: u32) -> result<u32, u32>;
  export drop-graph: func(graph: u32);
  export new-tensor: func(dimensions: list<u32>, ty: tensor-type, data: list<u8>) -> u32;
  export tensor-dimensions: func(tensor: u32) -> list<u32>;
  export tensor-ty: func(tensor: u32) -> tensor-type;
  export tensor-data: func(tensor: u32) -> list<u8>;
  export drop-tensor: func(tensor: u32);
  export compute: func(context: u32, inputs: list<tuple<string, u32>>) -> result<list<tuple<string, u32>>, u32>;
  export drop-context: func(context: u32);
  export error-code: func(error: u32) -> error-code;
  export error-data: func(error: u32) -> string;
  export drop-error: func(error: u32);
}

world runner {
  import wasi:nn/graph@0.2.0-rc-2024-10-28;
  export wasi:cli/run@0.2.0;
}
"#;

const CLI_WIT: &str = r#"
package wasi:cli@0.2.0;
interface run {
  run: func() -> result;
}
"#;

/// Forwards every export to the matching `wasi:nn` import: the canonical ABI
/// layouts of the export (handles as `u32`) and the import are identical, so
/// each body passes its parameters through with one shared return area.
const PROXY_WAT: &str = r#"
(module
  (import "wasi:nn/graph@0.2.0-rc-2024-10-28" "load" (func $load (param i32 i32 i32 i32 i32)))
  (import "wasi:nn/graph@0.2.0-rc-2024-10-28" "load-by-name" (func $load_by_name (param i32 i32 i32)))
  (import "wasi:nn/graph@0.2.0-rc-2024-10-28" "[method]graph.init-execution-context" (func $init (param i32 i32)))
  (import "wasi:nn/graph@0.2.0-rc-2024-10-28" "[resource-drop]graph" (func $drop_graph (param i32)))
  (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[constructor]tensor" (func $new_tensor (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[method]tensor.dimensions" (func $dims (param i32 i32)))
  (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[method]tensor.ty" (func $ty (param i32) (result i32)))
  (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[method]tensor.data" (func $data (param i32 i32)))
  (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[resource-drop]tensor" (func $drop_tensor (param i32)))
  (import "wasi:nn/inference@0.2.0-rc-2024-10-28" "[method]graph-execution-context.compute" (func $compute (param i32 i32 i32 i32)))
  (import "wasi:nn/inference@0.2.0-rc-2024-10-28" "[resource-drop]graph-execution-context" (func $drop_context (param i32)))
  (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[method]error.code" (func $code (param i32) (result i32)))
  (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[method]error.data" (func $error_data (param i32 i32)))
  (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[resource-drop]error" (func $drop_error (param i32)))
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
  (func (export "compute") (param i32 i32 i32) (result i32)
    (call $compute (local.get 0) (local.get 1) (local.get 2) (i32.const 16)) (i32.const 16))
  (func (export "drop-context") (param i32) (call $drop_context (local.get 0)))
  (func (export "error-code") (param i32) (result i32) (call $code (local.get 0)))
  (func (export "error-data") (param i32) (result i32)
    (call $error_data (local.get 0) (i32.const 16)) (i32.const 16))
  (func (export "drop-error") (param i32) (call $drop_error (local.get 0)))
)
"#;

fn resolve() -> Resolve {
    let mut resolve = Resolve::default();
    let wit =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../wit/0.2.0-rc-2024-10-28/wasi-nn.wit");
    resolve
        .push_file(&wit)
        .expect("the project's wasi:nn WIT parses");
    resolve
        .push_str("cli.wit", CLI_WIT)
        .expect("cli WIT parses");
    resolve
        .push_str("test.wit", TEST_WIT)
        .expect("test WIT parses");
    resolve
}

/// Encodes core module text `wat` as a component of test world `world`.
pub fn component(world: &str, wat: &str) -> Vec<u8> {
    let resolve = resolve();
    let package = resolve
        .packages
        .iter()
        .find(|(_, p)| p.name.namespace == "nn-host")
        .unwrap()
        .0;
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

pub fn proxy_component() -> Vec<u8> {
    component("proxy", PROXY_WAT)
}

/// A `wasi:cli/run` guest whose `run` body is `body` (returns 0 = ok, 1 = err);
/// it can call `load-by-name` with the name stored at address 64.
pub fn runner_component(name: &str, body: &str) -> Vec<u8> {
    let wat = format!(
        r#"(module
  (import "wasi:nn/graph@0.2.0-rc-2024-10-28" "load-by-name" (func $load_by_name (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "{name}")
  (func (export "wasi:cli/run@0.2.0#run") (result i32) {body}))"#
    );
    component("runner", &wat)
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
