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
  (alias export $wasi:nn/inference@0.2.0-rc-2024-10-28 "graph-execution-context" (type $graph-execution-context (;5;)))
  (alias export $wasi:nn/errors@0.2.0-rc-2024-10-28 "error" (type $"#type6 error" (@name "error") (;6;)))
  (type $ty-wasi:nn/graph@0.2.0-rc-2024-10-28 (;7;)
    (instance
      (export (;0;) "graph" (type (sub resource)))
      (alias outer 1 $graph-execution-context (type (;1;)))
      (export (;2;) "graph-execution-context" (type (eq 1)))
      (alias outer 1 $"#type6 error" (type (;3;)))
      (export (;4;) "error" (type (eq 3)))
      (type (;5;) (borrow 0))
      (type (;6;) (own 2))
      (type (;7;) (own 4))
      (type (;8;) (result 6 (error 7)))
      (type (;9;) (func (param "self" 5) (result 8)))
      (export (;0;) "[method]graph.init-execution-context" (func (type 9)))
    )
  )
  (import "wasi:nn/graph@0.2.0-rc-2024-10-28" (instance $wasi:nn/graph@0.2.0-rc-2024-10-28 (;3;) (type $ty-wasi:nn/graph@0.2.0-rc-2024-10-28)))
  (core module $main (;0;)
    (type (;0;) (func (param i32 i32) (result i32)))
    (type (;1;) (func (param i32) (result i32)))
    (import "wasi_ephemeral_nn" "init_execution_context" (func $init (;0;) (type 0)))
    (import "wasi_ephemeral_nn" "compute" (func $compute (;1;) (type 1)))
    (memory $mem (;0;) 1)
    (export "memory" (memory $mem))
    (export "run" (func $run))
    (func $run (;2;) (type 1) (param $graph i32) (result i32)
      (local $errno i32)
      local.get $graph
      i32.const 8
      call $init
      local.tee $errno
      if (result i32) ;; label = @1
        local.get $errno
      else
        i32.const 8
        i32.load
        call $compute
      end
    )
    (data (;0;) (i32.const 16) "model")
  )
  (core module $wit-component:adapter:wasi_ephemeral_nn (;1;)
    (type (;0;) (func (param i32) (result i32)))
    (type (;1;) (func (param i32)))
    (type (;2;) (func (param i32 i32 i32 i32)))
    (type (;3;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;4;) (func (param i32 i32)))
    (type (;5;) (func (param i32 i32 i32)))
    (type (;6;) (func (param i32 i32) (result i32)))
    (type (;7;) (func (param i32 i64) (result i32)))
    (type (;8;) (func (result i32)))
    (type (;9;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;10;) (func (param i32 i32 i32) (result i32)))
    (type (;11;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;12;) (func))
    (import "env" "memory" (memory (;0;) 0))
    (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[method]error.code" (func (;0;) (type 0)))
    (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[resource-drop]error" (func (;1;) (type 1)))
    (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[resource-drop]tensor" (func (;2;) (type 1)))
    (import "wasi:nn/inference@0.2.0-rc-2024-10-28" "[method]graph-execution-context.compute" (func (;3;) (type 2)))
    (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[constructor]tensor" (func (;4;) (type 3)))
    (import "wasi:nn/graph@0.2.0-rc-2024-10-28" "[method]graph.init-execution-context" (func (;5;) (type 4)))
    (global $__stack_pointer (;0;) (mut i32) i32.const 0)
    (global $nn_state_ptr (;1;) (mut i32) i32.const 0)
    (global $allocation_state (;2;) (mut i32) i32.const 0)
    (export "cabi_import_realloc" (func 16))
    (export "compute" (func 17))
    (export "init_execution_context" (func 18))
    (start $allocate_stack)
    (func (;6;) (type 3) (param i32 i32 i32 i32 i32) (result i32)
      (local i32 i32)
      block ;; label = @1
        local.get 0
        local.get 1
        local.get 3
        local.get 4
        local.get 0
        i32.load offset=4
        call 7
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
    (func (;7;) (type 3) (param i32 i32 i32 i32 i32) (result i32)
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
          call 8
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
            call 9
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
    (func (;8;) (type 6) (param i32 i32) (result i32)
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
    (func (;9;) (type 4) (param i32 i32)
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
    (func (;10;) (type 7) (param i32 i64) (result i32)
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
    (func (;11;) (type 8) (result i32)
      (local i32)
      block ;; label = @1
        call 21
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
        call 20
        i32.const 3
        call 22
      end
      call 19
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
    (func (;13;) (type 2) (param i32 i32 i32 i32)
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
              call 14
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
    (func (;14;) (type 4) (param i32 i32)
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
    (func (;15;) (type 5) (param i32 i32 i32)
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
    (func (;16;) (type 9) (param i32 i32 i32 i32) (result i32)
      (local i32)
      block ;; label = @1
        block ;; label = @2
          call 11
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
          call 8
          local.tee 4
          br_if 1 (;@1;)
        end
        unreachable
      end
      local.get 4
    )
    (func (;17;) (type 0) (param i32) (result i32)
      (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
      global.get $__stack_pointer
      i32.const 32
      i32.sub
      local.tee 1
      global.set $__stack_pointer
      i32.const 7
      local.set 2
      block ;; label = @1
        call 11
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
                call 9
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
          call 9
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
        call 8
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
                call 13
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
                call 14
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
              call 9
              local.get 3
              i32.load offset=144
              local.get 3
              i32.const 148
              i32.add
              local.tee 0
              i32.load
              i32.const 2
              call 12
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
            call 15
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
    (func (;18;) (type 6) (param i32 i32) (result i32)
      (local i32 i32 i32 i32 i32)
      global.get $__stack_pointer
      i32.const 32
      i32.sub
      local.tee 2
      global.set $__stack_pointer
      block ;; label = @1
        block ;; label = @2
          call 11
          local.tee 3
          i32.eqz
          br_if 0 (;@2;)
          i32.const 6
          local.set 4
          local.get 3
          i32.load offset=120
          local.tee 5
          i32.eqz
          br_if 1 (;@1;)
          local.get 3
          i32.load offset=124
          local.get 0
          i32.le_u
          br_if 1 (;@1;)
          local.get 5
          local.get 0
          i32.const 28
          i32.mul
          i32.add
          i32.load
          local.set 4
          block ;; label = @3
            local.get 1
            i64.const 4
            call 10
            br_if 0 (;@3;)
            i32.const 1
            local.set 4
            br 2 (;@1;)
          end
          local.get 3
          i32.const 132
          i32.add
          local.tee 5
          local.get 3
          i32.const 1
          i32.const 28
          local.get 3
          i32.load offset=136
          call 7
          i32.eqz
          br_if 0 (;@2;)
          local.get 4
          local.get 3
          i32.const 144
          i32.add
          call 5
          local.get 3
          i32.load offset=144
          local.get 3
          i32.const 148
          i32.add
          local.tee 6
          i32.load
          i32.const 2
          call 12
          local.tee 4
          br_if 1 (;@1;)
          local.get 2
          i64.const 0
          i64.store offset=12 align=4
          local.get 2
          local.get 0
          i32.store offset=8
          local.get 2
          i64.const 0
          i64.store offset=20 align=4
          i32.const 0
          local.set 4
          local.get 2
          i32.const 0
          i32.store offset=28
          local.get 2
          local.get 6
          i32.load
          i32.store offset=4
          local.get 5
          local.get 3
          local.get 2
          i32.const 4
          i32.add
          i32.const 1
          i32.const 28
          call 6
          drop
          local.get 1
          local.get 3
          i32.load offset=136
          i32.const -1
          i32.add
          i32.store align=1
          br 1 (;@1;)
        end
        i32.const 7
        local.set 4
      end
      local.get 2
      i32.const 32
      i32.add
      global.set $__stack_pointer
      local.get 4
    )
    (func (;19;) (type 8) (result i32)
      global.get $nn_state_ptr
    )
    (func (;20;) (type 1) (param i32)
      local.get 0
      global.set $nn_state_ptr
    )
    (func (;21;) (type 8) (result i32)
      global.get $allocation_state
    )
    (func (;22;) (type 1) (param i32)
      local.get 0
      global.set $allocation_state
    )
    (func $realloc_via_memory_grow (;23;) (type 11) (param i32 i32 i32 i32) (result i32)
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
    (func $allocate_stack (;24;) (type 12)
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
    (type (;0;) (func (param i32 i32) (result i32)))
    (type (;1;) (func (param i32) (result i32)))
    (type (;2;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;3;) (func (param i32 i32 i32 i32)))
    (type (;4;) (func (param i32 i32)))
    (table (;0;) 5 5 funcref)
    (export "0" (func 0))
    (export "1" (func 1))
    (export "2" (func 2))
    (export "3" (func 3))
    (export "4" (func 4))
    (export "$imports" (table 0))
    (func (;0;) (type 0) (param i32 i32) (result i32)
      local.get 0
      local.get 1
      i32.const 0
      call_indirect (type 0)
    )
    (func (;1;) (type 1) (param i32) (result i32)
      local.get 0
      i32.const 1
      call_indirect (type 1)
    )
    (func (;2;) (type 2) (param i32 i32 i32 i32 i32) (result i32)
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      local.get 4
      i32.const 2
      call_indirect (type 2)
    )
    (func (;3;) (type 3) (param i32 i32 i32 i32)
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      i32.const 3
      call_indirect (type 3)
    )
    (func (;4;) (type 4) (param i32 i32)
      local.get 0
      local.get 1
      i32.const 4
      call_indirect (type 4)
    )
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core module $wit-component-fixup (;3;)
    (type (;0;) (func (param i32 i32) (result i32)))
    (type (;1;) (func (param i32) (result i32)))
    (type (;2;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;3;) (func (param i32 i32 i32 i32)))
    (type (;4;) (func (param i32 i32)))
    (import "" "0" (func (;0;) (type 0)))
    (import "" "1" (func (;1;) (type 1)))
    (import "" "2" (func (;2;) (type 2)))
    (import "" "3" (func (;3;) (type 3)))
    (import "" "4" (func (;4;) (type 4)))
    (import "" "$imports" (table (;0;) 5 5 funcref))
    (elem (;0;) (i32.const 0) func 0 1 2 3 4)
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core instance $wit-component-shim-instance (;0;) (instantiate $wit-component-shim-module))
  (alias core export $wit-component-shim-instance "0" (core func $adapt-wasi_ephemeral_nn-init_execution_context (;0;)))
  (alias core export $wit-component-shim-instance "1" (core func $adapt-wasi_ephemeral_nn-compute (;1;)))
  (core instance $wasi_ephemeral_nn (;1;)
    (export "init_execution_context" (func $adapt-wasi_ephemeral_nn-init_execution_context))
    (export "compute" (func $adapt-wasi_ephemeral_nn-compute))
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
  (core func $"[method]error.code" (;2;) (canon lower (func $"[method]error.code")))
  (alias export $wasi:nn/errors@0.2.0-rc-2024-10-28 "error" (type $"#type8 error" (@name "error") (;8;)))
  (core func $resource.drop (;3;) (canon resource.drop $"#type8 error"))
  (core instance $wasi:nn/errors@0.2.0-rc-2024-10-28 (;4;)
    (export "[method]error.code" (func $"[method]error.code"))
    (export "[resource-drop]error" (func $resource.drop))
  )
  (alias export $wasi:nn/tensor@0.2.0-rc-2024-10-28 "tensor" (type $"#type9 tensor" (@name "tensor") (;9;)))
  (core func $"#core-func4 resource.drop" (@name "resource.drop") (;4;) (canon resource.drop $"#type9 tensor"))
  (alias core export $wit-component-shim-instance "2" (core func $"indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[constructor]tensor" (;5;)))
  (core instance $wasi:nn/tensor@0.2.0-rc-2024-10-28 (;5;)
    (export "[resource-drop]tensor" (func $"#core-func4 resource.drop"))
    (export "[constructor]tensor" (func $"indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[constructor]tensor"))
  )
  (alias core export $wit-component-shim-instance "3" (core func $"indirect-wasi:nn/inference@0.2.0-rc-2024-10-28-[method]graph-execution-context.compute" (;6;)))
  (core instance $wasi:nn/inference@0.2.0-rc-2024-10-28 (;6;)
    (export "[method]graph-execution-context.compute" (func $"indirect-wasi:nn/inference@0.2.0-rc-2024-10-28-[method]graph-execution-context.compute"))
  )
  (alias core export $wit-component-shim-instance "4" (core func $"indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-[method]graph.init-execution-context" (;7;)))
  (core instance $wasi:nn/graph@0.2.0-rc-2024-10-28 (;7;)
    (export "[method]graph.init-execution-context" (func $"indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-[method]graph.init-execution-context"))
  )
  (core instance $"#core-instance8 wasi_ephemeral_nn" (@name "wasi_ephemeral_nn") (;8;) (instantiate $wit-component:adapter:wasi_ephemeral_nn
      (with "env" (instance $env))
      (with "wasi:nn/errors@0.2.0-rc-2024-10-28" (instance $wasi:nn/errors@0.2.0-rc-2024-10-28))
      (with "wasi:nn/tensor@0.2.0-rc-2024-10-28" (instance $wasi:nn/tensor@0.2.0-rc-2024-10-28))
      (with "wasi:nn/inference@0.2.0-rc-2024-10-28" (instance $wasi:nn/inference@0.2.0-rc-2024-10-28))
      (with "wasi:nn/graph@0.2.0-rc-2024-10-28" (instance $wasi:nn/graph@0.2.0-rc-2024-10-28))
    )
  )
  (alias core export $wit-component-shim-instance "$imports" (core table $"shim table" (;0;)))
  (alias core export $"#core-instance8 wasi_ephemeral_nn" "init_execution_context" (core func $init_execution_context (;8;)))
  (alias core export $"#core-instance8 wasi_ephemeral_nn" "compute" (core func $compute (;9;)))
  (alias export $wasi:nn/tensor@0.2.0-rc-2024-10-28 "[constructor]tensor" (func $"[constructor]tensor" (;1;)))
  (alias core export $"#core-instance8 wasi_ephemeral_nn" "cabi_import_realloc" (core func $realloc (;10;)))
  (core func $"#core-func11 indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[constructor]tensor" (@name "indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[constructor]tensor") (;11;) (canon lower (func $"[constructor]tensor") (memory $memory)))
  (alias export $wasi:nn/inference@0.2.0-rc-2024-10-28 "[method]graph-execution-context.compute" (func $"[method]graph-execution-context.compute" (;2;)))
  (core func $"#core-func12 indirect-wasi:nn/inference@0.2.0-rc-2024-10-28-[method]graph-execution-context.compute" (@name "indirect-wasi:nn/inference@0.2.0-rc-2024-10-28-[method]graph-execution-context.compute") (;12;) (canon lower (func $"[method]graph-execution-context.compute") (memory $memory) (realloc $realloc) string-encoding=utf8))
  (alias export $wasi:nn/graph@0.2.0-rc-2024-10-28 "[method]graph.init-execution-context" (func $"[method]graph.init-execution-context" (;3;)))
  (core func $"#core-func13 indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-[method]graph.init-execution-context" (@name "indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-[method]graph.init-execution-context") (;13;) (canon lower (func $"[method]graph.init-execution-context") (memory $memory)))
  (core instance $fixup-args (;9;)
    (export "$imports" (table $"shim table"))
    (export "0" (func $init_execution_context))
    (export "1" (func $compute))
    (export "2" (func $"#core-func11 indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[constructor]tensor"))
    (export "3" (func $"#core-func12 indirect-wasi:nn/inference@0.2.0-rc-2024-10-28-[method]graph-execution-context.compute"))
    (export "4" (func $"#core-func13 indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-[method]graph.init-execution-context"))
  )
  (core instance $fixup (;10;) (instantiate $wit-component-fixup
      (with "" (instance $fixup-args))
    )
  )
  (@producers
    (processed-by "wit-component" "0.254.2")
  )
)

