package pages

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// FeedFile is the name of a listing's Atom feed in its folder: atom.xml,
// as Zola names it (Hugo's index.xml is RSS).
const FeedFile = "atom.xml"

// A Feed is the Atom feed of a listing page: a home page (the whole
// language), a section or a term page with dated pages below it.
type Feed struct {
	Page      *Page     // the listing page it follows (its first page)
	Title     string    // the listing's title, then the site's name: "Nyt – Uden MitID"
	Path      string    // below the base path: "da/nyt/atom.xml"
	URL       string    // Path with the base path in front
	Permalink string    // the absolute URL
	Entries   []*Page   // newest first, at most [feeds] entries
	Updated   time.Time // the newest date of an entry, its date: or its updated:
}

// Feeds returns every feed of the site, by language, then by path.
func (s *Site) Feeds() []*Feed { return s.feeds }

// Feeds returns the feeds a page links to, most particular first: its own
// (a listing's), the nearest one above it but the home page's, and its
// language's, the home page's.
func (p *Page) Feeds() []*Feed {
	var out []*Feed
	if p.Feed() != nil {
		out = append(out, p.Feed())
	}
	anc := p.Ancestors()
	for i := len(anc) - 1; i > 0; i-- {
		if f := anc[i].Feed(); f != nil {
			if p.Feed() == nil {
				out = append(out, f)
			}
			break
		}
	}
	if p.Kind != Home && p.Lang != nil && p.Kind != Root && p.Kind != RootNotFound && p.Kind != Alias {
		if home := p.site.Home(p.Lang); home.Feed() != nil && !slices.Contains(out, home.Feed()) {
			out = append(out, home.Feed())
		}
	}
	return out
}

// Dated reports whether a page is an entry of the feeds of the listings
// above it: a real regular page, published, with date:.
func (p *Page) Dated() bool {
	return p.Kind == Regular && !p.Fallback && !p.Draft && !p.Date().IsZero()
}

// makeFeeds gives each listing with dated pages its feed: a home or
// section page those at any depth below it, a term page its members that
// are dated. A fallback listing has a feed of its language's real pages
// too; no feed holds a fallback page.
func (s *Site) makeFeeds() {
	if !s.Config.Feeds.Enabled {
		return
	}
	entries := map[*Page][]*Page{}
	for _, p := range s.Pages {
		if !p.Dated() {
			continue
		}
		for _, a := range p.Ancestors() {
			entries[a] = append(entries[a], p)
		}
		for _, pt := range p.TermPages() {
			for _, t := range pt.Terms {
				entries[t] = append(entries[t], p)
			}
		}
	}
	for _, p := range s.Pages {
		list := entries[p]
		if len(list) == 0 {
			continue
		}
		slices.SortFunc(list, func(a, b *Page) int {
			return cmp.Or(b.Date().Compare(a.Date()), strings.Compare(a.Title, b.Title), Natural(a.FileKey, b.FileKey))
		})
		list = list[:min(len(list), s.Config.Feeds.Entries)]
		f := &Feed{Page: p, Path: p.Path + FeedFile, Entries: list, Title: p.Title}
		if p.Kind == Home || p.Title == p.Lang.Title {
			f.Title = p.Lang.Title
		} else {
			f.Title += " – " + p.Lang.Title
		}
		for _, e := range list {
			f.Updated = maxTime(f.Updated, e.Date(), e.Updated())
		}
		p.ext().feed = f
		s.feeds = append(s.feeds, f)
	}
	slices.SortFunc(s.feeds, func(a, b *Feed) int {
		return cmp.Or(cmp.Compare(a.Page.Lang.Index, b.Page.Lang.Index), strings.Compare(a.Path, b.Path))
	})
}

func maxTime(ts ...time.Time) time.Time {
	var m time.Time
	for _, t := range ts {
		if t.After(m) {
			m = t
		}
	}
	return m
}
