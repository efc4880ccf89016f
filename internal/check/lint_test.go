package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestEmptyLink: a link or image with no destination, however it is
// written, is a content-lint warning at its line; the build does not fail
// on it, as it does not on the other lint findings.
func TestEmptyLink(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // findings on content/da/a.md
	}{
		{"empty", "Se [tom]().", []string{
			`content/da/a.md:5: warning: link "tom" has no destination: write the page or address it goes to, or remove the link [empty-link]`}},
		{"angle brackets", "Se [vinkel](<>).", []string{
			`content/da/a.md:5: warning: link "vinkel" has no destination: write the page or address it goes to, or remove the link [empty-link]`}},
		{"space", "Se [mellemrum]( ).", []string{
			`content/da/a.md:5: warning: link "mellemrum" has no destination: write the page or address it goes to, or remove the link [empty-link]`}},
		{"reference", "Se [ref][r].\n\n[r]: <>", []string{
			`content/da/a.md:5: warning: link "ref" has no destination: write the page or address it goes to, or remove the link [empty-link]`}},
		{"image", "![Et kort]()", []string{
			`content/da/a.md:5: warning: image "Et kort" has no destination: write the file it shows, or remove the image [empty-link]`}},
		{"image without alt text: once", "Før.\n\n![]()", []string{
			`content/da/a.md:7: warning: image "" has no destination: write the file it shows, or remove the image [empty-link]`}},
		{"vague and empty: two problems", "[her]()", []string{
			`content/da/a.md:5: warning: link "her" has no destination: write the page or address it goes to, or remove the link [empty-link]`,
			`content/da/a.md:5: warning: link text "her" does not say where the link goes: name the destination [link-text]`}},
		{"a destination", "Se [forsiden](_index.md) og [toppen](#top).\n\n## Top {#top}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			archive := sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/da/a.md --
---
title: A
description: Side A.
---
` + tt.body + "\n"
			r := run(t, archive)
			var got []string
			for _, f := range findings(r) {
				if strings.HasPrefix(f, "content/da/a.md:") && !strings.Contains(f, "[readability]") {
					got = append(got, f)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if r.Errors != 0 {
				t.Errorf("%d errors, want none:\n%s", r.Errors, strings.Join(findings(r), "\n"))
			}
			if _, err := build.Build(sitetest.FS(t, []byte(archive)), build.Options{Defaults: sitetest.Theme()}, discard{}); err != nil {
				t.Errorf("build: %v", err)
			}
		})
	}
}

// discard is a build.Output that keeps nothing.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }
