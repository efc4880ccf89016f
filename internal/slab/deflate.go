package slab

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// Deflated is a byte slice kept compressed in a Slab (DEFLATE, the
// fastest level: HTML takes about a third of its size, at some 60 MB/s on
// one core of the benchmark machine).
type Deflated struct {
	data []byte
	size int // of the content
}

// Deflate compresses b into the Slab. ok is false when that would not
// make it smaller; then nothing is kept.
func (s *Slab) Deflate(b []byte) (d Deflated, ok bool) {
	var buf bytes.Buffer
	buf.Grow(len(b) / 3)
	w := writers.Get().(*flate.Writer)
	defer writers.Put(w)
	w.Reset(&buf)
	w.Write(b) // a bytes.Buffer takes every write
	w.Close()
	if buf.Len() >= len(b) {
		return Deflated{}, false
	}
	return Deflated{data: s.Copy(buf.Bytes()), size: len(b)}, true
}

// Len is the length of the content.
func (d Deflated) Len() int { return d.size }

// Compressed is the length of the content as it is kept.
func (d Deflated) Compressed() int { return len(d.data) }

// Bytes returns the content, in a new slice.
func (d Deflated) Bytes() []byte {
	if d.size == 0 {
		return nil
	}
	r := readers.Get().(io.ReadCloser)
	defer readers.Put(r)
	r.(flate.Resetter).Reset(bytes.NewReader(d.data), nil)
	out := make([]byte, d.size)
	if _, err := io.ReadFull(r, out); err != nil {
		panic("slab: deflated bytes do not inflate: " + err.Error()) // Deflate wrote them: cannot happen
	}
	return out
}

// writers and readers are reused: making a DEFLATE writer costs more than
// compressing a page with it.
var (
	writers = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(nil, flate.BestSpeed) // the level is valid: no error
		return w
	}}
	readers = sync.Pool{New: func() any { return flate.NewReader(nil) }}
)
