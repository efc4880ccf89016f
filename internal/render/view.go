package render

import (
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/pages"
)

// This file is the site model as layouts see it. A layout never holds a
// *pages.Page or the *pages.Site: .Page, .Site and every page reached from
// them are views, with the fields and methods of the model under the same
// names (as methods: {{ .Page.Title }} reads the same either way), and
// each view records what it is asked (Reads). So what a page's rendering
// read of the other pages is known by construction, not listed by hand,
// and sitegen serve renders again exactly the pages whose reads changed.
// TestViewsCoverModel fails when the model gains a field or method that
// the views lack.
//
// Values that are not pages or the site (a *pages.Lang, a *content.File,
// the *config.Config, a *pages.Resource) are handed out as they are: the
// read is the member that handed the value out, and its value hashes all
// a layout can read of it without arguments (hasher.value). Their methods
// that take arguments are not followed: the configuration's (Language)
// change only with sitegen.toml, after which every page is rendered
// again, and a file's ReadBody needs a file system, which layouts lack.

// A PageView is a page as layouts see it: .Page, .Site.Home .Page.Lang,
// each of .Page.Children.
type PageView struct {
	p *pages.Page
	s *session
}

// A SiteView is the site as layouts see it: .Site.
type SiteView struct{ s *session }

// session is one page's rendering: one view for each page it reaches, so
// that {{ if eq . $.Page }} compares pages, and the set of reads that the
// rendering adds to (nil when it does not record).
type session struct {
	site  *pages.Site
	views map[*pages.Page]*PageView
	sv    *SiteView
	reads *Reads
}

func newSession(site *pages.Site, reads *Reads) *session {
	s := &session{site: site, views: map[*pages.Page]*PageView{}, reads: reads}
	s.sv = &SiteView{s}
	return s
}

func (s *session) read(p *pages.Page, member, args string) {
	if s.reads != nil {
		s.reads.add(Read{Page: p, Member: member, Args: args})
	}
}

// view returns p's view, nil for nil.
func (s *session) view(p *pages.Page) *PageView {
	if p == nil {
		return nil
	}
	v := s.views[p]
	if v == nil {
		v = &PageView{p, s}
		s.views[p] = v
	}
	return v
}

func (s *session) list(ps []*pages.Page) []*PageView {
	if ps == nil {
		return nil
	}
	out := make([]*PageView, len(ps))
	for i, p := range ps {
		out[i] = s.view(p)
	}
	return out
}

// unview returns the page behind a view a layout passed back, nil for nil.
func unview(v *PageView) *pages.Page {
	if v == nil {
		return nil
	}
	return v.p
}

func (v *PageView) read(member string) { v.s.read(v.p, member, "") }

// The fields of pages.Page; see there.

func (v *PageView) Kind() pages.Kind       { v.read("Kind"); return v.p.Kind }
func (v *PageView) Key() string            { v.read("Key"); return v.p.Key }
func (v *PageView) FileKey() string        { v.read("FileKey"); return v.p.FileKey }
func (v *PageView) Lang() *pages.Lang      { v.read("Lang"); return v.p.Lang }
func (v *PageView) Path() string           { v.read("Path"); return v.p.Path }
func (v *PageView) URL() string            { v.read("URL"); return v.p.URL }
func (v *PageView) Permalink() string      { v.read("Permalink"); return v.p.Permalink() }
func (v *PageView) File() *content.File    { v.read("File"); return v.p.File }
func (v *PageView) Fallback() bool         { v.read("Fallback"); return v.p.Fallback }
func (v *PageView) Title() string          { v.read("Title"); return v.p.Title }
func (v *PageView) TitleLang() *pages.Lang { v.read("TitleLang"); return v.p.TitleLang }
func (v *PageView) LinkTitle() string      { v.read("LinkTitle"); return v.p.LinkTitle }
func (v *PageView) Description() string    { v.read("Description"); return v.p.Description }
func (v *PageView) Summary() string        { v.read("Summary"); return v.p.Summary }
func (v *PageView) Weight() int            { v.read("Weight"); return v.p.Weight }
func (v *PageView) Menus() []string        { v.read("Menus"); return v.p.Menus }
func (v *PageView) Updated() time.Time     { v.read("Updated"); return v.p.Updated() }
func (v *PageView) Draft() bool            { v.read("Draft"); return v.p.Draft }
func (v *PageView) NeedsReview() bool      { v.read("NeedsReview"); return v.p.NeedsReview }
func (v *PageView) Params() map[string]any { v.read("Params"); return v.p.Params }
func (v *PageView) Parent() *PageView      { v.read("Parent"); return v.s.view(v.p.Parent) }
func (v *PageView) Children() []*PageView  { v.read("Children"); return v.s.list(v.p.Children()) }
func (v *PageView) Translations() []*PageView {
	v.read("Translations")
	return v.s.list(v.p.Translations)
}
func (v *PageView) Target() *PageView { v.read("Target"); return v.s.view(v.p.Target()) }
func (v *PageView) AliasLine() int32  { v.read("AliasLine"); return v.p.AliasLine }
func (v *PageView) Date() time.Time   { v.read("Date"); return v.p.Date() }
func (v *PageView) Terms() map[string][]string {
	v.read("Terms")
	return v.p.Terms
}
func (v *PageView) Taxonomy() string     { v.read("Taxonomy"); return v.p.Taxonomy() }
func (v *PageView) Members() []*PageView { v.read("Members"); return v.s.list(v.p.Members()) }
func (v *PageView) Pager() *PagerView    { v.read("Pager"); return v.s.pager(v.p.Pager()) }
func (v *PageView) Feed() *FeedView      { v.read("Feed"); return v.s.feed(v.p.Feed()) }

// The methods of pages.Page; see there.

func (v *PageView) Site() *SiteView        { v.read("Site"); return v.s.sv }
func (v *PageView) IsSection() bool        { v.read("IsSection"); return v.p.IsSection() }
func (v *PageView) Available() []*PageView { v.read("Available"); return v.s.list(v.p.Available()) }
func (v *PageView) Ancestors() []*PageView { v.read("Ancestors"); return v.s.list(v.p.Ancestors()) }
func (v *PageView) Layout() string         { v.read("Layout"); return v.p.Layout() }
func (v *PageView) OutputFile() string     { v.read("OutputFile"); return v.p.OutputFile() }
func (v *PageView) Feeds() []*FeedView     { v.read("Feeds"); return v.s.feeds(v.p.Feeds()) }
func (v *PageView) Dated() bool            { v.read("Dated"); return v.p.Dated() }
func (v *PageView) Listing() []*PageView   { v.read("Listing"); return v.s.list(v.p.Listing()) }
func (v *PageView) Listed() []*PageView    { v.read("Listed"); return v.s.list(v.p.Listed()) }
func (v *PageView) PageNumber() int        { v.read("PageNumber"); return v.p.PageNumber() }
func (v *PageView) PageSize() int          { v.read("PageSize"); return v.p.PageSize() }
func (v *PageView) SortOrder() string      { v.read("SortOrder"); return v.p.SortOrder() }
func (v *PageView) TermPages() []PageTermsView {
	v.read("TermPages")
	pts := v.p.TermPages()
	if pts == nil {
		return nil
	}
	out := make([]PageTermsView, len(pts))
	for i, pt := range pts {
		out[i] = PageTermsView{Taxonomy: v.s.view(pt.Taxonomy), Terms: v.s.list(pt.Terms)}
	}
	return out
}

// The pager, feeds and terms a page hands out hold pages, which layouts
// get as views too. Their reads are the page member that handed them
// out (Pager, Feed, Feeds, TermPages), whose value hashes every field and
// method of the pager or feed, the pages by their Ident; what a layout
// reads of those pages is a read of their own.

// A PagerView is a pages.Pager as layouts see it: .Page.Pager.
type PagerView struct {
	g *pages.Pager
	s *session
}

func (s *session) pager(g *pages.Pager) *PagerView {
	if g == nil {
		return nil
	}
	return &PagerView{g, s}
}

func (g *PagerView) Number() int        { return g.g.Number }
func (g *PagerView) Items() []*PageView { return g.s.list(g.g.Items) }
func (g *PagerView) Total() int         { return g.g.Total() }
func (g *PagerView) Pages() []*PageView { return g.s.list(g.g.Pages()) }
func (g *PagerView) First() *PageView   { return g.s.view(g.g.First()) }
func (g *PagerView) Last() *PageView    { return g.s.view(g.g.Last()) }
func (g *PagerView) Prev() *PageView    { return g.s.view(g.g.Prev()) }
func (g *PagerView) Next() *PageView    { return g.s.view(g.g.Next()) }
func (g *PagerView) Near() []*PageView  { return g.s.list(g.g.Near()) }

// A FeedView is a pages.Feed as layouts see it: each of .Page.Feeds.
type FeedView struct {
	f *pages.Feed
	s *session
}

func (s *session) feed(f *pages.Feed) *FeedView {
	if f == nil {
		return nil
	}
	return &FeedView{f, s}
}

func (s *session) feeds(fs []*pages.Feed) []*FeedView {
	if fs == nil {
		return nil
	}
	out := make([]*FeedView, len(fs))
	for i, f := range fs {
		out[i] = s.feed(f)
	}
	return out
}

func (f *FeedView) Page() *PageView      { return f.s.view(f.f.Page) }
func (f *FeedView) Title() string        { return f.f.Title }
func (f *FeedView) Path() string         { return f.f.Path }
func (f *FeedView) URL() string          { return f.f.URL }
func (f *FeedView) Permalink() string    { return f.f.Permalink }
func (f *FeedView) Entries() []*PageView { return f.s.list(f.f.Entries) }
func (f *FeedView) Updated() time.Time   { return f.f.Updated }

// A PageTermsView is a pages.PageTerms as layouts see it: each of
// .Page.TermPages.
type PageTermsView struct {
	Taxonomy *PageView
	Terms    []*PageView
}

func (v *PageView) Source() *PageView     { v.read("Source"); return v.s.view(v.p.Source()) }
func (v *PageView) Versions() []*PageView { v.read("Versions"); return v.s.list(v.p.Versions()) }

func (v *SiteView) read(member, args string) { v.s.read(nil, member, args) }

// The fields of pages.Site; see there.

func (v *SiteView) Config() *config.Config       { v.read("Config", ""); return v.s.site.Config }
func (v *SiteView) Langs() []*pages.Lang         { v.read("Langs", ""); return v.s.site.Langs }
func (v *SiteView) Default() *pages.Lang         { v.read("Default", ""); return v.s.site.Default }
func (v *SiteView) Pages() []*PageView           { v.read("Pages", ""); return v.s.list(v.s.site.Pages) }
func (v *SiteView) Special() []*PageView         { v.read("Special", ""); return v.s.list(v.s.site.Special) }
func (v *SiteView) Resources() []*pages.Resource { v.read("Resources", ""); return v.s.site.Resources }
func (v *SiteView) Feeds() []*FeedView           { v.read("Feeds", ""); return v.s.feeds(v.s.site.Feeds()) }

// The methods of pages.Site; see there. Their arguments are recorded with
// them (args), so that the same call can be made in another build's model.

func (v *SiteView) Lang(code string) *pages.Lang {
	v.read("Lang", args(code))
	return v.s.site.Lang(code)
}

func (v *SiteView) Page(key, lang string) *PageView {
	v.read("Page", args(key, lang))
	return v.s.view(v.s.site.Page(key, lang))
}

func (v *SiteView) FilePage(lang *pages.Lang, key string) *PageView {
	v.read("FilePage", args(lang, key))
	return v.s.view(v.s.site.FilePage(lang, key))
}

func (v *SiteView) Keys() []string { v.read("Keys", ""); return v.s.site.Keys() }

func (v *SiteView) AtRoot() *pages.Lang { v.read("AtRoot", ""); return v.s.site.AtRoot() }

func (v *SiteView) ByPath(p string) *PageView {
	v.read("ByPath", args(p))
	return v.s.view(v.s.site.ByPath(p))
}

func (v *SiteView) Menu(lang *pages.Lang) []*PageView {
	v.read("Menu", args(lang))
	return v.s.list(v.s.site.Menu(lang))
}

func (v *SiteView) MenuTop(lang *pages.Lang) []*PageView {
	v.read("MenuTop", args(lang))
	return v.s.list(v.s.site.MenuTop(lang))
}

func (v *SiteView) SubMenu(p *PageView) []*PageView {
	v.read("SubMenu", args(p))
	return v.s.list(v.s.site.SubMenu(unview(p)))
}

func (v *SiteView) Footer(lang *pages.Lang) []*PageView {
	v.read("Footer", args(lang))
	return v.s.list(v.s.site.Footer(lang))
}

func (v *SiteView) Search(lang *pages.Lang) *PageView {
	v.read("Search", args(lang))
	return v.s.view(v.s.site.Search(lang))
}

func (v *SiteView) Home(lang *pages.Lang) *PageView {
	v.read("Home", args(lang))
	return v.s.view(v.s.site.Home(lang))
}

func (v *SiteView) URL(p *PageView) string {
	v.read("URL", args(p))
	return v.s.site.URL(unview(p))
}

func (v *SiteView) Permalink(p *PageView) string {
	v.read("Permalink", args(p))
	return v.s.site.Permalink(unview(p))
}

func (v *SiteView) Resource(lang *pages.Lang, key string) *pages.Resource {
	v.read("Resource", args(lang, key))
	return v.s.site.Resource(lang, key)
}

// Resolve turns a link destination as a page's Markdown would write it
// into a URL (pages.Site.Resolve).
func (v *SiteView) Resolve(from *PageView, dest string) (string, error) {
	v.read("Resolve", args(from, dest))
	return v.s.site.Resolve(unview(from), dest)
}

// args encodes a method's arguments for a Read: a page by its Ident, a
// language by its tag, a string as it is, each after its length and ":".
func args(list ...any) string {
	var b []byte
	put := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	for _, a := range list {
		switch a := a.(type) {
		case string:
			put(a)
		case *pages.Lang:
			if a != nil {
				put(a.Code)
			} else {
				b = append(b, nilArg)
			}
		case *PageView:
			if a != nil {
				put(Ident(a.p))
			} else {
				b = append(b, nilArg)
			}
		default:
			panic("render: no encoding for an argument of type " + reflect.TypeOf(a).String())
		}
	}
	return string(b)
}

// nilArg stands for a nil page or language in args.
const nilArg = '-'

// splitArgs decodes args; ok is false for a malformed string. A nil page
// or language is nil.
func splitArgs(s string) (list []*string, ok bool) {
	for s != "" {
		if s[0] == nilArg {
			list, s = append(list, nil), s[1:]
			continue
		}
		n, rest, found := strings.Cut(s, ":")
		size, err := strconv.Atoi(n)
		if !found || err != nil || size < 0 || size > len(rest) {
			return nil, false
		}
		a := rest[:size]
		list, s = append(list, &a), rest[size:]
	}
	return list, true
}

// Ident names a page the same way in every build of the site: its
// language and translation key (and its number, for a numbered page of a
// split listing), or for a generated page without a key
// (the language chooser, the 404 pages, aliases), its output file.
func Ident(p *pages.Page) string {
	if p.Key != "" {
		if n := p.PageNumber(); n > 1 {
			// A listing's page 2, 3, ... has the listing's key.
			return p.Lang.Code + "\x00" + p.Key + "\x00" + strconv.Itoa(n)
		}
		return p.Lang.Code + "\x00" + p.Key
	}
	return "\x01" + p.OutputFile()
}
