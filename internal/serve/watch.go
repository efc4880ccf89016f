package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
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

// A Watcher watches a site's files and collects the paths that change,
// for sitegen serve to rebuild after. Its rules make every change count,
// whatever the order of saves, renames, moves and deletes:
//
//   - It watches every folder before NewWatcher returns, so a build that
//     starts after that misses nothing: whatever changes after the build
//     read it is reported.
//   - It takes events all the time, also while a build runs; the paths
//     changed meanwhile are the next batch (Next).
//   - A new folder is watched, and every file already in it counts as
//     changed, since it may have been written before the watch.
//   - A folder renamed, moved or deleted stops being watched under its
//     old path, with every folder below it, before anything else happens.
//     (The kernel's watch follows the folder to its new place, and would
//     report its files under the old path, or once dropped, not at all.)
//     Each folder is watched under one path only: one watched under
//     another path before, whose move went unseen, is dropped there first.
//   - When the kernel's queue overflows and events are lost, every watch
//     is set up anew and the batch asks for a full rebuild (sitegen.toml
//     counts as changed).
//
// Only sitegen.toml and files below WatchedDirs count, and never files
// content.Ignored names (editors' backup and swap files).
type Watcher struct {
	root string
	fsw  *fsnotify.Watcher
	dirs map[string]fs.FileInfo // watched folders: path on disk -> the folder; owned by loop
	ids  map[fileID]string      // watched folders by identity, where the system has one

	mu      sync.Mutex
	pending map[string]bool // changed paths, relative to root, slash-separated
	first   time.Time       // when the first pending path came
	last    time.Time       // when the latest came
	err     error           // the watcher failed

	changed chan struct{} // a path was added to pending, or the watcher failed
	done    chan struct{} // the loop has ended
}

// NewWatcher starts watching the site in root. The returned Watcher is
// watching every folder; call Close when done.
func NewWatcher(root string) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: root, fsw: fsw, dirs: map[string]fs.FileInfo{}, ids: map[fileID]string{},
		pending: map[string]bool{}, changed: make(chan struct{}, 1), done: make(chan struct{})}
	if err := w.watchAll(); err != nil {
		fsw.Close()
		return nil, err
	}
	go w.loop()
	return w, nil
}

// Close stops watching.
func (w *Watcher) Close() error {
	err := w.fsw.Close()
	<-w.done
	return err
}

// Next waits until paths have changed and no more have come for a moment
// (or for longest), and returns them, sorted. It returns an error when
// ctx is done or the watcher fails.
func (w *Watcher) Next(ctx context.Context) ([]string, error) {
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		w.mu.Lock()
		if w.err != nil {
			err := w.err
			w.mu.Unlock()
			return nil, err
		}
		wait := time.Hour
		if len(w.pending) > 0 {
			now := time.Now()
			wait = min(quiet-now.Sub(w.last), longest-now.Sub(w.first))
			if wait <= 0 {
				paths := make([]string, 0, len(w.pending))
				for p := range w.pending {
					paths = append(paths, p)
				}
				clear(w.pending)
				w.mu.Unlock()
				slices.Sort(paths)
				return paths, nil
			}
		}
		w.mu.Unlock()
		timer.Reset(wait)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-w.done:
			return nil, errors.New("the watcher was closed")
		case <-w.changed:
		case <-timer.C:
		}
	}
}

// loop takes the events until the watcher is closed.
func (w *Watcher) loop() {
	defer close(w.done)
	for {
		select {
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.overflow()
				continue
			}
			w.fail(err)
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if err := w.handle(ev); err != nil {
				w.fail(err)
				return
			}
		}
	}
}

// handle keeps the watches right for one event and records its path.
func (w *Watcher) handle(ev fsnotify.Event) error {
	if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
		w.forget(ev.Name)
	}
	if _, relevant := relevantPath(w.root, ev); !relevant {
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			// A new folder, or one moved here: watch it, and count what
			// is already in it, which may have been written before.
			if err := w.watchTree(ev.Name, w.add); err != nil {
				return err
			}
		}
	}
	w.add(ev.Name)
	return nil
}

// add records a changed path on disk.
func (w *Watcher) add(p string) {
	rel := toRel(w.root, p)
	w.mu.Lock()
	now := time.Now()
	if len(w.pending) == 0 {
		w.first = now
	}
	w.last = now
	w.pending[rel] = true
	w.mu.Unlock()
	select {
	case w.changed <- struct{}{}:
	default:
	}
}

func (w *Watcher) fail(err error) {
	w.mu.Lock()
	w.err = err
	w.mu.Unlock()
	select {
	case w.changed <- struct{}{}:
	default:
	}
}

// overflow handles lost events: every watch is set up anew, since folders
// may have come, gone or moved unseen, and the whole site is rebuilt,
// after the watches are in place.
func (w *Watcher) overflow() {
	for p := range w.dirs {
		w.fsw.Remove(p)
	}
	clear(w.dirs)
	clear(w.ids)
	if err := w.watchAll(); err != nil {
		w.fail(err)
		return
	}
	w.add(filepath.Join(w.root, config.File))
}

// watchAll watches the site folder (for sitegen.toml and the watched
// folders coming and going) and every folder below the watched ones.
func (w *Watcher) watchAll() error {
	if err := w.watchDir(w.root); err != nil {
		return err
	}
	for _, d := range WatchedDirs {
		if err := w.watchTree(filepath.Join(w.root, d), nil); err != nil {
			return err
		}
	}
	return nil
}

// watchTree watches dir and the folders below it, calling found, if not
// nil, for every file in them. Each folder is watched before its files
// are listed, so a file is either listed or reported by an event.
func (w *Watcher) watchTree(dir string, found func(string)) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
				return nil // gone meanwhile: its event follows
			}
			return fmt.Errorf("watching %s: %w", p, err)
		}
		if p != dir && content.Ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return w.watchDir(p)
		}
		if found != nil {
			found(p)
		}
		return nil
	})
}

// watchDir watches one folder, first dropping the watches of the same
// folder under another path (it was moved, and its move went unseen).
func (w *Watcher) watchDir(p string) error {
	info, err := os.Lstat(p)
	if err != nil || !info.IsDir() {
		return nil // gone, or no longer a folder: its event follows
	}
	id, hasID := identity(info)
	if hasID {
		if old, ok := w.ids[id]; ok && old != p {
			w.forget(old)
		}
	}
	if err := w.fsw.Add(p); err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return nil
		}
		if errors.Is(err, syscall.ENOSPC) {
			return fmt.Errorf("watching %s: the system allows no more watches; raise fs.inotify.max_user_watches (sysctl)", p)
		}
		return fmt.Errorf("watching %s: %w", p, err)
	}
	w.dirs[p] = info
	if hasID {
		w.ids[id] = p
	}
	return nil
}

// forget stops watching the folder at p, if it is watched, and every
// folder below it.
func (w *Watcher) forget(p string) {
	if _, ok := w.dirs[p]; !ok {
		return
	}
	for d, info := range w.dirs {
		if d == p || strings.HasPrefix(d, p+string(filepath.Separator)) {
			w.fsw.Remove(d) // the kernel may have dropped it already
			delete(w.dirs, d)
			if id, ok := identity(info); ok && w.ids[id] == d {
				delete(w.ids, id)
			}
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
	if rel == "" || rel == "." || strings.HasPrefix(rel, "../") {
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
