// Package publish writes a build's output. A Dir writes into a temporary
// folder beside the output folder and swaps it in only when the build
// succeeded, so the output folder always holds one complete build: the old
// one or the new one, never a mix, even if the build is killed. Memory
// keeps the output in memory, for tests, sitegen check and sitegen serve.
//
// The build replaces the output folder as a whole, except its hidden
// entries at the top (".git", ".nojekyll"): a build never writes a name
// that starts with ".", so these belong to the publisher (a gh-pages
// worktree, say) and move into each new build. A folder that is not empty
// and holds no site (no index.html) is refused rather than replaced.
package publish

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// CheckOutput refuses output folders that a build must never replace:
// the site folder itself, a folder that contains it, a folder inside one of
// its source folders, the home folder and the file system root. out and
// site are paths on disk.
func CheckOutput(out, site string) error {
	outAbs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	siteAbs, err := filepath.Abs(site)
	if err != nil {
		return err
	}
	outAbs, siteAbs = resolve(outAbs), resolve(siteAbs)
	home, _ := os.UserHomeDir()
	switch {
	case outAbs == filepath.Dir(outAbs):
		return fmt.Errorf("output folder %s is the file system root; choose a folder of its own such as %s", out, filepath.Join(site, "public"))
	case home != "" && outAbs == resolve(home):
		return fmt.Errorf("output folder %s is your home folder; choose a folder of its own such as %s", out, filepath.Join(site, "public"))
	case outAbs == siteAbs:
		return fmt.Errorf("output folder %s is the site folder; the build would replace your content (use %s)", out, filepath.Join(site, "public"))
	case within(siteAbs, outAbs):
		return fmt.Errorf("output folder %s contains the site folder %s; the build would replace your content", out, site)
	}
	for _, src := range []string{"content", "layouts", "i18n", "static"} {
		if dir := filepath.Join(siteAbs, src); outAbs == dir || within(outAbs, dir) {
			return fmt.Errorf("output folder %s is inside the site's %s/ folder; the build would read its own output", out, src)
		}
	}
	entries, err := os.ReadDir(outAbs)
	if err != nil {
		return nil // it does not exist yet (or Begin will say why not)
	}
	hasSite := false
	var other []string
	for _, e := range entries {
		switch {
		case e.Name() == "index.html":
			hasSite = true
		case !strings.HasPrefix(e.Name(), "."):
			other = append(other, e.Name())
		}
	}
	if !hasSite && len(other) > 0 {
		return fmt.Errorf("output folder %s is not empty and holds no site (no index.html), but %s: the build replaces everything in it; choose a new or empty folder", out, strings.Join(other[:min(len(other), 3)], ", "))
	}
	return nil
}

// within reports whether p is strictly below dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve follows symbolic links as far as the path exists, so that a
// link cannot disguise the site folder.
func resolve(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	dir, base := filepath.Split(p)
	if dir == p || dir == "" {
		return p
	}
	return filepath.Join(resolve(filepath.Clean(dir)), base)
}

// A Dir is an output folder being written.
type Dir struct {
	final string
	tmp   string
	dirs  sync.Map // folders below tmp known to exist
}

// Begin starts writing a new build for the output folder out. It first
// removes temporary folders that earlier, interrupted builds left.
func Begin(out string) (*Dir, error) {
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
	removeStale(parent, base)
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	tmp := filepath.Join(parent, fmt.Sprintf(".%s.tmp-%d-%s", base, os.Getpid(), hex.EncodeToString(rnd[:])))
	// Mkdir fails if the name exists, so the folder is new and ours: no
	// one placed links in it that a write could follow.
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Dir{final: out, tmp: tmp}, nil
}

// removeStale removes ".<base>.tmp-<pid>-*" and ".<base>.old-<pid>-*"
// folders whose build process is gone.
func removeStale(parent, base string) {
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
		if err == nil && pid != os.Getpid() && alive(pid) {
			continue
		}
		// A build killed while it moved the output folder's hidden
		// entries may have left them here: give them back first.
		moveHidden(filepath.Join(parent, e.Name()), filepath.Join(parent, base))
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// Write writes one output file; name is slash-separated and relative. It
// is safe for concurrent use. A name that would leave the temporary folder
// ("..", absolute, a backslash) is refused.
func (d *Dir) Write(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("refusing to write %q: not a relative path inside the output folder", name)
	}
	if err := d.mkdir(path.Dir(name)); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d.tmp, filepath.FromSlash(name)), data, 0o644)
}

// mkdir makes the folder dir (slash-separated, relative) below the
// temporary folder, and its parents, once. Every page has a folder of its
// own, so this is one mkdir call a page: no stat first, as os.MkdirAll
// would do, and parents only when the folder cannot be made without them.
func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	if _, ok := d.dirs.Load(dir); ok {
		return nil
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(dir))
	err := os.Mkdir(p, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err = d.mkdir(path.Dir(dir)); err == nil {
			err = os.Mkdir(p, 0o755)
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.dirs.Store(dir, true)
	return nil
}

// moveHidden moves the entries of from whose names start with "." into
// to, where to has none of that name. Errors are ignored: what is not
// moved stays where it was.
func moveHidden(from, to string) {
	entries, err := os.ReadDir(from)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if _, err := os.Lstat(filepath.Join(to, e.Name())); err == nil {
			continue
		}
		_ = os.Rename(filepath.Join(from, e.Name()), filepath.Join(to, e.Name()))
	}
}

// Commit swaps the new build in for the old one, keeping the old output
// folder's hidden entries (".git").
func (d *Dir) Commit() error {
	if _, err := os.Lstat(d.final); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(d.tmp, d.final)
	}
	moveHidden(d.final, d.tmp)
	if err := exchange(d.tmp, d.final); err == nil {
		return os.RemoveAll(d.tmp) // now the old build
	}
	// No atomic exchange here: move the old build aside, then the new one
	// in. A build killed between the two renames leaves the old build in
	// the .old folder, and no output folder, for a moment.
	old := strings.Replace(d.tmp, ".tmp-", ".old-", 1)
	if err := os.Rename(d.final, old); err != nil {
		d.Abort()
		return err
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		_ = os.Rename(old, d.final)
		d.Abort()
		return err
	}
	return os.RemoveAll(old)
}

// Abort throws the new build away and leaves the output folder as it was.
func (d *Dir) Abort() {
	moveHidden(d.tmp, d.final)
	os.RemoveAll(d.tmp)
}

// Memory is output kept in memory. It is safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// Write stores a file.
func (m *Memory) Write(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("refusing to write %q: not a relative path inside the output", name)
	}
	data = bytes.Clone(data) // the caller reuses its buffer
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
	return nil
}

// Files returns the stored files. The map must not be changed.
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.files
}

// Names returns the stored file names, sorted.
func (m *Memory) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
