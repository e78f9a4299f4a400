;; Imports only `init_execution_context`: the wasi-nn adapter is trimmed to `handle_export`, the one function behind every export that takes a graph or context handle (and so to its `graph` import too).
(module
  (import "wasi_ephemeral_nn" "init_execution_context" (func $init_execution_context (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "infer") (result i32)
    (call $init_execution_context (i32.const 0) (i32.const 0)))
)
