package pages

// allocator hands out the site model's pages and version lists from
// blocks allocated together: a site of 100,000 pages in three languages
// has 300,000 pages and 100,000 lists, and the collector marks a block
// once where it marked each of them, all kept for the whole build (issue
// 30). A block lives while any of its pages does. Not for concurrent use.
type allocator struct {
	pages []Page
	ptrs  []*Page
}

// pageBlock and ptrBlock are how many pages, and page pointers, one block
// holds: big enough that the blocks are few, small enough that a small
// site allocates little it does not use (45 KB and 4 KB).
const (
	pageBlock = 128
	ptrBlock  = 512
)

// page returns a new page holding p.
func (a *allocator) page(p Page) *Page {
	if len(a.pages) == 0 {
		a.pages = make([]Page, pageBlock)
	}
	np := &a.pages[0]
	a.pages = a.pages[1:]
	*np = p
	return np
}

// versions returns n nil page pointers, a slice whose capacity is n, so
// that an append copies it out of the block.
func (a *allocator) versions(n int) []*Page {
	if n > ptrBlock/4 {
		return make([]*Page, n)
	}
	if len(a.ptrs) < n {
		a.ptrs = make([]*Page, ptrBlock)
	}
	v := a.ptrs[:n:n]
	a.ptrs = a.ptrs[n:]
	return v
}
