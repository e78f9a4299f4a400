;; WasmEdge's extension under another dialect: the adapter does not serve it.
(module
  (import "wasi_ephemeral_nn" "load_by_name_with_config"
    (func (param i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
)
