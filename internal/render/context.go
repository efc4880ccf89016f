package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
)

// An Asset is a file from static/ as the layouts reference it.
type Asset struct {
	Name      string // as in static/: "css/site.css"
	File      string // as written to the output: "css/site.3f9a1c2b.css"
	URL       string // with the base path
	Integrity string // "sha384-...", for the integrity attribute; "" when the file keeps its name
}

// Assets give layouts the files of static/ by their names there
// (Context.Asset). The build decides what a name gives: the file as it
// is, or a minified copy under a name that holds its hash (package
// build).
type Assets interface {
	Asset(name string) (*Asset, error)
}

// AssetMap is Assets from a map of names to assets, for tests and for
// rendering a page again with the assets a build made.
type AssetMap map[string]*Asset

// Asset returns the asset of a name, or an error naming it.
func (m AssetMap) Asset(name string) (*Asset, error) {
	if a := m[name]; a != nil {
		return a, nil
	}
	return nil, fmt.Errorf("no file %q in static/", name)
}

// An Env is what all pages of one build share.
type Env struct {
	Templates *Templates
	Catalog   *locale.Catalog
	Site      *pages.Site
	Assets    Assets

	// MaxCached, when more than 0, bounds the partials a rendering that
	// records nothing keeps cached (PartialCached): past it they are all
	// dropped and made again when next shown. A build renders each page
	// once, and a partial of each translation key (the alternates) is
	// shown only by that key's pages, rendered one after the other; kept
	// to the end, such partials grew with the site (7 MB at 10,000 pages).
	MaxCached int

	partials sync.Map     // PartialCached results by name and variant: *cached
	unread   atomic.Int64 // partials cached by renderings that record nothing, for MaxCached

	mu      sync.Mutex
	readers map[Read]map[string]bool // a page (Read{Page: p}), the assets (Member "asset"), or nothing recorded (Read{}) -> keys of partials that read it
	orders  sync.Map                 // main section page -> its *readingOrder, for Pager
}

// A Context is the data a layout executes with. Its Page and Site are
// views of the model (PageView, SiteView), which record what the
// rendering reads of it.
type Context struct {
	Page *PageView
	Site *SiteView
	Body template.HTML    // the rendered Markdown; empty for fallback and generated pages
	Doc  *markdown.Result // nil for fallback and generated pages

	env         *Env
	s           *session
	sidebarDone bool          // SidebarTree has run
	sidebarHTML template.HTML // and made this
}

// NewContext returns the context for rendering p, recording nothing.
func (e *Env) NewContext(p *pages.Page, doc *markdown.Result) *Context {
	return e.newContext(p, doc, nil)
}

// newContext starts a rendering of p that adds what it reads to reads,
// when not nil: p's layout first, which picks the template.
func (e *Env) newContext(p *pages.Page, doc *markdown.Result, reads *Reads) *Context {
	c := e.bodiless(p, doc, reads)
	if doc != nil {
		// The HTML comes from goldmark with raw HTML off (unless the site
		// config turns it on) and is trusted as the page body.
		c.Body = template.HTML(doc.HTML)
	}
	return c
}

// bodiless is newContext without the Body, which is a copy of the page's
// HTML.
func (e *Env) bodiless(p *pages.Page, doc *markdown.Result, reads *Reads) *Context {
	s := newSession(e.Site, reads)
	s.read(p, "Layout", "")
	return &Context{Page: s.view(p), Site: s.sv, Doc: doc, env: e, s: s}
}

// RenderAround renders p with its layout as RenderTo does, but with body
// in place of the page's rendered Markdown, so that the page around the
// body can be minified apart from it (sitegen build minifies the layout's
// HTML, not goldmark's, which is compact already). It does not copy the
// page's HTML, as RenderTo does for .Body (half of what rendering a page
// allocated, issue 30).
func (e *Env) RenderAround(w io.Writer, p *pages.Page, doc *markdown.Result, body string, reads *Reads) error {
	c := e.bodiless(p, doc, reads)
	c.Body = template.HTML(body)
	return e.Templates.Execute(w, p.Layout(), c)
}

// Render renders p with its layout.
func (e *Env) Render(p *pages.Page, doc *markdown.Result) ([]byte, error) {
	return e.Templates.ExecuteString(p.Layout(), e.NewContext(p, doc))
}

// RenderTo renders p with its layout into w, adding what the rendering
// read of the site to reads when it is not nil.
func (e *Env) RenderTo(w io.Writer, p *pages.Page, doc *markdown.Result, reads *Reads) error {
	return e.Templates.Execute(w, p.Layout(), e.newContext(p, doc, reads))
}

// cached is a PartialCached result and what making it read.
type cached struct {
	html  template.HTML
	reads []Read // nil when the rendering that made it did not record
}

// PartialCached renders the {{define}}d template name once per build for
// each distinct variant, and then reuses the HTML: {{ .PartialCached
// "footer" .Page.Lang.Code }}. The template's output must depend on
// nothing but the variant: the footer of a language, say, or the menu
// with one item marked current ({{ .PartialCached "nav" .NavKey }}).
// What the first rendering of it read counts as read by every page that
// shows it.
func (c *Context) PartialCached(name string, variant ...string) (template.HTML, error) {
	key := name + "\x00" + strings.Join(variant, "\x00")
	if h, ok := c.env.partials.Load(key); ok {
		e := h.(*cached)
		if c.s.reads != nil {
			if e.reads == nil {
				// Made by a rendering that did not record: make it again.
				return c.partial(name, key)
			}
			for _, r := range e.reads {
				c.s.reads.add(r)
			}
		}
		return e.html, nil
	}
	return c.partial(name, key)
}

// Forget drops the cached partials whose making read anything of one of
// ps, or with assets, an asset: those pages or the assets changed in
// place, and the partials would show what they were. A partial made
// without recording what it read is dropped too.
func (e *Env) Forget(ps []*pages.Page, assets bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	drop := func(by Read) {
		for k := range e.readers[by] {
			e.partials.Delete(k)
		}
		delete(e.readers, by)
	}
	for _, p := range ps {
		drop(Read{Page: p})
	}
	if assets {
		drop(Read{Member: "asset"})
	}
	drop(Read{})
}

// index notes which pages, and whether assets, the partial cached under
// key read, for Forget.
func (e *Env) index(key string, reads []Read) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.readers == nil {
		e.readers = map[Read]map[string]bool{}
	}
	add := func(by Read) {
		if e.readers[by] == nil {
			e.readers[by] = map[string]bool{}
		}
		e.readers[by][key] = true
	}
	if reads == nil {
		add(Read{})
		return
	}
	for _, r := range reads {
		switch {
		case r.Page != nil:
			add(Read{Page: r.Page})
		case r.Member == "":
			add(Read{Member: "asset"})
		}
	}
}

// partial renders a partial for PartialCached and caches it under key,
// with what it read when the rendering records.
func (c *Context) partial(name, key string) (template.HTML, error) {
	outer := c.s.reads
	var inner *Reads
	if outer != nil {
		inner = &Reads{m: map[Read]struct{}{}}
		c.s.reads = inner
	}
	var b strings.Builder
	err := c.env.Templates.ExecutePartial(&b, name, c)
	c.s.reads = outer
	if err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	var list []Read // kept for every page that shows the partial: a slice, not a map
	if outer != nil {
		outer.merge(inner)
		list = make([]Read, 0, len(inner.m))
		for r := range inner.m {
			list = append(list, r)
		}
	}
	if outer == nil && c.env.MaxCached > 0 {
		if c.env.unread.Add(1) > int64(c.env.MaxCached) {
			c.env.partials.Clear()
			c.env.unread.Store(1)
		}
		c.env.partials.Store(key, &cached{h, nil})
		return h, nil // a build without Update, which Forget is not for
	}
	c.env.partials.Store(key, &cached{h, list})
	c.env.index(key, list)
	return h, nil
}

// NavKey names what the main menu looks like on this page: the language,
// and for each item that is the page or holds it, which it is and its
// key. It is the variant for caching the menu with PartialCached. Every
// item counts, not only the first: with the home page in the menu, a
// section in it below the home page is marked too.
func (c *Context) NavKey() string {
	lang := c.Page.Lang()
	key := lang.Code
	for _, p := range c.Site.Menu(lang) {
		switch {
		case p == c.Page:
			key += "\x00page\x00" + p.Key()
		case c.InSection(p):
			key += "\x00in\x00" + p.Key()
		}
	}
	return key
}

// A MenuItem is an entry of the main menu as the page being rendered
// shows it.
type MenuItem struct {
	Page     *PageView
	Current  string            // "page" for the page itself, "true" for an entry whose section holds it, else "": the value of aria-current
	Lang     template.HTMLAttr // LangAttr of the entry's page
	Children []MenuItem        // the entries that stand under it (parent:)
}

// MenuTree returns the main menu of the page's language as a tree: the
// entries that stand under none, each with those that stand under it
// (see pages.Site.MenuTop and SubMenu).
func (c *Context) MenuTree() []MenuItem {
	return c.menuItems(c.Site.MenuTop(c.Page.Lang()), 0)
}

func (c *Context) menuItems(entries []*PageView, depth int) []MenuItem {
	if depth > 100 { // pages.Site breaks loops; this only bounds the recursion
		return nil
	}
	var items []MenuItem
	for _, p := range entries {
		lang, _ := c.LangAttr(p) // a *PageView is never an error
		it := MenuItem{Page: p, Lang: lang, Children: c.menuItems(c.Site.SubMenu(p), depth+1)}
		switch {
		case p == c.Page:
			it.Current = "page"
		case c.InSection(p):
			it.Current = "true"
		}
		items = append(items, it)
	}
	return items
}

// With returns a context for rendering another page of the same build in
// a layout, e.g. to recurse over a section tree:
// {{ template "tree" ($.With .) }}. What it reads is read by the page
// being rendered.
func (c *Context) With(p *PageView) *Context {
	return &Context{Page: p, Site: c.Site, env: c.env, s: c.s}
}

// T returns a UI string in the page's language; see locale.Catalog.T.
func (c *Context) T(id string, args ...any) (string, error) {
	return c.env.Catalog.T(c.Page.Lang().Code, id, args...)
}

// TIn returns a UI string in another language.
func (c *Context) TIn(lang, id string, args ...any) (string, error) {
	return c.env.Catalog.T(lang, id, args...)
}

// PluralForms returns the plural forms of a message in the page's
// language as a JSON object by CLDR category, with "%d" for the count:
// {"one":"%d result","other":"%d results"}. Page scripts choose the form
// with Intl.PluralRules, so counts they compute read right in every
// language (Polish, Ukrainian and Arabic have more than two forms).
func (c *Context) PluralForms(id string) (string, error) {
	forms, err := c.env.Catalog.PluralForms(c.Page.Lang().Code, id, "%d")
	if err != nil {
		return "", err
	}
	data, err := json.Marshal(forms)
	return string(data), err
}

// URL returns a page's URL path, base path included.
func (c *Context) URL(p *PageView) string { return p.URL() }

// Permalink returns a page's absolute URL.
func (c *Context) Permalink(p *PageView) string { return p.Permalink() }

// Date formats t in the page's language, with month names.
func (c *Context) Date(t time.Time) (string, error) {
	return c.env.Catalog.Date(c.Page.Lang().Code, t)
}

// ISODate formats t as YYYY-MM-DD for a <time datetime> attribute.
func (c *Context) ISODate(t time.Time) string { return t.Format(time.DateOnly) }

// Asset returns a file from static/ by its name there: a layout asks for
// the files it links to by name, {{ (.Asset "css/site.css").URL }}, and
// the build may publish a fingerprinted copy for it (see package build).
func (c *Context) Asset(name string) (*Asset, error) {
	c.s.read(nil, "", name)
	if c.env.Assets == nil {
		return nil, fmt.Errorf("no file %q in static/", name)
	}
	return c.env.Assets.Asset(name)
}

// Ref returns the page for a translation key in the page's language (the
// translation or its fallback page), or nil if the key does not exist. A
// page's translation key is its path below content/<lang>/ ("klage.md")
// unless it sets translation_key:.
func (c *Context) Ref(key string) *PageView {
	return c.Site.Page(key, c.Page.Lang().Code)
}

// Param returns a value from [params] in sitegen.toml.
func (c *Context) Param(name string) string { return c.Site.Config().Params[name] }

// LangAttr returns the attributes for an element that shows text of v, a
// page (its title and description, in p.TitleLang: a fallback page's are
// its source's) or a language (a *pages.Lang, for text known to be in it,
// such as a site title in Lang.TitleLang), when that language is not the
// page being rendered's: `lang="da"`, and `dir="ltr"` as well when it runs
// the other way, which also isolates the text from the page's direction.
// It returns nothing for text in the page's own language, so layouts put
// it on every element that shows a title: {{ .LangAttr $p }}. Screen
// readers then pronounce the text in its language, and an English title on
// an Arabic page keeps its parentheses in place.
func (c *Context) LangAttr(v any) (template.HTMLAttr, error) {
	var l *pages.Lang
	switch v := v.(type) {
	case *PageView:
		if v == nil {
			return "", nil
		}
		l = v.TitleLang()
	case *pages.Lang:
		l = v
	case nil:
		return "", nil
	default:
		return "", fmt.Errorf("LangAttr: want a page or a language, got %T", v)
	}
	if l == nil || l == c.Page.Lang() {
		return "", nil
	}
	return c.LangDir(l), nil
}

// LangDir returns the attributes for an element whose text is in l:
// ` lang="xx"`, and ` dir="..."` when l's direction differs from the
// page's. Layouts put it on every element that holds a language's own
// text whatever the page's language, such as the links of the language
// switcher; LangAttr leaves out the page's own language.
func (c *Context) LangDir(l *pages.Lang) template.HTMLAttr {
	if l.Dir != c.Page.Lang().Dir {
		return template.HTMLAttr(`lang="` + l.Code + `" dir="` + l.Dir + `"`)
	}
	return template.HTMLAttr(`lang="` + l.Code + `"`)
}

// TLangAttr returns the attributes for an element that shows UI string id
// in the page's language: nothing when the language has the message, and
// LangAttr of the default language when it lacks it and shows the default
// language's (see locale.Load), so that the English words of a missing
// Arabic string read as English, left to right:
// <span {{ .TLangAttr "not_in_language" }}>({{ .T "not_in_language" }})</span>.
func (c *Context) TLangAttr(id string) (template.HTMLAttr, error) {
	if c.env.Catalog.Defined(c.Page.Lang().Code, id) {
		return "", nil
	}
	return c.LangAttr(c.Site.Default())
}

// THTML returns UI string id in the page's language as HTML, as T does,
// with each argument that is a language (a *pages.Lang) shown as its name
// in <bdi lang="..">: a language's own name inside a sentence of another
// language, isolated from its direction, so that "(Brasil)" keeps its
// brackets on an Arabic page. {{ .THTML "fallback_text_below" "Language"
// .Page.Source.Lang }}.
func (c *Context) THTML(id string, args ...any) (template.HTML, error) {
	langs := map[string]*pages.Lang{}
	for i, a := range args {
		if l, ok := a.(*pages.Lang); ok {
			mark := fmt.Sprintf("\x00%d\x00", i)
			langs[mark] = l
			args[i] = mark
		}
	}
	s, err := c.T(id, args...)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, 0)
		if i < 0 {
			b.WriteString(template.HTMLEscapeString(s))
			break
		}
		b.WriteString(template.HTMLEscapeString(s[:i]))
		j := strings.IndexByte(s[i+1:], 0)
		l := langs[s[i:i+j+2]]
		if j < 0 || l == nil {
			return "", fmt.Errorf("message %q: a NUL character in its text", id)
		}
		b.WriteString(`<bdi lang="` + l.Code + `">` + template.HTMLEscapeString(l.Name) + `</bdi>`)
		s = s[i+j+2:]
	}
	return template.HTML(b.String()), nil
}

// SearchListAll reports whether a search page lists every page of the
// page's language (true) or only the home page's children, the main
// sections (false): true when the language has at most [search]
// list_all_max pages of sitegen.toml. A language has a page, real or
// fallback, for each of the site's translation keys, so the answer is the
// same in every language; see config's "The search page's list".
func (c *Context) SearchListAll() bool {
	return len(c.Site.Keys()) <= c.Site.Config().Search.ListAllMax
}

// InSection reports whether the page being rendered is p or below it.
func (c *Context) InSection(p *PageView) bool {
	for q := c.Page; q != nil; q = q.Parent() {
		if q == p {
			return true
		}
	}
	return false
}

// TOC returns the headings for an "on this page" list: the level 2
// headings, when there are at least three of them.
func (c *Context) TOC() []markdown.Heading {
	if c.Doc == nil {
		return nil
	}
	var out []markdown.Heading
	for _, h := range c.Doc.Headings {
		if h.Level == 2 && h.ID != "" {
			out = append(out, h)
		}
	}
	if len(out) < 3 {
		return nil
	}
	return out
}

// Alternates returns the real versions of the page for hreflang links:
// none for a fallback page, which is no one's translation.
func (c *Context) Alternates() []*PageView {
	if c.Page.Kind() == pages.Root {
		return nil
	}
	if c.Page.Fallback() || c.Page.Key() == "" {
		return nil
	}
	return c.Page.Available()
}

// XDefault returns the page for hreflang="x-default": the default
// language's version if it is real, else the first real version; for the
// language chooser, the chooser itself.
func (c *Context) XDefault() *PageView {
	if c.Page.Kind() == pages.Root {
		return c.Page
	}
	alt := c.Alternates()
	for _, p := range alt {
		if p.Lang().Default {
			return p
		}
	}
	if len(alt) > 0 {
		return alt[0]
	}
	return nil
}

// SiteTitles returns the site's languages whose site title differs from
// the titles of the languages before them: the language chooser names the
// site once in each of its names, not "My site · My site".
func (c *Context) SiteTitles() []*pages.Lang {
	var out []*pages.Lang
	seen := map[string]bool{}
	for _, l := range c.Site.Langs() {
		if !seen[l.Title] {
			seen[l.Title] = true
			out = append(out, l)
		}
	}
	return out
}

// OtherLangs returns the site languages other than the page's.
func (c *Context) OtherLangs() []*pages.Lang {
	var out []*pages.Lang
	for _, l := range c.Site.Langs() {
		if l != c.Page.Lang() {
			out = append(out, l)
		}
	}
	return out
}
