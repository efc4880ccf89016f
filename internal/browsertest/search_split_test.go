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
	"github.com/udenmitid/sitegen/internal/search"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestSearchSplit searches a generated site of 2,000 pages, whose index is
// split (search.SplitPages), with JavaScript on: the first result of a
// word, a prefix and a phrase, fetched from the shards and page files;
// and with JavaScript off, the list of pages stops at the main sections.
func TestSearchSplit(t *testing.T) {
	chrome := needBrowser(t)
	fsys := corpus.MapFS(2000, 1)
	fsys["content/da/soeg.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Søg\ndescription: Søg på hele siden.\nlayout: search\n---\n\nSøg på siden.\n")}
	fsys["content/da/zebrafinker.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Fodring af zebrafinker\ndescription: Hvad zebrafinker spiser.\n---\n\nZebrafinker spiser frø.\n")}
	fsys["content/da/fugle.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Zebrafinker og fodring\n---\n\nOm fugle.\n")}
	mem := publish.NewMemory()
	if _, err := build.Build(fsys, build.Options{Defaults: theme.FS()}, mem); err != nil {
		t.Fatalf("building the corpus: %v", err)
	}
	files := mem.Files()
	shards := 0
	for name := range files {
		if strings.HasPrefix(name, "search/da.") && strings.HasSuffix(name, "/t0.json") {
			shards++
		}
	}
	if shards != 1 {
		t.Fatalf("the Danish index of %d pages is not split (SplitPages %d)", 2000, search.SplitPages)
	}
	srv := httptest.NewServer(siteHandler(files))
	t.Cleanup(srv.Close)
	ctx := startBrowser(t, chrome)
	tctx, cancel := context.WithTimeout(ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/da/soeg/")); err != nil {
		t.Fatal(err)
	}
	st := eval[searchState](t, ctx, searchStateJS, nil)
	if !st.FormShown {
		t.Fatal("the search form is not shown with JavaScript on")
	}
	tests := []struct {
		q, first, status string
	}{
		// Both titles hold the word: the pages in the order of their keys.
		{"zebrafinker", "/da/fugle/", "2 resultater"},
		{"zebraf", "/da/fugle/", "2 resultater"},
		{"zebrafinker spiser", "/da/zebrafinker/", "1 resultat"},
		// The phrase is the title of the second page, which comes first.
		{"zebrafinker og", "/da/fugle/", "1 resultat"},
		{"fodring af zebrafinker", "/da/zebrafinker/", "1 resultat"},
		{"xyzzyq", "", "Ingen sider passer"},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.q, " ", "_"), func(t *testing.T) {
			run(t, ctx, setValue("#search-input", ""))
			waitFor(t, ctx, "the status to empty", `() => document.getElementById('search-status').textContent === ''`, nil)
			run(t, ctx, press("#search-input", tt.q))
			waitFor(t, ctx, "results", `(q) => {
				const f = document.querySelector('form[data-index]');
				return f.dataset.state === 'ready' && document.getElementById('search-input').value === q &&
					document.getElementById('search-status').textContent !== '';
			}`, tt.q)
			time.Sleep(500 * time.Millisecond) // past the debounce and the fetches: the last keystroke's results
			st := eval[searchState](t, ctx, searchStateJS, nil)
			if !strings.HasPrefix(st.Status, tt.status) {
				t.Errorf("status %q, want %q", st.Status, tt.status)
			}
			if tt.first == "" {
				if len(st.Results) > 0 {
					t.Errorf("results %v, want none", st.hrefs())
				}
				return
			}
			if len(st.Results) == 0 || st.Results[0].Href != tt.first {
				t.Errorf("results %v, want %s first", st.hrefs(), tt.first)
			}
		})
	}
	// A common word: many results, 20 shown, each with its title.
	run(t, ctx, setValue("#search-input", "borger"))
	waitFor(t, ctx, "20 results", `() => document.querySelectorAll('#search-results > li a').length === 20`, nil)
	for _, r := range eval[searchState](t, ctx, searchStateJS, nil).Results {
		if r.Title == "" || !strings.HasPrefix(r.Href, "/da/") {
			t.Errorf("result %+v", r)
		}
	}

	// Without JavaScript the list of pages stops at the main sections.
	run(t, ctx, emulate(desktop, true))
	defer run(t, ctx, emulate(desktop, false))
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/da/soeg/")); err != nil {
		t.Fatal(err)
	}
	st = eval[searchState](t, ctx, searchStateJS, nil)
	if st.FormShown {
		t.Error("with JavaScript off, the search form is shown")
	}
	if n := len(st.AllPages); n < 3 || n > 60 {
		t.Errorf("the list of pages has %d links, want the home page and its children", n)
	}
	hrefs := map[string]bool{}
	for _, a := range st.AllPages {
		if !a.Shown {
			t.Errorf("with JavaScript off, the link to %s is not shown", a.Href)
		}
		if strings.Count(strings.Trim(a.Href, "/"), "/") > 1 {
			t.Errorf("the list links %s, below a main section", a.Href)
		}
		hrefs[a.Href] = true
	}
	if !hrefs["/da/"] || !hrefs["/da/zebrafinker/"] {
		t.Errorf("the list lacks the home page or a page at the top: %v", hrefs)
	}
	note := eval[string](t, ctx, `() => document.querySelector('.all-pages p')?.textContent || ''`, nil)
	if !strings.Contains(note, "hovedafsnittene") {
		t.Errorf("the list does not say it stops at the sections: %q", note)
	}
}
