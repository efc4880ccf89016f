package serve

import (
	"bufio"
	"io"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/udenmitid/sitegen/internal/sitetest"
)

// holdOpen is a site file system that holds a build open on purpose: once
// armed, the next read of name tells held and waits until release.
type holdOpen struct {
	fs.FS
	name    string
	armed   atomic.Bool
	held    chan struct{}
	release chan struct{}
}

func (h *holdOpen) Open(name string) (fs.File, error) {
	if name == h.name && h.armed.CompareAndSwap(true, false) {
		close(h.held)
		<-h.release
	}
	return h.FS.Open(name)
}

// TestNoRequestWaitsOnABuild: while a rebuild is held open, every kind of
// request is answered from the previous build: pages, a search index made
// before and one never asked for until then (they were made under the
// build lock), the status page and the event stream. Once the build is
// let go, its output is served.
func TestNoRequestWaitsOnABuild(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, testSite)
	hold := &holdOpen{name: "content/da/klage.md", held: make(chan struct{}), release: make(chan struct{})}
	defer func(old func(*os.Root) fs.FS) { siteFS = old }(siteFS)
	siteFS = func(r *os.Root) fs.FS {
		hold.FS = r.FS()
		return hold
	}
	s, stop := serveDir(t, Options{Src: dir, Addr: "127.0.0.1:0", Drafts: true, Defaults: sitetest.Theme()})
	defer stop()
	released := false
	defer func() {
		if !released {
			close(hold.release)
		}
	}()
	waitBody(t, s, "da/klage/", "Klag i tide.")
	if code, _ := get(t, s.URL()+"search/da.json"); code != 200 {
		t.Fatalf("search/da.json: %d", code)
	}

	hold.armed.Store(true)
	write(t, dir, "content/da/klage.md", page("Klage", "Den nye tekst."))
	select {
	case <-hold.held:
	case <-time.After(10 * time.Second):
		t.Fatal("the rebuild did not read content/da/klage.md")
	}

	// A request that waits on the build waits until it is let go: the
	// client gives up long before that would be.
	client := &http.Client{Timeout: 5 * time.Second}
	for _, tt := range []struct{ path, want string }{
		{"da/klage/", "Klag i tide."},
		{"da/", "Velkommen."},
		{"search/da.json", `"Klage"`},
		{"search/en.json", `"Library"`},
		{"en/no-such-page/", `<html lang="en">`},
		{"_sitegen/", "sitegen status"},
		{"_sitegen/reload.js", "EventSource"},
	} {
		resp, err := client.Get(s.URL() + tt.path)
		if err != nil {
			t.Errorf("/%s while a build is held open: %v", tt.path, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(body), tt.want) {
			t.Errorf("/%s while a build is held open: %d, without %q", tt.path, resp.StatusCode, tt.want)
		}
	}
	resp, err := client.Get(s.URL() + "_sitegen/events")
	if err != nil {
		t.Errorf("the event stream while a build is held open: %v", err)
	} else {
		line, _ := bufio.NewReader(resp.Body).ReadString('\n')
		resp.Body.Close()
		if line != "retry: 1000\n" {
			t.Errorf("the event stream began %q", line)
		}
	}

	close(hold.release)
	released = true
	waitBody(t, s, "da/klage/", "Den nye tekst.")
	waitBody(t, s, "search/da.json", `"Klage"`)
}

// TestNoBuildYet: while the first build has failed, so that nothing is
// served yet, a request for a search index is answered at once, as every
// request then is, with the page of errors (503; TestFirstBuildFails); it
// waited for search files that no build would bring.
func TestNoBuildYet(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, testSite)
	write(t, dir, "content/da/klage.md", "---\ntitle: [Klage\n---\nBroken.\n")
	s, stop := serveDir(t, Options{Src: dir, Addr: "127.0.0.1:0", Drafts: true, Defaults: sitetest.Theme()})
	defer stop()
	if s.store.Errors() == nil {
		t.Fatal("the first build did not fail")
	}
	client := &http.Client{Timeout: 5 * time.Second}
	for _, path := range []string{"search/da.json", "da/"} {
		resp, err := client.Get(s.URL() + path)
		if err != nil {
			t.Fatalf("/%s before any build: %v", path, err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("/%s before any build: %d, want 503", path, resp.StatusCode)
		}
	}
	write(t, dir, "content/da/klage.md", page("Klage", "Nu i orden."))
	waitBody(t, s, "da/klage/", "Nu i orden.")
	waitBody(t, s, "search/da.json", `"Klage"`)
}
