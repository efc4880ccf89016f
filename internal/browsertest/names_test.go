package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// An axNode is a node of the browser's accessibility tree: what a screen
// reader is told.
type axNode struct {
	Role, Name string
	Props      map[string]string // expanded, current, ...
}

func (n axNode) String() string { return n.Role + " " + fmt.Sprintf("%q", n.Name) }

// axTree returns the accessibility tree of the page in the tab, without
// the nodes the browser ignores, in document order.
func (b *tab) axTree(t *testing.T) []axNode {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	res, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatalf("reading the accessibility tree: %v", err)
	}
	str := func(v *accessibility.Value) string {
		if v == nil || len(v.Value) == 0 {
			return ""
		}
		var s any
		if json.Unmarshal([]byte(v.Value), &s) != nil {
			return string(v.Value)
		}
		return fmt.Sprint(s)
	}
	var nodes []axNode
	for _, n := range res.Nodes {
		if n.Ignored {
			continue
		}
		an := axNode{Role: str(n.Role), Name: str(n.Name), Props: map[string]string{}}
		for _, p := range n.Properties {
			an.Props[string(p.Name)] = str(p.Value)
		}
		nodes = append(nodes, an)
	}
	return nodes
}

// checkNames loads the page at url, a page in lang with highlighted code,
// a disclosure, footnotes and a task list (and, when sidebar is set, the
// section sidebar and previous/next links), and checks in the
// accessibility tree what a screen reader says of each: the names come
// from the UI strings of lang, and no task is a checkbox.
func (b *tab) checkNames(t *testing.T, url, lang string, sidebar bool) {
	t.Helper()
	b.load(t, url)
	nodes := b.axTree(t)
	tr := func(id string, args ...any) string {
		s, err := b.site.catalog.T(lang, id, args...)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	has := func(what string, ok func(axNode) bool) {
		t.Helper()
		if !slices.ContainsFunc(nodes, ok) {
			var all []string
			for _, n := range nodes {
				if n.Name != "" {
					all = append(all, n.String())
				}
			}
			t.Errorf("%s: no %s in the accessibility tree; it has:\n%s", url, what, strings.Join(all, "\n"))
		}
	}
	is := func(role, name string) func(axNode) bool {
		return func(n axNode) bool { return n.Role == role && n.Name == name }
	}
	link := func(name string) func(axNode) bool {
		return func(n axNode) bool {
			return (n.Role == "link" || strings.HasPrefix(n.Role, "doc-")) && n.Name == name
		}
	}
	ref := tr("footnote_ref", "Number", 1)
	has(fmt.Sprintf("link %q to the first footnote", ref), link(ref))
	// A note referred to more than once has a link back to each
	// reference, each numbered: "Back to the text 2" (markdown's
	// footnotes).
	back := tr("footnote_back")
	has(fmt.Sprintf("link %q back from a footnote", back), func(n axNode) bool {
		return link(back)(n) || link(n.Name)(n) && strings.HasPrefix(n.Name, back+" ")
	})
	has(fmt.Sprintf("heading %q above the footnotes", tr("footnotes_title")), is("heading", tr("footnotes_title")))
	has(fmt.Sprintf("group %q, a block of code", tr("code_label")), is("group", tr("code_label")))
	has("closed disclosure", func(n axNode) bool { return n.Role == "DisclosureTriangle" && n.Props["expanded"] == "false" })
	for _, n := range nodes {
		if n.Role == "checkbox" {
			t.Errorf("%s: a checkbox %q: a task list item must not be a form control", url, n.Name)
		}
	}
	if sidebar {
		has(fmt.Sprintf("navigation %q, the sidebar", tr("sidebar_label")), is("navigation", tr("sidebar_label")))
		has(fmt.Sprintf("navigation %q", tr("pager_label")), is("navigation", tr("pager_label")))
		if got, want := eval[string](t, b.ctx, `() => { const a = document.querySelector('.sidebar__nav a[aria-current="page"]'); return a ? a.textContent : ''; }`, nil),
			eval[string](t, b.ctx, `() => document.querySelector('main h1').textContent`, nil); got != want {
			t.Errorf("%s: the sidebar marks %q as the current page, want %q", url, got, want)
		}
	}

	// The disclosures open from the keyboard, and what they hold is then
	// in the tree: the task lists' words among it.
	run(t, b.ctx, press("main details.disclosure > summary", kb.Enter))
	nodes = b.axTree(t)
	has("open disclosure", func(n axNode) bool { return n.Role == "DisclosureTriangle" && n.Props["expanded"] == "true" })
	has(fmt.Sprintf("text %q before a task that is done", tr("task_done")), is("StaticText", tr("task_done")))
	has(fmt.Sprintf("text %q before a task that is not", tr("task_todo")), is("StaticText", tr("task_todo")))
}
