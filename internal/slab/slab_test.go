package slab

import (
	"bytes"
	"sync"
	"testing"
)

func TestCopy(t *testing.T) {
	var s Slab
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"small", []byte("<p>x</p>")},
		{"a block's quarter", bytes.Repeat([]byte("a"), BlockSize/4)},
		{"larger: its own allocation", bytes.Repeat([]byte("b"), BlockSize/4+1)},
		{"fills the block", bytes.Repeat([]byte("c"), BlockSize/4)},
		{"the next block", bytes.Repeat([]byte("d"), BlockSize/4)},
	} {
		got := s.Copy(tc.in)
		if !bytes.Equal(got, tc.in) || cap(got) != len(got) {
			t.Errorf("%s: got %d bytes, cap %d; want a copy of %d with no spare capacity", tc.name, len(got), cap(got), len(tc.in))
		}
		if len(tc.in) > 0 && &got[0] == &tc.in[0] {
			t.Errorf("%s: not a copy", tc.name)
		}
	}
}

// TestCopyApart: copies share blocks but never each other's bytes, also
// when made at once and appended to.
func TestCopyApart(t *testing.T) {
	var s Slab
	var wg sync.WaitGroup
	copies := make([][]byte, 400)
	for i := range copies {
		wg.Go(func() { copies[i] = s.Copy(bytes.Repeat([]byte{byte(i)}, 1+i*37%5000)) })
	}
	wg.Wait()
	for _, c := range copies {
		_ = append(c, 0xff) // capacity is length: this must not write beside it
	}
	for i, c := range copies {
		if want := bytes.Repeat([]byte{byte(i)}, 1+i*37%5000); !bytes.Equal(c, want) {
			t.Fatalf("copy %d changed", i)
		}
	}
}
