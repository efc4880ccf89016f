package search

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// A Readers case is one language of testdata/readers.txt: its pages and
// the queries that must find them.
type readersLang struct {
	lang    string
	pages   []readersPage
	queries []readersQuery
}

type readersPage struct{ slug, title, description, body string }

type readersQuery struct {
	q, want string // want is the slug, or "" for none
	only    bool
}

// readReaders reads testdata/readers.txt (see its head).
func readReaders(t *testing.T) []*readersLang {
	t.Helper()
	f, err := os.Open("testdata/readers.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var langs []*readersLang
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, rest, _ := strings.Cut(line, " ")
		if verb == "lang" {
			langs = append(langs, &readersLang{lang: rest})
			continue
		}
		if len(langs) == 0 {
			t.Fatalf("readers.txt:%d: %s before a lang line", n, verb)
		}
		l := langs[len(langs)-1]
		switch verb {
		case "page":
			p := strings.Split(rest, " | ")
			if len(p) != 4 {
				t.Fatalf("readers.txt:%d: a page has slug | title | description | body", n)
			}
			l.pages = append(l.pages, readersPage{p[0], p[1], p[2], p[3]})
		case "first", "only", "none:":
			slug, qs, _ := strings.Cut(rest, ": ")
			if verb == "none:" {
				slug, qs = "", rest
			}
			for _, q := range strings.Split(qs, " / ") {
				l.queries = append(l.queries, readersQuery{q: q, want: slug, only: verb == "only"})
			}
		default:
			t.Fatalf("readers.txt:%d: unknown line %q", n, verb)
		}
	}
	return langs
}

// TestReaders runs the words of testdata/readers.txt, as readers of each
// language type them, through the index and a Go copy of search.js, on
// the single file and on the split index: each must find its page.
func TestReaders(t *testing.T) {
	langs := readReaders(t)
	if len(langs) < 15 {
		t.Fatalf("%d languages, want at least 15", len(langs))
	}
	queries := 0
	for _, l := range langs {
		a := For(l.lang)
		var list []*Entry
		for _, p := range l.pages {
			body := a.Body([]string{p.body}, MaxTerms)
			list = append(list, &Entry{URL: "/" + l.lang + "/" + p.slug + "/", Title: p.title, Description: p.description,
				Terms: body.Terms, Forms: body.Forms})
		}
		one, err := openSingle(single(l.lang, list))
		if err != nil {
			t.Fatal(err)
		}
		manifest, files := Split(l.lang, list)
		split, err := openSplit(manifest, files)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range l.queries {
			queries++
			got1 := one.search(q.q)
			got2, err := split.search(q.q)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				how  string
				hits []hit
			}{{"single file", got1}, {"split", got2}} {
				var slugs []string
				for _, h := range c.hits {
					slugs = append(slugs, l.pages[h.page].slug)
				}
				switch {
				case q.want == "" && len(slugs) > 0:
					t.Errorf("%s, %s: %q finds %v, want nothing", l.lang, c.how, q.q, slugs)
				case q.want != "" && (len(slugs) == 0 || slugs[0] != q.want):
					t.Errorf("%s, %s: %q finds %v, want %s first", l.lang, c.how, q.q, slugs, q.want)
				case q.only && len(slugs) != 1:
					t.Errorf("%s, %s: %q finds %v, want %s only", l.lang, c.how, q.q, slugs, q.want)
				}
			}
		}
	}
	t.Logf("%d queries in %d languages", queries, len(langs))
}
