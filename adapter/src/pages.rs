//! Which pages of linear memory the adapter owns (its state page and every
//! arena chunk from `memory.grow`), so that a guest pointer the adapter or
//! the host would write through can be refused when it overlaps them:
//! otherwise a guest could have its output written over the adapter's
//! state and make the next call trap inside the adapter.

use core::cell::Cell;

/// Bytes in a wasm page.
pub const PAGE: u64 = crate::convert::PAGE_SIZE as u64;

/// One bit per page of a 32-bit memory (65,536 pages): 8 KiB, kept in the
/// state page. All-zero (a fresh page) owns nothing. `Cell`s, because the
/// arena claims pages through a shared reference.
#[repr(C)]
pub struct PageMap([Cell<u32>; 2048]);

impl PageMap {
    /// Records pages `first .. first + count` as the adapter's.
    pub fn claim(&self, first: usize, count: usize) {
        for page in first..first + count {
            if let Some(word) = self.0.get(page / 32) {
                word.set(word.get() | 1 << (page % 32));
            }
        }
    }

    /// Whether `[ptr, ptr + len)` touches a page the adapter owns; an empty
    /// range touches none. Costs one step per page the range spans.
    #[inline(never)]
    pub fn overlaps(&self, ptr: u32, len: u64) -> bool {
        let start = u64::from(ptr);
        let mut page = start / PAGE;
        while len != 0 && page <= (start + len - 1) / PAGE {
            if self
                .0
                .get((page / 32) as usize)
                .is_some_and(|word| word.get() >> (page % 32) & 1 != 0)
            {
                return true;
            }
            page += 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> PageMap {
        PageMap(core::array::from_fn(|_| Cell::new(0)))
    }

    #[test]
    fn overlap_with_owned_pages() {
        let pages = map();
        assert_eq!(core::mem::size_of::<PageMap>(), 8192);
        assert!(!pages.overlaps(0, u64::from(u32::MAX) + 1));
        // The state page (say page 2) and a two-page arena chunk (33, 34).
        pages.claim(2, 1);
        pages.claim(33, 2);
        let at = |page: u64, offset: u64| (page * PAGE + offset) as u32;
        // Ranges ending right before or starting right after an owned page.
        assert!(!pages.overlaps(at(1, 0), PAGE));
        assert!(!pages.overlaps(at(3, 0), 30 * PAGE));
        assert!(!pages.overlaps(at(35, 0), 4));
        // Any byte of an owned page, from inside or straddling into it.
        assert!(pages.overlaps(at(2, 0), 1));
        assert!(pages.overlaps(at(2, PAGE - 4), 4));
        assert!(pages.overlaps(at(1, PAGE - 1), 2));
        assert!(pages.overlaps(at(32, PAGE - 2), 4));
        assert!(pages.overlaps(at(34, 100), 4));
        assert!(pages.overlaps(at(0, 0), 40 * PAGE));
        // Empty ranges never overlap, even inside an owned page.
        assert!(!pages.overlaps(at(2, 8), 0));
        // The last page of a 4 GiB memory, and ranges reaching its end.
        pages.claim(65535, 1);
        assert!(pages.overlaps(u32::MAX, 1));
        assert!(pages.overlaps(at(65534, 0), 2 * PAGE));
        assert!(!pages.overlaps(at(65534, 0), PAGE));
        // Claims past a 32-bit memory are ignored, not a panic.
        pages.claim(65536, 10);
    }
}
