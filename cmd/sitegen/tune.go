package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

// buildMemoryLimit is the soft memory limit of sitegen build and check,
// in bytes, unless GOMEMLIMIT sets another (see
// runtime/debug.SetMemoryLimit).
const buildMemoryLimit = 5 << 29 // 2.5 GiB

// tuneMemory sets the garbage collector for a whole-site build, which
// sitegen build and sitegen check both make, unless GOGC or GOMEMLIMIT
// say otherwise.
func tuneMemory() {
	if os.Getenv("GOGC") == "" {
		// A build allocates a lot that dies young; collecting half as often
		// saved about 8% of CPU time on the 10,000-page benchmark corpus
		// for 50% more memory (420 to 630 MB), which a build can afford.
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// With GOGC at 200 the heap may grow to three times what is live.
		// A build keeps about 1.8 KB a page live (the site model; search
		// entries wait in a temporary file): some 650 MB at 100,000 pages,
		// a heap of 2 GB, under this limit. It is a guard for larger sites:
		// with the live heap near it the collector would run again and
		// again (issue 30: 1.5 GB live at 100,000 pages cost 58 times the
		// collector's time of 10,000).
		debug.SetMemoryLimit(buildMemoryLimit)
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
