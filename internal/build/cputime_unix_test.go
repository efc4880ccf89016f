//go:build unix

package build_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) the process has used,
// which other load on the machine disturbs less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
