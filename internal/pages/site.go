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
type Kind uint8

const (
	Home         Kind = iota // content/<lang>/_index.md
	Section                  // content/<lang>/<dir>/_index.md
	Regular                  // content/<lang>/.../<name>.md or .../<name>/index.md
	Root                     // the language chooser at /; none when the default language is at the root
	NotFound                 // /<lang>/404.html
	RootNotFound             // /404.html: in every language, or the root language's 404 page (see Layout)
	Alias                    // an old URL that redirects to Target
	Taxonomy                 // /<lang>/<taxonomy>/: the terms of a taxonomy; content/<lang>/<taxonomy>/_index.md, or made
	Term                     // /<lang>/<taxonomy>/<term>/: the pages with a term; content/<lang>/<taxonomy>/<term>/_index.md, or made
)

var kindNames = [...]string{"home", "section", "page", "root", "404", "root-404", "alias", "taxonomy", "term"}

func (k Kind) String() string { return kindNames[k] }

// A Lang is a site language.
type Lang struct {
	Code        string // the BCP 47 tag as configured, for lang= and hreflang=: "da", "pt-BR"
	Folder      string // the tag in lower case, for URL paths and folders: "pt-br"
	Prefix      string // the URL path of the language's pages below the base path: "pt-br/", or "" for the default language at the root
	Name        string // in the language itself
	Title       string // the site's name in the language: from sitegen.toml, else the home page's title
	TitleLang   *Lang  // the language Title is in: the language itself, or the default language's when a fallback home page gave it
	Description string // the site's description in the language, from sitegen.toml; may be empty
	Dir         string // "ltr" or "rtl"
	Index       int    // position in the configured order
	Default     bool
}

// A Page is one page of the site in one language.
//
// The site model keeps every page for the whole build (300,000 at
// 100,000 keys in three languages), so a Page holds only what it must
// and keeps to 352 bytes (TestPageSize): what few pages have (a term
// page's Members, a taxonomy's name) is behind one pointer, Kind and the
// flags share a word, and Permalink, Updated and Date are made from URL
// and the front matter when asked.
type Page struct {
	Key     string        // the translation key: "hjaelp/_index.md", or translation_key:; "" for generated pages
	FileKey string        // the path below content/<lang>/ the page's URL and section follow: its file's; for a fallback page, its source's
	Lang    *Lang         // the page's language
	Path    string        // URL path below the base path: "da/hjaelp/", "da/404.html", ""
	URL     string        // Path with the base path in front: "/udenmitid/da/hjaelp/"
	File    *content.File // nil for fallback and generated pages

	Title       string // for a fallback page: the title where the page exists
	TitleLang   *Lang  // the language Title, LinkTitle and Summary are in
	LinkTitle   string // the label in menus, listings and breadcrumbs: link_title:, else Title
	Description string // likewise
	Summary     string // summary: for listings, in place of the description; "" when not set
	Weight      int
	Menus       []string            // the menus the page is in ("main", "footer"); a fallback page is in its source's
	Terms       map[string][]string // the page's terms by taxonomy, as written (tags: [...]); nil for fallback and generated pages
	Kind        Kind
	Draft       bool // draft:, or a publish_date still to come or an expiry_date past (content.Meta.Held)
	NeedsReview bool
	Fallback    bool           // the key does not exist in Lang
	AliasLine   int32          // for an alias: the line of its file it is written on
	Params      map[string]any // params: from front matter, for layouts; a fallback page has its source's

	Parent       *Page   // nil for home and generated pages
	Translations []*Page // the key in every site language, real or fallback, in language order

	source *Page     // for a fallback page: the version it stands in for
	more   *pageMore // what some pages have besides the fields of every page; nil when none
	site   *Site
}

// pageMore is what some pages have besides the fields of every page,
// given by the methods of the same names. The site model keeps every
// page for the whole build; with these in it a page took 336 bytes, 264
// without (issue 30).
type pageMore struct {
	children  []*Page     // Children
	target    *Page       // Target
	pager     *Pager      // Pager
	feed      *Feed       // Feed
	taxonomy  string      // Taxonomy
	members   []*Page     // Members
	termPages []PageTerms // TermPages
}

// ext returns the page's pageMore, making it when the page has none.
func (p *Page) ext() *pageMore {
	if p.more == nil {
		p.more = &pageMore{}
	}
	return p.more
}

// copyOf returns a copy of the page with a pageMore of its own.
func (p *Page) copyOf() *Page {
	c := *p
	if p.more != nil {
		m := *p.more
		c.more = &m
	}
	return &c
}

// moreOr returns the page's pageMore, or an empty one.
func (p *Page) moreOr() *pageMore {
	if p.more == nil {
		return &noMore
	}
	return p.more
}

var noMore pageMore // what moreOr gives for a page with none; never written

// Children returns the pages below a home or section page, by weight then
// key; nil for other pages.
func (p *Page) Children() []*Page { return p.moreOr().children }

// Target returns the page an alias redirects to; nil for other pages.
func (p *Page) Target() *Page { return p.moreOr().target }

// Pager returns which page of a listing split into numbered pages this
// is; nil when the listing is one page, and for other pages.
func (p *Page) Pager() *Pager { return p.moreOr().pager }

// Feed returns the Atom feed of a listing with dated pages below it; nil
// when it has none, and for other pages.
func (p *Page) Feed() *Feed { return p.moreOr().feed }

// Updated returns when a page's file says it was last changed
// (content.Meta.Updated); zero for fallback and generated pages.
func (p *Page) Updated() time.Time {
	if p.File == nil {
		return time.Time{}
	}
	return p.File.Meta.Updated
}

// Date returns a page's date:, its first publication (content.Meta.Date);
// a fallback page has its source's; zero when not set and for generated
// pages.
func (p *Page) Date() time.Time {
	switch {
	case p.Fallback:
		return p.source.Date()
	case p.File == nil:
		return time.Time{}
	}
	return p.File.Meta.Date
}

// Taxonomy returns the name of a taxonomy or term page's taxonomy
// ("tags"), or "" for any other page.
func (p *Page) Taxonomy() string { return p.moreOr().taxonomy }

// Members returns the pages with a term page's term, in the listing's
// order: nil for any other page.
func (p *Page) Members() []*Page { return p.moreOr().members }

// Permalink returns the page's absolute URL, the site's origin before
// its URL: "https://example.org/udenmitid/da/hjaelp/". It is made on
// each call.
func (p *Page) Permalink() string { return p.site.Config.Origin() + p.URL }

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

// Available returns the real versions of the page, in language order: of
// a numbered page of a listing (Pager), those of the same number.
func (p *Page) Available() []*Page {
	var out []*Page
	for _, t := range p.Translations {
		if !t.Fallback && t.PageNumber() == p.PageNumber() {
			out = append(out, t)
		}
	}
	return out
}

// Ancestors returns the pages above p, the home page first, or nil. It
// is made on each call, not kept with the page: kept, it was some 64
// bytes of every page's live heap (issue 30).
func (p *Page) Ancestors() []*Page {
	n := 0
	for q := p.Parent; q != nil; q = q.Parent {
		n++
	}
	if n == 0 {
		return nil
	}
	out := make([]*Page, n)
	for q := p.Parent; q != nil; q = q.Parent {
		n--
		out[n] = q
	}
	return out
}

// SearchLayout is the layout of search pages (layout: search).
const SearchLayout = "search"

// Layout names the layout file that renders the page, without ".html".
// The 404 page at /404.html, which hosts serve for any miss, is "root"
// (every language's line) when every language has its folder, and "404"
// when it is the 404 page of the language at the root: a layout tells it
// from the other languages' 404 pages by its Kind, RootNotFound.
//
// A fallback page has the fallback layout, but the fallback page of a
// search page has the search layout, so that every language has a
// search page that searches in it.
func (p *Page) Layout() string {
	switch {
	case p.Kind == Alias:
		return "alias"
	case p.Fallback && p.source != nil && p.source.File != nil && p.source.File.Meta.Layout() == SearchLayout:
		return SearchLayout
	case p.Fallback:
		return "fallback"
	case p.File != nil && p.File.Meta.Layout() != "":
		return p.File.Meta.Layout()
	case p.Kind == Regular:
		return "page"
	case p.Kind == NotFound, p.Kind == RootNotFound && p.Lang.Prefix == "":
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
	typography    func(lang, text string) string     // Input.Typography, or nil
	slug          func(lang, text string) string     // Input.Slug, or nil
	taxonomyTitle func(lang, taxonomy string) string // Input.TaxonomyTitle, or nil

	Config    *config.Config
	Langs     []*Lang
	Default   *Lang
	Pages     []*Page     // content pages, real and fallback, by key then language
	Special   []*Page     // the language chooser, the 404 pages and the alias redirects
	Resources []*Resource // files published beside pages, by language then key

	alloc   allocator              // the pages' blocks
	byKey   map[string][]*Page     // translation key -> page in each language
	byFile  []map[string]*Page     // language index -> file key -> the page placed there
	byRes   []map[string]*Resource // language index -> file key -> resource
	byPath  map[string]*Page
	resPath map[string]*Resource // output path -> resource
	byOut   map[string]bool      // folded output names of pages, resources and reserved files
	static  map[string]bool
	keys    []string
	feeds   []*Feed
	menus   map[string][][]*Page // menu name -> language index -> pages
	search  []*Page              // language index -> the search page, or nil
	drafts  map[string]bool      // file keys that exist only as drafts
	now     time.Time            // Input.Now
	subMenu map[*Page][]*Page    // main menu entry -> the entries that stand under it (parent:)
	topMenu [][]*Page            // language index -> the main menu's entries that stand under none
}

// Input is what New builds the site from.
type Input struct {
	Files     []*content.File     // the pages' files, drafts left out unless they are shown
	Resources []*content.Resource // the other files below content/
	Drafts    []string            // the file keys of drafts left out (content.Meta.Held), so links to them get a clear error
	Static    []string            // the files from static/ by their output names, so links to them resolve
	Reserved  []Reserved          // other files the build writes, which no alias or file may replace

	// Now is the moment the site is built at: a page whose publish_date
	// is after it, or whose expiry_date is not, is a draft (see
	// content.Meta.Held). Zero means time.Now().
	Now time.Time

	// Typography, when set, turns a title or description as written in
	// front matter into the page's: typographic quotes, dashes and
	// ellipses for the language, as the Markdown body gets them. The
	// file keeps what was written, so translated_from hashes do not move.
	Typography func(lang, text string) string

	// Slug, when set, makes the URL segment of a term from the term as
	// written, as headings get their ids (markdown.Slugify); New then
	// joins runs of "-" and trims them from the ends. Without it a term's
	// segment is the term in lower case with "-" for spaces.
	Slug func(lang, text string) string

	// TaxonomyTitle, when set, gives the title of a taxonomy's page in a
	// language that has no content/<lang>/<taxonomy>/_index.md: the UI
	// string taxonomy_<name>. Without it the title is the name.
	TaxonomyTitle func(lang, taxonomy string) string
}

// A Reserved is an output file the build writes besides the pages and
// their files: the sitemap, a stylesheet.
type Reserved struct {
	Name string // below the output folder; may be a path.Match pattern ("css/site.*.css")
	What string // for error messages: "the sitemap"
	File string // the file to blame for a clash, when an editor made it: "static/css/site.css"; else ""

	// Static marks the files of static/ and the patterns of their
	// fingerprinted copies ("css/site.[0-9a-f]...css"). A file of static/
	// is not compared with another one's pattern: both are published, as
	// x.js and x.min.js are, and the build compares a copy's exact name
	// with the files of static/ when it makes the copy.
	Static bool
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
// fallback page when the page is missing in the language), by weight,
// every entry in one list, those that stand under another (parent:)
// included. MenuTop and SubMenu give it as a tree.
func (s *Site) Menu(lang *Lang) []*Page { return s.menus["main"][lang.Index] }

// MenuTop returns the entries of a language's main menu that stand under
// no other entry, by weight.
func (s *Site) MenuTop(lang *Lang) []*Page { return s.topMenu[lang.Index] }

// SubMenu returns the entries of the main menu that stand under p (their
// parent: names p's entry), by weight.
func (s *Site) SubMenu(p *Page) []*Page { return s.subMenu[p] }

// Footer returns the footer links of a language: the pages with
// menu: footer, by weight, like Menu.
func (s *Site) Footer(lang *Lang) []*Page { return s.menus["footer"][lang.Index] }

// Search returns the search page of a language: the first page, in key
// order, whose layout is "search" (its own, or the fallback page of
// another language's, see Layout), or nil when the site has none.
func (s *Site) Search(lang *Lang) *Page { return s.search[lang.Index] }

// findSearch finds each language's search page. The header of every page
// links to it, so it is looked up once, not for each page.
func (s *Site) findSearch() {
	s.search = make([]*Page, len(s.Langs))
	for _, l := range s.Langs {
		for _, key := range s.keys {
			if p := s.byKey[key][l.Index]; p.Layout() == SearchLayout {
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
func (s *Site) Permalink(p *Page) string { return p.Permalink() }

// New builds the site model from the content files.
func New(cfg *config.Config, in Input) (*Site, diag.List) {
	var diags diag.List
	s := &Site{typography: in.Typography, now: in.Now, slug: in.Slug, taxonomyTitle: in.TaxonomyTitle, Config: cfg, byKey: map[string][]*Page{}, byPath: map[string]*Page{}, resPath: map[string]*Resource{}, drafts: map[string]bool{}, static: map[string]bool{}}
	if s.now.IsZero() {
		s.now = time.Now()
	}
	for i, l := range cfg.Languages {
		lang := &Lang{Code: l.Code, Folder: l.Folder(), Name: l.Name, Title: l.Title, Description: l.Description, Dir: l.Dir,
			Index: i, Default: l.Code == cfg.DefaultLanguage}
		lang.Prefix = prefix(cfg, lang)
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
	s.group(s.generateSections(in.Files, in.Drafts, &diags), &diags)
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
	// A term that cannot have a page is left out and reported at the end,
	// so that the rest of the model resolves and is checked too.
	var termDiags diag.List
	s.addTaxonomies(&termDiags)
	s.fillFallbacks()
	s.tree(&diags)
	if diags.HasErrors() {
		diags.Add(termDiags)
		return nil, diags
	}
	s.checkLangFolders(&diags)
	for _, l := range s.Langs {
		l.TitleLang = l
		if l.Title == "" {
			h := s.Home(l) // a fallback home page has the default language's title
			l.Title, l.TitleLang = h.Title, h.TitleLang
		}
	}
	s.collectMembers()
	s.order()
	s.makeFeeds()
	s.addSpecial()
	s.paginate()
	s.addAliases()
	s.addResources(in.Resources, &diags)
	s.index(&diags)
	s.checkOutputs(in.Reserved, &diags)
	s.addMovedAliases(in.Reserved, in.Static)
	for _, p := range slices.Concat(s.Pages, s.Special) {
		if p.LinkTitle == "" { // a page sitegen made: a term, a numbered page, an alias
			p.LinkTitle = p.Title
		}
	}
	s.buildMenus(&diags)
	s.findSearch()
	// A page's Path and URL are one string and its end, made once:
	// three copies of each page's path were some 150 bytes a page (issue
	// 30). byPath is keyed by the same strings.
	base, origin := cfg.BasePath(), cfg.Origin()
	for _, p := range slices.Concat(s.Pages, s.Special) {
		p.URL = base + p.Path
		p.Path = p.URL[len(base):]
	}
	byPath := make(map[string]*Page, len(s.byPath))
	for _, p := range s.byPath { // each under its Path
		byPath[p.Path] = p
	}
	s.byPath = byPath
	for _, f := range s.feeds {
		f.Permalink = origin + base + f.Path
		f.URL = f.Permalink[len(origin):]
		f.Path = f.URL[len(base):]
	}
	for _, r := range s.Resources {
		r.URL = base + r.Path
	}
	diags.Add(termDiags)
	return s, diags
}

// prefix is the URL path of a language's pages below the base path: its
// folder, but for the default language when default_language_in_subdir is
// false, whose pages are at the root. Every URL of the site that depends
// on the language is made from it.
func prefix(cfg *config.Config, l *Lang) string {
	if l.Default && !cfg.DefaultLanguageInSubdir {
		return ""
	}
	return l.Folder + "/"
}

// AtRoot returns the language whose pages are at the root below the base
// path (default_language_in_subdir = false), or nil when every language
// has its folder.
func (s *Site) AtRoot() *Lang {
	if s.Default.Prefix == "" {
		return s.Default
	}
	return nil
}

// byWeight orders menu entries by weight, lowest first, those without
// one (0) after them, as Hugo orders its menus, then by key.
func byWeight(a, b *Page) int {
	return cmp.Or(weighted(a, b), strings.Compare(a.Key, b.Key))
}

// addSpecial adds the language chooser and the 404 pages. With the
// default language at the root there is no chooser (its home page is the
// root's index.html), and its 404 page is /404.html, which hosts serve for
// a miss anywhere outside the other languages' folders.
func (s *Site) addSpecial() {
	if s.AtRoot() == nil {
		s.Special = append(s.Special,
			&Page{Kind: Root, Lang: s.Default, TitleLang: s.Default, site: s},
			&Page{Kind: RootNotFound, Path: "404.html", Lang: s.Default, TitleLang: s.Default, site: s})
	}
	var notFound []*Page
	for _, l := range s.Langs {
		kind := NotFound
		if l.Prefix == "" {
			kind = RootNotFound
		}
		notFound = append(notFound, &Page{Kind: kind, Path: l.Prefix + "404.html", Lang: l, TitleLang: l, Parent: s.Home(l), site: s})
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
		for _, a := range p.File.Meta.Aliases() {
			s.Special = append(s.Special, &Page{Kind: Alias, Path: strings.TrimPrefix(a.Path, "/"), Lang: p.Lang, TitleLang: p.Lang,
				Title: p.Title, more: &pageMore{target: p}, AliasLine: int32(a.Line), site: s})
		}
	}
}

// buildMenus makes the menus of each language, and the tree of the main
// menu: an entry whose parent: names another entry of the language's main
// menu, by its identifier: or else its link title or title, stands under
// it. A parent that names none is a warning at the page, whose entry then
// stands at the top; so does an entry whose parents loop. The footer is
// one list: a parent: there is a warning, and the entry is in the list.
func (s *Site) buildMenus(diags *diag.List) {
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
	// A real page's entry stands under the entry its parent: names in
	// its language; a fallback page's under the translation of its
	// source's parent, when that is in the menu.
	parent := map[*Page]*Page{}
	for _, l := range s.Langs {
		entries := s.menus["main"][l.Index]
		for _, p := range entries {
			id := menuMeta(p).MenuParents()["main"]
			if id == "" || p.Fallback {
				continue
			}
			if q := menuEntry(entries, id); q != nil && q != p {
				parent[p] = q
			} else {
				diags.Warnf(p.File.Path, p.File.Meta.Lines.Line("menu"), "menu: parent %q names no entry of the main menu in %s (an entry is named by its identifier:, else its link title or title): the entry stands at the top of the menu", id, l.Code)
			}
		}
	}
	for _, l := range s.Langs {
		for _, p := range s.menus["main"][l.Index] {
			if q := parent[p.source]; p.Fallback && q != nil && slices.Contains(s.menus["main"][l.Index], q.Translations[l.Index]) {
				parent[p] = q.Translations[l.Index]
			}
		}
	}
	s.subMenu = map[*Page][]*Page{}
	s.topMenu = make([][]*Page, len(s.Langs))
	for _, l := range s.Langs {
		entries := s.menus["main"][l.Index]
		for _, p := range entries {
			q, ok := parent[p]
			for steps := 0; ok && q != p && steps < len(entries); steps++ {
				q, ok = parent[q]
			}
			switch {
			case ok && q == p: // the parents lead back to the entry
				if !p.Fallback {
					diags.Warnf(p.File.Path, p.File.Meta.Lines.Line("menu"), "menu: the parents of this entry lead back to it: the entry stands at the top of the menu")
				}
				s.topMenu[l.Index] = append(s.topMenu[l.Index], p)
			case parent[p] != nil:
				s.subMenu[parent[p]] = append(s.subMenu[parent[p]], p)
			default:
				s.topMenu[l.Index] = append(s.topMenu[l.Index], p)
			}
		}
		for _, p := range s.menus["footer"][l.Index] {
			if menuMeta(p).MenuParents()["footer"] != "" && !p.Fallback {
				diags.Warnf(p.File.Path, p.File.Meta.Lines.Line("menu"), "menu: the footer is one list of links: its entries stand under none, and parent: is left out there")
			}
		}
	}
}

// menuMeta returns the front matter a page's menu entries come from: its
// own, or for a fallback page its source's.
func menuMeta(p *Page) *content.Meta {
	if p.Fallback {
		return p.source.File.Meta
	}
	return p.File.Meta
}

// menuEntry finds the entry of a menu that an identifier names: by its
// identifier:, else its link title, else its title (as Hugo names an
// entry), each exactly, then ignoring case.
func menuEntry(entries []*Page, id string) *Page {
	for _, same := range []func(a, b string) bool{func(a, b string) bool { return a == b }, strings.EqualFold} {
		for _, name := range []func(*Page) string{
			func(p *Page) string { return menuMeta(p).MenuIDs()["main"] },
			func(p *Page) string { return p.LinkTitle },
			func(p *Page) string { return p.Title },
		} {
			for _, p := range entries {
				if n := name(p); n != "" && same(n, id) {
					return p
				}
			}
		}
	}
	return nil
}
