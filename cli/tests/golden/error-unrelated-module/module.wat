;; `env` and `js` are served by no adapter; the error lists them all.
(module
  (import "wasi_ephemeral_nn" "compute" (func (param i32) (result i32)))
  (import "env" "log" (func (param i32 i32)))
  (import "env" "abort" (func))
  (import "js" "now" (func (result f64)))
  (memory (export "memory") 1)
)
