package render

import (
	"io/fs"
	"maps"
	"testing"
)

func TestLayoutIDs(t *testing.T) {
	tmpl, diags := Load([]fs.FS{layouts(map[string]string{
		"base.html": `<html><a href="#main" class="skip-link">x</a>
<main id="main" tabindex="-1">{{ block "main" . }}{{ end }}</main></html>`,
		"page.html": `{{ define "main" }}<nav aria-labelledby="toc-title"><h2 id="toc-title">x</h2></nav>
{{ if .Page }}<p id='in-if'>{{ else }}<p id=in-else>{{ end }}
{{ range .Site.Langs }}<p id="lang-{{ .Code }}" data-id="not-an-id">{{ end }}
<input ID="upper"><div id = "spaced">{{ end }}`,
		"partials/p.html": `{{ define "p" }}<ol id="listing-title"></ol>{{ end }}`,
		"search.html":     `{{ define "main" }}{{/* id="in-comment" */}}<input id="search-input">{{ end }}`,
	})})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := map[string]string{
		"main":          "layouts/base.html:2",
		"toc-title":     "layouts/page.html:1",
		"in-if":         "layouts/page.html:2",
		"in-else":       "layouts/page.html:2",
		"spaced":        "layouts/page.html:4",
		"upper":         "layouts/page.html:4",
		"listing-title": "layouts/partials/p.html:1",
		"search-input":  "layouts/search.html:1",
	}
	if got := tmpl.IDs(); !maps.Equal(got, want) {
		t.Errorf("IDs =\n%v\nwant\n%v", got, want)
	}
}
