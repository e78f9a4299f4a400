(component
  (type $ty-wasi:nn/tensor@0.2.0-rc-2024-10-28 (;0;)
    (instance
      (export (;0;) "tensor" (type (sub resource)))
      (type (;1;) (list u32))
      (export (;2;) "tensor-dimensions" (type (eq 1)))
      (type (;3;) (enum "FP16" "FP32" "FP64" "BF16" "U8" "I32" "I64"))
      (export (;4;) "tensor-type" (type (eq 3)))
      (type (;5;) (list u8))
      (export (;6;) "tensor-data" (type (eq 5)))
      (type (;7;) (own 0))
      (type (;8;) (func (param "dimensions" 2) (param "ty" 4) (param "data" 6) (result 7)))
      (export (;0;) "[constructor]tensor" (func (type 8)))
    )
  )
  (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" (instance $wasi:nn/tensor@0.2.0-rc-2024-10-28 (;0;) (type $ty-wasi:nn/tensor@0.2.0-rc-2024-10-28)))
  (type $ty-wasi:nn/errors@0.2.0-rc-2024-10-28 (;1;)
    (instance
      (export (;0;) "error" (type (sub resource)))
      (type (;1;) (enum "invalid-argument" "invalid-encoding" "timeout" "runtime-error" "unsupported-operation" "too-large" "not-found" "security" "unknown"))
      (export (;2;) "error-code" (type (eq 1)))
      (type (;3;) (borrow 0))
      (type (;4;) (func (param "self" 3) (result 2)))
      (export (;0;) "[method]error.code" (func (type 4)))
    )
  )
  (import "wasi:nn/errors@0.2.0-rc-2024-10-28" (instance $wasi:nn/errors@0.2.0-rc-2024-10-28 (;1;) (type $ty-wasi:nn/errors@0.2.0-rc-2024-10-28)))
  (alias export $wasi:nn/tensor@0.2.0-rc-2024-10-28 "tensor" (type $tensor (;2;)))
  (alias export $wasi:nn/errors@0.2.0-rc-2024-10-28 "error" (type $error (;3;)))
  (type $ty-wasi:nn/inference@0.2.0-rc-2024-10-28 (;4;)
    (instance
      (export (;0;) "graph-execution-context" (type (sub resource)))
      (alias outer 1 $tensor (type (;1;)))
      (export (;2;) "tensor" (type (eq 1)))
      (type (;3;) (own 2))
      (type (;4;) (tuple string 3))
      (export (;5;) "named-tensor" (type (eq 4)))
      (alias outer 1 $error (type (;6;)))
      (export (;7;) "error" (type (eq 6)))
      (type (;8;) (borrow 0))
      (type (;9;) (list 5))
      (type (;10;) (own 7))
      (type (;11;) (result 9 (error 10)))
      (type (;12;) (func (param "self" 8) (param "inputs" 9) (result 11)))
      (export (;0;) "[method]graph-execution-context.compute" (func (type 12)))
    )
  )
  (import "wasi:nn/inference@0.2.0-rc-2024-10-28" (instance $wasi:nn/inference@0.2.0-rc-2024-10-28 (;2;) (type $ty-wasi:nn/inference@0.2.0-rc-2024-10-28)))
  (type $ty-wasi:cli/exit@0.2.12 (;5;)
    (instance
      (type (;0;) (result))
      (type (;1;) (func (param "status" 0)))
      (export (;0;) "exit" (func (type 1)))
    )
  )
  (import "wasi:cli/exit@0.2.12" (instance $wasi:cli/exit@0.2.12 (;3;) (type $ty-wasi:cli/exit@0.2.12)))
  (type $ty-wasi:io/error@0.2.12 (;6;)
    (instance
      (export (;0;) "error" (type (sub resource)))
    )
  )
  (import "wasi:io/error@0.2.12" (instance $wasi:io/error@0.2.12 (;4;) (type $ty-wasi:io/error@0.2.12)))
  (alias export $wasi:io/error@0.2.12 "error" (type $"#type7 error" (@name "error") (;7;)))
  (type $ty-wasi:io/streams@0.2.12 (;8;)
    (instance
      (alias outer 1 $"#type7 error" (type (;0;)))
      (export (;1;) "error" (type (eq 0)))
      (export (;2;) "output-stream" (type (sub resource)))
      (type (;3;) (own 1))
      (type (;4;) (variant (case "last-operation-failed" 3) (case "closed")))
      (export (;5;) "stream-error" (type (eq 4)))
      (export (;6;) "input-stream" (type (sub resource)))
      (type (;7;) (borrow 2))
      (type (;8;) (result u64 (error 5)))
      (type (;9;) (func (param "self" 7) (result 8)))
      (export (;0;) "[method]output-stream.check-write" (func (type 9)))
      (type (;10;) (list u8))
      (type (;11;) (result (error 5)))
      (type (;12;) (func (param "self" 7) (param "contents" 10) (result 11)))
      (export (;1;) "[method]output-stream.write" (func (type 12)))
      (export (;2;) "[method]output-stream.blocking-write-and-flush" (func (type 12)))
      (type (;13;) (func (param "self" 7) (result 11)))
      (export (;3;) "[method]output-stream.blocking-flush" (func (type 13)))
    )
  )
  (import "wasi:io/streams@0.2.12" (instance $wasi:io/streams@0.2.12 (;5;) (type $ty-wasi:io/streams@0.2.12)))
  (alias export $wasi:io/streams@0.2.12 "input-stream" (type $input-stream (;9;)))
  (type $ty-wasi:cli/stdin@0.2.12 (;10;)
    (instance
      (alias outer 1 $input-stream (type (;0;)))
      (export (;1;) "input-stream" (type (eq 0)))
      (type (;2;) (own 1))
      (type (;3;) (func (result 2)))
      (export (;0;) "get-stdin" (func (type 3)))
    )
  )
  (import "wasi:cli/stdin@0.2.12" (instance $wasi:cli/stdin@0.2.12 (;6;) (type $ty-wasi:cli/stdin@0.2.12)))
  (alias export $wasi:io/streams@0.2.12 "output-stream" (type $output-stream (;11;)))
  (type $ty-wasi:cli/stdout@0.2.12 (;12;)
    (instance
      (alias outer 1 $output-stream (type (;0;)))
      (export (;1;) "output-stream" (type (eq 0)))
      (type (;2;) (own 1))
      (type (;3;) (func (result 2)))
      (export (;0;) "get-stdout" (func (type 3)))
    )
  )
  (import "wasi:cli/stdout@0.2.12" (instance $wasi:cli/stdout@0.2.12 (;7;) (type $ty-wasi:cli/stdout@0.2.12)))
  (alias export $wasi:io/streams@0.2.12 "output-stream" (type $"#type13 output-stream" (@name "output-stream") (;13;)))
  (type $ty-wasi:cli/stderr@0.2.12 (;14;)
    (instance
      (alias outer 1 $"#type13 output-stream" (type (;0;)))
      (export (;1;) "output-stream" (type (eq 0)))
      (type (;2;) (own 1))
      (type (;3;) (func (result 2)))
      (export (;0;) "get-stderr" (func (type 3)))
    )
  )
  (import "wasi:cli/stderr@0.2.12" (instance $wasi:cli/stderr@0.2.12 (;8;) (type $ty-wasi:cli/stderr@0.2.12)))
  (type $ty-wasi:clocks/wall-clock@0.2.12 (;15;)
    (instance
      (type (;0;) (record (field "seconds" u64) (field "nanoseconds" u32)))
      (export (;1;) "datetime" (type (eq 0)))
    )
  )
  (import "wasi:clocks/wall-clock@0.2.12" (instance $wasi:clocks/wall-clock@0.2.12 (;9;) (type $ty-wasi:clocks/wall-clock@0.2.12)))
  (alias export $wasi:io/streams@0.2.12 "error" (type $"#type16 error" (@name "error") (;16;)))
  (alias export $wasi:io/streams@0.2.12 "output-stream" (type $"#type17 output-stream" (@name "output-stream") (;17;)))
  (alias export $wasi:clocks/wall-clock@0.2.12 "datetime" (type $datetime (;18;)))
  (type $ty-wasi:filesystem/types@0.2.12 (;19;)
    (instance
      (alias outer 1 $"#type16 error" (type (;0;)))
      (export (;1;) "error" (type (eq 0)))
      (type (;2;) (enum "access" "would-block" "already" "bad-descriptor" "busy" "deadlock" "quota" "exist" "file-too-large" "illegal-byte-sequence" "in-progress" "interrupted" "invalid" "io" "is-directory" "loop" "too-many-links" "message-size" "name-too-long" "no-device" "no-entry" "no-lock" "insufficient-memory" "insufficient-space" "not-directory" "not-empty" "not-recoverable" "unsupported" "no-tty" "no-such-device" "overflow" "not-permitted" "pipe" "read-only" "invalid-seek" "text-file-busy" "cross-device"))
      (export (;3;) "error-code" (type (eq 2)))
      (export (;4;) "descriptor" (type (sub resource)))
      (type (;5;) (enum "unknown" "block-device" "character-device" "directory" "fifo" "symbolic-link" "regular-file" "socket"))
      (export (;6;) "descriptor-type" (type (eq 5)))
      (alias outer 1 $"#type17 output-stream" (type (;7;)))
      (export (;8;) "output-stream" (type (eq 7)))
      (type (;9;) u64)
      (export (;10;) "filesize" (type (eq 9)))
      (type (;11;) u64)
      (export (;12;) "link-count" (type (eq 11)))
      (alias outer 1 $datetime (type (;13;)))
      (export (;14;) "datetime" (type (eq 13)))
      (type (;15;) (option 14))
      (type (;16;) (record (field "type" 6) (field "link-count" 12) (field "size" 10) (field "data-access-timestamp" 15) (field "data-modification-timestamp" 15) (field "status-change-timestamp" 15)))
      (export (;17;) "descriptor-stat" (type (eq 16)))
      (type (;18;) (borrow 4))
      (type (;19;) (own 8))
      (type (;20;) (result 19 (error 3)))
      (type (;21;) (func (param "self" 18) (param "offset" 10) (result 20)))
      (export (;0;) "[method]descriptor.write-via-stream" (func (type 21)))
      (type (;22;) (func (param "self" 18) (result 20)))
      (export (;1;) "[method]descriptor.append-via-stream" (func (type 22)))
      (type (;23;) (result 6 (error 3)))
      (type (;24;) (func (param "self" 18) (result 23)))
      (export (;2;) "[method]descriptor.get-type" (func (type 24)))
      (type (;25;) (result 17 (error 3)))
      (type (;26;) (func (param "self" 18) (result 25)))
      (export (;3;) "[method]descriptor.stat" (func (type 26)))
      (type (;27;) (borrow 1))
      (type (;28;) (option 3))
      (type (;29;) (func (param "err" 27) (result 28)))
      (export (;4;) "filesystem-error-code" (func (type 29)))
    )
  )
  (import "wasi:filesystem/types@0.2.12" (instance $wasi:filesystem/types@0.2.12 (;10;) (type $ty-wasi:filesystem/types@0.2.12)))
  (alias export $wasi:filesystem/types@0.2.12 "descriptor" (type $descriptor (;20;)))
  (type $ty-wasi:filesystem/preopens@0.2.12 (;21;)
    (instance
      (alias outer 1 $descriptor (type (;0;)))
      (export (;1;) "descriptor" (type (eq 0)))
      (type (;2;) (own 1))
      (type (;3;) (tuple 2 string))
      (type (;4;) (list 3))
      (type (;5;) (func (result 4)))
      (export (;0;) "get-directories" (func (type 5)))
    )
  )
  (import "wasi:filesystem/preopens@0.2.12" (instance $wasi:filesystem/preopens@0.2.12 (;11;) (type $ty-wasi:filesystem/preopens@0.2.12)))
  (core module $main (;0;)
    (type (;0;) (func (param i32) (result i32)))
    (type (;1;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;2;) (func (param i32)))
    (type (;3;) (func))
    (import "wasi_ephemeral_nn" "compute" (func $compute (;0;) (type 0)))
    (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (;1;) (type 1)))
    (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (;2;) (type 2)))
    (memory (;0;) 1)
    (export "memory" (memory 0))
    (export "_start" (func 3))
    (func (;3;) (type 3)
      i32.const 0
      call $compute
      drop
      i32.const 1
      i32.const 0
      i32.const 0
      i32.const 0
      call $fd_write
      drop
    )
  )
  (core module $wit-component:adapter:wasi_ephemeral_nn (;1;)
    (type (;0;) (func (param i32) (result i32)))
    (type (;1;) (func (param i32)))
    (type (;2;) (func (param i32 i32 i32 i32)))
    (type (;3;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;4;) (func (param i32 i32)))
    (type (;5;) (func (param i32 i32 i32)))
    (type (;6;) (func (param i32 i32) (result i32)))
    (type (;7;) (func (result i32)))
    (type (;8;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;9;) (func (param i32 i32 i32) (result i32)))
    (type (;10;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;11;) (func))
    (import "env" "memory" (memory (;0;) 0))
    (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[method]error.code" (func (;0;) (type 0)))
    (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[resource-drop]error" (func (;1;) (type 1)))
    (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[resource-drop]tensor" (func (;2;) (type 1)))
    (import "wasi:nn/inference@0.2.0-rc-2024-10-28" "[method]graph-execution-context.compute" (func (;3;) (type 2)))
    (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[constructor]tensor" (func (;4;) (type 3)))
    (global $__stack_pointer (;0;) (mut i32) i32.const 0)
    (global $nn_state_ptr (;1;) (mut i32) i32.const 0)
    (global $allocation_state (;2;) (mut i32) i32.const 0)
    (export "cabi_import_realloc" (func 12))
    (export "compute" (func 13))
    (start $allocate_stack)
    (func (;5;) (type 6) (param i32 i32) (result i32)
      (local i32 i32 i32 i32 i32)
      i32.const 0
      local.set 2
      block ;; label = @1
        local.get 1
        i32.const -9
        i32.gt_u
        br_if 0 (;@1;)
        local.get 1
        i32.const 8
        local.get 1
        i32.const 8
        i32.gt_u
        select
        i32.const 7
        i32.add
        i32.clz
        local.tee 3
        i32.eqz
        br_if 0 (;@1;)
        block ;; label = @2
          block ;; label = @3
            local.get 0
            i32.const 28
            local.get 3
            i32.sub
            local.tee 4
            i32.const 2
            i32.shl
            i32.add
            local.tee 5
            i32.load
            local.tee 3
            br_if 0 (;@3;)
            block ;; label = @4
              local.get 0
              i32.load offset=116
              local.get 0
              i32.load offset=112
              local.tee 3
              i32.sub
              i32.const 16
              local.get 4
              i32.shl
              local.tee 5
              i32.ge_u
              br_if 0 (;@4;)
              local.get 5
              i32.const 16
              i32.shr_u
              local.get 1
              i32.const 32761
              i32.lt_u
              i32.add
              local.tee 6
              memory.grow
              local.tee 1
              i32.const -1
              i32.eq
              br_if 3 (;@1;)
              local.get 1
              i32.const 65535
              i32.gt_u
              br_if 3 (;@1;)
              local.get 1
              local.get 6
              i32.add
              i32.const 16
              i32.shl
              local.tee 6
              local.get 1
              i32.const 16
              i32.shl
              local.tee 1
              i32.lt_u
              br_if 3 (;@1;)
              local.get 0
              i32.load offset=116
              local.set 2
              local.get 0
              local.get 6
              i32.store offset=116
              local.get 3
              local.get 1
              local.get 1
              local.get 2
              i32.eq
              select
              local.set 3
            end
            local.get 0
            local.get 3
            local.get 5
            i32.add
            i32.store offset=112
            local.get 3
            i32.const 8
            i32.add
            local.set 2
            br 1 (;@2;)
          end
          local.get 5
          local.get 3
          i32.const 8
          i32.add
          local.tee 2
          i32.load
          i32.store
        end
        local.get 3
        local.get 4
        i32.store
      end
      local.get 2
    )
    (func (;6;) (type 4) (param i32 i32)
      (local i32 i32)
      block ;; label = @1
        local.get 1
        i32.const -8
        i32.add
        local.tee 2
        i32.load
        local.tee 3
        i32.const 27
        i32.gt_u
        br_if 0 (;@1;)
        local.get 1
        local.get 0
        local.get 3
        i32.const 2
        i32.shl
        i32.add
        local.tee 0
        i32.load
        i32.store
        local.get 0
        local.get 2
        i32.store
      end
    )
    (func (;7;) (type 7) (result i32)
      (local i32)
      block ;; label = @1
        call 16
        i32.const 3
        i32.eq
        br_if 0 (;@1;)
        block ;; label = @2
          i32.const 1
          memory.grow
          local.tee 0
          i32.const -1
          i32.ne
          br_if 0 (;@2;)
          i32.const 0
          return
        end
        local.get 0
        i32.const 16
        i32.shl
        local.tee 0
        local.get 0
        i32.const 65536
        i32.add
        i32.store offset=116
        local.get 0
        local.get 0
        i32.const 176
        i32.or
        i32.store offset=112
        local.get 0
        call 15
        i32.const 3
        call 17
      end
      call 14
    )
    (func (;8;) (type 9) (param i32 i32 i32) (result i32)
      block ;; label = @1
        local.get 0
        i32.const 255
        i32.and
        br_if 0 (;@1;)
        i32.const 0
        return
      end
      local.get 1
      call 0
      local.set 0
      local.get 1
      call 1
      block ;; label = @1
        block ;; label = @2
          block ;; label = @3
            local.get 2
            i32.const 255
            i32.and
            local.tee 1
            i32.eqz
            br_if 0 (;@3;)
            local.get 1
            i32.const 1
            i32.ne
            br_if 2 (;@1;)
            i32.const 6
            local.set 1
            local.get 0
            i32.const 6
            i32.eq
            br_if 1 (;@2;)
            br 2 (;@1;)
          end
          local.get 0
          i32.const 1
          i32.ne
          br_if 1 (;@1;)
          i32.const 6
          local.set 1
        end
        local.get 1
        return
      end
      i32.const 5
      i64.const 23227421985
      local.get 0
      i32.const 2
      i32.shl
      i64.extend_i32_u
      i64.shr_u
      i32.wrap_i64
      i32.const 15
      i32.and
      local.get 0
      i32.const 8
      i32.gt_u
      select
    )
    (func (;9;) (type 2) (param i32 i32 i32 i32)
      (local i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 4
      global.set $__stack_pointer
      local.get 4
      local.get 2
      i32.store offset=12
      local.get 4
      local.get 1
      i32.store offset=8
      i32.const 0
      local.set 2
      loop ;; label = @1
        block ;; label = @2
          block ;; label = @3
            local.get 2
            local.get 3
            i32.eq
            br_if 0 (;@3;)
            loop ;; label = @4
              local.get 4
              local.get 4
              i32.const 8
              i32.add
              call 10
              local.get 4
              i32.load
              br_if 0 (;@4;)
              br 2 (;@2;)
            end
          end
          local.get 0
          local.get 4
          i64.load offset=8 align=4
          i64.store
          local.get 4
          i32.const 16
          i32.add
          global.set $__stack_pointer
          return
        end
        local.get 2
        i32.const 1
        i32.add
        local.set 2
        br 0 (;@1;)
      end
    )
    (func (;10;) (type 4) (param i32 i32)
      (local i32 i32 i32 i32)
      local.get 1
      i32.load offset=4
      local.set 2
      local.get 1
      i32.load
      local.set 3
      i32.const 0
      local.set 4
      block ;; label = @1
        loop ;; label = @2
          block ;; label = @3
            local.get 2
            local.get 4
            i32.ne
            br_if 0 (;@3;)
            local.get 2
            local.set 4
            br 2 (;@1;)
          end
          local.get 3
          local.get 4
          i32.add
          i32.load8_u
          i32.eqz
          br_if 1 (;@1;)
          local.get 4
          i32.const 1
          i32.add
          local.set 4
          br 0 (;@2;)
        end
      end
      local.get 1
      i32.const 1
      local.get 3
      local.get 4
      i32.const 1
      i32.add
      local.tee 5
      i32.add
      local.get 2
      local.get 5
      i32.lt_u
      select
      i32.store
      local.get 1
      i32.const 0
      local.get 2
      local.get 5
      i32.sub
      local.tee 5
      local.get 5
      local.get 2
      i32.gt_u
      select
      i32.store offset=4
      local.get 0
      local.get 4
      i32.store offset=4
      local.get 0
      local.get 3
      i32.const 0
      local.get 4
      select
      i32.store
    )
    (func (;11;) (type 5) (param i32 i32 i32)
      (local i32 i32 i32)
      i32.const 9
      local.set 3
      block ;; label = @1
        loop ;; label = @2
          block ;; label = @3
            local.get 3
            i32.const 9
            i32.le_u
            br_if 0 (;@3;)
            i32.const 0
            local.set 3
            br 2 (;@1;)
          end
          local.get 2
          local.get 3
          i32.add
          local.get 1
          i32.const 10
          i32.div_u
          local.tee 4
          i32.const 246
          i32.mul
          local.get 1
          i32.add
          i32.const 48
          i32.or
          i32.store8
          local.get 3
          i32.const -1
          i32.add
          local.set 3
          local.get 1
          i32.const 9
          i32.gt_u
          local.set 5
          local.get 4
          local.set 1
          local.get 5
          br_if 0 (;@2;)
        end
        local.get 3
        i32.const 1
        i32.add
        local.set 3
      end
      local.get 0
      i32.const 10
      local.get 3
      i32.sub
      i32.store offset=4
      local.get 0
      local.get 2
      local.get 3
      i32.add
      i32.store
    )
    (func (;12;) (type 8) (param i32 i32 i32 i32) (result i32)
      (local i32)
      block ;; label = @1
        block ;; label = @2
          call 7
          local.tee 4
          i32.eqz
          br_if 0 (;@2;)
          local.get 1
          local.get 0
          i32.or
          br_if 0 (;@2;)
          local.get 4
          i32.load offset=160
          local.set 1
          local.get 4
          i32.const 0
          i32.store offset=160
          block ;; label = @3
            block ;; label = @4
              local.get 1
              i32.eqz
              br_if 0 (;@4;)
              local.get 3
              local.get 4
              i32.load offset=168
              i32.gt_u
              br_if 1 (;@3;)
              local.get 4
              i32.load offset=164
              local.set 4
              br 3 (;@1;)
            end
            local.get 3
            i32.eqz
            br_if 2 (;@1;)
          end
          local.get 4
          local.get 3
          call 5
          local.tee 4
          br_if 1 (;@1;)
        end
        unreachable
      end
      local.get 4
    )
    (func (;13;) (type 0) (param i32) (result i32)
      (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
      global.get $__stack_pointer
      i32.const 32
      i32.sub
      local.tee 1
      global.set $__stack_pointer
      i32.const 7
      local.set 2
      block ;; label = @1
        call 7
        local.tee 3
        i32.eqz
        br_if 0 (;@1;)
        i32.const 6
        local.set 2
        local.get 0
        local.get 3
        i32.load offset=136
        i32.ge_u
        br_if 0 (;@1;)
        local.get 3
        i32.load offset=132
        local.tee 4
        i32.eqz
        br_if 0 (;@1;)
        local.get 4
        local.get 0
        i32.const 28
        i32.mul
        i32.add
        local.tee 5
        i32.load offset=24
        local.set 6
        local.get 5
        i32.load offset=20
        local.set 4
        local.get 5
        i64.const 0
        i64.store offset=20 align=4
        block ;; label = @2
          local.get 4
          i32.eqz
          br_if 0 (;@2;)
          local.get 6
          i32.const 12
          i32.mul
          local.set 7
          i32.const 0
          local.set 2
          block ;; label = @3
            loop ;; label = @4
              local.get 7
              local.get 2
              i32.eq
              br_if 1 (;@3;)
              local.get 4
              local.get 2
              i32.add
              local.tee 0
              i32.const 8
              i32.add
              i32.load
              call 2
              block ;; label = @5
                local.get 0
                i32.const 4
                i32.add
                i32.load
                i32.eqz
                br_if 0 (;@5;)
                local.get 3
                local.get 0
                i32.load
                call 6
              end
              local.get 2
              i32.const 12
              i32.add
              local.set 2
              br 0 (;@4;)
            end
          end
          local.get 6
          i32.eqz
          br_if 0 (;@2;)
          local.get 3
          local.get 4
          call 6
        end
        local.get 5
        i32.load offset=4
        local.set 4
        local.get 3
        i32.load offset=124
        local.set 7
        local.get 3
        i32.load offset=120
        local.set 0
        i32.const 7
        local.set 2
        local.get 3
        local.get 5
        i32.load offset=12
        local.tee 8
        i32.const 12
        i32.mul
        call 5
        local.tee 9
        i32.eqz
        br_if 0 (;@1;)
        local.get 0
        i32.const 4
        local.get 0
        select
        local.tee 6
        local.get 4
        i32.const 28
        i32.mul
        i32.add
        local.set 10
        local.get 5
        i32.load offset=12
        i32.const 0
        local.get 5
        i32.load offset=8
        local.tee 2
        select
        i32.const 44
        i32.mul
        local.set 11
        local.get 0
        i32.eqz
        local.get 6
        i32.eqz
        i32.or
        local.get 7
        local.get 4
        i32.le_u
        i32.or
        local.set 12
        local.get 2
        i32.const 4
        local.get 2
        select
        local.set 13
        local.get 9
        local.set 0
        i32.const 0
        local.set 4
        loop ;; label = @2
          block ;; label = @3
            block ;; label = @4
              block ;; label = @5
                local.get 11
                local.get 4
                i32.eq
                br_if 0 (;@5;)
                local.get 13
                local.get 4
                i32.add
                local.set 2
                block ;; label = @6
                  local.get 12
                  i32.eqz
                  br_if 0 (;@6;)
                  local.get 2
                  i32.load
                  local.set 7
                  br 2 (;@4;)
                end
                local.get 2
                i32.load
                local.set 7
                local.get 10
                i32.load offset=24
                i32.eqz
                br_if 1 (;@4;)
                local.get 1
                i32.const 16
                i32.add
                local.get 10
                i32.load offset=4
                local.tee 6
                i32.const 1
                local.get 6
                select
                local.get 10
                i32.load offset=8
                i32.const 0
                local.get 6
                select
                local.get 7
                call 9
                local.get 1
                local.get 1
                i64.load offset=16
                i64.store offset=24 align=4
                local.get 1
                i32.const 8
                i32.add
                local.get 1
                i32.const 24
                i32.add
                call 10
                local.get 1
                i32.load offset=8
                local.tee 6
                i32.eqz
                br_if 1 (;@4;)
                local.get 1
                i32.load offset=12
                local.set 7
                br 2 (;@3;)
              end
              local.get 5
              i32.load
              local.get 9
              local.get 8
              local.get 3
              i32.const 144
              i32.add
              call 3
              local.get 3
              local.get 9
              call 6
              local.get 3
              i32.load offset=144
              local.get 3
              i32.const 148
              i32.add
              local.tee 0
              i32.load
              i32.const 2
              call 8
              local.tee 2
              br_if 3 (;@1;)
              local.get 5
              local.get 0
              i32.load
              i32.store offset=20
              local.get 5
              local.get 3
              i32.load offset=152
              i32.store offset=24
              i32.const 0
              local.set 2
              br 3 (;@1;)
            end
            local.get 1
            local.get 7
            local.get 2
            i32.const 32
            i32.add
            call 11
            local.get 1
            i32.load offset=4
            local.set 7
            local.get 1
            i32.load
            local.set 6
          end
          local.get 0
          i32.const 8
          i32.add
          local.get 2
          i32.const 8
          i32.add
          i32.load
          local.get 2
          i32.const 12
          i32.add
          i32.load
          local.get 2
          i32.const 4
          i32.add
          i32.load
          local.get 2
          i32.const 20
          i32.add
          i32.load
          local.get 2
          i32.const 24
          i32.add
          i32.load
          call 4
          i32.store
          local.get 0
          i32.const 4
          i32.add
          local.get 7
          i32.store
          local.get 0
          local.get 6
          i32.store
          local.get 0
          i32.const 12
          i32.add
          local.set 0
          local.get 4
          i32.const 44
          i32.add
          local.set 4
          br 0 (;@2;)
        end
      end
      local.get 1
      i32.const 32
      i32.add
      global.set $__stack_pointer
      local.get 2
    )
    (func (;14;) (type 7) (result i32)
      global.get $nn_state_ptr
    )
    (func (;15;) (type 1) (param i32)
      local.get 0
      global.set $nn_state_ptr
    )
    (func (;16;) (type 7) (result i32)
      global.get $allocation_state
    )
    (func (;17;) (type 1) (param i32)
      local.get 0
      global.set $allocation_state
    )
    (func $realloc_via_memory_grow (;18;) (type 10) (param i32 i32 i32 i32) (result i32)
      (local i32)
      i32.const 0
      local.get 0
      i32.ne
      if ;; label = @1
        unreachable
      end
      i32.const 0
      local.get 1
      i32.ne
      if ;; label = @1
        unreachable
      end
      i32.const 65536
      local.get 3
      i32.ne
      if ;; label = @1
        unreachable
      end
      i32.const 1
      memory.grow
      local.tee 4
      i32.const -1
      i32.eq
      if ;; label = @1
        unreachable
      end
      local.get 4
      i32.const 16
      i32.shl
    )
    (func $allocate_stack (;19;) (type 11)
      global.get $allocation_state
      i32.const 0
      i32.eq
      if ;; label = @1
        i32.const 1
        global.set $allocation_state
        i32.const 0
        i32.const 0
        i32.const 8
        i32.const 65536
        call $realloc_via_memory_grow
        i32.const 65536
        i32.add
        global.set $__stack_pointer
        i32.const 2
        global.set $allocation_state
      end
    )
  )
  (core module $wit-component:adapter:wasi_snapshot_preview1 (;2;)
    (type (;0;) (func (param i32 i32)))
    (type (;1;) (func (param i32)))
    (type (;2;) (func (param i32 i32 i32 i32)))
    (type (;3;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;4;) (func (param i32 i32 i32 i32 i32)))
    (type (;5;) (func (param i32 i64 i32)))
    (type (;6;) (func (param i32) (result i32)))
    (type (;7;) (func (result i32)))
    (type (;8;) (func (param i32 i32 i32) (result i32)))
    (type (;9;) (func))
    (import "env" "memory" (memory (;0;) 0))
    (import "wasi:filesystem/types@0.2.12" "filesystem-error-code" (func $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5types21filesystem_error_code11wit_import1 (;0;) (type 0)))
    (import "wasi:io/error@0.2.12" "[resource-drop]error" (func $_RNvNvXs_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io5errorNtB6_5ErrorNtNtBc_3__rt12WasmResource4drop4drop (;1;) (type 1)))
    (import "wasi:io/streams@0.2.12" "[method]output-stream.check-write" (func $_RNvNvMsa_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStream11check_write11wit_import1 (;2;) (type 0)))
    (import "wasi:io/streams@0.2.12" "[method]output-stream.write" (func $_RNvNvMsb_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStream5write11wit_import2 (;3;) (type 2)))
    (import "wasi:io/streams@0.2.12" "[method]output-stream.blocking-flush" (func $_RNvNvMse_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStream14blocking_flush11wit_import1 (;4;) (type 0)))
    (import "wasi:filesystem/types@0.2.12" "[method]descriptor.get-type" (func $_RNvNvMsl_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB7_10Descriptor8get_type11wit_import1 (;5;) (type 0)))
    (import "wasi:filesystem/preopens@0.2.6" "get-directories" (func $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview111descriptors31wasi_filesystem_get_directories (;6;) (type 1)))
    (import "wasi:filesystem/types@0.2.12" "[resource-drop]descriptor" (func $_RNvNvXsc_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB7_10DescriptorNtNtBd_3__rt12WasmResource4drop4drop (;7;) (type 1)))
    (import "wasi:filesystem/types@0.2.12" "[method]descriptor.append-via-stream" (func $_RNvNvMsh_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB7_10Descriptor17append_via_stream11wit_import1 (;8;) (type 0)))
    (import "wasi:io/streams@0.2.12" "[resource-drop]output-stream" (func $_RNvNvXs4_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStreamNtNtBd_3__rt12WasmResource4drop4drop (;9;) (type 1)))
    (import "wasi:io/streams@0.2.12" "[resource-drop]input-stream" (func $_RNvNvXs2_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_11InputStreamNtNtBd_3__rt12WasmResource4drop4drop (;10;) (type 1)))
    (import "wasi:cli/stderr@0.2.12" "get-stderr" (func $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli6stderr10get_stderr11wit_import0 (;11;) (type 7)))
    (import "wasi:io/streams@0.2.12" "[method]output-stream.blocking-write-and-flush" (func $_RNvNvMsc_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStream24blocking_write_and_flush11wit_import2 (;12;) (type 2)))
    (import "wasi:filesystem/types@0.2.12" "[method]descriptor.write-via-stream" (func $_RNvNvMsg_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB7_10Descriptor16write_via_stream11wit_import1 (;13;) (type 5)))
    (import "wasi:cli/stdin@0.2.12" "get-stdin" (func $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli5stdin9get_stdin11wit_import0 (;14;) (type 7)))
    (import "wasi:cli/stdout@0.2.12" "get-stdout" (func $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli6stdout10get_stdout11wit_import0 (;15;) (type 7)))
    (import "wasi:filesystem/types@0.2.12" "[method]descriptor.stat" (func $_RNvNvMst_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB7_10Descriptor4stat11wit_import1 (;16;) (type 0)))
    (import "wasi:cli/exit@0.2.12" "exit" (func $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli4exit4exit11wit_import1 (;17;) (type 1)))
    (global $__stack_pointer (;0;) (mut i32) i32.const 0)
    (global $internal_state_ptr (;1;) (mut i32) i32.const 0)
    (global $allocation_state (;2;) (mut i32) i32.const 0)
    (export "fd_write" (func $fd_write))
    (export "proc_exit" (func $proc_exit))
    (export "cabi_import_realloc" (func $cabi_import_realloc))
    (start $allocate_stack)
    (func $realloc_via_memory_grow (;18;) (type 3) (param i32 i32 i32 i32) (result i32)
      (local i32)
      i32.const 0
      local.get 0
      i32.ne
      if ;; label = @1
        unreachable
      end
      i32.const 0
      local.get 1
      i32.ne
      if ;; label = @1
        unreachable
      end
      i32.const 65536
      local.get 3
      i32.ne
      if ;; label = @1
        unreachable
      end
      i32.const 1
      memory.grow
      local.tee 4
      i32.const -1
      i32.eq
      if ;; label = @1
        unreachable
      end
      local.get 4
      i32.const 16
      i32.shl
    )
    (func $_RNvCs14sKlJVk3jl_22wasi_snapshot_preview121stream_error_to_errno (;19;) (type 6) (param i32) (result i32)
      (local i32 i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 1
      global.set $__stack_pointer
      local.get 0
      local.get 1
      i32.const 14
      i32.add
      call $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5types21filesystem_error_code11wit_import1
      block ;; label = @1
        block ;; label = @2
          local.get 1
          i32.load8_u offset=14
          br_if 0 (;@2;)
          i32.const 29
          local.set 2
          br 1 (;@1;)
        end
        local.get 1
        i32.load8_u offset=15
        call $_RNvXs4_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtNtCslxPsRgjZmXS_6wasip113lib_generated5ErrnoINtNtCsaLlAxGApxxT_4core7convert4FromNtNtNtNtNtB5_8bindings4wasi10filesystem5types9ErrorCodeE4from
        local.set 2
      end
      block ;; label = @1
        local.get 0
        i32.const -1
        i32.eq
        br_if 0 (;@1;)
        local.get 0
        call $_RNvNvXs_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io5errorNtB6_5ErrorNtNtBc_3__rt12WasmResource4drop4drop
      end
      local.get 1
      i32.const 16
      i32.add
      global.set $__stack_pointer
      local.get 2
    )
    (func $_RNvXs4_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtNtCslxPsRgjZmXS_6wasip113lib_generated5ErrnoINtNtCsaLlAxGApxxT_4core7convert4FromNtNtNtNtNtB5_8bindings4wasi10filesystem5types9ErrorCodeE4from (;20;) (type 6) (param i32) (result i32)
      (local i32 i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.set 1
      i32.const 6
      local.set 2
      block ;; label = @1
        block ;; label = @2
          block ;; label = @3
            block ;; label = @4
              block ;; label = @5
                block ;; label = @6
                  block ;; label = @7
                    block ;; label = @8
                      block ;; label = @9
                        block ;; label = @10
                          block ;; label = @11
                            block ;; label = @12
                              block ;; label = @13
                                block ;; label = @14
                                  block ;; label = @15
                                    block ;; label = @16
                                      block ;; label = @17
                                        block ;; label = @18
                                          block ;; label = @19
                                            block ;; label = @20
                                              block ;; label = @21
                                                block ;; label = @22
                                                  block ;; label = @23
                                                    block ;; label = @24
                                                      block ;; label = @25
                                                        block ;; label = @26
                                                          block ;; label = @27
                                                            block ;; label = @28
                                                              block ;; label = @29
                                                                block ;; label = @30
                                                                  block ;; label = @31
                                                                    block ;; label = @32
                                                                      block ;; label = @33
                                                                        block ;; label = @34
                                                                          block ;; label = @35
                                                                            block ;; label = @36
                                                                              block ;; label = @37
                                                                                local.get 0
                                                                                i32.const 255
                                                                                i32.and
                                                                                br_table 0 (;@37;) 36 (;@1;) 1 (;@36;) 2 (;@35;) 3 (;@34;) 4 (;@33;) 5 (;@32;) 6 (;@31;) 7 (;@30;) 8 (;@29;) 9 (;@28;) 10 (;@27;) 11 (;@26;) 12 (;@25;) 13 (;@24;) 14 (;@23;) 15 (;@22;) 16 (;@21;) 17 (;@20;) 18 (;@19;) 19 (;@18;) 20 (;@17;) 21 (;@16;) 22 (;@15;) 23 (;@14;) 24 (;@13;) 25 (;@12;) 26 (;@11;) 27 (;@10;) 28 (;@9;) 29 (;@8;) 30 (;@7;) 31 (;@6;) 32 (;@5;) 33 (;@4;) 34 (;@3;) 35 (;@2;) 0 (;@37;)
                                                                              end
                                                                              local.get 1
                                                                              i32.const 2
                                                                              i32.store16 offset=14
                                                                              local.get 1
                                                                              i32.const 14
                                                                              i32.add
                                                                              local.set 0
                                                                              local.get 1
                                                                              i32.load16_u offset=14
                                                                              return
                                                                            end
                                                                            i32.const 7
                                                                            return
                                                                          end
                                                                          i32.const 8
                                                                          return
                                                                        end
                                                                        i32.const 10
                                                                        return
                                                                      end
                                                                      i32.const 16
                                                                      return
                                                                    end
                                                                    i32.const 19
                                                                    return
                                                                  end
                                                                  i32.const 20
                                                                  return
                                                                end
                                                                i32.const 22
                                                                return
                                                              end
                                                              i32.const 25
                                                              return
                                                            end
                                                            i32.const 26
                                                            return
                                                          end
                                                          i32.const 27
                                                          return
                                                        end
                                                        i32.const 28
                                                        return
                                                      end
                                                      i32.const 29
                                                      return
                                                    end
                                                    i32.const 31
                                                    return
                                                  end
                                                  i32.const 32
                                                  return
                                                end
                                                i32.const 34
                                                return
                                              end
                                              i32.const 35
                                              return
                                            end
                                            i32.const 37
                                            return
                                          end
                                          i32.const 43
                                          return
                                        end
                                        i32.const 44
                                        return
                                      end
                                      i32.const 46
                                      return
                                    end
                                    i32.const 48
                                    return
                                  end
                                  i32.const 51
                                  return
                                end
                                i32.const 54
                                return
                              end
                              i32.const 55
                              return
                            end
                            i32.const 56
                            return
                          end
                          i32.const 58
                          return
                        end
                        i32.const 59
                        return
                      end
                      i32.const 60
                      return
                    end
                    i32.const 61
                    return
                  end
                  i32.const 63
                  return
                end
                i32.const 64
                return
              end
              i32.const 69
              return
            end
            i32.const 70
            return
          end
          i32.const 74
          return
        end
        i32.const 75
        local.set 2
      end
      local.get 2
    )
    (func $_RNvMs1_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_9BumpAlloc5alloc (;21;) (type 8) (param i32 i32 i32) (result i32)
      (local i32 i32 i32)
      global.get $__stack_pointer
      i32.const 32
      i32.sub
      local.tee 3
      global.set $__stack_pointer
      block ;; label = @1
        block ;; label = @2
          block ;; label = @3
            local.get 1
            i32.popcnt
            i32.const 1
            i32.ne
            br_if 0 (;@3;)
            local.get 0
            i32.load offset=4
            local.tee 4
            local.get 1
            local.get 0
            i32.load
            local.tee 5
            i32.add
            i32.const -1
            i32.add
            i32.const 0
            local.get 1
            i32.sub
            i32.and
            local.get 5
            i32.sub
            local.tee 1
            i32.lt_u
            br_if 1 (;@2;)
            local.get 4
            local.get 1
            i32.sub
            local.tee 4
            local.get 2
            i32.ge_u
            br_if 2 (;@1;)
            i32.const 469
            call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros18eprint_unreachable
            local.get 3
            i32.const 8250
            i32.store16 offset=3 align=1
            local.get 3
            i32.const 3
            i32.add
            i32.const 2
            call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
            local.get 3
            i32.const 10
            i32.store8 offset=31
            local.get 3
            i32.const 1701278305
            i32.store offset=27 align=1
            local.get 3
            i64.const 7791349879831294825
            i64.store offset=19 align=1
            local.get 3
            i64.const 2334406575183130223
            i64.store offset=11 align=1
            local.get 3
            i64.const 7598805550979902561
            i64.store offset=3 align=1
            local.get 3
            i32.const 3
            i32.add
            i32.const 29
            call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
            local.get 3
            i32.const 10
            i32.store8 offset=3
            local.get 3
            i32.const 3
            i32.add
            i32.const 1
            call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
            unreachable
          end
          i32.const 479
          call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros18eprint_unreachable
          local.get 3
          i32.const 8250
          i32.store16 offset=3 align=1
          local.get 3
          i32.const 3
          i32.add
          i32.const 2
          call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
          local.get 3
          i32.const 2676
          i32.store16 offset=19 align=1
          local.get 3
          i64.const 7954884637768641633
          i64.store offset=11 align=1
          local.get 3
          i64.const 2334106421097295465
          i64.store offset=3 align=1
          local.get 3
          i32.const 3
          i32.add
          i32.const 18
          call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
          local.get 3
          i32.const 10
          i32.store8 offset=3
          local.get 3
          i32.const 3
          i32.add
          i32.const 1
          call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
          unreachable
        end
        i32.const 483
        call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros18eprint_unreachable
        local.get 3
        i32.const 8250
        i32.store16 offset=3 align=1
        local.get 3
        i32.const 3
        i32.add
        i32.const 2
        call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
        local.get 3
        i32.const 10
        i32.store8 offset=21
        local.get 3
        i32.const 25972
        i32.store16 offset=19 align=1
        local.get 3
        i64.const 7017575155838820463
        i64.store offset=11 align=1
        local.get 3
        i64.const 8367798494427701606
        i64.store offset=3 align=1
        local.get 3
        i32.const 3
        i32.add
        i32.const 19
        call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
        local.get 3
        i32.const 10
        i32.store8 offset=3
        local.get 3
        i32.const 3
        i32.add
        i32.const 1
        call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
        unreachable
      end
      local.get 0
      local.get 4
      local.get 2
      i32.sub
      i32.store offset=4
      local.get 0
      local.get 5
      local.get 1
      i32.add
      local.tee 1
      local.get 2
      i32.add
      i32.store
      local.get 3
      i32.const 32
      i32.add
      global.set $__stack_pointer
      local.get 1
    )
    (func $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros18eprint_unreachable (;22;) (type 1) (param i32)
      (local i32)
      global.get $__stack_pointer
      i32.const 48
      i32.sub
      local.tee 1
      global.set $__stack_pointer
      local.get 1
      i32.const 32
      i32.store8 offset=47
      local.get 1
      i32.const 1701734764
      i32.store offset=43 align=1
      local.get 1
      i64.const 2338042707334751329
      i64.store offset=35 align=1
      local.get 1
      i64.const 2338600898263348341
      i64.store offset=27 align=1
      local.get 1
      i64.const 7162263158133189730
      i64.store offset=19 align=1
      local.get 1
      i64.const 7018969289221893749
      i64.store offset=11 align=1
      local.get 1
      i32.const 11
      i32.add
      i32.const 37
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
      local.get 0
      call $_RNvNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros10eprint_u3215eprint_u32_impl
      local.get 1
      i32.const 48
      i32.add
      global.set $__stack_pointer
    )
    (func $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print (;23;) (type 0) (param i32 i32)
      (local i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 2
      global.set $__stack_pointer
      local.get 2
      call $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli6stderr10get_stderr11wit_import0
      i32.store offset=12
      local.get 2
      i32.const 4
      i32.add
      local.get 2
      i32.const 12
      i32.add
      local.get 0
      local.get 1
      call $_RNvMsc_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB5_12OutputStream24blocking_write_and_flush
      block ;; label = @1
        local.get 2
        i32.load offset=4
        local.tee 1
        i32.const -1
        i32.eq
        br_if 0 (;@1;)
        local.get 1
        br_if 0 (;@1;)
        local.get 2
        i32.load offset=8
        local.tee 1
        i32.const -1
        i32.eq
        br_if 0 (;@1;)
        local.get 1
        call $_RNvNvXs_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io5errorNtB6_5ErrorNtNtBc_3__rt12WasmResource4drop4drop
      end
      block ;; label = @1
        local.get 2
        i32.load offset=12
        local.tee 1
        i32.const -1
        i32.eq
        br_if 0 (;@1;)
        local.get 1
        call $_RNvNvXs4_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStreamNtNtBd_3__rt12WasmResource4drop4drop
      end
      local.get 2
      i32.const 16
      i32.add
      global.set $__stack_pointer
    )
    (func $_RNvMs6_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_12BlockingMode5write (;24;) (type 4) (param i32 i32 i32 i32 i32)
      (local i32 i32 i32 i64)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 5
      global.set $__stack_pointer
      block ;; label = @1
        block ;; label = @2
          local.get 1
          i32.eqz
          br_if 0 (;@2;)
          local.get 4
          local.set 1
          block ;; label = @3
            block ;; label = @4
              loop ;; label = @5
                local.get 5
                local.get 2
                local.get 3
                local.get 1
                i32.const 4096
                local.get 1
                i32.const 4096
                i32.lt_u
                select
                local.tee 6
                call $_RNvMsc_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB5_12OutputStream24blocking_write_and_flush
                block ;; label = @6
                  local.get 5
                  i32.load
                  local.tee 7
                  i32.const -1
                  i32.eq
                  br_if 0 (;@6;)
                  local.get 7
                  br_if 2 (;@4;)
                  local.get 5
                  i32.load offset=4
                  call $_RNvCs14sKlJVk3jl_22wasi_snapshot_preview121stream_error_to_errno
                  local.set 1
                  br 3 (;@3;)
                end
                local.get 3
                local.get 6
                i32.add
                local.set 3
                local.get 1
                local.get 6
                i32.sub
                local.tee 1
                br_if 0 (;@5;)
              end
              local.get 0
              i32.const 0
              i32.store16
              local.get 0
              local.get 4
              i32.store offset=4
              br 3 (;@1;)
            end
            i32.const 29
            local.set 1
          end
          local.get 0
          i32.const 1
          i32.store16
          local.get 0
          local.get 1
          i32.store16 offset=2
          br 1 (;@1;)
        end
        local.get 2
        i32.load
        local.get 5
        call $_RNvNvMsa_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStream11check_write11wit_import1
        block ;; label = @2
          block ;; label = @3
            block ;; label = @4
              local.get 5
              i32.load8_u
              i32.eqz
              br_if 0 (;@4;)
              i32.const 0
              local.set 1
              local.get 5
              i32.load8_u offset=8
              br_if 1 (;@3;)
              local.get 5
              i32.load offset=12
              call $_RNvCs14sKlJVk3jl_22wasi_snapshot_preview121stream_error_to_errno
              local.set 1
              br 2 (;@2;)
            end
            local.get 5
            i64.load offset=8
            local.set 8
            block ;; label = @4
              local.get 4
              i32.eqz
              br_if 0 (;@4;)
              i32.const 6
              local.set 1
              local.get 8
              i64.eqz
              br_if 2 (;@2;)
            end
            local.get 8
            i32.wrap_i64
            local.tee 1
            local.get 4
            local.get 1
            local.get 4
            i32.lt_u
            select
            local.set 1
          end
          local.get 2
          i32.load
          local.get 3
          local.get 1
          local.get 5
          call $_RNvNvMsb_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStream5write11wit_import2
          block ;; label = @3
            local.get 5
            i32.load8_u
            br_if 0 (;@3;)
            local.get 2
            i32.load
            local.get 5
            call $_RNvNvMse_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStream14blocking_flush11wit_import1
            block ;; label = @4
              local.get 5
              i32.load8_u
              br_if 0 (;@4;)
              local.get 0
              i32.const 0
              i32.store16
              local.get 0
              local.get 1
              i32.store offset=4
              br 3 (;@1;)
            end
            block ;; label = @4
              block ;; label = @5
                local.get 5
                i32.load8_u offset=4
                i32.eqz
                br_if 0 (;@5;)
                i32.const 0
                local.set 1
                local.get 0
                i32.const 0
                i32.store offset=4
                br 1 (;@4;)
              end
              local.get 0
              local.get 5
              i32.load offset=8
              call $_RNvCs14sKlJVk3jl_22wasi_snapshot_preview121stream_error_to_errno
              i32.store16 offset=2
              i32.const 1
              local.set 1
            end
            local.get 0
            local.get 1
            i32.store16
            br 2 (;@1;)
          end
          block ;; label = @3
            block ;; label = @4
              local.get 5
              i32.load8_u offset=4
              i32.eqz
              br_if 0 (;@4;)
              i32.const 0
              local.set 1
              local.get 0
              i32.const 0
              i32.store offset=4
              br 1 (;@3;)
            end
            local.get 0
            local.get 5
            i32.load offset=8
            call $_RNvCs14sKlJVk3jl_22wasi_snapshot_preview121stream_error_to_errno
            i32.store16 offset=2
            i32.const 1
            local.set 1
          end
          local.get 0
          local.get 1
          i32.store16
          br 1 (;@1;)
        end
        local.get 0
        i32.const 1
        i32.store16
        local.get 0
        local.get 1
        i32.store16 offset=2
      end
      local.get 5
      i32.const 16
      i32.add
      global.set $__stack_pointer
    )
    (func $_RNvMsc_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB5_12OutputStream24blocking_write_and_flush (;25;) (type 2) (param i32 i32 i32 i32)
      (local i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 4
      global.set $__stack_pointer
      local.get 1
      i32.load
      local.get 2
      local.get 3
      local.get 4
      i32.const 4
      i32.add
      call $_RNvNvMsc_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStream24blocking_write_and_flush11wit_import2
      block ;; label = @1
        block ;; label = @2
          local.get 4
          i32.load8_u offset=4
          br_if 0 (;@2;)
          i32.const -1
          local.set 1
          br 1 (;@1;)
        end
        local.get 0
        local.get 4
        i32.load offset=12
        i32.store offset=4
        local.get 4
        i32.load8_u offset=8
        i32.const 0
        i32.ne
        local.set 1
      end
      local.get 0
      local.get 1
      i32.store
      local.get 4
      i32.const 16
      i32.add
      global.set $__stack_pointer
    )
    (func $_RNvMs8_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_5State11descriptors (;26;) (type 0) (param i32 i32)
      (local i32 i32)
      global.get $__stack_pointer
      i32.const 6160
      i32.sub
      local.tee 2
      global.set $__stack_pointer
      block ;; label = @1
        block ;; label = @2
          local.get 1
          i32.load offset=24
          br_if 0 (;@2;)
          local.get 1
          i32.const -1
          i32.store offset=24
          local.get 1
          i32.const 32
          i32.add
          local.set 3
          block ;; label = @3
            local.get 1
            i32.load offset=6180
            i32.const -1
            i32.ne
            br_if 0 (;@3;)
            local.get 2
            local.get 1
            call $_RNvMs0_NtCs14sKlJVk3jl_22wasi_snapshot_preview111descriptorsNtB5_11Descriptors3new
            local.get 3
            local.get 2
            i32.const 6160
            memory.copy
            local.get 1
            i32.load offset=6180
            i32.const -1
            i32.eq
            br_if 2 (;@1;)
          end
          local.get 0
          local.get 1
          i32.const 24
          i32.add
          i32.store offset=4
          local.get 0
          local.get 3
          i32.store
          local.get 2
          i32.const 6160
          i32.add
          global.set $__stack_pointer
          return
        end
        i32.const 2949
        call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11unreachable
        unreachable
      end
      i32.const 2953
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11unreachable
      unreachable
    )
    (func $_RNvMs0_NtCs14sKlJVk3jl_22wasi_snapshot_preview111descriptorsNtB5_11Descriptors3new (;27;) (type 0) (param i32 i32)
      (local i32 i32 i32 i32 i32 i32 i32 i32)
      global.get $__stack_pointer
      i32.const 6208
      i32.sub
      local.tee 2
      global.set $__stack_pointer
      local.get 2
      i32.const 0
      i32.store offset=6148
      call $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli5stdin9get_stdin11wit_import0
      local.set 3
      local.get 2
      i32.const 2
      i32.store8 offset=41
      local.get 2
      i32.const 0
      i32.store8 offset=24
      local.get 2
      i64.const 0
      i64.store offset=16
      local.get 2
      i32.const 1
      i32.store
      local.get 2
      local.get 3
      i64.extend_i32_u
      i64.const 32
      i64.shl
      i64.const 1
      i64.or
      i64.store offset=8
      call $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli6stdout10get_stdout11wit_import0
      local.set 3
      local.get 2
      i32.const 2
      i32.store8 offset=89
      local.get 2
      i32.const 1
      i32.store8 offset=72
      local.get 2
      i64.const 0
      i64.store offset=56
      local.get 2
      i32.const 1
      i32.store offset=48
      local.get 2
      local.get 3
      i64.extend_i32_u
      i64.const 32
      i64.shl
      i64.const 1
      i64.or
      i64.store offset=64
      call $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli6stderr10get_stderr11wit_import0
      local.set 3
      local.get 1
      i32.const 59016
      i32.store offset=16
      local.get 1
      local.get 1
      i32.const 6192
      i32.add
      i32.store offset=12
      local.get 1
      i32.load offset=4
      local.set 4
      local.get 1
      i64.const 1
      i64.store offset=4 align=4
      local.get 2
      i32.const 3
      i32.store16 offset=6144
      local.get 2
      i32.const 2
      i32.store8 offset=137
      local.get 2
      i32.const 2
      i32.store8 offset=120
      local.get 2
      i64.const 0
      i64.store offset=104
      local.get 2
      i32.const 1
      i32.store offset=96
      local.get 2
      local.get 3
      i64.extend_i32_u
      i64.const 32
      i64.shl
      i64.const 1
      i64.or
      i64.store offset=112
      block ;; label = @1
        block ;; label = @2
          block ;; label = @3
            local.get 4
            i32.const 4
            i32.ne
            br_if 0 (;@3;)
            local.get 2
            i64.const 0
            i64.store offset=6160 align=4
            local.get 2
            i32.const 6160
            i32.add
            call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview111descriptors31wasi_filesystem_get_directories
            local.get 2
            i32.load offset=6164
            local.set 5
            local.get 2
            i32.load offset=6160
            local.set 3
            local.get 1
            i32.const 4
            i32.store offset=4
            block ;; label = @4
              local.get 5
              i32.eqz
              br_if 0 (;@4;)
              local.get 2
              i32.const 144
              i32.add
              local.set 4
              local.get 2
              i32.const 6160
              i32.add
              i32.const 8
              i32.add
              local.set 6
              i32.const 0
              local.set 1
              loop ;; label = @5
                local.get 3
                i32.const 8
                i32.add
                i32.load
                local.set 7
                local.get 3
                i32.load
                local.tee 8
                local.get 2
                i32.const 6160
                i32.add
                call $_RNvNvMsl_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB7_10Descriptor8get_type11wit_import1
                local.get 2
                i32.load8_u offset=6160
                br_if 3 (;@2;)
                local.get 2
                i32.load8_u offset=6161
                local.set 9
                local.get 6
                i64.const 0
                i64.store offset=8
                local.get 6
                i64.const 0
                i64.store
                local.get 2
                local.get 7
                i32.store offset=6204
                local.get 2
                i32.const 256
                i32.store16 offset=6200
                local.get 2
                i64.const 0
                i64.store offset=6192
                local.get 2
                local.get 9
                i32.store8 offset=6188
                local.get 2
                local.get 8
                i32.store offset=6184
                local.get 2
                i32.const 1
                i32.store offset=6160
                local.get 1
                i32.const 125
                i32.eq
                br_if 4 (;@1;)
                local.get 4
                local.get 2
                i32.const 6160
                i32.add
                i32.const 48
                memory.copy
                local.get 2
                local.get 1
                i32.const 4
                i32.add
                i32.store16 offset=6144
                local.get 3
                i32.const 12
                i32.add
                local.set 3
                local.get 4
                i32.const 48
                i32.add
                local.set 4
                local.get 1
                i32.const 1
                i32.add
                local.tee 7
                local.set 1
                local.get 5
                local.get 7
                i32.ne
                br_if 0 (;@5;)
              end
            end
            local.get 0
            local.get 2
            i32.const 6160
            memory.copy
            local.get 2
            i32.const 6208
            i32.add
            global.set $__stack_pointer
            return
          end
          i32.const 3000
          call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros18eprint_unreachable
          local.get 2
          i32.const 8250
          i32.store16 offset=6160 align=1
          local.get 2
          i32.const 6160
          i32.add
          i32.const 2
          call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
          local.get 2
          i32.const 10
          i32.store8 offset=6188
          local.get 2
          i32.const 1952805664
          i32.store offset=6184 align=1
          local.get 2
          i64.const 8747223464599642400
          i64.store offset=6176 align=1
          local.get 2
          i64.const 8245937404367563884
          i64.store offset=6168 align=1
          local.get 2
          i64.const 6998721855778483561
          i64.store offset=6160 align=1
          local.get 2
          i32.const 6160
          i32.add
          i32.const 29
          call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
          local.get 2
          i32.const 10
          i32.store8 offset=6160
          local.get 2
          i32.const 6160
          i32.add
          i32.const 1
          call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
          unreachable
        end
        i32.const 167
        call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11unreachable
        unreachable
      end
      local.get 2
      i32.const 6160
      i32.add
      call $_RINvNtCsaLlAxGApxxT_4core3ptr9drop_glueNtNtCs14sKlJVk3jl_22wasi_snapshot_preview111descriptors10DescriptorEBF_
      i32.const 167
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11unreachable
      unreachable
    )
    (func $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11unreachable (;28;) (type 1) (param i32)
      (local i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 1
      global.set $__stack_pointer
      local.get 0
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros18eprint_unreachable
      local.get 1
      i32.const 10
      i32.store8 offset=15
      local.get 1
      i32.const 15
      i32.add
      i32.const 1
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
      unreachable
    )
    (func $_RNvMs8_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_5State3new (;29;) (type 7) (result i32)
      (local i32)
      block ;; label = @1
        call $get_allocation_state
        i32.const 2
        i32.ne
        br_if 0 (;@1;)
        i32.const 3
        call $set_allocation_state
        i32.const 0
        i32.const 0
        i32.const 8
        i32.const 65536
        call $realloc_via_memory_grow
        local.set 0
        i32.const 4
        call $set_allocation_state
        local.get 0
        i32.const 0
        i32.store offset=65504
        local.get 0
        i32.const -1
        i32.store offset=6180
        local.get 0
        i32.const 0
        i32.store offset=24
        local.get 0
        i64.const 17740359541
        i64.store
        local.get 0
        i32.const 65464
        i32.add
        i32.const 0
        i32.const 37
        memory.fill
        local.get 0
        i32.const 560490357
        i32.store offset=65532
        local.get 0
        i32.const 0
        i32.store8 offset=65528
        local.get 0
        i64.const 0
        i64.store offset=65520
        local.get 0
        i32.const 11822
        i32.store16 offset=65512
        local.get 0
        return
      end
      i32.const 2889
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11assert_fail
      unreachable
    )
    (func $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11assert_fail (;30;) (type 1) (param i32)
      (local i32)
      global.get $__stack_pointer
      i32.const 48
      i32.sub
      local.tee 1
      global.set $__stack_pointer
      local.get 1
      i32.const 32
      i32.store8 offset=47
      local.get 1
      i64.const 7308895158390646132
      i64.store offset=39 align=1
      local.get 1
      i64.const 8097863973307965728
      i64.store offset=31 align=1
      local.get 1
      i64.const 7234307576302018670
      i64.store offset=23 align=1
      local.get 1
      i64.const 8028075845441778529
      i64.store offset=15 align=1
      local.get 1
      i32.const 15
      i32.add
      i32.const 33
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
      local.get 0
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros10eprint_u32
      unreachable
    )
    (func $_RNvMs8_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_5State3ptr (;31;) (type 7) (result i32)
      (local i32)
      block ;; label = @1
        call $get_state_ptr
        local.tee 0
        br_if 0 (;@1;)
        call $_RNvMs8_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_5State3new
        local.tee 0
        call $set_state_ptr
      end
      local.get 0
    )
    (func $cabi_import_realloc (;32;) (type 3) (param i32 i32 i32 i32) (result i32)
      (local i32 i32 i64)
      global.get $__stack_pointer
      i32.const 48
      i32.sub
      local.tee 4
      global.set $__stack_pointer
      block ;; label = @1
        block ;; label = @2
          block ;; label = @3
            block ;; label = @4
              block ;; label = @5
                block ;; label = @6
                  block ;; label = @7
                    block ;; label = @8
                      block ;; label = @9
                        call $_RNvMs8_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_5State3ptr
                        local.tee 5
                        i32.load
                        i32.const 560490357
                        i32.ne
                        br_if 0 (;@9;)
                        block ;; label = @10
                          local.get 5
                          i32.load offset=65532
                          i32.const 560490357
                          i32.ne
                          br_if 0 (;@10;)
                          local.get 5
                          i64.load offset=4 align=4
                          local.set 6
                          local.get 5
                          i32.const 4
                          i32.store offset=4
                          local.get 4
                          local.get 5
                          i32.load offset=20
                          i32.store offset=16
                          local.get 4
                          local.get 5
                          i64.load offset=12 align=4
                          i64.store offset=8
                          local.get 4
                          local.get 6
                          i64.store
                          local.get 0
                          i32.eqz
                          br_if 2 (;@8;)
                          local.get 1
                          local.get 3
                          i32.le_u
                          br_if 3 (;@7;)
                          local.get 2
                          i32.const 1
                          i32.eq
                          br_if 8 (;@2;)
                          i32.const 406
                          call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11assert_fail
                          unreachable
                        end
                        i32.const 2858
                        call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11assert_fail
                        unreachable
                      end
                      i32.const 2857
                      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11assert_fail
                      unreachable
                    end
                    local.get 4
                    i32.load
                    br_table 1 (;@6;) 4 (;@3;) 3 (;@4;) 2 (;@5;) 6 (;@1;) 1 (;@6;)
                  end
                  i32.const 405
                  call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11assert_fail
                  unreachable
                end
                local.get 4
                i32.const 4
                i32.or
                local.get 2
                local.get 3
                call $_RNvMs1_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_9BumpAlloc5alloc
                local.set 0
                local.get 4
                i32.const 4
                i32.store
                br 3 (;@2;)
              end
              local.get 4
              i32.const 12
              i32.add
              local.set 0
              block ;; label = @5
                local.get 2
                i32.const 1
                i32.eq
                br_if 0 (;@5;)
                local.get 0
                local.get 2
                local.get 3
                call $_RNvMs1_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_9BumpAlloc5alloc
                local.set 0
                br 3 (;@2;)
              end
              local.get 4
              local.get 4
              i32.load offset=4
              local.tee 2
              i32.const 1
              i32.add
              i32.store offset=4
              block ;; label = @5
                local.get 2
                local.get 4
                i32.load offset=8
                i32.eq
                br_if 0 (;@5;)
                local.get 4
                local.get 4
                i64.load offset=12 align=4
                i64.store offset=24 align=4
                local.get 4
                i32.const 24
                i32.add
                i32.const 1
                local.get 3
                call $_RNvMs1_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_9BumpAlloc5alloc
                local.set 0
                br 3 (;@2;)
              end
              local.get 0
              i32.const 1
              local.get 3
              call $_RNvMs1_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_9BumpAlloc5alloc
              local.set 0
              br 2 (;@2;)
            end
            block ;; label = @4
              local.get 2
              i32.const 1
              i32.eq
              br_if 0 (;@4;)
              local.get 4
              i32.const 12
              i32.add
              local.get 2
              local.get 3
              call $_RNvMs1_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_9BumpAlloc5alloc
              local.set 0
              br 2 (;@2;)
            end
            local.get 4
            i32.const 4
            i32.or
            i32.const 1
            local.get 3
            i32.const 1
            i32.add
            call $_RNvMs1_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_9BumpAlloc5alloc
            local.set 0
            br 1 (;@2;)
          end
          block ;; label = @3
            local.get 2
            i32.const 1
            i32.eq
            br_if 0 (;@3;)
            local.get 4
            i32.const 8
            i32.add
            local.get 2
            local.get 3
            call $_RNvMs1_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_9BumpAlloc5alloc
            local.set 0
            br 1 (;@2;)
          end
          local.get 4
          local.get 4
          i32.load offset=4
          local.get 3
          i32.add
          i32.store offset=4
          local.get 4
          local.get 4
          i64.load offset=8
          i64.store offset=24 align=4
          local.get 4
          i32.const 24
          i32.add
          i32.const 1
          local.get 3
          call $_RNvMs1_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_9BumpAlloc5alloc
          local.set 0
        end
        local.get 5
        i32.const 4
        i32.add
        local.tee 5
        local.get 4
        i32.load offset=16
        i32.store offset=16
        local.get 5
        local.get 4
        i64.load offset=8
        i64.store offset=8 align=4
        local.get 5
        local.get 4
        i64.load
        i64.store align=4
        local.get 4
        i32.const 48
        i32.add
        global.set $__stack_pointer
        local.get 0
        return
      end
      i32.const 447
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros18eprint_unreachable
      local.get 4
      i32.const 8250
      i32.store16 offset=24 align=1
      local.get 4
      i32.const 24
      i32.add
      i32.const 2
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
      local.get 4
      i64.const 748834980320733542
      i64.store offset=40 align=1
      local.get 4
      i64.const 7957688057596965985
      i64.store offset=32 align=1
      local.get 4
      i64.const 7165064744911531886
      i64.store offset=24 align=1
      local.get 4
      i32.const 24
      i32.add
      i32.const 24
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
      local.get 4
      i32.const 10
      i32.store8 offset=24
      local.get 4
      i32.const 24
      i32.add
      i32.const 1
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
      unreachable
    )
    (func $_RNvMst_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB5_10Descriptor4stat (;33;) (type 0) (param i32 i32)
      (local i32 i64)
      global.get $__stack_pointer
      i32.const 112
      i32.sub
      local.tee 2
      global.set $__stack_pointer
      local.get 1
      i32.load
      local.get 2
      i32.const 8
      i32.add
      call $_RNvNvMst_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB7_10Descriptor4stat11wit_import1
      i64.const -1
      local.set 3
      local.get 2
      i32.load8_u offset=16
      local.set 1
      block ;; label = @1
        local.get 2
        i32.load8_u offset=8
        br_if 0 (;@1;)
        local.get 0
        local.get 2
        i64.load offset=32
        i64.store offset=16
        local.get 0
        local.get 2
        i64.load offset=24
        i64.store offset=8
        local.get 0
        local.get 2
        i32.load offset=104
        i32.store offset=88
        local.get 0
        local.get 2
        i64.load offset=96
        i64.store offset=80
        local.get 0
        local.get 2
        i32.load offset=80
        i32.store offset=64
        local.get 0
        local.get 2
        i64.load offset=72
        i64.store offset=56
        local.get 0
        local.get 2
        i32.load offset=56
        i32.store offset=40
        local.get 0
        local.get 2
        i64.load offset=48
        i64.store offset=32
        local.get 0
        local.get 2
        i32.load8_u offset=64
        i32.const 0
        i32.ne
        i64.extend_i32_u
        i64.store offset=48
        local.get 0
        local.get 2
        i32.load8_u offset=40
        i32.const 0
        i32.ne
        i64.extend_i32_u
        i64.store offset=24
        local.get 2
        i32.load8_u offset=88
        i32.const 0
        i32.ne
        i64.extend_i32_u
        local.set 3
      end
      local.get 0
      local.get 3
      i64.store offset=72
      local.get 0
      local.get 1
      i32.store8
      local.get 2
      i32.const 112
      i32.add
      global.set $__stack_pointer
    )
    (func $_RINvNtCsaLlAxGApxxT_4core3ptr9drop_glueNtNtCs14sKlJVk3jl_22wasi_snapshot_preview111descriptors10DescriptorEBF_ (;34;) (type 1) (param i32)
      (local i32)
      block ;; label = @1
        local.get 0
        i32.load
        i32.const 1
        i32.ne
        br_if 0 (;@1;)
        block ;; label = @2
          local.get 0
          i32.load offset=8
          i32.eqz
          br_if 0 (;@2;)
          local.get 0
          i32.load offset=12
          local.tee 1
          i32.const -1
          i32.eq
          br_if 0 (;@2;)
          local.get 1
          call $_RNvNvXs2_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_11InputStreamNtNtBd_3__rt12WasmResource4drop4drop
        end
        block ;; label = @2
          local.get 0
          i32.load offset=16
          i32.eqz
          br_if 0 (;@2;)
          local.get 0
          i32.load offset=20
          local.tee 1
          i32.const -1
          i32.eq
          br_if 0 (;@2;)
          local.get 1
          call $_RNvNvXs4_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi2io7streamsNtB7_12OutputStreamNtNtBd_3__rt12WasmResource4drop4drop
        end
        local.get 0
        i32.load8_u offset=41
        i32.const 2
        i32.eq
        br_if 0 (;@1;)
        local.get 0
        i32.load offset=24
        local.tee 0
        i32.const -1
        i32.eq
        br_if 0 (;@1;)
        local.get 0
        call $_RNvNvXsc_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB7_10DescriptorNtNtBd_3__rt12WasmResource4drop4drop
      end
    )
    (func $fd_write (;35;) (type 3) (param i32 i32 i32 i32) (result i32)
      (local i32 i32 i32 i32)
      global.get $__stack_pointer
      i32.const 112
      i32.sub
      local.tee 4
      global.set $__stack_pointer
      block ;; label = @1
        block ;; label = @2
          block ;; label = @3
            call $get_allocation_state
            i32.const -2
            i32.add
            br_table 1 (;@2;) 0 (;@3;) 1 (;@2;) 0 (;@3;)
          end
          local.get 3
          i32.const 0
          i32.store
          i32.const 29
          local.set 1
          br 1 (;@1;)
        end
        block ;; label = @2
          block ;; label = @3
            block ;; label = @4
              block ;; label = @5
                block ;; label = @6
                  block ;; label = @7
                    block ;; label = @8
                      block ;; label = @9
                        local.get 2
                        i32.const 2
                        i32.lt_u
                        br_if 0 (;@9;)
                        local.get 1
                        local.get 2
                        i32.const 3
                        i32.shl
                        i32.add
                        i32.const -8
                        i32.add
                        local.set 5
                        loop ;; label = @10
                          local.get 1
                          i32.const 4
                          i32.add
                          i32.load
                          local.tee 6
                          br_if 3 (;@7;)
                          local.get 1
                          i32.const 8
                          i32.add
                          local.set 1
                          local.get 2
                          i32.const -1
                          i32.add
                          local.tee 2
                          i32.const 1
                          i32.gt_u
                          br_if 0 (;@10;)
                        end
                        local.get 5
                        local.set 1
                        br 1 (;@8;)
                      end
                      local.get 2
                      i32.eqz
                      br_if 2 (;@6;)
                    end
                    local.get 1
                    i32.load offset=4
                    local.set 6
                  end
                  local.get 1
                  i32.load
                  local.set 7
                  call $_RNvMs8_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_5State3ptr
                  local.tee 1
                  i32.load
                  i32.const 560490357
                  i32.ne
                  br_if 1 (;@5;)
                  block ;; label = @7
                    local.get 1
                    i32.load offset=65532
                    i32.const 560490357
                    i32.ne
                    br_if 0 (;@7;)
                    local.get 4
                    i32.const 8
                    i32.add
                    local.get 1
                    call $_RNvMs8_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_5State11descriptors
                    i32.const 8
                    local.set 1
                    local.get 4
                    i32.load offset=12
                    local.set 2
                    local.get 0
                    local.get 4
                    i32.load offset=8
                    local.tee 5
                    i32.load16_u offset=6144
                    i32.ge_u
                    br_if 5 (;@2;)
                    local.get 5
                    local.get 0
                    i32.const 48
                    i32.mul
                    i32.add
                    local.tee 0
                    i32.load
                    i32.const 1
                    i32.ne
                    br_if 5 (;@2;)
                    local.get 4
                    i32.const 16
                    i32.add
                    local.get 0
                    i32.const 8
                    i32.add
                    call $_RNvMNtCs14sKlJVk3jl_22wasi_snapshot_preview111descriptorsNtB2_7Streams16get_write_stream
                    local.get 4
                    i32.load16_u offset=16
                    i32.const 1
                    i32.eq
                    br_if 4 (;@3;)
                    local.get 4
                    i32.load offset=20
                    local.set 1
                    block ;; label = @8
                      local.get 0
                      i32.load8_u offset=41
                      local.tee 5
                      i32.const 2
                      i32.eq
                      br_if 0 (;@8;)
                      local.get 4
                      i32.const 16
                      i32.add
                      local.get 5
                      i32.const 1
                      i32.and
                      local.get 1
                      local.get 7
                      local.get 6
                      call $_RNvMs6_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_12BlockingMode5write
                      local.get 4
                      i32.load16_u offset=16
                      br_if 5 (;@3;)
                      br 4 (;@4;)
                    end
                    local.get 4
                    i32.const 16
                    i32.add
                    i32.const 1
                    local.get 1
                    local.get 7
                    local.get 6
                    call $_RNvMs6_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtB5_12BlockingMode5write
                    local.get 4
                    i32.load16_u offset=16
                    br_if 4 (;@3;)
                    br 3 (;@4;)
                  end
                  i32.const 2858
                  call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11assert_fail
                  unreachable
                end
                i32.const 0
                local.set 1
                local.get 3
                i32.const 0
                i32.store
                br 4 (;@1;)
              end
              i32.const 2857
              call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11assert_fail
              unreachable
            end
            local.get 4
            i32.load offset=20
            local.set 1
            block ;; label = @4
              local.get 0
              i32.load8_u offset=41
              i32.const 2
              i32.eq
              br_if 0 (;@4;)
              block ;; label = @5
                local.get 0
                i32.load8_u offset=40
                br_if 0 (;@5;)
                local.get 0
                local.get 0
                i64.load offset=32
                local.get 1
                i64.extend_i32_u
                i64.add
                i64.store offset=32
                br 1 (;@4;)
              end
              local.get 4
              i32.const 16
              i32.add
              local.get 0
              i32.const 24
              i32.add
              call $_RNvMst_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB5_10Descriptor4stat
              block ;; label = @5
                local.get 4
                i64.load offset=88
                i64.const -1
                i64.ne
                br_if 0 (;@5;)
                local.get 4
                i32.load8_u offset=16
                call $_RNvXs4_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtNtCslxPsRgjZmXS_6wasip113lib_generated5ErrnoINtNtCsaLlAxGApxxT_4core7convert4FromNtNtNtNtNtB5_8bindings4wasi10filesystem5types9ErrorCodeE4from
                local.set 1
                br 3 (;@2;)
              end
              local.get 0
              local.get 4
              i64.load offset=32
              i64.store offset=32
            end
            local.get 3
            local.get 1
            i32.store
            i32.const 0
            local.set 1
            br 1 (;@2;)
          end
          local.get 4
          i32.load16_u offset=18
          local.set 1
        end
        local.get 2
        local.get 2
        i32.load
        i32.const 1
        i32.add
        i32.store
      end
      local.get 4
      i32.const 112
      i32.add
      global.set $__stack_pointer
      local.get 1
      i32.const 65535
      i32.and
    )
    (func $_RNvMNtCs14sKlJVk3jl_22wasi_snapshot_preview111descriptorsNtB2_7Streams16get_write_stream (;36;) (type 0) (param i32 i32)
      (local i32 i64 i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 2
      global.set $__stack_pointer
      block ;; label = @1
        block ;; label = @2
          block ;; label = @3
            local.get 1
            i32.load offset=8
            br_if 0 (;@3;)
            block ;; label = @4
              block ;; label = @5
                block ;; label = @6
                  local.get 1
                  i32.load8_u offset=33
                  i32.const 2
                  i32.eq
                  br_if 0 (;@6;)
                  block ;; label = @7
                    local.get 1
                    i32.load8_u offset=20
                    i32.const 3
                    i32.ne
                    br_if 0 (;@7;)
                    local.get 0
                    i32.const 8
                    i32.store16 offset=2
                    br 2 (;@5;)
                  end
                  block ;; label = @7
                    local.get 1
                    i32.load8_u offset=32
                    br_if 0 (;@7;)
                    local.get 1
                    i64.load offset=24
                    local.set 3
                    local.get 2
                    i64.const 0
                    i64.store offset=8
                    local.get 1
                    i32.load offset=16
                    local.get 3
                    local.get 2
                    i32.const 8
                    i32.add
                    call $_RNvNvMsg_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB7_10Descriptor16write_via_stream11wit_import1
                    local.get 2
                    i32.load8_u offset=8
                    i32.eqz
                    br_if 3 (;@4;)
                    local.get 0
                    local.get 2
                    i32.load8_u offset=12
                    call $_RNvXs4_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtNtCslxPsRgjZmXS_6wasip113lib_generated5ErrnoINtNtCsaLlAxGApxxT_4core7convert4FromNtNtNtNtNtB5_8bindings4wasi10filesystem5types9ErrorCodeE4from
                    i32.store16 offset=2
                    br 2 (;@5;)
                  end
                  local.get 2
                  i64.const 0
                  i64.store offset=8
                  local.get 1
                  i32.load offset=16
                  local.get 2
                  i32.const 8
                  i32.add
                  call $_RNvNvMsh_NtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi10filesystem5typesNtB7_10Descriptor17append_via_stream11wit_import1
                  local.get 2
                  i32.load8_u offset=8
                  i32.eqz
                  br_if 2 (;@4;)
                  local.get 0
                  local.get 2
                  i32.load8_u offset=12
                  call $_RNvXs4_Cs14sKlJVk3jl_22wasi_snapshot_preview1NtNtCslxPsRgjZmXS_6wasip113lib_generated5ErrnoINtNtCsaLlAxGApxxT_4core7convert4FromNtNtNtNtNtB5_8bindings4wasi10filesystem5types9ErrorCodeE4from
                  i32.store16 offset=2
                  br 1 (;@5;)
                end
                local.get 0
                i32.const 8
                i32.store16 offset=2
              end
              i32.const 1
              local.set 1
              br 2 (;@2;)
            end
            local.get 2
            i32.load offset=12
            local.set 4
            local.get 1
            i32.load offset=8
            i32.const 1
            i32.eq
            br_if 2 (;@1;)
            local.get 1
            local.get 4
            i32.store offset=12
            local.get 1
            i32.const 1
            i32.store offset=8
          end
          local.get 0
          local.get 1
          i32.const 12
          i32.add
          i32.store offset=4
          i32.const 0
          local.set 1
        end
        local.get 0
        local.get 1
        i32.store16
        local.get 2
        i32.const 16
        i32.add
        global.set $__stack_pointer
        return
      end
      i32.const 167
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros11unreachable
      unreachable
    )
    (func $proc_exit (;37;) (type 1) (param i32)
      (local i32)
      global.get $__stack_pointer
      i32.const 48
      i32.sub
      local.tee 1
      global.set $__stack_pointer
      local.get 0
      i32.const 0
      i32.ne
      call $_RNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli4exit4exit
      i32.const 2368
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros18eprint_unreachable
      local.get 1
      i32.const 8250
      i32.store16 offset=10 align=1
      local.get 1
      i32.const 10
      i32.add
      i32.const 2
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
      local.get 1
      i32.const 2593
      i32.store16 offset=46 align=1
      local.get 1
      i32.const 1953069157
      i32.store offset=42 align=1
      local.get 1
      i64.const 2338537461596644384
      i64.store offset=34 align=1
      local.get 1
      i64.const 7957695015159098981
      i64.store offset=26 align=1
      local.get 1
      i64.const 7882825952909664372
      i64.store offset=18 align=1
      local.get 1
      i64.const 7599935561254793064
      i64.store offset=10 align=1
      local.get 1
      i32.const 10
      i32.add
      i32.const 38
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
      local.get 1
      i32.const 10
      i32.store8 offset=10
      local.get 1
      i32.const 10
      i32.add
      i32.const 1
      call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
      unreachable
    )
    (func $_RNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli4exit4exit (;38;) (type 1) (param i32)
      local.get 0
      call $_RNvNvNtNtNtNtCs14sKlJVk3jl_22wasi_snapshot_preview18bindings4wasi3cli4exit4exit11wit_import1
    )
    (func $_RNvNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros10eprint_u3215eprint_u32_impl (;39;) (type 1) (param i32)
      (local i32 i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 1
      global.set $__stack_pointer
      block ;; label = @1
        local.get 0
        i32.eqz
        br_if 0 (;@1;)
        local.get 0
        i32.const 10
        i32.div_u
        local.tee 2
        call $_RNvNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros10eprint_u3215eprint_u32_impl
        local.get 1
        local.get 0
        local.get 2
        i32.const 10
        i32.mul
        i32.sub
        i32.const 48
        i32.or
        i32.store8 offset=15
        local.get 1
        i32.const 15
        i32.add
        i32.const 1
        call $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros5print
      end
      local.get 1
      i32.const 16
      i32.add
      global.set $__stack_pointer
    )
    (func $_RNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros10eprint_u32 (;40;) (type 1) (param i32)
      local.get 0
      call $_RNvNvNtCs14sKlJVk3jl_22wasi_snapshot_preview16macros10eprint_u3215eprint_u32_impl
    )
    (func $get_state_ptr (;41;) (type 7) (result i32)
      global.get $internal_state_ptr
    )
    (func $set_state_ptr (;42;) (type 1) (param i32)
      local.get 0
      global.set $internal_state_ptr
    )
    (func $get_allocation_state (;43;) (type 7) (result i32)
      global.get $allocation_state
    )
    (func $set_allocation_state (;44;) (type 1) (param i32)
      local.get 0
      global.set $allocation_state
    )
    (func $allocate_stack (;45;) (type 9)
      global.get $allocation_state
      i32.const 0
      i32.eq
      if ;; label = @1
        i32.const 1
        global.set $allocation_state
        i32.const 0
        i32.const 0
        i32.const 8
        i32.const 65536
        call $realloc_via_memory_grow
        i32.const 65536
        i32.add
        global.set $__stack_pointer
        i32.const 2
        global.set $allocation_state
      end
    )
    (@producers
      (language "Rust" "")
      (processed-by "rustc" "1.97.0 (2d8144b78 2026-07-07)")
    )
  )
  (core module $wit-component-shim-module (;3;)
    (type (;0;) (func (param i32) (result i32)))
    (type (;1;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;2;) (func (param i32)))
    (type (;3;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;4;) (func (param i32 i32 i32 i32)))
    (type (;5;) (func (param i32 i32)))
    (type (;6;) (func (param i32 i64 i32)))
    (type (;7;) (func (param i32)))
    (table (;0;) 15 15 funcref)
    (export "0" (func 0))
    (export "1" (func 1))
    (export "2" (func 2))
    (export "3" (func 3))
    (export "4" (func 4))
    (export "5" (func 5))
    (export "6" (func 6))
    (export "7" (func 7))
    (export "8" (func 8))
    (export "9" (func 9))
    (export "10" (func 10))
    (export "11" (func 11))
    (export "12" (func 12))
    (export "13" (func 13))
    (export "14" (func 14))
    (export "$imports" (table 0))
    (func (;0;) (type 0) (param i32) (result i32)
      local.get 0
      i32.const 0
      call_indirect (type 0)
    )
    (func (;1;) (type 1) (param i32 i32 i32 i32) (result i32)
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      i32.const 1
      call_indirect (type 1)
    )
    (func (;2;) (type 2) (param i32)
      local.get 0
      i32.const 2
      call_indirect (type 2)
    )
    (func (;3;) (type 3) (param i32 i32 i32 i32 i32) (result i32)
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      local.get 4
      i32.const 3
      call_indirect (type 3)
    )
    (func (;4;) (type 4) (param i32 i32 i32 i32)
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      i32.const 4
      call_indirect (type 4)
    )
    (func (;5;) (type 5) (param i32 i32)
      local.get 0
      local.get 1
      i32.const 5
      call_indirect (type 5)
    )
    (func (;6;) (type 5) (param i32 i32)
      local.get 0
      local.get 1
      i32.const 6
      call_indirect (type 5)
    )
    (func (;7;) (type 5) (param i32 i32)
      local.get 0
      local.get 1
      i32.const 7
      call_indirect (type 5)
    )
    (func (;8;) (type 6) (param i32 i64 i32)
      local.get 0
      local.get 1
      local.get 2
      i32.const 8
      call_indirect (type 6)
    )
    (func (;9;) (type 5) (param i32 i32)
      local.get 0
      local.get 1
      i32.const 9
      call_indirect (type 5)
    )
    (func (;10;) (type 5) (param i32 i32)
      local.get 0
      local.get 1
      i32.const 10
      call_indirect (type 5)
    )
    (func (;11;) (type 4) (param i32 i32 i32 i32)
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      i32.const 11
      call_indirect (type 4)
    )
    (func (;12;) (type 5) (param i32 i32)
      local.get 0
      local.get 1
      i32.const 12
      call_indirect (type 5)
    )
    (func (;13;) (type 4) (param i32 i32 i32 i32)
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      i32.const 13
      call_indirect (type 4)
    )
    (func (;14;) (type 7) (param i32)
      local.get 0
      i32.const 14
      call_indirect (type 7)
    )
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core module $wit-component-fixup (;4;)
    (type (;0;) (func (param i32) (result i32)))
    (type (;1;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;2;) (func (param i32)))
    (type (;3;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;4;) (func (param i32 i32 i32 i32)))
    (type (;5;) (func (param i32 i32)))
    (type (;6;) (func (param i32 i64 i32)))
    (type (;7;) (func (param i32)))
    (import "" "0" (func (;0;) (type 0)))
    (import "" "1" (func (;1;) (type 1)))
    (import "" "2" (func (;2;) (type 2)))
    (import "" "3" (func (;3;) (type 3)))
    (import "" "4" (func (;4;) (type 4)))
    (import "" "5" (func (;5;) (type 5)))
    (import "" "6" (func (;6;) (type 5)))
    (import "" "7" (func (;7;) (type 5)))
    (import "" "8" (func (;8;) (type 6)))
    (import "" "9" (func (;9;) (type 5)))
    (import "" "10" (func (;10;) (type 5)))
    (import "" "11" (func (;11;) (type 4)))
    (import "" "12" (func (;12;) (type 5)))
    (import "" "13" (func (;13;) (type 4)))
    (import "" "14" (func (;14;) (type 7)))
    (import "" "$imports" (table (;0;) 15 15 funcref))
    (elem (;0;) (i32.const 0) func 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14)
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core instance $wit-component-shim-instance (;0;) (instantiate $wit-component-shim-module))
  (alias core export $wit-component-shim-instance "0" (core func $adapt-wasi_ephemeral_nn-compute (;0;)))
  (core instance $wasi_ephemeral_nn (;1;)
    (export "compute" (func $adapt-wasi_ephemeral_nn-compute))
  )
  (alias core export $wit-component-shim-instance "1" (core func $adapt-wasi_snapshot_preview1-fd_write (;1;)))
  (alias core export $wit-component-shim-instance "2" (core func $adapt-wasi_snapshot_preview1-proc_exit (;2;)))
  (core instance $wasi_snapshot_preview1 (;2;)
    (export "fd_write" (func $adapt-wasi_snapshot_preview1-fd_write))
    (export "proc_exit" (func $adapt-wasi_snapshot_preview1-proc_exit))
  )
  (core instance $main (;3;) (instantiate $main
      (with "wasi_ephemeral_nn" (instance $wasi_ephemeral_nn))
      (with "wasi_snapshot_preview1" (instance $wasi_snapshot_preview1))
    )
  )
  (alias core export $main "memory" (core memory $memory (;0;)))
  (core instance $env (;4;)
    (export "memory" (memory $memory))
  )
  (alias export $wasi:nn/errors@0.2.0-rc-2024-10-28 "[method]error.code" (func $"[method]error.code" (;0;)))
  (core func $"[method]error.code" (;3;) (canon lower (func $"[method]error.code")))
  (alias export $wasi:nn/errors@0.2.0-rc-2024-10-28 "error" (type $"#type22 error" (@name "error") (;22;)))
  (core func $resource.drop (;4;) (canon resource.drop $"#type22 error"))
  (core instance $wasi:nn/errors@0.2.0-rc-2024-10-28 (;5;)
    (export "[method]error.code" (func $"[method]error.code"))
    (export "[resource-drop]error" (func $resource.drop))
  )
  (alias export $wasi:nn/tensor@0.2.0-rc-2024-10-28 "tensor" (type $"#type23 tensor" (@name "tensor") (;23;)))
  (core func $"#core-func5 resource.drop" (@name "resource.drop") (;5;) (canon resource.drop $"#type23 tensor"))
  (alias core export $wit-component-shim-instance "3" (core func $"indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[constructor]tensor" (;6;)))
  (core instance $wasi:nn/tensor@0.2.0-rc-2024-10-28 (;6;)
    (export "[resource-drop]tensor" (func $"#core-func5 resource.drop"))
    (export "[constructor]tensor" (func $"indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[constructor]tensor"))
  )
  (alias core export $wit-component-shim-instance "4" (core func $"indirect-wasi:nn/inference@0.2.0-rc-2024-10-28-[method]graph-execution-context.compute" (;7;)))
  (core instance $wasi:nn/inference@0.2.0-rc-2024-10-28 (;7;)
    (export "[method]graph-execution-context.compute" (func $"indirect-wasi:nn/inference@0.2.0-rc-2024-10-28-[method]graph-execution-context.compute"))
  )
  (core instance $"#core-instance8 wasi_ephemeral_nn" (@name "wasi_ephemeral_nn") (;8;) (instantiate $wit-component:adapter:wasi_ephemeral_nn
      (with "env" (instance $env))
      (with "wasi:nn/errors@0.2.0-rc-2024-10-28" (instance $wasi:nn/errors@0.2.0-rc-2024-10-28))
      (with "wasi:nn/tensor@0.2.0-rc-2024-10-28" (instance $wasi:nn/tensor@0.2.0-rc-2024-10-28))
      (with "wasi:nn/inference@0.2.0-rc-2024-10-28" (instance $wasi:nn/inference@0.2.0-rc-2024-10-28))
    )
  )
  (core instance $"#core-instance9 env" (@name "env") (;9;)
    (export "memory" (memory $memory))
  )
  (alias core export $wit-component-shim-instance "5" (core func $indirect-wasi:filesystem/types@0.2.12-filesystem-error-code (;8;)))
  (alias core export $wit-component-shim-instance "6" (core func $"indirect-wasi:filesystem/types@0.2.12-[method]descriptor.get-type" (;9;)))
  (alias export $wasi:filesystem/types@0.2.12 "descriptor" (type $"#type24 descriptor" (@name "descriptor") (;24;)))
  (core func $"#core-func10 resource.drop" (@name "resource.drop") (;10;) (canon resource.drop $"#type24 descriptor"))
  (alias core export $wit-component-shim-instance "7" (core func $"indirect-wasi:filesystem/types@0.2.12-[method]descriptor.append-via-stream" (;11;)))
  (alias core export $wit-component-shim-instance "8" (core func $"indirect-wasi:filesystem/types@0.2.12-[method]descriptor.write-via-stream" (;12;)))
  (alias core export $wit-component-shim-instance "9" (core func $"indirect-wasi:filesystem/types@0.2.12-[method]descriptor.stat" (;13;)))
  (core instance $wasi:filesystem/types@0.2.12 (;10;)
    (export "filesystem-error-code" (func $indirect-wasi:filesystem/types@0.2.12-filesystem-error-code))
    (export "[method]descriptor.get-type" (func $"indirect-wasi:filesystem/types@0.2.12-[method]descriptor.get-type"))
    (export "[resource-drop]descriptor" (func $"#core-func10 resource.drop"))
    (export "[method]descriptor.append-via-stream" (func $"indirect-wasi:filesystem/types@0.2.12-[method]descriptor.append-via-stream"))
    (export "[method]descriptor.write-via-stream" (func $"indirect-wasi:filesystem/types@0.2.12-[method]descriptor.write-via-stream"))
    (export "[method]descriptor.stat" (func $"indirect-wasi:filesystem/types@0.2.12-[method]descriptor.stat"))
  )
  (alias export $wasi:io/error@0.2.12 "error" (type $"#type25 error" (@name "error") (;25;)))
  (core func $"#core-func14 resource.drop" (@name "resource.drop") (;14;) (canon resource.drop $"#type25 error"))
  (core instance $wasi:io/error@0.2.12 (;11;)
    (export "[resource-drop]error" (func $"#core-func14 resource.drop"))
  )
  (alias core export $wit-component-shim-instance "10" (core func $"indirect-wasi:io/streams@0.2.12-[method]output-stream.check-write" (;15;)))
  (alias core export $wit-component-shim-instance "11" (core func $"indirect-wasi:io/streams@0.2.12-[method]output-stream.write" (;16;)))
  (alias core export $wit-component-shim-instance "12" (core func $"indirect-wasi:io/streams@0.2.12-[method]output-stream.blocking-flush" (;17;)))
  (alias export $wasi:io/streams@0.2.12 "output-stream" (type $"#type26 output-stream" (@name "output-stream") (;26;)))
  (core func $"#core-func18 resource.drop" (@name "resource.drop") (;18;) (canon resource.drop $"#type26 output-stream"))
  (alias export $wasi:io/streams@0.2.12 "input-stream" (type $"#type27 input-stream" (@name "input-stream") (;27;)))
  (core func $"#core-func19 resource.drop" (@name "resource.drop") (;19;) (canon resource.drop $"#type27 input-stream"))
  (alias core export $wit-component-shim-instance "13" (core func $"indirect-wasi:io/streams@0.2.12-[method]output-stream.blocking-write-and-flush" (;20;)))
  (core instance $wasi:io/streams@0.2.12 (;12;)
    (export "[method]output-stream.check-write" (func $"indirect-wasi:io/streams@0.2.12-[method]output-stream.check-write"))
    (export "[method]output-stream.write" (func $"indirect-wasi:io/streams@0.2.12-[method]output-stream.write"))
    (export "[method]output-stream.blocking-flush" (func $"indirect-wasi:io/streams@0.2.12-[method]output-stream.blocking-flush"))
    (export "[resource-drop]output-stream" (func $"#core-func18 resource.drop"))
    (export "[resource-drop]input-stream" (func $"#core-func19 resource.drop"))
    (export "[method]output-stream.blocking-write-and-flush" (func $"indirect-wasi:io/streams@0.2.12-[method]output-stream.blocking-write-and-flush"))
  )
  (alias core export $wit-component-shim-instance "14" (core func $indirect-wasi:filesystem/preopens@0.2.6-get-directories (;21;)))
  (core instance $wasi:filesystem/preopens@0.2.6 (;13;)
    (export "get-directories" (func $indirect-wasi:filesystem/preopens@0.2.6-get-directories))
  )
  (alias export $wasi:cli/stderr@0.2.12 "get-stderr" (func $get-stderr (;1;)))
  (core func $get-stderr (;22;) (canon lower (func $get-stderr)))
  (core instance $wasi:cli/stderr@0.2.12 (;14;)
    (export "get-stderr" (func $get-stderr))
  )
  (alias export $wasi:cli/stdin@0.2.12 "get-stdin" (func $get-stdin (;2;)))
  (core func $get-stdin (;23;) (canon lower (func $get-stdin)))
  (core instance $wasi:cli/stdin@0.2.12 (;15;)
    (export "get-stdin" (func $get-stdin))
  )
  (alias export $wasi:cli/stdout@0.2.12 "get-stdout" (func $get-stdout (;3;)))
  (core func $get-stdout (;24;) (canon lower (func $get-stdout)))
  (core instance $wasi:cli/stdout@0.2.12 (;16;)
    (export "get-stdout" (func $get-stdout))
  )
  (alias export $wasi:cli/exit@0.2.12 "exit" (func $exit (;4;)))
  (core func $exit (;25;) (canon lower (func $exit)))
  (core instance $wasi:cli/exit@0.2.12 (;17;)
    (export "exit" (func $exit))
  )
  (core instance $"#core-instance18 wasi_snapshot_preview1" (@name "wasi_snapshot_preview1") (;18;) (instantiate $wit-component:adapter:wasi_snapshot_preview1
      (with "env" (instance $"#core-instance9 env"))
      (with "wasi:filesystem/types@0.2.12" (instance $wasi:filesystem/types@0.2.12))
      (with "wasi:io/error@0.2.12" (instance $wasi:io/error@0.2.12))
      (with "wasi:io/streams@0.2.12" (instance $wasi:io/streams@0.2.12))
      (with "wasi:filesystem/preopens@0.2.6" (instance $wasi:filesystem/preopens@0.2.6))
      (with "wasi:cli/stderr@0.2.12" (instance $wasi:cli/stderr@0.2.12))
      (with "wasi:cli/stdin@0.2.12" (instance $wasi:cli/stdin@0.2.12))
      (with "wasi:cli/stdout@0.2.12" (instance $wasi:cli/stdout@0.2.12))
      (with "wasi:cli/exit@0.2.12" (instance $wasi:cli/exit@0.2.12))
    )
  )
  (alias core export $wit-component-shim-instance "$imports" (core table $"shim table" (;0;)))
  (alias core export $"#core-instance8 wasi_ephemeral_nn" "compute" (core func $compute (;26;)))
  (alias core export $"#core-instance18 wasi_snapshot_preview1" "fd_write" (core func $fd_write (;27;)))
  (alias core export $"#core-instance18 wasi_snapshot_preview1" "proc_exit" (core func $proc_exit (;28;)))
  (alias export $wasi:nn/tensor@0.2.0-rc-2024-10-28 "[constructor]tensor" (func $"[constructor]tensor" (;5;)))
  (alias core export $"#core-instance8 wasi_ephemeral_nn" "cabi_import_realloc" (core func $realloc (;29;)))
  (core func $"#core-func30 indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[constructor]tensor" (@name "indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[constructor]tensor") (;30;) (canon lower (func $"[constructor]tensor") (memory $memory)))
  (alias export $wasi:nn/inference@0.2.0-rc-2024-10-28 "[method]graph-execution-context.compute" (func $"[method]graph-execution-context.compute" (;6;)))
  (core func $"#core-func31 indirect-wasi:nn/inference@0.2.0-rc-2024-10-28-[method]graph-execution-context.compute" (@name "indirect-wasi:nn/inference@0.2.0-rc-2024-10-28-[method]graph-execution-context.compute") (;31;) (canon lower (func $"[method]graph-execution-context.compute") (memory $memory) (realloc $realloc) string-encoding=utf8))
  (alias export $wasi:filesystem/types@0.2.12 "filesystem-error-code" (func $filesystem-error-code (;7;)))
  (alias core export $"#core-instance18 wasi_snapshot_preview1" "cabi_import_realloc" (core func $"#core-func32 realloc" (@name "realloc") (;32;)))
  (core func $"#core-func33 indirect-wasi:filesystem/types@0.2.12-filesystem-error-code" (@name "indirect-wasi:filesystem/types@0.2.12-filesystem-error-code") (;33;) (canon lower (func $filesystem-error-code) (memory $memory)))
  (alias export $wasi:filesystem/types@0.2.12 "[method]descriptor.get-type" (func $"[method]descriptor.get-type" (;8;)))
  (core func $"#core-func34 indirect-wasi:filesystem/types@0.2.12-[method]descriptor.get-type" (@name "indirect-wasi:filesystem/types@0.2.12-[method]descriptor.get-type") (;34;) (canon lower (func $"[method]descriptor.get-type") (memory $memory)))
  (alias export $wasi:filesystem/types@0.2.12 "[method]descriptor.append-via-stream" (func $"[method]descriptor.append-via-stream" (;9;)))
  (core func $"#core-func35 indirect-wasi:filesystem/types@0.2.12-[method]descriptor.append-via-stream" (@name "indirect-wasi:filesystem/types@0.2.12-[method]descriptor.append-via-stream") (;35;) (canon lower (func $"[method]descriptor.append-via-stream") (memory $memory)))
  (alias export $wasi:filesystem/types@0.2.12 "[method]descriptor.write-via-stream" (func $"[method]descriptor.write-via-stream" (;10;)))
  (core func $"#core-func36 indirect-wasi:filesystem/types@0.2.12-[method]descriptor.write-via-stream" (@name "indirect-wasi:filesystem/types@0.2.12-[method]descriptor.write-via-stream") (;36;) (canon lower (func $"[method]descriptor.write-via-stream") (memory $memory)))
  (alias export $wasi:filesystem/types@0.2.12 "[method]descriptor.stat" (func $"[method]descriptor.stat" (;11;)))
  (core func $"#core-func37 indirect-wasi:filesystem/types@0.2.12-[method]descriptor.stat" (@name "indirect-wasi:filesystem/types@0.2.12-[method]descriptor.stat") (;37;) (canon lower (func $"[method]descriptor.stat") (memory $memory)))
  (alias export $wasi:io/streams@0.2.12 "[method]output-stream.check-write" (func $"[method]output-stream.check-write" (;12;)))
  (core func $"#core-func38 indirect-wasi:io/streams@0.2.12-[method]output-stream.check-write" (@name "indirect-wasi:io/streams@0.2.12-[method]output-stream.check-write") (;38;) (canon lower (func $"[method]output-stream.check-write") (memory $memory)))
  (alias export $wasi:io/streams@0.2.12 "[method]output-stream.write" (func $"[method]output-stream.write" (;13;)))
  (core func $"#core-func39 indirect-wasi:io/streams@0.2.12-[method]output-stream.write" (@name "indirect-wasi:io/streams@0.2.12-[method]output-stream.write") (;39;) (canon lower (func $"[method]output-stream.write") (memory $memory)))
  (alias export $wasi:io/streams@0.2.12 "[method]output-stream.blocking-flush" (func $"[method]output-stream.blocking-flush" (;14;)))
  (core func $"#core-func40 indirect-wasi:io/streams@0.2.12-[method]output-stream.blocking-flush" (@name "indirect-wasi:io/streams@0.2.12-[method]output-stream.blocking-flush") (;40;) (canon lower (func $"[method]output-stream.blocking-flush") (memory $memory)))
  (alias export $wasi:io/streams@0.2.12 "[method]output-stream.blocking-write-and-flush" (func $"[method]output-stream.blocking-write-and-flush" (;15;)))
  (core func $"#core-func41 indirect-wasi:io/streams@0.2.12-[method]output-stream.blocking-write-and-flush" (@name "indirect-wasi:io/streams@0.2.12-[method]output-stream.blocking-write-and-flush") (;41;) (canon lower (func $"[method]output-stream.blocking-write-and-flush") (memory $memory)))
  (alias export $wasi:filesystem/preopens@0.2.12 "get-directories" (func $get-directories (;16;)))
  (core func $"#core-func42 indirect-wasi:filesystem/preopens@0.2.6-get-directories" (@name "indirect-wasi:filesystem/preopens@0.2.6-get-directories") (;42;) (canon lower (func $get-directories) (memory $memory) (realloc $"#core-func32 realloc") string-encoding=utf8))
  (core instance $fixup-args (;19;)
    (export "$imports" (table $"shim table"))
    (export "0" (func $compute))
    (export "1" (func $fd_write))
    (export "2" (func $proc_exit))
    (export "3" (func $"#core-func30 indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[constructor]tensor"))
    (export "4" (func $"#core-func31 indirect-wasi:nn/inference@0.2.0-rc-2024-10-28-[method]graph-execution-context.compute"))
    (export "5" (func $"#core-func33 indirect-wasi:filesystem/types@0.2.12-filesystem-error-code"))
    (export "6" (func $"#core-func34 indirect-wasi:filesystem/types@0.2.12-[method]descriptor.get-type"))
    (export "7" (func $"#core-func35 indirect-wasi:filesystem/types@0.2.12-[method]descriptor.append-via-stream"))
    (export "8" (func $"#core-func36 indirect-wasi:filesystem/types@0.2.12-[method]descriptor.write-via-stream"))
    (export "9" (func $"#core-func37 indirect-wasi:filesystem/types@0.2.12-[method]descriptor.stat"))
    (export "10" (func $"#core-func38 indirect-wasi:io/streams@0.2.12-[method]output-stream.check-write"))
    (export "11" (func $"#core-func39 indirect-wasi:io/streams@0.2.12-[method]output-stream.write"))
    (export "12" (func $"#core-func40 indirect-wasi:io/streams@0.2.12-[method]output-stream.blocking-flush"))
    (export "13" (func $"#core-func41 indirect-wasi:io/streams@0.2.12-[method]output-stream.blocking-write-and-flush"))
    (export "14" (func $"#core-func42 indirect-wasi:filesystem/preopens@0.2.6-get-directories"))
  )
  (core instance $fixup (;20;) (instantiate $wit-component-fixup
      (with "" (instance $fixup-args))
    )
  )
  (@producers
    (processed-by "wit-component" "0.254.2")
  )
)

