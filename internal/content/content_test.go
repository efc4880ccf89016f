package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
	"unsafe"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, in          string
		yml, body         string
		ymlLine, bodyLine int
		err               string
	}{
		{"plain", "---\ntitle: A\n---\nBody\n", "title: A\n", "Body\n", 2, 4, ""},
		{"no body", "---\ntitle: A\n---", "title: A\n", "", 2, 4, ""},
		{"trailing spaces on fences", "--- \ntitle: A\n---\t\nB", "title: A\n", "B", 2, 4, ""},
		{"empty front matter", "---\n---\nB", "", "B", 2, 3, ""},
		{"dashes in body", "---\na: 1\n---\n---\nB", "a: 1\n", "---\nB", 2, 4, ""},
		{"no front matter", "# Title\n", "", "", 0, 0, "must start with front matter"},
		{"not closed", "---\ntitle: A\n", "", "", 0, 0, "not closed"},
		{"empty file", "", "", "", 0, 0, "must start with front matter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			front, body, bl, err := Split([]byte(tt.in))
			yml, yl := front.Text, front.Line
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(yml) != tt.yml || string(body) != tt.body || yl != tt.ymlLine || bl != tt.bodyLine {
				t.Errorf("got (%q, %q, %d, %d), want (%q, %q, %d, %d)", yml, body, yl, bl, tt.yml, tt.body, tt.ymlLine, tt.bodyLine)
			}
		})
	}
}

func TestParseMeta(t *testing.T) {
	const base = "title: T\ndescription: D\n"
	tests := []struct {
		name, yml string
		check     func(*Meta) bool
		errLine   int
		err       string
	}{
		{"minimal", base, func(m *Meta) bool { return m.Title == "T" && m.Description == "D" }, 0, ""},
		{"all fields", base + "slug: klage\nweight: -3\nmenu: main\nupdated: 2026-11-22\ndraft: true\naliases: [/da/gammel/]\ntranslated_from: abc\nneeds_review: true\nlayout: letter\n",
			func(m *Meta) bool {
				return m.Slug == "klage" && m.Weight == -3 && slices.Equal(m.Menus, []string{"main"}) && m.Updated.Equal(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)) &&
					m.Draft && len(m.Aliases()) == 1 && m.TranslatedFrom == "abc" && m.NeedsReview && m.Layout() == "letter" && m.Lines.Line("layout") == 12
			}, 0, ""},
		{"both menus", base + "menu: [main, footer]\n", func(m *Meta) bool { return slices.Equal(m.Menus, []string{"main", "footer"}) }, 0, ""},
		{"hugo menu map", base + "menu: { main: { weight: 20 } }\n", func(m *Meta) bool { return slices.Equal(m.Menus, []string{"main"}) && m.Weight == 20 }, 0, ""},
		{"hugo menu map and weight", base + "weight: 3\nmenu:\n  footer:\n  main: {weight: 20}\n", func(m *Meta) bool {
			return slices.Equal(m.Menus, []string{"footer", "main"}) && m.Weight == 3
		}, 0, ""},
		{"hugo menu map parent", base + "menu: {main: {parent: docs, identifier: faq, weight: 3, name: FAQ}}\n", func(m *Meta) bool {
			return m.MenuParents()["main"] == "docs" && m.MenuIDs()["main"] == "faq" && m.Weight == 3 && slices.Equal(m.Unused(), []string{"menu.main.name"})
		}, 0, ""},
		{"hugo menus", base + "menus: [footer]\n", func(m *Meta) bool { return slices.Equal(m.Menus, []string{"footer"}) }, 0, ""},
		{"menu entry list", base + "menu: {main: [a]}\n", nil, 4, "a menu entry gives fields"},
		{"footer menu", base + "menu: footer\n", func(m *Meta) bool { return slices.Equal(m.Menus, []string{"footer"}) }, 0, ""},
		{"unknown menu", base + "menu: side\n", nil, 4, `the menus are "main" and "footer"`},
		{"quoted date", base + "updated: \"2026-01-02\"\n", func(m *Meta) bool { return m.Updated.Day() == 2 }, 0, ""},
		{"unknown field suggests", base + "sulg: x\n", nil, 4, `unknown field (did you mean "slug"?)`},
		{"unknown field kept", base + "colour: red\nToC: true\n", func(m *Meta) bool {
			return m.Params["colour"] == "red" && m.Params["toc"] == true && slices.Equal(m.Unused(), []string{"colour", "ToC"})
		}, 0, ""},
		{"params win over fields", base + "icon: a\nparams: {icon: b}\nextra: {icon: c, size: 3}\n", func(m *Meta) bool {
			return m.Params["icon"] == "b" && m.Params["size"] == 3 && slices.Equal(m.Unused(), []string{"icon"})
		}, 0, ""},
		{"zola extra", base + "extra:\n  hero: Hej\n", func(m *Meta) bool { return m.Params["hero"] == "Hej" && len(m.Unused()) == 0 }, 0, ""},
		{"near miss long", base + "descripton: x\n", nil, 4, `unknown field (did you mean "description"?)`},
		{"two edits from a short name", base + "ab: x\n", func(m *Meta) bool { return m.Params["ab"] == "x" }, 0, ""},
		{"swapped letters", base + "slgu: x\n", nil, 4, `did you mean "slug"?`},
		{"near miss of another generator", base + "path: docs/x\ntype: post\n", func(m *Meta) bool { return m.URL == "docs/x" && m.Params["type"] == "post" }, 0, ""},
		{"no description is no error", "title: T\n", func(m *Meta) bool { return m.Title == "T" && m.Description == "" }, 0, ""},
		{"missing title", "description: D\n", nil, 1, "title: is required"},
		{"empty title", "title: \"\"\ndescription: D\n", nil, 2, "title: must not be empty"},
		{"bad date", base + "updated: 22-11-2026\n", nil, 4, "YYYY-MM-DD"},
		{"weight text", base + "weight: ten\n", nil, 4, "whole number"},
		{"weight float", base + "weight: 1.5\n", nil, 4, "whole number"},
		{"draft not bool", base + "draft: yes please\n", nil, 4, "true or false"},
		{"other menu", base + "menu: [main, side]\n", nil, 4, `the menus are "main" and "footer"`},
		{"issue 24: slug with a trailing slash", base + "slug: alternative/\n", func(m *Meta) bool { return m.Slug == "alternative" }, 0, ""},
		{"slug path", base + "slug: a/b/\n", func(m *Meta) bool { return m.Slug == "a/b" && m.URL == "" }, 0, ""},
		{"slug path bad", base + "slug: a/b c\n", nil, 4, `"b c" has U+0020 SPACE`},
		{"slug empty segment", base + "slug: a//b\n", nil, 4, "it is empty"},
		{"slug dots", base + "slug: ..\n", nil, 4, `".." starts or ends with "."`},
		{"slug percent", base + "slug: \"%2e%2e\"\n", nil, 4, `has U+0025 PERCENT SIGN "%"`},
		{"slug absolute", base + "slug: /elements/viewer/\n", func(m *Meta) bool { return m.URL == "elements/viewer" && m.Slug == "" }, 0, ""},
		{"slug root", base + "slug: /\n", nil, 4, "the home page's URL"},
		{"url", base + "url: /docs/x/\n", func(m *Meta) bool { return m.URL == "docs/x" && m.Lines.Line("url") == 4 }, 0, ""},
		{"url file", base + "url: /about.html\n", nil, 4, "write /about/ and keep /about.html in aliases:"},
		{"url query", base + "url: /a/?x=1\n", nil, 4, "query"},
		{"docusaurus id", base + "id: viewer-api\nsidebar_position: 3\nsidebar_label: API\n", func(m *Meta) bool {
			return m.Slug == "viewer-api" && m.Weight == 3 && m.LinkTitle == "API"
		}, 0, ""},
		{"docusaurus id and slug", base + "id: a\nslug: b\n", func(m *Meta) bool { return m.Slug == "b" }, 0, ""},
		{"id not a segment", base + "id: 12 3\n", func(m *Meta) bool { return m.Slug == "" && m.Params["id"] == "12 3" }, 0, ""},
		{"sidebar position float", base + "sidebar_position: 1.5\n", nil, 4, "renumber"},
		{"link title", base + "linkTitle: Short\n", func(m *Meta) bool { return m.LinkTitle == "Short" }, 0, ""},
		{"two link titles", base + "linkTitle: A\nsidebar_label: B\n", nil, 5, "sidebar_label: is the field linkTitle: is, given already on line 4"},
		{"summary", base + "summary: |\n  Two\n  lines.\n", func(m *Meta) bool { return m.Summary == "Two lines." }, 0, ""},
		{"publish and expiry", base + "publishDate: 2030-01-02T10:00:00+01:00\nexpiryDate: 2031-01-01\n", func(m *Meta) bool {
			return m.PublishDate().Equal(time.Date(2030, 1, 2, 9, 0, 0, 0, time.UTC)) && m.ExpiryDate().Equal(time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)) &&
				m.Held(time.Date(2030, 1, 2, 8, 59, 0, 0, time.UTC)) && !m.Held(time.Date(2030, 1, 2, 9, 0, 0, 0, time.UTC)) && m.Held(time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC))
		}, 0, ""},
		{"bad publish date", base + "publish_date: soon\n", nil, 4, `"soon" is not a date`},
		{"taxonomies kept", base + "tags: [a, b]\ntaxonomies: {categories: [x]}\n", func(m *Meta) bool {
			return len(m.Params["tags"].([]any)) == 2 && slices.Equal(m.Unused(), []string{"tags", "taxonomies"})
		}, 0, ""},
		{"alias relative", base + "aliases: [gammel]\n", nil, 4, "not a path from the site root"},
		{"alias dotdot", base + "aliases: [/da/../x/]\n", nil, 4, `has a ".." segment`},
		{"alias one path", base + "aliases: /da/x/\n", func(m *Meta) bool { return len(m.Aliases()) == 1 && m.Aliases()[0] == Alias{"/da/x/", 4} }, 0, ""},
		{"alias not list", base + "aliases: {a: b}\n", nil, 4, "must be a list"},
		{"alias lines", base + "aliases:\n  - /da/a/\n  - /da/gammel-%C3%B8l/\n", func(m *Meta) bool {
			return len(m.Aliases()) == 2 && m.Aliases()[1] == Alias{"/da/gammel-øl/", 6}
		}, 0, ""},
		{"alias en dash", base + "aliases: [/da/regler–2024/]\n", func(m *Meta) bool { return m.Aliases()[0].Path == "/da/regler–2024/" }, 0, ""},
		{"alias question", base + "aliases: [\"/da/side?id=3\"]\n", nil, 4, `has U+003F QUESTION MARK "?": it starts a query`},
		{"date", base + "date: 2024-03-01\n", func(m *Meta) bool { return m.Updated.Equal(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)) }, 0, ""},
		{"lastmod newer wins", base + "date: 2024-03-01T10:00:00+01:00\nlastmod: 2025-01-02T23:30:00-05:00\nupdated: 2024-12-31\n",
			func(m *Meta) bool { return m.Updated.Equal(time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)) }, 0, ""},
		{"date older than updated", base + "updated: 2026-11-22\ndate: 2020-01-01\n",
			func(m *Meta) bool { return m.Updated.Year() == 2026 }, 0, ""},
		{"bad lastmod", base + "lastmod: yesterday\n", nil, 4, `lastmod: "yesterday" is not a date`},
		{"translation key", base + "translation_key: licensing\n", func(m *Meta) bool { return m.TranslationKey == "licensing" && m.Lines.Line("translation_key") == 4 }, 0, ""},
		{"hugo translationKey", base + "translationKey: licensing\n", func(m *Meta) bool { return m.TranslationKey == "licensing" }, 0, ""},
		{"both translation keys", base + "translationKey: a\ntranslation_key: b\n", nil, 5, "translation_key: is the field translationKey: is, given already on line 4"},
		{"field case", "Title: T\nDescription: D\nLastMod: 2024-01-02\n", func(m *Meta) bool { return m.Title == "T" && m.Updated.Day() == 2 }, 0, ""},
		{"params", base + "params:\n  icon: star\n  order: [1, 2]\n", func(m *Meta) bool {
			return m.Params["icon"] == "star" && len(m.Params["order"].([]any)) == 2
		}, 0, ""},
		{"params scalar", base + "params: x\n", nil, 4, "params: must be fields"},
		{"titel", "titel: T\ndescription: D\n", nil, 2, `unknown field (did you mean "title"?)`},
		{"near miss says params", base + "titl: x\n", nil, 4, "goes under params:"},
		{"tags without taxonomies kept", base + "tags: [a]\n", func(m *Meta) bool { return len(m.Params["tags"].([]any)) == 1 && m.Terms == nil }, 0, ""},
		{"duplicate", base + "title: U\n", nil, 4, "given twice"},
		{"title list", "title: [a]\ndescription: D\n", nil, 2, "single value"},
		{"not a mapping", "- a\n- b\n", nil, 2, "must be fields"},
		{"alias node", "title: &t T\ndescription: *t\n", nil, 3, "YAML aliases"},
		{"billion laughs", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\ntitle: T\ndescription: D\n", nil, 3, "YAML aliases"},
		{"syntax", "title: [x\ndescription: D\n", nil, 0, "not valid YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, errs := ParseMeta([]byte(tt.yml), 2)
			if tt.err == "" {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors: %v", errs)
				}
				if !tt.check(m) {
					t.Errorf("meta = %+v", m)
				}
				return
			}
			for _, e := range errs {
				if strings.Contains(e.Msg, tt.err) && (tt.errLine == 0 || e.Line == tt.errLine) {
					return
				}
			}
			t.Errorf("errors %v; want %q at line %d", errs, tt.err, tt.errLine)
		})
	}
}

func TestParseNormalizes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		body string
	}{
		{"bom", "\ufeff---\ntitle: T\ndescription: D\n---\nB\n", "B\n"},
		{"crlf", "---\r\ntitle: T\r\ndescription: D\r\n---\r\nB\r\nC\r\n", "B\nC\n"},
		{"cr", "---\rtitle: T\rdescription: D\r---\rB\r", "B\n"},
		{"nfd to nfc", "---\ntitle: T\ndescription: D\n---\nha\u030angbog Mu\u0308ller A\u030abenra\u030a \u212b\n", "hångbog Müller Åbenrå Å\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, diags := Parse("content/da/x.md", []byte(tt.in))
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if string(f.Body) != tt.body || f.Meta.Title != "T" || f.BodyLine != 5 {
				t.Errorf("got body %q title %q line %d", f.Body, f.Meta.Title, f.BodyLine)
			}
		})
	}
}

func TestCheckSegment(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"klage", true}, {"digital-post", true}, {"hjælp", true}, {"a_b", true}, {"ᐃᓄᒃᑎᑐᑦ", true}, {"2026", true},
		{"release-1.0", true}, {"a.b.c", true}, {"å", true}, {"a\u030a", true}, {"नमस्ते", true},
		{"", false}, {"a b", false}, {"a/b", false}, {"..", false}, {".a", false}, {"a.", false}, {"%2e", false}, {"a–b", false},
		{"a\\b", false}, {"a?b", false}, {"a#b", false}, {strings.Repeat("a", 101), false},
	}
	for _, tt := range tests {
		if err := CheckSegment(tt.in); (err == nil) != tt.ok {
			t.Errorf("CheckSegment(%q) = %v, want ok=%v", tt.in, err, tt.ok)
		}
	}
}

func TestWalk(t *testing.T) {
	fsys := fstest.MapFS{
		"content/da/_index.md":             {Data: []byte("x")},
		"content/da/a.md":                  {Data: []byte("x")},
		"content/da/.a.md.swp":             {Data: []byte("x")},
		"content/da/a.md~":                 {Data: []byte("x")},
		"content/da/#a.md#":                {Data: []byte("x")},
		"content/da/.git/config":           {Data: []byte("x")},
		"content/da/billede.png":           {Data: []byte("x")},
		"content/da/release-1.0.md":        {Data: []byte("x")},
		"content/da/sa\u030andan.md":       {Data: []byte("x")},
		"content/da/Skærmbillede 2024.png": {Data: []byte("x")},
		"content/da/faq/index.md":          {Data: []byte("x")},
		"content/da/faq/skærm.png":         {Data: []byte("x")},
		"content/da/faq/mere.md":           {Data: []byte("x")},
		"content/da/faq/_index.md":         {Data: []byte("x")},
		"content/da/pakke/index.md":        {Data: []byte("x")},
		"content/da/pakke/skærm.png":       {Data: []byte("x")},
		"content/da/pakke/inde.md":         {Data: []byte("x")},
		"content/da/pakke/mappe/dybt.md":   {Data: []byte("x")},
		"content/da/index.md":              {Data: []byte("x")},
		"content/pt-br/_index.md":          {Data: []byte("x")},
		"content/PT-BR/a.md":               {Data: []byte("x")},
		"content/da/min side.md":           {Data: []byte("x")},
		"content/da/pa\u030a ny.md":        {Data: []byte("x")},
		"content/da/sø/_index.md":          {Data: []byte("x")},
		"content/fr/a.md":                  {Data: []byte("x")},
		"content/da/link.md":               {Data: []byte("x"), Mode: 0o777 | 1<<27},
		"content/en/hjaelp/b.md":           {Data: []byte("x")},
		"content/en/a b/_index.md":         {Data: []byte("x")},
		"content/da/a.md.bak":              {Data: []byte("x")},
		"content/da/a.md.orig":             {Data: []byte("x")},
		"content/da/a.md.rej":              {Data: []byte("x")},
		"content/da/.#a.md":                {Data: []byte("x")},
		"content/da/gammel~/b.md":          {Data: []byte("x")},
	}
	paths, diags := Walk(fsys, []string{"da", "en", "pt-BR"})
	wantPaths := "content/PT-BR/a.md content/da/_index.md content/da/a.md content/da/billede.png content/da/faq/_index.md content/da/faq/mere.md content/da/faq/skærm.png content/da/pakke/index.md content/da/pakke/skærm.png content/da/release-1.0.md content/da/sa\u030andan.md content/da/sø/_index.md content/en/hjaelp/b.md"
	if got := strings.Join(paths, " "); got != wantPaths {
		t.Errorf("paths = %s\nwant %s", got, wantPaths)
	}
	want := []string{
		`content/da/min side.md: file name cannot be a URL segment: "min side" has U+0020 SPACE;`,
		"content/da/pa\u030a ny.md: file name cannot be a URL segment: \"på ny\" has U+0020 SPACE;",
		`content/da/Skærmbillede 2024.png: file name cannot be part of a URL: "Skærmbillede 2024.png" has U+0020 SPACE;`,
		`content/en/a b: folder name cannot be a URL segment`,
		`content/fr: language "fr" is not in sitegen.toml`,
		"content/da/index.md: the home page of a language is _index.md",
		"content/da/pakke/inde.md: content/da/pakke/ is a page bundle (content/da/pakke/index.md is its page), which holds files, not pages",
		"content/da/pakke/mappe/dybt.md: content/da/pakke/ is a page bundle",
		"content/da/faq/index.md: content/da/faq/ is both a page bundle (this index.md: one page and its files) and a section (content/da/faq/_index.md: a page that lists pages); keep one",
		`content/pt-br: content/PT-BR is already the folder of language "pt-BR"`,
		"content/da/link.md: symbolic links are not allowed",
	}
	got := diags.Error()
	if n := strings.Count(got, "\ncontent/da/faq/"); n != 1 {
		t.Errorf("%d errors at content/da/faq/, want 1 (at its index.md):\n%s", n, got)
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics lack %q:\n%s", w, got)
		}
	}
}

// TestIgnored covers every kind of file that editors, merge tools and
// operating systems leave behind (issue 15: a.md.bak from sed -i.bak, and
// a.md.orig from a merge tool, stopped the build), and names that look
// alike but are real content or assets.
func TestIgnored(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"side.md.bak", true},
		{"side.md.BAK", true},
		{"side.md.orig", true},
		{"side.md.rej", true},
		{"side.md~", true},
		{".side.md.swp", true},
		{".side.md.swo", true},
		{".side.md.swx", true},
		{"#side.md#", true},
		{".#side.md", true},
		{".DS_Store", true},
		{".git", true},
		{"4913", true},
		{"side.md.tmp", true},
		{"side.md___jb_tmp___", true},
		{"Thumbs.db", true},
		{"desktop.ini", true},
		{"side.md", false},
		{"_index.md", false},
		{"bak.md", false},
		{"original.md", false},
		{"site.css", false},
		{"logo.svg", false},
		{"rej", false},
		{"da.toml", false},
		{"base.html", false},
	}
	for _, tt := range tests {
		if got := Ignored(tt.name); got != tt.want {
			t.Errorf("Ignored(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndescription: D\n---\nBody"))
	f.Add([]byte("\ufeff---\r\ntitle: T\r\n---\r\n"))
	f.Add([]byte("---\na: &a [x]\nb: *a\n---\n"))
	f.Add([]byte("---\ntitle: [\n---\n"))
	f.Add([]byte{0xff, 0xfe})
	f.Add([]byte("+++\ntitle = \"T\"\ndescription = \"D\"\ndate = 2024-01-02\n[params]\nx = [1, {a = 2}]\n+++\nBody"))
	f.Add([]byte("---\ntitle: T\ndescription: D\nparams: {a: [1, 2]}\naliases: [/da/%C3%B8l/, \"/x?y\"]\ntranslationKey: k\nlastmod: 2024-01-02T03:04:05Z\n---\nsa\u030a"))
	f.Add([]byte("---\ntitle: T\ntags: [a, \"b c\", a]\ncategories: x\ndate: 2015-10-08T10:00:00+02:00\nsort_by: date\npage_size: 3\n---\n"))
	f.Add([]byte("+++\ntitle = \"T\"\n[taxonomies]\ntags = [\"a\"]\ncategories = [[1]]\n+++\n"))
	addContentSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, diags := Parse("content/da/x.md", data, "tags", "categories")
		if diags.HasErrors() != (file == nil) {
			t.Fatalf("file %v with diagnostics %v", file, diags)
		}
		for _, d := range diags {
			if d.Line < 0 || d.Path != "content/da/x.md" {
				t.Fatalf("bad diagnostic %+v", d)
			}
		}
		if file != nil && file.Meta.Title == "" {
			t.Fatalf("accepted without a title: %+v", file.Meta)
		}
		if file != nil {
			for tax, terms := range file.Meta.Terms {
				if tax != "tags" && tax != "categories" || len(terms) == 0 || slices.Contains(terms, "") {
					t.Fatalf("terms %q: %q", tax, terms)
				}
			}
		}
	})
}

// TestStamp: stamp writes the hash and keeps what the editor wrote around
// it, byte for byte: a comment on the translated_from line, the value's
// quotes, the field name's case, and everything else in the front matter.
func TestStamp(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"insert", "---\ntitle: T\ndescription: D\n---\nBody\n", "---\ntitle: T\ndescription: D\ntranslated_from: abc123\n---\nBody\n"},
		{"replace", "---\ntitle: T\ntranslated_from: old\ndescription: D\n---\nBody\n", "---\ntitle: T\ntranslated_from: abc123\ndescription: D\n---\nBody\n"},
		{"comment kept", "---\ntitle: T\ntranslated_from: old # checked by Anna\ndescription: D\n---\nBody\n", "---\ntitle: T\ntranslated_from: abc123 # checked by Anna\ndescription: D\n---\nBody\n"},
		{"comment and spacing kept", "---\ntranslated_from:   old\t  #  Anna # 2026\n---\n", "---\ntranslated_from:   abc123\t  #  Anna # 2026\n---\n"},
		{"double quotes kept", "---\ntranslated_from: \"old\" # Anna\n---\n", "---\ntranslated_from: \"abc123\" # Anna\n---\n"},
		{"single quotes kept", "---\ntranslated_from: 'old'\n---\n", "---\ntranslated_from: 'abc123'\n---\n"},
		{"escaped quote in value", "---\ntranslated_from: \"o\\\"ld\" # x\n---\n", "---\ntranslated_from: \"abc123\" # x\n---\n"},
		{"empty value", "---\ntranslated_from:\ntitle: T\n---\n", "---\ntranslated_from: abc123\ntitle: T\n---\n"},
		{"empty value with comment", "---\ntranslated_from: # fill in\n---\n", "---\ntranslated_from: abc123 # fill in\n---\n"},
		{"empty quotes", "---\ntranslated_from: \"\"\n---\n", "---\ntranslated_from: \"abc123\"\n---\n"},
		{"a # inside a word is no comment", "---\ntranslated_from: old#1\n---\n", "---\ntranslated_from: abc123\n---\n"},
		{"name in another case, space before colon", "---\nTranslated_From : old # Anna\n---\n", "---\nTranslated_From : abc123 # Anna\n---\n"},
		{"only this line changes", "---\n# notes: translated_from: x\ntitle: \"T\"   # the title\nparams:\n  translated_from: nested\ntranslated_from: old\n---\n", "---\n# notes: translated_from: x\ntitle: \"T\"   # the title\nparams:\n  translated_from: nested\ntranslated_from: abc123\n---\n"},
		{"crlf and bom", "\ufeff---\r\ntitle: T\r\n---\r\nBody\r\n", "\ufeff---\r\ntitle: T\r\ntranslated_from: abc123\r\n---\r\nBody\r\n"},
		{"crlf replace with comment", "---\r\ntranslated_from: old # Anna\r\n---\r\n", "---\r\ntranslated_from: abc123 # Anna\r\n---\r\n"},
		{"body dashes untouched", "---\ntitle: T\n---\ntranslated_from: x\n---\n", "---\ntitle: T\ntranslated_from: abc123\n---\ntranslated_from: x\n---\n"},
		{"empty front matter", "---\n---\n", "---\ntranslated_from: abc123\n---\n"},
		{"toml insert before table", "+++\ntitle = \"T\"\n[params]\nx = 1\n+++\nBody\n", "+++\ntitle = \"T\"\ntranslated_from = \"abc123\"\n[params]\nx = 1\n+++\nBody\n"},
		{"toml replace", "+++\ntranslated_from = \"old\"\ntitle = \"T\"\n+++\n", "+++\ntranslated_from = \"abc123\"\ntitle = \"T\"\n+++\n"},
		{"toml comment kept", "+++\ntranslated_from = \"old\" # checked by Anna\n+++\n", "+++\ntranslated_from = \"abc123\" # checked by Anna\n+++\n"},
		{"toml literal string kept", "+++\ntranslated_from='old'   # Anna\n+++\n", "+++\ntranslated_from='abc123'   # Anna\n+++\n"},
		{"toml key in a table is another key", "+++\ntitle = \"T\"\n[params]\ntranslated_from = \"x\"\n+++\n", "+++\ntitle = \"T\"\ntranslated_from = \"abc123\"\n[params]\ntranslated_from = \"x\"\n+++\n"},
	}
	for _, tt := range tests {
		got, err := Stamp([]byte(tt.in), "abc123")
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: got %q, %v\nwant %q", tt.name, got, err, tt.want)
		}
	}
	for _, bad := range []string{"no front matter\n", "---\ntitle: T\n"} {
		if _, err := Stamp([]byte(bad), "x"); err == nil {
			t.Errorf("Stamp(%q): no error", bad)
		}
	}
}

func FuzzCheckSegment(f *testing.F) {
	for _, s := range []string{"klage", "hjælp", "../x", "%2e%2e", "/etc", "a b", "", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckSegment(s) != nil {
			return
		}
		if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.ContainsAny(s, "/\\%?#\x00 ") || len(s) > 100 {
			t.Fatalf("CheckSegment accepted %q", s)
		}
	})
}

func TestParseAlias(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"/da/gammel-side/", "/da/gammel-side/", ""},
		{"/da/gammel-%C3%B8l/", "/da/gammel-øl/", ""},
		{"/da/gammel-%c3%b8l/", "/da/gammel-øl/", ""},
		{"/da/gammel-øl/", "/da/gammel-øl/", ""},
		{"/da/regler–2024/", "/da/regler–2024/", ""},
		{"/da/min%20side/", "/da/min side/", ""},
		{"/da/min side/", "/da/min side/", ""},
		{"/da/100%25/", "/da/100%/", ""},
		{"/da/gammel.html", "/da/gammel.html", ""},
		{"/da/side.php", "/da/side.php", ""},
		{"/da/(gammel),x;y=z@w~!$&'/", "/da/(gammel),x;y=z@w~!$&'/", ""},
		{"/", "/", ""},
		{"da/x/", "", "not a path from the site root; start it with /"},
		{"https://old.example/da/x/", "", "is a full URL; write only its path"},
		{"/da/100%/", "", `"%/" is not a percent-escape`},
		{"/da/a%2/", "", `"%2/" is not a percent-escape`},
		{"/da/a%", "", `"%" is not a percent-escape`},
		{"/da/%FF/", "", "do not decode to UTF-8"},
		{"/da/side?id=3", "", `has U+003F QUESTION MARK "?": it starts a query`},
		{"/da/side#top", "", `has U+0023 NUMBER SIGN "#": it starts a fragment`},
		{"/da/a%3Fb/", "", `U+003F QUESTION MARK`},
		{"/da/a\\b/", "", `U+005C REVERSE SOLIDUS "\": browsers turn it into /`},
		{"/da/a|b/", "", "RFC 3986 leaves it out"},
		{"/da/a*/", "", "wildcard"},
		{"/da/a:b/", "", "placeholder"},
		{"/da/a+b/", "", "Amazon S3"},
		{"/da/a%00b/", "", "U+0000 (control): a control character"},
		{"/da/a\u2028b/", "", "U+2028 LINE SEPARATOR: it is a line break"},
		{"/da/\ue000/", "", "U+E000 (Private Use)"},
		{"/da//x/", "", "empty segment"},
		{"/da/./x/", "", `a "." segment`},
		{"/da/%2E%2E/x/", "", `a ".." segment`},
	}
	for _, tt := range tests {
		got, err := ParseAlias(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseAlias(%q) = %q, %v; want error %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseAlias(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParseAlias(f *testing.F) {
	for _, s := range []string{"/da/gammel-side/", "/da/gammel-%C3%B8l/", "/da/../x", "/a%2", "/%2e%2e/", "/a?b", "/x%00/", "//x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseAlias(s)
		if err != nil {
			return
		}
		if !strings.HasPrefix(p, "/") || !utf8.ValidString(p) || strings.ContainsAny(p, "?#\\*:+\x00") || strings.Contains(p, "//") {
			t.Fatalf("ParseAlias(%q) = %q", s, p)
		}
		for _, seg := range strings.Split(p, "/") {
			if seg == "." || seg == ".." {
				t.Fatalf("ParseAlias(%q) = %q has a dot segment", s, p)
			}
		}
	})
}

func TestRuneName(t *testing.T) {
	tests := []struct {
		r    rune
		want string
	}{
		{'–', `U+2013 EN DASH "–"`},
		{' ', "U+0020 SPACE"},
		{'\u030a', "U+030A COMBINING RING ABOVE"},
		{0, "U+0000 (control)"},
	}
	for _, tt := range tests {
		if got := RuneName(tt.r); got != tt.want {
			t.Errorf("RuneName(%U) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestParseTOML(t *testing.T) {
	src := "+++\ntitle = \"Licensing\"\ndescription = \"How to license.\"\ndate = 2024-03-01\nlastmod = 2025-02-03T10:00:00Z\nweight = 3\ndraft = false\naliases = [\"/en/old/\"]\ntranslationKey = \"licensing\"\n\n[params]\nicon = \"key\"\n+++\nBody\n"
	f, diags := Parse("content/en/checklists/licensing.md", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	m := f.Meta
	if m.Title != "Licensing" || m.Weight != 3 || m.Updated.Format(time.DateOnly) != "2025-02-03" || m.TranslationKey != "licensing" ||
		m.Params["icon"] != "key" || len(m.Aliases()) != 1 || m.Aliases()[0].Line != 8 || string(f.Body) != "Body\n" || f.BodyLine != 14 {
		t.Errorf("meta = %+v, body %q at %d", m, f.Body, f.BodyLine)
	}
	if f.TranslationKey() != "licensing" {
		t.Errorf("TranslationKey = %q", f.TranslationKey())
	}
	errTests := []struct{ src, want string }{
		{"+++\ntitle = \"T\"\ndescription = \"D\"\ntitel = \"x\"\n+++\n", `content/da/x.md:4: titel: unknown field (did you mean "title"?)`},
		{"+++\ntitle = \"T\"\ndescription = \"D\"\nweight = \"ten\"\n+++\n", "content/da/x.md:4: weight: must be a whole number"},
		{"+++\ntitle = \"T\"\ndescription = \"D\"\ndate = \n+++\n", "content/da/x.md:4: front matter is not valid TOML"},
		{"+++\ntitle = \"T\"\n", `content/da/x.md:1: front matter is not closed: add a line "+++"`},
		{"+++\ndescription = \"D\"\n+++\n", "content/da/x.md:1: title: is required"},
	}
	for _, tt := range errTests {
		_, diags := Parse("content/da/x.md", []byte(tt.src))
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.src, diags.Error(), tt.want)
		}
	}
}

func TestTranslationKey(t *testing.T) {
	tests := []struct{ path, fm, want string }{
		{"content/da/klage.md", "", "klage.md"},
		{"content/da/faq/index.md", "", "faq.md"},
		{"content/da/hjaelp/_index.md", "", "hjaelp/_index.md"},
		{"content/sv/checklistor/licenser.md", "translation_key: licensing\n", "licensing"},
	}
	for _, tt := range tests {
		f, diags := Parse(tt.path, []byte("---\ntitle: T\ndescription: D\n"+tt.fm+"---\n"))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if got := f.TranslationKey(); got != tt.want {
			t.Errorf("%s: TranslationKey = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestSource(t *testing.T) {
	md := func(fm string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: T\ndescription: D\n" + fm + "---\nBody\n")}
	}
	fsys := fstest.MapFS{
		"content/sv/checklistor/licenser.md": md("translation_key: licensing\n"),
		"content/sv/klage.md":                md(""),
		"content/sv/andet.md":                md("translation_key: klage-en\n"),
		"content/en/checklists/licensing.md": md("translation_key: licensing\n"),
		"content/en/klage.md":                md(""),
		"content/en/other.md":                md("translation_key: klage-en\n"),
		"content/en/nothing.md":              md("translation_key: nothing\n"),
		"content/sv/post.markdown":           md(""),
		"content/en/post.md":                 md(""),
		"content/sv/om.html":                 md(""),
		"content/en/om.MD":                   md(""),
	}
	langs := []string{"sv", "en"}
	for _, tt := range []struct{ path, want, err string }{
		{"content/en/checklists/licensing.md", "content/sv/checklistor/licenser.md", ""},
		{"content/en/klage.md", "content/sv/klage.md", ""},
		{"content/en/other.md", "content/sv/andet.md", ""},
		{"content/en/nothing.md", "", `no page of sv has translation key "nothing"`},
		{"content/en/post.md", "content/sv/post.markdown", ""},
		{"content/en/om.MD", "content/sv/om.html", ""},
	} {
		f, _ := Read(fsys, tt.path)
		src, err := Source(fsys, f, "sv", langs)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: %v, want error %q", tt.path, err, tt.err)
			}
			continue
		}
		if err != nil || src.Path != tt.want {
			t.Errorf("%s: source %v, %v; want %s", tt.path, src, err, tt.want)
		}
	}
}

// TestParseMetaIssue26 covers the fields of dated pages, ordered and
// split listings and taxonomies (issue 26).
func TestParseMetaIssue26(t *testing.T) {
	base := "title: T\ndescription: D\n"
	taxonomies := []string{"tags", "categories"}
	tests := []struct {
		name, front string
		toml        bool
		check       func(*Meta) bool
		errLine     int
		err         string
	}{
		{"date is the first publication", base + "date: 2015-10-08\nupdated: 2016-01-02\n", false, func(m *Meta) bool {
			return m.Date.Equal(time.Date(2015, 10, 8, 0, 0, 0, 0, time.UTC)) && m.Updated.Year() == 2016
		}, 0, ""},
		{"date keeps its moment", base + "date: 2024-03-01T10:00:00+01:00\n", false, func(m *Meta) bool {
			_, off := m.Date.Zone()
			return m.Date.Equal(time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)) && off == 3600 && m.Updated.Equal(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
		}, 0, ""},
		{"updated is no date", base + "updated: 2016-01-02\n", false, func(m *Meta) bool { return m.Date.IsZero() }, 0, ""},
		{"sort_by", base + "sort_by: title\n", false, func(m *Meta) bool { return m.SortBy() == SortTitle }, 0, ""},
		{"sort_by Zola's", base + "sort_by: update_date\n", false, nil, 4, `"update_date" is no order: write weight`},
		{"page_size", base + "page_size: 10\n", false, func(m *Meta) bool { return *m.PageSize() == 10 }, 0, ""},
		{"page_size 0", base + "page_size: 0\n", false, func(m *Meta) bool { return *m.PageSize() == 0 }, 0, ""},
		{"page_size unset", base, false, func(m *Meta) bool { return m.PageSize() == nil }, 0, ""},
		{"page_size negative", base + "page_size: -1\n", false, nil, 4, "whole number of pages"},
		{"tags", base + "tags: [MitID, Digital Post, MitID]\n", false, func(m *Meta) bool {
			return slices.Equal(m.Terms["tags"], []string{"MitID", "Digital Post"})
		}, 0, ""},
		{"one tag", base + "Tags: MitID\n", false, func(m *Meta) bool { return slices.Equal(m.Terms["tags"], []string{"MitID"}) }, 0, ""},
		{"empty tags", base + "tags:\n", false, func(m *Meta) bool { return m.Terms == nil }, 0, ""},
		{"empty term", base + "tags:\n  - a\n  - \"\"\n", false, nil, 6, "a term must not be empty"},
		{"term list in list", base + "tags: [[a]]\n", false, nil, 4, "a term must be a single value"},
		{"tags map", base + "tags: {a: b}\n", false, nil, 4, "must be a list of terms"},
		{"categories", base + "categories: [Råd]\n", false, func(m *Meta) bool { return m.Terms["categories"][0] == "Råd" }, 0, ""},
		{"not a taxonomy", base + "series: [a]\n", false, func(m *Meta) bool { return m.Terms == nil && len(m.Params["series"].([]any)) == 1 }, 0, ""},
		{"zola taxonomies", "title = \"T\"\ndate = 2015-10-08\n[taxonomies]\ntags = [\"a\", \"b\"]\ncategories = [\"c\"]\n", true, func(m *Meta) bool {
			return slices.Equal(m.Terms["tags"], []string{"a", "b"}) && m.Terms["categories"][0] == "c" && m.Date.Day() == 8
		}, 0, ""},
		{"zola unknown taxonomy kept", "title = \"T\"\n[taxonomies]\nseries = [\"a\"]\ntags = [\"b\"]\n", true, func(m *Meta) bool {
			return m.Params["taxonomies"] != nil && slices.Equal(m.Terms["tags"], []string{"b"}) && m.Terms["series"] == nil
		}, 0, ""},
		{"tags twice", base + "tags: [a]\ntaxonomies: {tags: [b]}\n", false, nil, 5, "the terms of tags are given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m *Meta
			var errs []*LineError
			if tt.toml {
				m, errs = ParseTOMLMeta([]byte(tt.front), 2, taxonomies...)
			} else {
				m, errs = ParseMeta([]byte(tt.front), 2, taxonomies...)
			}
			if tt.err == "" {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors: %v", errs)
				}
				if !tt.check(m) {
					t.Errorf("meta = %+v", m)
				}
				return
			}
			for _, e := range errs {
				if strings.Contains(e.Msg, tt.err) && (tt.errLine == 0 || e.Line == tt.errLine) {
					return
				}
			}
			t.Errorf("errors %v; want %q at line %d", errs, tt.err, tt.errLine)
		})
	}
}

// TestYAMLErrorHints: the common YAML mistakes are errors at the line to
// change that say what to write, not only the parser's words.
func TestYAMLErrorHints(t *testing.T) {
	tests := []struct {
		name string
		yml  string
		line int // file line; the front matter starts on line 2
		want string
	}{
		{"colon in a value", "title: Step 1: apply\ndescription: D\n", 2,
			`front matter is not valid YAML: the value holds ": " (a colon and a space), which YAML reads as the start of a field: put the value in quotes, title: "Step 1: apply" (the YAML parser: mapping values are not allowed in this context)`},
		{"colon in a later value", "title: T\ndescription: Note: read \"this\"\n", 3,
			`put the value in quotes, description: "Note: read \"this\""`},
		{"indented field", "title: T\n  description: D\n", 3, "the line is indented, so it continues the value above it"},
		{"tab indents", "title: T\n\tdescription: D\n", 3, "front matter is not valid YAML: the line holds a tab: indent with spaces, and write a value that holds a tab in quotes (the YAML parser: found a tab character that violates indentation)"},
		{"tab before a value", "title: T\ndescription:\t@D\n", 3, "the line holds a tab: indent with spaces, and write a value that holds a tab in quotes (the YAML parser: found character that cannot start any token)"},
		{"at sign", "title: T\ndescription: @d\n", 3, "a value that starts with @, ` or % must be in quotes, e.g. title: \"@name\" (the YAML parser: found character that cannot start any token)"},
		{"unclosed double quote", "title: \"T\ndescription: D\n", 2, "a quote that opens a value is not closed: end the value with the same quote, on the same line (the YAML parser: found unexpected end of stream)"},
		{"unclosed single quote", "title: T\ndescription: 'D\n", 3, "a quote that opens a value is not closed"},
		{"list indentation", "title: T\ndescription: D\ntags:\n  - a\n - b\n", 5, "front matter is not valid YAML: the indentation does not line up"},
		{"text after quotes", "title: \"T\" and more\ndescription: D\n", 2, "keep a quoted value's text inside its quotes"},
		{"no colon", "title: T\nsome words\n", 3, "every line is a field (name: value), an item of a list (- item) or, indented, the rest of the value above it (the YAML parser: could not find expected ':')"},
		{"unclosed list", "title: T\ndescription: [a, b\nweight: 1\n", 3, "close the list with ] (the YAML parser: did not find expected ',' or ']')"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := ParseMeta([]byte(tt.yml), 2)
			if len(errs) != 1 || errs[0].Line != tt.line || !strings.Contains(errs[0].Msg, tt.want) {
				t.Errorf("errors %v\nwant at line %d: ...%s...", errs, tt.line, tt.want)
			}
		})
	}
}

// TestImpossibleDates: a date in the right form that is no day says so,
// not that the form is wrong.
func TestImpossibleDates(t *testing.T) {
	tests := []struct{ date, want string }{
		{"2026-13-45", `date: "2026-13-45" is no such day: there is no month 13 (01 to 12)`},
		{"2026-02-30", `date: "2026-02-30" is no such day: February 2026 has days 01 to 28`},
		{"2028-02-30", `date: "2028-02-30" is no such day: February 2028 has days 01 to 29`},
		{"2026-04-31", `date: "2026-04-31" is no such day: April 2026 has days 01 to 30`},
		{"2026-00-10", `date: "2026-00-10" is no such day: there is no month 00`},
		{"2026-11-22T25:00:00", `date: "2026-11-22T25:00:00": the day is right, the time is not`},
		{"22.11.2026", `date: "22.11.2026" is not a date written as YYYY-MM-DD`},
	}
	for _, tt := range tests {
		for _, field := range []string{"date", "publish_date"} {
			_, errs := ParseMeta([]byte("title: T\ndescription: D\n"+field+": \""+tt.date+"\"\n"), 2)
			want := strings.Replace(tt.want, "date:", field+":", 1)
			if len(errs) != 1 || errs[0].Line != 4 || !strings.HasPrefix(errs[0].Msg, want) {
				t.Errorf("%s: %s: errors %v\nwant %s", field, tt.date, errs, want)
			}
		}
	}
}

// TestMetaSize: the site model keeps every page's Meta for the whole
// build, so a field more is some MB at 100,000 pages (issue 30); what few
// pages set goes behind a pointer (schedule).
func TestMetaSize(t *testing.T) {
	if n := unsafe.Sizeof(Meta{}); n > 384 {
		t.Errorf("a Meta takes %d bytes, more than 384 (a size class of the allocator): put what few pages set behind a pointer", n)
	}
}
