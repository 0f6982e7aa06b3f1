//! The global allocator: mimalloc, through its plain entry points (`mi_malloc`, `mi_realloc`)
//! for the alignments every mimalloc block has, and its aligned ones only for larger alignments.
//!
//! The `mimalloc` crate's allocator calls the aligned entry points for every allocation. Their
//! fast path needs a free block already at hand; when a page's free list is empty they take a
//! generic path that, for a block size that is not a power of two, over-allocates to align the
//! block (about 150 instructions more, and a larger size class). A Rust allocation asks for the
//! alignment of its type, almost always a machine word or less, which every mimalloc block has
//! (block sizes are whole words and pages start aligned to 16 bytes), so the plain entry points
//! give the same guarantee at the cost of a plain allocation (BENCHMARKS.md, "Allocator").

use core::alloc::{GlobalAlloc, Layout};
use core::ffi::c_void;
use libmimalloc_sys as mi;

/// The alignment every mimalloc block has: one machine word.
const BLOCK_ALIGN: usize = core::mem::size_of::<usize>();

/// mimalloc, with plain allocations for alignments up to [`BLOCK_ALIGN`].
pub struct MiMalloc;

// SAFETY: every method forwards to mimalloc, whose blocks satisfy the layout's alignment (the
// aligned entry points beyond `BLOCK_ALIGN`), and frees with `mi_free`, which takes any block
// mimalloc returned, aligned or not.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: plain FFI calls; `layout.align()` is a power of two.
        unsafe {
            if layout.align() <= BLOCK_ALIGN {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe {
            if layout.align() <= BLOCK_ALIGN {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` was returned by this allocator, so by mimalloc.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was returned by this allocator with `layout`'s alignment, kept by both
        // entry points.
        unsafe {
            if layout.align() <= BLOCK_ALIGN {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size class up to 4 KB and beyond, at each alignment up to 64 bytes,
    /// come back aligned, writable, and keep their bytes through a reallocation.
    #[test]
    fn blocks_are_aligned_and_keep_their_bytes() {
        let a = MiMalloc;
        for align in [1, 2, 4, 8, 16, 32, 64] {
            for size in (1..300).chain([1000, 1024, 4096, 70_000]) {
                let layout = Layout::from_size_align(size, align).expect("a valid layout");
                // SAFETY: a non-zero size; the block is freed with its layout.
                unsafe {
                    let p = if size.is_multiple_of(2) {
                        a.alloc(layout)
                    } else {
                        a.alloc_zeroed(layout)
                    };
                    assert!(
                        !p.is_null() && (p as usize).is_multiple_of(align),
                        "{size} {align}"
                    );
                    p.write_bytes(0xA5, size);
                    let q = a.realloc(p, layout, size * 3);
                    assert!(
                        !q.is_null() && (q as usize).is_multiple_of(align),
                        "{size} {align}"
                    );
                    assert!((0..size).all(|i| *q.add(i) == 0xA5));
                    a.dealloc(q, Layout::from_size_align(size * 3, align).expect("valid"));
                }
            }
        }
    }
}
