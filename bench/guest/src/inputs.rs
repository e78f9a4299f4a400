//! The inputs, shared by source with the bench's native variant
//! (`bench/src/main.rs` includes this file), so that every variant computes
//! on the same input: seeded values, or a raw tensor file.

/// The f32 values of a raw little-endian tensor file.
pub fn f32_from_le_bytes(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// xorshift64* mapped to [0, 1): deterministic inputs.
pub fn seeded_f32(seed: u64, n: usize) -> Vec<f32> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            s ^= s >> 12;
            s ^= s << 25;
            s ^= s >> 27;
            let r = s.wrapping_mul(0x2545_F491_4F6C_DD1D);
            (r >> 40) as f32 / (1u64 << 24) as f32
        })
        .collect()
}
