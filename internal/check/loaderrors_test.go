package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestLoadErrorOnce: a file that does not load, or that content.Walk
// leaves out, is one error at that file; links to it, with or without an
// #anchor, are none, and neither is a clash of URLs for the same folder.
// Its key has status "error".
func TestLoadErrorOnce(t *testing.T) {
	tests := []struct {
		name   string
		files  string
		want   []string // the errors
		status map[string]string
	}{
		{
			name: "index.md beside _index.md",
			files: `-- content/da/faq/_index.md --
---
title: FAQ
description: Spørgsmål.
---
-- content/da/faq/index.md --
---
title: FAQ-side
description: En side.
---
## Svar
-- content/da/faq/mere.md --
---
title: Mere
description: Mere.
---
`,
			want: []string{
				"content/da/faq/index.md: error: content/da/faq/ is both a page bundle (this index.md: one page and its files) and a section (content/da/faq/_index.md: a page that lists pages); keep one: to keep the section, move this page's text into _index.md and delete index.md; to keep the bundle, delete _index.md and move the folder's pages out [build]",
			},
			status: map[string]string{"faq.md": StatusError, "faq/_index.md": StatusOK, "faq/mere.md": StatusOK},
		},
		{
			name: "front matter that does not parse",
			files: `-- content/da/faq/index.md --
---
title: [FAQ
description: En side.
---
## Svar
`,
			want: []string{
				"content/da/faq/index.md:2: error: front matter is not valid YAML: close the list with ] (the YAML parser: did not find expected ',' or ']') [build]",
			},
			status: map[string]string{"faq.md": StatusError},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, sitetest.Config+`-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Se [FAQ](faq/index.md), [svaret](faq/index.md#svar) og [også](/da/faq/#svar).
`+tt.files)
			var got []string
			for _, f := range r.Findings {
				if f.Severity == Error {
					got = append(got, f.String())
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for key, want := range tt.status {
				var status string
				for _, k := range r.Translations.Keys {
					if k.Key == key {
						status = k.Status["da"]
					}
				}
				if status != want {
					t.Errorf("status of %s in da = %q, want %q", key, status, want)
				}
			}
		})
	}
}

// TestScriptInContent: sitegen check reports a file beside a page that
// could run script, or is of no published kind, as the build does: one
// error at the file (rule build), and links to it are no further errors
// (issue 23: check -strict passed a site with content/da/x.js).
func TestScriptInContent(t *testing.T) {
	r := run(t, sitetest.Config+`-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Se [scriptet](x.js), [siden](x.html) og ![en tegning](tegning.svg).
-- content/da/x.js --
alert(1)
-- content/da/x.html --
<p>x</p>
-- content/da/tegning.svg --
<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>
-- content/da/brev.pdf --
%PDF-1.4
`)
	var got []string
	for _, f := range r.Findings {
		if f.Severity == Error {
			got = append(got, f.String())
		}
	}
	want := []string{
		`content/da/tegning.svg:1: error: <a href="javascript:alert(1)">: a javascript: URL runs script or holds a document: save the drawing without it, or put the SVG in static/ if the site's developers vouch for it (if every editor is trusted, set unsafe_html = true under [markdown] in sitegen.toml) [build]`,
		"content/da/x.html: error: HTML in content/ would run as the site's own script in readers' browsers: write pages in Markdown; scripts and HTML belong in static/, which the site's developers own; if every editor is trusted, set unsafe_html = true under [markdown] in sitegen.toml [build]",
		"content/da/x.js: error: JavaScript in content/ would run as the site's own script in readers' browsers: write pages in Markdown; scripts and HTML belong in static/, which the site's developers own; if every editor is trusted, set unsafe_html = true under [markdown] in sitegen.toml [build]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
