;; Legacy wasi-nn guest that interprets a call program, for the differential
;; call-sequence fuzzer (tests/tests/fuzz/calls.rs writes the programs):
;;
;;   calls.wat <program as lowercase hex>
;;
;; A program is a list of little-endian u32 words: an opcode and its operands.
;;
;;   0 store   addr value               i32.store, prints nothing
;;   1 read    path len dest cap lenout  read file `path` of the first preopen
;;                                       (fd 3) into dest; stores its length
;;   2 load                a b c d e    \
;;   3 load_by_name        a b c         | the wasi_ephemeral_nn import with
;;   4 init_execution_context a b        | these arguments, then two words:
;;   5 set_input           a b c         | show_addr show_len
;;   6 compute             a             |
;;   7 get_output          a b c d e    /
;;
;; Every opcode but `store` prints one line: `<errno>` (decimal), then, for
;; the nn calls, a space and the `show_len` bytes at `show_addr` in hex. A
;; guest that stops early (a trap) thus shows which call stopped it.
;;
;; Layout: 0..64 iovec, fd, nread; 64..80 argc/argv sizes and pointers;
;; 1024..1100 digit scratch; 4096..8192 line buffer; 65536..262144 argv
;; (the program, decoded in place); 262144.. free for programs.
(module
  (import "wasi_ephemeral_nn" "load" (func $load (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "load_by_name" (func $load_by_name (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "init_execution_context" (func $init (param i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "set_input" (func $set_input (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  (import "wasi_ephemeral_nn" "get_output" (func $get_output (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))

  ;; 80 pages: 5 MiB. The adapters grow it for their own state, so the
  ;; fuzzer's out-of-bounds pointers stay far beyond it.
  (memory (export "memory") 80)

  (global $line (mut i32) (i32.const 0))

  (func $put (param $byte i32)
    (i32.store8 (i32.add (i32.const 4096) (global.get $line)) (local.get $byte))
    (global.set $line (i32.add (global.get $line) (i32.const 1))))

  (func $put_decimal (param $v i32)
    (local $start i32)
    (local.set $start (i32.const 1100))
    (loop $digit
      (local.set $start (i32.sub (local.get $start) (i32.const 1)))
      (i32.store8 (local.get $start)
        (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (local.get $v)))
    (loop $copy
      (call $put (i32.load8_u (local.get $start)))
      (local.set $start (i32.add (local.get $start) (i32.const 1)))
      (br_if $copy (i32.lt_u (local.get $start) (i32.const 1100)))))

  (func $put_hex_digit (param $v i32)
    (call $put (i32.add (local.get $v)
      (select (i32.const 48) (i32.const 87) (i32.lt_u (local.get $v) (i32.const 10))))))

  ;; Writes the line buffer and a newline to stdout, as one buffer.
  (func $flush
    (call $put (i32.const 10))
    (i32.store (i32.const 0) (i32.const 4096))
    (i32.store (i32.const 4) (global.get $line))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 16)))
    (global.set $line (i32.const 0)))

  ;; `<errno> <hex of show_len bytes at show_addr>` (at most 1024 bytes).
  (func $report (param $errno i32) (param $show i32) (param $len i32)
    (local $end i32)
    (call $put_decimal (local.get $errno))
    (if (local.get $len)
      (then
        (call $put (i32.const 32))
        (if (i32.gt_u (local.get $len) (i32.const 1024)) (then (local.set $len (i32.const 1024))))
        (local.set $end (i32.add (local.get $show) (local.get $len)))
        (loop $byte
          (call $put_hex_digit (i32.shr_u (i32.load8_u (local.get $show)) (i32.const 4)))
          (call $put_hex_digit (i32.and (i32.load8_u (local.get $show)) (i32.const 15)))
          (local.set $show (i32.add (local.get $show) (i32.const 1)))
          (br_if $byte (i32.lt_u (local.get $show) (local.get $end))))))
    (call $flush))

  ;; Reads a file of the first preopen into $dest (at most $cap bytes);
  ;; stores its length at $len_out; returns the first failing errno or 0.
  (func $read_file (param $path i32) (param $path_len i32) (param $dest i32) (param $cap i32) (param $len_out i32) (result i32)
    (local $errno i32) (local $total i32)
    (local.set $errno
      (call $path_open (i32.const 3) (i32.const 0) (local.get $path) (local.get $path_len)
        (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 40)))
    (if (local.get $errno) (then (return (local.get $errno))))
    (loop $more
      (i32.store (i32.const 24) (i32.add (local.get $dest) (local.get $total)))
      (i32.store (i32.const 28) (i32.sub (local.get $cap) (local.get $total)))
      (local.set $errno (call $fd_read (i32.load (i32.const 40)) (i32.const 24) (i32.const 1) (i32.const 44)))
      (if (local.get $errno) (then (return (local.get $errno))))
      (local.set $total (i32.add (local.get $total) (i32.load (i32.const 44))))
      (br_if $more (i32.load (i32.const 44))))
    (i32.store (local.get $len_out) (local.get $total))
    (call $fd_close (i32.load (i32.const 40))))

  (func $nibble (param $c i32) (result i32)
    (select (i32.sub (local.get $c) (i32.const 48)) (i32.sub (local.get $c) (i32.const 87))
      (i32.lt_u (local.get $c) (i32.const 58))))

  ;; Decodes argv[1] in place at 65536; returns the program's end.
  (func $program_end (result i32)
    (local $src i32) (local $dst i32) (local $end i32)
    (drop (call $args_sizes_get (i32.const 64) (i32.const 68)))
    (if (i32.ne (i32.load (i32.const 64)) (i32.const 2)) (then (unreachable)))
    (if (i32.gt_u (i32.load (i32.const 68)) (i32.const 196608)) (then (unreachable)))
    (drop (call $args_get (i32.const 72) (i32.const 65536)))
    (local.set $src (i32.load (i32.const 76)))
    (local.set $dst (i32.const 65536))
    (local.set $end (i32.add (i32.const 65536) (i32.load (i32.const 68))))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (i32.add (local.get $src) (i32.const 1)) (local.get $end)))
        (br_if $done (i32.eqz (i32.load8_u (local.get $src))))
        (i32.store8 (local.get $dst)
          (i32.or
            (i32.shl (call $nibble (i32.load8_u (local.get $src))) (i32.const 4))
            (call $nibble (i32.load8_u (i32.add (local.get $src) (i32.const 1))))))
        (local.set $src (i32.add (local.get $src) (i32.const 2)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 1)))
        (br $pair)))
    (local.get $dst))

  (func (export "_start")
    (local $pc i32) (local $end i32) (local $op i32) (local $errno i32)
    (local.set $end (call $program_end))
    (local.set $pc (i32.const 65536))
    (block $halt
      (loop $next
        (br_if $halt (i32.ge_u (local.get $pc) (local.get $end)))
        (local.set $op (i32.load (local.get $pc)))
        (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
        (block $call
          (block $get_output
            (block $compute
              (block $set_input
                (block $init
                  (block $load_by_name
                    (block $load
                      (block $read
                        (block $store
                          (br_table $store $read $load $load_by_name $init $set_input $compute $get_output
                            (local.get $op)))
                        ;; store
                        (i32.store (i32.load (local.get $pc)) (i32.load offset=4 (local.get $pc)))
                        (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
                        (br $next))
                      ;; read
                      (call $report
                        (call $read_file (i32.load (local.get $pc)) (i32.load offset=4 (local.get $pc))
                          (i32.load offset=8 (local.get $pc)) (i32.load offset=12 (local.get $pc))
                          (i32.load offset=16 (local.get $pc)))
                        (i32.const 0) (i32.const 0))
                      (local.set $pc (i32.add (local.get $pc) (i32.const 20)))
                      (br $next))
                    (local.set $errno (call $load (i32.load (local.get $pc)) (i32.load offset=4 (local.get $pc))
                      (i32.load offset=8 (local.get $pc)) (i32.load offset=12 (local.get $pc))
                      (i32.load offset=16 (local.get $pc))))
                    (local.set $pc (i32.add (local.get $pc) (i32.const 20)))
                    (br $call))
                  (local.set $errno (call $load_by_name (i32.load (local.get $pc)) (i32.load offset=4 (local.get $pc))
                    (i32.load offset=8 (local.get $pc))))
                  (local.set $pc (i32.add (local.get $pc) (i32.const 12)))
                  (br $call))
                (local.set $errno (call $init (i32.load (local.get $pc)) (i32.load offset=4 (local.get $pc))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
                (br $call))
              (local.set $errno (call $set_input (i32.load (local.get $pc)) (i32.load offset=4 (local.get $pc))
                (i32.load offset=8 (local.get $pc))))
              (local.set $pc (i32.add (local.get $pc) (i32.const 12)))
              (br $call))
            (local.set $errno (call $compute (i32.load (local.get $pc))))
            (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
            (br $call))
          (local.set $errno (call $get_output (i32.load (local.get $pc)) (i32.load offset=4 (local.get $pc))
            (i32.load offset=8 (local.get $pc)) (i32.load offset=12 (local.get $pc))
            (i32.load offset=16 (local.get $pc))))
          (local.set $pc (i32.add (local.get $pc) (i32.const 20))))
        ;; every nn call: the errno and the bytes the program asked to see
        (call $report (local.get $errno) (i32.load (local.get $pc)) (i32.load offset=4 (local.get $pc)))
        (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
        (br $next)))))
