package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
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
			yml, body, yl, bl, err := Split([]byte(tt.in))
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
					m.Draft && len(m.Aliases) == 1 && m.TranslatedFrom == "abc" && m.NeedsReview && m.Layout == "letter" && m.Lines["layout"] == 12
			}, 0, ""},
		{"both menus", base + "menu: [main, footer]\n", func(m *Meta) bool { return slices.Equal(m.Menus, []string{"main", "footer"}) }, 0, ""},
		{"footer menu", base + "menu: footer\n", func(m *Meta) bool { return slices.Equal(m.Menus, []string{"footer"}) }, 0, ""},
		{"unknown menu", base + "menu: side\n", nil, 4, `the menus are "main" and "footer"`},
		{"quoted date", base + "updated: \"2026-01-02\"\n", func(m *Meta) bool { return m.Updated.Day() == 2 }, 0, ""},
		{"unknown field suggests", base + "sulg: x\n", nil, 4, `unknown field (did you mean "slug"?)`},
		{"unknown field lists", base + "colour: red\n", nil, 4, "the fields are title, description"},
		{"missing description", "title: T\n", nil, 1, "description: is required"},
		{"empty title", "title: \"\"\ndescription: D\n", nil, 2, "title: must not be empty"},
		{"bad date", base + "updated: 22-11-2026\n", nil, 4, "YYYY-MM-DD"},
		{"weight text", base + "weight: ten\n", nil, 4, "whole number"},
		{"weight float", base + "weight: 1.5\n", nil, 4, "whole number"},
		{"draft not bool", base + "draft: yes please\n", nil, 4, "true or false"},
		{"other menu", base + "menu: [main, side]\n", nil, 4, `the menus are "main" and "footer"`},
		{"slug slash", base + "slug: a/b\n", nil, 4, `"a/b" has '/'`},
		{"slug dots", base + "slug: ..\n", nil, 4, `".." has '.'`},
		{"slug percent", base + "slug: \"%2e%2e\"\n", nil, 4, `has '%'`},
		{"slug absolute", base + "slug: /etc\n", nil, 4, `has '/'`},
		{"alias relative", base + "aliases: [gammel]\n", nil, 4, "not a path from the site root"},
		{"alias dotdot", base + "aliases: [/da/../x/]\n", nil, 4, "not a path from the site root"},
		{"alias not list", base + "aliases: /da/x/\n", nil, 4, "must be a list"},
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
		{"", false}, {"a b", false}, {"a/b", false}, {"..", false}, {"a.b", false}, {"%2e", false},
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
		"content/da/_index.md":     {Data: []byte("x")},
		"content/da/a.md":          {Data: []byte("x")},
		"content/da/.a.md.swp":     {Data: []byte("x")},
		"content/da/a.md~":         {Data: []byte("x")},
		"content/da/#a.md#":        {Data: []byte("x")},
		"content/da/a.md.bak":      {Data: []byte("x")},
		"content/da/a.md.orig":     {Data: []byte("x")},
		"content/da/a.md.rej":      {Data: []byte("x")},
		"content/da/.#a.md":        {Data: []byte("x")},
		"content/da/gammel~/b.md":  {Data: []byte("x")},
		"content/da/.git/config":   {Data: []byte("x")},
		"content/da/billede.png":   {Data: []byte("x")},
		"content/da/min side.md":   {Data: []byte("x")},
		"content/da/sø/_index.md":  {Data: []byte("x")},
		"content/fr/a.md":          {Data: []byte("x")},
		"content/da/link.md":       {Data: []byte("x"), Mode: 0o777 | 1<<27},
		"content/en/hjaelp/b.md":   {Data: []byte("x")},
		"content/en/a b/_index.md": {Data: []byte("x")},
	}
	paths, diags := Walk(fsys, []string{"da", "en"})
	wantPaths := "content/da/_index.md content/da/a.md content/da/sø/_index.md content/en/hjaelp/b.md"
	if got := strings.Join(paths, " "); got != wantPaths {
		t.Errorf("paths = %s\nwant %s", got, wantPaths)
	}
	want := []string{
		"content/da/billede.png: only Markdown",
		`content/da/min side.md: file name cannot be a URL segment: "min side" has ' '`,
		`content/en/a b: folder name cannot be a URL segment`,
		`content/fr: language "fr" is not in sitegen.toml`,
		"content/da/link.md: symbolic links are not allowed",
	}
	got := diags.Error()
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
	addContentSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, diags := Parse("content/da/x.md", data)
		if diags.HasErrors() != (file == nil) {
			t.Fatalf("file %v with diagnostics %v", file, diags)
		}
		for _, d := range diags {
			if d.Line < 0 || d.Path != "content/da/x.md" {
				t.Fatalf("bad diagnostic %+v", d)
			}
		}
		if file != nil && (file.Meta.Title == "" || file.Meta.Description == "") {
			t.Fatalf("accepted without title or description: %+v", file.Meta)
		}
	})
}

func TestStamp(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"insert", "---\ntitle: T\ndescription: D\n---\nBody\n", "---\ntitle: T\ndescription: D\ntranslated_from: abc123\n---\nBody\n"},
		{"replace", "---\ntitle: T\ntranslated_from: old # comment\ndescription: D\n---\nBody\n", "---\ntitle: T\ntranslated_from: abc123\ndescription: D\n---\nBody\n"},
		{"crlf and bom", "\ufeff---\r\ntitle: T\r\n---\r\nBody\r\n", "\ufeff---\r\ntitle: T\r\ntranslated_from: abc123\r\n---\r\nBody\r\n"},
		{"body dashes untouched", "---\ntitle: T\n---\ntranslated_from: x\n---\n", "---\ntitle: T\ntranslated_from: abc123\n---\ntranslated_from: x\n---\n"},
		{"empty front matter", "---\n---\n", "---\ntranslated_from: abc123\n---\n"},
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
		if s == "" || s == "." || s == ".." || strings.ContainsAny(s, "/\\%?#.\x00 ") || len(s) > 100 {
			t.Fatalf("CheckSegment accepted %q", s)
		}
	})
}
