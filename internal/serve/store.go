package serve

import (
	"maps"
	"slices"
	"sync"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/slab"
)

// A Store holds the build being served. A rebuild's files are applied all
// at once, so a request sees the old build or the new one, never a mix.
type Store struct {
	mu     sync.RWMutex
	files  map[string]packed
	slab   *slab.Slab    // the compressed files; a new one for each whole build
	gen    uint64        // counts the builds applied
	errs   diag.List     // the errors of the latest build, if it failed
	result *build.Result // the latest good build
}

// NewStore returns an empty Store.
func NewStore() *Store { return &Store{files: map[string]packed{}, slab: &slab.Slab{}} }

// Replace serves a whole new build.
func (s *Store) Replace(files map[string][]byte, res *build.Result) {
	sl := &slab.Slab{}
	p := packAll(sl, files, slices.Collect(maps.Keys(files)))
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files, s.slab = p, sl
	s.gen++
	s.errs = nil
	s.result = res
}

// Apply serves the files an update wrote and drops those it removed.
func (s *Store) Apply(files map[string][]byte, ch *build.Changes, res *build.Result) {
	s.mu.Lock()
	sl := s.slab
	s.mu.Unlock()
	p := packAll(sl, files, ch.Written)
	s.mu.Lock()
	defer s.mu.Unlock()
	maps.Copy(s.files, p)
	for _, n := range ch.Removed {
		delete(s.files, n)
	}
	s.gen++
	s.errs = nil
	s.result = res
}

// SetErrors records a failed build; the files stay as they were.
func (s *Store) SetErrors(l diag.List) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errs = l
}

// Get returns a file of the build.
func (s *Store) Get(name string) ([]byte, bool) {
	s.mu.RLock()
	p, ok := s.files[name]
	s.mu.RUnlock()
	if !ok {
		return nil, false
	}
	return p.bytes(), true
}

// Has reports whether the build has a file.
func (s *Store) Has(name string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	_, ok := s.files[name]
	return ok
}

// Gen returns the number of builds applied.
func (s *Store) Gen() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen
}

// Errors returns the errors of the latest build, or nil if it succeeded.
func (s *Store) Errors() diag.List {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.errs
}

// Result returns the latest good build, or nil.
func (s *Store) Result() *build.Result {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.result
}

// Snapshot returns a copy of every file, for tests.
func (s *Store) Snapshot() map[string][]byte {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make(map[string][]byte, len(s.files))
	for n, p := range s.files {
		out[n] = p.bytes()
	}
	return out
}
