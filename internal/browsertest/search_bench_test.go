package browsertest

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/theme"
)

// searchQueryJS runs one query the way the search form does when it is
// submitted (search.js then searches at once, without the debounce of
// typing), and returns how long it took in milliseconds: the search and
// the DOM of up to 20 results, laid out. A split index answers after its
// files are fetched (once each: later runs of a query find them cached),
// so the time ends when the status is written.
const searchQueryJS = `async (q) => {
	const form = document.querySelector('form[data-index]');
	const input = form.querySelector('input');
	const status = document.getElementById('search-status');
	input.value = q;
	status.textContent = '';
	const t0 = performance.now();
	form.requestSubmit();
	while (status.textContent === '') await new Promise((r) => setTimeout(r, 0));
	void form.querySelector('ol').offsetHeight;
	return performance.now() - t0;
}`

// BenchmarkSearchQuery measures a search in the browser on the 10,000-page
// corpus: the Danish index in Chromium, split (search.SplitPages), one
// query ("borger") at a time, with the manifest loaded. It reports the
// time in the page (ms/query) and the size of the manifest (index-bytes);
// ns/op also holds the DevTools round trip.
//
//	go test ./internal/browsertest -run XXX -bench SearchQuery
func BenchmarkSearchQuery(b *testing.B) {
	chrome := needBrowser(b)
	fsys := corpus.MapFS(10000, 1)
	fsys["content/da/soeg.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Søg\ndescription: Søg på hele siden.\nlayout: search\n---\n\nSøg på siden.\n")}
	mem := publish.NewMemory()
	start := time.Now()
	if _, err := build.Build(fsys, build.Options{Defaults: theme.FS()}, mem); err != nil {
		b.Fatalf("building the corpus: %v", err)
	}
	files := mem.Files()
	b.Logf("built the 10,000-page corpus in %v", time.Since(start).Round(time.Millisecond))
	indexBytes := 0
	for name, data := range files {
		if strings.HasPrefix(name, "search/da.") && strings.Count(name, "/") == 1 {
			indexBytes = len(data)
		}
	}
	if indexBytes == 0 {
		b.Fatal("the build wrote no Danish search index")
	}
	srv := httptest.NewServer(siteHandler(files))
	b.Cleanup(srv.Close)
	ctx := startBrowser(b, chrome)

	tctx, cancel := context.WithTimeout(ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/da/soeg/")); err != nil {
		b.Fatal(err)
	}
	// Focus loads the index.
	start = time.Now()
	if err := chromedp.Do(tctx, chromedp.Focus(chromedp.CSS("#search-input")),
		chromedp.WaitReady(chromedp.CSS(`form[data-state="ready"]`))); err != nil {
		b.Fatalf("loading the index: %v", err)
	}
	b.Logf("loaded and prepared the index (%d bytes) in %v", indexBytes, time.Since(start).Round(time.Millisecond))
	eval[float64](b, ctx, searchQueryJS, "borger") // warm up
	status := eval[string](b, ctx, `() => document.getElementById('search-status').textContent`, nil)
	b.Logf("%q: %s", "borger", status)

	var total float64
	n := 0
	for b.Loop() {
		total += eval[float64](b, ctx, searchQueryJS, "borger")
		n++
	}
	b.ReportMetric(total/float64(n), "ms/query")
	b.ReportMetric(float64(indexBytes), "index-bytes")
}
