//! Byte-string helpers that keep data segments out of the adapter.
//!
//! An adapter module may not have data segments, and the obvious `core`
//! tools put constant bytes into one: a byte-string literal compared at run
//! time is a copy of its bytes in linear memory, and `core::str::from_utf8`
//! (like `is_ascii_*` tables and `memchr`) brings a lookup table. These
//! replacements compile to code and immediates only.

/// A byte string of at most 15 bytes packed into two integers at compile
/// time, so comparing against it needs no copy of the bytes in linear memory.
/// Always build it in a constant (see `key!`) so the literal only exists
/// during compilation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// Bytes 0..8, first byte lowest.
    lo: u64,
    /// The length in the low byte, then bytes 8..15: small for most keys,
    /// which keeps the constants short. (Two words, so a `Key` is passed in
    /// registers: a larger struct would be passed by reference to a constant
    /// in memory, i.e. a data segment.)
    hi: u64,
}

/// `key!(b"text")`: a [`Key`] evaluated at compile time.
#[macro_export]
macro_rules! key {
    ($s:literal) => {{
        const K: $crate::nodata::Key = $crate::nodata::Key::new($s);
        K
    }};
}

impl Key {
    pub const fn new(s: &[u8]) -> Key {
        assert!(s.len() < 16);
        let mut key = Key {
            lo: 0,
            hi: s.len() as u64,
        };
        let mut i = 0;
        while i < s.len() {
            if i < 8 {
                key.lo |= (s[i] as u64) << (8 * i);
            } else {
                key.hi |= (s[i] as u64) << (8 * (i - 7));
            }
            i += 1;
        }
        key
    }

    /// The key's length in bytes.
    pub(crate) fn len(self) -> usize {
        (self.hi & 0xff) as usize
    }

    /// Whether `s` starts with this key. Not inlined: one copy of the loop
    /// is smaller than one per call site.
    #[inline(never)]
    pub fn starts(self, s: &[u8]) -> bool {
        let Some(head) = s.get(..self.len()) else {
            return false;
        };
        // The key's bytes, lowest first: `lo`, then `hi` past its length.
        let (mut lo, mut hi) = (self.lo, self.hi >> 8);
        for &b in head {
            if b != lo as u8 {
                return false;
            }
            lo = lo >> 8 | hi << 56;
            hi >>= 8;
        }
        true
    }

    /// Whether `s` is exactly this key.
    pub fn is(self, s: &[u8]) -> bool {
        s.len() == self.len() && self.starts(s)
    }
}

/// `a == b`, written out: in the adapter this loop is a few bytes smaller
/// than the `memcmp` the slice comparison calls.
#[inline(never)]
pub fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while let Some(&x) = a.get(i) {
        if Some(&x) != b.get(i) {
            return false;
        }
        i += 1;
    }
    true
}

/// Strict UTF-8 check (what a WIT `string` must be). Written out because
/// `core::str::from_utf8` brings a 256-byte lookup table, i.e. a data
/// segment, into the adapter.
pub fn is_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        // The lead byte's leading ones: 0 for ASCII, 2 to 4 the length of
        // the sequence, 1 a stray continuation byte (refused below).
        let n = b.leading_ones();
        if n > 4 {
            return false;
        }
        let mut code = u32::from(b) & (0x7f >> n);
        let Some((more, tail)) = rest.split_at_checked(n.saturating_sub(1) as usize) else {
            return false;
        };
        rest = tail;
        for &c in more {
            if c & 0xc0 != 0x80 {
                return false;
            }
            code = code << 6 | u32::from(c & 0x3f);
        }
        // Overlong below 0x80, 0x800 or 0x10000 (nothing for ASCII); a
        // lone continuation byte (n = 1) is below 2^30.
        let min = 1u32 << (0x11_0c08_1f00u64 >> (8 * n)) as u8 >> 1;
        if code < min || code > 0x10ffff || (0xd800..0xe000).contains(&code) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_compares_without_a_copy() {
        let long = key!(b"output_names");
        assert!(long.is(b"output_names"));
        assert!(!long.is(b"output_name"));
        assert!(long.starts(b"output_names=\"a\""));
        assert!(!long.starts(b"output_namez"));
        assert!(key!(b"").is(b""));
    }

    #[test]
    fn same_is_slice_equality() {
        assert!(same(b"", b""));
        assert!(same(b"ab", b"ab"));
        assert!(!same(b"ab", b"ac"));
        assert!(!same(b"ab", b"a"));
        assert!(!same(b"a", b"ab"));
    }

    #[test]
    fn utf8_check_agrees_with_std() {
        let mut x = 0x9e37_79b9u32;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        for _ in 0..200_000 {
            let len = (next() % 6) as usize;
            // Bias towards bytes that matter for UTF-8.
            let bytes: Vec<u8> = (0..len)
                .map(|_| match next() % 4 {
                    0 => (next() % 0x80) as u8,
                    1 => 0x80 | (next() % 0x40) as u8,
                    _ => 0xc0 | (next() % 0x40) as u8,
                })
                .collect();
            assert_eq!(
                is_utf8(&bytes),
                std::str::from_utf8(&bytes).is_ok(),
                "{bytes:x?}"
            );
        }
        // Every two-byte string, and every three-byte one from a lead byte.
        for x in 0..0x100_0000u32 {
            let b = x.to_be_bytes();
            let s = if x < 0x1_0000 { &b[2..] } else { &b[1..] };
            if x < 0x1_0000 || s[0] >= 0xc0 {
                assert_eq!(is_utf8(s), std::str::from_utf8(s).is_ok(), "{s:x?}");
            }
        }
        // Every four-byte string of a 0xF0..=0xFF lead and continuations.
        for x in 0..0x40_0000u32 {
            let s = [
                0xf0 | (x >> 18) as u8,
                0x80 | (x >> 12) as u8 & 0x3f,
                0x80 | (x >> 6) as u8 & 0x3f,
                0x80 | x as u8 & 0x3f,
            ];
            assert_eq!(is_utf8(&s), std::str::from_utf8(&s).is_ok(), "{s:x?}");
        }
        for s in ["", "a", "é", "€", "𝄞", "\u{10ffff}", "\u{d7ff}", "\u{e000}"] {
            assert!(is_utf8(s.as_bytes()));
        }
        for bad in [
            &b"\xed\xa0\x80"[..],
            b"\xc0\x80",
            b"\xf4\x90\x80\x80",
            b"\xe2\x82",
            b"\xff",
        ] {
            assert!(!is_utf8(bad));
        }
    }
}
