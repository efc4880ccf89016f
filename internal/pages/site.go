package pages

import (
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
)

// A Kind is what a page is.
type Kind int

const (
	Home         Kind = iota // content/<lang>/_index.md
	Section                  // content/<lang>/<dir>/_index.md
	Regular                  // content/<lang>/.../<name>.md
	Root                     // the language chooser at /
	NotFound                 // /<lang>/404.html
	RootNotFound             // /404.html, in every language
	Alias                    // an old URL that redirects to Target
)

var kindNames = [...]string{"home", "section", "page", "root", "404", "root-404", "alias"}

func (k Kind) String() string { return kindNames[k] }

// A Lang is a site language.
type Lang struct {
	Code        string
	Name        string // in the language itself
	Title       string // the site's name in the language: from sitegen.toml, else the home page's title
	Description string // the site's description in the language, from sitegen.toml; may be empty
	Dir         string // "ltr" or "rtl"
	Index       int    // position in the configured order
	Default     bool
}

// A Page is one page of the site in one language.
type Page struct {
	Kind      Kind
	Key       string        // "hjaelp/_index.md"; "" for generated pages
	Lang      *Lang         // the page's language
	Path      string        // URL path below the base path: "da/hjaelp/", "da/404.html", ""
	URL       string        // Path with the base path in front: "/udenmitid/da/hjaelp/"
	Permalink string        // the absolute URL: "https://example.org/udenmitid/da/hjaelp/"
	File      *content.File // nil for fallback and generated pages
	Fallback  bool          // the key does not exist in Lang

	Title       string // for a fallback page: the title where the page exists
	TitleLang   *Lang  // the language Title is in
	Description string // likewise
	Weight      int
	Menus       []string // the menus the page is in ("main", "footer"); a fallback page is in its source's
	Updated     time.Time
	Draft       bool
	NeedsReview bool

	Parent       *Page   // nil for home and generated pages
	Children     []*Page // of a home or section page, by weight then key
	Translations []*Page // the key in every site language, real or fallback, in language order
	Target       *Page   // for an alias: the page it redirects to

	ancestors []*Page
	site      *Site
}

// Site returns the site the page belongs to.
func (p *Page) Site() *Site { return p.site }

// IsSection reports whether the page lists children: a home or section page.
func (p *Page) IsSection() bool { return p.Kind == Home || p.Kind == Section }

// Available returns the real versions of the page, in language order.
func (p *Page) Available() []*Page {
	var out []*Page
	for _, t := range p.Translations {
		if !t.Fallback {
			out = append(out, t)
		}
	}
	return out
}

// Ancestors returns the pages above p, the home page first.
func (p *Page) Ancestors() []*Page {
	if p.ancestors == nil && p.Parent != nil {
		p.ancestors = append(slices.Clone(p.Parent.Ancestors()), p.Parent)
	}
	return p.ancestors
}

// Layout names the layout file that renders the page, without ".html".
func (p *Page) Layout() string {
	switch {
	case p.Kind == Alias:
		return "alias"
	case p.Fallback:
		return "fallback"
	case p.File != nil && p.File.Meta.Layout != "":
		return p.File.Meta.Layout
	case p.Kind == Regular:
		return "page"
	case p.Kind == NotFound:
		return "404"
	case p.Kind == RootNotFound:
		return "root"
	}
	return p.Kind.String()
}

// OutputFile is the file the page is written to, below the output folder.
func (p *Page) OutputFile() string {
	if p.Path == "" || strings.HasSuffix(p.Path, "/") {
		return p.Path + "index.html"
	}
	return p.Path
}

// A Site is every page of a site in every language.
type Site struct {
	Config  *config.Config
	Langs   []*Lang
	Default *Lang
	Pages   []*Page // content pages, real and fallback, by key then language
	Special []*Page // the language chooser, the 404 pages and the alias redirects

	byKey  map[string][]*Page // key -> page in each language
	byPath map[string]*Page
	keys   []string
	menus  map[string][][]*Page // menu name -> language index -> pages
	drafts map[string]bool      // keys that exist only as drafts
}

// Lang returns the language with the given code, or nil.
func (s *Site) Lang(code string) *Lang {
	for _, l := range s.Langs {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// Page returns the page for key in lang (real or fallback), or nil when
// the key exists in no language.
func (s *Site) Page(key, lang string) *Page {
	l := s.Lang(lang)
	if l == nil || s.byKey[key] == nil {
		return nil
	}
	return s.byKey[key][l.Index]
}

// Keys returns every key, sorted.
func (s *Site) Keys() []string { return s.keys }

// ByPath returns the page whose URL path below the base path is p
// ("da/klage/"), or nil.
func (s *Site) ByPath(p string) *Page { return s.byPath[p] }

// Menu returns the main menu of a language: the pages with menu: main (a
// fallback page when the page is missing in the language), by weight.
func (s *Site) Menu(lang *Lang) []*Page { return s.menus["main"][lang.Index] }

// Footer returns the footer links of a language: the pages with
// menu: footer, by weight, like Menu.
func (s *Site) Footer(lang *Lang) []*Page { return s.menus["footer"][lang.Index] }

// Search returns the search page of a language: the first page, in key
// order, whose layout is "search", or nil when the site has none.
func (s *Site) Search(lang *Lang) *Page {
	for _, key := range s.keys {
		if p := s.byKey[key][lang.Index]; p.File != nil && p.File.Meta.Layout == "search" {
			return p
		}
	}
	return nil
}

// Home returns the home page of a language.
func (s *Site) Home(lang *Lang) *Page { return s.byKey[content.IndexName][lang.Index] }

// URL is the page's URL path from the host: the base path and p.Path.
func (s *Site) URL(p *Page) string { return p.URL }

// Permalink is the page's absolute URL.
func (s *Site) Permalink(p *Page) string { return p.Permalink }

// New builds the site model from the content files. drafts lists the keys
// of draft files left out of files, so links to them get a clear error.
func New(cfg *config.Config, files []*content.File, drafts []string) (*Site, diag.List) {
	var diags diag.List
	s := &Site{Config: cfg, byKey: map[string][]*Page{}, byPath: map[string]*Page{}, drafts: map[string]bool{}}
	for i, l := range cfg.Languages {
		lang := &Lang{Code: l.Code, Name: l.Name, Title: l.Title, Description: l.Description, Dir: l.Dir,
			Index: i, Default: l.Code == cfg.DefaultLanguage}
		s.Langs = append(s.Langs, lang)
		if lang.Default {
			s.Default = lang
		}
	}
	for _, k := range drafts {
		s.drafts[k] = true
	}
	for _, f := range files {
		lang := s.Lang(f.Lang)
		if lang == nil {
			diags.Errorf(f.Path, 0, "language %q is not in sitegen.toml", f.Lang)
			continue
		}
		if s.byKey[f.Key] == nil {
			s.byKey[f.Key] = make([]*Page, len(s.Langs))
			s.keys = append(s.keys, f.Key)
		}
		s.byKey[f.Key][lang.Index] = s.realPage(f, lang, &diags)
	}
	slices.Sort(s.keys)
	if len(s.keys) == 0 {
		diags.Errorf(content.Dir, 0, "no pages: create %s/%s/%s with a title and description", content.Dir, cfg.DefaultLanguage, content.IndexName)
		return nil, diags
	}
	s.checkSections(&diags)
	if diags.HasErrors() {
		return nil, diags
	}
	s.fillFallbacks()
	for _, l := range s.Langs {
		if l.Title == "" {
			l.Title = s.Home(l).Title // a fallback home page has the default language's
		}
	}
	for _, key := range s.keys {
		for _, p := range s.byKey[key] {
			p.Path = s.path(key, p.Lang)
			p.Translations = s.byKey[key]
			if key != content.IndexName {
				p.Parent = s.byKey[parentKey(key)][p.Lang.Index]
				p.Parent.Children = append(p.Parent.Children, p)
			}
			s.Pages = append(s.Pages, p)
		}
	}
	for _, p := range s.Pages {
		slices.SortFunc(p.Children, byWeight)
	}
	s.addSpecial()
	s.addAliases()
	s.index(&diags)
	s.buildMenus()
	base, origin := cfg.BasePath(), cfg.Origin()
	for _, p := range slices.Concat(s.Pages, s.Special) {
		p.URL = base + p.Path
		p.Permalink = origin + p.URL
	}
	for _, p := range slices.Concat(s.Pages, s.Special) {
		p.Ancestors() // computed now, while one goroutine owns the model
	}
	return s, diags
}

func (s *Site) realPage(f *content.File, lang *Lang, diags *diag.List) *Page {
	m := f.Meta
	kind := Regular
	switch {
	case f.Key == content.IndexName:
		kind = Home
		if m.Slug != "" {
			diags.Errorf(f.Path, m.Lines["slug"], "the home page cannot have a slug: its URL is /%s/", lang.Code)
		}
	case f.IsIndex():
		kind = Section
	}
	return &Page{
		Kind: kind, Key: f.Key, Lang: lang, File: f,
		Title: m.Title, TitleLang: lang, Description: m.Description,
		Weight: m.Weight, Menus: m.Menus, Updated: m.Updated,
		Draft: m.Draft, NeedsReview: m.NeedsReview, site: s,
	}
}

// checkSections requires an _index.md, in some language, above every page.
func (s *Site) checkSections(diags *diag.List) {
	for _, key := range s.keys {
		if key == content.IndexName {
			continue
		}
		pk := parentKey(key)
		if s.byKey[pk] != nil {
			continue
		}
		f := firstReal(s.byKey[key]).File
		dir := path.Dir(pk)
		if dir == "." {
			diags.Errorf(f.Path, 1, "the site has no home page: create %s/%s/%s", content.Dir, s.Default.Code, content.IndexName)
		} else {
			diags.Errorf(f.Path, 1, "folder %s/ has no %s in any language: create %s/%s/%s with a title and description", dir, content.IndexName, content.Dir, s.Default.Code, pk)
		}
	}
}

// fillFallbacks makes a fallback page for every key missing in a language.
func (s *Site) fillFallbacks() {
	for _, key := range s.keys {
		versions := s.byKey[key]
		src := s.preferred(versions)
		for i, p := range versions {
			if p != nil {
				continue
			}
			versions[i] = &Page{
				Kind: src.Kind, Key: key, Lang: s.Langs[i], Fallback: true,
				Title: src.Title, TitleLang: src.Lang, Description: src.Description,
				Weight: src.Weight, Menus: src.Menus, site: s,
			}
		}
	}
}

// preferred returns the version a fallback page takes its title and order
// from: the default language's, else the first in language order.
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

// path computes the URL path of key in lang from the slugs along the way.
func (s *Site) path(key string, lang *Lang) string {
	if key == content.IndexName {
		return lang.Code + "/"
	}
	var segs []string
	dir := strings.TrimSuffix(key, ".md")
	if content.IsIndexKey(key) {
		dir = path.Dir(key)
	}
	parts := strings.Split(dir, "/")
	for i, part := range parts {
		seg := part
		k := strings.Join(parts[:i+1], "/") + "/" + content.IndexName
		if i == len(parts)-1 && !content.IsIndexKey(key) {
			k = key
		}
		if p := s.byKey[k][lang.Index]; p != nil && p.File != nil && p.File.Meta.Slug != "" {
			seg = p.File.Meta.Slug
		}
		segs = append(segs, seg)
	}
	return lang.Code + "/" + strings.Join(segs, "/") + "/"
}

func parentKey(key string) string {
	dir := path.Dir(key)
	if content.IsIndexKey(key) {
		dir = path.Dir(dir)
	}
	if dir == "." {
		return content.IndexName
	}
	return dir + "/" + content.IndexName
}

func byWeight(a, b *Page) int {
	return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Key, b.Key))
}

func (s *Site) addSpecial() {
	s.Special = append(s.Special,
		&Page{Kind: Root, Lang: s.Default, TitleLang: s.Default, site: s},
		&Page{Kind: RootNotFound, Path: "404.html", Lang: s.Default, TitleLang: s.Default, site: s})
	var notFound []*Page
	for _, l := range s.Langs {
		notFound = append(notFound, &Page{Kind: NotFound, Path: l.Code + "/404.html", Lang: l, TitleLang: l, Parent: s.Home(l), site: s})
	}
	for _, p := range notFound {
		p.Translations = notFound
	}
	s.Special = append(s.Special, notFound...)
}

// addAliases makes a redirect page for each old path in aliases:.
func (s *Site) addAliases() {
	for _, p := range s.Pages {
		if p.File == nil {
			continue
		}
		for _, a := range p.File.Meta.Aliases {
			path := strings.TrimPrefix(a, "/")
			if !strings.HasSuffix(path, "/") && !strings.HasSuffix(path, ".html") {
				path += "/"
			}
			s.Special = append(s.Special, &Page{Kind: Alias, Path: path, Lang: p.Lang, TitleLang: p.Lang,
				Title: p.Title, Target: p, site: s})
		}
	}
}

// index fills byPath and reports pages that share a URL, also when the
// URLs differ only in case.
func (s *Site) index(diags *diag.List) {
	folded := map[string]*Page{}
	for _, p := range append(slices.Clone(s.Pages), s.Special...) {
		k := strings.ToLower(norm.NFC.String(p.Path))
		if other := folded[k]; other != nil {
			a, b := other, p
			if s.describe(a) > s.describe(b) {
				a, b = b, a
			}
			same := "the same URL as"
			if a.Path != b.Path {
				same = "a URL that differs only in case (some hosts ignore case) from"
			}
			diags.Errorf(s.describe(a), slugLine(a), "has URL /%s, %s %s (/%s); change a slug: or rename a file", a.Path, same, s.describe(b), b.Path)
			continue
		}
		folded[k] = p
		s.byPath[p.Path] = p
	}
}

// slugLine is the line to blame for a page's URL: its slug, or the top.
func slugLine(p *Page) int {
	if p.Kind == Alias {
		return p.Target.File.Meta.Lines["aliases"]
	}
	if p.File == nil {
		return 0
	}
	if l := p.File.Meta.Lines["slug"]; l > 0 {
		return l
	}
	return 1
}

// describe names the file behind a page for error messages.
func (s *Site) describe(p *Page) string {
	if p.Kind == Alias {
		return p.Target.File.Path + " (aliases: /" + p.Path + ")"
	}
	if p.File != nil {
		return p.File.Path
	}
	if p.Fallback {
		return fmt.Sprintf("%s (fallback page for %s/%s/%s)", firstReal(p.Translations).File.Path, content.Dir, p.Lang.Code, p.Key)
	}
	return p.OutputFile()
}

func (s *Site) buildMenus() {
	s.menus = map[string][][]*Page{}
	for _, name := range content.Menus {
		s.menus[name] = make([][]*Page, len(s.Langs))
	}
	for _, key := range s.keys {
		for _, p := range s.byKey[key] {
			for _, name := range p.Menus {
				s.menus[name][p.Lang.Index] = append(s.menus[name][p.Lang.Index], p)
			}
		}
	}
	for _, byLang := range s.menus {
		for _, m := range byLang {
			slices.SortFunc(m, byWeight)
		}
	}
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// Resolve turns a link destination written in from's Markdown into the
// URL to emit. See the package documentation for the rules.
func (s *Site) Resolve(from *Page, dest string) (string, error) {
	u, _, err := s.ResolveKey(from, dest)
	return u, err
}

// ResolveKey is Resolve that also returns the key a link to a content
// file names, even when it does not resolve.
func (s *Site) ResolveKey(from *Page, dest string) (u, key string, err error) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") || scheme.MatchString(dest) {
		return dest, "", nil
	}
	p, suffix := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		p, suffix = dest[:i], dest[i:]
	}
	if !strings.HasSuffix(p, ".md") {
		if strings.HasPrefix(p, "/") {
			return s.Config.BasePath() + strings.TrimPrefix(p, "/") + suffix, "", nil
		}
		return "", "", fmt.Errorf("link to %q is neither a .md file nor a path from the site root: link to the page's .md file (e.g. klage.md), or to /file for a file in static/", dest)
	}
	key = path.Join(path.Dir(from.Key), p)
	if strings.HasPrefix(p, "/") {
		key = path.Clean(p[1:])
	}
	key = norm.NFC.String(key)
	if key == ".." || strings.HasPrefix(key, "../") {
		return "", "", fmt.Errorf("link to %q goes outside %s/%s/", dest, content.Dir, from.Lang.Code)
	}
	target := s.Page(key, from.Lang.Code)
	if target == nil {
		if s.drafts[key] {
			return "", key, fmt.Errorf("link to %q goes to a draft, which is not published; publish it or remove the link", dest)
		}
		return "", key, fmt.Errorf("link to %q: no such page in any language (looked for %s/<lang>/%s)", dest, content.Dir, key)
	}
	return s.URL(target) + suffix, key, nil
}
