package serve

import (
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
)

// checks keeps the status page's check of the site current along with
// the server's builds: the Builder shows its Checker every page it
// converts (build.Options.Inspect), and each successful build queues the
// output files it wrote and removed; the Reporter's goroutine reads the
// queued HTML files into the Checker, then makes the report under the
// build lock. An edit thus costs the check the pages it converts and
// writes again, and a report the checks across pages, never a second
// build of the site.
type checks struct {
	checker *check.Checker

	mu      sync.Mutex
	queue   []outputs    // written by builds, not yet read by the Checker
	started bool         // a report was made, or is being made
	whole   atomic.Int64 // counts the reports made with a whole sitegen check
}

// outputs is what one build wrote and removed; files holds the bytes of
// at least every written file (the build's staging Memory).
type outputs struct {
	files   map[string][]byte
	written []string
	removed []string
}

// add queues a build's output for the Checker.
func (c *checks) add(o outputs) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.queue = append(c.queue, o)
}

// read gives the queued outputs to the Checker, in the order the builds
// made them, and reports whether there were any. The HTML files of one
// build are read on all cores.
func (c *checks) read() bool {
	c.mu.Lock()
	queue := c.queue
	c.queue = nil
	c.mu.Unlock()
	for _, o := range queue {
		c.checker.Remove(o.removed...)
		parallel(len(o.written), func(i int) { c.checker.Write(o.written[i], o.files[o.written[i]]) })
	}
	return len(queue) > 0
}

// report checks the site as the server serves it, for the Reporter: from
// the Checker when the latest build succeeded, else (the last good build
// is served, and the Builder does not go on past errors) with a whole
// sitegen check of the files, as sitegen check reports a site that does
// not build.
func (s *Server) report() (*check.Report, error) {
	rep, err := s.check()
	if err == nil && rep != nil {
		// What changed in the sources of outdated translations, from
		// the copies and git: History keeps what it found, so a report
		// after an edit reads only what is new.
		rep.Explain(s.root.FS(), s.history)
	}
	return rep, err
}

// check makes the report of sitegen check (see report).
func (s *Server) check() (*check.Report, error) {
	first := !s.checks.started
	s.checks.started = true
	// Read what the builds wrote outside the build lock, so that a
	// rebuild need not wait; then under it, whatever came since.
	for i := 0; ; i++ {
		s.checks.read()
		s.mu.Lock()
		if i == 2 || !s.checks.pending() {
			break
		}
		s.mu.Unlock()
	}
	s.checks.read()
	res, err := s.latest, s.latestErr
	if err == nil && res != nil {
		rep, err := s.checks.checker.Report(res, nil)
		s.mu.Unlock()
		if first {
			// Reading every page leaves garbage as large as what it keeps.
			debug.FreeOSMemory()
		}
		return rep, err
	}
	s.mu.Unlock()
	s.checks.whole.Add(1)
	rep, err := check.Run(s.root.FS(), build.Options{BaseURL: s.base, Drafts: s.opts.Drafts, Defaults: s.opts.Defaults, Dev: true})
	// A whole check at 10,000 pages needs as much memory as a build; give
	// it back, so the server holds what serving needs.
	debug.FreeOSMemory()
	return rep, err
}

// pending reports whether outputs are queued.
func (c *checks) pending() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.queue) > 0
}
