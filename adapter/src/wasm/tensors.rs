//! What the exports and the target's inference share about tensors: the
//! guest's `tensor` record, checked, and the WIT name of an input or output.

use super::arena::{in_bounds, read_u32 as read};
use super::dialect;
use super::state::{Graph, ANY_RANK};
use crate::convert::{self, errno};
use crate::names;
use crate::names::ir_xml::{ANY_DIM, ANY_TYPE};

/// [`convert::tensor_bytes`] of the `len` dimensions (`u32`s) at `dims`.
/// Not inlined: `set_input` and `get_output` share it.
///
/// # Safety
/// `in_bounds(dims, 4 * len)` must hold.
#[inline(never)]
pub unsafe fn tensor_bytes_at(dims: u32, len: u32, element: u64) -> u64 {
    // SAFETY: every word read is in `[dims, dims + 4 * len)`, in bounds (the
    // caller's promise).
    convert::tensor_bytes((0..len).map(|i| unsafe { read(dims + i * 4) }), element)
}

/// A WITX `tensor` record read from guest memory and checked: every range
/// in bounds, a known type, and data exactly as long as its dimensions say.
pub struct GuestTensor {
    pub dims: u32,
    pub dims_len: u32,
    /// WIT `tensor-type`.
    pub ty: u32,
    pub data: u32,
    pub data_len: u32,
}

impl GuestTensor {
    /// Reads the record at `tensor`: dimensions (ptr, len) at 0, type (u8)
    /// at 8, data (ptr, len) at 12; 20 bytes. The errno for anything a WIT
    /// host could not take, in the reference's order: `invalid_argument`
    /// where the reference traps or panics (a bad type or pointer, a data
    /// length other than the dimensions say), `runtime_error` for no
    /// dimensions at all (OpenVINO refuses the shape before the reference
    /// compares the length).
    pub fn read(tensor: u32) -> Result<GuestTensor, u32> {
        if !in_bounds(tensor, 20) {
            return Err(errno::INVALID_ARGUMENT);
        }
        // SAFETY: the record is in bounds.
        let (dims, dims_len, witx_ty, data, data_len) = unsafe {
            (
                read(tensor),
                read(tensor + 4),
                read(tensor + 8) & 0xff,
                read(tensor + 12),
                read(tensor + 16),
            )
        };
        let Some(ty) = dialect::tensor_type(witx_ty) else {
            return Err(errno::INVALID_ARGUMENT);
        };
        if !in_bounds(dims, u64::from(dims_len) * 4) || !in_bounds(data, u64::from(data_len)) {
            return Err(errno::INVALID_ARGUMENT);
        }
        if dims_len == 0 {
            return Err(errno::RUNTIME_ERROR);
        }
        let element = convert::element_size(ty).unwrap_or(1);
        // SAFETY: the dimensions are in bounds.
        let bytes = unsafe { tensor_bytes_at(dims, dims_len, element) };
        if bytes != u64::from(data_len) {
            return Err(errno::INVALID_ARGUMENT);
        }
        Ok(GuestTensor {
            dims,
            dims_len,
            ty,
            data,
            data_len,
        })
    }

    /// Whether input `index` of `graph` is declared with another type, or a
    /// shape this tensor's does not fit (another rank, or another size where
    /// the size is given), than this tensor has: OpenVINO refuses such a
    /// tensor at the reference's `set_input`.
    pub fn mismatches(&self, graph: &Graph, index: u32) -> bool {
        let declared = graph.declared.as_slice();
        let word = |at: usize| declared.get(at).copied();
        let mut at = 0;
        for _ in 0..index {
            at += 2 + match word(at + 1) {
                Some(ANY_RANK) | None => 0,
                Some(rank) => rank as usize,
            };
        }
        let (Some(ty), Some(rank)) = (word(at), word(at + 1)) else {
            return false;
        };
        (ty != ANY_TYPE && ty != self.ty)
            || (rank != ANY_RANK
                && (rank != self.dims_len
                    // SAFETY: `read` checked the dimensions are in bounds.
                    || (0..rank).any(|k| {
                        let size = word(at + 2 + k as usize);
                        size != Some(ANY_DIM) && size != Some(unsafe { read(self.dims + 4 * k) })
                    })))
    }
}

/// The WIT name of input (or output) `index` of `graph`: the model's first
/// name for it when known, else its decimal index, written into `scratch`.
pub fn tensor_name<'a>(
    graph: Option<&'a Graph>,
    output: bool,
    index: u32,
    scratch: &'a mut [u8; 10],
) -> &'a [u8] {
    match model_names(graph, output, index).next() {
        Some(name) => name,
        None => convert::decimal(index, scratch),
    }
}

/// The model's names for input (or output) `index` of `graph`; none when
/// they are unknown.
pub fn model_names(graph: Option<&Graph>, output: bool, index: u32) -> names::TableNames<'_> {
    if let Some(g) = graph.filter(|g| g.named != 0) {
        let (first, count) = if output {
            (g.inputs, g.outputs)
        } else {
            (0, g.inputs)
        };
        if index < count {
            return names::table_names(g.names.as_slice(), first + index);
        }
    }
    Default::default()
}
