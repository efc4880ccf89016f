package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// oldBuild makes an output folder holding a previous build and a
// publisher's hidden entries, and returns its path.
func oldBuild(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	for name, data := range map[string]string{
		"index.html": "old", "da/index.html": "old da", "da/404.html": "old 404", ".git/HEAD": "ref", ".nojekyll": "",
	} {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// tree returns every file below dir with its content, and every entry
// beside it, so that a test can tell that nothing changed.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		if e.IsDir() {
			out = append(out, rel+"/")
			return nil
		}
		data, _ := os.ReadFile(p)
		out = append(out, rel+"="+string(data))
		return nil
	})
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		out = append(out, "beside: "+e.Name())
	}
	return out
}

// writeNew writes a new build into d, as far as the disk lets it, and
// returns the first error.
func writeNew(d *Dir) error {
	for _, name := range []string{"index.html", "da/index.html", "da/404.html", "en/index.html", "en/404.html", "sitemap.xml"} {
		if err := d.Write(name, []byte("new "+name)); err != nil {
			return err
		}
	}
	return nil
}

// TestFailedCommitLeavesOutput: whatever fails, the output folder holds
// the old build as it was, or the new one whole, and no temporary folder
// is left beside it (issue 23: with a read-only public/ the build exited
// 1 yet public/ held the new build, and the old one stayed beside it as
// .public.tmp-* for good; a full disk printed 6,518 lines).
func TestFailedCommitLeavesOutput(t *testing.T) {
	eacces := func(p string) error { return &fs.PathError{Op: "open", Path: p, Err: syscall.EACCES} }
	tests := []struct {
		name string
		fail func(d *disk, out string)
		want string // the error; the output keeps the old build
	}{
		{"read-only folder in the output", func(d *disk, out string) {
			d.writable = func(dir string) error {
				if dir == filepath.Join(out, "da") {
					return syscall.EACCES
				}
				return nil
			}
		}, "cannot replace OUT: OUT/da may not be written (permission denied), so the old build could not be removed: make it writable (chmod -R u+w OUT) and build again; OUT is as it was"},
		{"read-only output folder", func(d *disk, out string) {
			d.writable = func(dir string) error {
				if dir == out {
					return syscall.EROFS
				}
				return nil
			}
		}, "cannot replace OUT: OUT may not be written (read-only file system)"},
		{"full disk", func(d *disk, out string) {
			var n atomic.Int32
			d.writeFile = func(name string, data []byte) error {
				if n.Add(1) > 3 {
					return &fs.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
				}
				return os.WriteFile(name, data, 0o644)
			}
		}, "writing the new build of OUT failed at en/index.html: no space left on device"},
		{"a folder that cannot be made", func(d *disk, out string) {
			d.mkdir = func(name string) error {
				if strings.HasSuffix(name, "en") {
					return eacces(name)
				}
				return os.Mkdir(name, 0o755)
			}
		}, "writing the new build of OUT failed at en/index.html: permission denied"},
		{"hidden entries that cannot move", func(d *disk, out string) {
			d.rename = func(from, to string) error {
				if filepath.Base(from) == ".nojekyll" {
					return syscall.EACCES
				}
				return os.Rename(from, to)
			}
		}, "cannot keep the hidden entries of OUT (permission denied); it is as it was"},
		{"no exchange, and the output cannot move aside", func(d *disk, out string) {
			d.exchange = func(a, b string) error { return errors.ErrUnsupported }
			d.rename = func(from, to string) error {
				if from == out {
					return syscall.EBUSY
				}
				return os.Rename(from, to)
			}
		}, "device or resource busy"},
		{"no exchange, and the new build cannot move in", func(d *disk, out string) {
			d.exchange = func(a, b string) error { return errors.ErrUnsupported }
			d.rename = func(from, to string) error {
				if to == out && strings.Contains(from, ".tmp-") {
					return syscall.EIO
				}
				return os.Rename(from, to)
			}
		}, "input/output error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := oldBuild(t)
			before := tree(t, out)
			disk := osDisk
			tt.fail(&disk, out)
			d, err := begin(out, disk)
			if err != nil {
				t.Fatal(err)
			}
			err = writeNew(d)
			if err == nil {
				err = d.Commit()
			} else {
				if again := d.Write("other.html", nil); again != err {
					t.Errorf("a write after the disk failed: %v, want the first error again", again)
				}
				if cerr := d.Commit(); cerr != err {
					t.Errorf("Commit after a failed write: %v", cerr)
				}
				d.Abort()
			}
			want := strings.ReplaceAll(tt.want, "OUT", out)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v\nwant …%s…", err, want)
			}
			if after := tree(t, out); !slices.Equal(after, before) {
				t.Errorf("the output changed:\n%s\nwas:\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
			}
		})
	}
}

// TestLeftover: when the old build cannot be removed after the swap, the
// new build is in place whole, Commit says where the old one is, and the
// next build removes it.
func TestLeftover(t *testing.T) {
	out := oldBuild(t)
	disk := osDisk
	disk.removeAll = func(p string) error { return &fs.PathError{Op: "unlinkat", Path: p, Err: syscall.EIO} }
	d, err := begin(out, disk)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeNew(d); err != nil {
		t.Fatal(err)
	}
	err = d.Commit()
	var left *LeftoverError
	if !errors.As(err, &left) || !strings.Contains(filepath.Base(left.Path), ".public.tmp-") {
		t.Fatalf("Commit = %v, want a LeftoverError", err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "en", "404.html")); string(data) != "new en/404.html" {
		t.Errorf("the new build is not in place: %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(out, ".git", "HEAD")); string(data) != "ref" {
		t.Errorf(".git lost: %q", data)
	}
	d, err = Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left.Path); err == nil {
		t.Errorf("the next build kept %s", left.Path)
	}
	d.Abort()
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("beside the output: %v", entries)
	}
}

// TestStaleFolders: Begin removes the temporary folders of builds that no
// longer run, even when a folder in one may not be written, and keeps the
// one a running build uses.
func TestStaleFolders(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	mk := func(name string) string {
		p := filepath.Join(parent, name)
		if err := os.MkdirAll(filepath.Join(p, "da"), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(p, "da", "index.html"), []byte("x"), 0o644)
		return p
	}
	dead := mk(".public.tmp-999999999-abc")
	own := mk(".public.tmp-" + strconv.Itoa(os.Getpid()) + "-abc") // this process's, not locked: a Dir it forgot
	oldFallback := mk(".public.old-999999999-abc")
	other := mk(".other.tmp-1-abc")
	notOurs := mk(".public.tmp-x-abc")
	running, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Abort()
	// A folder that may not be written stops the first removal.
	readOnly := mk(".public.tmp-999999998-abc")
	disk := osDisk
	tried := 0
	disk.removeAll = func(p string) error {
		if p == readOnly && tried == 0 {
			tried++
			return &fs.PathError{Op: "unlinkat", Path: p, Err: syscall.EACCES}
		}
		return os.RemoveAll(p)
	}
	d, err := begin(out, disk)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, p := range []string{dead, own, oldFallback, readOnly} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was kept", filepath.Base(p))
		}
	}
	for _, p := range []string{running.tmp, other, notOurs} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", filepath.Base(p))
		}
	}
}
