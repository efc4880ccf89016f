package build

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"slices"
	"sync"

	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/search"
)

// An entrySpill holds the search entries of a build's pages until the
// indexes are made, in a temporary file rather than in memory: an entry
// is about 1.5 KB (mostly its terms), which at 100,000 pages (210,000
// with translations) made a third of the live heap, and the collector
// scanned it again with every cycle while the pages were rendered. In
// memory it keeps only where each page's entry is in the file, and the
// index is made reading one entry at a time from it (search.IndexTo),
// which also waits there for the files of a split index (index). A
// second temporary file is a split index's scratch (search.Scratch).
// When no temporary file can be made, the entries stay in memory. It is
// safe for concurrent use until index is called.
type entrySpill struct {
	mu      sync.Mutex
	f       *os.File      // nil: the entries are in mem
	w       *bufio.Writer // into f
	size    int64         // bytes written to w
	scratch *os.File      // a split index's scratch, emptied after each language
	at      map[*pages.Page]span
	mem     map[*pages.Page]*search.Entry
	err     error // the first error writing or reading f
}

// A span is where an encoded entry is in the file.
type span struct {
	off int64
	n   int32
}

func newEntrySpill() *entrySpill {
	s := &entrySpill{at: map[*pages.Page]span{}, mem: map[*pages.Page]*search.Entry{}}
	f, err := tempFile("sitegen-search-*")
	if err != nil {
		return s
	}
	scratch, err := tempFile("sitegen-search-scratch-*")
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return s
	}
	s.f, s.scratch = f, scratch
	s.w = bufio.NewWriterSize(f, 256<<10)
	return s
}

// tempFile makes a temporary file and unlinks it at once where the system
// allows it, so nothing is left behind if the build is killed; close
// removes it elsewhere.
func tempFile(pattern string) (*os.File, error) {
	f, err := os.CreateTemp("", pattern)
	if err == nil {
		os.Remove(f.Name())
	}
	return f, err
}

// encoders recycles the buffers entries are encoded into.
var encoders = sync.Pool{New: func() any { return new([]byte) }}

// add keeps p's entry.
func (s *entrySpill) add(p *pages.Page, e *search.Entry) {
	if s.f == nil {
		s.mu.Lock()
		s.mem[p] = e
		s.mu.Unlock()
		return
	}
	buf := encoders.Get().(*[]byte)
	*buf = appendEntry((*buf)[:0], e)
	s.mu.Lock()
	if s.err == nil {
		_, s.err = s.w.Write(*buf)
	}
	s.at[p] = span{s.size, int32(len(*buf))}
	s.size += int64(len(*buf))
	s.mu.Unlock()
	encoders.Put(buf)
}

// index makes a language's search index (search.IndexTo) from the
// entries, reading them from the file one at a time, and gives each file
// of a split index to put by its name below the output folder. It
// returns the index search.html names and the split index's folder
// ("search/da.800e7184/"), or "" for a single file. The split index's
// files wait in the temporary file, after the entries, while they are
// made, since their folder's name is a hash of them all; they are put
// one at a time once it is known, and the file is cut back to the
// entries. An error of put is returned as it is.
func (s *entrySpill) index(site *pages.Site, lang *pages.Lang, put func(name string, data []byte) error) (index []byte, dir string, err error) {
	if s.f == nil {
		index, files := search.Files(site, lang, s.mem, search.SplitPages)
		for _, name := range slices.Sorted(maps.Keys(files)) {
			if err := put(name, files[name]); err != nil {
				return nil, "", err
			}
			dir = path.Dir(name) + "/"
		}
		return index, dir, nil
	}
	if s.err == nil {
		s.err = s.w.Flush()
	}
	if s.err != nil {
		return nil, "", s.spillError()
	}
	list := search.Pages(site, lang, func(p *pages.Page) bool {
		_, ok := s.at[p]
		return ok
	})
	var buf []byte
	entry := func(i int) (*search.Entry, error) {
		sp := s.at[list[i]]
		buf = slices.Grow(buf[:0], int(sp.n))[:sp.n]
		if _, err := s.f.ReadAt(buf, sp.off); err != nil {
			s.err = err
			return nil, s.spillError()
		}
		e, err := decodeEntry(buf)
		if err != nil {
			s.err = err
			return nil, s.spillError()
		}
		return e, nil
	}
	var made []spooled
	end := s.size
	spool := func(name string, data []byte) error {
		if _, err := s.w.Write(data); err != nil {
			s.err = err
			return s.spillError()
		}
		made = append(made, spooled{name, span{end, int32(len(data))}})
		end += int64(len(data))
		return nil
	}
	index, dir, err = search.IndexTo(lang.Code, len(list), entry, search.SplitPages, spool, s.scratch)
	if err != nil && s.err == nil { // neither entry nor spool failed: the scratch did
		err = fmt.Errorf("keeping the search index's pages in the temporary file %s: %w", s.scratch.Name(), err)
	}
	if err == nil {
		err = s.putSpooled(made, dir, put)
	}
	if cut := s.cut(); err == nil {
		err = cut
	}
	return index, dir, err
}

// A spooled file of a split index waits in the temporary file.
type spooled struct {
	name string // in its folder
	at   span
}

// putSpooled reads each spooled file back and puts it in dir.
func (s *entrySpill) putSpooled(made []spooled, dir string, put func(name string, data []byte) error) error {
	if err := s.w.Flush(); err != nil {
		s.err = err
		return s.spillError()
	}
	var buf []byte
	for _, f := range made {
		buf = slices.Grow(buf[:0], int(f.at.n))[:f.at.n]
		if _, err := s.f.ReadAt(buf, f.at.off); err != nil {
			s.err = err
			return s.spillError()
		}
		if err := put(dir+f.name, buf); err != nil {
			return err
		}
	}
	return nil
}

// cut cuts the temporary file back to the entries, after a language's
// spooled files, so that it holds one language's at most, and empties the
// scratch.
func (s *entrySpill) cut() error {
	s.w.Reset(s.f)
	if err := s.f.Truncate(s.size); err != nil {
		s.err = err
		return s.spillError()
	}
	if _, err := s.f.Seek(s.size, io.SeekStart); err != nil {
		s.err = err
		return s.spillError()
	}
	if err := s.scratch.Truncate(0); err != nil {
		return fmt.Errorf("emptying the temporary file %s: %w", s.scratch.Name(), err)
	}
	return nil
}

func (s *entrySpill) spillError() error {
	return fmt.Errorf("keeping the search entries in the temporary file %s: %w", s.f.Name(), s.err)
}

// close removes the temporary files.
func (s *entrySpill) close() {
	if s.f == nil {
		return
	}
	for _, f := range []*os.File{s.f, s.scratch} {
		f.Close()
		os.Remove(f.Name()) // already gone where it could be unlinked while open
	}
}

// appendEntry appends an entry's fields, each a length and its bytes, to
// b. TestSpillEntry fails when search.Entry gains a field this misses.
func appendEntry(b []byte, e *search.Entry) []byte {
	for _, s := range [...]string{e.URL, e.Title, e.Description, e.Section, e.Terms, e.Forms} {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(e.Headings)))
	for _, h := range e.Headings {
		b = appendString(b, h)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errSpillCorrupt = errors.New("an entry does not read back as written")

// decodeEntry reads an entry appendEntry wrote.
func decodeEntry(b []byte) (*search.Entry, error) {
	e := &search.Entry{}
	for _, f := range [...]*string{&e.URL, &e.Title, &e.Description, &e.Section, &e.Terms, &e.Forms} {
		if *f, b = readString(b); b == nil {
			return nil, errSpillCorrupt
		}
	}
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, errSpillCorrupt
	}
	b = b[k:]
	if n > 0 {
		e.Headings = make([]string, n)
	}
	for i := range e.Headings {
		if e.Headings[i], b = readString(b); b == nil {
			return nil, errSpillCorrupt
		}
	}
	if len(b) != 0 {
		return nil, errSpillCorrupt
	}
	return e, nil
}

// readString reads a string appendString wrote and returns the rest of
// b, or a nil rest when b does not hold one.
func readString(b []byte) (string, []byte) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return "", nil
	}
	return string(b[k : k+int(n)]), b[k+int(n):]
}
