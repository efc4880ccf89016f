package build_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

const updateSite = sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Se [klage](klage.md) og [biblioteket](hjaelp/bibliotek.md).
-- content/en/_index.md --
---
title: Home
description: Home.
---
See [complaints](klage.md).
-- content/da/klage.md --
---
title: Klage
description: Sådan klager du.
menu: main
weight: 1
---
Klag i tide.
-- content/da/hjaelp/_index.md --
---
title: Hjælp
description: Hjælp.
menu: main
weight: 2
---
-- content/en/hjaelp/_index.md --
---
title: Help
description: Help.
slug: help
---
-- content/da/hjaelp/bibliotek.md --
---
title: Bibliotek
description: Biblioteket.
---
Tilbage til [klage](../klage.md).
-- content/en/hjaelp/bibliotek.md --
---
title: Library
description: The library.
---
-- content/da/soeg.md --
---
title: Søg
description: Søg på siden.
layout: search
---
-- layouts/search.html --
{{ define "main" }}<h1>{{ .Page.Title }}</h1>
{{ with .Asset (printf "search/%s.json" .Page.Lang.Code) }}<form data-index="{{ .URL }}"></form>{{ else }}<p>no index</p>{{ end }}
{{ end }}
`

// mapFS returns the archive's files as a MapFS the test can edit.
func mapFS(archive string) fstest.MapFS {
	m := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return m
}

// store applies Changes the way sitegen serve does.
type store map[string][]byte

func (s store) apply(staging *publish.Memory, ch *build.Changes) {
	for _, n := range ch.Written {
		s[n] = staging.Files()[n]
	}
	for _, n := range ch.Removed {
		delete(s, n)
	}
}

// themes are the layouts the update tests build with: the small test
// theme, the built-in theme (menus, footer, language switcher, search
// link, breadcrumbs, listings with dates) and layouts that read every
// field of every page they reach (sitetest.Nosy). limits says whether
// small edits must render few pages: with Nosy, every page shows its
// neighbours' files whole.
var themes = []struct {
	name     string
	defaults func() fs.FS
	limits   bool
}{
	{"test", sitetest.Theme, true},
	{"builtin", theme.FS, true},
	{"nosy", sitetest.Nosy, false},
}

// TestUpdateMatchesBuild edits a site step by step and checks after each
// step that the incrementally updated output equals a fresh full build,
// and that small edits render only what they must.
func TestUpdateMatchesBuild(t *testing.T) {
	for _, th := range themes {
		t.Run(th.name, func(t *testing.T) { testUpdateMatchesBuild(t, th.defaults(), th.limits) })
	}
}

func testUpdateMatchesBuild(t *testing.T, defaults fs.FS, limits bool) {
	fsys := mapFS(updateSite)
	opts := build.Options{Defaults: defaults, Incremental: true, Dev: true, Drafts: true}
	b := build.NewBuilder(fsys, opts)
	out := store{}
	staging := publish.NewMemory()
	res, err := b.Build(staging)
	if err != nil {
		t.Fatal(err)
	}
	_, ch, _ := b.Update(nil, staging) // no-op: nothing changed
	_ = ch
	for n, d := range staging.Files() {
		out[n] = d
	}
	_ = res

	edit := func(p, data string) {
		if data == "" {
			delete(fsys, p)
		} else {
			fsys[p] = &fstest.MapFile{Data: []byte(data)}
		}
	}
	steps := []struct {
		name     string
		change   func()
		paths    []string
		maxPages int    // at most this many pages rendered (0: no limit)
		wantErr  string // the update must fail with this
	}{
		{"body edit", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: Sådan klager du.\nmenu: main\nweight: 1\n---\nKlag hurtigt.\n")
		}, []string{"content/da/klage.md"}, 1, ""},
		{"date edit", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: Sådan klager du.\nmenu: main\nweight: 1\nupdated: 2026-01-02\n---\nKlag hurtigt.\n")
		}, []string{"content/da/klage.md"}, 1, ""},
		{"title of a section", func() {
			edit("content/en/hjaelp/_index.md", "---\ntitle: Getting help\ndescription: Help.\nslug: help\n---\n")
		}, []string{"content/en/hjaelp/_index.md"}, 0, ""},
		{"new translation with a slug", func() {
			edit("content/kl/klage.md", "---\ntitle: Naammagittaalliuut\ndescription: kl.\nslug: naammagittaalliuut\n---\nkl [aallaqqaasiut](_index.md).\n")
		}, []string{"content/kl/klage.md"}, 0, ""},
		{"section slug moves its children", func() {
			edit("content/en/hjaelp/_index.md", "---\ntitle: Getting help\ndescription: Help.\nslug: support\n---\n")
		}, []string{"content/en/hjaelp/_index.md"}, 0, ""},
		{"page removed", func() { edit("content/en/hjaelp/bibliotek.md", "") }, []string{"content/en/hjaelp/bibliotek.md"}, 0, ""},
		{"broken front matter", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: [\n---\n")
		}, []string{"content/da/klage.md"}, 0, "content/da/klage.md:3"},
		{"another edit while broken", func() {
			edit("content/da/hjaelp/bibliotek.md", "---\ntitle: Biblioteket\ndescription: Biblioteket.\n---\nNy tekst.\n")
		}, []string{"content/da/hjaelp/bibliotek.md"}, 0, "content/da/klage.md:3"},
		{"fixed", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: Sådan klager du.\nmenu: main\nweight: 1\n---\nKlag nu.\n")
		}, []string{"content/da/klage.md"}, 0, ""},
		{"draft", func() {
			edit("content/da/hjaelp/bibliotek.md", "---\ntitle: Biblioteket\ndescription: Biblioteket.\ndraft: true\n---\nNy tekst.\n")
		}, []string{"content/da/hjaelp/bibliotek.md"}, 0, ""},
		{"layout", func() {
			edit("layouts/page.html", "{{ define \"main\" }}<h1 class=\"new\">{{ .Page.Title }}</h1>\n{{ .Body }}{{ end }}\n")
		}, []string{"layouts/page.html"}, 0, ""},
		{"ui string", func() {
			edit("i18n/en.toml", "missing = \"not in English\"\n")
		}, []string{"i18n/en.toml"}, 0, ""},
		{"stylesheet", func() { edit("static/site.css", "body{color:red}") }, []string{"static/site.css"}, 0, ""},
		{"new page in a new folder", func() {
			edit("content/da/ny/_index.md", "---\ntitle: Ny\ndescription: Ny.\n---\n")
			edit("content/da/ny/side.md", "---\ntitle: Side\ndescription: Side.\n---\n[klage](../klage.md)\n")
		}, []string{"content/da/ny"}, 0, ""},
		{"alert label", func() { edit("i18n/da.toml", "alert_note = \"Bemærk\"\n") }, []string{"i18n/da.toml"}, 0, ""},
		{"alert and heading in a body", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: Sådan klager du.\nmenu: main\nweight: 1\n---\n> [!NOTE]\n> Klag nu.\n\n## Main\n")
		}, []string{"content/da/klage.md"}, 1, ""},
		{"alert label changed", func() { edit("i18n/da.toml", "alert_note = \"NB\"\n") }, []string{"i18n/da.toml"}, 0, ""},
		{"layout with the id of a heading", func() {
			edit("layouts/page.html", "{{ define \"main\" }}<h1 id=\"main\">{{ .Page.Title }}</h1>\n{{ .Body }}{{ end }}\n")
		}, []string{"layouts/page.html"}, 0, ""},
		{"translation key pairs a file of another name", func() {
			edit("content/en/complaints.md", "---\ntitle: Complaints\ndescription: en.\ntranslation_key: klage.md\n---\nBack [home](_index.md).\n")
		}, []string{"content/en/complaints.md"}, 0, ""},
		{"translation key changed", func() {
			edit("content/en/complaints.md", "---\ntitle: Complaints\ndescription: en.\ntranslation_key: other\n---\nBack [home](_index.md).\n")
		}, []string{"content/en/complaints.md"}, 0, ""},
		{"translation key on both sides", func() {
			edit("content/en/complaints.md", "---\ntitle: Complaints\ndescription: en.\ntranslationKey: complaints\n---\nBack [home](_index.md).\n")
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: Sådan klager du.\nmenu: main\nweight: 1\ntranslation_key: complaints\n---\nKlag nu.\n")
		}, []string{"content/en/complaints.md", "content/da/klage.md"}, 0, "content/kl/klage.md:1: has no translation_key"},
		{"and on the third", func() {
			edit("content/kl/klage.md", "---\ntitle: Naammagittaalliuut\ndescription: kl.\nslug: naammagittaalliuut\ntranslation_key: complaints\n---\nkl [aallaqqaasiut](_index.md).\n")
		}, []string{"content/kl/klage.md"}, 0, ""},
		{"file beside a page", func() {
			edit("content/da/hjaelp/brev.svg", `<svg width="40" height="20"/>`)
			edit("content/da/hjaelp/bibliotek.md", "---\ntitle: Biblioteket\ndescription: Biblioteket.\n---\n![Brevet](brev.svg)\n")
		}, []string{"content/da/hjaelp/brev.svg", "content/da/hjaelp/bibliotek.md"}, 0, ""},
		{"file changed", func() {
			edit("content/da/hjaelp/brev.svg", `<svg width="400" height="200"/>`)
		}, []string{"content/da/hjaelp/brev.svg"}, 0, ""},
		{"file moves with its section's slug", func() {
			edit("content/da/hjaelp/_index.md", "---\ntitle: Hjælp\ndescription: Hjælp.\nmenu: main\nweight: 2\nslug: hjalp\n---\n")
		}, []string{"content/da/hjaelp/_index.md"}, 0, ""},
		{"file removed", func() { edit("content/da/hjaelp/brev.svg", "") }, []string{"content/da/hjaelp/brev.svg"}, 0, "brev.svg"},
		{"file back", func() {
			edit("content/da/hjaelp/brev.svg", `<svg width="4" height="2"/>`)
		}, []string{"content/da/hjaelp/brev.svg"}, 0, ""},
		{"links as URLs", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: Sådan klager du.\nmenu: main\nweight: 1\ntranslation_key: complaints\n---\nSe [hjælp](../hjalp/) og [biblioteket](/da/hjalp/bibliotek/).\n")
		}, []string{"content/da/klage.md"}, 1, ""},
		{"a URL link breaks when the slug changes", func() {
			edit("content/da/hjaelp/_index.md", "---\ntitle: Hjælp\ndescription: Hjælp.\nmenu: main\nweight: 2\n---\n")
		}, []string{"content/da/hjaelp/_index.md"}, 0, "no page or file has the URL /da/hjalp/"},
		{"and works when it is back", func() {
			edit("content/da/hjaelp/_index.md", "---\ntitle: Hjælp\ndescription: Hjælp.\nmenu: main\nweight: 2\nslug: hjalp\n---\n")
		}, []string{"content/da/hjaelp/_index.md"}, 0, ""},
		{"link to an old URL", func() {
			edit("content/da/hjaelp/bibliotek.md", "---\ntitle: Biblioteket\ndescription: Biblioteket.\naliases: [/da/gammelt-bibliotek/]\n---\n![Brevet](brev.svg)\n")
			edit("content/en/complaints.md", "---\ntitle: Complaints\ndescription: en.\ntranslationKey: complaints\n---\nBack [home](_index.md), [the library](/da/gammelt-bibliotek/).\n")
		}, []string{"content/da/hjaelp/bibliotek.md", "content/en/complaints.md"}, 0, ""},
		{"old URL gone", func() {
			edit("content/da/hjaelp/bibliotek.md", "---\ntitle: Biblioteket\ndescription: Biblioteket.\n---\n![Brevet](brev.svg)\n")
		}, []string{"content/da/hjaelp/bibliotek.md"}, 0, "no page or file has the URL /da/gammelt-bibliotek/"},
		{"link fixed", func() {
			edit("content/en/complaints.md", "---\ntitle: Complaints\ndescription: en.\ntranslationKey: complaints\n---\nBack [home](_index.md), [the library](/da/hjalp/bibliotek/).\n")
		}, []string{"content/en/complaints.md"}, 0, ""},
		{"a slash-less URL read as Docusaurus reads it", func() {
			edit("content/da/hjaelp/bibliotek.md", "---\ntitle: Biblioteket\ndescription: Biblioteket.\n---\n![Brevet](brev.svg) [klage](../klage)\n")
		}, []string{"content/da/hjaelp/bibliotek.md"}, 1, ""},
		{"a page appears where a browser reads the link", func() {
			edit("content/da/hjaelp/klage.md", "---\ntitle: Klage om hjælp\ndescription: Klage.\n---\n")
		}, []string{"content/da/hjaelp/klage.md"}, 0, ""},
		{"and goes again", func() { edit("content/da/hjaelp/klage.md", "") }, []string{"content/da/hjaelp/klage.md"}, 0, ""},
		{"config", func() {
			edit("sitegen.toml", strings.Replace(string(fsys["sitegen.toml"].Data), "https://example.org/", "https://example.org/sub/", 1))
		}, []string{"sitegen.toml"}, 0, ""},
		// Issue 15: what changes while the site is broken is caught up
		// when it is fixed, whatever it was.
		{"broken again", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: [\n---\n")
		}, []string{"content/da/klage.md"}, 0, "content/da/klage.md:3"},
		{"stylesheet while broken", func() { edit("static/site.css", "body{color:blue}") }, []string{"static/site.css"}, 0, "content/da/klage.md:3"},
		{"fixed: the stylesheet is written", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: Sådan klager du.\nmenu: main\nweight: 1\n---\nKlag nu.\n")
		}, []string{"content/da/klage.md"}, 0, ""},
		{"broken once more", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: [\n---\n")
		}, []string{"content/da/klage.md"}, 0, "content/da/klage.md:3"},
		{"layout while broken", func() {
			edit("layouts/page.html", "{{ define \"main\" }}<h1 class=\"newer\">{{ .Page.Title }}</h1>\n{{ .Body }}{{ end }}\n")
		}, []string{"layouts/page.html"}, 0, "content/da/klage.md:3"},
		{"ui string while broken", func() {
			edit("i18n/en.toml", "missing = \"not there in English\"\n")
		}, []string{"i18n/en.toml"}, 0, "content/da/klage.md:3"},
		{"config while broken", func() {
			edit("sitegen.toml", strings.Replace(string(fsys["sitegen.toml"].Data), "https://example.org/sub/", "https://example.org/other/", 1))
		}, []string{"sitegen.toml"}, 0, "content/da/klage.md:3"},
		{"fixed: layout, UI string and config are caught up", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: Sådan klager du.\nmenu: main\nweight: 1\n---\nKlag straks.\n")
		}, []string{"content/da/klage.md"}, 0, ""},
	}
	for _, st := range steps {
		st.change()
		staging := publish.NewMemory()
		_, ch, err := b.Update(st.paths, staging)
		if st.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), st.wantErr) {
				t.Fatalf("%s: err = %v, want %q", st.name, err, st.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		out.apply(staging, ch)
		pagesWritten := 0
		for _, n := range ch.Written {
			if strings.HasSuffix(n, ".html") {
				pagesWritten++
			}
		}
		if limits && st.maxPages > 0 && pagesWritten > st.maxPages {
			t.Errorf("%s: rendered %d pages (%v), want at most %d", st.name, pagesWritten, ch.Written, st.maxPages)
		}
		fresh := sitetest.BuildFS(t, fsys, build.Options{Defaults: defaults, Dev: true, Drafts: true})
		if fresh.Result == nil {
			t.Fatalf("%s: fresh build failed: %s", st.name, fresh.Stderr())
		}
		compare(t, st.name, out, fresh.Files)
		t.Logf("%s: wrote %d files (%d pages), removed %d", st.name, len(ch.Written), pagesWritten, len(ch.Removed))
	}
}

func compare(t *testing.T, step string, got store, want map[string][]byte) {
	t.Helper()
	names := slices.Sorted(maps.Keys(want))
	for _, n := range names {
		if g, ok := got[n]; !ok {
			t.Errorf("%s: incremental output lacks %s", step, n)
		} else if !bytes.Equal(g, want[n]) {
			t.Errorf("%s: %s differs from a fresh build:\n%s", step, n, firstDiff(g, want[n]))
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			t.Errorf("%s: incremental output has %s, a fresh build does not", step, n)
		}
	}
}

// firstDiff shows where two outputs first differ, with some text around.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-300)
	cut := func(b []byte) []byte { return b[from:min(len(b), i+300)] }
	return fmt.Sprintf("at byte %d\nincremental: …%s…\nfresh:       …%s…", i, cut(got), cut(want))
}

// TestUpdateChildDates is issue 23's stale preview: a section layout that
// shows each child's date and review mark, and a child's updated: and
// needs_review: edited. The section must show the new values, as a fresh
// build does.
func TestUpdateChildDates(t *testing.T) {
	fsys := mapFS(sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/da/hjaelp/_index.md --
---
title: Hjælp
description: Hjælp.
---
-- content/da/hjaelp/brev.md --
---
title: Brev
description: Brevet.
updated: 2026-01-02
---
Tekst.
-- layouts/section.html --
{{ define "main" }}{{ range .Page.Children }}<p>{{ .Title }} {{ $.ISODate .Updated }}{{ if .NeedsReview }} (review){{ end }}</p>{{ end }}{{ end }}
`)
	opts := build.Options{Defaults: sitetest.Theme(), Dev: true, Drafts: true}
	inc := opts
	inc.Incremental = true
	b := build.NewBuilder(fsys, inc)
	staging := publish.NewMemory()
	if _, err := b.Build(staging); err != nil {
		t.Fatal(err)
	}
	out := store{}
	maps.Copy(out, staging.Files())
	for _, st := range []struct{ front, want string }{
		{"updated: 2026-03-04\n", "Brev 2026-03-04</p>"},
		{"updated: 2026-03-04\nneeds_review: true\n", "Brev 2026-03-04 (review)</p>"},
		{"lastmod: 2026-05-06\n", "Brev 2026-05-06</p>"},
	} {
		fsys["content/da/hjaelp/brev.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Brev\ndescription: Brevet.\n" + st.front + "---\nTekst.\n")}
		staging := publish.NewMemory()
		_, ch, err := b.Update([]string{"content/da/hjaelp/brev.md"}, staging)
		if err != nil {
			t.Fatal(err)
		}
		out.apply(staging, ch)
		if got := string(out["da/hjaelp/index.html"]); !strings.Contains(got, st.want) {
			t.Errorf("after %q the section shows\n%s\nwant %q", st.front, got, st.want)
		}
		compare(t, st.front, out, sitetest.BuildFS(t, fsys, opts).Files)
	}
}
