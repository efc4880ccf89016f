package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
)

// A Scratch is where a split index keeps what its posting lists need of
// its pages (see "Split index" in the package doc): the first pass over
// the entries writes each page's stems, as numbers, with their symbols,
// from offset 0 on, and each range of terms reads that back from the
// start instead of analysing the pages again. It holds 2 to 4 bytes per
// stem of a page: 363 bytes a page at 10,000 Danish pages of the corpus
// generator's, 3.6 MB. The build gives it a temporary file (an *os.File
// is a Scratch); IndexTo keeps a nil one in memory.
type Scratch interface {
	io.WriterAt
	io.ReaderAt
}

// A memScratch is a Scratch in memory.
type memScratch struct{ b []byte }

func (m *memScratch) WriteAt(p []byte, off int64) (int, error) {
	if end := int(off) + len(p); end > len(m.b) {
		m.b = append(m.b, make([]byte, end-len(m.b))...)
	}
	return copy(m.b[off:], p), nil
}

func (m *memScratch) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(m.b)) {
		return 0, io.EOF
	}
	n := copy(p, m.b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// A page's record in the scratch is the number of its stems, then each
// stem's number in the vocab and its symbol: uvarint, uvarint, byte.

// A recordWriter writes the pages' records to a Scratch, from offset 0.
type recordWriter struct {
	w   *bufio.Writer
	rec []byte // the record being made
	n   int64  // bytes written
}

func newRecordWriter(s Scratch) *recordWriter {
	return &recordWriter{w: bufio.NewWriterSize(io.NewOffsetWriter(s, 0), 64<<10)}
}

// page begins the record of a page of n stems.
func (r *recordWriter) page(n int) {
	r.rec = binary.AppendUvarint(r.rec[:0], uint64(n))
}

// stem adds a stem and its symbol to the record of the page.
func (r *recordWriter) stem(id int32, sym byte) {
	r.rec = append(binary.AppendUvarint(r.rec, uint64(id)), sym)
}

// end writes the record of the page.
func (r *recordWriter) end() error {
	r.n += int64(len(r.rec))
	_, err := r.w.Write(r.rec)
	return err
}

// flush writes what is buffered and returns the records' length.
func (r *recordWriter) flush() (int64, error) {
	return r.n, r.w.Flush()
}

var errScratch = errors.New("the search index's scratch does not read back as written")

// A recordReader reads back the records of the first size bytes of a
// Scratch. The first error is kept (err), and what is read after it is 0.
type recordReader struct {
	r     *bufio.Reader
	terms int // the number of stems in the vocab: a larger one is an error
	err   error
}

func newRecordReader(s Scratch, size int64, terms int) *recordReader {
	return &recordReader{r: bufio.NewReaderSize(io.NewSectionReader(s, 0, size), 64<<10), terms: terms}
}

// page returns the number of stems of the next page.
func (r *recordReader) page() int {
	return int(r.uvarint(uint64(r.terms) + 1))
}

// stem returns the next stem's number and its symbol.
func (r *recordReader) stem() (int32, byte) {
	id := int32(r.uvarint(uint64(r.terms)))
	if r.err != nil {
		return 0, 0
	}
	sym, err := r.r.ReadByte()
	r.fail(err)
	return id, sym
}

// uvarint reads a number, which must be less than limit.
func (r *recordReader) uvarint(limit uint64) uint64 {
	if r.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(r.r)
	r.fail(err)
	if r.err == nil && x >= limit {
		r.fail(errScratch)
	}
	if r.err != nil {
		return 0
	}
	return x
}

// fail keeps the first error; the scratch ending early is errScratch.
func (r *recordReader) fail(err error) {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = errScratch
	}
	if r.err == nil {
		r.err = err
	}
}
