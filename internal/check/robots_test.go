package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestOwnRobots (FIX4): the site's own static/robots.txt, published in
// place of the generated one, is a warning when it names no sitemap, or
// names one on the site that the build does not write; each says the
// line to write. The generated robots.txt, and an own one that names the
// sitemap, are none.
func TestOwnRobots(t *testing.T) {
	const page = `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
`
	tests := []struct {
		name, robots string
		want         []string
	}{
		{"generated", "", nil},
		{"names the sitemap", "User-agent: *\nDisallow: /staging/\n\nSitemap: https://example.org/sitemap.xml\n", nil},
		{"another case, another host too", "user-agent: *\nSITEMAP:https://example.org/sitemap.xml # ours\nSitemap: https://cdn.example.net/map.xml\n", nil},
		{"names none", "User-agent: *\nDisallow: /staging/\n# Sitemap: https://example.org/sitemap.xml\n",
			[]string{`static/robots.txt: warning: names no sitemap, so crawlers find the pages only by their links; add the line "Sitemap: https://example.org/sitemap.xml", as the generated robots.txt has it [robots]`}},
		{"names a sitemap the build does not write", "User-agent: *\nAllow: /\nSitemap: https://example.org/en/sitemap.xml\n",
			[]string{`static/robots.txt:3: warning: Sitemap: https://example.org/en/sitemap.xml names a file the build does not write; write "Sitemap: https://example.org/sitemap.xml" [robots]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			archive := sitetest.Config + page
			if tt.robots != "" {
				archive += "-- static/robots.txt --\n" + tt.robots
			}
			var got []string
			for _, f := range run(t, archive).Findings {
				if f.Rule == "robots" {
					got = append(got, f.String())
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
