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
	Page     *PageView
	LangAttr template.HTMLAttr // ` lang="da"` when the title is in another language than the page's (a fallback page's); see Context.LangAttr
	Open     bool              // a section the page being rendered is or is below: its pages are shown
	Children []*SidebarItem    // an open section's pages, in the section's order: all of them, or a part (see SidebarMax)
	More     string            // when Children is a part: the text of a link to the section, which lists every page ("120 pages in this section")
}

// mainSection returns the main section p is in: the section below the
// home page that p is or is below, or nil for a home page, a page directly
// below the home page (its section is the whole site, which the home page
// lists) and the generated pages (404, the language chooser, aliases). It
// is the root of the sidebar's tree and of the previous/next links'
// reading order. What it reads of p is recorded, as p's view reads it.
func mainSection(p *PageView) *PageView {
	if g := p.Pager(); g != nil && g.Number() > 1 {
		// A listing's page 2, 3, ... is in its section as its first page
		// is: the tree is the first page's, shared (SidebarTree).
		p = g.First()
	}
	if k := p.Kind(); k != pages.Section && k != pages.Regular {
		return nil
	}
	chain := p.Ancestors()
	if len(chain) == 0 || chain[0].Kind() != pages.Home {
		return nil
	}
	root := p
	if len(chain) > 1 {
		root = chain[1]
	}
	if root.Kind() != pages.Section {
		return nil
	}
	return root
}

// sidebarRoot returns the page's main section when the site shows the
// sidebar, else nil.
func (c *Context) sidebarRoot() *PageView {
	if !c.Site.Config().Theme.Sidebar {
		return nil
	}
	return mainSection(c.Page)
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
	path := slices.Concat(c.Page.Ancestors()[1:], []*PageView{c.Page}) // from the main section down to the page
	return c.sidebarItem(root, path[1:])
}

// sidebarItem returns the item of p, open, with its children; below is
// the way on from p to the page being rendered.
func (c *Context) sidebarItem(p *PageView, below []*PageView) *SidebarItem {
	it := &SidebarItem{Page: p, LangAttr: c.titleLangAttr(p), Open: true}
	var next *PageView
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
		it.Children = append(it.Children, &SidebarItem{Page: k, LangAttr: c.titleLangAttr(k)})
	}
	it.More = more
	return it
}

// titleLangAttr is LangAttr of a page, which errs only for a value that
// is no page or language.
func (c *Context) titleLangAttr(p *PageView) template.HTMLAttr {
	a, _ := c.LangAttr(p)
	return a
}

// sidebarPart returns the children of p the sidebar shows: all of them, or
// the part of SidebarMax that holds next (the first part when next is
// nil), and the text of the link to the rest.
func (c *Context) sidebarPart(p, next *PageView) ([]*PageView, string) {
	kids := p.Children()
	if len(kids) <= SidebarMax {
		return kids, ""
	}
	start := sidebarChunk(kids, next) * SidebarMax
	more, err := c.T("section_children", len(kids))
	if err != nil || more == "" {
		more = strconv.Itoa(len(kids))
	}
	return kids[start:min(start+SidebarMax, len(kids))], more
}

// sidebarChunk returns which part of SidebarMax of a section's children
// kids holds next: 0 for the first.
func sidebarChunk(kids []*PageView, next *PageView) int {
	if next == nil || len(kids) <= SidebarMax {
		return 0
	}
	for i, k := range kids {
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
		anchor = anchor.Parent()
	}
	next := c.Page
	if next == anchor {
		next = nil
	}
	h, err := c.PartialCached("sidebar-tree", c.Page.Lang().Code, anchor.Key(), strconv.Itoa(sidebarChunk(anchor.Children(), next)))
	if err != nil {
		return "", err
	}
	c.sidebarHTML = markCurrent(h, c.Page.URL())
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

// A PrevNext holds the pages before and after the page being rendered
// in its main section's reading order.
type PrevNext struct {
	Prev, Next *PageView // nil at either end
}

// PrevNext returns the previous and next page in the reading order of the
// page's main section (the section the sidebar shows): the section's page,
// then each of its pages in the section's order, a subsection followed by
// its own pages; or nil when [theme] prev_next is off, or the page is in
// no section. A fallback page has its place like any page.
//
// The order is made once per section and language (Env), from the model;
// what decides the two neighbours is recorded as read: the children of
// the page and of each section from the main section down to it, and of
// each page from the previous sibling down to the previous page.
func (c *Context) PrevNext() *PrevNext {
	if !c.Site.Config().Theme.PrevNext {
		return nil
	}
	root := mainSection(c.Page)
	if root == nil {
		return nil
	}
	order := c.env.readingOrder(root.p)
	p := c.Page.p
	i, ok := order.pos[p]
	if !ok {
		return nil
	}
	c.s.read(p, "Children", "")
	for _, a := range c.Page.Ancestors()[1:] { // from the main section down; [0] is the home page
		c.s.read(a.p, "Children", "")
	}
	var pn PrevNext
	if i > 0 {
		pn.Prev = c.s.view(order.pages[i-1])
		// The previous page is the last page below the previous sibling,
		// or the parent.
		if p.Parent != nil {
			sib := p.Parent.Children()
			if j := slices.Index(sib, p); j > 0 {
				for q := sib[j-1]; q != nil; q = last(q.Children()) {
					c.s.read(q, "Children", "")
				}
			}
		}
	}
	if i+1 < len(order.pages) {
		pn.Next = c.s.view(order.pages[i+1])
	}
	if pn.Prev == nil && pn.Next == nil {
		return nil
	}
	return &pn
}

func last(ps []*pages.Page) *pages.Page {
	if len(ps) == 0 {
		return nil
	}
	return ps[len(ps)-1]
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
		for _, k := range p.Children() {
			walk(k)
		}
	}
	walk(root)
	got, _ := e.orders.LoadOrStore(root, o)
	return got.(*readingOrder)
}
