//go:build !unix

package publish

import (
	"io"
	"os"
	"time"
)

// lockDir cannot lock here: a folder is known to be in use by the
// process id in its name (staleDir).
func lockDir(dir string) (io.Closer, error) { return nil, nil }

// staleDir cannot tell whether another process runs here: a temporary
// folder is kept until a build of the same process id, which is rare, or
// removed by hand.
func staleDir(dir string, pid int, age time.Duration) (unlock func(), stale bool) {
	return func() {}, pid == os.Getpid()
}

// writable cannot tell here; a folder that is not is found when the old
// build is removed (LeftoverError).
func writable(dir string) error { return nil }
