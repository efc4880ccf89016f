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
// and search pages; and, on a site of 30 languages (testdata/rtl-site.txtar),
// that the way on of every Arabic, Hebrew and Persian fallback page, its
// first link to a version that exists, is, also when the page shows the
// Danish text below its notice ([fallback] show_default_text). For readers
// on slow phones who struggle with digital services, the answer must be
// the first thing they see. It logs where the first line starts, per kind
// of page.
func TestFirstScreen(t *testing.T) {
	chrome := needBrowser(t)
	site := buildSite(t)
	plain, text := rtlSites(t, "rtl/")
	rtl := func(p sitePage) bool {
		return p.Kind == "fallback" && slices.Contains([]string{"ar", "he", "fa"}, p.Lang)
	}
	extra := plain.only(rtl).merge(text.only(showsText))
	srv := httptest.NewServer(siteHandler(site.merge(extra).files))
	t.Cleanup(srv.Close)
	b := &tab{ctx: startBrowser(t, chrome), base: srv.URL}
	type visit struct {
		p           sitePage
		kind, label string // the kind first-line.js looks for; the kind in the log
	}
	var visits []visit
	for _, p := range site.pages {
		kind := p.Kind
		if p.Kind == "page" && isSearchPage(site, p) {
			kind = "search"
		}
		visits = append(visits, visit{p, kind, kind})
	}
	for _, p := range extra.pages {
		label := "fallback, 30 languages (" + p.Lang + ")"
		if strings.HasPrefix(p.URL, "/rtl/text/") {
			label = "fallback with text, 30 languages (" + p.Lang + ")"
		}
		visits = append(visits, visit{p, "fallback", label})
	}
	kinds := []string{"home", "section", "page", "fallback", "search"}
	for _, scriptsOff := range []bool{false, true} {
		name := "javascript-on"
		if scriptsOff {
			name = "javascript-off"
		}
		t.Run(name, func(t *testing.T) {
			run(t, b.ctx, emulate(phone, scriptsOff))
			tops := map[string][]int{}
			var labels []string
			for _, v := range visits {
				if !slices.Contains(kinds, v.kind) {
					continue
				}
				t.Run(v.p.name(), func(t *testing.T) {
					b.load(t, v.p.URL)
					fl := eval[firstLine](t, b.ctx, firstLineJS, v.kind)
					if !fl.Found {
						t.Fatalf("found no content in main on this %s page", v.kind)
					}
					if tops[v.label] == nil {
						labels = append(labels, v.label)
					}
					tops[v.label] = append(tops[v.label], fl.Bottom)
					if fl.Bottom > int(phone.height) {
						t.Errorf("the first line of the page's content (%s) ends at %d px, below the first screen (%d px)", fl.What, fl.Bottom, phone.height)
					}
				})
			}
			for _, kind := range kinds {
				if len(tops[kind]) == 0 {
					t.Errorf("no %s page was measured", kind)
				}
			}
			for _, l := range []string{"ar", "he", "fa"} {
				for _, label := range []string{"fallback, 30 languages (" + l + ")", "fallback with text, 30 languages (" + l + ")"} {
					if len(tops[label]) == 0 {
						t.Errorf("no page was measured as %s", label)
					}
				}
			}
			for _, label := range labels {
				t.Logf("%-45s %3d pages: first line ends at %d–%d px", label, len(tops[label]), slices.Min(tops[label]), slices.Max(tops[label]))
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
