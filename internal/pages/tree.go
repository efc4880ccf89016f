package pages

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
)

// group makes a page of every file and pairs the files of different
// languages by their translation keys.
func (s *Site) group(files []*content.File, diags *diag.List) {
	for _, f := range files {
		lang := s.Lang(f.Lang)
		if lang == nil {
			diags.Errorf(f.Path, 0, "language %q is not in sitegen.toml", f.Lang)
			continue
		}
		if f.Key == content.IndexName && f.Meta.TranslationKey != "" {
			// Hugo sites often set one on every page, home pages too; it
			// cannot pair them other than they are, so it is left out.
			diags.Warnf(f.Path, f.Meta.Lines.Line("translation_key"), "translation_key on a home page does nothing: home pages are always each other's translations; remove it")
			f.Meta.TranslationKey = ""
		}
		if other := s.byFile[lang.Index][f.Key]; other != nil {
			diags.Errorf(f.Path, 1, "%s has the same name; delete or rename one", other.File.Path)
			continue
		}
		if t, kind := s.taxonomyOf(f.Key); t != "" && kind == Regular {
			diags.Errorf(f.Path, 1, "the folder %s/ holds the pages of the taxonomy %s (taxonomies in sitegen.toml): only %s/%s and a page for each term, %s/<term>/%s; move this page to another folder", t, t, t, content.IndexName, t, content.IndexName)
			continue
		}
		key := f.TranslationKey()
		if s.byKey[key] == nil {
			s.byKey[key] = s.alloc.versions(len(s.Langs))
			s.keys = append(s.keys, key)
		}
		p := s.realPage(f, lang, diags)
		if other := s.byKey[key][lang.Index]; other != nil {
			a, b := other, p
			if a.File.Path > b.File.Path {
				a, b = b, a
			}
			diags.Errorf(b.File.Path, keyLine(b), "%s", sameKey(a, b, key))
			continue
		}
		if other := firstReal(s.byKey[key]); other != nil && other.Kind != p.Kind {
			diags.Errorf(f.Path, keyLine(p), "translation key %q pairs this %s with %s, a %s: a section's translations are sections, a page's are pages", key, describeKind(p), other.File.Path, describeKind(other))
			continue
		}
		s.byKey[key][lang.Index] = p
		s.byFile[lang.Index][f.Key] = p
	}
	slices.Sort(s.keys)
}

func sameKey(a, b *Page, key string) string {
	if a.File.Meta.TranslationKey == "" && b.File.Meta.TranslationKey == "" {
		return fmt.Sprintf("this page bundle is the same page as %s (%s and %s are both the page %s); keep one", a.File.Path, b.FileKey, a.FileKey, strings.TrimSuffix(a.Key, ".md"))
	}
	return fmt.Sprintf("translation key %q is also that of %s: two pages of one language cannot be translations of the same page; change one translation_key", key, a.File.Path)
}

func describeKind(p *Page) string {
	switch p.Kind {
	case Section:
		return "section"
	case Taxonomy:
		return "taxonomy page"
	case Term:
		return "term page"
	}
	return "page"
}

// keyLine is the line of a page's translation_key, or its first line.
func keyLine(p *Page) int {
	if l := p.File.Meta.Lines.Line("translation_key"); l > 0 {
		return l
	}
	return 1
}

func (s *Site) realPage(f *content.File, lang *Lang, diags *diag.List) *Page {
	m := f.Meta
	kind := Regular
	switch {
	case f.Key == content.IndexName:
		kind = Home
		if m.Slug != "" {
			diags.Warnf(f.Path, m.Lines.Line("slug"), "slug on a home page does nothing: its URL is /%s; remove it", lang.Prefix)
		}
	case f.IsIndex():
		kind = Section
	}
	switch {
	case kind == Home && m.URL != "":
		diags.Warnf(f.Path, m.Lines.Line("url"), "url on a home page does nothing: its URL is /%s/; remove it", lang.Folder)
	case strings.EqualFold(m.URL, lang.Folder):
		diags.Warnf(f.Path, m.Lines.Line("url"), "url /%s/ is the home page's URL: the page stays at its own; give it a path of its own, e.g. /%s/docs/x/, or remove url:", m.URL, m.URL)
	}
	title := s.typeset(lang, m.Title)
	taxonomy, k := s.taxonomyOf(f.Key)
	if taxonomy != "" {
		kind = k
	}
	return s.alloc.page(Page{
		Kind: kind, Key: f.TranslationKey(), FileKey: f.Key, Lang: lang, File: f,
		Title: title, TitleLang: lang, LinkTitle: cmp.Or(s.typeset(lang, m.LinkTitle), title),
		Description: s.typeset(lang, m.Description), Summary: s.typeset(lang, m.Summary),
		Weight: m.Weight, Menus: m.Menus, Terms: m.Terms, more: newTaxPart(taxonomy),
		Draft: m.Held(s.now), NeedsReview: m.NeedsReview, Params: m.Params, site: s,
	})
}

// newTaxPart returns the pageMore of a page of taxonomy, or nil when it
// is "" (the page is no taxonomy or term page).
func newTaxPart(taxonomy string) *pageMore {
	if taxonomy == "" {
		return nil
	}
	return &pageMore{taxonomy: taxonomy}
}

// typeset gives text written in front matter its typography.
func (s *Site) typeset(lang *Lang, text string) string {
	if s.typography == nil {
		return text
	}
	return s.typography(lang.Code, text)
}

// fillFallbacks makes a fallback page for every key missing in a language.
// It stands where its source stands: at the source's file key, below the
// language's version of the source's section.
func (s *Site) fillFallbacks() {
	for _, key := range s.keys {
		versions := s.byKey[key]
		src := s.preferred(versions)
		for i, p := range versions {
			if p != nil {
				continue
			}
			versions[i] = s.alloc.page(Page{
				Kind: src.Kind, Key: key, FileKey: src.FileKey, Lang: s.Langs[i], Fallback: true,
				Title: src.Title, TitleLang: src.Lang, LinkTitle: src.LinkTitle, Description: src.Description, Summary: src.Summary,
				Weight: src.Weight, Menus: src.Menus, more: newTaxPart(src.Taxonomy()), Params: src.Params, source: src, site: s,
			})
		}
	}
	// A real page in the folder wins the place.
	for _, key := range s.keys {
		for i, p := range s.byKey[key] {
			if s.byFile[i][p.FileKey] == nil {
				s.byFile[i][p.FileKey] = p
			}
		}
	}
}

// preferred returns the version a fallback page takes its title, order and
// place from: the default language's, else the first in language order.
func (s *Site) preferred(versions []*Page) *Page {
	if p := versions[s.Default.Index]; p != nil && !p.Fallback {
		return p
	}
	return firstReal(versions)
}

func firstReal(versions []*Page) *Page {
	for _, p := range versions {
		if p != nil && !p.Fallback {
			return p
		}
	}
	return nil
}

// tree finds every page's parent, URL path and children.
func (s *Site) tree(diags *diag.List) {
	for _, key := range s.keys {
		for _, p := range s.byKey[key] {
			if p.Kind != Home && !p.Fallback {
				p.Parent = s.byFile[p.Lang.Index][parentKey(p.FileKey)]
				if p.Parent == nil {
					s.noSection(p, diags)
				}
			}
		}
	}
	if diags.HasErrors() {
		return
	}
	for _, key := range s.keys {
		for _, p := range s.byKey[key] {
			p.Translations = s.byKey[key]
		}
	}
	for _, key := range s.keys {
		for _, p := range s.byKey[key] {
			if p.Fallback && p.Kind != Home {
				p.Parent = p.source.Parent.Translations[p.Lang.Index]
			}
		}
	}
	for _, key := range s.keys {
		for _, p := range s.byKey[key] {
			if !s.setPath(p, 0) {
				diags.Errorf(firstReal(p.Translations).File.Path, 1, "the sections of %s pair with each other in a loop (translation_key:); pair each section with its translations only", p.Key)
				return
			}
			if p.Parent != nil {
				p.Parent.ext().children = append(p.Parent.ext().children, p)
			}
			s.Pages = append(s.Pages, p)
		}
	}
}

// noSection reports a page whose folder has no section page in its
// language.
func (s *Site) noSection(p *Page, diags *diag.List) {
	pk := parentKey(p.FileKey)
	dir := path.Dir(pk)
	if dir == "." {
		diags.Errorf(p.File.Path, 1, "the site has no home page in %s: create %s/%s/%s", p.Lang.Code, content.Dir, p.Lang.Folder, content.IndexName)
		return
	}
	for _, l := range s.Langs {
		if other := s.FilePage(l, pk); other != nil {
			diags.Errorf(p.File.Path, 1, "folder %s/ has no %s in %s, and %s is paired with a section of another folder there (translation_key:): create %s/%s/%s with a title and description", dir, content.IndexName, p.Lang.Code, other.File.Path, content.Dir, p.Lang.Folder, pk)
			return
		}
	}
	if s.drafts[pk] {
		diags.Errorf(p.File.Path, 1, "folder %s/ has its %s only as a draft, which is not published, so this page has no section: publish the %s, or make this page a draft too", dir, content.IndexName, content.IndexName)
		return
	}
	diags.Errorf(p.File.Path, 1, "folder %s/ has no %s in any language: create %s/%s/%s with a title and description", dir, content.IndexName, content.Dir, s.Default.Folder, pk)
}

// setPath computes a page's URL path from its parent's. It reports false
// when the parents loop.
func (s *Site) setPath(p *Page, depth int) bool {
	if p.Kind == Home {
		p.Path = p.Lang.Prefix // "" at the root
		return true
	}
	if p.Path != "" {
		return true
	}
	if depth > 1000 {
		return false
	}
	if !s.setPath(p.Parent, depth+1) {
		return false
	}
	if u := urlOf(p); u != "" {
		p.Path = p.Lang.Prefix + u + "/" // "" for the language at the root
		return true
	}
	seg := segment(p.FileKey)
	if p.File != nil && p.File.Meta.Slug != "" {
		seg = p.File.Meta.Slug
	}
	p.Path = p.Parent.Path + seg + "/"
	return true
}

// urlOf returns the path below its language folder that a page's url:
// (or a slug: starting with "/") gives it, or "". A fallback page stands
// at its source's. The base URL's path and then the folder of the file's
// language may lead the path, as a Hugo site writes the url of a page in
// another language than the default one (url: /fr/docs/x/ of a French
// page is docs/x, and its fallback page in German is /de/docs/x/).
func urlOf(p *Page) string {
	f := p.File
	if p.Fallback {
		f = p.source.File
	}
	if f == nil || p.Kind == Home || f.Meta.URL == "" {
		return ""
	}
	folder := p.Lang.Folder // the language of the file
	if p.Fallback {
		folder = p.source.Lang.Folder
	}
	u := f.Meta.URL
	if base := strings.Trim(p.site.Config.BasePath(), "/"); base != "" {
		u = strings.TrimPrefix(u, base+"/") // written with the base path, as a URL from the host's root
	}
	if first, rest, ok := strings.Cut(u, "/"); ok && strings.EqualFold(first, folder) {
		return rest
	}
	if strings.EqualFold(u, folder) {
		return "" // the home page's URL: realPage warns
	}
	return u
}

// naturalPath is the URL path a page would have without url: and without
// a slug: with "/": from its file's and its sections' names and
// one-segment slugs.
func naturalPath(p *Page) string {
	if p.Kind == Home || p.Parent == nil {
		return p.Path
	}
	seg := segment(p.FileKey)
	if p.File != nil && p.File.Meta.Slug != "" && !strings.Contains(p.File.Meta.Slug, "/") {
		seg = p.File.Meta.Slug
	}
	return naturalPath(p.Parent) + seg + "/"
}

// segment is the URL segment a file key gives: the file's name without
// ".md", or the folder's name for a section or a bundle.
func segment(key string) string {
	if content.IsIndexKey(key) || content.IsBundleKey(key) {
		return path.Base(path.Dir(key))
	}
	return strings.TrimSuffix(path.Base(key), ".md")
}

// parentKey is the file key of the section above the file at key.
func parentKey(key string) string {
	dir := path.Dir(key)
	if content.IsIndexKey(key) || content.IsBundleKey(key) {
		dir = path.Dir(dir)
	}
	if dir == "." {
		return content.IndexName
	}
	return dir + "/" + content.IndexName
}
