package xliff

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/content"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// frontSources are default-language pages with every front matter field
// sitegen reads, and one it does not (toc), in YAML and TOML, one with a
// slug and aliases and one with a url.
var frontSources = map[string]string{
	"yaml-slug.md": `---
title: Post
description: A post.
link_title: Short
summary: What the post says.
slug: my-post
weight: 3
menu:
  main:
    weight: 2
    identifier: post
date: 2026-01-01
publishDate: 2026-01-01T09:30:00+01:00
lastmod: 2026-02-01
updated: 2026-02-02
expiry_date: 2030-01-01
tags: [go, xliff]
categories:
  - howto
aliases: [/en/old-post/]
translation_key: post
layout: wide
sort_by: date
page_size: 5
draft: false
toc: true # another generator's field
params:
  icon: star
  list: [1, 2]
---

Text.
`,
	"yaml-url.md": `---
title: Docs
url: /en/docs/x/
date: 2026-01-01
tags: go
---

Text.
`,
	"toml-slug.md": `+++
title = "Post"
description = "A post."
linkTitle = "Short"
slug = "my-post"
weight = 3
date = 2026-01-01
publishDate = 2026-01-01T09:30:00+01:00
lastmod = 2026-02-01
tags = ["go", "xliff"]
categories = ["howto"]
aliases = ["/en/old-post/"]
translationKey = "post"
menu = ["main", "footer"]
toc = true

[params]
icon = "star"
+++

Text.
`,
	"toml-url.md": `+++
title = "Docs"
path = "docs/x"
date = 2026-01-01
+++

Text.
`,
}

// TestNewTranslationFront: a new translation starts from its source's
// front matter as written, with the title, description, link_title and
// summary translated (each where the source has it, under its name),
// translated_from set (and needs_review not, as every unit is final), and the fields of the source's
// language changed as langFields says. The goldens are in
// testdata/front.
func TestNewTranslationFront(t *testing.T) {
	for name, src := range frontSources {
		t.Run(name, func(t *testing.T) {
			f, diags := content.Parse("content/en/"+name, []byte(src), "tags", "categories")
			if f == nil || diags.HasErrors() {
				t.Fatalf("the source does not read: %v", diags)
			}
			x, err := Export(Request{Lang: "de", Source: f, SourceData: []byte(src), Target: "content/de/" + name, Tool: "test"})
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(fill(x, func(_, s string) string { return upper(s) }), Options{Current: noFile})
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata/front", strings.TrimSuffix(name, ".md")+".golden")
			if *update {
				if err := os.WriteFile(golden, res.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(res.Data) != string(want) {
				t.Errorf("content/de/%s:\n%s\nwant\n%s", name, res.Data, want)
			}
			got, diags := content.Parse(res.Path, res.Data, "tags", "categories")
			if got == nil || diags.HasErrors() {
				t.Fatalf("the translation does not read: %v", diags)
			}
			m, g := f.Meta, got.Meta
			if !g.Date.Equal(m.Date) || !g.PublishDate().Equal(m.PublishDate()) || !g.Updated.Equal(m.Updated) || !g.ExpiryDate().Equal(m.ExpiryDate()) {
				t.Errorf("dates %v %v %v %v, want the source's %v %v %v %v", g.Date, g.PublishDate(), g.Updated, g.ExpiryDate(), m.Date, m.PublishDate(), m.Updated, m.ExpiryDate())
			}
			for tax, terms := range m.Terms {
				if !slices.Equal(g.Terms[tax], terms) {
					t.Errorf("%s: %q, want the source's %q", tax, g.Terms[tax], terms)
				}
			}
			if g.Weight != m.Weight || !slices.Equal(g.Menus, m.Menus) || g.Layout() != m.Layout() || g.TranslationKey != m.TranslationKey || g.Draft != m.Draft {
				t.Errorf("weight, menu, layout, translation_key or draft not the source's: %+v", g)
			}
			if g.Title != strings.ToUpper(m.Title) || g.TranslatedFrom != f.SourceHash() || g.NeedsReview {
				t.Errorf("title %q, translated_from %q, needs_review %v", g.Title, g.TranslatedFrom, g.NeedsReview)
			}
			if g.Slug != "" || len(g.Aliases()) > 0 {
				t.Errorf("slug %q, aliases %v: the source's language's, want none", g.Slug, g.Aliases())
			}
			if g.LinkTitle != strings.ToUpper(m.LinkTitle) || g.Summary != strings.ToUpper(m.Summary) {
				t.Errorf("link_title %q, summary %q, want the source's translated: %q, %q", g.LinkTitle, g.Summary, strings.ToUpper(m.LinkTitle), strings.ToUpper(m.Summary))
			}
			if g, m := strings.TrimPrefix(g.URL, "de/"), strings.TrimPrefix(m.URL, "en/"); g != m {
				t.Errorf("url %q, want %q: where the fallback page stood", g, m)
			}
		})
	}
}
