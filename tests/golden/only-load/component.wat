(component
  (type $ty-wasi:nn/errors@0.2.0-rc-2024-10-28 (;0;)
    (instance
      (export (;0;) "error" (type (sub resource)))
      (type (;1;) (enum "invalid-argument" "invalid-encoding" "timeout" "runtime-error" "unsupported-operation" "too-large" "not-found" "security" "unknown"))
      (export (;2;) "error-code" (type (eq 1)))
      (type (;3;) (borrow 0))
      (type (;4;) (func (param "self" 3) (result 2)))
      (export (;0;) "[method]error.code" (func (type 4)))
    )
  )
  (import "wasi:nn/errors@0.2.0-rc-2024-10-28" (instance $wasi:nn/errors@0.2.0-rc-2024-10-28 (;0;) (type $ty-wasi:nn/errors@0.2.0-rc-2024-10-28)))
  (alias export $wasi:nn/errors@0.2.0-rc-2024-10-28 "error" (type $error (;1;)))
  (type $ty-wasi:nn/graph@0.2.0-rc-2024-10-28 (;2;)
    (instance
      (type (;0;) (list u8))
      (export (;1;) "graph-builder" (type (eq 0)))
      (type (;2;) (enum "openvino" "onnx" "tensorflow" "pytorch" "tensorflowlite" "ggml" "autodetect"))
      (export (;3;) "graph-encoding" (type (eq 2)))
      (type (;4;) (enum "cpu" "gpu" "tpu"))
      (export (;5;) "execution-target" (type (eq 4)))
      (export (;6;) "graph" (type (sub resource)))
      (alias outer 1 $error (type (;7;)))
      (export (;8;) "error" (type (eq 7)))
      (type (;9;) (list 1))
      (type (;10;) (own 6))
      (type (;11;) (own 8))
      (type (;12;) (result 10 (error 11)))
      (type (;13;) (func (param "builder" 9) (param "encoding" 3) (param "target" 5) (result 12)))
      (export (;0;) "load" (func (type 13)))
    )
  )
  (import "wasi:nn/graph@0.2.0-rc-2024-10-28" (instance $wasi:nn/graph@0.2.0-rc-2024-10-28 (;1;) (type $ty-wasi:nn/graph@0.2.0-rc-2024-10-28)))
  (core module $main (;0;)
    (type (;0;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;1;) (func (result i32)))
    (import "wasi_ephemeral_nn" "load" (func $load (;0;) (type 0)))
    (memory (;0;) 1)
    (export "memory" (memory 0))
    (export "infer" (func 1))
    (func (;1;) (type 1) (result i32)
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      call $load
    )
  )
  (core module $wit-component:adapter:wasi_ephemeral_nn (;1;)
    (type (;0;) (func (param i32) (result i32)))
    (type (;1;) (func (param i32)))
    (type (;2;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;3;) (func (param i32 i32)))
    (type (;4;) (func (param i32 i32 i32 i32 i32)))
    (type (;5;) (func (param i32 i32 i32)))
    (type (;6;) (func (param i32 i32) (result i32)))
    (type (;7;) (func (param i32 i64) (result i32)))
    (type (;8;) (func (result i32)))
    (type (;9;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;10;) (func (param i32 i32 i32) (result i32)))
    (type (;11;) (func (param i32 i32 i32 i64 i64)))
    (type (;12;) (func (param i32) (result i64)))
    (type (;13;) (func (param i64 i64 i32 i32) (result i32)))
    (type (;14;) (func (param i32 i64 i64) (result i32)))
    (type (;15;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;16;) (func))
    (import "env" "memory" (memory (;0;) 0))
    (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[method]error.code" (func (;0;) (type 0)))
    (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[resource-drop]error" (func (;1;) (type 1)))
    (import "wasi:nn/graph@0.2.0-rc-2024-10-28" "load" (func (;2;) (type 4)))
    (global $__stack_pointer (;0;) (mut i32) i32.const 0)
    (global $nn_state_ptr (;1;) (mut i32) i32.const 0)
    (global $allocation_state (;2;) (mut i32) i32.const 0)
    (export "cabi_import_realloc" (func 33))
    (export "load" (func 34))
    (start $allocate_stack)
    (func (;3;) (type 5) (param i32 i32 i32)
      local.get 0
      local.get 1
      local.get 2
      i32.const 1
      i32.const 28
      call 4
      drop
    )
    (func (;4;) (type 2) (param i32 i32 i32 i32 i32) (result i32)
      (local i32 i32)
      block ;; label = @1
        local.get 0
        local.get 1
        local.get 3
        local.get 4
        local.get 0
        i32.load offset=4
        call 6
        local.tee 1
        i32.eqz
        br_if 0 (;@1;)
        local.get 0
        i32.load offset=4
        local.set 5
        block ;; label = @2
          local.get 3
          i32.eqz
          br_if 0 (;@2;)
          local.get 4
          local.get 3
          i32.mul
          local.tee 6
          i32.eqz
          br_if 0 (;@2;)
          local.get 0
          i32.load
          local.get 5
          local.get 4
          i32.mul
          i32.add
          local.get 2
          local.get 6
          memory.copy
        end
        local.get 0
        local.get 5
        local.get 3
        i32.add
        i32.store offset=4
      end
      local.get 1
    )
    (func (;5;) (type 6) (param i32 i32) (result i32)
      local.get 0
      local.get 1
      i32.const 1
      i32.const 28
      local.get 0
      i32.load offset=4
      call 6
    )
    (func (;6;) (type 2) (param i32 i32 i32 i32 i32) (result i32)
      (local i32 i32 i64)
      i32.const 0
      local.set 5
      block ;; label = @1
        local.get 0
        i32.load offset=4
        local.tee 6
        local.get 2
        i32.add
        local.tee 2
        local.get 6
        i32.lt_u
        br_if 0 (;@1;)
        block ;; label = @2
          local.get 2
          local.get 0
          i32.load offset=8
          i32.le_u
          br_if 0 (;@2;)
          local.get 2
          i64.extend_i32_u
          local.get 3
          i64.extend_i32_u
          i64.mul
          local.tee 7
          i64.const 32
          i64.shr_u
          i32.wrap_i64
          br_if 1 (;@1;)
          local.get 1
          local.get 7
          i32.wrap_i64
          call 7
          local.tee 2
          i32.eqz
          br_if 1 (;@1;)
          block ;; label = @3
            local.get 0
            i32.load
            local.tee 5
            i32.eqz
            br_if 0 (;@3;)
            block ;; label = @4
              local.get 4
              local.get 3
              i32.mul
              local.tee 6
              i32.eqz
              br_if 0 (;@4;)
              local.get 2
              local.get 5
              local.get 6
              memory.copy
            end
            local.get 1
            local.get 5
            call 8
          end
          local.get 0
          local.get 2
          i32.store
          local.get 0
          i32.const 16
          local.get 2
          i32.const -8
          i32.add
          i32.load
          i32.shl
          i32.const -8
          i32.add
          local.get 3
          i32.div_u
          i32.store offset=8
        end
        i32.const 1
        local.set 5
      end
      local.get 5
    )
    (func (;7;) (type 6) (param i32 i32) (result i32)
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
    (func (;8;) (type 3) (param i32 i32)
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
    (func (;9;) (type 7) (param i32 i64) (result i32)
      local.get 0
      i32.const 0
      i32.ne
      local.get 1
      i64.eqz
      i32.or
      local.get 1
      local.get 0
      i64.extend_i32_u
      i64.add
      memory.size
      i64.extend_i32_u
      i64.const 16
      i64.shl
      i64.le_u
      i32.and
    )
    (func (;10;) (type 8) (result i32)
      (local i32)
      block ;; label = @1
        call 38
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
        call 37
        i32.const 3
        call 39
      end
      call 36
    )
    (func (;11;) (type 9) (param i32 i32 i32 i32) (result i32)
      (local i32)
      i32.const 0
      local.set 4
      block ;; label = @1
        local.get 1
        local.get 3
        i32.ne
        br_if 0 (;@1;)
        local.get 0
        local.get 2
        local.get 1
        call 35
        i32.eqz
        local.set 4
      end
      local.get 4
    )
    (func (;12;) (type 10) (param i32 i32 i32) (result i32)
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
    (func (;13;) (type 11) (param i32 i32 i32 i64 i64)
      (local i32 i32)
      global.get $__stack_pointer
      i32.const 48
      i32.sub
      local.tee 5
      global.set $__stack_pointer
      local.get 5
      i64.const 0
      i64.store offset=24
      local.get 5
      local.get 2
      i32.store offset=12
      local.get 5
      local.get 1
      i32.store offset=8
      local.get 5
      i64.const 0
      i64.store offset=32
      i32.const 0
      local.set 1
      local.get 5
      i32.const 0
      i32.store8 offset=40
      local.get 5
      i64.const 1
      i64.store offset=16
      block ;; label = @1
        block ;; label = @2
          loop ;; label = @3
            local.get 5
            i32.const 8
            i32.add
            call 14
            i32.const 255
            i32.and
            local.tee 2
            i32.const 2
            i32.eq
            br_if 1 (;@2;)
            block ;; label = @4
              local.get 2
              br_if 0 (;@4;)
              local.get 0
              local.get 6
              i32.store offset=8
              local.get 0
              local.get 1
              i32.store offset=4
              i32.const 1
              local.set 2
              br 3 (;@1;)
            end
            local.get 5
            i64.load offset=24
            local.get 3
            i64.ne
            br_if 0 (;@3;)
            local.get 5
            i64.load offset=32
            local.get 4
            i64.ne
            br_if 1 (;@2;)
            local.get 5
            i32.load offset=20
            local.set 6
            local.get 5
            i32.load offset=16
            local.set 1
            br 0 (;@3;)
          end
        end
        i32.const 0
        local.set 2
      end
      local.get 0
      local.get 2
      i32.store
      local.get 5
      i32.const 48
      i32.add
      global.set $__stack_pointer
    )
    (func (;14;) (type 0) (param i32) (result i32)
      (local i64 i64 i32 i32 i32)
      block ;; label = @1
        local.get 0
        i32.load offset=4
        br_if 0 (;@1;)
        i32.const 0
        return
      end
      local.get 0
      local.get 0
      call 15
      local.tee 1
      i64.const 7
      i64.and
      local.tee 2
      i64.store offset=24
      local.get 0
      local.get 1
      i64.const 3
      i64.shr_u
      i64.store offset=16
      i32.const 2
      local.set 3
      block ;; label = @1
        block ;; label = @2
          block ;; label = @3
            local.get 2
            i64.const 5
            i64.eq
            br_if 0 (;@3;)
            block ;; label = @4
              local.get 2
              i64.const 1
              i64.ne
              br_if 0 (;@4;)
              i32.const 8
              local.set 4
              br 2 (;@2;)
            end
            block ;; label = @4
              local.get 2
              i64.const 2
              i64.eq
              br_if 0 (;@4;)
              local.get 2
              i64.const 0
              i64.ne
              br_if 3 (;@1;)
              local.get 0
              call 15
              drop
              i32.const 0
              local.set 4
              br 2 (;@2;)
            end
            local.get 0
            call 15
            local.tee 2
            i64.const 4294967296
            i64.ge_u
            br_if 2 (;@1;)
            local.get 2
            i32.wrap_i64
            local.set 4
            br 1 (;@2;)
          end
          i32.const 4
          local.set 4
        end
        local.get 0
        i32.load8_u offset=32
        br_if 0 (;@1;)
        local.get 0
        i32.load offset=4
        local.tee 5
        local.get 4
        i32.lt_u
        br_if 0 (;@1;)
        local.get 0
        local.get 5
        local.get 4
        i32.sub
        i32.store offset=4
        local.get 0
        local.get 0
        i32.load
        local.tee 3
        local.get 4
        i32.add
        i32.store
        local.get 0
        local.get 4
        i32.const 0
        local.get 0
        i64.load offset=24
        i64.const 2
        i64.eq
        local.tee 5
        select
        i32.store offset=12
        local.get 0
        local.get 3
        i32.const 1
        local.get 5
        select
        i32.store offset=8
        i32.const 2
        i32.const 1
        local.get 0
        i64.load offset=16
        i64.eqz
        select
        local.set 3
      end
      local.get 3
    )
    (func (;15;) (type 12) (param i32) (result i64)
      (local i32 i32 i64 i64 i32 i32)
      local.get 0
      i32.load offset=4
      i32.const -1
      i32.add
      local.set 1
      local.get 0
      i32.load
      local.set 2
      i64.const 0
      local.set 3
      i64.const 0
      local.set 4
      loop ;; label = @1
        block ;; label = @2
          block ;; label = @3
            local.get 1
            i32.const -1
            i32.eq
            br_if 0 (;@3;)
            local.get 0
            local.get 1
            i32.store offset=4
            local.get 0
            local.get 2
            i32.const 1
            i32.add
            local.tee 5
            i32.store
            local.get 3
            i64.const 64
            i64.lt_u
            br_if 1 (;@2;)
          end
          local.get 0
          i32.const 1
          i32.store8 offset=32
          i64.const 0
          return
        end
        local.get 1
        i32.const -1
        i32.add
        local.set 1
        local.get 2
        i32.load8_s
        local.tee 6
        i64.extend_i32_u
        i64.const 127
        i64.and
        local.get 3
        i64.shl
        local.get 4
        i64.or
        local.set 4
        local.get 3
        i64.const 7
        i64.add
        local.set 3
        local.get 5
        local.set 2
        local.get 6
        i32.const 0
        i32.lt_s
        br_if 0 (;@1;)
      end
      local.get 4
    )
    (func (;16;) (type 4) (param i32 i32 i32 i32 i32)
      (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
      global.get $__stack_pointer
      i32.const 96
      i32.sub
      local.tee 5
      global.set $__stack_pointer
      local.get 5
      i32.const 64
      i32.add
      local.set 6
      i32.const 1
      local.set 7
      i32.const 0
      local.set 8
      i32.const 0
      local.set 9
      i32.const 1
      local.set 10
      i32.const 0
      local.set 11
      i32.const 1
      local.set 12
      i32.const 0
      local.set 13
      block ;; label = @1
        loop ;; label = @2
          local.get 9
          i32.const 2
          i32.eq
          br_if 1 (;@1;)
          local.get 5
          i32.const 48
          i32.add
          local.get 1
          local.get 2
          call 17
          local.get 9
          i32.const 1
          i32.add
          local.set 14
          i32.const 0
          local.set 15
          loop ;; label = @3
            block ;; label = @4
              block ;; label = @5
                block ;; label = @6
                  local.get 5
                  i32.const 48
                  i32.add
                  call 18
                  i32.const 255
                  i32.and
                  local.tee 16
                  i32.eqz
                  br_if 0 (;@6;)
                  local.get 16
                  i32.const 1
                  i32.eq
                  br_if 3 (;@3;)
                  br 1 (;@5;)
                end
                local.get 9
                br_if 1 (;@4;)
                local.get 5
                i32.load offset=80
                i32.const 3
                i32.ne
                br_if 2 (;@3;)
                local.get 5
                i32.load offset=84
                i32.const 2
                i32.ne
                br_if 2 (;@3;)
                i64.const 1701274725
                i64.const 4
                local.get 5
                i32.load offset=64
                local.get 5
                i32.load offset=68
                call 19
                i32.eqz
                br_if 2 (;@3;)
                local.get 5
                i32.const 16
                i32.add
                local.get 5
                i32.load offset=72
                local.tee 16
                local.get 5
                i32.load offset=76
                local.tee 17
                i64.const 8243128152305266548
                i64.const 8
                call 20
                local.get 5
                i32.load offset=16
                local.get 5
                i32.load offset=20
                local.get 3
                local.get 4
                call 21
                i32.eqz
                br_if 2 (;@3;)
                local.get 5
                i32.const 8
                i32.add
                local.get 16
                local.get 17
                i64.const 8746390893695562342
                i64.const 7496970
                call 20
                local.get 5
                i32.load offset=12
                local.set 11
                local.get 5
                i32.load offset=8
                local.set 12
                local.get 5
                local.get 16
                local.get 17
                i64.const 8245932783150527078
                i64.const 29705
                call 20
                local.get 5
                i32.load offset=4
                local.set 13
                local.get 5
                i32.load
                local.set 10
              end
              local.get 14
              local.set 9
              br 2 (;@2;)
            end
            block ;; label = @4
              local.get 6
              call 22
              br_if 0 (;@4;)
              local.get 15
              i32.const 1
              i32.and
              local.set 16
              i32.const 0
              local.set 15
              local.get 16
              i32.eqz
              br_if 1 (;@3;)
              i32.const 1
              local.set 15
              local.get 6
              call 23
              i32.eqz
              br_if 1 (;@3;)
              local.get 5
              i32.const 40
              i32.add
              local.get 5
              i32.load offset=72
              local.tee 16
              local.get 5
              i32.load offset=76
              local.tee 17
              i64.const 25705
              i64.const 2
              call 20
              local.get 5
              i32.load offset=40
              local.get 5
              i32.load offset=44
              local.get 10
              local.get 13
              call 21
              i32.eqz
              br_if 1 (;@3;)
              local.get 5
              i32.const 32
              i32.add
              local.get 16
              local.get 17
              i64.const 495622906222
              i64.const 5
              call 20
              local.get 5
              i32.load offset=36
              local.set 8
              local.get 5
              i32.load offset=32
              local.set 7
              br 3 (;@1;)
            end
            local.get 5
            i32.const 24
            i32.add
            local.get 5
            i32.load offset=72
            local.get 5
            i32.load offset=76
            i64.const 25705
            i64.const 2
            call 20
            local.get 5
            i32.load offset=24
            local.get 5
            i32.load offset=28
            local.get 12
            local.get 11
            call 21
            local.set 15
            br 0 (;@3;)
          end
        end
      end
      local.get 0
      local.get 8
      i32.store offset=4
      local.get 0
      local.get 7
      i32.store
      local.get 5
      i32.const 96
      i32.add
      global.set $__stack_pointer
    )
    (func (;17;) (type 5) (param i32 i32 i32)
      local.get 0
      i32.const 0
      i32.store8 offset=46
      local.get 0
      i32.const 0
      i32.store16 offset=44
      local.get 0
      i64.const 0
      i64.store offset=8 align=4
      local.get 0
      local.get 2
      i32.store offset=4
      local.get 0
      local.get 1
      i32.store
      local.get 0
      i64.const 0
      i64.store offset=28 align=4
      local.get 0
      i32.const 1
      i32.store offset=24
      local.get 0
      i64.const 1
      i64.store offset=16 align=4
      local.get 0
      i64.const 0
      i64.store offset=33 align=1
    )
    (func (;18;) (type 0) (param i32) (result i32)
      (local i32 i32 i32 i32 i32 i32 i32 i32)
      block ;; label = @1
        block ;; label = @2
          block ;; label = @3
            block ;; label = @4
              block ;; label = @5
                block ;; label = @6
                  local.get 0
                  i32.load8_u offset=46
                  br_if 0 (;@6;)
                  local.get 0
                  i32.load offset=4
                  local.set 1
                  local.get 0
                  i32.load
                  local.set 2
                  loop ;; label = @7
                    i32.const 0
                    local.set 3
                    loop ;; label = @8
                      local.get 1
                      local.get 3
                      i32.eq
                      br_if 3 (;@5;)
                      block ;; label = @9
                        local.get 2
                        local.get 3
                        i32.add
                        local.tee 4
                        i32.load8_u
                        i32.const 60
                        i32.eq
                        br_if 0 (;@9;)
                        local.get 3
                        i32.const 1
                        i32.add
                        local.set 3
                        br 1 (;@8;)
                      end
                    end
                    local.get 2
                    local.get 3
                    i32.const 1
                    i32.add
                    local.tee 5
                    i32.add
                    local.set 6
                    local.get 1
                    local.get 5
                    i32.sub
                    local.set 7
                    i32.const 0
                    local.set 8
                    block ;; label = @8
                      local.get 1
                      local.get 5
                      i32.eq
                      br_if 0 (;@8;)
                      local.get 6
                      i32.load8_u
                      local.set 8
                    end
                    block ;; label = @8
                      block ;; label = @9
                        i64.const 2960673
                        i64.const 3
                        local.get 6
                        local.get 7
                        call 30
                        br_if 0 (;@9;)
                        local.get 3
                        local.get 1
                        i32.sub
                        i32.const 1
                        i32.add
                        local.set 2
                        local.get 4
                        i32.const 1
                        i32.add
                        local.set 5
                        i32.const 0
                        local.set 3
                        i32.const 0
                        local.set 4
                        loop ;; label = @10
                          local.get 2
                          local.get 3
                          i32.add
                          i32.eqz
                          br_if 9 (;@1;)
                          local.get 5
                          local.get 3
                          i32.add
                          i32.load8_u
                          local.tee 1
                          i32.const 62
                          i32.ne
                          local.get 4
                          i32.or
                          i32.const 1
                          i32.and
                          i32.eqz
                          br_if 2 (;@8;)
                          local.get 3
                          i32.const 1
                          i32.add
                          local.set 3
                          local.get 4
                          local.get 1
                          i32.const 34
                          i32.eq
                          i32.xor
                          local.set 4
                          br 0 (;@10;)
                        end
                      end
                      local.get 3
                      local.get 1
                      i32.sub
                      i32.const 1
                      i32.add
                      local.set 5
                      i32.const 0
                      local.set 1
                      loop ;; label = @9
                        local.get 5
                        local.get 1
                        local.tee 3
                        i32.add
                        i32.eqz
                        br_if 8 (;@1;)
                        i64.const 4074797
                        i64.const 3
                        local.get 4
                        local.get 3
                        i32.const 1
                        i32.add
                        local.tee 1
                        i32.add
                        i32.const 0
                        local.get 7
                        local.get 3
                        i32.sub
                        local.tee 2
                        local.get 2
                        local.get 7
                        i32.gt_u
                        select
                        call 30
                        i32.eqz
                        br_if 0 (;@9;)
                      end
                      local.get 3
                      i32.const 2
                      i32.add
                      local.set 3
                    end
                    local.get 0
                    i32.const 1
                    local.get 6
                    local.get 3
                    i32.const 1
                    i32.add
                    local.tee 4
                    i32.add
                    local.get 7
                    local.get 4
                    i32.lt_u
                    select
                    local.tee 2
                    i32.store
                    local.get 0
                    i32.const 0
                    local.get 7
                    local.get 4
                    i32.sub
                    local.tee 4
                    local.get 4
                    local.get 7
                    i32.gt_u
                    select
                    local.tee 1
                    i32.store offset=4
                    local.get 8
                    i32.const 255
                    i32.and
                    local.tee 4
                    i32.const 33
                    i32.eq
                    br_if 0 (;@7;)
                    local.get 4
                    i32.const 63
                    i32.eq
                    br_if 0 (;@7;)
                  end
                  block ;; label = @7
                    local.get 4
                    i32.const 47
                    i32.eq
                    br_if 0 (;@7;)
                    i32.const 0
                    local.get 3
                    local.get 3
                    local.get 7
                    i32.gt_u
                    local.tee 4
                    select
                    local.set 1
                    i32.const 1
                    local.get 6
                    local.get 4
                    select
                    local.set 2
                    br 3 (;@4;)
                  end
                  i32.const 1
                  local.set 4
                  block ;; label = @7
                    local.get 0
                    i32.load offset=8
                    local.tee 1
                    br_if 0 (;@7;)
                    i32.const 0
                    local.get 3
                    local.get 3
                    local.get 7
                    i32.gt_u
                    local.tee 4
                    select
                    local.set 1
                    i32.const 1
                    local.get 6
                    local.get 4
                    select
                    local.set 2
                    br 3 (;@4;)
                  end
                  local.get 0
                  local.get 1
                  i32.const -1
                  i32.add
                  i32.store offset=8
                  br 3 (;@3;)
                end
                local.get 0
                i32.const 0
                i32.store8 offset=46
                local.get 0
                local.get 0
                i32.load offset=8
                i32.const -1
                i32.add
                i32.store offset=8
                i32.const 1
                return
              end
              i32.const 3
              i32.const 2
              i32.const 3
              local.get 0
              i32.load8_u offset=45
              i32.const 1
              i32.and
              select
              local.get 0
              i32.load offset=8
              select
              return
            end
            local.get 2
            local.get 1
            i32.add
            local.set 5
            i32.const 0
            local.set 3
            block ;; label = @4
              loop ;; label = @5
                block ;; label = @6
                  local.get 1
                  local.get 3
                  i32.ne
                  br_if 0 (;@6;)
                  local.get 1
                  local.set 3
                  br 2 (;@4;)
                end
                block ;; label = @6
                  local.get 2
                  local.get 3
                  i32.add
                  i32.load8_u
                  local.tee 4
                  i32.const -9
                  i32.add
                  local.tee 7
                  i32.const 23
                  i32.gt_u
                  br_if 0 (;@6;)
                  i32.const 1
                  local.get 7
                  i32.shl
                  i32.const 8388635
                  i32.and
                  br_if 2 (;@4;)
                end
                local.get 4
                i32.const 47
                i32.eq
                br_if 1 (;@4;)
                local.get 3
                i32.const 1
                i32.add
                local.set 3
                br 0 (;@5;)
              end
            end
            i32.const 3
            local.set 4
            local.get 3
            i32.eqz
            br_if 0 (;@3;)
            block ;; label = @4
              local.get 0
              i32.load offset=8
              local.tee 7
              br_if 0 (;@4;)
              local.get 0
              i32.load8_u offset=45
              i32.const 1
              i32.and
              br_if 1 (;@3;)
            end
            i32.const 0
            local.set 4
            block ;; label = @4
              local.get 1
              i32.eqz
              br_if 0 (;@4;)
              local.get 5
              i32.const -1
              i32.add
              local.tee 5
              i32.eqz
              br_if 0 (;@4;)
              local.get 5
              i32.load8_u
              i32.const 47
              i32.eq
              local.set 4
            end
            local.get 0
            i32.const 1
            i32.store8 offset=45
            local.get 0
            local.get 4
            i32.store8 offset=46
            local.get 0
            local.get 7
            i32.const 1
            i32.add
            local.tee 4
            i32.store offset=8
            block ;; label = @4
              local.get 7
              i32.const 3
              i32.eq
              br_if 0 (;@4;)
              local.get 7
              i32.const 1
              i32.ne
              br_if 2 (;@2;)
              i32.const 1
              local.set 7
              block ;; label = @5
                i64.const 126935165919596
                i64.const 6
                local.get 2
                local.get 3
                call 19
                br_if 0 (;@5;)
                i32.const 2
                i32.const 0
                i64.const 495622513765
                i64.const 5
                local.get 2
                local.get 3
                call 19
                select
                local.set 7
              end
              local.get 0
              local.get 7
              i32.store offset=12
              br 2 (;@2;)
            end
            local.get 0
            i64.const 128047746676079
            i64.const 6
            local.get 2
            local.get 3
            call 19
            i32.store8 offset=44
            br 1 (;@2;)
          end
          local.get 4
          return
        end
        local.get 0
        local.get 4
        i32.store offset=32
        local.get 0
        local.get 3
        i32.store offset=20
        local.get 0
        local.get 2
        i32.store offset=16
        local.get 0
        local.get 0
        i32.load8_u offset=44
        i32.store8 offset=40
        local.get 0
        local.get 0
        i32.load offset=12
        i32.store offset=36
        local.get 0
        local.get 1
        local.get 3
        i32.sub
        i32.store offset=28
        local.get 0
        local.get 2
        local.get 3
        i32.add
        i32.store offset=24
        i32.const 0
        return
      end
      i32.const 3
    )
    (func (;19;) (type 13) (param i64 i64 i32 i32) (result i32)
      (local i32)
      i32.const 0
      local.set 4
      block ;; label = @1
        local.get 3
        local.get 1
        i32.wrap_i64
        i32.const 255
        i32.and
        i32.ne
        br_if 0 (;@1;)
        local.get 0
        local.get 1
        local.get 2
        local.get 3
        call 30
        local.set 4
      end
      local.get 4
    )
    (func (;20;) (type 11) (param i32 i32 i32 i64 i64)
      (local i32 i32 i32 i32 i32 i32 i32 i32 i32)
      local.get 2
      i32.const -1
      i32.add
      local.set 5
      i32.const 1
      local.set 6
      local.get 4
      i32.wrap_i64
      i32.const 255
      i32.and
      local.tee 7
      local.get 1
      i32.add
      i32.const 1
      i32.add
      local.set 8
      i32.const 0
      local.set 9
      i32.const 0
      local.set 10
      loop ;; label = @1
        block ;; label = @2
          block ;; label = @3
            local.get 2
            local.get 10
            i32.eq
            br_if 0 (;@3;)
            local.get 1
            local.get 10
            i32.add
            local.tee 11
            i32.load8_u
            i32.const -9
            i32.add
            local.tee 12
            i32.const 23
            i32.gt_u
            br_if 1 (;@2;)
            i32.const 1
            local.get 12
            i32.shl
            i32.const 8388635
            i32.and
            i32.eqz
            br_if 1 (;@2;)
            local.get 3
            local.get 4
            local.get 11
            i32.const 1
            i32.add
            local.get 5
            call 30
            i32.eqz
            br_if 1 (;@2;)
            i64.const 8765
            i64.const 2
            i32.const 1
            local.get 8
            local.get 10
            i32.add
            local.get 5
            local.get 7
            i32.lt_u
            local.tee 11
            select
            local.tee 13
            i32.const 0
            local.get 5
            local.get 7
            i32.sub
            local.tee 12
            local.get 12
            local.get 5
            i32.gt_u
            select
            local.tee 12
            call 30
            i32.eqz
            br_if 1 (;@2;)
            i32.const 1
            local.get 13
            i32.const 2
            i32.add
            local.get 12
            i32.const 2
            i32.lt_u
            select
            local.set 6
            local.get 5
            local.get 7
            local.get 11
            select
            local.tee 12
            i32.const -1
            i32.xor
            local.get 2
            i32.add
            local.get 5
            local.get 12
            i32.sub
            local.tee 5
            i32.const 2
            local.get 5
            i32.const 2
            i32.lt_u
            select
            i32.sub
            local.get 10
            i32.sub
            local.set 5
            i32.const 0
            local.set 9
            i32.const 0
            local.set 10
            loop ;; label = @4
              local.get 5
              local.get 10
              i32.eq
              br_if 1 (;@3;)
              block ;; label = @5
                local.get 6
                local.get 10
                i32.add
                i32.load8_u
                i32.const 34
                i32.ne
                br_if 0 (;@5;)
                local.get 10
                local.set 9
                br 2 (;@3;)
              end
              local.get 10
              i32.const 1
              i32.add
              local.set 10
              br 0 (;@4;)
            end
          end
          local.get 0
          local.get 9
          i32.store offset=4
          local.get 0
          local.get 6
          i32.store
          return
        end
        local.get 10
        i32.const 1
        i32.add
        local.set 10
        local.get 5
        i32.const -1
        i32.add
        local.set 5
        br 0 (;@1;)
      end
    )
    (func (;21;) (type 9) (param i32 i32 i32 i32) (result i32)
      block ;; label = @1
        local.get 1
        br_if 0 (;@1;)
        i32.const 0
        return
      end
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      call 11
    )
    (func (;22;) (type 0) (param i32) (result i32)
      (local i32)
      i32.const 0
      local.set 1
      block ;; label = @1
        local.get 0
        i32.load offset=16
        i32.const 3
        i32.ne
        br_if 0 (;@1;)
        local.get 0
        i32.load offset=20
        i32.const 1
        i32.ne
        br_if 0 (;@1;)
        i64.const 491328725356
        i64.const 5
        local.get 0
        i32.load
        local.get 0
        i32.load offset=4
        call 19
        local.set 1
      end
      local.get 1
    )
    (func (;23;) (type 0) (param i32) (result i32)
      (local i32)
      i32.const 0
      local.set 1
      block ;; label = @1
        local.get 0
        i32.load offset=16
        i32.const 5
        i32.ne
        br_if 0 (;@1;)
        local.get 0
        i32.load offset=20
        i32.const 1
        i32.ne
        br_if 0 (;@1;)
        local.get 0
        i32.load8_u offset=24
        i32.const 1
        i32.and
        i32.eqz
        br_if 0 (;@1;)
        i64.const 1953656688
        i64.const 4
        local.get 0
        i32.load
        local.get 0
        i32.load offset=4
        call 19
        local.set 1
      end
      local.get 1
    )
    (func (;24;) (type 3) (param i32 i32)
      (local i32)
      block ;; label = @1
        block ;; label = @2
          block ;; label = @3
            local.get 0
            i32.load8_u offset=4
            br_if 0 (;@3;)
            local.get 1
            i32.const 255
            i32.and
            local.tee 2
            i32.eqz
            br_if 2 (;@1;)
            local.get 2
            i32.const 10
            i32.eq
            br_if 2 (;@1;)
            local.get 2
            i32.const 44
            i32.eq
            br_if 2 (;@1;)
            local.get 2
            i32.const 92
            i32.ne
            br_if 1 (;@2;)
            local.get 0
            i32.const 1
            i32.store8 offset=4
            return
          end
          local.get 0
          i32.const 0
          i32.store8 offset=4
          local.get 1
          i32.const 255
          i32.and
          local.tee 2
          i32.eqz
          br_if 1 (;@1;)
          local.get 2
          i32.const 10
          i32.eq
          br_if 1 (;@1;)
          local.get 2
          i32.const 44
          i32.eq
          br_if 0 (;@2;)
          local.get 0
          i32.const 92
          call 25
        end
        local.get 0
        local.get 1
        call 25
        return
      end
      local.get 0
      call 26
    )
    (func (;25;) (type 3) (param i32 i32)
      local.get 0
      i32.const 1
      i32.store8 offset=5
      local.get 0
      i32.load
      local.get 1
      call 27
    )
    (func (;26;) (type 1) (param i32)
      local.get 0
      i32.const 0
      i32.store8 offset=4
      block ;; label = @1
        local.get 0
        i32.load8_u offset=5
        i32.eqz
        br_if 0 (;@1;)
        local.get 0
        i32.const 0
        i32.store8 offset=5
        local.get 0
        i32.load
        call 28
      end
    )
    (func (;27;) (type 3) (param i32 i32)
      (local i32 i32 i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 2
      global.set $__stack_pointer
      local.get 0
      i32.load
      local.tee 3
      i32.load
      local.set 4
      local.get 2
      local.get 1
      i32.store8 offset=15
      local.get 0
      local.get 3
      i32.const 4
      i32.add
      local.get 4
      local.get 2
      i32.const 15
      i32.add
      i32.const 1
      i32.const 1
      call 4
      local.get 0
      i32.load8_u offset=16
      i32.and
      i32.store8 offset=16
      local.get 2
      i32.const 16
      i32.add
      global.set $__stack_pointer
    )
    (func (;28;) (type 1) (param i32)
      local.get 0
      i32.const 0
      call 27
    )
    (func (;29;) (type 14) (param i32 i64 i64) (result i32)
      (local i32 i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 3
      global.set $__stack_pointer
      i32.const 0
      local.set 4
      block ;; label = @1
        local.get 0
        call 22
        i32.eqz
        br_if 0 (;@1;)
        local.get 3
        i32.const 8
        i32.add
        local.get 0
        i32.load offset=8
        local.get 0
        i32.load offset=12
        i64.const 1701869940
        i64.const 4
        call 20
        local.get 1
        local.get 2
        local.get 3
        i32.load offset=8
        local.get 3
        i32.load offset=12
        call 19
        local.set 4
      end
      local.get 3
      i32.const 16
      i32.add
      global.set $__stack_pointer
      local.get 4
    )
    (func (;30;) (type 13) (param i64 i64 i32 i32) (result i32)
      (local i32 i32 i32 i32 i32 i32 i32 i32 i32)
      block ;; label = @1
        block ;; label = @2
          local.get 3
          local.get 1
          i32.wrap_i64
          i32.const 255
          i32.and
          local.tee 4
          i32.ge_u
          br_if 0 (;@2;)
          i32.const 0
          local.set 5
          br 1 (;@1;)
        end
        block ;; label = @2
          local.get 4
          br_if 0 (;@2;)
          i32.const 1
          local.set 5
          br 1 (;@1;)
        end
        local.get 4
        i32.const -1
        i32.add
        local.set 6
        i32.const 0
        local.set 7
        i32.const 1
        local.set 5
        i32.const 0
        local.set 4
        loop ;; label = @2
          local.get 3
          local.get 4
          i32.eq
          br_if 1 (;@1;)
          local.get 2
          local.get 4
          i32.add
          local.set 8
          local.get 7
          local.get 7
          i32.const 8
          i32.add
          local.tee 9
          i32.const 56
          i32.and
          local.get 4
          i32.const 8
          i32.lt_u
          local.tee 10
          select
          local.set 11
          local.get 6
          local.get 4
          i32.eq
          local.set 12
          local.get 4
          i32.const 1
          i32.add
          local.set 4
          local.get 9
          local.set 7
          local.get 8
          i32.load8_u
          local.get 0
          local.get 1
          local.get 10
          select
          local.get 11
          i64.extend_i32_u
          i64.shr_u
          i32.wrap_i64
          i32.const 255
          i32.and
          i32.ne
          local.tee 8
          i32.const 1
          i32.const 2
          local.get 8
          select
          local.get 12
          select
          local.tee 8
          i32.const 2
          i32.eq
          br_if 0 (;@2;)
        end
        local.get 8
        i32.const 1
        i32.xor
        local.set 5
      end
      local.get 5
      i32.const 1
      i32.and
    )
    (func (;31;) (type 6) (param i32 i32) (result i32)
      (local i32 i32 i32 i32 i32 i32 i32)
      block ;; label = @1
        loop ;; label = @2
          local.get 1
          local.tee 2
          i32.eqz
          br_if 1 (;@1;)
          local.get 2
          i32.const -1
          i32.add
          local.set 1
          local.get 0
          i32.load8_u
          local.set 3
          local.get 0
          i32.const 1
          i32.add
          local.tee 4
          local.set 0
          local.get 3
          i32.extend8_s
          local.tee 5
          i32.const -1
          i32.gt_s
          br_if 0 (;@2;)
          block ;; label = @3
            block ;; label = @4
              local.get 5
              i32.const -32
              i32.and
              i32.const -64
              i32.ne
              br_if 0 (;@4;)
              i32.const 1
              local.set 5
              i32.const 128
              local.set 6
              br 1 (;@3;)
            end
            block ;; label = @4
              local.get 5
              i32.const -16
              i32.and
              i32.const -32
              i32.ne
              br_if 0 (;@4;)
              i32.const 2
              local.set 5
              i32.const 2048
              local.set 6
              br 1 (;@3;)
            end
            local.get 5
            i32.const -8
            i32.and
            i32.const -16
            i32.ne
            br_if 2 (;@1;)
            i32.const 3
            local.set 5
            i32.const 65536
            local.set 6
          end
          local.get 4
          local.get 5
          i32.add
          local.set 0
          local.get 1
          local.get 5
          i32.sub
          local.set 7
          i32.const 63
          local.get 5
          i32.shr_u
          local.get 3
          i32.and
          local.set 3
          block ;; label = @3
            loop ;; label = @4
              local.get 5
              i32.eqz
              br_if 1 (;@3;)
              local.get 1
              i32.eqz
              br_if 3 (;@1;)
              local.get 4
              i32.load8_s
              local.tee 8
              i32.const -65
              i32.gt_s
              br_if 3 (;@1;)
              local.get 3
              i32.const 6
              i32.shl
              local.get 8
              i32.const 63
              i32.and
              i32.or
              local.set 3
              local.get 5
              i32.const -1
              i32.add
              local.set 5
              local.get 4
              i32.const 1
              i32.add
              local.set 4
              local.get 1
              i32.const -1
              i32.add
              local.set 1
              br 0 (;@4;)
            end
          end
          local.get 3
          local.get 6
          i32.lt_u
          br_if 1 (;@1;)
          local.get 3
          i32.const 1114111
          i32.gt_u
          br_if 1 (;@1;)
          local.get 7
          local.set 1
          local.get 3
          i32.const 2095104
          i32.and
          i32.const 55296
          i32.ne
          br_if 0 (;@2;)
        end
      end
      local.get 2
      i32.eqz
    )
    (func (;32;) (type 5) (param i32 i32 i32)
      (local i32 i32 i32)
      global.get $__stack_pointer
      i32.const 16
      i32.sub
      local.tee 3
      global.set $__stack_pointer
      local.get 0
      i32.const 12
      i32.const 8
      local.get 1
      select
      i32.add
      local.tee 1
      local.get 1
      i32.load
      i32.const 1
      i32.add
      i32.store
      local.get 0
      local.get 0
      i32.load
      local.tee 4
      i32.load offset=8
      local.tee 5
      i32.store offset=4
      block ;; label = @1
        local.get 2
        i32.load
        local.tee 1
        i32.eqz
        br_if 0 (;@1;)
        block ;; label = @2
          block ;; label = @3
            block ;; label = @4
              block ;; label = @5
                local.get 1
                i32.const 1
                i32.ne
                br_if 0 (;@5;)
                local.get 2
                i32.load offset=8
                local.set 1
                local.get 2
                i32.load offset=4
                local.set 2
                local.get 3
                i32.const 0
                i32.store16 offset=12
                local.get 3
                local.get 0
                i32.store offset=8
                local.get 2
                local.get 1
                call 31
                i32.eqz
                br_if 2 (;@3;)
                loop ;; label = @6
                  local.get 1
                  i32.eqz
                  br_if 4 (;@2;)
                  local.get 1
                  i32.const -1
                  i32.add
                  local.set 1
                  local.get 2
                  i32.const 1
                  i32.add
                  local.set 4
                  block ;; label = @7
                    block ;; label = @8
                      block ;; label = @9
                        local.get 2
                        i32.load8_u
                        local.tee 2
                        i32.const 38
                        i32.ne
                        br_if 0 (;@9;)
                        i64.const 997223777
                        i64.const 4
                        local.get 4
                        local.get 1
                        call 30
                        i32.eqz
                        br_if 1 (;@8;)
                        i32.const 38
                        local.set 2
                        i32.const 4
                        local.set 5
                        br 2 (;@7;)
                      end
                      local.get 3
                      i32.const 8
                      i32.add
                      local.get 2
                      call 24
                      local.get 4
                      local.set 2
                      br 2 (;@6;)
                    end
                    i32.const 3
                    local.set 5
                    block ;; label = @8
                      i64.const 3896428
                      i64.const 3
                      local.get 4
                      local.get 1
                      call 30
                      i32.eqz
                      br_if 0 (;@8;)
                      i32.const 60
                      local.set 2
                      br 1 (;@7;)
                    end
                    block ;; label = @8
                      i64.const 3896423
                      i64.const 3
                      local.get 4
                      local.get 1
                      call 30
                      i32.eqz
                      br_if 0 (;@8;)
                      i32.const 62
                      local.set 2
                      br 1 (;@7;)
                    end
                    i32.const 5
                    local.set 5
                    block ;; label = @8
                      i64.const 255356532081
                      i64.const 5
                      local.get 4
                      local.get 1
                      call 30
                      i32.eqz
                      br_if 0 (;@8;)
                      i32.const 34
                      local.set 2
                      br 1 (;@7;)
                    end
                    i64.const 255339753569
                    i64.const 5
                    local.get 4
                    local.get 1
                    call 30
                    i32.eqz
                    br_if 3 (;@4;)
                    i32.const 39
                    local.set 2
                  end
                  local.get 3
                  i32.const 8
                  i32.add
                  local.get 2
                  call 24
                  i32.const 1
                  local.get 4
                  local.get 5
                  i32.add
                  local.get 1
                  local.get 5
                  i32.lt_u
                  select
                  local.set 2
                  i32.const 0
                  local.get 1
                  local.get 5
                  i32.sub
                  local.tee 4
                  local.get 4
                  local.get 1
                  i32.gt_u
                  select
                  local.set 1
                  br 0 (;@6;)
                end
              end
              local.get 2
              i32.load offset=8
              local.set 1
              local.get 2
              i32.load offset=4
              local.set 2
              block ;; label = @5
                loop ;; label = @6
                  local.get 1
                  i32.eqz
                  br_if 1 (;@5;)
                  local.get 0
                  local.get 2
                  i32.load8_u
                  call 27
                  local.get 1
                  i32.const -1
                  i32.add
                  local.set 1
                  local.get 2
                  i32.const 1
                  i32.add
                  local.set 2
                  br 0 (;@6;)
                end
              end
              local.get 0
              call 28
              br 3 (;@1;)
            end
            local.get 3
            i32.load offset=8
            local.tee 1
            i32.load offset=4
            local.tee 2
            local.get 1
            i32.load
            local.tee 4
            i32.load offset=8
            local.tee 1
            local.get 2
            local.get 1
            i32.lt_u
            select
            local.set 5
          end
          local.get 4
          local.get 5
          i32.store offset=8
          br 1 (;@1;)
        end
        local.get 3
        i32.const 8
        i32.add
        call 26
      end
      local.get 0
      call 28
      local.get 3
      i32.const 16
      i32.add
      global.set $__stack_pointer
    )
    (func (;33;) (type 9) (param i32 i32 i32 i32) (result i32)
      (local i32)
      block ;; label = @1
        block ;; label = @2
          call 10
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
          call 7
          local.tee 4
          br_if 1 (;@1;)
        end
        unreachable
      end
      local.get 4
    )
    (func (;34;) (type 2) (param i32 i32 i32 i32 i32) (result i32)
      (local i32 i32 i32 i32 i32 i32 i32 i32 i64 i32 i32 i32 i32 i32)
      global.get $__stack_pointer
      i32.const 192
      i32.sub
      local.tee 5
      global.set $__stack_pointer
      i32.const 1
      local.set 6
      block ;; label = @1
        local.get 2
        i32.const 5
        i32.gt_u
        br_if 0 (;@1;)
        local.get 0
        i32.const 3
        i32.and
        br_if 0 (;@1;)
        local.get 3
        i32.const 2
        i32.gt_u
        br_if 0 (;@1;)
        local.get 0
        local.get 1
        i64.extend_i32_u
        i64.const 3
        i64.shl
        call 9
        i32.eqz
        br_if 0 (;@1;)
        local.get 4
        i64.const 4
        call 9
        i32.eqz
        br_if 0 (;@1;)
        i32.const 6566416
        local.get 2
        i32.const 2
        i32.shl
        i32.shr_u
        i32.const 7
        i32.and
        local.set 7
        i32.const -1
        local.set 2
        local.get 0
        local.set 6
        block ;; label = @2
          loop ;; label = @3
            local.get 1
            local.get 2
            i32.const 1
            i32.add
            local.tee 2
            i32.eq
            br_if 1 (;@2;)
            local.get 6
            i32.const 4
            i32.add
            local.set 8
            local.get 6
            i32.load align=1
            local.set 9
            local.get 6
            i32.const 8
            i32.add
            local.set 6
            local.get 9
            local.get 8
            i64.load32_u align=1
            call 9
            br_if 0 (;@3;)
          end
          i32.const 1
          local.set 6
          br 1 (;@1;)
        end
        i32.const 7
        local.set 6
        call 10
        local.tee 8
        i32.eqz
        br_if 0 (;@1;)
        local.get 8
        i32.const 120
        i32.add
        local.tee 10
        local.get 8
        call 5
        i32.eqz
        br_if 0 (;@1;)
        local.get 0
        local.get 1
        local.get 7
        local.get 3
        local.get 8
        i32.const 144
        i32.add
        call 2
        i32.const 0
        local.set 2
        local.get 8
        i32.load offset=144
        local.get 8
        i32.const 148
        i32.add
        local.tee 9
        i32.load
        i32.const 0
        call 12
        local.tee 6
        br_if 0 (;@1;)
        local.get 9
        i32.load
        local.set 11
        block ;; label = @2
          block ;; label = @3
            local.get 7
            i32.const 6
            i32.gt_u
            br_if 0 (;@3;)
            i32.const 1
            local.get 7
            i32.shl
            i32.const 67
            i32.and
            i32.eqz
            br_if 0 (;@3;)
            i32.const 0
            local.set 6
            i32.const 0
            local.set 9
            i32.const 0
            local.set 3
            i32.const 0
            local.set 7
            i32.const 0
            local.set 12
            local.get 1
            i32.eqz
            br_if 1 (;@2;)
            local.get 0
            i32.const 4
            i32.add
            i32.load align=1
            local.set 3
            local.get 0
            i32.load align=1
            local.set 2
            local.get 5
            i32.const 0
            i32.store offset=48
            local.get 5
            i64.const 0
            i64.store offset=40 align=4
            local.get 5
            local.get 8
            i32.store offset=36
            local.get 5
            i32.const 0
            i32.store offset=64
            local.get 5
            i64.const 0
            i64.store offset=56 align=4
            local.get 5
            i32.const 1
            i32.store8 offset=68
            local.get 5
            local.get 5
            i32.const 36
            i32.add
            i32.store offset=52
            local.get 3
            local.set 6
            local.get 2
            i32.const 1
            local.get 3
            select
            local.tee 0
            local.set 2
            block ;; label = @4
              i64.const 12565487
              i64.const 3
              local.get 0
              local.get 3
              call 30
              i32.eqz
              br_if 0 (;@4;)
              i32.const 1
              local.get 0
              i32.const 3
              i32.add
              local.get 3
              i32.const 3
              i32.lt_u
              select
              local.set 2
              i32.const 0
              local.get 3
              i32.const -3
              i32.add
              local.tee 6
              local.get 6
              local.get 3
              i32.gt_u
              select
              local.set 6
            end
            block ;; label = @4
              block ;; label = @5
                loop ;; label = @6
                  local.get 6
                  i32.eqz
                  br_if 1 (;@5;)
                  block ;; label = @7
                    local.get 2
                    i32.load8_u
                    local.tee 1
                    i32.const -9
                    i32.add
                    local.tee 9
                    i32.const 23
                    i32.gt_u
                    br_if 0 (;@7;)
                    i32.const 1
                    local.get 9
                    i32.shl
                    i32.const 8388635
                    i32.and
                    i32.eqz
                    br_if 0 (;@7;)
                    local.get 6
                    i32.const -1
                    i32.add
                    local.set 6
                    local.get 2
                    i32.const 1
                    i32.add
                    local.set 2
                    br 1 (;@6;)
                  end
                end
                local.get 1
                i32.const 60
                i32.ne
                br_if 0 (;@5;)
                local.get 5
                i32.const 144
                i32.add
                local.set 7
                i32.const 0
                local.set 1
                loop ;; label = @6
                  local.get 1
                  i32.const 2
                  i32.eq
                  local.tee 9
                  br_if 2 (;@4;)
                  local.get 5
                  i32.const 128
                  i32.add
                  local.get 0
                  local.get 3
                  call 17
                  local.get 1
                  i32.const 1
                  i32.add
                  local.set 12
                  loop ;; label = @7
                    i32.const 3
                    local.set 6
                    loop ;; label = @8
                      block ;; label = @9
                        block ;; label = @10
                          local.get 5
                          i32.const 128
                          i32.add
                          call 18
                          i32.const 255
                          i32.and
                          local.tee 2
                          i32.const 1
                          i32.eq
                          br_if 0 (;@10;)
                          local.get 2
                          i32.eqz
                          br_if 1 (;@9;)
                          local.get 2
                          i32.const 2
                          i32.ne
                          br_if 6 (;@4;)
                          local.get 12
                          local.set 1
                          br 4 (;@6;)
                        end
                        local.get 5
                        i32.load offset=136
                        i32.const 2
                        i32.ne
                        br_if 1 (;@8;)
                        local.get 6
                        i32.const 3
                        i32.eq
                        br_if 2 (;@7;)
                        local.get 5
                        local.get 13
                        i64.store offset=184 align=4
                        local.get 5
                        local.get 6
                        i32.store offset=180
                        local.get 5
                        i32.const 52
                        i32.add
                        local.get 1
                        i32.const 1
                        i32.eq
                        local.get 5
                        i32.const 180
                        i32.add
                        call 32
                        br 2 (;@7;)
                      end
                      local.get 5
                      local.get 7
                      i32.load offset=24
                      i32.store offset=96
                      local.get 5
                      local.get 7
                      i64.load offset=16 align=4
                      i64.store offset=88
                      local.get 5
                      local.get 7
                      i64.load offset=8 align=4
                      i64.store offset=80
                      local.get 5
                      local.get 7
                      i64.load align=4
                      i64.store offset=72
                      block ;; label = @9
                        block ;; label = @10
                          block ;; label = @11
                            block ;; label = @12
                              block ;; label = @13
                                block ;; label = @14
                                  local.get 1
                                  i32.const 1
                                  i32.eq
                                  br_if 0 (;@14;)
                                  local.get 7
                                  i64.const 7310579615589884240
                                  i64.const 29193
                                  call 29
                                  i32.eqz
                                  br_if 1 (;@13;)
                                  i32.const 0
                                  local.set 6
                                  br 6 (;@8;)
                                end
                                block ;; label = @14
                                  local.get 5
                                  i32.const 72
                                  i32.add
                                  call 23
                                  i32.eqz
                                  br_if 0 (;@14;)
                                  local.get 6
                                  i32.eqz
                                  br_if 2 (;@12;)
                                end
                                local.get 7
                                i64.const 128009175786834
                                i64.const 6
                                call 29
                                i32.eqz
                                br_if 5 (;@8;)
                                local.get 5
                                i32.const 24
                                i32.add
                                local.get 5
                                i32.load offset=152
                                local.tee 2
                                local.get 5
                                i32.load offset=156
                                local.tee 14
                                i64.const 7953203514706261359
                                i64.const 495622906124
                                call 20
                                local.get 5
                                i32.load offset=28
                                local.tee 6
                                i32.eqz
                                br_if 2 (;@11;)
                                local.get 5
                                i32.load offset=24
                                local.set 15
                                local.get 6
                                local.set 16
                                br 3 (;@10;)
                              end
                              local.get 5
                              i32.const 72
                              i32.add
                              call 23
                              i32.eqz
                              br_if 4 (;@8;)
                              local.get 6
                              br_if 4 (;@8;)
                            end
                            local.get 5
                            local.get 5
                            i32.load offset=152
                            local.get 5
                            i32.load offset=156
                            i64.const 495622906222
                            i64.const 5
                            call 20
                            local.get 5
                            i32.load offset=4
                            local.tee 6
                            local.get 17
                            local.get 6
                            select
                            local.tee 17
                            i64.extend_i32_u
                            i64.const 32
                            i64.shl
                            local.get 5
                            i32.load
                            local.get 18
                            local.get 6
                            select
                            local.tee 18
                            i64.extend_i32_u
                            i64.or
                            local.set 13
                            local.get 6
                            i32.const 0
                            i32.ne
                            local.set 6
                            br 3 (;@8;)
                          end
                          local.get 5
                          i32.const 16
                          i32.add
                          local.get 2
                          local.get 14
                          i64.const 25705
                          i64.const 2
                          call 20
                          local.get 5
                          i32.const 8
                          i32.add
                          local.get 0
                          local.get 3
                          local.get 5
                          i32.load offset=16
                          local.get 5
                          i32.load offset=20
                          call 16
                          block ;; label = @11
                            local.get 5
                            i32.load offset=12
                            local.tee 6
                            br_if 0 (;@11;)
                            i32.const 0
                            local.set 6
                            br 2 (;@9;)
                          end
                          local.get 5
                          i32.load offset=8
                          local.set 15
                          local.get 6
                          local.set 16
                        end
                        i32.const 1
                        local.set 6
                      end
                      local.get 16
                      i64.extend_i32_u
                      i64.const 32
                      i64.shl
                      local.get 15
                      i64.extend_i32_u
                      i64.or
                      local.set 13
                      br 0 (;@8;)
                    end
                  end
                end
              end
              local.get 5
              i32.const 128
              i32.add
              local.get 0
              local.get 3
              i64.const 1
              i64.const 0
              call 13
              block ;; label = @5
                local.get 5
                i32.load offset=128
                i32.eqz
                br_if 0 (;@5;)
                i32.const 0
                local.set 9
                local.get 5
                i32.load offset=132
                i32.eqz
                br_if 1 (;@4;)
                local.get 5
                i32.const 128
                i32.add
                local.get 0
                local.get 3
                i64.const 7
                i64.const 2
                call 13
                local.get 5
                i32.load offset=128
                i32.eqz
                br_if 1 (;@4;)
                local.get 5
                i32.load offset=132
                local.tee 12
                i32.eqz
                br_if 1 (;@4;)
                local.get 5
                i32.load offset=136
                local.set 17
                local.get 5
                i32.const 128
                i32.add
                i32.const 16
                i32.add
                local.set 15
                local.get 5
                i32.const 72
                i32.add
                i32.const 16
                i32.add
                local.set 18
                i32.const 1
                local.set 9
                i32.const 0
                local.set 7
                loop ;; label = @6
                  local.get 7
                  i32.const 2
                  i32.eq
                  br_if 2 (;@4;)
                  local.get 18
                  i64.const 0
                  i64.store
                  local.get 18
                  i64.const 0
                  i64.store offset=8
                  local.get 5
                  local.get 17
                  i32.store offset=76
                  local.get 5
                  local.get 12
                  i32.store offset=72
                  local.get 5
                  i32.const 0
                  i32.store8 offset=104
                  local.get 5
                  i64.const 1
                  i64.store offset=80
                  i64.const 12
                  i64.const 11
                  local.get 7
                  i32.const 1
                  i32.eq
                  local.tee 3
                  select
                  local.set 13
                  local.get 7
                  i32.const 1
                  i32.add
                  local.set 7
                  loop ;; label = @7
                    local.get 5
                    i32.const 72
                    i32.add
                    call 14
                    i32.const 255
                    i32.and
                    local.tee 6
                    i32.const 2
                    i32.eq
                    br_if 2 (;@5;)
                    local.get 6
                    i32.eqz
                    br_if 1 (;@6;)
                    local.get 5
                    i64.load offset=88
                    local.get 13
                    i64.ne
                    br_if 0 (;@7;)
                    local.get 5
                    i64.load offset=96
                    i64.const 2
                    i64.ne
                    br_if 2 (;@5;)
                    local.get 5
                    i32.const 128
                    i32.add
                    local.get 5
                    i32.load offset=80
                    local.get 5
                    i32.load offset=84
                    i64.const 1
                    i64.const 2
                    call 13
                    local.get 5
                    i32.load offset=128
                    i32.eqz
                    br_if 2 (;@5;)
                    local.get 5
                    i32.load offset=136
                    local.set 0
                    local.get 5
                    i32.load offset=132
                    local.set 1
                    block ;; label = @8
                      block ;; label = @9
                        block ;; label = @10
                          local.get 3
                          br_if 0 (;@10;)
                          local.get 1
                          i32.eqz
                          br_if 1 (;@9;)
                          local.get 15
                          i64.const 0
                          i64.store
                          local.get 15
                          i64.const 0
                          i64.store offset=8
                          local.get 5
                          local.get 17
                          i32.store offset=132
                          local.get 5
                          local.get 12
                          i32.store offset=128
                          local.get 5
                          i32.const 0
                          i32.store8 offset=160
                          local.get 5
                          i64.const 1
                          i64.store offset=136
                          loop ;; label = @11
                            local.get 5
                            i32.const 128
                            i32.add
                            call 14
                            i32.const 255
                            i32.and
                            local.tee 6
                            i32.const 2
                            i32.eq
                            br_if 6 (;@5;)
                            local.get 6
                            i32.eqz
                            br_if 1 (;@10;)
                            local.get 5
                            i64.load offset=144
                            i64.const 5
                            i64.ne
                            br_if 0 (;@11;)
                            local.get 5
                            i64.load offset=152
                            i64.const 2
                            i64.ne
                            br_if 6 (;@5;)
                            local.get 5
                            i32.const 180
                            i32.add
                            local.get 5
                            i32.load offset=136
                            local.get 5
                            i32.load offset=140
                            i64.const 8
                            i64.const 2
                            call 13
                            local.get 5
                            i32.load offset=180
                            i32.const 1
                            i32.ne
                            br_if 6 (;@5;)
                            local.get 5
                            i32.load offset=188
                            local.set 6
                            local.get 5
                            i32.load offset=184
                            local.tee 2
                            i32.eqz
                            br_if 0 (;@11;)
                            local.get 2
                            local.get 6
                            local.get 1
                            local.get 0
                            call 11
                            br_if 4 (;@7;)
                            br 0 (;@11;)
                          end
                        end
                        i32.const 0
                        local.set 6
                        local.get 1
                        i32.eqz
                        br_if 1 (;@8;)
                        local.get 0
                        i32.eqz
                        br_if 1 (;@8;)
                        i32.const 0
                        local.set 6
                        block ;; label = @10
                          loop ;; label = @11
                            local.get 0
                            local.get 6
                            i32.eq
                            br_if 1 (;@10;)
                            local.get 1
                            local.get 6
                            i32.add
                            local.set 2
                            local.get 6
                            i32.const 1
                            i32.add
                            local.set 6
                            local.get 2
                            i32.load8_u
                            i32.eqz
                            br_if 2 (;@9;)
                            br 0 (;@11;)
                          end
                        end
                        local.get 1
                        local.get 0
                        call 31
                        i32.eqz
                        br_if 0 (;@9;)
                        local.get 5
                        local.get 0
                        i32.store offset=124
                        local.get 5
                        local.get 1
                        i32.store offset=120
                        i32.const 2
                        local.set 6
                        br 1 (;@8;)
                      end
                      i32.const 0
                      local.set 6
                    end
                    local.get 5
                    local.get 6
                    i32.store offset=116
                    local.get 5
                    i32.const 52
                    i32.add
                    local.get 3
                    local.get 5
                    i32.const 116
                    i32.add
                    call 32
                    br 0 (;@7;)
                  end
                end
              end
              i32.const 0
              local.set 9
            end
            block ;; label = @4
              block ;; label = @5
                local.get 9
                i32.eqz
                br_if 0 (;@5;)
                i32.const 1
                local.set 6
                local.get 5
                i32.load8_u offset=68
                i32.const 1
                i32.and
                br_if 1 (;@4;)
              end
              i32.const 0
              local.set 2
              local.get 5
              i32.load offset=40
              local.tee 6
              i32.eqz
              br_if 1 (;@3;)
              local.get 5
              i32.load offset=36
              local.get 6
              call 8
              br 1 (;@3;)
            end
            local.get 5
            i32.load offset=48
            local.set 12
            local.get 5
            i32.load offset=44
            local.set 7
            local.get 5
            i32.load offset=40
            local.set 2
            local.get 5
            i32.load offset=60
            local.set 3
            local.get 5
            i32.load offset=64
            local.set 9
            br 1 (;@2;)
          end
          i32.const 0
          local.set 6
          i32.const 0
          local.set 9
          i32.const 0
          local.set 3
          i32.const 0
          local.set 7
          i32.const 0
          local.set 12
        end
        local.get 5
        local.get 6
        i32.store offset=152
        local.get 5
        local.get 9
        i32.store offset=148
        local.get 5
        local.get 3
        i32.store offset=144
        local.get 5
        local.get 12
        i32.store offset=140
        local.get 5
        local.get 7
        i32.store offset=136
        local.get 5
        local.get 2
        i32.store offset=132
        local.get 5
        local.get 11
        i32.store offset=128
        local.get 10
        local.get 8
        local.get 5
        i32.const 128
        i32.add
        call 3
        local.get 4
        local.get 8
        i32.load offset=124
        i32.const -1
        i32.add
        i32.store align=1
        i32.const 0
        local.set 6
      end
      local.get 5
      i32.const 192
      i32.add
      global.set $__stack_pointer
      local.get 6
    )
    (func (;35;) (type 10) (param i32 i32 i32) (result i32)
      (local i32 i32 i32)
      i32.const 0
      local.set 3
      block ;; label = @1
        local.get 2
        i32.eqz
        br_if 0 (;@1;)
        block ;; label = @2
          loop ;; label = @3
            local.get 0
            i32.load8_u
            local.tee 4
            local.get 1
            i32.load8_u
            local.tee 5
            i32.ne
            br_if 1 (;@2;)
            local.get 0
            i32.const 1
            i32.add
            local.set 0
            local.get 1
            i32.const 1
            i32.add
            local.set 1
            local.get 2
            i32.const -1
            i32.add
            local.tee 2
            i32.eqz
            br_if 2 (;@1;)
            br 0 (;@3;)
          end
        end
        local.get 4
        local.get 5
        i32.sub
        local.set 3
      end
      local.get 3
    )
    (func (;36;) (type 8) (result i32)
      global.get $nn_state_ptr
    )
    (func (;37;) (type 1) (param i32)
      local.get 0
      global.set $nn_state_ptr
    )
    (func (;38;) (type 8) (result i32)
      global.get $allocation_state
    )
    (func (;39;) (type 1) (param i32)
      local.get 0
      global.set $allocation_state
    )
    (func $realloc_via_memory_grow (;40;) (type 15) (param i32 i32 i32 i32) (result i32)
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
    (func $allocate_stack (;41;) (type 16)
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
  (core module $wit-component-shim-module (;2;)
    (type (;0;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;1;) (func (param i32 i32 i32 i32 i32)))
    (table (;0;) 2 2 funcref)
    (export "0" (func 0))
    (export "1" (func 1))
    (export "$imports" (table 0))
    (func (;0;) (type 0) (param i32 i32 i32 i32 i32) (result i32)
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      local.get 4
      i32.const 0
      call_indirect (type 0)
    )
    (func (;1;) (type 1) (param i32 i32 i32 i32 i32)
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      local.get 4
      i32.const 1
      call_indirect (type 1)
    )
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core module $wit-component-fixup (;3;)
    (type (;0;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;1;) (func (param i32 i32 i32 i32 i32)))
    (import "" "0" (func (;0;) (type 0)))
    (import "" "1" (func (;1;) (type 1)))
    (import "" "$imports" (table (;0;) 2 2 funcref))
    (elem (;0;) (i32.const 0) func 0 1)
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core instance $wit-component-shim-instance (;0;) (instantiate $wit-component-shim-module))
  (alias core export $wit-component-shim-instance "0" (core func $adapt-wasi_ephemeral_nn-load (;0;)))
  (core instance $wasi_ephemeral_nn (;1;)
    (export "load" (func $adapt-wasi_ephemeral_nn-load))
  )
  (core instance $main (;2;) (instantiate $main
      (with "wasi_ephemeral_nn" (instance $wasi_ephemeral_nn))
    )
  )
  (alias core export $main "memory" (core memory $memory (;0;)))
  (core instance $env (;3;)
    (export "memory" (memory $memory))
  )
  (alias export $wasi:nn/errors@0.2.0-rc-2024-10-28 "[method]error.code" (func $"[method]error.code" (;0;)))
  (core func $"[method]error.code" (;1;) (canon lower (func $"[method]error.code")))
  (alias export $wasi:nn/errors@0.2.0-rc-2024-10-28 "error" (type $"#type3 error" (@name "error") (;3;)))
  (core func $resource.drop (;2;) (canon resource.drop $"#type3 error"))
  (core instance $wasi:nn/errors@0.2.0-rc-2024-10-28 (;4;)
    (export "[method]error.code" (func $"[method]error.code"))
    (export "[resource-drop]error" (func $resource.drop))
  )
  (alias core export $wit-component-shim-instance "1" (core func $indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-load (;3;)))
  (core instance $wasi:nn/graph@0.2.0-rc-2024-10-28 (;5;)
    (export "load" (func $indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-load))
  )
  (core instance $"#core-instance6 wasi_ephemeral_nn" (@name "wasi_ephemeral_nn") (;6;) (instantiate $wit-component:adapter:wasi_ephemeral_nn
      (with "env" (instance $env))
      (with "wasi:nn/errors@0.2.0-rc-2024-10-28" (instance $wasi:nn/errors@0.2.0-rc-2024-10-28))
      (with "wasi:nn/graph@0.2.0-rc-2024-10-28" (instance $wasi:nn/graph@0.2.0-rc-2024-10-28))
    )
  )
  (alias core export $wit-component-shim-instance "$imports" (core table $"shim table" (;0;)))
  (alias core export $"#core-instance6 wasi_ephemeral_nn" "load" (core func $load (;4;)))
  (alias export $wasi:nn/graph@0.2.0-rc-2024-10-28 "load" (func $load (;1;)))
  (alias core export $"#core-instance6 wasi_ephemeral_nn" "cabi_import_realloc" (core func $realloc (;5;)))
  (core func $"#core-func6 indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-load" (@name "indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-load") (;6;) (canon lower (func $load) (memory $memory)))
  (core instance $fixup-args (;7;)
    (export "$imports" (table $"shim table"))
    (export "0" (func $load))
    (export "1" (func $"#core-func6 indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-load"))
  )
  (core instance $fixup (;8;) (instantiate $wit-component-fixup
      (with "" (instance $fixup-args))
    )
  )
  (@producers
    (processed-by "wit-component" "0.254.2")
  )
)

