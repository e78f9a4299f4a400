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
      (type (;7;) (borrow 0))
      (type (;8;) (func (param "self" 7) (result 2)))
      (export (;0;) "[method]tensor.dimensions" (func (type 8)))
      (type (;9;) (func (param "self" 7) (result 4)))
      (export (;1;) "[method]tensor.ty" (func (type 9)))
      (type (;10;) (func (param "self" 7) (result 6)))
      (export (;2;) "[method]tensor.data" (func (type 10)))
    )
  )
  (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" (instance $wasi:nn/tensor@0.2.0-rc-2024-10-28 (;0;) (type $ty-wasi:nn/tensor@0.2.0-rc-2024-10-28)))
  (core module $main (;0;)
    (type (;0;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;1;) (func (result i32)))
    (import "wasi_ephemeral_nn" "get_output" (func $get_output (;0;) (type 0)))
    (memory (;0;) 1)
    (export "memory" (memory 0))
    (export "infer" (func 1))
    (func (;1;) (type 1) (result i32)
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      call $get_output
    )
  )
  (core module $wit-component:adapter:wasi_ephemeral_nn (;1;)
    (type (;0;) (func (param i32) (result i32)))
    (type (;1;) (func (param i32)))
    (type (;2;) (func (param i32 i32 i32 i32)))
    (type (;3;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;4;) (func (param i32 i32)))
    (type (;5;) (func (param i32 i32 i32 i32 i32)))
    (type (;6;) (func (param i32 i32 i32)))
    (type (;7;) (func (param i32 i32) (result i32)))
    (type (;8;) (func (param i32 i64) (result i32)))
    (type (;9;) (func (result i32)))
    (type (;10;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;11;) (func (param i32 i32 i32) (result i32)))
    (type (;12;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;13;) (func))
    (import "env" "memory" (memory (;0;) 0))
    (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[method]tensor.dimensions" (func (;0;) (type 4)))
    (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[method]tensor.ty" (func (;1;) (type 0)))
    (import "wasi:nn/tensor@0.2.0-rc-2024-10-28" "[method]tensor.data" (func (;2;) (type 4)))
    (global $__stack_pointer (;0;) (mut i32) i32.const 0)
    (global $nn_state_ptr (;1;) (mut i32) i32.const 0)
    (global $allocation_state (;2;) (mut i32) i32.const 0)
    (export "cabi_import_realloc" (func 12))
    (export "get_output" (func 13))
    (start $allocate_stack)
    (func (;3;) (type 7) (param i32 i32) (result i32)
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
    (func (;4;) (type 4) (param i32 i32)
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
    (func (;5;) (type 8) (param i32 i64) (result i32)
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
    (func (;6;) (type 9) (result i32)
      (local i32)
      block ;; label = @1
        call 17
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
        call 16
        i32.const 3
        call 18
      end
      call 15
    )
    (func (;7;) (type 5) (param i32 i32 i32 i32 i32)
      (local i32)
      local.get 2
      i32.const 12
      i32.mul
      local.set 2
      local.get 1
      i32.const -12
      i32.add
      local.set 1
      block ;; label = @1
        loop ;; label = @2
          block ;; label = @3
            local.get 2
            br_if 0 (;@3;)
            i32.const 0
            local.set 2
            br 2 (;@1;)
          end
          local.get 2
          i32.const -12
          i32.add
          local.set 2
          local.get 1
          i32.const 16
          i32.add
          local.set 5
          local.get 1
          i32.const 12
          i32.add
          local.tee 1
          i32.load
          local.get 5
          i32.load
          local.get 3
          local.get 4
          call 8
          i32.eqz
          br_if 0 (;@2;)
        end
        local.get 1
        i32.load offset=8
        local.set 1
        i32.const 1
        local.set 2
      end
      local.get 0
      local.get 1
      i32.store offset=4
      local.get 0
      local.get 2
      i32.store
    )
    (func (;8;) (type 10) (param i32 i32 i32 i32) (result i32)
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
        call 14
        i32.eqz
        local.set 4
      end
      local.get 4
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
    (func (;11;) (type 6) (param i32 i32 i32)
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
    (func (;12;) (type 10) (param i32 i32 i32 i32) (result i32)
      (local i32)
      block ;; label = @1
        block ;; label = @2
          call 6
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
          call 3
          local.tee 4
          br_if 1 (;@1;)
        end
        unreachable
      end
      local.get 4
    )
    (func (;13;) (type 3) (param i32 i32 i32 i32 i32) (result i32)
      (local i32 i32 i32 i32 i32 i32 i64 i32 i64)
      global.get $__stack_pointer
      i32.const 64
      i32.sub
      local.tee 5
      global.set $__stack_pointer
      block ;; label = @1
        block ;; label = @2
          call 6
          local.tee 6
          i32.eqz
          br_if 0 (;@2;)
          block ;; label = @3
            local.get 0
            local.get 6
            i32.load offset=136
            i32.lt_u
            br_if 0 (;@3;)
            i32.const 6
            local.set 7
            br 2 (;@1;)
          end
          i32.const 5
          local.set 7
          local.get 6
          i32.load offset=132
          local.tee 8
          i32.eqz
          br_if 1 (;@1;)
          local.get 8
          i32.const 4
          local.get 8
          select
          local.tee 8
          i32.eqz
          br_if 1 (;@1;)
          local.get 8
          local.get 0
          i32.const 28
          i32.mul
          i32.add
          local.tee 9
          i32.load offset=20
          local.tee 8
          i32.eqz
          br_if 1 (;@1;)
          local.get 6
          i32.load offset=120
          local.tee 0
          i32.const 4
          local.get 0
          select
          local.tee 10
          i32.eqz
          br_if 1 (;@1;)
          local.get 0
          i32.eqz
          br_if 1 (;@1;)
          local.get 6
          i32.load offset=124
          local.get 9
          i32.load offset=4
          local.tee 0
          i32.le_u
          br_if 1 (;@1;)
          local.get 9
          i32.load offset=24
          local.set 9
          block ;; label = @3
            block ;; label = @4
              local.get 10
              local.get 0
              i32.const 28
              i32.mul
              i32.add
              local.tee 0
              i32.load offset=24
              i32.eqz
              br_if 0 (;@4;)
              local.get 1
              local.get 0
              i32.load offset=20
              i32.ge_u
              br_if 0 (;@4;)
              local.get 5
              i32.const 40
              i32.add
              local.get 0
              i32.load offset=4
              local.tee 10
              i32.const 1
              local.get 10
              select
              local.get 0
              i32.load offset=8
              i32.const 0
              local.get 10
              select
              local.get 0
              i32.load offset=16
              local.get 1
              i32.add
              call 9
              local.get 5
              local.get 5
              i64.load offset=40
              i64.store offset=48 align=4
              loop ;; label = @5
                local.get 5
                i32.const 32
                i32.add
                local.get 5
                i32.const 48
                i32.add
                call 10
                local.get 5
                i32.load offset=32
                local.tee 0
                i32.eqz
                br_if 1 (;@4;)
                local.get 5
                i32.const 24
                i32.add
                local.get 8
                local.get 9
                local.get 0
                local.get 5
                i32.load offset=36
                call 7
                local.get 5
                i32.load offset=24
                i32.const 1
                i32.ne
                br_if 0 (;@5;)
              end
              local.get 5
              i32.load offset=28
              local.set 1
              br 1 (;@3;)
            end
            local.get 5
            i32.const 0
            i32.store16 offset=56
            local.get 5
            i64.const 0
            i64.store offset=48
            local.get 5
            i32.const 16
            i32.add
            local.get 1
            local.get 5
            i32.const 48
            i32.add
            call 11
            local.get 5
            i32.const 8
            i32.add
            local.get 8
            local.get 9
            local.get 5
            i32.load offset=16
            local.get 5
            i32.load offset=20
            call 7
            block ;; label = @4
              local.get 5
              i32.load offset=8
              i32.const 1
              i32.and
              i32.eqz
              br_if 0 (;@4;)
              local.get 5
              i32.load offset=12
              local.set 1
              br 1 (;@3;)
            end
            local.get 1
            local.get 9
            i32.ge_u
            br_if 2 (;@1;)
            local.get 8
            local.get 1
            i32.const 12
            i32.mul
            i32.add
            i32.load offset=8
            local.set 1
          end
          i32.const 1
          local.set 7
          local.get 2
          local.get 3
          i64.extend_i32_u
          local.tee 11
          call 5
          i32.eqz
          br_if 1 (;@1;)
          local.get 4
          i64.const 4
          call 5
          i32.eqz
          br_if 1 (;@1;)
          local.get 1
          local.get 6
          i32.const 144
          i32.add
          local.tee 12
          call 0
          local.get 6
          i32.load offset=148
          local.set 8
          local.get 6
          i32.load offset=144
          local.set 9
          i32.const 1
          local.set 7
          block ;; label = @3
            local.get 1
            call 1
            local.tee 10
            i32.const 6
            i32.gt_u
            br_if 0 (;@3;)
            local.get 8
            i32.const 2
            i32.shl
            local.set 7
            i32.const 138487874
            local.get 10
            i32.const 2
            i32.shl
            i32.shr_u
            i32.const 15
            i32.and
            i64.extend_i32_u
            local.set 13
            local.get 9
            local.set 0
            block ;; label = @4
              loop ;; label = @5
                local.get 7
                i32.eqz
                br_if 1 (;@4;)
                local.get 7
                i32.const -4
                i32.add
                local.set 7
                local.get 13
                i64.const 4294967296
                local.get 13
                i64.const 4294967296
                i64.lt_u
                select
                local.get 0
                i64.load32_u
                i64.mul
                local.set 13
                local.get 0
                i32.const 4
                i32.add
                local.set 0
                br 0 (;@5;)
              end
            end
            local.get 13
            local.get 11
            i64.gt_u
            local.set 7
          end
          block ;; label = @3
            local.get 8
            i32.eqz
            br_if 0 (;@3;)
            local.get 6
            local.get 9
            call 4
          end
          block ;; label = @3
            local.get 7
            i32.eqz
            br_if 0 (;@3;)
            i32.const 5
            i32.const 7
            local.get 10
            i32.const 6
            i32.gt_u
            select
            local.set 7
            br 2 (;@1;)
          end
          local.get 6
          local.get 3
          i32.store offset=168
          local.get 6
          local.get 2
          i32.store offset=164
          local.get 6
          i32.const 1
          i32.store offset=160
          local.get 1
          local.get 12
          call 2
          i32.const 0
          local.set 7
          local.get 6
          i32.const 0
          i32.store offset=160
          local.get 6
          i32.load offset=148
          local.set 0
          block ;; label = @3
            block ;; label = @4
              local.get 6
              i32.load offset=144
              local.tee 1
              local.get 2
              i32.eq
              br_if 0 (;@4;)
              local.get 0
              br_if 1 (;@3;)
            end
            local.get 4
            local.get 0
            i32.store align=1
            br 2 (;@1;)
          end
          local.get 6
          local.get 1
          call 4
        end
        i32.const 7
        local.set 7
      end
      local.get 5
      i32.const 64
      i32.add
      global.set $__stack_pointer
      local.get 7
    )
    (func (;14;) (type 11) (param i32 i32 i32) (result i32)
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
    (func (;15;) (type 9) (result i32)
      global.get $nn_state_ptr
    )
    (func (;16;) (type 1) (param i32)
      local.get 0
      global.set $nn_state_ptr
    )
    (func (;17;) (type 9) (result i32)
      global.get $allocation_state
    )
    (func (;18;) (type 1) (param i32)
      local.get 0
      global.set $allocation_state
    )
    (func $realloc_via_memory_grow (;19;) (type 12) (param i32 i32 i32 i32) (result i32)
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
    (func $allocate_stack (;20;) (type 13)
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
    (type (;1;) (func (param i32 i32)))
    (table (;0;) 3 3 funcref)
    (export "0" (func 0))
    (export "1" (func 1))
    (export "2" (func 2))
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
    (func (;1;) (type 1) (param i32 i32)
      local.get 0
      local.get 1
      i32.const 1
      call_indirect (type 1)
    )
    (func (;2;) (type 1) (param i32 i32)
      local.get 0
      local.get 1
      i32.const 2
      call_indirect (type 1)
    )
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core module $wit-component-fixup (;3;)
    (type (;0;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;1;) (func (param i32 i32)))
    (import "" "0" (func (;0;) (type 0)))
    (import "" "1" (func (;1;) (type 1)))
    (import "" "2" (func (;2;) (type 1)))
    (import "" "$imports" (table (;0;) 3 3 funcref))
    (elem (;0;) (i32.const 0) func 0 1 2)
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core instance $wit-component-shim-instance (;0;) (instantiate $wit-component-shim-module))
  (alias core export $wit-component-shim-instance "0" (core func $adapt-wasi_ephemeral_nn-get_output (;0;)))
  (core instance $wasi_ephemeral_nn (;1;)
    (export "get_output" (func $adapt-wasi_ephemeral_nn-get_output))
  )
  (core instance $main (;2;) (instantiate $main
      (with "wasi_ephemeral_nn" (instance $wasi_ephemeral_nn))
    )
  )
  (alias core export $main "memory" (core memory $memory (;0;)))
  (core instance $env (;3;)
    (export "memory" (memory $memory))
  )
  (alias core export $wit-component-shim-instance "1" (core func $"indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[method]tensor.dimensions" (;1;)))
  (alias export $wasi:nn/tensor@0.2.0-rc-2024-10-28 "[method]tensor.ty" (func $"[method]tensor.ty" (;0;)))
  (core func $"[method]tensor.ty" (;2;) (canon lower (func $"[method]tensor.ty")))
  (alias core export $wit-component-shim-instance "2" (core func $"indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[method]tensor.data" (;3;)))
  (core instance $wasi:nn/tensor@0.2.0-rc-2024-10-28 (;4;)
    (export "[method]tensor.dimensions" (func $"indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[method]tensor.dimensions"))
    (export "[method]tensor.ty" (func $"[method]tensor.ty"))
    (export "[method]tensor.data" (func $"indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[method]tensor.data"))
  )
  (core instance $"#core-instance5 wasi_ephemeral_nn" (@name "wasi_ephemeral_nn") (;5;) (instantiate $wit-component:adapter:wasi_ephemeral_nn
      (with "env" (instance $env))
      (with "wasi:nn/tensor@0.2.0-rc-2024-10-28" (instance $wasi:nn/tensor@0.2.0-rc-2024-10-28))
    )
  )
  (alias core export $wit-component-shim-instance "$imports" (core table $"shim table" (;0;)))
  (alias core export $"#core-instance5 wasi_ephemeral_nn" "get_output" (core func $get_output (;4;)))
  (alias export $wasi:nn/tensor@0.2.0-rc-2024-10-28 "[method]tensor.dimensions" (func $"[method]tensor.dimensions" (;1;)))
  (alias core export $"#core-instance5 wasi_ephemeral_nn" "cabi_import_realloc" (core func $realloc (;5;)))
  (core func $"#core-func6 indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[method]tensor.dimensions" (@name "indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[method]tensor.dimensions") (;6;) (canon lower (func $"[method]tensor.dimensions") (memory $memory) (realloc $realloc)))
  (alias export $wasi:nn/tensor@0.2.0-rc-2024-10-28 "[method]tensor.data" (func $"[method]tensor.data" (;2;)))
  (core func $"#core-func7 indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[method]tensor.data" (@name "indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[method]tensor.data") (;7;) (canon lower (func $"[method]tensor.data") (memory $memory) (realloc $realloc)))
  (core instance $fixup-args (;6;)
    (export "$imports" (table $"shim table"))
    (export "0" (func $get_output))
    (export "1" (func $"#core-func6 indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[method]tensor.dimensions"))
    (export "2" (func $"#core-func7 indirect-wasi:nn/tensor@0.2.0-rc-2024-10-28-[method]tensor.data"))
  )
  (core instance $fixup (;7;) (instantiate $wit-component-fixup
      (with "" (instance $fixup-args))
    )
  )
  (@producers
    (processed-by "wit-component" "0.254.2")
  )
)

