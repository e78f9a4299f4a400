//! Block sizes and free-list choice of the adapter's arena (`wasm/arena.rs`),
//! pure so they are unit-tested on the host.
//!
//! A block is an 8-byte header holding the block's size in bytes, then the
//! payload. Blocks of up to 32 KiB come in power-of-two size classes (16 B
//! … 32 KiB), cut from a bump region; larger ones take a whole number of
//! 64 KiB pages of their own. Each class has a free list, and all large
//! blocks share one.

/// Bytes in a wasm page.
pub const PAGE: u32 = crate::convert::PAGE_SIZE;
/// Bytes before the payload; the first word holds the block's size.
pub const HEADER: u32 = 8;
/// Small classes 0..CLASSES hold 16 << class bytes (header included).
pub const CLASSES: usize = 12;
/// The free list of large blocks, after the classes'.
pub const LARGE: usize = CLASSES;
/// Free lists in all.
pub const LISTS: usize = LARGE + 1;

/// The block size for `size` payload bytes: the smallest class that holds
/// them with the header, else whole pages; `None` past a 32-bit memory.
pub fn block_bytes(size: usize) -> Option<u32> {
    let total = u32::try_from(size).ok()?.checked_add(HEADER)?;
    if total > 16 << (CLASSES - 1) {
        ((total - 1) | (PAGE - 1)).checked_add(1)
    } else {
        // The smallest power of two at least `total` and 16.
        Some((u32::MAX >> ((total - 1) | 15).leading_zeros()) + 1)
    }
}

/// The free list of blocks of `bytes` (a size from [`block_bytes`]).
pub fn list_of(bytes: u32) -> usize {
    (bytes.trailing_zeros() as usize - 4).min(LARGE)
}

/// Chooses the free block for a request of `bytes`: the smallest block on
/// the list at least that large (the first one at an exact fit). A list is
/// a chain of links: the head is the word at `head`, a block's link the
/// word right after its header, 0 ends it, and `load` reads a word. Returns
/// the address of the link that points at the chosen block, for unlinking
/// it, or 0 for none (`head` is not 0).
pub fn best_fit(head: u32, bytes: u32, load: impl Fn(u32) -> u32) -> u32 {
    let (mut link, mut best, mut excess) = (head, 0, u32::MAX);
    loop {
        let block = load(link);
        if block == 0 {
            return best;
        }
        let size = load(block);
        if size >= bytes && size - bytes < excess {
            best = link;
            excess = size - bytes;
            if excess == 0 {
                return best;
            }
        }
        link = block + HEADER;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_requests_take_a_power_of_two_class() {
        assert_eq!(block_bytes(0), Some(16));
        assert_eq!(block_bytes(8), Some(16));
        assert_eq!(block_bytes(9), Some(32));
        assert_eq!(block_bytes(1000), Some(1024));
        assert_eq!(block_bytes(32768 - 8), Some(32768));
    }

    #[test]
    fn large_requests_take_whole_pages() {
        // Just past the largest class: one page, header included.
        assert_eq!(block_bytes(32768 - 7), Some(PAGE));
        assert_eq!(block_bytes(65536 - 8), Some(PAGE));
        assert_eq!(block_bytes(65536 - 7), Some(2 * PAGE));
        // A 16 MiB tensor costs one page more, not a 32 MiB block.
        assert_eq!(block_bytes(16 << 20), Some((16 << 20) + PAGE));
    }

    #[test]
    fn requests_past_a_32_bit_memory_fail() {
        let last_page = (u32::MAX - PAGE + 1) as usize;
        assert_eq!(block_bytes(last_page - 8), Some(u32::MAX - PAGE + 1));
        assert_eq!(block_bytes(last_page - 7), None);
        assert_eq!(block_bytes(u32::MAX as usize - 7), None);
        assert_eq!(block_bytes(u32::MAX as usize + 1), None);
    }

    #[test]
    fn each_class_and_large_blocks_have_their_own_list() {
        assert_eq!(list_of(16), 0);
        assert_eq!(list_of(32), 1);
        assert_eq!(list_of(32768), CLASSES - 1);
        assert_eq!(list_of(PAGE), LARGE);
        assert_eq!(list_of(3 * PAGE), LARGE);
        assert_eq!(list_of(257 * PAGE), LARGE);
        assert_eq!(list_of(u32::MAX - PAGE + 1), LARGE);
    }

    /// A memory of words holding a free list with its head at address 4 and
    /// blocks of `sizes` at 16, 32, …; the answer is the chosen block's
    /// address.
    fn choose(sizes: &[u32], bytes: u32) -> Option<u32> {
        let mut words = vec![0u32; 4 * (sizes.len() + 1)];
        let mut link = 4;
        for (i, size) in sizes.iter().enumerate() {
            let block = 16 * (i as u32 + 1);
            words[link as usize / 4] = block;
            words[block as usize / 4] = *size;
            link = block + HEADER;
        }
        let load = |addr: u32| words[addr as usize / 4];
        let link = best_fit(4, bytes, load);
        (link != 0).then(|| load(link))
    }

    #[test]
    fn an_empty_list_has_no_block() {
        assert_eq!(choose(&[], PAGE), None);
    }

    #[test]
    fn a_list_without_a_block_large_enough_has_none() {
        assert_eq!(choose(&[PAGE, 2 * PAGE], 3 * PAGE), None);
    }

    #[test]
    fn the_first_exact_fit_is_taken() {
        assert_eq!(choose(&[4 * PAGE, 2 * PAGE, 2 * PAGE], 2 * PAGE), Some(32));
    }

    #[test]
    fn the_smallest_block_large_enough_is_taken() {
        assert_eq!(
            choose(&[8 * PAGE, PAGE, 3 * PAGE, 5 * PAGE], 2 * PAGE),
            Some(48)
        );
    }

    #[test]
    fn of_equal_blocks_the_first_is_taken() {
        assert_eq!(choose(&[PAGE, 4 * PAGE, 4 * PAGE], 3 * PAGE), Some(32));
    }

    #[test]
    fn the_head_block_is_taken_when_it_fits_best() {
        assert_eq!(choose(&[2 * PAGE, 8 * PAGE], PAGE), Some(16));
    }

    #[test]
    fn a_small_class_takes_its_first_block() {
        assert_eq!(choose(&[64, 64, 64], 64), Some(16));
    }
}
