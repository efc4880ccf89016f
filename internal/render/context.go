package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"
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
	Integrity string // "sha384-...", for the integrity attribute
}

// An Env is what all pages of one build share.
type Env struct {
	Templates *Templates
	Catalog   *locale.Catalog
	Site      *pages.Site
	Assets    map[string]*Asset

	refs     sync.Map // content keys layouts looked up with Ref
	partials sync.Map // PartialCached results by name and variant
	orders   sync.Map // main section page -> its *readingOrder, for Pager
}

// Ref records that layouts look up key with .Ref. A rebuild seeds its
// new Env with the keys the last one saw.
func (e *Env) Ref(key string) { e.refs.Store(key, true) }

// Refs returns the content keys the layouts looked up with .Ref while
// rendering, sorted: every page depends on those pages.
func (e *Env) Refs() []string {
	var keys []string
	e.refs.Range(func(k, _ any) bool {
		keys = append(keys, k.(string))
		return true
	})
	slices.Sort(keys)
	return keys
}

// A Context is the data a layout executes with.
type Context struct {
	Page *pages.Page
	Site *pages.Site
	Body template.HTML    // the rendered Markdown; empty for fallback and generated pages
	Doc  *markdown.Result // nil for fallback and generated pages

	env         *Env
	sidebarDone bool          // SidebarTree has run
	sidebarHTML template.HTML // and made this
}

// NewContext returns the context for rendering p.
func (e *Env) NewContext(p *pages.Page, doc *markdown.Result) *Context {
	c := &Context{Page: p, Site: e.Site, Doc: doc, env: e}
	if doc != nil {
		// The HTML comes from goldmark with raw HTML off (unless the site
		// config turns it on) and is trusted as the page body.
		c.Body = template.HTML(doc.HTML)
	}
	return c
}

// RenderAround renders p with its layout as RenderTo does, but with body
// in place of the page's rendered Markdown, so that the page around the
// body can be minified apart from it (sitegen build minifies the layout's
// HTML, not goldmark's, which is compact already).
func (e *Env) RenderAround(w io.Writer, p *pages.Page, doc *markdown.Result, body string) error {
	c := e.NewContext(p, doc)
	c.Body = template.HTML(body)
	return e.Templates.Execute(w, p.Layout(), c)
}

// Render renders p with its layout.
func (e *Env) Render(p *pages.Page, doc *markdown.Result) ([]byte, error) {
	return e.Templates.ExecuteString(p.Layout(), e.NewContext(p, doc))
}

// RenderTo renders p with its layout into w.
func (e *Env) RenderTo(w io.Writer, p *pages.Page, doc *markdown.Result) error {
	return e.Templates.Execute(w, p.Layout(), e.NewContext(p, doc))
}

// PartialCached renders the {{define}}d template name once per build for
// each distinct variant, and then reuses the HTML: {{ .PartialCached
// "footer" .Page.Lang.Code }}. The template's output must depend on
// nothing but the variant: the footer of a language, say, or the menu
// with one item marked current ({{ .PartialCached "nav" .NavKey }}).
func (c *Context) PartialCached(name string, variant ...string) (template.HTML, error) {
	key := name + "\x00" + strings.Join(variant, "\x00")
	if h, ok := c.env.partials.Load(key); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := c.env.Templates.ExecutePartial(&b, name, c); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	c.env.partials.Store(key, h)
	return h, nil
}

// NavKey names what the main menu looks like on this page: the language,
// and which item is the page or holds it. It is the variant for caching
// the menu with PartialCached.
func (c *Context) NavKey() string {
	for _, p := range c.Site.Menu(c.Page.Lang) {
		if p == c.Page {
			return c.Page.Lang.Code + "\x00page\x00" + p.Key
		}
		if c.InSection(p) {
			return c.Page.Lang.Code + "\x00in\x00" + p.Key
		}
	}
	return c.Page.Lang.Code
}

// With returns a context for rendering another page of the same build in
// a layout, e.g. to recurse over a section tree:
// {{ template "tree" ($.With .) }}.
func (c *Context) With(p *pages.Page) *Context { return c.env.NewContext(p, nil) }

// T returns a UI string in the page's language; see locale.Catalog.T.
func (c *Context) T(id string, args ...any) (string, error) {
	return c.env.Catalog.T(c.Page.Lang.Code, id, args...)
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
	forms, err := c.env.Catalog.PluralForms(c.Page.Lang.Code, id, "%d")
	if err != nil {
		return "", err
	}
	data, err := json.Marshal(forms)
	return string(data), err
}

// URL returns a page's URL path, base path included.
func (c *Context) URL(p *pages.Page) string { return c.Site.URL(p) }

// Permalink returns a page's absolute URL.
func (c *Context) Permalink(p *pages.Page) string { return c.Site.Permalink(p) }

// Date formats t in the page's language, with month names.
func (c *Context) Date(t time.Time) (string, error) {
	return c.env.Catalog.Date(c.Page.Lang.Code, t)
}

// ISODate formats t as YYYY-MM-DD for a <time datetime> attribute.
func (c *Context) ISODate(t time.Time) string { return t.Format(time.DateOnly) }

// Asset returns a file from static/ by its name there.
func (c *Context) Asset(name string) (*Asset, error) {
	a := c.env.Assets[name]
	if a == nil {
		return nil, fmt.Errorf("no asset %q in static/", name)
	}
	return a, nil
}

// Ref returns the page for a translation key in the page's language (the
// translation or its fallback page), or nil if the key does not exist. A
// page's translation key is its path below content/<lang>/ ("klage.md")
// unless it sets translation_key:.
func (c *Context) Ref(key string) *pages.Page {
	c.env.refs.Store(key, true)
	return c.Site.Page(key, c.Page.Lang.Code)
}

// Param returns a value from [params] in sitegen.toml.
func (c *Context) Param(name string) string { return c.Site.Config.Params[name] }

// LangAttr returns ` lang="xx"` when p's title is in another language
// than the page being rendered, so screen readers pronounce it right, and
// ` dir="rtl"` (or "ltr") as well when that language runs the other way.
func (c *Context) LangAttr(p *pages.Page) template.HTMLAttr {
	if p.TitleLang == nil || p.TitleLang == c.Page.Lang {
		return ""
	}
	return c.LangDir(p.TitleLang)
}

// LangDir returns the attributes for an element whose text is in l:
// ` lang="xx"`, and ` dir="..."` when l's direction differs from the
// page's. Layouts put it on every element that holds another language's
// text: switcher links, notices, titles.
func (c *Context) LangDir(l *pages.Lang) template.HTMLAttr {
	if l.Dir != c.Page.Lang.Dir {
		return template.HTMLAttr(`lang="` + l.Code + `" dir="` + l.Dir + `"`)
	}
	return template.HTMLAttr(`lang="` + l.Code + `"`)
}

// SearchListAll reports whether a search page lists every page of the
// page's language (true) or only the home page's children, the main
// sections (false): true when the language has at most [search]
// list_all_max pages of sitegen.toml. A language has a page, real or
// fallback, for each of the site's translation keys, so the answer is the
// same in every language; see config's "The search page's list".
func (c *Context) SearchListAll() bool {
	return len(c.Site.Keys()) <= c.Site.Config.Search.ListAllMax
}

// InSection reports whether the page being rendered is p or below it.
func (c *Context) InSection(p *pages.Page) bool {
	for q := c.Page; q != nil; q = q.Parent {
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
func (c *Context) Alternates() []*pages.Page {
	if c.Page.Kind == pages.Root {
		return nil
	}
	if c.Page.Fallback || c.Page.Key == "" {
		return nil
	}
	return c.Page.Available()
}

// XDefault returns the page for hreflang="x-default": the default
// language's version if it is real, else the first real version; for the
// language chooser, the chooser itself.
func (c *Context) XDefault() *pages.Page {
	if c.Page.Kind == pages.Root {
		return c.Page
	}
	alt := c.Alternates()
	for _, p := range alt {
		if p.Lang.Default {
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
	for _, l := range c.Site.Langs {
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
	for _, l := range c.Site.Langs {
		if l != c.Page.Lang {
			out = append(out, l)
		}
	}
	return out
}
