package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

// buildGCPercent is the collector's GOGC for sitegen build and check,
// unless GOGC sets another: the heap may grow to 1+buildGCPercent/100
// times what was live after the last collection. It is what keeps a
// build's memory in step with the site, with no soft memory limit (issue
// 30): a build keeps about 1 KB a page live (the site model; see the
// README's Performance section), and a collection's count of what is
// live also holds what the build allocated while it marked: 100,000
// pages (300,000 with fallback pages) count 380 to 400 MB live while they
// render (median 394 MB, at most 472), which with this setting peaked at
// 864 to 884 MiB of memory, the build's peak now that the search index
// and the sitemap are made in bounded memory (they raised it to 1,751
// MiB; README, Performance). Go's default, 100, is kept: at 200 the heap
// may grow to three times that count (the 40,000-page build peaked at
// 946 MiB then). The collector's time grows with the bytes allocated,
// not with the site, so it stays about the same share of the CPU at any
// size (11.5% at 10,000 and at 100,000 pages). The 2.5 GiB soft limit
// before, with GOGC 200, made the collector run again and again once the
// live heap neared it (issue 30: 58 times the collector's time of 10,000
// pages at 100,000).
const buildGCPercent = 100

// tuneMemory sets the garbage collector for a whole-site build, which
// sitegen build and sitegen check both make, unless GOGC says otherwise.
// GOMEMLIMIT, when set, sets a soft memory limit as for any Go program;
// a build sets none.
func tuneMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(buildGCPercent)
	}
}

// startCPUProfile writes a CPU profile to the file path names, for go
// tool pprof, until the function it returns is called. An empty path
// profiles nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeMemProfile writes a heap profile to the file path names, for go
// tool pprof: what the build allocated (alloc_space, alloc_objects) and
// what of it is still reachable once it is done (inuse_space). An empty
// path writes nothing.
func writeMemProfile(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC() // the in-use figures as of now, not as of the last collection
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
