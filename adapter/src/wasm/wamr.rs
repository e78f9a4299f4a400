//! WAMR's legacy `wasi_nn` module (WAMR's `wasi_nn.h`, deprecated there in
//! favour of `wasi_ephemeral_nn`), built instead of the ephemeral exports
//! with the cargo feature `wamr-wasi-nn`.
//!
//! Three of its six functions have the ephemeral ones' signatures and
//! meaning (`load_by_name`, `init_execution_context`, `compute`) and are
//! served by them. The other three lay their arguments out differently;
//! each one here reads WAMR's layout, writes the ephemeral one and calls the
//! ephemeral export, so that every check, errno and tensor name is the
//! ephemeral surface's:
//!
//! * `load(array, encoding, target, out)`: `array` points at
//!   `{ graph_builder *buf; u32 size }`;
//! * `set_input(context, index, tensor)`: a 12-byte tensor
//!   `{ tensor_dimensions *dims; u8 type + 3 pad; u8 *data }` with no data
//!   length: WAMR reads product(dims) fp32 elements, so the product times
//!   4 must fit 32 bits and lie in memory;
//! * `get_output(context, index, buf, size)`: `*size` is the room at `buf`
//!   on entry and the output's length on return, both in fp32 elements.
//!
//! Where this departs from WAMR, and why: docs/dialects.md.

use super::arena::{in_bounds, read_u32 as read, write_u32 as write};
use super::dialect;
use super::legacy::{legacy_get_output, legacy_load, legacy_set_input};
use crate::convert::{self, errno};

/// The bytes of one fp32 element, WAMR's unit for tensor data and output
/// lengths.
const FP32: u32 = 4;

/// WAMR `load(builder_array *array, encoding, target, graph *out)`.
#[export_name = "load"]
pub extern "C" fn wamr_load(array: u32, encoding: u32, target: u32, out: u32) -> u32 {
    if !in_bounds(array, 8) {
        return dialect::errno(errno::INVALID_ARGUMENT);
    }
    // SAFETY: the two words at `array` are in bounds.
    let (builders, count) = unsafe { (read(array), read(array + 4)) };
    legacy_load(builders, count, encoding, target, out)
}

/// WAMR `set_input(context, index, tensor *tensor)`: the 12-byte tensor as
/// the 20-byte ephemeral record, on the adapter's stack.
#[export_name = "set_input"]
pub extern "C" fn wamr_set_input(context: u32, index: u32, tensor: u32) -> u32 {
    match ephemeral_tensor(tensor) {
        Ok(record) => legacy_set_input(context, index, record.as_ptr() as u32),
        Err(err) => dialect::errno(err),
    }
}

/// The ephemeral record `{dims, rank, type, data, data_len}` for WAMR's
/// tensor at `tensor`, or the errno: `invalid_argument` for a record,
/// dimensions or data out of memory, and for dimensions whose fp32 bytes
/// overflow 32 bits. The data length is what the type's elements take
/// (WAMR's OpenVINO backend reads that much; fp32, its usual type, takes
/// all of it); an unknown type keeps the fp32 length, and the ephemeral
/// export refuses it.
fn ephemeral_tensor(tensor: u32) -> Result<[u32; 5], u32> {
    if !in_bounds(tensor, 12) {
        return Err(errno::INVALID_ARGUMENT);
    }
    // SAFETY: the record is in bounds.
    let (shape, ty, data) = unsafe { (read(tensor), read(tensor + 4) & 0xff, read(tensor + 8)) };
    if !in_bounds(shape, 8) {
        return Err(errno::INVALID_ARGUMENT);
    }
    // SAFETY: the `tensor_dimensions` pair is in bounds.
    let (dims, rank) = unsafe { (read(shape), read(shape + 4)) };
    if !in_bounds(dims, u64::from(rank) * 4) {
        return Err(errno::INVALID_ARGUMENT);
    }
    // SAFETY (both): the dimensions are in bounds.
    let size =
        |element| unsafe { convert::tensor_bytes((0..rank).map(|i| read(dims + i * 4)), element) };
    let fp32_bytes = size(u64::from(FP32));
    if fp32_bytes > u64::from(u32::MAX) || !in_bounds(data, fp32_bytes) {
        return Err(errno::INVALID_ARGUMENT);
    }
    let element = dialect::tensor_type(ty)
        .and_then(convert::element_size)
        .unwrap_or(u64::from(FP32));
    Ok([dims, rank, ty, data, size(element) as u32])
}

/// WAMR `get_output(context, index, buf, u32 *size)`: the room `*size`
/// counted in fp32 elements, and the length written back in them (the
/// output's bytes divided by 4, as WAMR computes it).
#[export_name = "get_output"]
pub extern "C" fn wamr_get_output(context: u32, index: u32, buf: u32, size: u32) -> u32 {
    if !in_bounds(size, 4) {
        return dialect::errno(errno::INVALID_ARGUMENT);
    }
    // SAFETY: `size` is in bounds.
    let Some(room) = unsafe { read(size) }.checked_mul(FP32) else {
        // Room for 4 GiB or more: not in memory.
        return dialect::errno(errno::INVALID_ARGUMENT);
    };
    let err = legacy_get_output(context, index, buf, room, size);
    // Success is 0 in every dialect.
    if err == errno::SUCCESS {
        // SAFETY: the ephemeral export wrote the byte length to `size`,
        // having checked it writable.
        unsafe { write(size, read(size) / FP32) };
    }
    err
}
