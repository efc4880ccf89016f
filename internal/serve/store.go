package serve

import (
	"context"
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/slab"
)

// A Store holds the build being served, as a snapshot that no one changes
// once it is served: a rebuild makes the next snapshot beside it and
// swaps it in at once. A request takes the snapshot once (Current) and
// answers from it, so it sees one build, never a mix of two, and never
// waits for a rebuild: until the new build is whole, the previous one
// answers.
type Store struct {
	mu  sync.Mutex // serializes the writers
	cur atomic.Pointer[served]
}

// served is one build as the Store serves it. Its files are those of a
// whole build (base), with what updates since wrote and removed over them
// (delta): an update copies the small delta, not the whole site (30,005
// files at 10,000 pages), and base is copied only when the delta has
// grown past maxDelta. Neither map is changed once served.
type served struct {
	base   map[string]packed
	delta  map[string]packed // written, or removed (gone) since base
	slab   *slab.Slab        // the compressed files; a new one for each whole build, added to by updates
	gen    uint64            // counts the builds applied
	errs   diag.List         // the errors of the latest build, if it failed
	result *build.Result
	search *searchSlot // the build's search index files
}

// A searchSlot holds the search index files of one build. The server
// takes them from the Builder right after it serves the build's pages
// (build.SearchFiles), so that a reload is not held up by them; a request
// for an index in the moment between waits for them, never for a build.
type searchSlot struct {
	ready chan struct{} // closed when files is set
	files *build.SearchFiles
}

func newSearchSlot() *searchSlot { return &searchSlot{ready: make(chan struct{})} }

// file returns a search index file (build.SearchFiles.File), once the
// slot is filled or ctx is done.
func (s *searchSlot) file(ctx context.Context, name string) ([]byte, bool) {
	select {
	case <-s.ready:
		return s.files.File(name)
	case <-ctx.Done():
		return nil, false
	}
}

// NewStore returns an empty Store, which has no search files either.
func NewStore() *Store {
	none := newSearchSlot()
	close(none.ready)
	s := &Store{}
	s.cur.Store(&served{base: map[string]packed{}, slab: &slab.Slab{}, search: none})
	return s
}

// current returns the snapshot being served.
func (s *Store) current() *served { return s.cur.Load() }

// Replace serves a whole new build; its search files follow (SetSearch).
func (s *Store) Replace(files map[string][]byte, res *build.Result) {
	sl := &slab.Slab{}
	p := packAll(sl, files, slices.Collect(maps.Keys(files)))
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.current()
	s.cur.Store(&served{base: p, slab: sl, gen: old.gen + 1, result: res, search: newSearchSlot()})
}

// maxDelta is how many files updates may write or remove before the
// next update copies the whole build: copying a delta costs a rebuild
// microseconds, copying 30,005 files some milliseconds.
const maxDelta = 1024

// Apply serves the files an update wrote, with the rest of the build
// being served, less those it removed; its search files follow
// (SetSearch). The files of the build being served are copied, not
// changed: requests may be reading them.
func (s *Store) Apply(files map[string][]byte, ch *build.Changes, res *build.Result) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.current()
	p := packAll(old.slab, files, ch.Written) // the slab is only added to
	delta := maps.Clone(old.delta)
	if delta == nil {
		delta = map[string]packed{}
	}
	maps.Copy(delta, p)
	for _, n := range ch.Removed {
		delta[n] = packed{gone: true}
	}
	next := &served{base: old.base, delta: delta, slab: old.slab, gen: old.gen + 1, result: res, search: newSearchSlot()}
	if len(delta) > maxDelta {
		next.base, next.delta = next.all(), nil
	}
	s.cur.Store(next)
}

// SetSearch gives the build being served its search index files. It
// must follow each Replace and Apply, once.
func (s *Store) SetSearch(f *build.SearchFiles) {
	s.mu.Lock()
	defer s.mu.Unlock()
	slot := s.current().search
	slot.files = f
	close(slot.ready)
}

// SetErrors records a failed build; the files stay as they were.
func (s *Store) SetErrors(l diag.List) {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := *s.current()
	next.errs = l
	s.cur.Store(&next)
}

// get returns a file of the build.
func (b *served) get(name string) ([]byte, bool) {
	if !b.has(name) {
		return nil, false
	}
	if p, ok := b.delta[name]; ok {
		return p.bytes(), true
	}
	return b.base[name].bytes(), true
}

// has reports whether the build has a file.
func (b *served) has(name string) bool {
	if p, ok := b.delta[name]; ok {
		return !p.gone
	}
	_, ok := b.base[name]
	return ok
}

// all returns every file of the build, in a new map.
func (b *served) all() map[string]packed {
	m := maps.Clone(b.base)
	for n, p := range b.delta {
		if p.gone {
			delete(m, n)
		} else {
			m[n] = p
		}
	}
	return m
}

// Get returns a file of the build being served.
func (s *Store) Get(name string) ([]byte, bool) { return s.current().get(name) }

// Has reports whether the build being served has a file.
func (s *Store) Has(name string) bool { return s.current().has(name) }

// Gen returns the number of builds applied.
func (s *Store) Gen() uint64 { return s.current().gen }

// Errors returns the errors of the latest build, or nil if it succeeded.
func (s *Store) Errors() diag.List { return s.current().errs }

// Result returns the latest good build, or nil.
func (s *Store) Result() *build.Result { return s.current().result }

// Snapshot returns a copy of every file, for tests.
func (s *Store) Snapshot() map[string][]byte {
	all := s.current().all()
	out := make(map[string][]byte, len(all))
	for n, p := range all {
		out[n] = p.bytes()
	}
	return out
}
