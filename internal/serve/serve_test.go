package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

func TestFileName(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"/", "index.html", true},
		{"/da/", "da/index.html", true},
		{"/da/klage/", "da/klage/index.html", true},
		{"/css/site.css", "css/site.css", true},
		{"/da", "da", true},
		{"/../go.mod", "", false},
		{"/da/../../go.mod", "", false},
		{"/da/./klage/", "", false},
		{"/da//klage/", "", false},
		{"/da\\..\\go.mod", "", false},
		{"/da/\x00", "", false},
		{"da/", "", false},
		{"/..", "", false},
	}
	for _, tt := range tests {
		got, ok := FileName(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FileName(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzFileName(f *testing.F) {
	for _, s := range []string{"/", "/da/klage/", "/../go.mod", "/%2e%2e/x", "/a/b/../c", "//x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		name, ok := FileName(p)
		if !ok {
			return
		}
		if strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || strings.Contains(name, "\x00") {
			t.Fatalf("FileName(%q) = %q", p, name)
		}
		for _, seg := range strings.Split(name, "/") {
			if seg == ".." || seg == "." {
				t.Fatalf("FileName(%q) = %q leaves the output", p, name)
			}
		}
		if filepath.IsAbs(name) || !filepath.IsLocal(name) {
			t.Fatalf("FileName(%q) = %q is not local", p, name)
		}
	})
}

const testSite = sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Velkommen.
-- content/kl/_index.md --
---
title: Aallaqqaasiut
description: Aallaqqaasiut.
---
Tikilluarit.
-- content/da/klage.md --
---
title: Klage
description: Klage.
---
Klag i tide.
-- content/da/hjaelp/_index.md --
---
title: Hjælp
description: Hjælp.
---
-- content/da/hjaelp/bibliotek.md --
---
title: Bibliotek
description: Bibliotek.
---
Spørg på biblioteket.
-- content/en/hjaelp/bibliotek.md --
---
title: Library
description: Library.
---
Ask at the library.
-- draft.md --
`

// startServer writes the site to a folder and serves it on a random
// loopback port.
func startServer(t *testing.T) (dir string, s *Server, stop func()) {
	t.Helper()
	dir = t.TempDir()
	writeSite(t, dir, testSite)
	s = newServer(t, dir, true)
	stopServer := run(t, s)
	waitFor(t, func() bool { code, _ := get(t, s.URL()+"da/"); return code == 200 })
	return dir, s, func() {
		stopServer()
		// The status page's background check may still read the site:
		// let it end, so that it holds no files or goroutines after.
		s.reports.Wait(context.Background())
	}
}

// run serves s in the background until stop, which reports an error
// Serve returned.
func run(t *testing.T, s *Server) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	return func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}
}

// writeSite writes the files of a txtar archive into dir.
func writeSite(t *testing.T, dir, site string) {
	t.Helper()
	for _, f := range txtar.Parse([]byte(site)).Files {
		write(t, dir, f.Name, string(f.Data))
	}
}

// newServer opens the site in dir on a random loopback port, with the
// built-in theme; Serve is not running yet.
func newServer(t *testing.T, dir string, drafts bool) *Server {
	t.Helper()
	s, err := New(Options{Src: dir, Addr: "127.0.0.1:0", Drafts: drafts, Defaults: sitetest.Theme()}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	// Write to a temporary file and rename it, as editors do.
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

func get(t testing.TB, u string) (int, string) {
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func waitFor(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// sse reads Server-Sent Events from the server into a channel.
func sse(t *testing.T, base string) (<-chan Event, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"_sitegen/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	events := make(chan Event, 64)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var e Event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				e.Name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.Data = strings.TrimPrefix(line, "data: ")
			case line == "" && e.Name != "":
				events <- e
				e = Event{}
			}
		}
		close(events)
	}()
	return events, cancel
}

func next(t *testing.T, events <-chan Event, name string) Event {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case e, ok := <-events:
			if !ok {
				t.Fatalf("event stream ended waiting for %q", name)
			}
			if e.Name == name {
				return e
			}
		case <-timeout:
			t.Fatalf("no %q event", name)
		}
	}
}

// TestEditCycle: an edit in kl reloads the page with new content; broken
// front matter shows the error and keeps the last good page; the fix
// recovers.
func TestEditCycle(t *testing.T) {
	dir, s, stop := startServer(t)
	defer stop()
	events, cancel := sse(t, s.URL())
	defer cancel()

	code, body := get(t, s.URL()+"kl/")
	if code != 200 || !strings.Contains(body, "Tikilluarit.") || !strings.Contains(body, "/_sitegen/reload.js") {
		t.Fatalf("kl home: %d\n%s", code, body)
	}
	write(t, dir, "content/kl/_index.md", "---\ntitle: Aallaqqaasiut\ndescription: Aallaqqaasiut.\n---\nTikilluaqqusivugut.\n")
	e := next(t, events, "reload")
	if !strings.Contains(e.Data, `"/kl/"`) {
		t.Errorf("reload event %s does not name /kl/", e.Data)
	}
	if _, body := get(t, s.URL()+"kl/"); !strings.Contains(body, "Tikilluaqqusivugut.") {
		t.Errorf("after the reload event, /kl/ is still old:\n%s", body)
	}

	write(t, dir, "content/kl/_index.md", "---\ntitle: [Aallaqqaasiut\ndescription: x\n---\nBroken.\n")
	e = next(t, events, "builderror")
	if !strings.Contains(e.Data, "content/kl/_index.md:2") {
		t.Errorf("error event %s lacks path:line", e.Data)
	}
	if code, body := get(t, s.URL()+"kl/"); code != 200 || !strings.Contains(body, "Tikilluaqqusivugut.") {
		t.Errorf("while broken, /kl/ is not the last good page: %d\n%s", code, body)
	}
	// A browser that connects now learns about the error at once.
	late, cancelLate := sse(t, s.URL())
	next(t, late, "builderror")
	cancelLate()

	write(t, dir, "content/kl/_index.md", "---\ntitle: Aallaqqaasiut\ndescription: Aallaqqaasiut.\n---\nAajuna.\n")
	next(t, events, "ok")
	next(t, events, "reload")
	if _, body := get(t, s.URL()+"kl/"); !strings.Contains(body, "Aajuna.") {
		t.Errorf("after the fix, /kl/ is old:\n%s", body)
	}

	// A new page in a new folder is served, in every language.
	write(t, dir, "content/da/ny/_index.md", "---\ntitle: Ny\ndescription: Ny.\n---\nNyt afsnit.\n")
	next(t, events, "reload")
	waitFor(t, func() bool { code, _ := get(t, s.URL()+"kl/ny/"); return code == 200 })
}

// TestRequests: paths outside the output, bad methods and long URLs.
func TestRequests(t *testing.T) {
	_, s, stop := startServer(t)
	defer stop()
	tests := []struct {
		method, path string
		code         int
		body         string
	}{
		{"GET", "da/", 200, "Velkommen."},
		{"HEAD", "da/", 200, ""},
		{"GET", "da", 200, "Velkommen."}, // followed redirect to da/
		{"GET", "../go.mod", 404, ""},
		{"GET", "%2e%2e/go.mod", 404, ""},
		{"GET", "da/%2e%2e/%2e%2e/go.mod", 404, ""},
		{"GET", "da/..%2f..%2fgo.mod", 404, ""},
		{"GET", "..%5c..%5cgo.mod", 404, ""},
		{"GET", "sitegen.toml", 404, ""},
		{"GET", "content/da/_index.md", 404, ""},
		{"GET", "kl/no-such-page/", 404, `<html lang="kl">`},
		{"GET", "en/no-such-page/", 404, `<html lang="en">`},
		{"POST", "da/", 405, ""},
		{"DELETE", "da/", 405, ""},
		{"GET", "da/" + strings.Repeat("a", 5000), 414, ""},
		{"GET", "_sitegen/", 200, "sitegen status"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, s.URL()+tt.path, nil)
		req.URL.Opaque = "//" + req.URL.Host + "/" + tt.path // send the path as written
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", tt.method, tt.path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.code || !strings.Contains(string(body), tt.body) {
			t.Errorf("%s /%s: %d, want %d with %q", tt.method, tt.path, resp.StatusCode, tt.code, tt.body)
		}
		if bytes.Contains(body, []byte("[[languages]]")) || bytes.Contains(body, []byte("module github.com")) {
			t.Errorf("%s /%s served a file outside the output", tt.method, tt.path)
		}
	}
}

// TestSoak: 500 rapid edits across files, then the served output must equal
// a fresh build of the same files, with no goroutines or files left open.
func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test")
	}
	goroutines, fds := runtime.NumGoroutine(), openFiles()
	dir, s, stop := startServer(t)
	files := []string{"content/da/klage.md", "content/kl/_index.md", "content/da/hjaelp/bibliotek.md", "content/en/hjaelp/bibliotek.md", "content/da/_index.md"}
	for i := range 500 {
		f := files[i%len(files)]
		title := fmt.Sprintf("Titel %d", i)
		if i%7 == 0 {
			title = "[broken" // a broken file now and then
		}
		write(t, dir, f, fmt.Sprintf("---\ntitle: %s\ndescription: d%d\nweight: %d\n---\nTekst %d.\n", title, i, i%3, i))
		if i%50 == 0 {
			time.Sleep(60 * time.Millisecond) // let some bursts through on their own
		}
	}
	// A last good edit of every file.
	for i, f := range files {
		write(t, dir, f, fmt.Sprintf("---\ntitle: Slut %d\ndescription: Slut.\n---\nSlut.\n", i))
	}
	root, _ := os.OpenRoot(dir)
	defer root.Close()
	var want map[string][]byte
	waitFor(t, func() bool {
		mem := publish.NewMemory()
		if _, err := build.Build(root.FS(), build.Options{BaseURL: s.URL(), Drafts: true, Defaults: sitetest.Theme(), Dev: true}, mem); err != nil {
			t.Fatalf("fresh build: %v", err)
		}
		want = mem.Files()
		got := s.store.Snapshot()
		if len(got) != len(want) || s.store.Errors() != nil {
			return false
		}
		for n, d := range want {
			if !bytes.Equal(got[n], d) {
				return false
			}
		}
		return true
	})
	stop()
	http.DefaultClient.CloseIdleConnections()
	waitFor(t, func() bool { return runtime.NumGoroutine() <= goroutines+2 })
	if n := openFiles(); fds >= 0 && n > fds+2 {
		t.Errorf("open files: %d before, %d after", fds, n)
	}
}

// openFiles counts this process's open file descriptors, or -1.
func openFiles() int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(entries)
}

// TestManyEventClients connects and disconnects 1,000 event streams and
// checks that none is left behind.
func TestManyEventClients(t *testing.T) {
	_, s, stop := startServer(t)
	defer stop()
	var wg sync.WaitGroup
	for range 1000 {
		wg.Go(func() {
			ctx, cancel := context.WithCancel(context.Background())
			req, _ := http.NewRequestWithContext(ctx, "GET", s.URL()+"_sitegen/events", nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				cancel()
				t.Error(err)
				return
			}
			buf := make([]byte, 16)
			resp.Body.Read(buf)
			cancel()
			resp.Body.Close()
		})
	}
	wg.Wait()
	waitFor(t, func() bool { return s.broker.Clients() == 0 })
}

// TestSlowClients: many clients that send half a request do not stop
// others from being served, and leave nothing behind when they go.
func TestSlowClients(t *testing.T) {
	_, s, stop := startServer(t)
	defer stop()
	host := strings.TrimSuffix(strings.TrimPrefix(s.URL(), "http://"), "/")
	before := runtime.NumGoroutine()
	var conns []net.Conn
	for range 200 {
		c, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprint(c, "GET /da/ HTTP/1.1\r\nHost: x\r\nX-Slow: ")
		conns = append(conns, c)
	}
	if code, body := get(t, s.URL()+"da/"); code != 200 || !strings.Contains(body, "Velkommen.") {
		t.Errorf("with 200 slow clients: %d", code)
	}
	for _, c := range conns {
		c.Close()
	}
	http.DefaultClient.CloseIdleConnections()
	waitFor(t, func() bool { return runtime.NumGoroutine() <= before+5 })
}

// TestFirstBuildFails: when no build has succeeded there is no last good
// build to serve; every page request gets a page that lists the errors,
// status 503 (not a 404, which says the page does not exist), with the
// reload script, and the terminal says so; /_sitegen/ works and says so
// too. When the site builds, the pages are served and the page reloads.
func TestFirstBuildFails(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, testSite)
	write(t, dir, "content/da/klage.md", "---\ntitle: [Klage\ndescription: Klage.\n---\nKlag i tide.\n")
	var out syncBuffer
	s, err := New(Options{Src: dir, Addr: "127.0.0.1:0", Drafts: true, Defaults: sitetest.Theme()}, &out)
	if err != nil {
		t.Fatal(err)
	}
	stop := run(t, s)
	defer func() {
		stop()
		s.reports.Wait(context.Background())
	}()
	if log := out.String(); !strings.Contains(log, "there is no good build to serve yet") || strings.Contains(log, "last good build") {
		t.Errorf("terminal:\n%s", log)
	}
	events, cancel := sse(t, s.URL())
	defer cancel()
	next(t, events, "builderror")
	for _, p := range []string{"", "da/", "kl/klage/", "css/site.css", "nope/"} {
		code, body := get(t, s.URL()+p)
		if code != http.StatusServiceUnavailable || !strings.Contains(body, "<code>content/da/klage.md:2: ") ||
			!strings.Contains(body, `id="sitegen-errors"`) || !strings.Contains(body, `href="/_sitegen/"`) ||
			!strings.Contains(body, "/_sitegen/reload.js") {
			t.Errorf("/%s: %d\n%s", p, code, body)
		}
	}
	code, body := get(t, s.URL()+"_sitegen/")
	if code != 200 || !strings.Contains(body, "there is no good build to serve yet") || !strings.Contains(body, "content/da/klage.md:2") {
		t.Errorf("/_sitegen/: %d\n%s", code, body)
	}

	write(t, dir, "content/da/klage.md", "---\ntitle: Klage\ndescription: Klage.\n---\nKlag i tide.\n")
	next(t, events, "ok")
	if e := next(t, events, "reload"); e.Data != `{"all":true}` {
		t.Errorf("reload event %s, want all", e.Data)
	}
	if code, body := get(t, s.URL()+"da/klage/"); code != 200 || !strings.Contains(body, "Klag i tide.") {
		t.Errorf("after the fix, /da/klage/: %d\n%s", code, body)
	}
	// A later failure keeps that good build served.
	write(t, dir, "content/da/klage.md", "---\ntitle: [Klage\n---\n")
	next(t, events, "builderror")
	if code, body := get(t, s.URL()+"da/klage/"); code != 200 || !strings.Contains(body, "Klag i tide.") {
		t.Errorf("after a later failure, /da/klage/: %d\n%s", code, body)
	}
	if log := out.String(); !strings.Contains(log, "still serving the last good build") {
		t.Errorf("terminal after a later failure:\n%s", log)
	}
}

// syncBuffer is a buffer the server writes its lines to while a test
// reads them.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
