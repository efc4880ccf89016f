package browsertest

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/udenmitid/sitegen/internal/serve"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestServeReloadAndRebuild opens pages in sitegen serve as an editor
// does, and edits the site:
//   - a page whose URL has letters outside ASCII (/sv/frågor/) reloads by
//     itself after an edit; the address bar has its path percent-encoded,
//     the server names it as written, and the reload was never sent;
//   - after a change that rebuilds everything (a UI string), the search
//     page's script still works: minify used to rewrite the cached
//     static file in place, so the second build served broken JavaScript.
func TestServeReloadAndRebuild(t *testing.T) {
	src := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sitegen.toml", "base_url = \"https://example.org/\"\ntitle = \"Handbok\"\n[[languages]]\ncode = \"sv\"\nname = \"Svenska\"\n")
	write("content/sv/_index.md", "---\ntitle: Start\ndescription: Start.\n---\nVälkommen.\n")
	write("content/sv/frågor.md", "---\ntitle: Frågor\ndescription: Vanliga frågor.\n---\nFörsta versionen.\n")
	write("content/sv/sok.md", "---\ntitle: Sök\ndescription: Sök på webbplatsen.\nlayout: search\n---\nSök här.\n")

	b := serveSite(t, src)

	b.load(t, "/sv/fr%C3%A5gor/")
	write("content/sv/frågor.md", "---\ntitle: Frågor\ndescription: Vanliga frågor.\n---\nAndra versionen.\n")
	waitAcrossReload(t, b.ctx, "the page reloaded with the edit", `document.querySelector('main').innerText.includes('Andra versionen')`)

	// The tab leaves the site while it rebuilds: the reload of an open
	// page could land while the next page is being opened (under load the
	// page state was read from a document without its stylesheet).
	run(t, b.ctx, chromedp.Navigate("about:blank"))
	write("i18n/sv.toml", "search_hint = \"Skriv ett ord.\"\n")
	waitServed(t, b.base+"/sv/sok/", "Skriv ett ord.")
	b.load(t, "/sv/sok/")
	waitAcrossReload(t, b.ctx, "the new UI string", `document.body.innerText.includes('Skriv ett ord.')`)
	run(t, b.ctx, press("#search-input", "frågor"))
	waitFor(t, b.ctx, "search results after a full rebuild", `() => document.querySelectorAll('#search-results li').length > 0`, nil)
}

// waitServed waits until the server answers url with a page that holds
// text.
func waitServed(t *testing.T, url, text string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), text) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited 15 s for %s to hold %q (last error: %v)", url, text, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitAcrossReload waits until the expression is true in the tab, while
// the page may reload under it: an evaluation that fails because the page
// is navigating is tried again.
func waitAcrossReload(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("(() => { try { return !!("+expr+"); } catch (e) { return false; } })()"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited 15 s for %s (last error: %v)", what, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// serveSite runs sitegen serve on the site in src until the test ends, and
// opens a browser tab on it.
func serveSite(t *testing.T, src string) *tab {
	t.Helper()
	chrome := needBrowser(t)
	srv, err := serve.New(serve.Options{Src: src, Addr: "127.0.0.1:0", Defaults: theme.FS()}, io.Discard)
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
	return &tab{ctx: startBrowser(t, chrome), base: strings.TrimSuffix(srv.URL(), "/")}
}
