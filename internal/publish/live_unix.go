//go:build unix

package publish

import (
	"errors"
	"io"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// lockDir holds a lock on the folder dir (flock) until the returned
// Closer is closed, or the process ends however it ends: a build's
// temporary folder is in use exactly while its lock is held.
func lockDir(dir string) (io.Closer, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// staleDir reports whether the temporary folder dir, named with the
// process id pid and last changed age ago, is left from a build that no
// longer runs, and if so, holds its lock until unlock is called so that
// no other build takes it meanwhile. A folder is in use while its lock is
// held, or for its first minute while its process runs (between its
// Mkdir and its lock, or made by a sitegen that did not lock). A process
// id alone would keep the folder of a killed build as long as another
// process had its id, which in a container is every run.
func staleDir(dir string, pid int, age time.Duration) (unlock func(), stale bool) {
	if pid != os.Getpid() && alive(pid) && age < time.Minute {
		return nil, false
	}
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, false
	}
	return func() { f.Close() }, true
}

// alive reports whether a process with this id runs.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// writable reports whether this process may add and remove the entries
// of dir: write and search permission, on a file system mounted for
// writing, and not immutable.
func writable(dir string) error {
	return unix.Access(dir, unix.W_OK|unix.X_OK)
}
