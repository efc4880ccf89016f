package render

import (
	"bytes"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/udenmitid/sitegen/internal/pages"
)

// SidebarMax is the most pages one list of the sidebar shows. A section
// with more shows a part of its list, the SidebarMax pages around the
// current one, and a link to the section's own page, which lists them all.
// It bounds both what a reader scans and what a build renders: a section
// of 1,000 pages would otherwise put 1,000 links on each of its 1,000
// pages, a million links.
const SidebarMax = 50

// A SidebarItem is a page in the section sidebar.
type SidebarItem struct {
	Page     *pages.Page
	LangAttr template.HTMLAttr // ` lang="da"` when the title is in another language than the page's (a fallback page's); see Context.LangAttr
	Open     bool              // a section the page being rendered is or is below: its pages are shown
	Children []*SidebarItem    // an open section's pages, in the section's order: all of them, or a part (see SidebarMax)
	More     string            // when Children is a part: the text of a link to the section, which lists every page ("120 pages in this section")
}

// MainSection returns the main section p is in: the section below the
// home page that p is or is below, or nil for a home page, a page directly
// below the home page (its section is the whole site, which the home page
// lists) and the generated pages (404, the language chooser, aliases). It
// is the root of the sidebar's tree and of the previous/next links'
// reading order.
func MainSection(p *pages.Page) *pages.Page {
	if p.Kind != pages.Section && p.Kind != pages.Regular {
		return nil
	}
	chain := p.Ancestors()
	if len(chain) == 0 || chain[0].Kind != pages.Home {
		return nil
	}
	root := p
	if len(chain) > 1 {
		root = chain[1]
	}
	if root.Kind != pages.Section {
		return nil
	}
	return root
}

// sidebarRoot returns the page's main section when the site shows the
// sidebar, else nil.
func (c *Context) sidebarRoot() *pages.Page {
	if !c.Site.Config.Theme.Sidebar {
		return nil
	}
	return MainSection(c.Page)
}

// Sidebar returns the tree of the page's main section for the sidebar, or
// nil when there is none (see [theme] sidebar in sitegen.toml). The
// section and the sections on the way to the page are open, showing their
// pages; other sections are links to their own pages, which list theirs.
func (c *Context) Sidebar() *SidebarItem {
	root := c.sidebarRoot()
	if root == nil {
		return nil
	}
	path := slices.Concat(c.Page.Ancestors()[1:], []*pages.Page{c.Page}) // from the main section down to the page
	return c.sidebarItem(root, path[1:])
}

// sidebarItem returns the item of p, open, with its children; below is
// the way on from p to the page being rendered.
func (c *Context) sidebarItem(p *pages.Page, below []*pages.Page) *SidebarItem {
	it := &SidebarItem{Page: p, LangAttr: c.LangAttr(p), Open: true}
	var next *pages.Page
	if len(below) > 0 {
		next = below[0]
	}
	kids, more := c.sidebarPart(p, next)
	for _, k := range kids {
		if k == next && k.IsSection() {
			it.Children = append(it.Children, c.sidebarItem(k, below[1:]))
			continue
		}
		// The page being rendered is not marked here: the tree is shared
		// by the pages of its section, and SidebarTree marks it.
		it.Children = append(it.Children, &SidebarItem{Page: k, LangAttr: c.LangAttr(k)})
	}
	it.More = more
	return it
}

// sidebarPart returns the children of p the sidebar shows: all of them, or
// the part of SidebarMax that holds next (the first part when next is
// nil), and the text of the link to the rest.
func (c *Context) sidebarPart(p, next *pages.Page) ([]*pages.Page, string) {
	kids := p.Children
	if len(kids) <= SidebarMax {
		return kids, ""
	}
	start := c.sidebarChunk(p, next) * SidebarMax
	more, err := c.T("section_children", len(kids))
	if err != nil || more == "" {
		more = strconv.Itoa(len(kids))
	}
	return kids[start:min(start+SidebarMax, len(kids))], more
}

// sidebarChunk returns which part of SidebarMax of p's children holds
// next: 0 for the first.
func (c *Context) sidebarChunk(p, next *pages.Page) int {
	if next == nil || len(p.Children) <= SidebarMax {
		return 0
	}
	for i, k := range p.Children {
		if k == next {
			return i / SidebarMax
		}
	}
	return 0
}

// SidebarTree returns the sidebar's tree as HTML, rendered by the layouts'
// "sidebar-tree" template with .Sidebar, the page being rendered marked
// aria-current="page"; or "" when the page has no sidebar.
//
// The tree is the same for every page of a section but for that mark
// (and, in a section of more than SidebarMax pages, the part shown), so it
// is rendered once per language, section and part (PartialCached), and
// the mark is put on the page's link afterwards.
func (c *Context) SidebarTree() (template.HTML, error) {
	if c.sidebarDone {
		return c.sidebarHTML, nil
	}
	c.sidebarDone = true
	root := c.sidebarRoot()
	if root == nil {
		return "", nil
	}
	anchor := c.Page // the section whose pages the innermost list shows
	if !anchor.IsSection() {
		anchor = anchor.Parent
	}
	next := c.Page
	if next == anchor {
		next = nil
	}
	h, err := c.PartialCached("sidebar-tree", c.Page.Lang.Code, anchor.Key, strconv.Itoa(c.sidebarChunk(anchor, next)))
	if err != nil {
		return "", err
	}
	c.sidebarHTML = markCurrent(h, c.Page.URL)
	return c.sidebarHTML, nil
}

// hrefStart renders the start of a link as html/template writes it, so
// that markCurrent finds a URL however the template escaped it.
var hrefStart = template.Must(template.New("href").Parse(`<a href="{{ . }}">`))

// markCurrent marks the link to url in a rendered tree as the current
// page: an aria-current="true" it has becomes "page", or it gets one.
func markCurrent(h template.HTML, url string) template.HTML {
	var b bytes.Buffer
	if err := hrefStart.Execute(&b, url); err != nil {
		return h
	}
	start := strings.TrimSuffix(b.String(), ">")
	s := string(h)
	if i := strings.Index(s, start+` aria-current="true"`); i >= 0 {
		j := i + len(start) + len(` aria-current="`)
		return template.HTML(s[:j] + "page" + s[j+len("true"):])
	}
	if i := strings.Index(s, start); i >= 0 {
		j := i + len(start)
		return template.HTML(s[:j] + ` aria-current="page"` + s[j:])
	}
	return h
}

// A Pager holds the pages before and after the page being rendered in its
// main section's reading order.
type Pager struct {
	Prev, Next *pages.Page // nil at either end
}

// Pager returns the previous and next page in the reading order of the
// page's main section (the section the sidebar shows): the section's page,
// then each of its pages in the section's order, a subsection followed by
// its own pages; or nil when [theme] prev_next is off, or the page is in
// no section. A fallback page has its place like any page.
func (c *Context) Pager() *Pager {
	if !c.Site.Config.Theme.PrevNext {
		return nil
	}
	root := MainSection(c.Page)
	if root == nil {
		return nil
	}
	order := c.env.readingOrder(root)
	i, ok := order.pos[c.Page]
	if !ok {
		return nil
	}
	var pg Pager
	if i > 0 {
		pg.Prev = order.pages[i-1]
	}
	if i+1 < len(order.pages) {
		pg.Next = order.pages[i+1]
	}
	if pg.Prev == nil && pg.Next == nil {
		return nil
	}
	return &pg
}

// A readingOrder is a main section's pages in reading order.
type readingOrder struct {
	pages []*pages.Page
	pos   map[*pages.Page]int
}

// readingOrder returns the reading order of a main section, made once per
// build for each section and language.
func (e *Env) readingOrder(root *pages.Page) *readingOrder {
	if o, ok := e.orders.Load(root); ok {
		return o.(*readingOrder)
	}
	o := &readingOrder{pos: map[*pages.Page]int{}}
	var walk func(p *pages.Page)
	walk = func(p *pages.Page) {
		o.pos[p] = len(o.pages)
		o.pages = append(o.pages, p)
		for _, k := range p.Children {
			walk(k)
		}
	}
	walk(root)
	got, _ := e.orders.LoadOrStore(root, o)
	return got.(*readingOrder)
}
