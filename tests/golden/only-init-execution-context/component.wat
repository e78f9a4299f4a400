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
  (type $ty-wasi:nn/inference@0.2.0-rc-2024-10-28 (;1;)
    (instance
      (export (;0;) "graph-execution-context" (type (sub resource)))
    )
  )
  (import "wasi:nn/inference@0.2.0-rc-2024-10-28" (instance $wasi:nn/inference@0.2.0-rc-2024-10-28 (;1;) (type $ty-wasi:nn/inference@0.2.0-rc-2024-10-28)))
  (alias export $wasi:nn/inference@0.2.0-rc-2024-10-28 "graph-execution-context" (type $graph-execution-context (;2;)))
  (alias export $wasi:nn/errors@0.2.0-rc-2024-10-28 "error" (type $error (;3;)))
  (type $ty-wasi:nn/graph@0.2.0-rc-2024-10-28 (;4;)
    (instance
      (export (;0;) "graph" (type (sub resource)))
      (alias outer 1 $graph-execution-context (type (;1;)))
      (export (;2;) "graph-execution-context" (type (eq 1)))
      (alias outer 1 $error (type (;3;)))
      (export (;4;) "error" (type (eq 3)))
      (type (;5;) (borrow 0))
      (type (;6;) (own 2))
      (type (;7;) (own 4))
      (type (;8;) (result 6 (error 7)))
      (type (;9;) (func (param "self" 5) (result 8)))
      (export (;0;) "[method]graph.init-execution-context" (func (type 9)))
    )
  )
  (import "wasi:nn/graph@0.2.0-rc-2024-10-28" (instance $wasi:nn/graph@0.2.0-rc-2024-10-28 (;2;) (type $ty-wasi:nn/graph@0.2.0-rc-2024-10-28)))
  (core module $main (;0;)
    (type (;0;) (func (param i32 i32) (result i32)))
    (type (;1;) (func (result i32)))
    (import "wasi_ephemeral_nn" "init_execution_context" (func $init_execution_context (;0;) (type 0)))
    (memory (;0;) 1)
    (export "memory" (memory 0))
    (export "infer" (func 1))
    (func (;1;) (type 1) (result i32)
      i32.const 0
      i32.const 0
      call $init_execution_context
    )
  )
  (core module $wit-component:adapter:wasi_ephemeral_nn (;1;)
    (type (;0;) (func (param i32) (result i32)))
    (type (;1;) (func (param i32)))
    (type (;2;) (func (param i32 i32 i32 i32 i32) (result i32)))
    (type (;3;) (func (param i32 i32)))
    (type (;4;) (func (param i32 i32) (result i32)))
    (type (;5;) (func (param i32 i64) (result i32)))
    (type (;6;) (func (result i32)))
    (type (;7;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;8;) (func (param i32 i32 i32) (result i32)))
    (type (;9;) (func (param i32 i32 i32 i32) (result i32)))
    (type (;10;) (func))
    (import "env" "memory" (memory (;0;) 0))
    (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[method]error.code" (func (;0;) (type 0)))
    (import "wasi:nn/errors@0.2.0-rc-2024-10-28" "[resource-drop]error" (func (;1;) (type 1)))
    (import "wasi:nn/graph@0.2.0-rc-2024-10-28" "[method]graph.init-execution-context" (func (;2;) (type 3)))
    (global $__stack_pointer (;0;) (mut i32) i32.const 0)
    (global $nn_state_ptr (;1;) (mut i32) i32.const 0)
    (global $allocation_state (;2;) (mut i32) i32.const 0)
    (export "cabi_import_realloc" (func 10))
    (export "init_execution_context" (func 11))
    (start $allocate_stack)
    (func (;3;) (type 2) (param i32 i32 i32 i32 i32) (result i32)
      (local i32 i32)
      block ;; label = @1
        local.get 0
        local.get 1
        local.get 3
        local.get 4
        local.get 0
        i32.load offset=4
        call 4
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
    (func (;4;) (type 2) (param i32 i32 i32 i32 i32) (result i32)
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
          call 5
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
            call 6
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
    (func (;5;) (type 4) (param i32 i32) (result i32)
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
    (func (;6;) (type 3) (param i32 i32)
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
    (func (;7;) (type 5) (param i32 i64) (result i32)
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
    (func (;8;) (type 6) (result i32)
      (local i32)
      block ;; label = @1
        call 14
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
        call 13
        i32.const 3
        call 15
      end
      call 12
    )
    (func (;9;) (type 8) (param i32 i32 i32) (result i32)
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
    (func (;10;) (type 7) (param i32 i32 i32 i32) (result i32)
      (local i32)
      block ;; label = @1
        block ;; label = @2
          call 8
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
    (func (;11;) (type 4) (param i32 i32) (result i32)
      (local i32 i32 i32 i32 i32)
      global.get $__stack_pointer
      i32.const 32
      i32.sub
      local.tee 2
      global.set $__stack_pointer
      block ;; label = @1
        block ;; label = @2
          call 8
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
            call 7
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
          call 4
          i32.eqz
          br_if 0 (;@2;)
          local.get 4
          local.get 3
          i32.const 144
          i32.add
          call 2
          local.get 3
          i32.load offset=144
          local.get 3
          i32.const 148
          i32.add
          local.tee 6
          i32.load
          i32.const 2
          call 9
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
          call 3
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
    (func (;12;) (type 6) (result i32)
      global.get $nn_state_ptr
    )
    (func (;13;) (type 1) (param i32)
      local.get 0
      global.set $nn_state_ptr
    )
    (func (;14;) (type 6) (result i32)
      global.get $allocation_state
    )
    (func (;15;) (type 1) (param i32)
      local.get 0
      global.set $allocation_state
    )
    (func $realloc_via_memory_grow (;16;) (type 9) (param i32 i32 i32 i32) (result i32)
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
    (func $allocate_stack (;17;) (type 10)
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
    (type (;1;) (func (param i32 i32)))
    (table (;0;) 2 2 funcref)
    (export "0" (func 0))
    (export "1" (func 1))
    (export "$imports" (table 0))
    (func (;0;) (type 0) (param i32 i32) (result i32)
      local.get 0
      local.get 1
      i32.const 0
      call_indirect (type 0)
    )
    (func (;1;) (type 1) (param i32 i32)
      local.get 0
      local.get 1
      i32.const 1
      call_indirect (type 1)
    )
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core module $wit-component-fixup (;3;)
    (type (;0;) (func (param i32 i32) (result i32)))
    (type (;1;) (func (param i32 i32)))
    (import "" "0" (func (;0;) (type 0)))
    (import "" "1" (func (;1;) (type 1)))
    (import "" "$imports" (table (;0;) 2 2 funcref))
    (elem (;0;) (i32.const 0) func 0 1)
    (@producers
      (processed-by "wit-component" "0.254.2")
    )
  )
  (core instance $wit-component-shim-instance (;0;) (instantiate $wit-component-shim-module))
  (alias core export $wit-component-shim-instance "0" (core func $adapt-wasi_ephemeral_nn-init_execution_context (;0;)))
  (core instance $wasi_ephemeral_nn (;1;)
    (export "init_execution_context" (func $adapt-wasi_ephemeral_nn-init_execution_context))
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
  (alias export $wasi:nn/errors@0.2.0-rc-2024-10-28 "error" (type $"#type5 error" (@name "error") (;5;)))
  (core func $resource.drop (;2;) (canon resource.drop $"#type5 error"))
  (core instance $wasi:nn/errors@0.2.0-rc-2024-10-28 (;4;)
    (export "[method]error.code" (func $"[method]error.code"))
    (export "[resource-drop]error" (func $resource.drop))
  )
  (alias core export $wit-component-shim-instance "1" (core func $"indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-[method]graph.init-execution-context" (;3;)))
  (core instance $wasi:nn/graph@0.2.0-rc-2024-10-28 (;5;)
    (export "[method]graph.init-execution-context" (func $"indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-[method]graph.init-execution-context"))
  )
  (core instance $"#core-instance6 wasi_ephemeral_nn" (@name "wasi_ephemeral_nn") (;6;) (instantiate $wit-component:adapter:wasi_ephemeral_nn
      (with "env" (instance $env))
      (with "wasi:nn/errors@0.2.0-rc-2024-10-28" (instance $wasi:nn/errors@0.2.0-rc-2024-10-28))
      (with "wasi:nn/graph@0.2.0-rc-2024-10-28" (instance $wasi:nn/graph@0.2.0-rc-2024-10-28))
    )
  )
  (alias core export $wit-component-shim-instance "$imports" (core table $"shim table" (;0;)))
  (alias core export $"#core-instance6 wasi_ephemeral_nn" "init_execution_context" (core func $init_execution_context (;4;)))
  (alias export $wasi:nn/graph@0.2.0-rc-2024-10-28 "[method]graph.init-execution-context" (func $"[method]graph.init-execution-context" (;1;)))
  (alias core export $"#core-instance6 wasi_ephemeral_nn" "cabi_import_realloc" (core func $realloc (;5;)))
  (core func $"#core-func6 indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-[method]graph.init-execution-context" (@name "indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-[method]graph.init-execution-context") (;6;) (canon lower (func $"[method]graph.init-execution-context") (memory $memory)))
  (core instance $fixup-args (;7;)
    (export "$imports" (table $"shim table"))
    (export "0" (func $init_execution_context))
    (export "1" (func $"#core-func6 indirect-wasi:nn/graph@0.2.0-rc-2024-10-28-[method]graph.init-execution-context"))
  )
  (core instance $fixup (;8;) (instantiate $wit-component-fixup
      (with "" (instance $fixup-args))
    )
  )
  (@producers
    (processed-by "wit-component" "0.254.2")
  )
)

