;; WasmEdge's extra functions through the adapter (componentized as the
;; `wasmedge` dialect, which its imports give away). Needs the host to
;; preload the softmax model as graph "softmax".
;;
;; Writes one line of hex to stdout: the errno of each step below, one byte
;; each (18 bytes), then the output of `get_output_single` and of
;; `get_output` (10 f32 each). tests/tests/differential/dialects.rs reads it.
(module
  (import "wasi_ephemeral_nn" "load_by_name_with_config" (func $load_by_name_with_config (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "init_execution_context" (func $init (param i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "set_input" (func $set_input (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  (import "wasi_ephemeral_nn" "get_output" (func $get_output (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "compute_single" (func $compute_single (param i32) (result i32)))
  (import "wasi_ephemeral_nn" "get_output_single" (func $get_output_single (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "fini_single" (func $fini_single (param i32) (result i32)))
  (import "wasi_ephemeral_nn" "unload" (func $unload (param i32) (result i32)))
  (import "wasi_ephemeral_nn" "finalize_execution_context" (func $finalize (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))

  ;; Layout:
  ;;   0  iovec    8 nwritten   16 graph   20 context   24 output size
  ;;   32 tensor record (dims ptr, dims len, type f32 = 1, data ptr, data len)
  ;;   64 dims [1,10]   128 input (10 f32)   256 "softmax"   272 "{}"
  ;;   512 result: 18 errnos, then 40 + 40 output bytes at 530 and 570
;;   1024 the result in hex, and a newline
  (memory (export "memory") 1)
  (data (i32.const 32) "\40\00\00\00\02\00\00\00\01\00\00\00\80\00\00\00\28\00\00\00")
  (data (i32.const 64) "\01\00\00\00\0a\00\00\00")
  ;; 0.0, 0.5, 1.0, ... 4.5
  (data (i32.const 128)
    "\00\00\00\00\00\00\00\3f\00\00\80\3f\00\00\c0\3f\00\00\00\40"
    "\00\00\20\40\00\00\40\40\00\00\60\40\00\00\80\40\00\00\90\40")
  (data (i32.const 256) "softmax")
  (data (i32.const 272) "{}")

  (global $step (mut i32) (i32.const 512))
  ;; Records one errno.
  (func $errno (param $e i32)
    (i32.store8 (global.get $step) (local.get $e))
    (global.set $step (i32.add (global.get $step) (i32.const 1))))

  (func (export "_start")
    ;; 0: load by name, with a config at address 0 (memory like any other)
    (i32.store16 (i32.const 0) (i32.load16_u (i32.const 272)))
    (call $errno (call $load_by_name_with_config
      (i32.const 256) (i32.const 7) (i32.const 0) (i32.const 2) (i32.const 16)))
    ;; 1: a config out of bounds: invalid_argument
    (call $errno (call $load_by_name_with_config
      (i32.const 256) (i32.const 7) (i32.const -16) (i32.const 32) (i32.const 16)))
    ;; 2-4: context, input, compute_single
    (call $errno (call $init (i32.load (i32.const 16)) (i32.const 20)))
    (call $errno (call $set_input (i32.load (i32.const 20)) (i32.const 0) (i32.const 32)))
    (call $errno (call $compute_single (i32.load (i32.const 20))))
    ;; 5-6: get_output_single, then get_output, into two buffers
    (call $errno (call $get_output_single
      (i32.load (i32.const 20)) (i32.const 0) (i32.const 530) (i32.const 40) (i32.const 24)))
    (call $errno (call $get_output
      (i32.load (i32.const 20)) (i32.const 0) (i32.const 570) (i32.const 40) (i32.const 24)))
    ;; 7-8: fini_single on the context, and on a context that does not exist
    (call $errno (call $fini_single (i32.load (i32.const 20))))
    (call $errno (call $fini_single (i32.const 99)))
    ;; 9-11: unload, again, and a context from the unloaded graph
    (call $errno (call $unload (i32.load (i32.const 16))))
    (call $errno (call $unload (i32.load (i32.const 16))))
    (call $errno (call $init (i32.load (i32.const 16)) (i32.const 28)))
    ;; 12: the context outlives its graph
    (call $errno (call $compute (i32.load (i32.const 20))))
    ;; 13-17: finalize, then every use of the context fails
    (call $errno (call $finalize (i32.load (i32.const 20))))
    (call $errno (call $compute (i32.load (i32.const 20))))
    (call $errno (call $finalize (i32.load (i32.const 20))))
    (call $errno (call $get_output
      (i32.load (i32.const 20)) (i32.const 0) (i32.const 570) (i32.const 40) (i32.const 24)))
    (call $errno (call $fini_single (i32.load (i32.const 20))))
    ;; stdout: the 98 bytes from 512, in hex
    (call $hex (i32.const 512) (i32.const 98) (i32.const 1024))
    (i32.store8 (i32.const 1220) (i32.const 10))
    (i32.store (i32.const 0) (i32.const 1024))
    (i32.store (i32.const 4) (i32.const 197))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  ;; Writes the `len` bytes at `src` as lowercase hex at `dst`.
  (func $hex (param $src i32) (param $len i32) (param $dst i32)
    (local $i i32) (local $b i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (i32.load8_u (i32.add (local.get $src) (local.get $i))))
        (i32.store8 (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 1)))
          (call $digit (i32.shr_u (local.get $b) (i32.const 4))))
        (i32.store8 (i32.add (local.get $dst) (i32.add (i32.shl (local.get $i) (i32.const 1)) (i32.const 1)))
          (call $digit (i32.and (local.get $b) (i32.const 15))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))
  (func $digit (param $n i32) (result i32)
    (i32.add (local.get $n)
      (select (i32.const 48) (i32.const 87) (i32.lt_u (local.get $n) (i32.const 10)))))
)
