(component
  (core module $main (;0;)
    (type (;0;) (func (param i32 i32 i32) (result i32)))
    (type (;1;) (func (result i32)))
    (import "wasi_ephemeral_nn" "set_input" (func $set_input (;0;) (type 0)))
    (memory (;0;) 1)
    (export "memory" (memory 0))
    (export "infer" (func 1))
    (func (;1;) (type 1) (result i32)
      i32.const 0
      i32.const 0
      i32.const 0
      call $set_input
    )
  )
  (core module $wit-component:adapter:wasi_ephemeral_nn (;1;)
    (type (;0;) (func (param i32)))
    (type (;1;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;2;) (func (param i32 i32)))
    (type (;3;) (func (param i32 i32) (result i32)))
    (type (;4;) (func (param i32 i64) (result i32)))
    (type (;5;) (func (result i32)))
    (type (;6;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;7;) (func (param i32 i32 i32) (result i32)))
    (type (;8;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;9;) (func))
    (import "env" "memory" (memory (;0;) 0))
    (global $__stack_pointer (;0;) (mut i32) i32.const 0)
    (global $nn_state_ptr (;1;) (mut i32) i32.const 0)
    (global $allocation_state (;2;) (mut i32) i32.const 0)
    (export "cabi_import_realloc" (func 6))
    (export "set_input" (func 7))
    (start $allocate_stack)
    (func (;0;) (type 1) (param i32 i32 i32 i32 i32) (result i32)
      (local i32 i32)
      block ;; label = @1
        local.get 0
        local.get 1
        local.get 3
        local.get 4
        local.get 0
        i32.load offset=4
        call 1
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
    (func (;1;) (type 1) (param i32 i32 i32 i32 i32) (result i32)
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
          call 2
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
            call 3
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
    (func (;2;) (type 3) (param i32 i32) (result i32)
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
    (func (;3;) (type 2) (param i32 i32)
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
    (func (;4;) (type 4) (param i32 i64) (result i32)
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
    (func (;5;) (type 5) (result i32)
      (local i32)
      block ;; label = @1
        call 10
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
        call 9
        i32.const 3
        call 11
      end
      call 8
    )
    (func (;6;) (type 6) (param i32 i32 i32 i32) (result i32)
      (local i32)
      block ;; label = @1
        block ;; label = @2
          call 5
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
          call 2
          local.tee 4
          br_if 1 (;@1;)
        end
        unreachable
      end
      local.get 4
    )
    (func (;7;) (type 7) (param i32 i32 i32) (result i32)
      (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i64 i32 i32 i32)
      global.get $__stack_pointer
      i32.const 48
      i32.sub
      local.tee 3
      global.set $__stack_pointer
      block ;; label = @1
        block ;; label = @2
          call 5
          local.tee 4
          i32.eqz
          br_if 0 (;@2;)
          i32.const 6
          local.set 5
          local.get 4
          i32.load offset=132
          local.tee 6
          i32.eqz
          br_if 1 (;@1;)
          local.get 4
          i32.load offset=136
          local.get 0
          i32.le_u
          br_if 1 (;@1;)
          local.get 6
          i32.const 4
          local.get 6
          select
          local.tee 6
          i32.eqz
          br_if 1 (;@1;)
          i32.const 1
          local.set 5
          local.get 2
          i64.const 20
          call 4
          i32.eqz
          br_if 1 (;@1;)
          local.get 2
          i32.const 8
          i32.add
          i32.load align=1
          local.tee 7
          i32.const 255
          i32.and
          i32.const 5
          i32.gt_u
          br_if 1 (;@1;)
          local.get 2
          i32.const 16
          i32.add
          i32.load align=1
          local.set 8
          local.get 2
          i32.const 12
          i32.add
          i32.load align=1
          local.set 9
          local.get 2
          i32.load align=1
          local.tee 10
          local.get 2
          i32.const 4
          i32.add
          i32.load align=1
          local.tee 11
          i64.extend_i32_u
          i64.const 2
          i64.shl
          call 4
          i32.eqz
          br_if 1 (;@1;)
          local.get 9
          local.get 8
          i64.extend_i32_u
          local.tee 12
          call 4
          i32.eqz
          br_if 1 (;@1;)
          local.get 6
          local.get 0
          i32.const 28
          i32.mul
          i32.add
          local.set 6
          i32.const 1
          i32.const 138487874
          i32.const 6636048
          local.get 7
          i32.const 2
          i32.shl
          i32.shr_u
          i32.const 7
          i32.and
          local.tee 7
          i32.const 2
          i32.shl
          i32.shr_u
          i32.const 15
          i32.and
          local.get 7
          i32.const 7
          i32.eq
          select
          i64.extend_i32_u
          local.set 13
          local.get 11
          local.set 5
          local.get 10
          local.set 2
          block ;; label = @3
            loop ;; label = @4
              local.get 5
              i32.eqz
              br_if 1 (;@3;)
              local.get 13
              local.get 2
              i64.load32_u align=1
              i64.mul
              local.tee 13
              i64.const 4294967296
              local.get 13
              i64.const 4294967296
              i64.lt_u
              select
              local.set 13
              local.get 5
              i32.const -1
              i32.add
              local.set 5
              local.get 2
              i32.const 4
              i32.add
              local.set 2
              br 0 (;@4;)
            end
          end
          block ;; label = @3
            local.get 13
            local.get 12
            i64.eq
            br_if 0 (;@3;)
            i32.const 1
            local.set 5
            br 2 (;@1;)
          end
          block ;; label = @3
            local.get 4
            i32.load offset=120
            local.tee 5
            i32.eqz
            br_if 0 (;@3;)
            local.get 4
            i32.load offset=124
            local.get 6
            i32.load offset=4
            local.tee 2
            i32.le_u
            br_if 0 (;@3;)
            local.get 5
            local.get 2
            i32.const 28
            i32.mul
            i32.add
            local.tee 5
            i32.load offset=24
            i32.eqz
            br_if 0 (;@3;)
            local.get 1
            local.get 5
            i32.load offset=16
            i32.lt_u
            br_if 0 (;@3;)
            i32.const 5
            local.set 5
            br 2 (;@1;)
          end
          i32.const 0
          local.set 0
          local.get 6
          i32.load offset=12
          local.tee 14
          i32.const 0
          local.get 6
          i32.load offset=8
          local.tee 15
          select
          i32.const 44
          i32.mul
          local.set 5
          local.get 6
          i32.const 8
          i32.add
          local.set 16
          local.get 15
          i32.const 4
          local.get 15
          select
          local.set 2
          block ;; label = @3
            block ;; label = @4
              loop ;; label = @5
                local.get 5
                i32.eqz
                br_if 1 (;@4;)
                block ;; label = @6
                  local.get 2
                  i32.load
                  local.get 1
                  i32.ne
                  br_if 0 (;@6;)
                  local.get 14
                  local.set 2
                  br 3 (;@3;)
                end
                local.get 5
                i32.const -44
                i32.add
                local.set 5
                local.get 0
                i32.const 1
                i32.add
                local.set 0
                local.get 2
                i32.const 44
                i32.add
                local.set 2
                br 0 (;@5;)
              end
            end
            local.get 3
            i32.const 0
            i32.store16 offset=44
            local.get 3
            i64.const 0
            i64.store offset=36 align=4
            local.get 3
            i64.const 0
            i64.store offset=12 align=4
            local.get 3
            local.get 7
            i32.store offset=8
            local.get 3
            local.get 1
            i32.store offset=4
            local.get 3
            i64.const 0
            i64.store offset=20 align=4
            local.get 3
            i64.const 0
            i64.store offset=28 align=4
            local.get 16
            local.get 4
            local.get 3
            i32.const 4
            i32.add
            i32.const 1
            i32.const 44
            call 0
            i32.eqz
            br_if 1 (;@2;)
            local.get 6
            i32.load offset=8
            local.set 15
            local.get 6
            i32.load offset=12
            local.set 2
            local.get 14
            local.set 0
          end
          i32.const 5
          local.set 5
          local.get 15
          i32.eqz
          br_if 1 (;@1;)
          local.get 2
          local.get 0
          i32.le_u
          br_if 1 (;@1;)
          local.get 15
          i32.const 4
          local.get 15
          select
          local.tee 2
          i32.eqz
          br_if 1 (;@1;)
          local.get 2
          local.get 0
          i32.const 44
          i32.mul
          i32.add
          local.tee 5
          i32.const 0
          i32.store offset=12
          local.get 5
          local.get 7
          i32.store offset=4
          local.get 5
          i32.const 8
          i32.add
          local.get 4
          local.get 10
          local.get 11
          i32.const 4
          call 0
          i32.eqz
          br_if 0 (;@2;)
          local.get 5
          i32.const 0
          i32.store offset=24
          i32.const 0
          i32.const 7
          local.get 5
          i32.const 20
          i32.add
          local.get 4
          local.get 9
          local.get 8
          i32.const 1
          call 0
          select
          local.set 5
          br 1 (;@1;)
        end
        i32.const 7
        local.set 5
      end
      local.get 3
      i32.const 48
      i32.add
      global.set $__stack_pointer
      local.get 5
    )
    (func (;8;) (type 5) (result i32)
      global.get $nn_state_ptr
    )
    (func (;9;) (type 0) (param i32)
      local.get 0
      global.set $nn_state_ptr
    )
    (func (;10;) (type 5) (result i32)
      global.get $allocation_state
    )
    (func (;11;) (type 0) (param i32)
      local.get 0
      global.set $allocation_state
    )
    (func $realloc_via_memory_grow (;12;) (type 8) (param i32 i32 i32 i32) (result i32)
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
    (func $allocate_stack (;13;) (type 9)
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
    (type (;0;) (func (param i32 i32 i32) (result i32)))
    (table (;0;) 1 1 funcref)
    (export "0" (func 0))
    (export "$imports" (table 0))
    (func (;0;) (type 0) (param i32 i32 i32) (result i32)
      local.get 0
      local.get 1
      local.get 2
      i32.const 0
      call_indirect (type 0)
    )
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core module $wit-component-fixup (;3;)
    (type (;0;) (func (param i32 i32 i32) (result i32)))
    (import "" "0" (func (;0;) (type 0)))
    (import "" "$imports" (table (;0;) 1 1 funcref))
    (elem (;0;) (i32.const 0) func 0)
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core instance $wit-component-shim-instance (;0;) (instantiate $wit-component-shim-module))
  (alias core export $wit-component-shim-instance "0" (core func $adapt-wasi_ephemeral_nn-set_input (;0;)))
  (core instance $wasi_ephemeral_nn (;1;)
    (export "set_input" (func $adapt-wasi_ephemeral_nn-set_input))
  )
  (core instance $main (;2;) (instantiate $main
      (with "wasi_ephemeral_nn" (instance $wasi_ephemeral_nn))
    )
  )
  (alias core export $main "memory" (core memory $memory (;0;)))
  (core instance $env (;3;)
    (export "memory" (memory $memory))
  )
  (core instance $"#core-instance4 wasi_ephemeral_nn" (@name "wasi_ephemeral_nn") (;4;) (instantiate $wit-component:adapter:wasi_ephemeral_nn
      (with "env" (instance $env))
    )
  )
  (alias core export $wit-component-shim-instance "$imports" (core table $"shim table" (;0;)))
  (alias core export $"#core-instance4 wasi_ephemeral_nn" "set_input" (core func $set_input (;1;)))
  (core instance $fixup-args (;5;)
    (export "$imports" (table $"shim table"))
    (export "0" (func $set_input))
  )
  (core instance $fixup (;6;) (instantiate $wit-component-fixup
      (with "" (instance $fixup-args))
    )
  )
  (@producers
    (processed-by "wit-component" "0.254.2")
  )
)

