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
