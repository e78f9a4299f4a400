;; Both of WAMR's modules in one program: two ABIs, and a component gets the
;; adapter of one.
(module
  (import "wasi_ephemeral_nn" "compute" (func (param i32) (result i32)))
  (import "wasi_nn" "compute" (func (param i32) (result i32)))
  (memory (export "memory") 1)
)
