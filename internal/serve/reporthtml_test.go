package serve

import (
	"bytes"
	"html/template"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// reportBody is the template the status page was made with before
// renderReport: the reference it must equal.
var reportBody = template.Must(template.New("report").Parse(`{{ with .Findings }}<h2>Findings</h2>
<ul>{{ range . }}<li><code>{{ . }}</code></li>{{ end }}</ul>{{ end }}
{{ $site := .Site }}{{ with .Translations }}{{ if $site }}
<h2>Translations</h2>
<table>
<thead><tr><th scope="col">Key</th>{{ range .Languages }}<th scope="col">{{ . }}</th>{{ end }}</tr></thead>
<tbody>
{{ range .Keys }}{{ $k := . }}<tr><th scope="row"><code>{{ .Key }}</code></th>
{{ range $site.Langs }}{{ with $site.Page $k.Key .Code }}<td><a href="{{ $site.URL . }}">{{ index $k.Status .Lang.Code }}</a></td>{{ end }}{{ end }}
</tr>{{ end }}
</tbody>
</table>{{ end }}{{ end }}
{{ with .Readability }}<h2>Readability (LIX)</h2>
<ul>{{ range . }}<li><code>{{ .Path }}</code>: {{ .LIX }} ({{ .Band }})</li>{{ end }}</ul>{{ end }}
`))

// TestRenderReport: the status page's report, written out by hand, is
// what the template made, on a report with findings of every kind,
// quotes and markup in them, a translation table and readability.
func TestRenderReport(t *testing.T) {
	site := reportSite + `-- content/da/tegn.md --
---
title: Tegn & "citater" <b>
---
Se [<her>](klage.md#'x') & ![](mangler.png).
`
	r, err := check.Run(sitetest.FS(t, []byte(site)), build.Options{Defaults: sitetest.Theme(), Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*check.Report{r, {Version: 1}} {
		var want bytes.Buffer
		if err := reportBody.Execute(&want, r); err != nil {
			t.Fatal(err)
		}
		got, err := renderReport(r)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Errorf("renderReport:\n%s\nthe template:\n%s", got, want.String())
		}
	}
}
