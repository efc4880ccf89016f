//go:build unix

package serve

import (
	"io/fs"
	"syscall"
)

// A fileID tells a folder wherever it is moved: its device and inode.
type fileID struct{ dev, ino uint64 }

// identity returns the identity of a folder, and whether the system has
// one.
func identity(info fs.FileInfo) (fileID, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), uint64(st.Ino)}, true
}
