package check

import (
	"slices"
	"strings"
	"sync"
)

// A scan is what the link check needs of one output HTML file: the ids it
// defines and the URLs it refers to. It is made as the build writes the
// file, so that no rendered page stays in memory, nor its parsed tree.
type scan struct {
	ids  []string // sorted, without duplicates
	urls []string // in order, without duplicates
}

func (s *scan) hasID(id string) bool {
	_, ok := slices.BinarySearch(s.ids, id)
	return ok
}

// scanHTML reads the ids and the URLs of a page with ParseHTML, and keeps
// only those. intern shares the strings many pages hold (a layout's links
// and ids).
func scanHTML(data []byte, intern func(string) string) (*scan, error) {
	d, err := ParseHTML(data)
	if err != nil {
		return nil, err
	}
	s := &scan{ids: make([]string, 0, len(d.IDs))}
	for id := range d.IDs {
		s.ids = append(s.ids, intern(id))
	}
	slices.Sort(s.ids)
	seen := make(map[string]bool, len(d.Refs))
	for _, r := range d.Refs {
		if !seen[r.URL] {
			seen[r.URL] = true
			s.urls = append(s.urls, intern(r.URL))
		}
	}
	return s, nil
}

// A recorder is the Output of a check's build: it keeps the name of every
// file and a scan of every HTML file, and drops their bytes.
type recorder struct {
	mu      sync.Mutex
	names   map[string]bool
	scans   map[string]*scan
	errs    map[string]error // HTML files that do not parse
	strings map[string]string
}

func newRecorder() *recorder {
	return &recorder{names: map[string]bool{}, scans: map[string]*scan{}, errs: map[string]error{}, strings: map[string]string{}}
}

// Write records a file; it is called concurrently.
func (r *recorder) Write(name string, data []byte) error {
	var s *scan
	var err error
	if strings.HasSuffix(name, ".html") {
		s, err = scanHTML(data, r.intern)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names[name] = true
	switch {
	case err != nil:
		r.errs[name] = err
	case s != nil:
		r.scans[name] = s
	}
	return nil
}

// intern returns one copy of equal strings.
func (r *recorder) intern(s string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t, ok := r.strings[s]; ok {
		return t
	}
	r.strings[s] = s
	return s
}
