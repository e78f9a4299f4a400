;; Imports only `load_by_name`: the wasi-nn adapter is trimmed to that function.
(module
  (import "wasi_ephemeral_nn" "load_by_name" (func $load_by_name (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "infer") (result i32)
    (call $load_by_name (i32.const 0) (i32.const 0) (i32.const 0)))
)
