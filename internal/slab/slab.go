// Package slab keeps byte slices that live long side by side in shared
// blocks, instead of each in its own allocation among short-lived ones,
// and compressed when asked (Compress).
//
// sitegen serve keeps, for as long as it runs, the HTML of every page's
// body and the compressed output of every page (at 10,000 pages about
// 300 MB in some 50,000 slices), all made while building, when the heap
// is mostly garbage of the same sizes. Allocated one by one, the kept
// slices end up scattered over memory pages that garbage otherwise
// emptied, and the process keeps those pages: after its first build serve
// held 1.4 GB of memory for 577 MB of live data. Copied into blocks of
// 1 MiB, they take the memory they need.
//
// A block is freed when nothing refers to any slice in it: a slice that is
// replaced (a page edited) leaves its space unused until then. That is
// the price, small for an editor's session.
package slab

import "sync"

// BlockSize is the size of a block, in bytes. Slices larger than a
// quarter of it get their own allocation.
const BlockSize = 1 << 20

// A Slab copies slices into blocks. It is safe for concurrent use; the
// zero value is ready to use.
type Slab struct {
	mu    sync.Mutex
	block []byte // the free rest of the current block
}

// Copy returns a copy of b, with its capacity equal to its length: an
// append to it never writes into the slices beside it.
func (s *Slab) Copy(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	if len(b) > BlockSize/4 {
		c := make([]byte, len(b))
		copy(c, b)
		return c
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(b) > cap(s.block) {
		s.block = make([]byte, 0, BlockSize)
	}
	c := append(s.block, b...)
	s.block = c[len(c):]
	return c[:len(b):len(b)]
}
