// Package searchtest holds the words that readers of many languages type
// into a search, and the pages each must find (readers.txt), for the
// tests that run them through the Go indexer (internal/search) and
// through search.js in a browser (internal/browsertest).
package searchtest

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed readers.txt
var readers string

// A Lang is one language of readers.txt: its pages and the queries that
// must find them.
type Lang struct {
	Lang    string
	Pages   []Page
	Queries []Query
}

// A Page is a page of a Lang: its slug (the last segment of its URL),
// title, description and body.
type Page struct{ Slug, Title, Description, Body string }

// A Query is what a reader types and the slug of the page it must find
// first, or "" when no page of the language may match; with Only, no
// other page may match.
type Query struct {
	Q, Want string
	Only    bool
}

// Readers returns the languages of readers.txt, in its order.
func Readers() ([]*Lang, error) {
	var langs []*Lang
	for n, line := range strings.Split(readers, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, rest, _ := strings.Cut(line, " ")
		if verb == "lang" {
			langs = append(langs, &Lang{Lang: rest})
			continue
		}
		if len(langs) == 0 {
			return nil, fmt.Errorf("readers.txt:%d: %s before a lang line", n+1, verb)
		}
		l := langs[len(langs)-1]
		switch verb {
		case "page":
			p := strings.Split(rest, " | ")
			if len(p) != 4 {
				return nil, fmt.Errorf("readers.txt:%d: a page is slug | title | description | body", n+1)
			}
			l.Pages = append(l.Pages, Page{p[0], p[1], p[2], p[3]})
		case "first", "only", "none:":
			slug, qs, _ := strings.Cut(rest, ": ")
			if verb == "none:" {
				slug, qs = "", rest
			}
			for _, q := range strings.Split(qs, " / ") {
				l.Queries = append(l.Queries, Query{Q: q, Want: slug, Only: verb == "only"})
			}
		default:
			return nil, fmt.Errorf("readers.txt:%d: unknown line %q", n+1, verb)
		}
	}
	return langs, nil
}
