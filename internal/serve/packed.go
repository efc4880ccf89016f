package serve

import (
	"path"
	"runtime"
	"sync"

	"github.com/udenmitid/sitegen/internal/slab"
)

// A packed file is an output file as the Store keeps it: text files
// (pages, stylesheets, scripts, search indexes, the sitemap) compressed
// (slab.Compressed), which takes HTML to about half of its size; other
// files, such as images, as they are. The served site of 10,000 pages is
// 300 MB of HTML: unpacked, it alone would hold more memory than
// sitegen build needs to make it.
type packed struct {
	data       []byte // when not compressed
	compressed slab.Compressed
	gone       bool // in a Store's delta: the file was removed
}

// packedTypes are the extensions of the files that are compressed.
var packedTypes = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".xml": true, ".txt": true,
	".svg": true, ".webmanifest": true, "": true, // _headers, _redirects
}

// packMin is the size below which a file is kept as it is: too small to
// gain from compression.
const packMin = 512

// pack returns a file as the Store keeps it, compressed into s.
func pack(s *slab.Slab, name string, data []byte) packed {
	if len(data) < packMin || !packedTypes[path.Ext(name)] {
		return packed{data: data}
	}
	if d, ok := s.Compress(data); ok {
		return packed{compressed: d}
	}
	return packed{data: data}
}

// bytes returns the file's content.
func (p packed) bytes() []byte {
	if p.compressed.Len() > 0 {
		return p.compressed.Bytes()
	}
	return p.data
}

// packAll packs the files named in names into s, on every core.
func packAll(s *slab.Slab, files map[string][]byte, names []string) map[string]packed {
	out := make([]packed, len(names))
	parallel(len(names), func(i int) { out[i] = pack(s, names[i], files[names[i]]) })
	m := make(map[string]packed, len(names))
	for i, n := range names {
		m[n] = out[i]
	}
	return m
}

// parallel calls f(0) to f(n-1) on every core and returns when all have
// returned.
func parallel(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
