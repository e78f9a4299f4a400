;; WasmEdge's six additions beside the WITX functions: detected as the
;; wasmedge dialect by its imports, and served (the graph and context drops
;; come in with `unload` and `finalize_execution_context`).
(module
  (import "wasi_ephemeral_nn" "load" (func $load (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "load_by_name_with_config" (func $load_by_name_with_config (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "unload" (func $unload (param i32) (result i32)))
  (import "wasi_ephemeral_nn" "finalize_execution_context" (func $finalize_execution_context (param i32) (result i32)))
  (import "wasi_ephemeral_nn" "compute_single" (func $compute_single (param i32) (result i32)))
  (import "wasi_ephemeral_nn" "get_output_single" (func $get_output_single (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "fini_single" (func $fini_single (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "infer")
    (drop (call $load (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (drop (call $load_by_name_with_config (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (drop (call $unload (i32.const 0)))
    (drop (call $finalize_execution_context (i32.const 0)))
    (drop (call $compute_single (i32.const 0)))
    (drop (call $get_output_single (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (drop (call $fini_single (i32.const 0))))
)
