// Package publish writes a build's output. A Dir writes into a temporary
// folder beside the output folder and swaps it in only when the build
// succeeded, so the output folder always holds one complete build: the old
// one or the new one, never a mix, whatever fails. Memory keeps the output
// in memory, for tests, sitegen check and sitegen serve.
//
// What can fail, and what is left:
//
//   - A write the disk refuses (full, or not writable) is a *WriteError,
//     and so is every write after it: the build is one error, not one a
//     file, and Abort leaves the output folder as it was.
//   - An output folder whose old build could not be removed whole (the
//     folder, or one in it, may not be written: a read-only public/) is an
//     error before the swap, and stays as it was. The swap is one step
//     (renameat2 RENAME_EXCHANGE) on Linux.
//   - When the old build, once swapped out, cannot be removed after all,
//     the new build is in place, whole, and Commit says where the old one
//     is (*LeftoverError).
//   - A killed build leaves its temporary folder; the next build removes
//     it, and any other such folder no running build holds: a build locks
//     its folder (flock) while it writes, so that a folder in use is never
//     removed, and a folder left by a build whose process id another
//     process has since taken is.
//
// The build replaces the output folder as a whole, except its hidden
// entries at the top (".git", ".nojekyll"): a build never writes a name
// that starts with ".", so these belong to the publisher (a gh-pages
// worktree, say) and move into each new build. A folder that is not empty
// and holds no site (no index.html) is refused rather than replaced.
package publish

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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

// WriteParts stores a file whose bytes are parts, one after the other.
func (m *Memory) WriteParts(name string, parts [][]byte) error {
	return m.Write(name, bytes.Join(parts, nil))
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
