package browsertest

import (
	_ "embed"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

//go:embed testdata/first-line.js
var firstLineJS string

// phone is the first screen of a common small phone, in CSS px.
var phone = viewport{width: 360, height: 740}

type firstLine struct {
	Found       bool
	What        string
	Top, Bottom int
}

// TestFirstScreen checks, on a 360 × 740 screen, that the first line of
// each page's own content is on the first screen, with JavaScript on and
// off, for every page of the bundled site: home, section, page, fallback
// and search pages. For readers on slow phones who struggle with digital
// services, the answer must be the first thing they see. It logs where the
// first line starts, per kind of page.
func TestFirstScreen(t *testing.T) {
	chrome := needBrowser(t)
	site := buildSite(t)
	srv := httptest.NewServer(siteHandler(site.files))
	t.Cleanup(srv.Close)
	b := &tab{ctx: startBrowser(t, chrome), base: srv.URL}
	kinds := []string{"home", "section", "page", "fallback", "search"}
	for _, scriptsOff := range []bool{false, true} {
		name := "javascript-on"
		if scriptsOff {
			name = "javascript-off"
		}
		t.Run(name, func(t *testing.T) {
			run(t, b.ctx, emulate(phone, scriptsOff))
			tops := map[string][]int{}
			for _, p := range site.pages {
				kind := p.Kind
				if p.Kind == "page" && isSearchPage(site, p) {
					kind = "search"
				}
				if !slices.Contains(kinds, kind) {
					continue
				}
				t.Run(p.name(), func(t *testing.T) {
					b.load(t, p.URL)
					fl := eval[firstLine](t, b.ctx, firstLineJS, kind)
					if !fl.Found {
						t.Fatalf("found no content in main on this %s page", kind)
					}
					tops[kind] = append(tops[kind], fl.Top)
					if fl.Bottom > int(phone.height) {
						t.Errorf("the first line of the page's content (%s) ends at %d px, below the first screen (%d px)", fl.What, fl.Bottom, phone.height)
					}
				})
			}
			for _, kind := range kinds {
				if len(tops[kind]) == 0 {
					t.Errorf("no %s page was measured", kind)
					continue
				}
				t.Logf("%-8s %2d pages: first line starts at %d–%d px", kind, len(tops[kind]), slices.Min(tops[kind]), slices.Max(tops[kind]))
			}
		})
	}
}

// isSearchPage reports whether p is a search page: its HTML has the
// search form.
func isSearchPage(site *builtSite, p sitePage) bool {
	return bytesContains(site.files[p.File], `role="search"`)
}

func bytesContains(b []byte, s string) bool { return strings.Contains(string(b), s) }
