package render

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/diag"
)

func layouts(extra map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, name := range Required {
		fsys["layouts/"+name+".html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}{{ end }}`)}
	}
	fsys["layouts/base.html"] = &fstest.MapFile{Data: []byte(`<html>{{ block "main" . }}{{ end }}</html>`)}
	for name, text := range extra {
		fsys["layouts/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func TestMessageIDs(t *testing.T) {
	tmpl, diags := Load([]fs.FS{layouts(map[string]string{
		"page.html": `{{ define "main" }}{{ .T "plain" }}
{{ if .Page }}{{ $.T "in_if" 3 }}{{ else }}{{ .T "in_else" }}{{ end }}
{{ range .Site.Langs }}{{ $.TIn .Code "other_lang" }}{{ end }}
{{ with .Page }}{{ printf "%s" ($.T "nested") }}{{ end }}{{ end }}`,
		"partials/p.html": `{{ define "p" }}{{ .T "in_partial" }}{{ end }}`,
	})})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := tmpl.MessageIDs()
	want := []string{"in_else", "in_if", "in_partial", "nested", "other_lang", "plain"}
	if !slices.Equal(got, want) {
		t.Errorf("MessageIDs = %v, want %v", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"syntax", map[string]string{"page.html": "{{ define \"main\" }}\n{{ .T \"x\" }\n{{ end }}"}, "layouts/page.html:2:"},
		{"partial syntax", map[string]string{"partials/a.html": "{{ define \"a\" }}{{ if }}{{ end }}"}, "layouts/partials/a.html:1:"},
		{"base syntax", map[string]string{"base.html": "<html>\n\n{{ block \"main\" . }}"}, "layouts/base.html:3:"},
		{"unknown function", map[string]string{"home.html": `{{ define "main" }}{{ nosuch }}{{ end }}`}, `layouts/home.html:1: function "nosuch" not defined`},
	}
	for _, tt := range tests {
		_, diags := Load([]fs.FS{layouts(tt.files)})
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, diags.Error(), tt.want)
		}
	}
	fsys := layouts(nil)
	delete(fsys, "layouts/fallback.html")
	if _, diags := Load([]fs.FS{fsys}); !strings.Contains(diags.Error(), "layouts/fallback.html: missing") {
		t.Errorf("missing layout: %v", diags)
	}
}

func TestSplitTemplateError(t *testing.T) {
	tests := []struct {
		err       string
		path, msg string
		line      int
	}{
		{`template: layouts/page.html:12:5: executing "main" at <.Foo>: can't evaluate field Foo`, "layouts/page.html", `in {{ .Foo }}: can't evaluate field Foo`, 12},
		{`template: layouts/base.html:6:49: executing "title$htmltemplate_stateRCDATA_elementTitle" at <.T>: error calling T: message "x" not found`,
			"layouts/base.html", `in {{ .T }}: message "x" not found`, 6},
		{`template: layouts/partials/nav.html:3: unexpected "}" in operand`, "layouts/partials/nav.html", `unexpected "}" in operand`, 3},
		{`html/template:layouts/base.html:7:12: no such template "x"`, "layouts/base.html", `no such template "x"`, 7},
		{`something else`, "fallback", "something else", 0},
	}
	for _, tt := range tests {
		p, line, msg := splitTemplateError(errors.New(tt.err), "fallback")
		if p != tt.path || line != tt.line || msg != tt.msg {
			t.Errorf("%q: got %q %d %q", tt.err, p, line, msg)
		}
	}
}

// TestPartialWithoutDefine: a partial written without {{ define }} (as in
// Hugo) is the template of its file name; a new user's footer_note.html
// gave "no such template" at a theme file.
func TestPartialWithoutDefine(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/base.html":             {Data: []byte(`<body>{{ template "note" . }}</body>`)},
		"layouts/partials/note.html":    {Data: []byte(`<p>Written by us.</p>`)},
		"layouts/partials/defined.html": {Data: []byte(`{{- define "other" }}x{{ end }}`)},
	}
	for _, name := range Required[1:] {
		fsys["layouts/"+name+".html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}{{ end }}`)}
	}
	tmpl, diags := Load([]fs.FS{fsys})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var b strings.Builder
	if err := tmpl.byName["page"].ExecuteTemplate(&b, "layouts/base.html", nil); err != nil {
		t.Fatal(err)
	}
	if b.String() != "<body><p>Written by us.</p></body>" {
		t.Errorf("got %q", b.String())
	}
}

// TestThemeFileDiagnostics: a diagnostic in a layout the site does not
// have, one of the built-in theme's, names it as the theme's and has no
// path, for no editor can open it in the site (issue 23: errors at
// layouts/404.html:1 of a site with no layouts/); the same file in the
// site is named by its path.
func TestThemeFileDiagnostics(t *testing.T) {
	const base = "<html>\n<main id=\"main\">{{ .Nope }}{{ block \"main\" . }}{{ end }}</main></html>"
	theme := layouts(map[string]string{"base.html": base})
	site := fstest.MapFS{"layouts/page.html": {Data: []byte(`{{ define "main" }}x{{ end }}`)}}
	siteBase := fstest.MapFS{"layouts/base.html": {Data: []byte(base)}}
	tests := []struct {
		name   string
		layers []fs.FS
		want   diag.Diagnostic
		id     string
	}{
		{"in the theme", []fs.FS{theme, site}, diag.Diagnostic{Msg: "the built-in theme's layouts/base.html:2: in {{ .Nope }}: can't evaluate field Nope in type *render.Context"},
			"the built-in theme's layouts/base.html:2"},
		{"in the site", []fs.FS{theme, siteBase}, diag.Diagnostic{Path: "layouts/base.html", Line: 2, Msg: "in {{ .Nope }}: can't evaluate field Nope in type *render.Context"},
			"layouts/base.html:2"},
	}
	for _, tt := range tests {
		tmpl, diags := Load(tt.layers)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		err := tmpl.Execute(io.Discard, "page", &Context{})
		var got diag.List
		if !errors.As(err, &got) || len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
		if id := tmpl.IDs()["main"]; id != tt.id {
			t.Errorf("%s: id main at %q, want %q", tt.name, id, tt.id)
		}
	}
	broken := layouts(map[string]string{"partials/nav.html": "{{ define \"nav\" }}\n{{ if }}{{ end }}{{ end }}"})
	_, diags := Load([]fs.FS{broken, site})
	want := "the built-in theme's layouts/partials/nav.html:2: missing value for if"
	if len(diags) != 1 || diags[0].Path != "" || diags[0].Msg != want {
		t.Errorf("a theme file that does not parse: %v, want %s", diags, want)
	}
}
