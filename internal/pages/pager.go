package pages

import (
	"strconv"
)

// PagePath is the folder below a listing's URL that holds its numbered
// pages: /da/nyt/page/2/, as Hugo names them.
const PagePath = "page"

// A Pager is one of the numbered pages a long listing is split into. The
// first is the listing page itself, at its own URL; page n > 1 is a page
// of its own (in Site.Special) at <listing>/page/<n>/, with the listing's
// fields, Listing giving its share.
type Pager struct {
	Number int     // from 1
	Items  []*Page // the pages this one lists
	pages  []*Page // every numbered page, pages[0] the listing page itself
}

// Total is the number of numbered pages.
func (g *Pager) Total() int { return len(g.pages) }

// Pages returns every numbered page, the listing page first.
func (g *Pager) Pages() []*Page { return g.pages }

// First returns the listing page itself (nil for a Pager New did not
// make, as are the other pages of one).
func (g *Pager) First() *Page { return g.at(1) }

// Last returns the last numbered page.
func (g *Pager) Last() *Page { return g.at(len(g.pages)) }

// Prev returns the page before this one, or nil on the first.
func (g *Pager) Prev() *Page { return g.at(g.Number - 1) }

// Next returns the page after this one, or nil on the last.
func (g *Pager) Next() *Page { return g.at(g.Number + 1) }

// at returns page n, nil when there is none.
func (g *Pager) at(n int) *Page {
	if n < 1 || n > len(g.pages) {
		return nil
	}
	return g.pages[n-1]
}

// Near returns the numbered pages within two of this one, for a row of
// page numbers: pages 3 to 7 on page 5.
func (g *Pager) Near() []*Page {
	lo, hi := max(0, g.Number-3), min(len(g.pages), g.Number+2)
	if lo >= hi {
		return nil
	}
	return g.pages[lo:hi]
}

// PageNumber returns the page's number among the numbered pages of its
// listing: 1 unless it is page 2 or later of a split listing.
func (p *Page) PageNumber() int {
	if p.Pager() == nil {
		return 1
	}
	return p.Pager().Number
}

// PageSize returns the most pages one page of the listing p shows: its
// page_size: (a fallback page's source's), else [pagination] page_size
// of sitegen.toml; 0 never splits it.
func (p *Page) PageSize() int {
	f := p.File
	if p.Fallback {
		f = p.source.File
	}
	if f != nil && f.Meta.PageSize() != nil {
		return *f.Meta.PageSize()
	}
	return p.site.Config.Pagination.PageSize
}

// paginate splits every listing longer than its PageSize into numbered
// pages. A numbered page's translations are the pages of the same number
// of its translations' listings, or their first page where they have
// fewer.
func (s *Site) paginate() {
	var numbered []*Page
	for _, p := range s.Pages {
		size := p.PageSize()
		all := p.Listed()
		if size <= 0 || len(all) <= size {
			continue
		}
		var pages []*Page
		for n := 1; (n-1)*size < len(all); n++ {
			q := p
			if n > 1 {
				q = p.copyOf()
				q.Path = p.Path + PagePath + "/" + strconv.Itoa(n) + "/"
				numbered = append(numbered, q)
			}
			q.ext().pager = &Pager{Number: n, Items: all[(n-1)*size : min(n*size, len(all))]}
			pages = append(pages, q)
		}
		for _, q := range pages {
			q.Pager().pages = pages
		}
	}
	for _, q := range numbered {
		first := q.Pager().First()
		q.Translations = make([]*Page, len(first.Translations))
		for i, t := range first.Translations {
			q.Translations[i] = t
			if t.Pager() != nil && t.Pager().Total() >= q.Pager().Number {
				q.Translations[i] = t.Pager().pages[q.Pager().Number-1]
			}
		}
	}
	s.Special = append(s.Special, numbered...)
}
