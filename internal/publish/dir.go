package publish

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A Dir is an output folder being written.
type Dir struct {
	final string
	tmp   string
	disk  disk
	lock  io.Closer                  // holds tmp as in use (lockDir) until Commit or Abort
	dirs  dirCache                   // folders below tmp known to exist, some of them
	fail  atomic.Pointer[WriteError] // the first write that failed
}

// A WriteError is a write into the new build that failed for the disk's
// sake (it is full, or may not be written), not for the file's. After
// one, every Write returns it: the build is lost, and the output folder
// must stay as it was (Abort).
type WriteError struct {
	Out  string // the output folder, as given to Begin
	Name string // the file whose write failed, below it
	Err  error  // the system's error, without the path: "no space left on device"
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("writing the new build of %s failed at %s: %v", e.Out, e.Name, e.Err)
}

func (e *WriteError) Unwrap() error { return e.Err }

// A LeftoverError from Commit says that the new build is in place, whole,
// but the previous one could not be removed from Path, a folder beside
// the output folder; the next build tries again.
type LeftoverError struct {
	Path string
	Err  error
}

func (e *LeftoverError) Error() string {
	return fmt.Sprintf("the new build is in place, but the previous one could not be removed (%v): remove %s, or the next build will try again", e.Err, e.Path)
}

func (e *LeftoverError) Unwrap() error { return e.Err }

// Begin starts writing a new build for the output folder out. It first
// removes temporary folders that earlier builds left, when they were
// killed or could not remove them, and that no running build uses.
func Begin(out string) (*Dir, error) { return begin(out, osDisk) }

func begin(out string, disk disk) (*Dir, error) {
	out = filepath.Clean(out)
	if info, err := os.Lstat(out); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("output %s exists and is not a folder", out)
	}
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, base, disk)
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	tmp := filepath.Join(parent, fmt.Sprintf(".%s.tmp-%d-%s", base, os.Getpid(), hex.EncodeToString(rnd[:])))
	// Mkdir fails if the name exists, so the folder is new and ours: no
	// one placed links in it that a write could follow.
	if err := disk.mkdir(tmp); err != nil {
		return nil, err
	}
	lock, err := lockDir(tmp)
	if err != nil {
		_ = forceRemoveAll(tmp, disk)
		return nil, err
	}
	return &Dir{final: out, tmp: tmp, disk: disk, lock: lock}, nil
}

// removeStale removes ".<base>.tmp-<pid>-*" and ".<base>.old-<pid>-*"
// folders that no running build uses (staleDir): those of builds that
// were killed, or that could not remove them.
func removeStale(parent, base string, disk disk) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), "."+base+".tmp-")
		if !ok {
			rest, ok = strings.CutPrefix(e.Name(), "."+base+".old-")
		}
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil {
			continue // not a name we give
		}
		p := filepath.Join(parent, e.Name())
		var age time.Duration
		if info, err := e.Info(); err == nil {
			age = time.Since(info.ModTime())
		}
		unlock, stale := staleDir(p, pid, age)
		if !stale {
			continue
		}
		// A build killed while it moved the output folder's hidden
		// entries may have left them here: give them back first.
		_ = moveHidden(p, filepath.Join(parent, base), disk)
		_ = forceRemoveAll(p, disk)
		unlock()
	}
}

// Write writes one output file; name is slash-separated and relative. It
// is safe for concurrent use. A name that would leave the temporary folder
// ("..", absolute, a backslash) is refused. A write the disk refuses
// (full, not writable) is a *WriteError, and so is every later Write.
func (d *Dir) Write(name string, data []byte) error {
	return d.write(name, func(p string) error { return d.disk.writeFile(p, data) })
}

// WriteParts is Write of a file whose bytes are parts, one after the
// other, which it does not join in memory: the build writes the sitemap
// of a large site so (150 MB at 100,000 pages).
func (d *Dir) WriteParts(name string, parts [][]byte) error {
	return d.write(name, func(p string) error {
		if d.disk.writeParts == nil {
			return d.disk.writeFile(p, bytes.Join(parts, nil))
		}
		return d.disk.writeParts(p, parts)
	})
}

// write is Write with what writes the file at its path on the disk.
func (d *Dir) write(name string, writeFile func(p string) error) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("refusing to write %q: not a relative path inside the output folder", name)
	}
	if e := d.fail.Load(); e != nil {
		return e
	}
	err := d.mkdir(path.Dir(name))
	if err == nil {
		err = writeFile(filepath.Join(d.tmp, filepath.FromSlash(name)))
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		d.fail.CompareAndSwap(nil, &WriteError{Out: d.final, Name: name, Err: err})
		return d.fail.Load()
	}
	return nil
}

// mkdir makes the folder dir (slash-separated, relative) below the
// temporary folder, and its parents. Every page has a folder of its own,
// so this is one mkdir call a page: no stat first, as os.MkdirAll would
// do, and parents only when the folder cannot be made without them. A
// folder that already exists is no error, so the folders known to exist
// are a cache (dirCache), for the folders many files go to.
func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	if d.dirs.has(dir) {
		return nil
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(dir))
	err := d.disk.mkdir(p)
	if errors.Is(err, fs.ErrNotExist) {
		if err = d.mkdir(path.Dir(dir)); err == nil {
			err = d.disk.mkdir(p)
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.dirs.add(dir)
	return nil
}

// maxCachedDirs bounds the folders a Dir remembers: far more than the
// folders of static files and of a split search index, which many files
// go to, while a page's folder gets one file. Remembering every folder
// took some 70 bytes a page, 20 MB at 100,000 pages (issue 30).
const maxCachedDirs = 4096

// A dirCache holds names of folders known to exist, at most
// maxCachedDirs: when it is full it starts again empty, which costs a
// mkdir call for each folder written to again. It is safe for concurrent
// use.
type dirCache struct {
	mu    sync.Mutex
	known map[string]bool
}

func (c *dirCache) has(dir string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.known[dir]
}

func (c *dirCache) add(dir string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.known == nil || len(c.known) >= maxCachedDirs {
		c.known = make(map[string]bool)
	}
	c.known[dir] = true
}

// moveHidden moves the entries of from whose names start with "." into
// to, where to has none of that name, and returns the first error; what
// is not moved stays where it was.
func moveHidden(from, to string, disk disk) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	var first error
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if _, err := os.Lstat(filepath.Join(to, e.Name())); err == nil {
			continue
		}
		if err := disk.rename(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Commit swaps the new build in for the old one, keeping the old output
// folder's hidden entries (".git"), and removes the old one. The output
// folder then holds the new build, whole; on any error but a
// *LeftoverError it holds the old one as it was, and the new one is
// thrown away. Before it swaps, Commit makes sure the old build can be
// taken away whole: an output folder with a folder this process may not
// write (a read-only public/) is an error, and stays as it was, where
// the swap would have left the old build half removed beside it.
func (d *Dir) Commit() error {
	if e := d.fail.Load(); e != nil {
		d.Abort()
		return e
	}
	if _, err := os.Lstat(d.final); errors.Is(err, fs.ErrNotExist) {
		if err := d.disk.rename(d.tmp, d.final); err != nil {
			d.Abort()
			return err
		}
		d.unlock()
		return nil
	}
	if err := d.replaceable(); err != nil {
		d.Abort()
		return err
	}
	if err := moveHidden(d.final, d.tmp, d.disk); err != nil {
		d.Abort() // moves back what was moved
		return fmt.Errorf("cannot keep the hidden entries of %s (%v); it is as it was", d.final, err)
	}
	old := d.tmp // after the swap, the old build
	if err := d.disk.exchange(d.tmp, d.final); err != nil {
		// No atomic exchange here: move the old build aside, then the
		// new one in. A build killed between the two renames leaves the
		// old build in the .old folder, and no output folder, for a
		// moment.
		old = strings.Replace(d.tmp, ".tmp-", ".old-", 1)
		if err := d.disk.rename(d.final, old); err != nil {
			d.Abort()
			return err
		}
		if err := d.disk.rename(d.tmp, d.final); err != nil {
			_ = d.disk.rename(old, d.final)
			d.Abort()
			return err
		}
	}
	d.unlock()
	if err := forceRemoveAll(old, d.disk); err != nil {
		return &LeftoverError{Path: old, Err: err}
	}
	return nil
}

// replaceable returns an error when the old build in the output folder
// cannot be taken away whole: the folder or one below it may not be
// written by this process. Its hidden entries at the top are left out:
// they move into the new build, and need only the folder's own write
// permission.
func (d *Dir) replaceable() error {
	return filepath.WalkDir(d.final, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("cannot replace %s: %v; it is as it was", d.final, err)
		}
		if filepath.Dir(p) == d.final && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !e.IsDir() {
			return nil
		}
		if err := d.disk.writable(p); err != nil {
			return fmt.Errorf("cannot replace %s: %s may not be written (%v), so the old build could not be removed: make it writable (chmod -R u+w %s) and build again; %s is as it was",
				d.final, p, err, d.final, d.final)
		}
		return nil
	})
}

// Abort throws the new build away and leaves the output folder as it was.
func (d *Dir) Abort() {
	_ = moveHidden(d.tmp, d.final, d.disk)
	_ = forceRemoveAll(d.tmp, d.disk)
	d.unlock()
}

func (d *Dir) unlock() {
	if d.lock != nil {
		d.lock.Close()
		d.lock = nil
	}
}

// forceRemoveAll removes p, a temporary folder of ours, and everything
// in it, making its folders writable first when a folder that is not
// stops the removal (an old build from a read-only output folder, left
// by a version of sitegen that swapped it in).
func forceRemoveAll(p string, disk disk) error {
	err := disk.removeAll(p)
	if err == nil || !errors.Is(err, fs.ErrPermission) {
		return err
	}
	_ = filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
		if err == nil && e.IsDir() {
			_ = os.Chmod(q, 0o700)
		}
		return nil
	})
	return disk.removeAll(p)
}
