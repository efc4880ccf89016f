package pages

import "testing"

// TestAllocator: the pages and version lists of one block are each
// their own: writing one, or appending to a list, changes no other.
func TestAllocator(t *testing.T) {
	var a allocator
	var ps []*Page
	for i := range pageBlock*2 + 3 { // across blocks
		ps = append(ps, a.page(Page{Weight: i}))
	}
	for i, p := range ps {
		if p.Weight != i {
			t.Fatalf("page %d holds weight %d", i, p.Weight)
		}
	}
	ps[5].Weight = -1
	if ps[4].Weight != 4 || ps[6].Weight != 6 {
		t.Error("writing one page changed its neighbour")
	}
	for _, n := range []int{1, 3, 7, ptrBlock/4 + 1} {
		v, w := a.versions(n), a.versions(n)
		if len(v) != n || cap(v) != n || len(w) != n {
			t.Fatalf("versions(%d): len %d cap %d", n, len(v), cap(v))
		}
		v = append(v, ps[0]) // must copy out of the block
		w[0] = ps[1]
		if v[0] != nil || v[n] != ps[0] {
			t.Errorf("versions(%d): the next list shares the first's array", n)
		}
	}
}

// TestCopyOf: a copy of a page has its own pageMore, so setting the
// copy's pager (a numbered listing page) leaves the first page's.
func TestCopyOf(t *testing.T) {
	p := &Page{Path: "da/x/"}
	p.ext().pager = &Pager{Number: 1}
	q := p.copyOf()
	q.ext().pager = &Pager{Number: 2}
	if p.Pager().Number != 1 || q.Pager().Number != 2 {
		t.Errorf("pagers %d and %d, want 1 and 2", p.Pager().Number, q.Pager().Number)
	}
	if r := (&Page{}).copyOf(); r.more != nil {
		t.Error("a copy of a page with no pageMore got one")
	}
}
