package pages

import (
	"cmp"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/udenmitid/sitegen/internal/content"
)

// order sorts every listing: each home and section page's children and
// each term page's members, by the listing's order (SortOrder), and each
// taxonomy page's terms by title.
func (s *Site) order() {
	o := &orderer{collators: make([]*collate.Collator, len(s.Langs))}
	for i, l := range s.Langs {
		// Numeric: "Kapitel 2" before "Kapitel 10", as readers count.
		o.collators[i] = collate.New(language.Make(l.Code), collate.Numeric)
	}
	for _, p := range s.Pages {
		list := p.Children()
		if p.Kind == Term {
			list = p.Members()
		}
		if len(list) > 1 {
			slices.SortFunc(list, o.compare(p.SortOrder(), s.Langs[p.Lang.Index]))
		}
	}
}

// SortOrder returns how a listing page orders its pages: sort_by: in its
// front matter (a fallback page's source's), else by date when a page it
// lists has one (date:), else, for a taxonomy or term page, by title, and
// for a home or section page by weight. See content.SortWeight, SortDate
// and SortTitle.
func (p *Page) SortOrder() string {
	f := p.File
	if p.Fallback {
		f = p.source.File
	}
	if f != nil && f.Meta.SortBy() != "" {
		return f.Meta.SortBy()
	}
	for _, c := range p.Listed() {
		if !c.Date().IsZero() {
			return content.SortDate
		}
	}
	if p.Kind == Taxonomy || p.Kind == Term {
		return content.SortTitle // a term's pages are from many sections, whose weights mean little here
	}
	return content.SortWeight
}

type orderer struct {
	collators []*collate.Collator // by language index; not safe for concurrent use
}

// compare returns the comparison of an order (Hugo's default is
// SortDate's): by weight, lowest first, the pages without one (0) after
// them, as Hugo puts them, then by file name; by date, the
// pages with a weight first, by weight, then the newest first, then by
// title, then by file name; by title, the pages with a weight first,
// then by title. Titles are compared by the language's collation
// (Unicode's, tailored: "å" after "z" in Danish), file names in natural
// order (2015-10-8 before 2015-10-19).
func (o *orderer) compare(order string, lang *Lang) func(a, b *Page) int {
	coll := o.collators[lang.Index]
	byTitle := func(a, b *Page) int { return coll.CompareString(a.Title, b.Title) }
	byName := func(a, b *Page) int {
		return cmp.Or(Natural(a.FileKey, b.FileKey), Natural(a.Key, b.Key))
	}
	switch order {
	case content.SortDate:
		return func(a, b *Page) int {
			return cmp.Or(weighted(a, b), newest(a, b), byTitle(a, b), byName(a, b))
		}
	case content.SortTitle:
		return func(a, b *Page) int { return cmp.Or(weighted(a, b), byTitle(a, b), byName(a, b)) }
	}
	return func(a, b *Page) int { return cmp.Or(weighted(a, b), byName(a, b)) }
}

// weighted puts pages with a weight first, by weight, as Hugo does: a
// weight of 0 is no weight.
func weighted(a, b *Page) int {
	switch {
	case a.Weight == 0 && b.Weight == 0:
		return 0
	case a.Weight == 0:
		return 1
	case b.Weight == 0:
		return -1
	}
	return cmp.Compare(a.Weight, b.Weight)
}

// newest puts the newer date first, and pages without one last.
func newest(a, b *Page) int {
	switch {
	case a.Date().IsZero() && b.Date().IsZero():
		return 0
	case a.Date().IsZero():
		return 1
	case b.Date().IsZero():
		return -1
	}
	return b.Date().Compare(a.Date())
}

// Natural compares two names as readers count: runs of digits by their
// value ("page-8" before "page-19", "2015-10-8" before "2015-10-19"),
// everything else byte by byte. Names equal by value ("07" and "7") are
// compared as strings, so the order is total.
func Natural(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			x, y := trimZeros(a[si:i]), trimZeros(b[sj:j])
			if c := cmp.Or(cmp.Compare(len(x), len(y)), cmp.Compare(x, y)); c != 0 {
				return c
			}
			continue
		}
		if a[i] != b[j] {
			return cmp.Compare(a[i], b[j])
		}
		i++
		j++
	}
	return cmp.Or(cmp.Compare(len(a)-i, len(b)-j), cmp.Compare(a, b))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func trimZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}
