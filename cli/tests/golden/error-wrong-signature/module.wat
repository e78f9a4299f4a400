;; `set_input` takes (context, index, tensor pointer): one parameter is missing.
(module
  (import "wasi_ephemeral_nn" "set_input" (func (param i32 i32) (result i32)))
  (memory (export "memory") 1)
)
