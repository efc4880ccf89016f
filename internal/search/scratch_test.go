package search

import (
	"errors"
	"slices"
	"testing"
)

// TestScratchRecords: the pages' records read back as written, from
// memory; cut short, or naming a stem the vocab lacks, they are an error.
func TestScratchRecords(t *testing.T) {
	type stem struct {
		id  int32
		sym byte
	}
	pages := [][]stem{{{0, 'A'}, {1, 'h'}, {300, 'Q'}}, {}, {{70000, 'a'}, {2, 'S'}}}
	const terms = 70001
	s := &memScratch{}
	w := newRecordWriter(s)
	for _, p := range pages {
		w.page(len(p))
		for _, st := range p {
			w.stem(st.id, st.sym)
		}
		if err := w.end(); err != nil {
			t.Fatal(err)
		}
	}
	size, err := w.flush()
	if err != nil || size != int64(len(s.b)) {
		t.Fatalf("flush: %d bytes, %v; the scratch holds %d", size, err, len(s.b))
	}
	read := func(size int64, terms int) ([][]stem, error) {
		r := newRecordReader(s, size, terms)
		var got [][]stem
		for range pages {
			p := []stem{}
			for range r.page() {
				id, sym := r.stem()
				p = append(p, stem{id, sym})
			}
			got = append(got, p)
		}
		return got, r.err
	}
	got, err := read(size, terms)
	if err != nil || !slices.EqualFunc(got, pages, slices.Equal) {
		t.Errorf("read %v, %v; want %v", got, err, pages)
	}
	for _, tt := range []struct {
		name  string
		size  int64
		terms int
	}{
		{"cut short", size - 1, terms},
		{"cut to nothing", 0, terms},
		{"a stem past the vocab", size, terms - 1},
	} {
		if _, err := read(tt.size, tt.terms); !errors.Is(err, errScratch) {
			t.Errorf("%s: %v, want %v", tt.name, err, errScratch)
		}
	}
}

// A scratch that fails fails the index with its error.
func TestScratchError(t *testing.T) {
	list := entries(SplitPages+1, 1)
	entry := func(i int) (*Entry, error) { return list[i], nil }
	file := func(string, []byte) error { return nil }
	for _, s := range []failScratch{{write: true}, {read: true}} {
		if _, _, err := IndexTo("da", len(list), entry, SplitPages, file, s); !errors.Is(err, errFailed) {
			t.Errorf("%+v: IndexTo returns %v, want %v", s, err, errFailed)
		}
	}
}

var errFailed = errors.New("disk full")

// A failScratch fails to write or to read.
type failScratch struct{ write, read bool }

func (f failScratch) WriteAt(p []byte, off int64) (int, error) {
	if f.write {
		return 0, errFailed
	}
	return len(p), nil
}

func (f failScratch) ReadAt(p []byte, off int64) (int, error) {
	if f.read {
		return 0, errFailed
	}
	return len(p), nil
}
