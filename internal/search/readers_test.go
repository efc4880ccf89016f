package search

import (
	"testing"

	"github.com/udenmitid/sitegen/internal/search/searchtest"
)

// TestReaders runs the words of searchtest/readers.txt, as readers of
// each language type them (with and without marks, inflected, in upper
// case), through the index and a Go copy of search.js, on the single file
// and on the split index: each must find its page (issue 28).
func TestReaders(t *testing.T) {
	langs, err := searchtest.Readers()
	if err != nil {
		t.Fatal(err)
	}
	if len(langs) < 15 {
		t.Fatalf("%d languages, want at least 15", len(langs))
	}
	queries := 0
	for _, l := range langs {
		a := For(l.Lang)
		var list []*Entry
		for _, p := range l.Pages {
			body := a.Body([]string{p.Body}, MaxTerms)
			list = append(list, &Entry{URL: "/" + l.Lang + "/" + p.Slug + "/", Title: p.Title, Description: p.Description,
				Terms: body.Terms, Forms: body.Forms})
		}
		one, err := openSingle(single(l.Lang, list))
		if err != nil {
			t.Fatal(err)
		}
		manifest, files := Split(l.Lang, list)
		split, err := openSplit(manifest, files)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range l.Queries {
			queries++
			got1 := one.search(q.Q)
			got2, err := split.search(q.Q)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				how  string
				hits []hit
			}{{"single file", got1}, {"split", got2}} {
				var slugs []string
				for _, h := range c.hits {
					slugs = append(slugs, l.Pages[h.page].Slug)
				}
				switch {
				case q.Want == "" && len(slugs) > 0:
					t.Errorf("%s, %s: %q finds %v, want nothing", l.Lang, c.how, q.Q, slugs)
				case q.Want != "" && (len(slugs) == 0 || slugs[0] != q.Want):
					t.Errorf("%s, %s: %q finds %v, want %s first", l.Lang, c.how, q.Q, slugs, q.Want)
				case q.Only && len(slugs) != 1:
					t.Errorf("%s, %s: %q finds %v, want %s only", l.Lang, c.how, q.Q, slugs, q.Want)
				}
			}
		}
	}
	t.Logf("%d queries in %d languages", queries, len(langs))
}
