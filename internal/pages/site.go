package pages

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
)

// A Kind is what a page is.
type Kind int

const (
	Home         Kind = iota // content/<lang>/_index.md
	Section                  // content/<lang>/<dir>/_index.md
	Regular                  // content/<lang>/.../<name>.md or .../<name>/index.md
	Root                     // the language chooser at /
	NotFound                 // /<lang>/404.html
	RootNotFound             // /404.html, in every language
	Alias                    // an old URL that redirects to Target
)

var kindNames = [...]string{"home", "section", "page", "root", "404", "root-404", "alias"}

func (k Kind) String() string { return kindNames[k] }

// A Lang is a site language.
type Lang struct {
	Code        string // the BCP 47 tag as configured, for lang= and hreflang=: "da", "pt-BR"
	Folder      string // the tag in lower case, for URL paths and folders: "pt-br"
	Name        string // in the language itself
	Title       string // the site's name in the language: from sitegen.toml, else the home page's title
	TitleLang   *Lang  // the language Title is in: the language itself, or the default language's when a fallback home page gave it
	Description string // the site's description in the language, from sitegen.toml; may be empty
	Dir         string // "ltr" or "rtl"
	Index       int    // position in the configured order
	Default     bool
}

// A Page is one page of the site in one language.
type Page struct {
	Kind      Kind
	Key       string        // the translation key: "hjaelp/_index.md", or translation_key:; "" for generated pages
	FileKey   string        // the path below content/<lang>/ the page's URL and section follow: its file's; for a fallback page, its source's
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
	Params      map[string]any // params: from front matter, for layouts; a fallback page has its source's

	Parent       *Page   // nil for home and generated pages
	Children     []*Page // of a home or section page, by weight then key
	Translations []*Page // the key in every site language, real or fallback, in language order
	Target       *Page   // for an alias: the page it redirects to
	AliasLine    int     // for an alias: the line of its file it is written on

	ancestors []*Page
	source    *Page // for a fallback page: the version it stands in for
	site      *Site
}

// Site returns the site the page belongs to.
func (p *Page) Site() *Site { return p.site }

// IsSection reports whether the page lists children: a home or section page.
func (p *Page) IsSection() bool { return p.Kind == Home || p.Kind == Section }

// Source returns the version a fallback page stands in for, whose title,
// description and (with [fallback] show_default_text) text it shows: the
// default language's, else the first language's that exists. It is nil
// for a page that is no fallback page.
func (p *Page) Source() *Page { return p.source }

// Versions returns the real versions of the page, the default language's
// first and then in language order: the way on from a fallback page.
func (p *Page) Versions() []*Page {
	out := p.Available()
	slices.SortStableFunc(out, func(a, b *Page) int {
		switch {
		case a.Lang.Default == b.Lang.Default:
			return 0
		case a.Lang.Default:
			return -1
		}
		return 1
	})
	return out
}

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
// An alias that names a folder or a file other than HTML ("/da/side.php")
// is written as that folder's index.html, which hosts serve for it.
func (p *Page) OutputFile() string {
	switch {
	case p.Path == "" || strings.HasSuffix(p.Path, "/"):
		return p.Path + "index.html"
	case p.Kind == Alias && !strings.HasSuffix(p.Path, ".html") && !strings.HasSuffix(p.Path, ".htm"):
		return p.Path + "/index.html"
	}
	return p.Path
}

// A Site is every page of a site in every language.
type Site struct {
	typography func(lang, text string) string // Input.Typography, or nil

	Config    *config.Config
	Langs     []*Lang
	Default   *Lang
	Pages     []*Page     // content pages, real and fallback, by key then language
	Special   []*Page     // the language chooser, the 404 pages and the alias redirects
	Resources []*Resource // files published beside pages, by language then key

	byKey   map[string][]*Page     // translation key -> page in each language
	byFile  []map[string]*Page     // language index -> file key -> the page placed there
	byRes   []map[string]*Resource // language index -> file key -> resource
	byPath  map[string]*Page
	resPath map[string]*Resource // output path -> resource
	byOut   map[string]bool      // folded output names of pages, resources and reserved files
	static  map[string]bool
	keys    []string
	menus   map[string][][]*Page // menu name -> language index -> pages
	search  []*Page              // language index -> the search page, or nil
	drafts  map[string]bool      // file keys that exist only as drafts
}

// Input is what New builds the site from.
type Input struct {
	Files     []*content.File     // the pages' files, drafts left out unless they are shown
	Resources []*content.Resource // the other files below content/
	Drafts    []string            // the file keys of drafts left out, so links to them get a clear error
	Static    []string            // the files from static/ by their output names, so links to them resolve
	Reserved  []Reserved          // other files the build writes, which no alias or file may replace

	// Typography, when set, turns a title or description as written in
	// front matter into the page's: typographic quotes, dashes and
	// ellipses for the language, as the Markdown body gets them. The
	// file keeps what was written, so translated_from hashes do not move.
	Typography func(lang, text string) string
}

// A Reserved is an output file the build writes besides the pages and
// their files: the sitemap, a stylesheet.
type Reserved struct {
	Name string // below the output folder; may be a path.Match pattern ("css/site.*.css")
	What string // for error messages: "the sitemap"
	File string // the file to blame for a clash, when an editor made it: "static/css/site.css"; else ""
}

// Lang returns the language with the given tag, or nil. Tags are compared
// without regard to case, as BCP 47 says.
func (s *Site) Lang(code string) *Lang {
	for _, l := range s.Langs {
		if l.Code == code {
			return l
		}
	}
	for _, l := range s.Langs {
		if strings.EqualFold(l.Code, code) {
			return l
		}
	}
	return nil
}

// Page returns the page for a translation key in lang (real or fallback),
// or nil when the key exists in no language. A page's translation key is
// its path below content/<lang>/ unless it sets translation_key:.
func (s *Site) Page(key, lang string) *Page {
	l := s.Lang(lang)
	if l == nil || s.byKey[key] == nil {
		return nil
	}
	return s.byKey[key][l.Index]
}

// FilePage returns the page of lang whose file is at key below
// content/<lang>/, or nil.
func (s *Site) FilePage(lang *Lang, key string) *Page {
	if p := s.byFile[lang.Index][key]; p != nil && p.File != nil {
		return p
	}
	return nil
}

// Keys returns every translation key, sorted.
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
func (s *Site) Search(lang *Lang) *Page { return s.search[lang.Index] }

// findSearch finds each language's search page. The header of every page
// links to it, so it is looked up once, not for each page.
func (s *Site) findSearch() {
	s.search = make([]*Page, len(s.Langs))
	for _, l := range s.Langs {
		for _, key := range s.keys {
			if p := s.byKey[key][l.Index]; p.File != nil && p.File.Meta.Layout == "search" {
				s.search[l.Index] = p
				break
			}
		}
	}
}

// Home returns the home page of a language.
func (s *Site) Home(lang *Lang) *Page { return s.byKey[content.IndexName][lang.Index] }

// URL is the page's URL path from the host: the base path and p.Path.
func (s *Site) URL(p *Page) string { return p.URL }

// Permalink is the page's absolute URL.
func (s *Site) Permalink(p *Page) string { return p.Permalink }

// New builds the site model from the content files.
func New(cfg *config.Config, in Input) (*Site, diag.List) {
	var diags diag.List
	s := &Site{typography: in.Typography, Config: cfg, byKey: map[string][]*Page{}, byPath: map[string]*Page{}, resPath: map[string]*Resource{}, drafts: map[string]bool{}, static: map[string]bool{}}
	for i, l := range cfg.Languages {
		lang := &Lang{Code: l.Code, Folder: l.Folder(), Name: l.Name, Title: l.Title, Description: l.Description, Dir: l.Dir,
			Index: i, Default: l.Code == cfg.DefaultLanguage}
		s.Langs = append(s.Langs, lang)
		s.byFile = append(s.byFile, map[string]*Page{})
		s.byRes = append(s.byRes, map[string]*Resource{})
		if lang.Default {
			s.Default = lang
		}
	}
	for _, k := range in.Drafts {
		s.drafts[k] = true
	}
	for _, n := range in.Static {
		s.static[n] = true
	}
	s.group(in.Files, &diags)
	if len(s.keys) == 0 {
		diags.Errorf(content.Dir, 0, "no pages: create %s/%s/%s with a title and description", content.Dir, cfg.DefaultLanguage, content.IndexName)
		return nil, diags
	}
	if s.byKey[content.IndexName] == nil && !diags.HasErrors() {
		f := firstReal(s.byKey[s.keys[0]]).File
		diags.Errorf(f.Path, 1, "the site has no home page: create %s/%s/%s", content.Dir, s.Default.Folder, content.IndexName)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	s.fillFallbacks()
	s.tree(&diags)
	if diags.HasErrors() {
		return nil, diags
	}
	for _, l := range s.Langs {
		l.TitleLang = l
		if l.Title == "" {
			h := s.Home(l) // a fallback home page has the default language's title
			l.Title, l.TitleLang = h.Title, h.TitleLang
		}
	}
	s.addSpecial()
	s.addAliases()
	s.addResources(in.Resources, &diags)
	s.index(&diags)
	s.checkOutputs(in.Reserved, &diags)
	s.buildMenus()
	s.findSearch()
	base, origin := cfg.BasePath(), cfg.Origin()
	for _, p := range slices.Concat(s.Pages, s.Special) {
		p.URL = base + p.Path
		p.Permalink = origin + p.URL
	}
	for _, r := range s.Resources {
		r.URL = base + r.Path
	}
	for _, p := range slices.Concat(s.Pages, s.Special) {
		p.Ancestors() // computed now, while one goroutine owns the model
	}
	return s, diags
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
		notFound = append(notFound, &Page{Kind: NotFound, Path: l.Folder + "/404.html", Lang: l, TitleLang: l, Parent: s.Home(l), site: s})
	}
	for _, p := range notFound {
		p.Translations = notFound
	}
	s.Special = append(s.Special, notFound...)
}

// addAliases makes a redirect page for each old path in aliases:. Its
// Path is the alias as written, below the base path; OutputFile says
// which file serves it.
func (s *Site) addAliases() {
	for _, p := range s.Pages {
		if p.File == nil {
			continue
		}
		for _, a := range p.File.Meta.Aliases {
			s.Special = append(s.Special, &Page{Kind: Alias, Path: strings.TrimPrefix(a.Path, "/"), Lang: p.Lang, TitleLang: p.Lang,
				Title: p.Title, Target: p, AliasLine: a.Line, site: s})
		}
	}
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
