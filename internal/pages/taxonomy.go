package pages

import (
	"slices"
	"strings"
	"unicode"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
)

// PageTerms are a page's terms of one taxonomy, as layouts link them.
type PageTerms struct {
	Taxonomy *Page   // the taxonomy's page in the page's language
	Terms    []*Page // the term pages, in the order the page lists its terms
}

// TermPages returns the page's terms by taxonomy, in the order of
// sitegen.toml's taxonomies: none for fallback and generated pages.
func (p *Page) TermPages() []PageTerms { return p.moreOr().termPages }

// Listing returns the pages a listing page lists on this page of it: a
// section's or home page's children, a taxonomy page's terms, a term
// page's members (Members); when the listing is split into numbered
// pages, only this page's share (Pager).
func (p *Page) Listing() []*Page {
	switch {
	case p.Pager() != nil:
		return p.Pager().Items
	case p.Kind == Term:
		return p.Members()
	}
	return p.Children()
}

// Listed returns every page of the listing p is a page of, on all its
// numbered pages: Listing, whole.
func (p *Page) Listed() []*Page {
	if p.Kind == Term {
		return p.Members()
	}
	return p.Children()
}

// taxonomyOf says whether a file key is in a taxonomy's folder: the
// taxonomy's name and Taxonomy for "<taxonomy>/_index.md", Term for
// "<taxonomy>/<term>/_index.md", Regular for any other file below it; ""
// when it is in no taxonomy's folder.
func (s *Site) taxonomyOf(key string) (string, Kind) {
	first, rest, ok := strings.Cut(key, "/")
	if !ok || !slices.Contains(s.Config.Taxonomies, first) {
		return "", 0
	}
	switch _, file, ok := strings.Cut(rest, "/"); {
	case rest == content.IndexName:
		return first, Taxonomy
	case ok && file == content.IndexName:
		return first, Term
	}
	return first, Regular
}

// addTaxonomies makes the pages of every taxonomy that a page uses or
// whose folder holds a page: the taxonomy's page in every language (its
// content/<lang>/<taxonomy>/_index.md, else one titled by Input.
// TaxonomyTitle), and in each language a term page for each term its
// pages use (content/<lang>/<taxonomy>/<term>/_index.md when written).
// A term is found by its segment (termSlug) in the page's language: the
// term page written at that folder, else the page of that language whose
// translation key is the folder's path, else a page made for it, titled
// with the term as first written (in the order of the pages' keys).
// fillFallbacks then gives the languages without a term its fallback page.
func (s *Site) addTaxonomies(diags *diag.List) {
	for _, t := range s.Config.Taxonomies {
		if !s.usesTaxonomy(t) {
			continue
		}
		taxFile := t + "/" + content.IndexName
		key := taxFile
		for _, l := range s.Langs {
			if p := s.byFile[l.Index][taxFile]; p != nil {
				key = p.Key
				break
			}
		}
		for _, l := range s.Langs {
			if s.byFile[l.Index][taxFile] != nil {
				continue
			}
			title := t
			if s.taxonomyTitle != nil {
				title = s.taxonomyTitle(l.Code, t)
			}
			s.add(&Page{Kind: Taxonomy, Key: key, FileKey: taxFile, Lang: l, Title: title, TitleLang: l, more: newTaxPart(t), site: s})
		}
		for _, key := range slices.Clone(s.keys) {
			for _, p := range s.byKey[key] {
				if p != nil && p.File != nil && len(p.Terms[t]) > 0 {
					s.addTerms(p, t, diags)
				}
			}
		}
	}
	slices.Sort(s.keys)
}

// usesTaxonomy reports whether a page lists terms of taxonomy t or a page
// is written in its folder.
func (s *Site) usesTaxonomy(t string) bool {
	for _, byLang := range s.byKey {
		for _, p := range byLang {
			if p != nil && (len(p.Terms[t]) > 0 || p.Taxonomy() == t) {
				return true
			}
		}
	}
	return false
}

// addTerms finds or makes the term pages of a page's terms of taxonomy t.
func (s *Site) addTerms(p *Page, t string, diags *diag.List) {
	pt := PageTerms{}
	for _, term := range p.Terms[t] {
		seg := s.termSlug(p.Lang, term)
		if content.CheckSegment(seg) != nil {
			diags.Errorf(p.File.Path, p.File.Meta.Lines.Line(t), "%s: the term %q has no letter or digit to make its URL of; write it with at least one", t, term)
			continue
		}
		fileKey := t + "/" + seg + "/" + content.IndexName
		tp := s.byFile[p.Lang.Index][fileKey]
		if tp == nil && s.byKey[fileKey] != nil {
			tp = s.byKey[fileKey][p.Lang.Index] // a term page of another name paired with this path (translation_key:)
		}
		if tp == nil {
			tp = &Page{Kind: Term, Key: fileKey, FileKey: fileKey, Lang: p.Lang, Title: s.typeset(p.Lang, term), TitleLang: p.Lang, more: newTaxPart(t), site: s}
			s.add(tp)
		}
		if !slices.Contains(pt.Terms, tp) {
			pt.Terms = append(pt.Terms, tp)
		}
	}
	if len(pt.Terms) > 0 {
		p.ext().termPages = append(p.ext().termPages, pt)
	}
}

// add puts a page the site makes (not from a file) in its language at its
// key and file key.
func (s *Site) add(p *Page) {
	if s.byKey[p.Key] == nil {
		s.byKey[p.Key] = make([]*Page, len(s.Langs))
		s.keys = append(s.keys, p.Key)
	}
	s.byKey[p.Key][p.Lang.Index] = p
	s.byFile[p.Lang.Index][p.FileKey] = p
}

// termSlug is the URL segment of a term: Input.Slug's, with runs of "-"
// joined and trimmed from the ends, so "MitID - Digital Post" is
// mitid-digital-post.
func (s *Site) termSlug(lang *Lang, term string) string {
	var seg string
	if s.slug != nil {
		seg = s.slug(lang.Code, term)
	} else {
		seg = strings.Join(strings.FieldsFunc(strings.ToLower(term), unicode.IsSpace), "-")
	}
	var b strings.Builder
	for _, part := range strings.Split(seg, "-") {
		if part == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(part)
	}
	return b.String()
}

// collectMembers fills each term page's Members: on a real term page the
// real pages of its language with the term; on a fallback one, its
// language's versions of its source's members, as a fallback section
// lists its source's children. It also gives each page its taxonomies'
// pages in its language, for TermPages.
func (s *Site) collectMembers() {
	for _, p := range s.Pages {
		for i := range p.TermPages() {
			pt := &p.more.termPages[i]
			pt.Taxonomy = pt.Terms[0].Parent // a term page stands below its taxonomy's page
			for _, tp := range pt.Terms {
				tp.more.members = append(tp.more.members, p)
			}
		}
	}
	// Page order follows the taxonomies of sitegen.toml, whatever order
	// addTaxonomies found them in.
	for _, p := range s.Pages {
		slices.SortStableFunc(p.TermPages(), func(a, b PageTerms) int {
			return slices.Index(s.Config.Taxonomies, a.Terms[0].Taxonomy()) - slices.Index(s.Config.Taxonomies, b.Terms[0].Taxonomy())
		})
	}
	for _, p := range s.Pages {
		if p.Kind == Term && p.Fallback {
			for _, m := range p.source.Members() {
				p.more.members = append(p.more.members, m.Translations[p.Lang.Index])
			}
		}
	}
}
