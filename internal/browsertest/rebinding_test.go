package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/udenmitid/sitegen/internal/serve"
	"github.com/udenmitid/sitegen/internal/theme"
)

// probeJS is what a hostile page runs against sitegen serve at base ("" for
// its own origin): it reads a draft page and the status page, and opens
// the event stream. Each result is "status body" or "error name" for a
// read, and "open", "error" or "timeout" for the stream.
const probeJS = `async function probe(base) {
  const read = async (path) => {
    try {
      const r = await fetch(base + path);
      return r.status + " " + (await r.text());
    } catch (e) {
      return "error " + e.name;
    }
  };
  const stream = () => new Promise((resolve) => {
    const es = new EventSource(base + "/_sitegen/events");
    const done = (v) => { es.close(); resolve(v); };
    es.onopen = () => done("open");
    es.onerror = () => done("error");
    setTimeout(() => done("timeout"), 15000);
  });
  return {draft: await read("/sv/utkast/"), status: await read("/_sitegen/"), events: await stream()};
}`

// probeResult is what probeJS found.
type probeResult struct {
	Draft, Status, Events string
}

// lockedBuffer is the server's output, read while it writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeRefusesOtherSites is issue 23's attack, in Chromium. A page
// reads a draft, the status page and the event stream of sitegen serve:
//   - from the served site itself, by 127.0.0.1 and by localhost: it
//     reads them all;
//   - after DNS rebinding: a page of evil.example at the server's port,
//     whose name the browser resolves to 127.0.0.1 (--host-resolver-rules),
//     so that its requests are same-origin to it and reach the server
//     with Host: evil.example:port. The server refuses them all with 403
//     and a message the page can read, which shows none of the site;
//   - from a page served by another server on 127.0.0.1 (another port,
//     another origin): the browser keeps it from reading the responses,
//     and the server refuses the status page and the event stream itself.
func TestServeRefusesOtherSites(t *testing.T) {
	chrome := needBrowser(t)
	src := t.TempDir()
	for name, data := range map[string]string{
		"sitegen.toml":         "base_url = \"https://example.org/\"\ntitle = \"Handbok\"\n[[languages]]\ncode = \"sv\"\nname = \"Svenska\"\n",
		"content/sv/_index.md": "---\ntitle: Start\ndescription: Start.\n---\nVälkommen.\n",
		"content/sv/utkast.md": "---\ntitle: Utkast\ndescription: Ett utkast.\ndraft: true\n---\nDen hemliga planen.\n",
	} {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out lockedBuffer
	srv, err := serve.New(serve.Options{Src: src, Addr: "127.0.0.1:0", Drafts: true, Defaults: theme.FS()}, &out)
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		stop()
		<-done
	})
	base := strings.TrimSuffix(srv.URL(), "/")
	port := base[strings.LastIndex(base, ":")+1:]

	attacker := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!DOCTYPE html><html lang=\"en\"><title>Nothing to see</title><script>%s\nprobe(%q).then((r) => { window.results = r; });</script></html>", probeJS, base)
	}))
	defer attacker.Close()

	tab := startBrowser(t, chrome, chromedp.Flag("host-resolver-rules", "MAP evil.example 127.0.0.1"))
	open := func(url string) int64 {
		t.Helper()
		ctx, cancel := context.WithTimeout(tab, actionTimeout)
		defer cancel()
		resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
		if err != nil {
			t.Fatalf("opening %s: %v", url, err)
		}
		return resp.Status
	}
	probe := func() probeResult {
		t.Helper()
		return eval[probeResult](t, tab, "(base) => { "+probeJS+"\nreturn probe(base); }", "")
	}

	// The site itself, by either name.
	for _, own := range []string{base, "http://localhost:" + port} {
		if code := open(own + "/sv/"); code != 200 {
			t.Fatalf("%s/sv/: %d", own, code)
		}
		got := probe()
		if !strings.HasPrefix(got.Draft, "200 ") || !strings.Contains(got.Draft, "Den hemliga planen.") {
			t.Errorf("%s: the site's own page cannot read its draft: %.200q", own, got.Draft)
		}
		if !strings.HasPrefix(got.Status, "200 ") || !strings.Contains(got.Status, "sitegen status") {
			t.Errorf("%s: the site's own page cannot read /_sitegen/: %.200q", own, got.Status)
		}
		if got.Events != "open" {
			t.Errorf("%s: the site's own page's event stream: %s", own, got.Events)
		}
	}

	// DNS rebinding: evil.example now resolves to 127.0.0.1.
	if code := open("http://evil.example:" + port + "/sv/"); code != 403 {
		t.Errorf("http://evil.example:%s/sv/ opened with %d, want 403", port, code)
	}
	got := probe()
	for what, res := range map[string]string{"the draft": got.Draft, "/_sitegen/": got.Status} {
		if !strings.HasPrefix(res, "403 ") || !strings.Contains(res, "-allow-host evil.example") {
			t.Errorf("after rebinding, %s: %.300q, want 403 saying -allow-host evil.example", what, res)
		}
		if strings.Contains(res, "hemliga") || strings.Contains(res, "utkast") {
			t.Errorf("after rebinding, %s shows the site: %.300q", what, res)
		}
	}
	if got.Events != "error" {
		t.Errorf("after rebinding, the event stream: %s, want error", got.Events)
	}

	// Another origin on this machine.
	if code := open(attacker.URL + "/"); code != 200 {
		t.Fatalf("the other server's page: %d", code)
	}
	waitFor(t, tab, "the other origin's page to finish", `() => window.results !== undefined`, nil)
	got = eval[probeResult](t, tab, `() => window.results`, nil)
	for what, res := range map[string]string{"the draft": got.Draft, "/_sitegen/": got.Status} {
		if !strings.HasPrefix(res, "error ") {
			t.Errorf("from %s, %s: %.300q, want an error", attacker.URL, what, res)
		}
	}
	if got.Events != "error" {
		t.Errorf("from %s, the event stream: %s, want error", attacker.URL, got.Events)
	}

	log := out.String()
	for _, want := range []string{
		`refused requests for host "evil.example:` + port + `"`,
		"refused requests for /_sitegen/ from another site",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the server did not say %q:\n%s", want, log)
		}
	}
}
