package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/fsnotify/fsnotify"

	"github.com/udenmitid/sitegen/internal/progress"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// serveSite writes files over testSite into a folder and serves it.
func serveSite(t *testing.T, extra string) (dir string, s *Server, stop func()) {
	t.Helper()
	dir = t.TempDir()
	writeSite(t, dir, testSite+extra)
	s, stop = serveDir(t, Options{Src: dir, Addr: "127.0.0.1:0", Drafts: true, Defaults: sitetest.Theme()})
	return dir, s, stop
}

// serveDir serves a site that is already on disk.
func serveDir(t *testing.T, opts Options) (*Server, func()) {
	t.Helper()
	s, err := New(opts, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	return s, func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}
}

// waitBody waits until the page at path is served with want in it.
func waitBody(t *testing.T, s *Server, path, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body := get(t, s.URL()+path)
		if code == 200 && strings.Contains(body, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("/%s: %d, still without %q; build errors: %v", path, code, want, s.store.Errors())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func page(title, body string) string {
	return fmt.Sprintf("---\ntitle: %s\ndescription: %s.\n---\n%s\n", title, title, body)
}

// TestFolderRename is issue 15's case: after a folder is renamed, edits
// in it, at any depth, are shown; and so they are after it is moved back,
// or moved to another depth, at once or a while after the move.
func TestFolderRename(t *testing.T) {
	dir, s, stop := serveSite(t, `-- content/da/nyt/_index.md --
`+page("Nyt", "Nyheder.")+`-- content/da/nyt/b.md --
`+page("Gammel b", "B.")+`-- content/da/nyt/under/_index.md --
`+page("Under", "Under.")+`-- content/da/nyt/under/c.md --
`+page("Gammel c", "C."))
	defer stop()
	waitBody(t, s, "da/nyt/b/", "Gammel b")
	content := filepath.Join(dir, "content")
	places := []string{"da/arkiv", "da/nyt", "da/hjaelp/nyt", "da/nyt"}
	delays := []time.Duration{0, 20 * time.Millisecond, 300 * time.Millisecond, 1500 * time.Millisecond}
	from := "da/nyt"
	for i, to := range places {
		if err := os.Rename(filepath.Join(content, from), filepath.Join(content, to)); err != nil {
			t.Fatal(err)
		}
		url := to
		waitBody(t, s, url+"/b/", "Gammel b")
		time.Sleep(delays[i%len(delays)])
		write(t, dir, "content/"+to+"/b.md", page(fmt.Sprintf("Ny titel %d", i), "B."))
		waitBody(t, s, url+"/b/", fmt.Sprintf("Ny titel %d", i))
		write(t, dir, "content/"+to+"/under/c.md", page(fmt.Sprintf("Ny c %d", i), "C."))
		waitBody(t, s, url+"/under/c/", fmt.Sprintf("Ny c %d", i))
		write(t, dir, "content/"+to+"/b.md", page("Gammel b", "B."))
		waitBody(t, s, url+"/b/", "Gammel b")
		from = to
	}
}

// onOpen wraps a site's file system and calls fn once, after the file
// name is opened.
type onOpen struct {
	fs.FS
	name string
	once sync.Once
	fn   func()
}

func (o *onOpen) Open(name string) (fs.File, error) {
	f, err := o.FS.Open(name)
	if name == o.name {
		o.once.Do(o.fn)
	}
	return f, err
}

// TestEditDuringFirstBuild is issue 15's case: a page saved while the
// first build runs, after the build has read it, is shown once the build
// is done; and so is an edit made the moment the server is up.
func TestEditDuringFirstBuild(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, testSite)
	saved := make(chan struct{})
	defer func(old func(*os.Root) fs.FS) { siteFS = old }(siteFS)
	siteFS = func(r *os.Root) fs.FS {
		return &onOpen{FS: r.FS(), name: "content/da/klage.md", fn: func() {
			// The build has the file open and reads the old text.
			write(t, dir, "content/da/klage.md", page("Klage", "Gemt under den første build."))
			close(saved)
		}}
	}
	s, stop := serveDir(t, Options{Src: dir, Addr: "127.0.0.1:0", Drafts: true, Defaults: sitetest.Theme()})
	defer stop()
	select {
	case <-saved:
	default:
		t.Fatal("the first build did not read content/da/klage.md")
	}
	write(t, dir, "content/da/_index.md", page("Forside", "Gemt lige efter start."))
	waitBody(t, s, "da/klage/", "Gemt under den første build.")
	waitBody(t, s, "da/", "Gemt lige efter start.")
}

// TestFirstBuildProgress: the first build shows its progress line on a
// terminal, and erases it before the summary is printed there.
func TestFirstBuildProgress(t *testing.T) {
	defer func(d time.Duration) { progress.Delay = d }(progress.Delay)
	progress.Delay = 0
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	var screen bytes.Buffer
	read := make(chan struct{})
	go func() { io.Copy(&screen, ptmx); close(read) }()
	dir := t.TempDir()
	writeSite(t, dir, testSite)
	s, err := New(Options{Src: dir, Addr: "127.0.0.1:0", Drafts: true, Defaults: sitetest.Theme(), Progress: tty}, tty)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s.Serve(ctx)
	time.Sleep(50 * time.Millisecond)
	tty.Close()
	ptmx.Close()
	<-read
	out := screen.String()
	if !regexp.MustCompile(`^(\rbuilding: read [^\r\n]*)+\r +\rbuilt \d+ pages [^\r]*\r\n`).MatchString(out) {
		t.Errorf("terminal: %q", out)
	}
}

// TestRelativeSrc: -src given as a relative path serves and watches the
// same as an absolute one.
func TestRelativeSrc(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	writeSite(t, dir, testSite)
	t.Chdir(parent)
	s, stop := serveDir(t, Options{Src: "site", Addr: "127.0.0.1:0", Drafts: true, Defaults: sitetest.Theme()})
	defer stop()
	waitBody(t, s, "da/klage/", "Klag i tide.")
	write(t, dir, "content/da/klage.md", page("Klage", "Ny tekst."))
	waitBody(t, s, "da/klage/", "Ny tekst.")
	for _, lang := range []string{"da", "en"} {
		os.Rename(filepath.Join(dir, "content", lang, "hjaelp"), filepath.Join(dir, "content", lang, "hjaelpen"))
	}
	write(t, dir, "content/da/hjaelpen/bibliotek.md", page("Bibliotek", "Flyttet og rettet."))
	waitBody(t, s, "da/hjaelpen/bibliotek/", "Flyttet og rettet.")
}

// TestBackupFiles is issue 15's case: backups that sed -i.bak, merge
// tools and patch leave beside a page never reach the build, so later
// edits are shown without an error.
func TestBackupFiles(t *testing.T) {
	dir, s, stop := serveSite(t, "")
	defer stop()
	for _, name := range []string{"klage.md.bak", "klage.md.orig", "klage.md.rej", "KLAGE.MD.BAK", "#klage.md#", ".#klage.md"} {
		write(t, dir, "content/da/"+name, "not: [front matter\n")
	}
	write(t, dir, "static/site.css.orig", "x")
	write(t, dir, "content/da/klage.md", page("Klage", "Rettet efter sed."))
	waitBody(t, s, "da/klage/", "Rettet efter sed.")
	if errs := s.store.Errors(); errs != nil {
		t.Errorf("errors: %v", errs)
	}
	for name := range s.store.Snapshot() {
		if strings.Contains(name, ".orig") || strings.Contains(name, ".bak") {
			t.Errorf("published %s", name)
		}
	}
}

// TestOverflow: when the kernel's queue overflows and events are lost,
// every folder is watched anew, including one moved meanwhile, and the
// batch asks for a full rebuild.
func TestOverflow(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, testSite)
	w, err := NewWatcher(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	w.fsw.Errors <- fsnotify.ErrEventOverflow
	paths, err := w.Next(ctx)
	if err != nil || !slices.Contains(paths, "sitegen.toml") {
		t.Fatalf("after an overflow: %v, %v; want sitegen.toml among the paths", paths, err)
	}
	os.Rename(filepath.Join(dir, "content/da/hjaelp"), filepath.Join(dir, "content/da/flyttet"))
	if paths, err := w.Next(ctx); err != nil || !slices.Contains(paths, "content/da/flyttet") {
		t.Fatalf("after the move: %v, %v", paths, err)
	}
	write(t, dir, "content/da/flyttet/bibliotek.md", page("Bibliotek", "Rettet."))
	if paths, err := w.Next(ctx); err != nil || !slices.Contains(paths, "content/da/flyttet/bibliotek.md") {
		t.Fatalf("an edit in the moved folder: %v, %v", paths, err)
	}
}
