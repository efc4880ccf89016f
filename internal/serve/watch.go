package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
)

// WatchedDirs are the site folders whose files are watched, recursively.
var WatchedDirs = []string{"content", "layouts", "i18n", "static"}

const (
	// quiet is how long the watcher waits after an event for more: an
	// editor's save is often several events (write to a temporary file,
	// rename it over the original, change its mode).
	quiet = 40 * time.Millisecond
	// longest is how long a burst of events may delay a rebuild.
	longest = 400 * time.Millisecond
)

// Watch watches the site in root and calls onBatch with the changed paths
// (slash-separated, relative to root) after each burst of changes, until
// ctx is done. onBatch runs on Watch's goroutine, so builds never overlap.
func Watch(ctx context.Context, root string, onBatch func(paths []string)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(root); err != nil {
		return err
	}
	for _, d := range WatchedDirs {
		addTree(w, filepath.Join(root, d), nil)
	}
	pending := map[string]bool{}
	var timer <-chan time.Time
	var first time.Time
	flush := func() {
		if len(pending) == 0 {
			return
		}
		paths := make([]string, 0, len(pending))
		for p := range pending {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		clear(pending)
		timer = nil
		onBatch(paths)
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: rebuild as if the whole site changed.
				pending[config.File] = true
				continue
			}
			return err
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			rel, relevant := relevantPath(root, ev)
			if !relevant {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					// A new folder: watch it, and count what is already
					// in it, which may have been written before the watch.
					addTree(w, ev.Name, func(p string) { pending[toRel(root, p)] = true })
				}
			}
			pending[rel] = true
			if timer == nil {
				first = time.Now()
			}
			wait := quiet
			if rest := longest - time.Since(first); rest < wait {
				wait = max(rest, 0)
			}
			timer = time.After(wait)
		case <-timer:
			flush()
		}
	}
}

// relevantPath returns the event's path relative to root, and whether the
// build reads it: sitegen.toml and files below the watched folders, but
// not editors' temporary, swap and backup files.
func relevantPath(root string, ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod {
		return "", false
	}
	rel := toRel(root, ev.Name)
	if rel == "" || strings.HasPrefix(rel, "../") {
		return "", false
	}
	top, _, nested := strings.Cut(rel, "/")
	if !nested {
		return rel, rel == config.File || slices.Contains(WatchedDirs, rel)
	}
	if !slices.Contains(WatchedDirs, top) {
		return "", false
	}
	for _, seg := range strings.Split(rel, "/") {
		if content.Ignored(seg) {
			return "", false
		}
	}
	return rel, true
}

func toRel(root, p string) string {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(rel)
}

// addTree watches dir and the folders below it, calling found, if not
// nil, for every file in them.
func addTree(w *fsnotify.Watcher, dir string, found func(string)) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != dir && content.Ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			w.Add(p)
		} else if found != nil {
			found(p)
		}
		return nil
	})
}
