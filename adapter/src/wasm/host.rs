//! The WIT imports, written by hand against the canonical ABI (core
//! signatures as wit-component lowers them with `string-encoding=utf8`).
//!
//! Hand-written rather than generated because generated glue allocates
//! through a global allocator (`list<list<u8>>` parameters, returned lists),
//! and because the adapter wants to control exactly where returned lists
//! land: every list or string the host returns is allocated through the
//! adapter's `cabi_import_realloc`. Results that do not fit in one core value
//! go to a return area: for `result<T, error>` a discriminant byte at offset
//! 0 and the payload at offset 4.

#[link(wasm_import_module = "wasi:nn/graph@0.2.0-rc-2024-10-28")]
extern "C" {
    /// `load(list<list<u8>>, graph-encoding, execution-target) -> result<graph, error>`
    #[link_name = "load"]
    pub fn load(builders: u32, builders_len: u32, encoding: u32, target: u32, ret: *mut u32);
    /// `load-by-name(string) -> result<graph, error>`
    #[link_name = "load-by-name"]
    pub fn load_by_name(name: u32, name_len: u32, ret: *mut u32);
    /// `graph.init-execution-context() -> result<graph-execution-context, error>`
    #[link_name = "[method]graph.init-execution-context"]
    pub fn init_execution_context(graph: u32, ret: *mut u32);
}

#[link(wasm_import_module = "wasi:nn/inference@0.2.0-rc-2024-10-28")]
extern "C" {
    /// `graph-execution-context.compute(list<tuple<string, tensor>>) ->
    /// result<list<tuple<string, tensor>>, error>`; the input tensors are
    /// moved to the host.
    #[link_name = "[method]graph-execution-context.compute"]
    pub fn compute(context: u32, inputs: u32, inputs_len: u32, ret: *mut u32);
}

#[link(wasm_import_module = "wasi:nn/tensor@0.2.0-rc-2024-10-28")]
extern "C" {
    /// `tensor(dimensions: list<u32>, ty: tensor-type, data: list<u8>)`
    #[link_name = "[constructor]tensor"]
    pub fn tensor_new(dims: u32, dims_len: u32, ty: u32, data: u32, data_len: u32) -> u32;
    /// `tensor.dimensions() -> list<u32>`
    #[link_name = "[method]tensor.dimensions"]
    pub fn tensor_dimensions(tensor: u32, ret: *mut u32);
    /// `tensor.ty() -> tensor-type`
    #[link_name = "[method]tensor.ty"]
    pub fn tensor_ty(tensor: u32) -> u32;
    /// `tensor.data() -> list<u8>`
    #[link_name = "[method]tensor.data"]
    pub fn tensor_data(tensor: u32, ret: *mut u32);
    #[link_name = "[resource-drop]tensor"]
    pub fn tensor_drop(tensor: u32);
}

#[link(wasm_import_module = "wasi:nn/errors@0.2.0-rc-2024-10-28")]
extern "C" {
    /// `error.code() -> error-code`
    #[link_name = "[method]error.code"]
    pub fn error_code(error: u32) -> u32;
    #[link_name = "[resource-drop]error"]
    pub fn error_drop(error: u32);
}

/// Reads the WIT error code of `error` and drops the resource, so that no
/// error handle outlives the call that produced it.
pub fn take_error(error: u32) -> u32 {
    // SAFETY: `error` is an owned `error` handle just returned by the host.
    unsafe {
        let code = error_code(error);
        error_drop(error);
        code
    }
}
