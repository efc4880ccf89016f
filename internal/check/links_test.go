package check_test

import (
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestURLLinkAnchors checks the #anchors of links written as URLs, as
// those of .md links are: issue 14.
func TestURLLinkAnchors(t *testing.T) {
	fsys := sitetest.FS(t, []byte(sitetest.Config+`-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Se [fristen](/da/klage/#frist), [ingen](/da/klage/#ingen), [også ingen](klage/#nej)
og [filen](klage.md#heller-ikke).
-- content/da/klage.md --
---
title: Klage
description: Klag.
---
## Frist {#frist}
`))
	r, err := check.Run(fsys, build.Options{Defaults: sitetest.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.Findings {
		if f.Rule == "anchor" || f.Rule == "link" {
			got = append(got, f.String())
		}
	}
	want := []string{
		`content/da/_index.md:5: error: link "/da/klage/#ingen": content/da/klage.md has no heading or footnote with id "ingen" [anchor]`,
		`content/da/_index.md:5: error: link "klage/#nej": content/da/klage.md has no heading or footnote with id "nej" [anchor]`,
		`content/da/_index.md:6: error: link "klage.md#heller-ikke": content/da/klage.md has no heading or footnote with id "heller-ikke" [anchor]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTarget maps URLs in a rendered page to output files. A full URL on
// the site's host outside its base path is another site on that host
// (found moving a real site that lives at https://i14y-ch.github.io/handbook/
// and links to https://i14y-ch.github.io/tutorials/): external, not missing.
func TestTarget(t *testing.T) {
	const origin, base = "https://x.github.io", "/handbook/"
	tests := []struct {
		url, from  string
		file, frag string
		ok         bool
	}{
		{"#a", "de/p/index.html", "de/p/index.html", "a", true},
		{"/handbook/de/q/", "de/p/index.html", "de/q/index.html", "", true},
		{"../q/#b", "de/p/index.html", "de/q/index.html", "b", true},
		{"https://x.github.io/handbook/de/q/", "de/p/index.html", "de/q/index.html", "", true},
		{"https://x.github.io/tutorials/lab/index.html", "de/p/index.html", "", "", false},
		{"/tutorials/lab/", "de/p/index.html", "/tutorials/lab/", "", true},
		{"https://other.example/handbook/", "de/p/index.html", "", "", false},
		// A text directive names words, not an id.
		{"#:~:text=Note%20that", "de/p/index.html", "de/p/index.html", "", true},
		{"../q/#b:~:text=x", "de/p/index.html", "de/q/index.html", "b", true},
		{"https://x.github.io/handbook/de/q/#:~:text=a,b", "de/p/index.html", "de/q/index.html", "", true},
	}
	for _, tt := range tests {
		file, frag, ok := check.Target(tt.url, tt.from, origin, base)
		if file != tt.file || frag != tt.frag || ok != tt.ok {
			t.Errorf("Target(%q) = %q, %q, %v; want %q, %q, %v", tt.url, file, frag, ok, tt.file, tt.frag, tt.ok)
		}
	}
}
