;; WAMR's legacy `wasi_nn` module, all six functions in the signatures of
;; WAMR's wasi_nn.h (`load` takes the builder array by pointer, `get_output`
;; the room by pointer): adapted with no options (dialect wamr-wasi-nn).
(module
  (import "wasi_nn" "load" (func $load (param i32 i32 i32 i32) (result i32)))
  (import "wasi_nn" "load_by_name" (func $load_by_name (param i32 i32 i32) (result i32)))
  (import "wasi_nn" "init_execution_context" (func $init_execution_context (param i32 i32) (result i32)))
  (import "wasi_nn" "set_input" (func $set_input (param i32 i32 i32) (result i32)))
  (import "wasi_nn" "compute" (func $compute (param i32) (result i32)))
  (import "wasi_nn" "get_output" (func $get_output (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "infer")
    (drop (call $load (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (drop (call $load_by_name (i32.const 0) (i32.const 0) (i32.const 0)))
    (drop (call $init_execution_context (i32.const 0) (i32.const 0)))
    (drop (call $set_input (i32.const 0) (i32.const 0) (i32.const 0)))
    (drop (call $compute (i32.const 0)))
    (drop (call $get_output (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))))
)
