;; Legacy wasi-nn guest written by hand for what the `wasi-nn` crate cannot
;; express. One case per run, chosen by argv[1] (a decimal index into the
;; `$cases` table below):
;;
;;   errors.wat <case>
;;
;; Every run: read models/softmax/model.{xml,bin} through preview1 (the first
;; preopen, fd 3, is named "models"), `load` + `init_execution_context`
;; (printed as setup_*), then the case, printed as `errno <n>` (plus `size <n>`
;; where a size is returned), then a tail that must still work on the setup
;; context: set_input, compute, get_output and the ten output words as u32.
;; Each line is `<label> <unsigned decimal>`.
;;
;; A case is a function without parameters listed in `$cases`; its name is
;; the name of its test in tests/tests/differential/errors.rs (a case without
;; a test does not compile). Reference = upstream wasmtime-wasi-nn 48 WITX host.
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

  ;; Layout:
  ;;   0..20     fd_write iovecs and nwritten
  ;;   64        graph handle     68  context handle   72  output size
  ;;   76        fd               80  nread            84  second graph
  ;;   88        second context
  ;;   128       builder array (xml ptr, xml len, bin ptr, bin len)
  ;;   160       tensor record (dims ptr, dims len, type, data ptr, data len)
  ;;   192       dims [1,10]      200 dims [1,5]
  ;;   1024      input data (10 f32)      2048 output buffer
  ;;   3000      strings          3200..3300 digit scratch   3600 line buffer
  ;;   3400      argc/argv        4096 labels (32 bytes each)
  ;;   65536     xml (32 KiB)     98304 weights (32 KiB)
  (memory (export "memory") 2)

  (data (i32.const 192) "\01\00\00\00\0a\00\00\00")
  (data (i32.const 200) "\01\00\00\00\05\00\00\00")
  (data (i32.const 3000) "softmax/model.xml")   ;; 17 bytes
  (data (i32.const 3032) "softmax/model.bin")   ;; 17 bytes
  (data (i32.const 3064) "no-such-graph")       ;; 13 bytes
  (data (i32.const 3096) "this is not an OpenVINO IR") ;; 26 bytes
  (data (i32.const 3128) "softmax")             ;; 7 bytes

  (data (i32.const 4096) "setup_load\00")
  (data (i32.const 4128) "setup_init\00")
  (data (i32.const 4160) "case\00")
  (data (i32.const 4192) "errno\00")
  (data (i32.const 4224) "size\00")
  (data (i32.const 4256) "tail_set_input\00")
  (data (i32.const 4288) "tail_compute\00")
  (data (i32.const 4320) "tail_get_output\00")
  (data (i32.const 4352) "tail_size\00")
  (data (i32.const 4384) "tail_out\00")
  (data (i32.const 4416) "unknown_case\00")
  (data (i32.const 4448) "read_xml\00")
  (data (i32.const 4480) "read_bin\00")
  (data (i32.const 4512) "init\00")
  (data (i32.const 4544) "compute\00")
  (data (i32.const 4576) "out\00")
  (data (i32.const 4608) "load_by_name\00")
  (data (i32.const 4640) "set_input_1\00")
  (data (i32.const 4672) "set_input_0\00")
  (data (i32.const 4704) "get_output\00")

;; Print `<NUL-terminated label> <v as unsigned decimal>\n` to stdout, as
  ;; one buffer (preview1 hosts may write only the first iovec).
  (func $print (param $label i32) (param $v i32)
    (local $len i32) (local $start i32) (local $n i32)
    (block $done
      (loop $copy
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $label) (local.get $len)))))
        (i32.store8 (i32.add (i32.const 3600) (local.get $len))
          (i32.load8_u (i32.add (local.get $label) (local.get $len))))
        (local.set $len (i32.add (local.get $len) (i32.const 1)))
        (br $copy)))
    (i32.store8 (i32.add (i32.const 3600) (local.get $len)) (i32.const 32))
    (local.set $len (i32.add (local.get $len) (i32.const 1)))
    (local.set $start (i32.const 3300))
    (loop $digit
      (local.set $start (i32.sub (local.get $start) (i32.const 1)))
      (i32.store8 (local.get $start)
        (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (local.get $v)))
    (local.set $n (i32.sub (i32.const 3300) (local.get $start)))
    (memory.copy (i32.add (i32.const 3600) (local.get $len)) (local.get $start) (local.get $n))
    (local.set $len (i32.add (local.get $len) (local.get $n)))
    (i32.store8 (i32.add (i32.const 3600) (local.get $len)) (i32.const 10))
    (local.set $len (i32.add (local.get $len) (i32.const 1)))
    (i32.store (i32.const 0) (i32.const 3600))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 16))))

  ;; Read a file under the first preopen into $buf; returns its length, or
  ;; prints the errno under $label and returns 0.
  (func $read_file (param $path i32) (param $path_len i32) (param $buf i32) (param $cap i32) (param $label i32) (result i32)
    (local $errno i32) (local $total i32)
    (local.set $errno
      (call $path_open (i32.const 3) (i32.const 0) (local.get $path) (local.get $path_len)
        (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 76)))
    (if (local.get $errno) (then (call $print (local.get $label) (local.get $errno)) (return (i32.const 0))))
    (loop $more
      (i32.store (i32.const 24) (i32.add (local.get $buf) (local.get $total)))
      (i32.store (i32.const 28) (i32.sub (local.get $cap) (local.get $total)))
      (local.set $errno (call $fd_read (i32.load (i32.const 76)) (i32.const 24) (i32.const 1) (i32.const 80)))
      (if (local.get $errno) (then (call $print (local.get $label) (local.get $errno)) (return (i32.const 0))))
      (local.set $total (i32.add (local.get $total) (i32.load (i32.const 80))))
      (br_if $more (i32.load (i32.const 80))))
    (drop (call $fd_close (i32.load (i32.const 76))))
    (local.get $total))

  ;; Write the tensor record at 160 and return its address.
  (func $tensor (param $dims i32) (param $ndims i32) (param $type i32) (param $data i32) (param $len i32) (result i32)
    (i32.store (i32.const 160) (local.get $dims))
    (i32.store (i32.const 164) (local.get $ndims))
    (i32.store8 (i32.const 168) (local.get $type))
    (i32.store (i32.const 172) (local.get $data))
    (i32.store (i32.const 176) (local.get $len))
    (i32.const 160))

  (func $valid_tensor (result i32)
    (call $tensor (i32.const 192) (i32.const 2) (i32.const 1) (i32.const 1024) (i32.const 40)))

  (func $case_number (result i32)
    (local $p i32) (local $n i32) (local $c i32)
    (drop (call $args_sizes_get (i32.const 3400) (i32.const 3404)))
    (if (i32.lt_u (i32.load (i32.const 3400)) (i32.const 2)) (then (return (i32.const -1))))
    (if (i32.gt_u (i32.load (i32.const 3400)) (i32.const 16)) (then (return (i32.const -1))))
    (if (i32.gt_u (i32.load (i32.const 3404)) (i32.const 500)) (then (return (i32.const -1))))
    (drop (call $args_get (i32.const 3408) (i32.const 3500)))
    (local.set $p (i32.load (i32.const 3412)))
    (block $end
      (loop $digit
        (local.set $c (i32.load8_u (local.get $p)))
        (br_if $end (i32.eqz (local.get $c)))
        (local.set $n (i32.add (i32.mul (local.get $n) (i32.const 10)) (i32.sub (local.get $c) (i32.const 48))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $digit)))
    (local.get $n))

  ;; Load the IR held in the builder array at 128 with the given encoding,
  ;; target and builder count; print the errno.
  (func $load_case (param $count i32) (param $encoding i32) (param $target i32)
    (call $print (i32.const 4192)
      (call $load (i32.const 128) (local.get $count) (local.get $encoding) (local.get $target) (i32.const 84))))

  ;; nothing (the tail alone)
  (func $tail_only)

  ;; init_execution_context on an unknown graph handle
  (func $init_unknown_graph
    (call $print (i32.const 4192) (call $init (i32.const 1234) (i32.const 88))))

  ;; set_input on an unknown context handle
  (func $set_input_unknown_context
    (call $print (i32.const 4192) (call $set_input (i32.const 1234) (i32.const 0) (call $valid_tensor))))

  ;; compute on an unknown context handle
  (func $compute_unknown_context
    (call $print (i32.const 4192) (call $compute (i32.const 1234))))

  ;; get_output on an unknown context handle
  (func $get_output_unknown_context
    (call $print (i32.const 4192)
      (call $get_output (i32.const 1234) (i32.const 0) (i32.const 2048) (i32.const 40) (i32.const 72))))

  ;; set_input with input index 5 (the model has one input)
  (func $set_input_index_out_of_range
    (call $print (i32.const 4192)
      (call $set_input (i32.load (i32.const 68)) (i32.const 5) (call $valid_tensor))))

  ;; on a graph from load_by_name (softmax, preloaded; the adapter knows no
  ;; names for it): set_input with input index 1 (the model has one input),
  ;; then a full round on that context, which must keep working; then index 1
  ;; again and another compute
  (func $set_input_index_out_of_range_by_name
    (local $ctx i32)
    (call $print (i32.const 4608) (call $load_by_name (i32.const 3128) (i32.const 7) (i32.const 84)))
    (call $print (i32.const 4512) (call $init (i32.load (i32.const 84)) (i32.const 88)))
    (local.set $ctx (i32.load (i32.const 88)))
    (call $print (i32.const 4640) (call $set_input (local.get $ctx) (i32.const 1) (call $valid_tensor)))
    (call $print (i32.const 4672) (call $set_input (local.get $ctx) (i32.const 0) (call $valid_tensor)))
    (call $print (i32.const 4544) (call $compute (local.get $ctx)))
    (call $print (i32.const 4704)
      (call $get_output (local.get $ctx) (i32.const 0) (i32.const 2048) (i32.const 40) (i32.const 72)))
    (call $print (i32.const 4224) (i32.load (i32.const 72)))
    (call $print (i32.const 4576) (i32.load (i32.const 2084)))
    (call $print (i32.const 4640) (call $set_input (local.get $ctx) (i32.const 1) (call $valid_tensor)))
    (call $print (i32.const 4544) (call $compute (local.get $ctx))))

  ;; get_output with output index 3 (the model has one output)
  (func $get_output_index_out_of_range
    (drop (call $set_input (i32.load (i32.const 68)) (i32.const 0) (call $valid_tensor)))
    (drop (call $compute (i32.load (i32.const 68))))
    (call $print (i32.const 4192)
      (call $get_output (i32.load (i32.const 68)) (i32.const 3) (i32.const 2048) (i32.const 40) (i32.const 72))))

  ;; get_output into a buffer one byte too small (39 < 40)
  (func $get_output_buffer_one_byte_short
    (drop (call $set_input (i32.load (i32.const 68)) (i32.const 0) (call $valid_tensor)))
    (drop (call $compute (i32.load (i32.const 68))))
    (call $print (i32.const 4192)
      (call $get_output (i32.load (i32.const 68)) (i32.const 0) (i32.const 2048) (i32.const 39) (i32.const 72))))

  ;; get_output into a zero-length buffer
  (func $get_output_zero_buffer
    (drop (call $set_input (i32.load (i32.const 68)) (i32.const 0) (call $valid_tensor)))
    (drop (call $compute (i32.load (i32.const 68))))
    (call $print (i32.const 4192)
      (call $get_output (i32.load (i32.const 68)) (i32.const 0) (i32.const 2048) (i32.const 0) (i32.const 72))))

  ;; after a valid set_input, set_input with dims [1,5] (model wants
  ;; [1,10]), 20 bytes; then compute (on the valid input)
  (func $set_input_wrong_dims
    (call $print (i32.const 4672) (call $set_input (i32.load (i32.const 68)) (i32.const 0) (call $valid_tensor)))
    (call $print (i32.const 4192) (call $set_input (i32.load (i32.const 68)) (i32.const 0)
      (call $tensor (i32.const 200) (i32.const 2) (i32.const 1) (i32.const 1024) (i32.const 20))))
    (call $print (i32.const 4544) (call $compute (i32.load (i32.const 68)))))

  ;; after a valid set_input, set_input with type u8 dims [1,10], 10 bytes
  ;; (model wants f32); then compute (on the valid input)
  (func $set_input_wrong_type
    (call $print (i32.const 4672) (call $set_input (i32.load (i32.const 68)) (i32.const 0) (call $valid_tensor)))
    (call $print (i32.const 4192) (call $set_input (i32.load (i32.const 68)) (i32.const 0)
      (call $tensor (i32.const 192) (i32.const 2) (i32.const 3) (i32.const 1024) (i32.const 10))))
    (call $print (i32.const 4544) (call $compute (i32.load (i32.const 68)))))

  ;; set_input without dimensions and 40 bytes (not one element)
  (func $set_input_no_dims
    (call $print (i32.const 4192) (call $set_input (i32.load (i32.const 68)) (i32.const 0)
      (call $tensor (i32.const 192) (i32.const 0) (i32.const 1) (i32.const 1024) (i32.const 40)))))

  ;; load with one builder (OpenVINO wants xml + weights)
  (func $load_one_builder
    (call $load_case (i32.const 1) (i32.const 0) (i32.const 0)))

  ;; load IR bytes with encoding onnx (1)
  (func $load_ir_as_onnx
    (call $load_case (i32.const 2) (i32.const 1) (i32.const 0)))

  ;; load garbage instead of IR xml
  (func $load_garbage
    (i32.store (i32.const 128) (i32.const 3096))
    (i32.store (i32.const 132) (i32.const 26))
    (call $load_case (i32.const 2) (i32.const 0) (i32.const 0)))

  ;; load_by_name of a name the host does not have
  (func $load_by_name_unknown
    (call $print (i32.const 4192) (call $load_by_name (i32.const 3064) (i32.const 13) (i32.const 84))))

  ;; load with encoding autodetect (5)
  (func $load_autodetect
    (call $load_case (i32.const 2) (i32.const 5) (i32.const 0)))

  ;; load with target gpu (1) (no GPU here)
  (func $load_gpu
    (call $load_case (i32.const 2) (i32.const 0) (i32.const 1)))

  ;; compute on a fresh context before any set_input
  (func $compute_before_set_input
    (call $print (i32.const 4512) (call $init (i32.load (i32.const 64)) (i32.const 88)))
    (call $print (i32.const 4192) (call $compute (i32.load (i32.const 88)))))

  ;; set_input then get_output before any compute
  (func $get_output_before_compute
    (call $print (i32.const 4512) (call $init (i32.load (i32.const 64)) (i32.const 88)))
    (drop (call $set_input (i32.load (i32.const 88)) (i32.const 0) (call $valid_tensor)))
    (i32.store (i32.const 72) (i32.const 0))
    (call $print (i32.const 4192)
      (call $get_output (i32.load (i32.const 88)) (i32.const 0) (i32.const 2048) (i32.const 40) (i32.const 72)))
    (call $print (i32.const 4224) (i32.load (i32.const 72))))

  ;; set_input with tensor type 9 (not a WITX tensor_type)
  (func $invalid_tensor_type
    (call $print (i32.const 4192) (call $set_input (i32.load (i32.const 68)) (i32.const 0)
      (call $tensor (i32.const 192) (i32.const 2) (i32.const 9) (i32.const 1024) (i32.const 40)))))

  ;; load with encoding 9 (not a WITX graph_encoding)
  (func $invalid_encoding
    (call $load_case (i32.const 2) (i32.const 9) (i32.const 0)))

  ;; load with target 9 (not a WITX execution_target)
  (func $invalid_target
    (call $load_case (i32.const 2) (i32.const 0) (i32.const 9)))

  ;; load with target tpu (2)
  (func $tpu_target
    (call $load_case (i32.const 2) (i32.const 0) (i32.const 2)))

  ;; set_input whose data pointer is out of bounds
  (func $data_out_of_bounds
    (call $print (i32.const 4192) (call $set_input (i32.load (i32.const 68)) (i32.const 0)
      (call $tensor (i32.const 192) (i32.const 2) (i32.const 1) (i32.const 0xffff0000) (i32.const 40)))))

  ;; get_output whose buffer is out of bounds
  (func $output_buffer_out_of_bounds
    (drop (call $set_input (i32.load (i32.const 68)) (i32.const 0) (call $valid_tensor)))
    (drop (call $compute (i32.load (i32.const 68))))
    (call $print (i32.const 4192)
      (call $get_output (i32.load (i32.const 68)) (i32.const 0) (i32.const 0xffff0000) (i32.const 40) (i32.const 72))))

  ;; load whose builder array points out of bounds
  (func $builders_out_of_bounds
    (call $print (i32.const 4192)
      (call $load (i32.const 0xffff0000) (i32.const 2) (i32.const 0) (i32.const 0) (i32.const 84))))

  ;; set_input whose data is 8 bytes for dims [1,10] f32 (needs 40)
  (func $data_shorter_than_dims
    (call $print (i32.const 4192) (call $set_input (i32.load (i32.const 68)) (i32.const 0)
      (call $tensor (i32.const 192) (i32.const 2) (i32.const 1) (i32.const 1024) (i32.const 8)))))

  ;; set_input whose dims pointer is out of bounds
  (func $dims_out_of_bounds
    (call $print (i32.const 4192) (call $set_input (i32.load (i32.const 68)) (i32.const 0)
      (call $tensor (i32.const 0xffff0000) (i32.const 2) (i32.const 1) (i32.const 1024) (i32.const 40)))))

  ;; get_output whose buffer pointer + size wraps around 2^32
  (func $output_buffer_wraps
    (drop (call $set_input (i32.load (i32.const 68)) (i32.const 0) (call $valid_tensor)))
    (drop (call $compute (i32.load (i32.const 68))))
    (call $print (i32.const 4192)
      (call $get_output (i32.load (i32.const 68)) (i32.const 0) (i32.const 0xfffffff0) (i32.const 40) (i32.const 72))))

  ;; load_by_name whose name is out of bounds
  (func $name_out_of_bounds
    (call $print (i32.const 4192) (call $load_by_name (i32.const 0xffff0000) (i32.const 13) (i32.const 84))))

  ;; set_input with dims [1,10] f32 and 44 bytes of data
  (func $data_longer_than_dims
    (call $print (i32.const 4192) (call $set_input (i32.load (i32.const 68)) (i32.const 0)
      (call $tensor (i32.const 192) (i32.const 2) (i32.const 1) (i32.const 1024) (i32.const 44)))))

  ;; The cases, selected by argv[1] (an index in this table). tests/build.rs
  ;; reads their names from here for the tests.
  (table $cases funcref (elem
    $tail_only
    $init_unknown_graph
    $set_input_unknown_context
    $compute_unknown_context
    $get_output_unknown_context
    $set_input_index_out_of_range
    $set_input_index_out_of_range_by_name
    $get_output_index_out_of_range
    $get_output_buffer_one_byte_short
    $get_output_zero_buffer
    $set_input_wrong_dims
    $set_input_wrong_type
    $set_input_no_dims
    $load_one_builder
    $load_ir_as_onnx
    $load_garbage
    $load_by_name_unknown
    $load_autodetect
    $load_gpu
    $compute_before_set_input
    $get_output_before_compute
    $invalid_tensor_type
    $invalid_encoding
    $invalid_target
    $tpu_target
    $data_out_of_bounds
    $output_buffer_out_of_bounds
    $builders_out_of_bounds
    $data_shorter_than_dims
    $dims_out_of_bounds
    $output_buffer_wraps
    $name_out_of_bounds
    $data_longer_than_dims))

  (func $run_case (param $case i32)
    (call $print (i32.const 4160) (local.get $case))
    (if (i32.lt_u (local.get $case) (table.size $cases))
      (then (call_indirect $cases (local.get $case)))
      (else (call $print (i32.const 4416) (local.get $case)))))

  (func (export "_start")
    (local $case i32) (local $i i32) (local $ctx i32)
    (local.set $case (call $case_number))
    ;; Input: 0.0, 0.25, ..., 2.25.
    (loop $fill
      (f32.store (i32.add (i32.const 1024) (i32.shl (local.get $i) (i32.const 2)))
        (f32.mul (f32.convert_i32_s (local.get $i)) (f32.const 0.25)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $fill (i32.lt_u (local.get $i) (i32.const 10))))
    ;; Setup: builders from the model files, load, one context.
    (i32.store (i32.const 128) (i32.const 65536))
    (i32.store (i32.const 132) (call $read_file (i32.const 3000) (i32.const 17) (i32.const 65536) (i32.const 32768) (i32.const 4448)))
    (i32.store (i32.const 136) (i32.const 98304))
    (i32.store (i32.const 140) (call $read_file (i32.const 3032) (i32.const 17) (i32.const 98304) (i32.const 32768) (i32.const 4480)))
    (call $print (i32.const 4096) (call $load (i32.const 128) (i32.const 2) (i32.const 0) (i32.const 0) (i32.const 64)))
    (call $print (i32.const 4128) (call $init (i32.load (i32.const 64)) (i32.const 68)))
    (call $run_case (local.get $case))
    ;; Tail: the setup context still works.
    (local.set $ctx (i32.load (i32.const 68)))
    (call $print (i32.const 4256) (call $set_input (local.get $ctx) (i32.const 0) (call $valid_tensor)))
    (call $print (i32.const 4288) (call $compute (local.get $ctx)))
    (i32.store (i32.const 72) (i32.const 0))
    (call $print (i32.const 4320)
      (call $get_output (local.get $ctx) (i32.const 0) (i32.const 2048) (i32.const 40) (i32.const 72)))
    (call $print (i32.const 4352) (i32.load (i32.const 72)))
    (local.set $i (i32.const 0))
    (loop $out
      (call $print (i32.const 4384) (i32.load (i32.add (i32.const 2048) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $out (i32.lt_u (local.get $i) (i32.const 10)))))
)
