package build_test

import (
	"encoding/json"
	"os"
	"path"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestTermPagesInSearch: each language's search index lists its taxonomy
// and term pages by URL and title, as it lists the content pages, and a
// term a language has only as a fallback page is listed in the language it
// exists in, as any fallback page is (issue 26: term pages are in the
// search index). The site is taxonomies.txtar, in Danish, English and
// Arabic.
func TestTermPagesInSearch(t *testing.T) {
	data, err := os.ReadFile("testdata/taxonomies.txtar")
	if err != nil {
		t.Fatal(err)
	}
	site := sitetest.BuildFS(t, sitetest.FS(t, data), sitetest.Options(txtar.Parse(data).Comment))
	if site.Result == nil {
		t.Fatal(site.Stderr())
	}
	type entry struct {
		U, T, L string
	}
	index := map[string]map[string]entry{} // language -> URL -> entry
	for _, name := range site.Names() {
		lang, ok := strings.CutPrefix(name, "search/")
		if !ok || path.Dir(name) != "search" || path.Ext(name) != ".json" {
			continue
		}
		lang, _, _ = strings.Cut(lang, ".")
		var f struct{ Pages []entry }
		if err := json.Unmarshal(site.Files[name], &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		index[lang] = map[string]entry{}
		for _, e := range f.Pages {
			index[lang][e.U] = e
		}
	}
	terms, fallbacks := 0, 0
	for _, p := range site.Result.Site.Pages {
		if p.Kind != pages.Taxonomy && p.Kind != pages.Term || p.PageNumber() != 1 {
			continue
		}
		want := entry{U: p.URL, T: p.Title}
		if p.Fallback {
			// Found in the index of the language it exists in, which
			// search.js loads when the reader's finds few pages; the
			// reader's own index does not grow by it.
			src := p.Available()[0]
			if _, ok := index[p.Lang.Code][src.URL]; ok {
				t.Errorf("the %s search index lists %s, a page of %s", p.Lang.Code, src.URL, src.Lang.Code)
			}
			want = entry{U: src.URL, T: src.Title}
			if got := index[src.Lang.Code][src.URL]; got != want {
				t.Errorf("the %s search index has %+v for %s (/%s), want %+v", src.Lang.Code, got, src.Kind, src.Path, want)
			}
			fallbacks++
			continue
		}
		terms++
		if got := index[p.Lang.Code][want.U]; got != want {
			t.Errorf("the %s search index has %+v for %s (/%s), want %+v", p.Lang.Code, got, p.Kind, p.Path, want)
		}
	}
	if terms < 10 || fallbacks == 0 {
		t.Errorf("the site has %d real taxonomy and term pages and %d fallback ones; the test needs more", terms, fallbacks)
	}
}
