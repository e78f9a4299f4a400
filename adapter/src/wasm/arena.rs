//! The adapter's own allocator over pages it obtains with `memory.grow`.
//!
//! wit-component's fallback `cabi_realloc` serves exactly one 64 KiB page and
//! the main module's allocator may not exist, so the adapter grows memory
//! itself and keeps what it frees. Block sizes and the free-list choice are
//! in [`crate::blocks`]: blocks of up to 32 KiB come in power-of-two classes
//! cut from a bump region, larger ones take whole pages grown for them. A
//! freed block goes on its list and is handed out again before any new
//! memory is taken, whole: a large block serves any request it holds (the
//! smallest such one is chosen) and keeps its size. A workload that repeats
//! the same calls therefore reaches a fixed footprint and stops growing
//! memory.
//!
//! Pages returned by `memory.grow` belong to the adapter alone; the main
//! module's allocator never hands them out. They need not be contiguous (the
//! guest grows memory too); a page that does not follow the bump region
//! replaces it.

use crate::blocks::{best_fit, block_bytes, list_of, HEADER, LARGE, LISTS, PAGE};
use crate::pages::PageMap;
use core::arch::wasm32::{memory_grow, memory_size};
use core::cell::Cell;
use core::marker::PhantomData;
use core::mem::size_of;
use core::ptr::NonNull;

/// Free lists and the current bump region. All-zero is a valid empty arena,
/// which is what a fresh page contains. Every field is a `Cell`, so the
/// arena works through a shared reference: the running export and
/// `cabi_import_realloc` (called by the host in the middle of that export)
/// both use it (see `state.rs`).
#[repr(C)]
pub struct Arena {
    free: [Cell<u32>; LISTS],
    bump: Cell<u32>,
    end: Cell<u32>,
    /// Every page taken for the state and the arena.
    pub pages: PageMap,
}

/// The word at `addr`, a free-list link or a block header.
///
/// # Safety
/// `addr` must be a link or header of this arena.
unsafe fn word(addr: u32) -> u32 {
    // SAFETY: a link or header of this arena is an aligned word of a block
    // the arena owns (the caller's promise).
    unsafe { *(addr as *const u32) }
}

impl Arena {
    /// Makes `[start, end)` the bump region (used once for the rest of the
    /// state page).
    pub fn init(&self, start: usize, end: usize) {
        self.bump.set(start as u32);
        self.end.set(end as u32);
    }

    /// A block with at least `size` payload bytes, 8-aligned; `None` when
    /// memory cannot grow. (`NonNull`, so the answer fits in one value.)
    pub fn alloc(&self, size: usize) -> Option<NonNull<u8>> {
        let bytes = block_bytes(size)?;
        let head = self.free.get(list_of(bytes))?;
        // SAFETY: the lists link only free blocks of ours, whose headers
        // hold their sizes.
        let link = best_fit(head.as_ptr() as u32, bytes, |addr| unsafe { word(addr) });
        let block = if link != 0 {
            // SAFETY: `link` points at the chosen block; it takes the
            // block's own link, which unlinks the block.
            unsafe {
                let block = word(link);
                *(link as *mut u32) = word(block + HEADER);
                block
            }
        } else {
            // A large block takes pages of its own; a small one is cut from
            // the bump region, which a new page extends when it follows the
            // region directly and replaces otherwise.
            let large = list_of(bytes) == LARGE;
            let (mut block, end) = (self.bump.get(), self.end.get());
            if large || end - block < bytes {
                // `bytes` in whole pages (`bytes` is never 0): one for a
                // small block.
                let pages = (bytes - 1) / PAGE + 1;
                let old = memory_grow(0, pages as usize);
                if old == usize::MAX {
                    return None;
                }
                self.pages.claim(old, pages as usize);
                let start = old as u32 * PAGE;
                if large || start != end {
                    block = start;
                }
                if !large {
                    self.end.set(start + PAGE);
                }
            }
            if !large {
                self.bump.set(block + bytes);
            }
            // SAFETY: a fresh block of `bytes` bytes that we own.
            unsafe { *(block as *mut u32) = bytes };
            block
        };
        NonNull::new((block + HEADER) as *mut u8)
    }

    /// Returns a block from [`Arena::alloc`] to its free list.
    ///
    /// # Safety
    /// `ptr` must come from `alloc` of this arena and not be used afterwards.
    #[inline(never)]
    pub unsafe fn free(&self, ptr: *mut u8) {
        let block = ptr as u32 - HEADER;
        // SAFETY: `ptr` is a block of this arena (the caller's promise), so
        // `block` is its header and its payload, no longer used, holds the
        // free-list link.
        unsafe {
            if let Some(head) = self.free.get(list_of(word(block))) {
                *(ptr as *mut u32) = head.get();
                head.set(block);
            }
        }
    }

    /// Payload bytes of a block from [`Arena::alloc`].
    ///
    /// # Safety
    /// `ptr` must be a live block of this arena.
    pub unsafe fn capacity(ptr: *mut u8) -> usize {
        // SAFETY: a live block's header precedes it (the caller's promise).
        (unsafe { word(ptr as u32 - HEADER) } - HEADER) as usize
    }
}

/// Bytes of linear memory right now.
pub fn memory_bytes() -> u64 {
    memory_size(0) as u64 * u64::from(PAGE)
}

/// Whether `[ptr, ptr + len)` lies inside linear memory. Address 0 is
/// memory like any other (wasm has no null); the functions below reach it
/// without forming a Rust null pointer. Every caller passes a `u32` count
/// times an element size of at most 8, so `ptr + len` cannot overflow a
/// `u64`. Not inlined: one copy is the smallest.
#[inline(never)]
pub fn in_bounds(ptr: u32, len: u64) -> bool {
    u64::from(ptr) + len <= memory_bytes()
}

/// A `u32` with alignment 1, so that a volatile access may be unaligned.
#[derive(Clone, Copy)]
#[repr(C, packed)]
struct Unaligned(u32);

/// The `u32` at guest address `addr`, through a volatile read, which Rust
/// allows at any address outside its own allocations, 0 included.
///
/// # Safety
/// `in_bounds(addr, 4)` must hold.
pub unsafe fn read_u32(addr: u32) -> u32 {
    // SAFETY: four bytes of linear memory (the caller's promise); a volatile
    // read of an alignment-1 value is valid at any address, 0 included.
    unsafe { core::ptr::read_volatile(addr as *const Unaligned).0 }
}

/// Writes `value` to guest address `addr`: its first byte with a volatile
/// store, which may be at address 0, the other three, from address 1 on,
/// with an ordinary one (a volatile store of a whole [`Unaligned`] would go
/// through the stack).
///
/// # Safety
/// `in_bounds(addr, 4)` must hold, and the range must be guest memory.
#[inline(never)]
pub unsafe fn write_u32(addr: u32, value: u32) {
    let [first, rest @ ..] = value.to_le_bytes();
    // SAFETY: four bytes of guest memory (the caller's promise): the first
    // by a volatile store, valid at address 0, the rest from address 1 on.
    unsafe {
        core::ptr::write_volatile(addr as *mut u8, first);
        core::ptr::write_unaligned((addr as usize + 1) as *mut [u8; 3], rest);
    }
}

/// Copies the `len` bytes at address `src` to `dst`. The first byte is read
/// with a volatile read, which may be at address 0; the rest, from address
/// 1 or later, with an ordinary copy (`ptr::copy` tolerates overlap should
/// a guest pass a pointer into adapter memory).
///
/// # Safety
/// `len` (not 0) bytes at `src` must be readable: guest memory that passed
/// `in_bounds`, or a value of the caller's; `dst` must have room for them.
unsafe fn copy_from_guest(dst: *mut u8, src: u32, len: usize) {
    // SAFETY: `len` readable bytes at `src` and room for them at `dst` (the
    // caller's promise); the first byte by a volatile read, valid at
    // address 0, the rest from address 1 on.
    unsafe {
        *dst = core::ptr::read_volatile(src as *const u8);
        core::ptr::copy((src as usize + 1) as *const u8, dst.add(1), len - 1);
    }
}

/// The guest bytes `[ptr, ptr + len)` as a slice: in place, or, when the
/// range starts at address 0 (a slice cannot), a copy in `copy`, which the
/// caller releases. `None` when memory for the copy runs out.
///
/// # Safety
/// `in_bounds(ptr, len)` must hold, and nothing may write the range while
/// the slice lives.
pub unsafe fn guest_bytes<'a>(
    arena: &Arena,
    copy: &'a mut RawVec<u8>,
    ptr: u32,
    len: u32,
) -> Option<&'a [u8]> {
    if ptr == 0 {
        // SAFETY: the range is in bounds (the caller's promise).
        unsafe { copy.fill(arena, 0, len) }?;
        return Some(copy.as_slice());
    }
    // SAFETY: in bounds, not at address 0 (so not Rust's null), and not
    // written while the slice lives (the caller's promise).
    Some(unsafe { core::slice::from_raw_parts(ptr as *const u8, len as usize) })
}

/// A growable array of plain-data `T` in the arena; all-zero is empty.
/// Elements never have destructors: whoever removes one releases what it
/// owns explicitly. The work is done by non-generic functions on
/// `(ptr, len, cap)` and the element size, so each element type costs only
/// thin wrappers in the size-limited module.
#[repr(C)]
pub struct RawVec<T: Copy> {
    raw: Raw,
    _t: PhantomData<T>,
}

/// The untyped part of [`RawVec`]: lengths in elements. Without a block
/// (`ptr` 0) `len` and `cap` are 0: only `reserve` sets `cap`, along with
/// `ptr`, and `len` never exceeds `cap`.
#[derive(Clone, Copy, Default)]
#[repr(C)]
struct Raw {
    ptr: u32,
    len: u32,
    cap: u32,
}

impl Raw {
    /// Makes room for `extra` more elements of `size` bytes; keeps the
    /// first `keep` elements.
    #[inline(never)]
    fn reserve(&mut self, arena: &Arena, extra: u32, size: usize, keep: u32) -> Option<()> {
        let needed = self.len.checked_add(extra)?;
        if needed <= self.cap {
            return Some(());
        }
        // At least double the length, so that pushes copy a linear amount
        // in all (large blocks are whole pages, not powers of two); `fill`
        // and `zeroed` start at length 0 and get exactly what they need.
        let want = needed.max(self.len.wrapping_mul(2));
        let new = arena.alloc((want as usize).checked_mul(size)?)?.as_ptr();
        if self.ptr != 0 {
            // SAFETY: both blocks are ours; the old one holds `len >= keep`
            // elements.
            unsafe {
                core::ptr::copy_nonoverlapping(self.ptr as *const u8, new, keep as usize * size);
                arena.free(self.ptr as *mut u8);
            }
        }
        self.ptr = new as u32;
        // SAFETY: `new` is a live block.
        self.cap = (unsafe { Arena::capacity(new) } / size) as u32;
        Some(())
    }

    /// Frees the block (the vector becomes empty). Not inlined: one copy
    /// serves every element type.
    #[inline(never)]
    fn release(&mut self, arena: &Arena) {
        if self.ptr != 0 {
            // SAFETY: the block is ours and dropped from `self` right here.
            unsafe { arena.free(self.ptr as *mut u8) };
        }
        *self = Raw::default();
    }

    /// Appends `n` elements of `size` bytes copied from address `src`, with
    /// [`copy_from_guest`] (so `src` may be guest address 0).
    ///
    /// # Safety
    /// `n * size` bytes from `src` must be readable: guest memory that
    /// passed `in_bounds`, or a value of the caller's.
    #[inline(never)]
    unsafe fn append(&mut self, arena: &Arena, src: u32, n: u32, size: usize) -> Option<()> {
        self.reserve(arena, n, size, self.len)?;
        if n != 0 {
            // SAFETY: `reserve` made room for `n` more elements, so `ptr` is
            // a block; the caller vouches for `src`.
            unsafe {
                copy_from_guest(
                    (self.ptr as *mut u8).add(self.len as usize * size),
                    src,
                    n as usize * size,
                )
            };
        }
        self.len += n;
        Some(())
    }
}

impl<T: Copy> RawVec<T> {
    pub fn len(&self) -> u32 {
        self.raw.len
    }

    pub fn as_slice(&self) -> &[T] {
        // SAFETY: `ptr` holds `len` initialised elements (see `append`).
        unsafe { core::slice::from_raw_parts(self.first(), self.raw.len as usize) }
    }

    pub fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: as in `as_slice`, and `&mut self` is unique.
        unsafe { core::slice::from_raw_parts_mut(self.first(), self.raw.len as usize) }
    }

    /// The block, or for a vector without one (`ptr` 0, so `len` 0) a
    /// dangling, aligned pointer, as a slice needs.
    fn first(&self) -> *mut T {
        if self.raw.ptr == 0 {
            NonNull::dangling().as_ptr()
        } else {
            self.raw.ptr as *mut T
        }
    }

    /// Element `index`, without forming a slice (which costs a check for
    /// the empty vector's null pointer).
    pub fn get(&self, index: u32) -> Option<&T> {
        // SAFETY: below `len`, so `ptr` is a block holding the element.
        (index < self.raw.len).then(|| unsafe { &*(self.raw.ptr as *const T).add(index as usize) })
    }

    /// As [`RawVec::get`], mutable.
    pub fn get_mut(&mut self, index: u32) -> Option<&mut T> {
        // SAFETY: as in `get`, and `&mut self` is unique.
        (index < self.raw.len)
            .then(|| unsafe { &mut *(self.raw.ptr as *mut T).add(index as usize) })
    }

    /// Address of the first element (for passing to imports).
    pub fn addr(&self) -> u32 {
        self.raw.ptr
    }

    /// Makes room for `extra` more elements, keeping the contents.
    pub fn reserve(&mut self, arena: &Arena, extra: u32) -> Option<()> {
        self.raw.reserve(arena, extra, size_of::<T>(), self.raw.len)
    }

    /// Appends `value`; `None` when out of memory.
    pub fn push(&mut self, arena: &Arena, value: T) -> Option<u32> {
        let index = self.raw.len;
        // SAFETY: `value` is one readable `T`.
        unsafe {
            self.raw
                .append(arena, &value as *const T as u32, 1, size_of::<T>())?
        };
        Some(index)
    }

    /// Replaces the contents with `len` elements copied from guest address
    /// `src` (0 included). The block is reused when it is large enough, so
    /// refilling with the same size never allocates.
    ///
    /// # Safety
    /// `in_bounds(src, len * size_of::<T>())` must hold.
    pub unsafe fn fill(&mut self, arena: &Arena, src: u32, len: u32) -> Option<()> {
        self.raw.len = 0;
        // SAFETY: `len` elements of `T` at `src` are in bounds (the
        // caller's promise).
        unsafe { self.raw.append(arena, src, len, size_of::<T>()) }
    }

    /// Replaces the contents with `len` all-zero elements (`T` must be
    /// plain integers), reusing the block when it is large enough.
    pub fn zeroed(&mut self, arena: &Arena, len: u32) -> Option<&mut [T]> {
        self.raw.len = 0;
        self.raw.reserve(arena, len, size_of::<T>(), 0)?;
        // SAFETY: `reserve` made room for `len` elements in our block.
        unsafe {
            core::ptr::write_bytes(self.raw.ptr as *mut u8, 0, len as usize * size_of::<T>())
        };
        self.raw.len = len;
        Some(self.as_mut_slice())
    }

    /// Appends an element of zero bytes (which must be a valid `T`, as for
    /// plain integers and `RawVec`s) and returns it; `None` when out of
    /// memory. Only the 10-28 input slots use it.
    #[cfg(not(feature = "wit-2024-08-19"))]
    pub fn push_zeroed(&mut self, arena: &Arena) -> Option<&mut T> {
        let len = self.raw.len;
        self.raw.reserve(arena, 1, size_of::<T>(), len)?;
        self.raw.len = len + 1;
        // SAFETY: `reserve` made room for element `len` in our block.
        unsafe {
            let new = (self.raw.ptr as *mut T).add(len as usize);
            core::ptr::write_bytes(new, 0, 1);
            Some(&mut *new)
        }
    }

    /// Keeps only the first `len` elements (`len` must not exceed the length).
    pub fn truncate(&mut self, len: u32) {
        self.raw.len = self.raw.len.min(len);
    }

    /// Frees the block (the vector becomes empty).
    pub fn release(&mut self, arena: &Arena) {
        self.raw.release(arena);
    }
}

impl<T: Copy> Default for RawVec<T> {
    fn default() -> Self {
        RawVec {
            raw: Raw::default(),
            _t: PhantomData,
        }
    }
}

impl<T: Copy> Clone for RawVec<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Copy> Copy for RawVec<T> {}

/// [`crate::names::Buf`] over a byte `RawVec`, for building a graph's name
/// table.
pub struct ArenaBuf<'a> {
    pub arena: &'a Arena,
    pub vec: RawVec<u8>,
}

impl crate::names::Buf for ArenaBuf<'_> {
    fn used(&self) -> usize {
        self.vec.len() as usize
    }

    fn truncate(&mut self, len: usize) {
        self.vec.truncate(len as u32);
    }

    fn push(&mut self, b: u8) -> bool {
        self.vec.push(self.arena, b).is_some()
    }
}

/// [`crate::names::Scratch`] in the arena, for the IR reader's output
/// lookup; the caller releases `vec` afterwards.
pub struct ArenaScratch<'a> {
    pub arena: &'a Arena,
    pub vec: RawVec<crate::names::Record>,
}

impl crate::names::Scratch for ArenaScratch<'_> {
    fn records(&mut self, len: usize) -> Option<&mut [crate::names::Record]> {
        self.vec.zeroed(self.arena, u32::try_from(len).ok()?)
    }
}
