;; Text-format conveniences: a leading comment, block comments, named
;; indices, inline exports, folded and flat instructions, data segments.
(module $legacy_classifier
  (; the two calls an image classifier makes most ;)
  (import "wasi_ephemeral_nn" "init_execution_context"
    (func $init (param $graph i32) (param $ctx_out i32) (result i32)))
  (import "wasi_ephemeral_nn" "compute"
    (func $compute (param $ctx i32) (result i32)))
  (memory $mem (export "memory") 1)
  (data (i32.const 16) "model")
  (func $run (export "run") (param $graph i32) (result i32)
    (local $errno i32)
    local.get $graph
    i32.const 8
    call $init
    local.tee $errno
    if (result i32)
      local.get $errno
    else
      (call $compute (i32.load (i32.const 8)))
    end)
)
