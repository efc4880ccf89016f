//go:build !unix

package build_test

import "time"

// cpuTime is 0 where the process's CPU time is not read; cpu-ms/op is
// then 0 (see cpu_unix_test.go).
func cpuTime() time.Duration { return 0 }
