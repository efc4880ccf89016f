package build_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// listingSite is a blog in Danish and Arabic with full-text feeds, tags
// and listings of two pages a page.
const listingSite = `-- sitegen.toml --
base_url = "https://example.org/"
taxonomies = ["tags"]
[[languages]]
code = "da"
name = "Dansk"
[[languages]]
code = "ar"
name = "العربية"
[feeds]
full_text = true
[pagination]
page_size = 2
-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/ar/_index.md --
---
title: الرئيسية
description: الصفحة الرئيسية.
---
-- content/da/nyt/_index.md --
---
title: Nyt
description: Nyheder.
---
-- content/da/nyt/a.md --
---
title: A
description: Første.
date: 2023-06-01
tags: [MitID]
---
Tekst A.
-- content/da/nyt/b.md --
---
title: B
description: Anden.
date: 2023-10-31
tags: [MitID, NemID]
---
Tekst B.
-- content/ar/nyt/b.md --
---
title: ب
description: الثاني.
date: 2023-10-31
tags: [MitID]
---
نص.
`

// TestUpdateListings edits dates, terms and bodies of dated pages and
// checks after each step that sitegen serve's incremental output equals
// a fresh full build: listings in date order, their numbered pages, term
// pages and the full-text feeds (issue 26).
func TestUpdateListings(t *testing.T) {
	fsys := mapFS(listingSite)
	opts := build.Options{Defaults: theme.FS(), Incremental: true, Dev: true, Drafts: true}
	b := build.NewBuilder(fsys, opts)
	staging := publish.NewMemory()
	if _, err := b.Build(staging); err != nil {
		t.Fatal(err)
	}
	out := store{}
	for n, d := range staging.Files() {
		out[n] = d
	}
	page := func(name, date, tags, body string) string {
		return fmt.Sprintf("---\ntitle: %s\ndescription: Om %s.\ndate: %s\ntags: [%s]\n---\n%s\n", name, name, date, tags, body)
	}
	edit := func(p, data string) {
		if data == "" {
			delete(fsys, p)
		} else {
			fsys[p] = &fstest.MapFile{Data: []byte(data)}
		}
	}
	steps := []struct {
		name   string
		change func()
		paths  []string
		want   []string // files the step must write
	}{
		{"body of a dated page: the full-text feeds", func() { edit("content/da/nyt/a.md", page("A", "2023-06-01", "MitID", "Ny tekst A.")) },
			[]string{"content/da/nyt/a.md"}, []string{"da/nyt/a/index.html", "da/atom.xml", "da/nyt/atom.xml", "da/tags/mitid/atom.xml"}},
		{"a third page splits the listing", func() { edit("content/da/nyt/c.md", page("C", "2024-01-02", "NemID", "Tekst C.")) },
			[]string{"content/da/nyt/c.md"}, []string{"da/nyt/page/2/index.html", "da/tags/nemid/index.html"}},
		{"a date moves a page to page 2", func() { edit("content/da/nyt/c.md", page("C", "2020-01-02", "NemID", "Tekst C.")) },
			[]string{"content/da/nyt/c.md"}, []string{"da/nyt/index.html", "da/nyt/page/2/index.html"}},
		{"new term", func() { edit("content/da/nyt/c.md", page("C", "2020-01-02", "NemID, Digital Post", "Tekst C.")) },
			[]string{"content/da/nyt/c.md"}, []string{"da/tags/digital-post/index.html", "ar/tags/digital-post/index.html"}},
		{"sort_by title", func() {
			edit("content/da/nyt/_index.md", "---\ntitle: Nyt\ndescription: Nyheder.\nsort_by: title\n---\n")
		},
			[]string{"content/da/nyt/_index.md"}, []string{"da/nyt/index.html"}},
		{"page removed: one page again", func() { edit("content/da/nyt/c.md", "") },
			[]string{"content/da/nyt/c.md"}, []string{"da/nyt/index.html"}},
		{"term gone", func() { edit("content/da/nyt/b.md", page("B", "2023-10-31", "MitID", "Tekst B.")) },
			[]string{"content/da/nyt/b.md"}, nil},
	}
	for _, st := range steps {
		st.change()
		staging := publish.NewMemory()
		_, ch, err := b.Update(st.paths, staging)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		out.apply(staging, ch)
		for _, w := range st.want {
			if _, ok := staging.Files()[w]; !ok {
				t.Errorf("%s: did not write %s (wrote %s)", st.name, w, strings.Join(ch.Written, " "))
			}
		}
		fresh := sitetest.BuildFS(t, fsys, build.Options{Defaults: theme.FS(), Dev: true, Drafts: true})
		if fresh.Result == nil {
			t.Fatalf("%s: fresh build failed: %s", st.name, fresh.Stderr())
		}
		compare(t, st.name, out, fresh.Files)
	}
}
