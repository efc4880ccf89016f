package build_test

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/search"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

const inspectSite = sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Se [klage](klage.md).
-- content/da/klage.md --
---
title: Klage
description: Klage.
---
Klag i tide.
-- content/da/frist.md --
---
title: Frist
description: Frist.
---
Se [klage](klage.md).
`

// TestInspectEveryConversion: an observer sees every page a Build
// converts and every page an Update converts again, with all of its text,
// and every site model resolved; the Builder then keeps the first words.
func TestInspectEveryConversion(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(inspectSite)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	var mu sync.Mutex
	var seen []string
	resolved := 0
	var texts []int
	opts := build.Options{Defaults: sitetest.Theme(), Incremental: true, Dev: true,
		Inspect: func(site *pages.Site, p *pages.Page, doc *markdown.Result, diags diag.List) {
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, p.File.Path)
			texts = append(texts, len(doc.Text))
		},
		Resolved: func(site *pages.Site, warnings diag.List) { resolved++ },
	}
	b := build.NewBuilder(fsys, opts)
	if _, err := b.Build(publish.NewMemory()); err != nil {
		t.Fatal(err)
	}
	check := func(step string, want []string, wantResolved int) {
		t.Helper()
		slices.Sort(seen)
		if !slices.Equal(seen, want) || resolved != wantResolved {
			t.Errorf("%s: inspected %v, resolved %d times; want %v, %d", step, seen, resolved, want, wantResolved)
		}
		seen = nil
	}
	check("build", []string{"content/da/_index.md", "content/da/frist.md", "content/da/klage.md"}, 1)

	long := strings.Repeat("Et ord mere i en lang side. ", 400)
	fsys["content/da/klage.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Klage\ndescription: Klage.\n---\n" + strings.Repeat(long+"\n\n", 3))}
	if _, _, err := b.Update([]string{"content/da/klage.md"}, publish.NewMemory()); err != nil {
		t.Fatal(err)
	}
	check("body edit", []string{"content/da/klage.md"}, 1)
	if texts[len(texts)-1] != 3 {
		t.Errorf("Inspect saw %d blocks of text, want all 3", texts[len(texts)-1])
	}
	// What the Builder keeps for the search index: the terms of the text
	// a search conversion keeps (its first block here), not the text.
	text, terms := build.Kept(b, "content/da/klage.md")
	if want := search.For("da").Body([]string{strings.TrimSpace(long)}, search.MaxTerms).Terms; text != 0 || terms != want {
		t.Errorf("the Builder keeps %d blocks of the page's text and the terms %.40q…, want none and %.40q…", text, terms, want)
	}

	fsys["content/da/klage.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Klage\ndescription: Klage.\nslug: klagen\n---\nKlag.\n")}
	if _, _, err := b.Update([]string{"content/da/klage.md"}, publish.NewMemory()); err != nil {
		t.Fatal(err)
	}
	check("slug: the pages linking to it convert again", []string{"content/da/_index.md", "content/da/frist.md", "content/da/klage.md"}, 2)

	delete(fsys, "content/da/frist.md")
	if _, _, err := b.Update([]string{"content/da/frist.md"}, publish.NewMemory()); err != nil {
		t.Fatal(err)
	}
	check("page removed", nil, 3)

	fsys["layouts/page.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}<h1>{{ .Page.Title }}</h1>{{ .Body }}{{ end }}`)}
	if _, _, err := b.Update([]string{"layouts/page.html"}, publish.NewMemory()); err != nil {
		t.Fatal(err)
	}
	check("layout: rendered again, not converted", nil, 4)
}
