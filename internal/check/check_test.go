package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

func run(t *testing.T, archive string) *Report {
	t.Helper()
	r, err := Run(sitetest.FS(t, []byte(archive)), build.Options{Defaults: sitetest.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func text(r *Report) string {
	var b bytes.Buffer
	r.WriteText(&b)
	return b.String()
}

// findings returns the findings as String formats them.
func findings(r *Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.String())
	}
	return out
}

const site = sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Se [æblet](b.md#æble), [fristen](c.md#frist), [b](/da/b/#æble) og [c](/da/c/#frist).
-- content/da/b.md --
---
title: B
description: Side B.
---
## Pære {#pære}
-- content/da/c.md --
---
title: C
description: Side C.
---
## Frist {#frist}
-- content/en/_index.md --
---
title: Home
description: Home.
translated_from: 000000000000
---
See [the deadline](c.md#frist).
`

// TestMarkdownLinksOnce: a link in the Markdown is judged at its line,
// never again at the rendered page: not when the anchor holds a letter
// URLs escape (issue 15), and not when it goes to a fallback page whose
// real version has the anchor.
func TestMarkdownLinksOnce(t *testing.T) {
	r := run(t, site)
	want := []string{
		`content/da/_index.md:5: error: link "/da/b/#æble": content/da/b.md has no heading or footnote with id "æble" [anchor]`,
		`content/da/_index.md:5: error: link "b.md#æble": content/da/b.md has no heading or footnote with id "æble" [anchor]`,
		`content/en/_index.md:4: warning: outdated: content/da/_index.md changed since this was translated (translated_from 000000000000, now `,
	}
	got := findings(r)
	if len(got) != len(want) {
		t.Fatalf("findings:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("finding %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

// TestLayoutLinkEveryPlace: a broken link in a layout is on every page; it
// is one finding that names every page, in the text and in JSON.
func TestLayoutLinkEveryPlace(t *testing.T) {
	base := strings.Replace(readTheme(t, "layouts/base.html"), "<main>", `<main><a href="/om-os/">Om os</a>`, 1)
	r := run(t, sitetest.Config+"-- layouts/base.html --\n"+base+`-- content/da/_index.md --
---
title: Hjem
description: Forsiden.
---
-- content/da/b.md --
---
title: B
description: Side B.
---
`)
	if len(r.Findings) != 1 {
		t.Fatalf("findings:\n%s", strings.Join(findings(r), "\n"))
	}
	f := r.Findings[0]
	pages := []string{"public/404.html", "public/da/404.html", "public/da/b/index.html", "public/da/index.html",
		"public/en/404.html", "public/en/b/index.html", "public/en/index.html", "public/index.html",
		"public/kl/404.html", "public/kl/b/index.html", "public/kl/index.html"}
	var got []string
	for _, p := range f.Places {
		got = append(got, p.Path)
	}
	if !slices.Equal(got, pages) || f.Path != pages[0] || f.Rule != "link" || f.Severity != Error {
		t.Errorf("finding %+v\nwant every page: %v", f, pages)
	}
	if want := "links to /om-os/, which the build does not write (on 11 pages: a layout may hold the link)"; f.Message != want {
		t.Errorf("message %q\nwant %q", f.Message, want)
	}
	out := text(r)
	for _, p := range pages[1:] {
		if !strings.Contains(out, "\n  also at "+p+"\n") {
			t.Errorf("text does not name %s:\n%s", p, out)
		}
	}
	var j bytes.Buffer
	if err := r.WriteJSON(&j); err != nil {
		t.Fatal(err)
	}
	var back struct{ Findings []Finding }
	if err := json.Unmarshal(j.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Findings) != 1 || len(back.Findings[0].Places) != len(pages) {
		t.Errorf("JSON findings: %s", j.String())
	}
	if r.Errors != 1 {
		t.Errorf("%d errors, want 1", r.Errors)
	}
}

func readTheme(t *testing.T, name string) string {
	t.Helper()
	a := sitetest.Theme()
	data, err := readFile(a, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestBrokenInputs: whatever fails to load, check reports it and all it
// can of the rest, without a second report of the same problem.
func TestBrokenInputs(t *testing.T) {
	tests := []struct {
		name    string
		files   string
		want    []string // prefixes of findings, in order
		table   bool     // a translation table is expected
		unknown bool     // the config fails: no model at all
	}{
		{
			name:  "layout",
			files: "-- layouts/page.html --\n{{ if }}\n",
			want:  []string{"layouts/page.html:1: error: "},
			table: true,
		},
		{
			name:  "UI strings",
			files: "-- i18n/da.toml --\nx = [\n",
			want:  []string{"i18n/da.toml:"},
			table: true,
		},
		{
			name: "section only a draft",
			files: `-- content/da/nyt/_index.md --
---
title: Nyt
description: Nyt.
draft: true
---
-- content/da/nyt/b.md --
---
title: Ny
description: Ny.
---
`,
			want:  []string{"content/da/nyt/b.md:1: error: folder nyt/ has its _index.md only as a draft"},
			table: true,
		},
		{
			name:  "config",
			files: "-- sitegen.toml --\nbase_url = 1\n",
			want:  []string{"sitegen.toml:"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := sitetest.Config
			if strings.Contains(tt.files, "-- sitegen.toml --") {
				config = ""
			}
			r := run(t, config+`-- content/da/_index.md --
---
title: Hjem
description: Forsiden.
---
`+strings.Repeat("Her er en side med ord. ", 17)+"\n"+tt.files)
			got := findings(r)
			if len(got) != len(tt.want) {
				t.Fatalf("findings:\n%s\nwant %d", strings.Join(got, "\n"), len(tt.want))
			}
			for i := range tt.want {
				if !strings.HasPrefix(got[i], tt.want[i]) || !strings.Contains(got[i], "[build]") {
					t.Errorf("finding %q, want %q... [build]", got[i], tt.want[i])
				}
			}
			if (r.Translations != nil) != tt.table {
				t.Errorf("translation table: %v, want %v", r.Translations != nil, tt.table)
			}
			if tt.table && (len(r.Readability) != 1 || r.Pages != 1) {
				t.Errorf("readability %v over %d pages, want the home page", r.Readability, r.Pages)
			}
			if r.Errors == 0 {
				t.Error("no errors counted")
			}
		})
	}
}

func readFile(fsys fs.FS, name string) ([]byte, error) { return fs.ReadFile(fsys, name) }

// TestMissingDescription: a page without a description builds (pages
// brought from other generators often have none: 91 of a real handbook's
// 113), and check warns once, with every file.
func TestMissingDescription(t *testing.T) {
	r := run(t, sitetest.Config+`-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/da/a.md --
---
title: A
---
Tekst.
-- content/da/b.md --
---
title: B
description: ""
---
Tekst.
`)
	var got []string
	for _, f := range r.Findings {
		if f.Rule == "description" || f.Rule == "build" || f.Rule == "duplicate-description" {
			got = append(got, f.String())
		}
	}
	want := []string{
		"content/da/a.md:1: warning: no description: listings, search results and search engines show none; add description: with one sentence about the page [description]\n  also at content/da/b.md:1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLayoutLinkSlashless (FIX4): a layout's link to a page without its
// final slash works through the host's redirect: one warning that names
// the URL to write and every page, not a broken link; its #fragment is
// still checked against the page.
func TestLayoutLinkSlashless(t *testing.T) {
	base := strings.Replace(readTheme(t, "layouts/base.html"), "<main>", `<main><a href="/da/b">B</a><a href="/da/b#nej">B</a>`, 1)
	r := run(t, sitetest.Config+"-- layouts/base.html --\n"+base+`-- content/da/_index.md --
---
title: Hjem
description: Forsiden.
---
-- content/da/b.md --
---
title: B
description: Side B.
---
`)
	var got []string
	for _, f := range r.Findings {
		got = append(got, fmt.Sprintf("%s %s (%d places)", f.Severity, f.Message, len(f.Places)))
	}
	want := []string{
		`error links to /da/b#nej, whose page has no id "nej" (on 11 pages: a layout may hold the link) (11 places)`,
		`warning links to /da/b, a folder without its final slash: hosts answer with a redirect to /da/b/; link to that (on 11 pages: a layout may hold the link) (11 places)`,
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.Errors != 1 || r.Warnings != 1 {
		t.Errorf("%d errors, %d warnings; want 1 and 1", r.Errors, r.Warnings)
	}
}
