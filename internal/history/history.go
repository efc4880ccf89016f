// Package history finds the version of a source page that a translation
// was made from: the version whose content.File.SourceHash is the
// translation's translated_from. Package changes then compares it with
// the source as it is now.
//
// # Where a version is found
//
// First in the copies sitegen stamp keeps in the site, in
// .sitegen/sources/<hash>.md (Dir): the source file as it was stamped.
// Then in the site's git history: the commits that changed the source
// file (git log --follow, so a renamed file is followed), newest first,
// each read with git show until one has the hash. The git command is run
// when it is installed and the site is in a git work tree; a Go library
// for git (go-git) would be a large dependency for two read-only
// commands that every machine with a git checkout has.
//
// # The copies
//
// sitegen stamp and sitegen xliff import keep a copy of the source they
// stamp a translation with, unless the site's git history has that
// version committed (the source at HEAD has the hash): a site without git
// history, or a source stamped before its change was committed, would
// otherwise lose the version for good. They remove the copies that no
// translation's translated_from names any more (Prune). The copies belong
// in version control with the translations: a translator's checkout, and
// the CI that runs sitegen check, need them to show what changed. The
// build never reads .sitegen/, and a hidden folder is never published.
package history

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"strings"
	"sync"

	"github.com/udenmitid/sitegen/internal/content"
)

// Dir is the folder, below the site folder, of the copies of stamped
// sources.
const Dir = ".sitegen/sources"

// maxCommits is how many commits of a source file Find reads at most:
// a translation is usually a few commits behind its source.
const maxCommits = 200

// A History finds stamped versions of a site's sources. It keeps what it
// found: a version with a hash never changes. It is safe for concurrent
// use.
type History struct {
	fsys fs.FS  // the site
	dir  string // the site folder on disk, for git; "" for none

	mu     sync.Mutex
	found  map[string]Found  // by path and hash
	missed map[string]string // by path and hash: the HEAD commit when git did not have it
}

// A Found is a stamped version of a source, and where it was found.
type Found struct {
	Data  []byte // the source file as it was
	Where string // ".sitegen/sources/<hash>.md", or "git commit <short hash>"
}

// New returns a History of the site in fsys, whose folder on disk is dir
// ("" when it has none, as in tests: only the copies are read).
func New(fsys fs.FS, dir string) *History {
	return &History{fsys: fsys, dir: dir, found: map[string]Found{}, missed: map[string]string{}}
}

// ErrNotFound is returned by Find when no version has the hash.
var ErrNotFound = errors.New("not found")

// Find returns the version of the source at p ("content/da/klage.md") that
// had hash, from the copies and then from git. The error wraps
// ErrNotFound, saying where it looked, when neither has it.
func (h *History) Find(p, hash string) (Found, error) {
	key := p + "\x00" + hash
	h.mu.Lock()
	f, ok := h.found[key]
	h.mu.Unlock()
	if ok {
		return f, nil
	}
	copyPath := Dir + "/" + hash + ".md"
	if data, err := fs.ReadFile(h.fsys, copyPath); err == nil && hashOf(p, data) == hash {
		return h.keep(key, Found{data, copyPath}), nil
	}
	where := "not in " + Dir
	if g := h.gitDir(); g != "" {
		head := git(g, "rev-parse", "HEAD")
		h.mu.Lock()
		seen := h.missed[key] == head && head != ""
		h.mu.Unlock()
		if !seen {
			if f, ok := h.fromGit(g, p, hash); ok {
				return h.keep(key, f), nil
			}
			h.mu.Lock()
			h.missed[key] = head
			h.mu.Unlock()
		}
		where = "neither in " + Dir + " nor in the git history of " + p
	} else if h.dir != "" {
		where += ", and the site has no git history"
	}
	return Found{}, fmt.Errorf("%w: the version with hash %s is %s", ErrNotFound, hash, where)
}

func (h *History) keep(key string, f Found) Found {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.found[key] = f
	return f
}

// hashOf is the SourceHash of a file's data, or "" when it does not
// parse.
func hashOf(p string, data []byte) string {
	f, _ := content.Parse(p, data)
	if f == nil {
		return ""
	}
	return f.SourceHash()
}

// gitDir returns the site folder when git is installed and the folder is
// in a git work tree, else "".
func (h *History) gitDir() string {
	if h.dir == "" {
		return ""
	}
	if _, err := exec.LookPath("git"); err != nil {
		return ""
	}
	if git(h.dir, "rev-parse", "--is-inside-work-tree") != "true" {
		return ""
	}
	return h.dir
}

// git runs a git command in dir and returns its output, trimmed, or ""
// when it fails. Optional locks are off, so that it never waits for or
// blocks the editor's own git, and no fsmonitor hook runs.
func git(dir string, args ...string) string {
	out, err := gitBytes(dir, args...)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func gitBytes(dir string, args ...string) ([]byte, error) { return Git(dir, nil, args...) }

// Git runs the git command in dir, with stdin as its input (nil for
// none), and returns what it wrote, the way sitegen runs git everywhere:
// optional locks off, so that it never waits for or blocks the editor's
// own git; no fsmonitor hook; paths unquoted; messages in English.
// sitegen import reads a source site's history with it.
func Git(dir string, stdin []byte, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "core.fsmonitor=false", "-c", "core.quotePath=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	return cmd.Output()
}

// fromGit walks the commits that changed the file at p, newest first,
// for the version with hash.
func (h *History) fromGit(dir, p, hash string) (Found, bool) {
	out, err := gitBytes(dir, "log", "--follow", fmt.Sprintf("--max-count=%d", maxCommits), "--format=%x00%H", "--name-only", "--", p)
	if err != nil {
		return Found{}, false
	}
	for _, rec := range bytes.Split(out, []byte{0})[1:] {
		fields := strings.Fields(string(rec))
		if len(fields) < 2 {
			continue // the commit that deleted it
		}
		commit, name := fields[0], fields[len(fields)-1]
		data, err := gitBytes(dir, "show", commit+":"+name)
		if err != nil {
			continue
		}
		if hashOf(p, data) == hash {
			return Found{data, "git commit " + commit[:min(10, len(commit))]}, true
		}
	}
	return Found{}, false
}

// Committed reports whether the source at p, as committed at HEAD in the
// site's git history, has hash: then Find can find that version without
// a copy.
func (h *History) Committed(p, hash string) bool {
	g := h.gitDir()
	if g == "" {
		return false
	}
	data, err := gitBytes(g, "show", "HEAD:./"+p)
	return err == nil && hashOf(p, data) == hash
}

// Keep writes data, the source file at p whose hash it is, as the copy of
// that version in root (the site folder), unless the site's git history
// has it committed. It reports whether it wrote a copy.
func (h *History) Keep(root *os.Root, p, hash string, data []byte) (bool, error) {
	if h.Committed(p, hash) {
		return false, nil
	}
	name := Dir + "/" + hash + ".md"
	if old, err := root.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	if err := root.MkdirAll(Dir, 0o755); err != nil {
		return false, err
	}
	tmp := name + ".tmp"
	if err := root.WriteFile(tmp, data, 0o644); err != nil {
		return false, err
	}
	if err := root.Rename(tmp, name); err != nil {
		root.Remove(tmp)
		return false, err
	}
	return true, nil
}

// Prune removes the copies in root whose hash is not in used (the
// translated_from of every translation), and returns their names.
func Prune(root *os.Root, used map[string]bool) ([]string, error) {
	entries, err := fs.ReadDir(root.FS(), Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, e := range entries {
		hash, ok := strings.CutSuffix(e.Name(), ".md")
		if !ok || e.IsDir() || used[hash] {
			continue
		}
		name := path.Join(Dir, e.Name())
		if err := root.Remove(name); err != nil {
			return removed, err
		}
		removed = append(removed, name)
	}
	return removed, nil
}
