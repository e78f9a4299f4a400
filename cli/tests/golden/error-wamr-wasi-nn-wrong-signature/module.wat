;; `wasi_nn::get_output` with the ephemeral ABI's five parameters: WAMR's
;; legacy module passes the room by pointer, so it takes four.
(module
  (import "wasi_nn" "get_output" (func (param i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
)
