//! OpenVINO behind the [`Backend`](crate::Backend) seam.
//!
//! - [`library`] finds `libopenvino_c` (the PyPI wheel ships only a versioned
//!   file) and loads it once per process.
//! - `ffi` wraps the few C calls the `openvino` crate cannot make: tensors
//!   over host memory, so guest bytes are copied once per direction.
//! - `backend` is the [`OpenVino`] backend itself.

mod backend;
mod ffi;
pub mod library;

pub use backend::OpenVino;
