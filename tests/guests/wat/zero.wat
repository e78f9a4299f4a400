;; Legacy wasi-nn guest whose pointer arguments sit at address 0, which is
;; linear memory like any other (wiggle, the canonical ABI and the preview1
;; adapter all treat it so):
;;
;;   zero.wat <mask>
;;
;; For each set bit p of <mask> (0..10, lowest first) one round runs
;; `load_by_name`, `load`, `init_execution_context`, `set_input`, `compute`
;; and `get_output` on the softmax model, with pointer argument p at address
;; 0 (its bytes copied there first) and every other one elsewhere:
;;
;;   0 load_by_name's name          6 set_input's data
;;   1 load_by_name's out-pointer   7 get_output's buffer
;;   2 load's builder array         8 get_output's out-pointer
;;   3 load's builder 0 (the XML)   9 load's out-pointer
;;   4 set_input's tensor record   10 init_execution_context's out-pointer
;;   5 set_input's dimensions
;;
;; Each call prints `<label> <errno>`, then what it wrote (`<label> <u32>`
;; per word, read back from where the guest pointed). Page 0 holds nothing
;; but the current round's argument; everything else lives from 65536 on.
;; tests/tests/differential/zero.rs runs it.
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

  ;; Layout (page 0 is the round's argument alone):
  ;;   65536   iovec, nwritten     65600..65700 digit scratch
  ;;   65800   line buffer         66000 argc/argv sizes, 66008 argv pointers
  ;;   66100   argv bytes          67000 strings      67100 labels (16 bytes each)
  ;;   68000   out-slots: load_by_name, load, init, get_output; 68016 fd; 68020 nread
  ;;   68100   builder array       68200 tensor record    68300 dims [1,10]
  ;;   68400   input (10 f32)      68500 output buffer (10 f32)
  ;;   131072  xml (32 KiB)        163840 weights (32 KiB)
  (memory (export "memory") 4)

  (data (i32.const 67000) "softmax/model.xml")  ;; 17 bytes
  (data (i32.const 67032) "softmax/model.bin")  ;; 17 bytes
  (data (i32.const 67064) "softmax")            ;; 7 bytes
  (data (i32.const 68300) "\01\00\00\00\0a\00\00\00")
  ;; 0.0, 0.5, 1.0, ... 4.5
  (data (i32.const 68400)
    "\00\00\00\00\00\00\00\3f\00\00\80\3f\00\00\c0\3f\00\00\00\40"
    "\00\00\20\40\00\00\40\40\00\00\60\40\00\00\80\40\00\00\90\40")

  (data (i32.const 67100) "round\00")
  (data (i32.const 67116) "load_by_name\00")
  (data (i32.const 67132) "lbn_graph\00")
  (data (i32.const 67148) "load\00")
  (data (i32.const 67164) "graph\00")
  (data (i32.const 67180) "init\00")
  (data (i32.const 67196) "context\00")
  (data (i32.const 67212) "set_input\00")
  (data (i32.const 67228) "compute\00")
  (data (i32.const 67244) "get_output\00")
  (data (i32.const 67260) "size\00")
  (data (i32.const 67276) "out\00")
  (data (i32.const 67292) "read_failed\00")

  ;; The pointer argument at address 0 in this round.
  (global $at_zero (mut i32) (i32.const -1))

  ;; Print `<NUL-terminated label> <v as unsigned decimal>\n` as one buffer.
  (func $print (param $label i32) (param $v i32)
    (local $len i32) (local $start i32) (local $n i32)
    (block $done
      (loop $copy
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $label) (local.get $len)))))
        (i32.store8 (i32.add (i32.const 65800) (local.get $len))
          (i32.load8_u (i32.add (local.get $label) (local.get $len))))
        (local.set $len (i32.add (local.get $len) (i32.const 1)))
        (br $copy)))
    (i32.store8 (i32.add (i32.const 65800) (local.get $len)) (i32.const 32))
    (local.set $len (i32.add (local.get $len) (i32.const 1)))
    (local.set $start (i32.const 65700))
    (loop $digit
      (local.set $start (i32.sub (local.get $start) (i32.const 1)))
      (i32.store8 (local.get $start)
        (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (local.get $v)))
    (local.set $n (i32.sub (i32.const 65700) (local.get $start)))
    (memory.copy (i32.add (i32.const 65800) (local.get $len)) (local.get $start) (local.get $n))
    (local.set $len (i32.add (local.get $len) (local.get $n)))
    (i32.store8 (i32.add (i32.const 65800) (local.get $len)) (i32.const 10))
    (local.set $len (i32.add (local.get $len) (i32.const 1)))
    (i32.store (i32.const 65536) (i32.const 65800))
    (i32.store (i32.const 65540) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 65536) (i32.const 1) (i32.const 65544))))

  ;; Read a file under the first preopen (fd 3) into $buf; its length, or 0.
  (func $read_file (param $path i32) (param $path_len i32) (param $buf i32) (param $cap i32) (result i32)
    (local $errno i32) (local $total i32)
    (local.set $errno
      (call $path_open (i32.const 3) (i32.const 0) (local.get $path) (local.get $path_len)
        (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 68016)))
    (if (local.get $errno) (then (call $print (i32.const 67292) (local.get $errno)) (return (i32.const 0))))
    (loop $more
      (i32.store (i32.const 65536) (i32.add (local.get $buf) (local.get $total)))
      (i32.store (i32.const 65540) (i32.sub (local.get $cap) (local.get $total)))
      (local.set $errno (call $fd_read (i32.load (i32.const 68016)) (i32.const 65536) (i32.const 1) (i32.const 68020)))
      (if (local.get $errno) (then (call $print (i32.const 67292) (local.get $errno)) (return (i32.const 0))))
      (local.set $total (i32.add (local.get $total) (i32.load (i32.const 68020))))
      (br_if $more (i32.load (i32.const 68020))))
    (drop (call $fd_close (i32.load (i32.const 68016))))
    (local.get $total))

  ;; Where argument $which goes this round: address 0, holding a copy of the
  ;; $len bytes at $home, when it is the round's; else $home itself.
  (func $place (param $which i32) (param $home i32) (param $len i32) (result i32)
    (if (i32.ne (local.get $which) (global.get $at_zero)) (then (return (local.get $home))))
    (memory.copy (i32.const 0) (local.get $home) (local.get $len))
    (i32.const 0))

  ;; An out-pointer: `$place`d, and its word cleared to 0xffffffff so that
  ;; what is printed afterwards is what the call wrote.
  (func $out (param $which i32) (param $home i32) (result i32)
    (local $at i32)
    (local.set $at (call $place (local.get $which) (local.get $home) (i32.const 0)))
    (i32.store (local.get $at) (i32.const -1))
    (local.get $at))

  (func $round (param $xml_len i32) (param $bin_len i32)
    (local $at i32) (local $out i32) (local $dims i32) (local $data i32) (local $i i32)
    (call $print (i32.const 67100) (global.get $at_zero))
    ;; load_by_name
    (local.set $out (call $out (i32.const 1) (i32.const 68000)))
    (local.set $at (call $place (i32.const 0) (i32.const 67064) (i32.const 7)))
    (call $print (i32.const 67116) (call $load_by_name (local.get $at) (i32.const 7) (local.get $out)))
    (call $print (i32.const 67132) (i32.load (local.get $out)))
    ;; load: the builder array at 68100 names the xml (maybe at 0) and the weights
    (i32.store (i32.const 68100) (call $place (i32.const 3) (i32.const 131072) (local.get $xml_len)))
    (i32.store (i32.const 68104) (local.get $xml_len))
    (i32.store (i32.const 68108) (i32.const 163840))
    (i32.store (i32.const 68112) (local.get $bin_len))
    (local.set $out (call $out (i32.const 9) (i32.const 68004)))
    (local.set $at (call $place (i32.const 2) (i32.const 68100) (i32.const 16)))
    (call $print (i32.const 67148)
      (call $load (local.get $at) (i32.const 2) (i32.const 0) (i32.const 0) (local.get $out)))
    (call $print (i32.const 67164) (i32.load (local.get $out)))
    (i32.store (i32.const 68004) (i32.load (local.get $out)))
    ;; init_execution_context on that graph
    (local.set $out (call $out (i32.const 10) (i32.const 68008)))
    (call $print (i32.const 67180) (call $init (i32.load (i32.const 68004)) (local.get $out)))
    (call $print (i32.const 67196) (i32.load (local.get $out)))
    (i32.store (i32.const 68008) (i32.load (local.get $out)))
    ;; set_input: the record at 68200 names the dims and data (each maybe at 0)
    (local.set $dims (call $place (i32.const 5) (i32.const 68300) (i32.const 8)))
    (local.set $data (call $place (i32.const 6) (i32.const 68400) (i32.const 40)))
    (i32.store (i32.const 68200) (local.get $dims))
    (i32.store (i32.const 68204) (i32.const 2))
    (i32.store (i32.const 68208) (i32.const 1))
    (i32.store (i32.const 68212) (local.get $data))
    (i32.store (i32.const 68216) (i32.const 40))
    (local.set $at (call $place (i32.const 4) (i32.const 68200) (i32.const 20)))
    (call $print (i32.const 67212)
      (call $set_input (i32.load (i32.const 68008)) (i32.const 0) (local.get $at)))
    (call $print (i32.const 67228) (call $compute (i32.load (i32.const 68008))))
    ;; get_output into a buffer and a size out-pointer (each maybe at 0)
    (local.set $out (call $out (i32.const 8) (i32.const 68012)))
    (local.set $at (call $place (i32.const 7) (i32.const 68500) (i32.const 0)))
    (memory.fill (local.get $at) (i32.const 0xff) (i32.const 40))
    (call $print (i32.const 67244)
      (call $get_output (i32.load (i32.const 68008)) (i32.const 0) (local.get $at) (i32.const 40) (local.get $out)))
    (call $print (i32.const 67260) (i32.load (local.get $out)))
    (loop $word
      (call $print (i32.const 67276) (i32.load (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $word (i32.lt_u (local.get $i) (i32.const 10)))))

  ;; argv[1] as an unsigned decimal (0 when missing).
  (func $mask (result i32)
    (local $p i32) (local $n i32) (local $c i32)
    (drop (call $args_sizes_get (i32.const 66000) (i32.const 66004)))
    (if (i32.lt_u (i32.load (i32.const 66000)) (i32.const 2)) (then (return (i32.const 0))))
    (if (i32.gt_u (i32.load (i32.const 66000)) (i32.const 16)) (then (return (i32.const 0))))
    (if (i32.gt_u (i32.load (i32.const 66004)) (i32.const 500)) (then (return (i32.const 0))))
    (drop (call $args_get (i32.const 66008) (i32.const 66100)))
    (local.set $p (i32.load (i32.const 66012)))
    (block $end
      (loop $digit
        (local.set $c (i32.load8_u (local.get $p)))
        (br_if $end (i32.eqz (local.get $c)))
        (local.set $n (i32.add (i32.mul (local.get $n) (i32.const 10)) (i32.sub (local.get $c) (i32.const 48))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $digit)))
    (local.get $n))

  (func (export "_start")
    (local $mask i32) (local $xml_len i32) (local $bin_len i32) (local $p i32)
    (local.set $mask (call $mask))
    (local.set $xml_len (call $read_file (i32.const 67000) (i32.const 17) (i32.const 131072) (i32.const 32768)))
    (local.set $bin_len (call $read_file (i32.const 67032) (i32.const 17) (i32.const 163840) (i32.const 32768)))
    (loop $next
      (if (i32.and (local.get $mask) (i32.shl (i32.const 1) (local.get $p)))
        (then
          (global.set $at_zero (local.get $p))
          (call $round (local.get $xml_len) (local.get $bin_len))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $p) (i32.const 11)))))
)
