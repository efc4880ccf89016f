package browsertest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/search/searchtest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// searchSubmitJS searches for q as the form does when it is submitted,
// and waits until every result, the other languages' too, is shown.
const searchSubmitJS = `async (q) => {
	const form = document.querySelector('form[data-index]');
	form.querySelector('input').value = q;
	form.requestSubmit();
	for (let i = 0; i < 2000 && form.dataset.searched !== q; i++) await new Promise((r) => setTimeout(r, 5));
	return form.dataset.searched === q;
}`

// TestSearchReaders runs the words of internal/search/searchtest's
// readers.txt through search.js in Chromium (issue 28): a site of its
// pages in 17 languages, whose search pages are all the fallback pages
// of the Danish one, searched in one browser. Each word, as a reader of
// the language types it, must find its page first among the results in
// the reader's language.
func TestSearchReaders(t *testing.T) {
	chrome := needBrowser(t)
	langs, err := searchtest.Readers()
	if err != nil {
		t.Fatal(err)
	}
	var toml strings.Builder
	toml.WriteString("base_url = \"https://example.org/\"\ndefault_language = \"da\"\n")
	fsys := fstest.MapFS{
		"content/da/_index.md": {Data: []byte("---\ntitle: Forside\ndescription: Forsiden.\n---\n")},
		"content/da/soeg.md":   {Data: []byte("---\ntitle: Søg\ndescription: Søg på siden.\nlayout: search\n---\n")},
	}
	for _, l := range langs {
		fmt.Fprintf(&toml, "[[languages]]\ncode = %q\nname = %q\n", l.Lang, l.Lang)
		for _, p := range l.Pages {
			fsys["content/"+l.Lang+"/"+p.Slug+".md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
				"---\ntitle: %q\ndescription: %q\ntranslation_key: %s-%s\n---\n\n%s\n", p.Title, p.Description, l.Lang, p.Slug, p.Body))}
		}
	}
	if !slices.ContainsFunc(langs, func(l *searchtest.Lang) bool { return l.Lang == "da" }) {
		t.Fatal("readers.txt has no Danish, the site's default language")
	}
	fsys["sitegen.toml"] = &fstest.MapFile{Data: []byte(toml.String())}
	mem := publish.NewMemory()
	if _, err := build.Build(fsys, build.Options{Defaults: theme.FS()}, mem); err != nil {
		t.Fatalf("building the site:\n%v", err)
	}
	srv := httptest.NewServer(siteHandler(mem.Files()))
	t.Cleanup(srv.Close)
	ctx := startBrowser(t, chrome)
	queries := 0
	for _, l := range langs {
		t.Run(l.Lang, func(t *testing.T) {
			tctx, cancel := context.WithTimeout(ctx, actionTimeout)
			defer cancel()
			if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/"+l.Lang+"/soeg/")); err != nil {
				t.Fatal(err)
			}
			if st := eval[searchState](t, ctx, searchStateJS, nil); !st.FormShown {
				t.Fatal("the search form is not shown")
			}
			for _, q := range l.Queries {
				queries++
				if !eval[bool](t, ctx, searchSubmitJS, q.Q) {
					t.Fatalf("%q: the search did not end", q.Q)
				}
				st := eval[searchState](t, ctx, searchStateJS, nil)
				got := st.hrefs()
				want := "/" + l.Lang + "/" + q.Want + "/"
				switch {
				case q.Want == "" && len(got) > 0:
					t.Errorf("%q finds %v, want nothing", q.Q, got)
				case q.Want != "" && (len(got) == 0 || got[0] != want):
					t.Errorf("%q finds %v, want %s first", q.Q, got, want)
				case q.Only && len(got) != 1:
					t.Errorf("%q finds %v, want %s only", q.Q, got, want)
				}
			}
		})
	}
	t.Logf("%d queries in %d languages, in one browser", queries, len(langs))
}

// TestSearchEveryLanguage: in each language of the bundled site that has
// no search page of its own (ar, uk, pl, tr, so, fa), the header's search
// link leads to a search page in that language, the fallback page of the
// Danish one (issue 28), which finds the Danish and English pages of a
// Danish word, each marked with its language.
func TestSearchEveryLanguage(t *testing.T) {
	b, _ := serveBundled(t)
	for _, lang := range []string{"ar", "uk", "pl", "tr", "so", "fa"} {
		t.Run(lang, func(t *testing.T) {
			b.load(t, "/"+lang+"/")
			href := eval[string](t, b.ctx, `() => document.querySelector('.search-link')?.getAttribute('href') || ''`, nil)
			if href != "/"+lang+"/soeg/" {
				t.Fatalf("the header's search link goes to %q; want /%s/soeg/", href, lang)
			}
			b.load(t, href)
			page := eval[struct{ Lang, H1, Notice string }](t, b.ctx, `() => ({
				lang: document.documentElement.lang, h1: document.querySelector('h1').textContent,
				notice: document.querySelector('.fallback-notice')?.textContent || ''})`, nil)
			if page.Lang != lang || page.H1 == "" || page.H1 == "Søg" || page.Notice == "" {
				t.Errorf("the search page has lang %q, heading %q, notice %q; want %s, the heading in %s and the fallback notice",
					page.Lang, page.H1, page.Notice, lang, lang)
			}
			if !eval[bool](t, b.ctx, searchSubmitJS, "afslag") {
				t.Fatal("the search did not end")
			}
			st := eval[searchState](t, b.ctx, searchStateJS, nil)
			for _, want := range []string{"/da/afslag/ da ltr (Dansk)", "/en/refused/ en ltr (English)"} {
				if !slices.Contains(st.otherHrefs(), want) {
					t.Errorf("afslag: the other languages' results are %q; want %q among them", st.otherHrefs(), want)
				}
			}
		})
	}
}
