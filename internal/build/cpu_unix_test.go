//go:build unix

package build_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used so far, user and
// system, all threads. The build benchmarks report it per build
// (cpu-ms/op): on a machine shared with other work it moves much less
// than the wall time of ns/op, which counts the time spent waiting for a
// core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
