//! Thin owning wrappers over OpenVINO's C API (`openvino-sys`).
//!
//! The `openvino` crate 0.11 cannot wrap host memory in a tensor (it only
//! allocates and copies) and hides the raw request pointer, so the host binds
//! guest tensor bytes through these wrappers instead: inputs and outputs are
//! `ov_tensor_create_from_host_ptr` views over the host's own buffers, which
//! keeps the copy count at one per direction.

use anyhow::{bail, Context as _, Result};
use openvino_sys as sys;
use std::ffi::{c_char, CStr, CString};
use std::path::Path;
use std::ptr;
use std::sync::OnceLock;

/// The key of OpenVINO's `ov::cache_dir` property (`ov_property_key_cache_dir`,
/// a C variable the bindings do not declare).
const CACHE_DIR: &CStr = c"CACHE_DIR";

/// Turns an OpenVINO status into an error carrying OpenVINO's own message.
fn check(status: sys::ov_status_e, what: &str) -> Result<()> {
    if status == sys::ov_status_e::OK {
        return Ok(());
    }
    // SAFETY: OpenVINO returns a NUL-terminated, thread-local message (or null).
    let message = unsafe {
        let last = sys::ov_get_last_err_msg();
        if last.is_null() {
            String::new()
        } else {
            CStr::from_ptr(last).to_string_lossy().trim().to_string()
        }
    };
    bail!("{what} failed ({status:?}): {message}")
}

/// Takes ownership of a string OpenVINO allocated.
///
/// # Safety
/// `raw` must be a NUL-terminated string to be released with `ov_free`.
unsafe fn owned_string(raw: *mut c_char) -> String {
    // SAFETY: `raw` is NUL-terminated (this function's contract).
    let text = unsafe { CStr::from_ptr(raw) }
        .to_string_lossy()
        .into_owned();
    // SAFETY: OpenVINO allocated `raw`; it is freed once, after the copy.
    unsafe { sys::ov_free(raw) };
    text
}

/// The element types `wasi:nn` can name; OpenVINO's others are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    F16,
    F32,
    F64,
    Bf16,
    U8,
    I32,
    I64,
}

impl Element {
    /// Bytes per element.
    pub fn size(self) -> usize {
        match self {
            Element::U8 => 1,
            Element::F16 | Element::Bf16 => 2,
            Element::F32 | Element::I32 => 4,
            Element::F64 | Element::I64 => 8,
        }
    }

    fn to_ov(self) -> sys::ov_element_type_e {
        match self {
            Element::F16 => sys::ov_element_type_e::F16,
            Element::F32 => sys::ov_element_type_e::F32,
            Element::F64 => sys::ov_element_type_e::F64,
            Element::Bf16 => sys::ov_element_type_e::BF16,
            Element::U8 => sys::ov_element_type_e::U8,
            Element::I32 => sys::ov_element_type_e::I32,
            Element::I64 => sys::ov_element_type_e::I64,
        }
    }

    /// Maps OpenVINO's raw `ov_element_type_e` value; read as an integer so
    /// that element types newer than `openvino-sys`'s enum cannot be UB.
    fn from_raw(raw: u32) -> Result<Element, u32> {
        use sys::ov_element_type_e as E;
        Ok(match raw {
            x if x == E::F16 as u32 => Element::F16,
            x if x == E::F32 as u32 => Element::F32,
            x if x == E::F64 as u32 => Element::F64,
            x if x == E::BF16 as u32 => Element::Bf16,
            x if x == E::U8 as u32 => Element::U8,
            x if x == E::I32 as u32 => Element::I32,
            x if x == E::I64 as u32 => Element::I64,
            other => return Err(other),
        })
    }
}

/// A port's element type: one `wasi:nn` knows, or OpenVINO's raw code.
pub type PortElement = Result<Element, u32>;

/// What the host needs to know about one model input or output.
#[derive(Debug, Clone)]
pub struct Port {
    /// OpenVINO's "any name" of the port's tensor (the first of its names).
    pub name: Option<String>,
    pub element: PortElement,
    /// The static shape, or `None` when some dimension is dynamic.
    pub shape: Option<Vec<usize>>,
    /// OpenVINO's rendering of the (possibly dynamic) shape, for messages.
    pub shape_text: String,
}

/// An owned `ov_output_const_port_t`.
struct PortHandle(*mut sys::ov_output_const_port_t);

impl Drop for PortHandle {
    fn drop(&mut self) {
        // SAFETY: the pointer came from OpenVINO and is freed once.
        unsafe { sys::ov_output_const_port_free(self.0) }
    }
}

impl PortHandle {
    fn describe(&self) -> Result<Port> {
        let mut raw_name = ptr::null_mut();
        // SAFETY: valid port; on success the name is ours to free. A port
        // without names reports an error, which means "no name".
        let name = unsafe {
            (sys::ov_port_get_any_name(self.0, &mut raw_name) == sys::ov_status_e::OK
                && !raw_name.is_null())
            .then(|| owned_string(raw_name))
        };
        let mut element = 0u32;
        check(
            // SAFETY: `element` has the size and alignment of the `repr(u32)` enum.
            unsafe { sys::ov_port_get_element_type(self.0, (&mut element as *mut u32).cast()) },
            "reading a port's element type",
        )?;
        let mut partial = sys::ov_partial_shape_t {
            rank: sys::ov_dimension { min: 0, max: 0 },
            dims: ptr::null_mut(),
        };
        check(
            // SAFETY: valid port and out-parameter; freed below.
            unsafe { sys::ov_port_get_partial_shape(self.0, &mut partial) },
            "reading a port's shape",
        )?;
        // SAFETY: `partial` is initialised; the returned string is ours to free.
        let shape_text =
            unsafe { owned_string(sys::ov_partial_shape_to_string(partial).cast_mut()) };
        // SAFETY: as above; the converted shape is freed after copying it out.
        let shape = unsafe {
            if sys::ov_partial_shape_is_dynamic(partial) {
                None
            } else {
                let mut shape = sys::ov_shape_t {
                    rank: 0,
                    dims: ptr::null_mut(),
                };
                let converted = sys::ov_partial_shape_to_shape(partial, &mut shape);
                let dims = (converted == sys::ov_status_e::OK).then(|| shape_dims(&shape));
                if converted == sys::ov_status_e::OK {
                    sys::ov_shape_free(&mut shape);
                }
                dims
            }
        };
        // SAFETY: `partial` was filled by OpenVINO and is freed once.
        unsafe { sys::ov_partial_shape_free(&mut partial) };
        Ok(Port {
            name,
            element: Element::from_raw(element),
            shape,
            shape_text,
        })
    }
}

/// Copies the dimensions out of an `ov_shape_t`.
fn shape_dims(shape: &sys::ov_shape_t) -> Vec<usize> {
    if shape.rank == 0 {
        return Vec::new();
    }
    // SAFETY: OpenVINO's shape holds `rank` dimensions at `dims`.
    unsafe { std::slice::from_raw_parts(shape.dims, shape.rank as usize) }
        .iter()
        .map(|&d| d as usize)
        .collect()
}

/// The process-wide `ov::Core`; OpenVINO documents `ov::Core` as thread-safe.
pub struct Core(*mut sys::ov_core_t);

// SAFETY: ov::Core's methods are thread-safe (OpenVINO documentation).
unsafe impl Send for Core {}
// SAFETY: as for `Send`.
unsafe impl Sync for Core {}

static CORE: OnceLock<Core> = OnceLock::new();

impl Core {
    /// Loads the OpenVINO library if needed and returns the shared core
    /// (creating one costs about a millisecond and reads plugin metadata).
    pub fn get() -> Result<&'static Core> {
        super::library::load()?;
        if let Some(core) = CORE.get() {
            return Ok(core);
        }
        let mut raw = ptr::null_mut();
        check(
            // SAFETY: out-parameter; the core is owned by the static from here on.
            unsafe { sys::ov_core_create(&mut raw) },
            "creating an OpenVINO core",
        )?;
        let core = Core(raw);
        // A racing thread may have won; its core is used and ours is freed.
        if let Err(Core(ours)) = CORE.set(core) {
            // SAFETY: `ours` was never shared.
            unsafe { sys::ov_core_free(ours) };
        }
        Ok(CORE.get().expect("set above"))
    }

    /// Parses a model from memory. `weights` may be empty (no constants).
    pub fn read_model(&self, model: &[u8], weights: Option<&[u8]>) -> Result<Model> {
        // The weights are copied into an OpenVINO-owned tensor because the
        // model's constants may keep pointing into it after this call.
        let weights = weights.map(HostTensor::copy_of).transpose()?;
        let mut raw = ptr::null_mut();
        check(
            // SAFETY: `model` is valid for its length; `weights` outlives the call.
            unsafe {
                sys::ov_core_read_model_from_memory_buffer(
                    self.0,
                    model.as_ptr().cast(),
                    model.len(),
                    weights.as_ref().map_or(ptr::null(), |w| w.0.cast_const()),
                    &mut raw,
                )
            },
            "reading the model",
        )?;
        Ok(Model(raw))
    }

    /// Parses the model file at `path` with the frontend OpenVINO picks for
    /// it. The only way into the TensorFlow Lite frontend: from memory,
    /// OpenVINO 2026.4 offers its frontends a stream, which that one does not
    /// take, and from a file it takes only a name ending in `.tflite`.
    pub fn read_model_file(&self, path: &Path) -> Result<Model> {
        let path_c = CString::new(path.as_os_str().as_encoded_bytes())
            .with_context(|| format!("model path {} contains NUL", path.display()))?;
        let mut raw = ptr::null_mut();
        check(
            // SAFETY: valid core, NUL-terminated path; no weights file.
            unsafe { sys::ov_core_read_model(self.0, path_c.as_ptr(), ptr::null(), &mut raw) },
            "reading the model file",
        )?;
        Ok(Model(raw))
    }

    /// Compiles `model` for `device` ("CPU", "GPU"). With `cache_dir`,
    /// OpenVINO's model cache (the `CACHE_DIR` property of this compile
    /// only) stores the compiled blob there, keyed by a hash of the model
    /// and the device's settings, and imports it instead of compiling when
    /// it is already there.
    pub fn compile(
        &self,
        model: &Model,
        device: &str,
        cache_dir: Option<&Path>,
    ) -> Result<CompiledModel> {
        let what = format!("compiling the model for {device}");
        let device_c = CString::new(device).context("device name contains NUL")?;
        let mut raw = ptr::null_mut();
        match cache_dir.filter(|_| super::library::has_compile_model_props()) {
            None => check(
                // SAFETY: valid core and model; zero properties follow.
                unsafe {
                    sys::ov_core_compile_model(self.0, model.0, device_c.as_ptr(), 0, &mut raw)
                },
                &what,
            )?,
            Some(dir) => {
                let dir_c = CString::new(dir.as_os_str().as_encoded_bytes())
                    .with_context(|| format!("cache folder {} contains NUL", dir.display()))?;
                let properties = [sys::ov_property_t {
                    key: CACHE_DIR.as_ptr(),
                    value: dir_c.as_ptr().cast(),
                }];
                check(
                    // SAFETY: valid core and model; the property array and its
                    // strings outlive the call.
                    unsafe {
                        sys::ov_core_compile_model_props(
                            self.0,
                            model.0,
                            device_c.as_ptr(),
                            properties.len(),
                            properties.as_ptr(),
                            &mut raw,
                        )
                    },
                    &what,
                )?
            }
        }
        Ok(CompiledModel(raw))
    }

    /// The devices OpenVINO can use here (e.g. `["CPU"]`).
    pub fn available_devices(&self) -> Result<Vec<String>> {
        let mut list = sys::ov_available_devices_t {
            devices: ptr::null_mut(),
            size: 0,
        };
        check(
            // SAFETY: out-parameter, freed below after copying the names.
            unsafe { sys::ov_core_get_available_devices(self.0, &mut list) },
            "listing OpenVINO devices",
        )?;
        let names = (0..list.size)
            .map(|i| {
                // SAFETY: `list.devices` holds `size` NUL-terminated names.
                unsafe { CStr::from_ptr(*list.devices.add(i)) }
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        // SAFETY: filled by OpenVINO above, freed once.
        unsafe { sys::ov_available_devices_free(&mut list) };
        Ok(names)
    }
}

/// A parsed, not yet compiled model.
pub struct Model(*mut sys::ov_model_t);

impl Drop for Model {
    fn drop(&mut self) {
        // SAFETY: owned pointer, freed once.
        unsafe { sys::ov_model_free(self.0) }
    }
}

/// A model compiled for a device; shared by all contexts made from it.
pub struct CompiledModel(*mut sys::ov_compiled_model_t);

// SAFETY: ov::CompiledModel is thread-safe (creating requests, reading ports).
unsafe impl Send for CompiledModel {}
// SAFETY: as for `Send`.
unsafe impl Sync for CompiledModel {}

impl Drop for CompiledModel {
    fn drop(&mut self) {
        // SAFETY: owned pointer, freed once.
        unsafe { sys::ov_compiled_model_free(self.0) }
    }
}

impl Model {
    /// Describes every output in model order, as read (before compilation,
    /// which may already allocate static outputs).
    pub fn outputs(&self) -> Result<Vec<Port>> {
        let mut count = 0;
        check(
            // SAFETY: valid model and out-parameter.
            unsafe { sys::ov_model_outputs_size(self.0, &mut count) },
            "counting the model's outputs",
        )?;
        (0..count)
            .map(|index| {
                let mut raw = ptr::null_mut();
                check(
                    // SAFETY: `index` < count; the port is freed by `PortHandle`.
                    unsafe { sys::ov_model_const_output_by_index(self.0, index, &mut raw) },
                    "reading an output port",
                )?;
                PortHandle(raw).describe()
            })
            .collect()
    }
}

impl CompiledModel {
    /// Describes every input (`outputs == false`) or output, in model order.
    pub fn ports(&self, outputs: bool) -> Result<Vec<Port>> {
        let mut count = 0;
        check(
            // SAFETY: valid compiled model and out-parameter.
            unsafe {
                if outputs {
                    sys::ov_compiled_model_outputs_size(self.0, &mut count)
                } else {
                    sys::ov_compiled_model_inputs_size(self.0, &mut count)
                }
            },
            "counting the model's ports",
        )?;
        (0..count)
            .map(|index| {
                let mut raw = ptr::null_mut();
                check(
                    // SAFETY: `index` < count; the port is freed by `PortHandle`.
                    unsafe {
                        if outputs {
                            sys::ov_compiled_model_output_by_index(self.0, index, &mut raw)
                        } else {
                            sys::ov_compiled_model_input_by_index(self.0, index, &mut raw)
                        }
                    },
                    "reading a port",
                )?;
                PortHandle(raw).describe()
            })
            .collect()
    }

    /// Looks an input up by any of its tensor names (OpenVINO's own matching)
    /// and returns the port's "any name", which identifies it among `ports`.
    pub fn input_any_name(&self, name: &str) -> Option<String> {
        let name = CString::new(name).ok()?;
        let mut raw = ptr::null_mut();
        // SAFETY: valid model and NUL-terminated name; the port is freed by `PortHandle`.
        let status =
            unsafe { sys::ov_compiled_model_input_by_name(self.0, name.as_ptr(), &mut raw) };
        if status != sys::ov_status_e::OK {
            return None;
        }
        PortHandle(raw).describe().ok()?.name
    }

    pub fn create_infer_request(&self) -> Result<InferRequest> {
        let mut raw = ptr::null_mut();
        check(
            // SAFETY: valid model and out-parameter.
            unsafe { sys::ov_compiled_model_create_infer_request(self.0, &mut raw) },
            "creating an inference request",
        )?;
        Ok(InferRequest(raw))
    }
}

/// One inference request; used by one execution context at a time.
pub struct InferRequest(*mut sys::ov_infer_request_t);

// SAFETY: a request may move between threads; `&mut self` serialises its use.
unsafe impl Send for InferRequest {}

impl Drop for InferRequest {
    fn drop(&mut self) {
        // SAFETY: owned pointer, freed once.
        unsafe { sys::ov_infer_request_free(self.0) }
    }
}

impl InferRequest {
    /// Binds input `index` to `tensor`; the request keeps referencing the
    /// tensor's memory until another tensor is bound there, and reads it
    /// only inside [`InferRequest::infer`].
    pub fn set_input(&mut self, index: usize, tensor: &HostTensor) -> Result<()> {
        // SAFETY: valid request and tensor; OpenVINO takes its own reference.
        check(
            unsafe { sys::ov_infer_request_set_input_tensor_by_index(self.0, index, tensor.0) },
            "binding an input tensor",
        )
    }

    /// Binds output `index` to `tensor`, into which the next inference writes.
    pub fn set_output(&mut self, index: usize, tensor: &HostTensor) -> Result<()> {
        // SAFETY: as for `set_input`.
        check(
            unsafe { sys::ov_infer_request_set_output_tensor_by_index(self.0, index, tensor.0) },
            "binding an output tensor",
        )
    }

    pub fn infer(&mut self) -> Result<()> {
        // SAFETY: valid request; every bound buffer is kept alive by the caller.
        check(unsafe { sys::ov_infer_request_infer(self.0) }, "inference")
    }

    /// The tensor output `index` holds after inference.
    pub fn output(&self, index: usize) -> Result<HostTensor> {
        let mut raw = ptr::null_mut();
        check(
            // SAFETY: valid request; the returned tensor handle is ours to free.
            unsafe { sys::ov_infer_request_get_output_tensor_by_index(self.0, index, &mut raw) },
            "reading an output tensor",
        )?;
        Ok(HostTensor(raw))
    }
}

/// An owned `ov_tensor_t` handle: either OpenVINO's memory or a view of a
/// host buffer that the caller keeps alive for as long as OpenVINO uses it.
pub struct HostTensor(*mut sys::ov_tensor_t);

impl Drop for HostTensor {
    fn drop(&mut self) {
        // SAFETY: owned handle, freed once (OpenVINO refcounts the storage).
        unsafe { sys::ov_tensor_free(self.0) }
    }
}

fn ov_shape(dims: &[usize]) -> Result<sys::ov_shape_t> {
    let dims = dims.iter().map(|&d| d as i64).collect::<Vec<_>>();
    let mut shape = sys::ov_shape_t {
        rank: 0,
        dims: ptr::null_mut(),
    };
    check(
        // SAFETY: `dims` is valid for `len` values; OpenVINO copies them.
        unsafe { sys::ov_shape_create(dims.len() as i64, dims.as_ptr(), &mut shape) },
        "creating a shape",
    )?;
    Ok(shape)
}

impl HostTensor {
    /// Wraps `len(dims) × element size` bytes at `data` without copying.
    ///
    /// # Safety
    /// `data` must be valid (and unaliased by writers, for outputs) whenever
    /// OpenVINO uses the tensor: in every [`InferRequest::infer`] of a
    /// request that binds it.
    pub unsafe fn view(element: Element, dims: &[usize], data: *mut u8) -> Result<HostTensor> {
        let mut shape = ov_shape(dims)?;
        let mut raw = ptr::null_mut();
        // SAFETY: the caller guarantees `data`; the shape is copied and freed.
        let status = unsafe {
            sys::ov_tensor_create_from_host_ptr(element.to_ov(), shape, data.cast(), &mut raw)
        };
        // SAFETY: created above, freed once.
        unsafe { sys::ov_shape_free(&mut shape) };
        check(status, "wrapping tensor memory")?;
        Ok(HostTensor(raw))
    }

    /// An OpenVINO-owned `u8[len]` tensor holding a copy of `bytes`.
    fn copy_of(bytes: &[u8]) -> Result<HostTensor> {
        let mut shape = ov_shape(&[bytes.len()])?;
        let mut raw = ptr::null_mut();
        // SAFETY: out-parameter; the shape is freed below.
        let status = unsafe { sys::ov_tensor_create(sys::ov_element_type_e::U8, shape, &mut raw) };
        // SAFETY: created above, freed once.
        unsafe { sys::ov_shape_free(&mut shape) };
        check(status, "allocating the weights tensor")?;
        let tensor = HostTensor(raw);
        if !bytes.is_empty() {
            // SAFETY: the tensor owns `bytes.len()` bytes at `data_ptr`.
            unsafe { ptr::copy_nonoverlapping(bytes.as_ptr(), tensor.data_ptr()?, bytes.len()) };
        }
        Ok(tensor)
    }

    /// Where the tensor's bytes live.
    pub fn data_ptr(&self) -> Result<*mut u8> {
        let mut data = ptr::null_mut();
        check(
            // SAFETY: valid tensor and out-parameter.
            unsafe { sys::ov_tensor_data(self.0, &mut data) },
            "reading tensor data",
        )?;
        Ok(data.cast())
    }

    pub fn byte_size(&self) -> Result<usize> {
        let mut size = 0;
        check(
            // SAFETY: valid tensor and out-parameter.
            unsafe { sys::ov_tensor_get_byte_size(self.0, &mut size) },
            "reading tensor size",
        )?;
        Ok(size)
    }

    pub fn dims(&self) -> Result<Vec<usize>> {
        let mut shape = sys::ov_shape_t {
            rank: 0,
            dims: ptr::null_mut(),
        };
        check(
            // SAFETY: valid tensor; the shape is freed after copying it out.
            unsafe { sys::ov_tensor_get_shape(self.0, &mut shape) },
            "reading tensor shape",
        )?;
        let dims = shape_dims(&shape);
        // SAFETY: filled by OpenVINO above, freed once.
        unsafe { sys::ov_shape_free(&mut shape) };
        Ok(dims)
    }

    pub fn element(&self) -> Result<PortElement> {
        let mut element = 0u32;
        check(
            // SAFETY: `element` has the layout of the `repr(u32)` enum.
            unsafe { sys::ov_tensor_get_element_type(self.0, (&mut element as *mut u32).cast()) },
            "reading tensor element type",
        )?;
        Ok(Element::from_raw(element))
    }

    /// The tensor's bytes (valid while `self` and its storage live).
    pub fn bytes(&self) -> Result<&[u8]> {
        let size = self.byte_size()?;
        if size == 0 {
            return Ok(&[]);
        }
        // SAFETY: OpenVINO's storage holds `size` bytes at `data_ptr`.
        Ok(unsafe { std::slice::from_raw_parts(self.data_ptr()?, size) })
    }
}
