package build_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/render"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// sidebarSite is a site with the sidebar and previous/next links on and a
// section of n pages, "side-001" ... in order of weight.
func sidebarSite(n int) fstest.MapFS {
	fsys := mapFS(`-- sitegen.toml --
base_url = "https://example.org/"
[[languages]]
code = "da"
name = "Dansk"
[[languages]]
code = "en"
name = "English"
[theme]
sidebar = true
prev_next = true
-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/da/arkiv/_index.md --
---
title: Arkiv
description: Mange sider.
---
-- content/en/_index.md --
---
title: Home
description: Home.
---
`)
	for i := 1; i <= n; i++ {
		fsys[fmt.Sprintf("content/da/arkiv/side-%03d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: Side %d\ndescription: Side nummer %d.\nweight: %d\n---\nTekst.\n", i, i, i)}
	}
	return fsys
}

var (
	sidebarNav = regexp.MustCompile(`(?s)<nav class="sidebar__nav"[^>]*>(.*?)</nav>`)
	navLink    = regexp.MustCompile(`<a href="([^"]*)"([^>]*)>`)
)

// sidebarLinks returns the links of a page's sidebar, each as its URL and,
// when it has one, " current=<value>".
func sidebarLinks(t *testing.T, page []byte) []string {
	t.Helper()
	m := sidebarNav.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no sidebar in\n%s", page)
	}
	var links []string
	for _, l := range navLink.FindAllSubmatch(m[1], -1) {
		s := string(l[1])
		if c := regexp.MustCompile(`aria-current="(\w+)"`).FindSubmatch(l[2]); c != nil {
			s += " current=" + string(c[1])
		}
		links = append(links, s)
	}
	return links
}

// TestSidebarLargeSection: issue 26's long lists. A section of more pages
// than render.SidebarMax shows, on each page, the part of its list that
// holds the page and a link to the section, which lists them all; each
// page is marked on its own page only, though the parts are rendered once
// and shared.
func TestSidebarLargeSection(t *testing.T) {
	const n = 120
	s := sitetest.BuildFS(t, sidebarSite(n), build.Options{Defaults: theme.FS()})
	if s.Result == nil {
		t.Fatal(s.Stderr())
	}
	for _, tt := range []struct {
		page        int // 0: the section's own page
		first, last int // the part of the list shown
	}{
		{0, 1, render.SidebarMax},
		{1, 1, render.SidebarMax},
		{render.SidebarMax, 1, render.SidebarMax},
		{render.SidebarMax + 1, render.SidebarMax + 1, 2 * render.SidebarMax},
		{75, render.SidebarMax + 1, 2 * render.SidebarMax},
		{n, 2*render.SidebarMax + 1, n},
	} {
		url, name := "/da/arkiv/", "da/arkiv/index.html"
		if tt.page > 0 {
			url = fmt.Sprintf("/da/arkiv/side-%03d/", tt.page)
			name = strings.TrimPrefix(url, "/") + "index.html"
		}
		want := []string{"/da/arkiv/ current=true"}
		if tt.page == 0 {
			want[0] = "/da/arkiv/ current=page"
		}
		for i := tt.first; i <= tt.last; i++ {
			l := fmt.Sprintf("/da/arkiv/side-%03d/", i)
			if i == tt.page {
				l += " current=page"
			}
			want = append(want, l)
		}
		want = append(want, "/da/arkiv/") // "120 sider i dette afsnit"
		got := sidebarLinks(t, s.Files[name])
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: sidebar links\n%s\nwant\n%s", url, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	s.AssertFile(t, "da/arkiv/side-075/index.html",
		`<li class="sidebar__more"><a href="/da/arkiv/">120 sider i dette afsnit</a></li>`,
		`<a class="pager__link pager__link--prev" href="/da/arkiv/side-074/" rel="prev">`,
		`<a class="pager__link pager__link--next" href="/da/arkiv/side-076/" rel="next">`)
	// The English fallback pages have the same tree, in English.
	s.AssertFile(t, "en/arkiv/side-075/index.html", `<li><a href="/en/arkiv/side-075/" aria-current="page" lang="da">Side 75</a></li>`,
		`<a href="/en/arkiv/">120 pages in this section</a>`)
}

// TestSidebarUpdate: sitegen serve renders again the pages whose sidebar
// or previous/next links show a page whose title changed, and what it
// writes equals a fresh build.
func TestSidebarUpdate(t *testing.T) {
	fsys := sidebarSite(3)
	opts := build.Options{Defaults: theme.FS(), Incremental: true, Dev: true}
	b := build.NewBuilder(fsys, opts)
	out := store{}
	staging := publish.NewMemory()
	if _, err := b.Build(staging); err != nil {
		t.Fatal(err)
	}
	for n, d := range staging.Files() {
		out[n] = d
	}
	fsys["content/da/arkiv/side-003.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Sidste side\ndescription: Side nummer 3.\nweight: 3\n---\nTekst.\n")}
	staging = publish.NewMemory()
	_, ch, err := b.Update([]string{"content/da/arkiv/side-003.md"}, staging)
	if err != nil {
		t.Fatal(err)
	}
	out.apply(staging, ch)
	for _, n := range []string{"da/arkiv/side-001/index.html", "da/arkiv/side-002/index.html", "en/arkiv/side-002/index.html"} {
		if !strings.Contains(string(out[n]), "Sidste side") {
			t.Errorf("%s does not show the new title: not rendered again", n)
		}
	}
	fresh := sitetest.BuildFS(t, fsys, build.Options{Defaults: theme.FS(), Dev: true})
	compare(t, "title in the sidebar", out, fresh.Files)
}

// TestPrevNextUpdate: with the previous/next links alone ([theme]
// prev_next, no sidebar, whose reads of the sections would hide a miss),
// sitegen serve renders again the pages whose neighbours an edit moved,
// though nothing else on them changed: the page after a subsection gets a
// new previous page when a page is added at the subsection's end, or its
// pages change order; the last page of a subsection a new next page when
// a page is added after the subsection. Each time the output equals a
// fresh build.
func TestPrevNextUpdate(t *testing.T) {
	page := func(title string, weight int) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: %s\ndescription: Om %s.\nweight: %d\n---\nTekst.\n", title, title, weight))}
	}
	fsys := fstest.MapFS{
		"sitegen.toml":                 {Data: []byte("base_url = \"https://example.org/\"\n[theme]\nprev_next = true\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n[[languages]]\ncode = \"en\"\nname = \"English\"\n")},
		"content/da/_index.md":         page("Forside", 0),
		"content/da/guide/_index.md":   page("Guide", 1),
		"content/da/guide/a/_index.md": page("Del A", 1),
		"content/da/guide/a/a1.md":     page("A1", 1),
		"content/da/guide/a/a2.md":     page("A2", 2),
		"content/da/guide/b.md":        page("B", 3),
	}
	opts := build.Options{Defaults: theme.FS(), Incremental: true, Dev: true}
	b := build.NewBuilder(fsys, opts)
	out := store{}
	staging := publish.NewMemory()
	if _, err := b.Build(staging); err != nil {
		t.Fatal(err)
	}
	for n, d := range staging.Files() {
		out[n] = d
	}
	for _, c := range []struct {
		name string
		file string
		data *fstest.MapFile
		page string // a page whose links must change
		want string // the link it must show
	}{
		{"a page added at the subsection's end", "content/da/guide/a/a3.md", page("A3", 3), "da/guide/b/index.html", `href="/da/guide/a/a3/" rel="prev"`},
		{"the subsection's pages reordered", "content/da/guide/a/a3.md", page("A3", -1), "da/guide/b/index.html", `href="/da/guide/a/a2/" rel="prev"`},
		{"a page added after the subsection", "content/da/guide/c.md", page("C", 2), "da/guide/a/a2/index.html", `href="/da/guide/c/" rel="next"`},
	} {
		fsys[c.file] = c.data
		staging = publish.NewMemory()
		_, ch, err := b.Update([]string{c.file}, staging)
		if err != nil {
			t.Fatal(err)
		}
		out.apply(staging, ch)
		if !strings.Contains(string(out[c.page]), c.want) {
			t.Errorf("%s: %s has no %s", c.name, c.page, c.want)
		}
		fresh := sitetest.BuildFS(t, fsys, build.Options{Defaults: theme.FS(), Dev: true})
		compare(t, c.name, out, fresh.Files)
	}
}
