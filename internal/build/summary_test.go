package build_test

import (
	"regexp"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestSummaryDrafts: the summary line counts the Markdown files left out
// as drafts, one a file (a draft in two languages is two), and says where
// to see them; a site with none says nothing of drafts, nor does a build
// that shows them.
func TestSummaryDrafts(t *testing.T) {
	const pages = sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/da/a.md --
---
title: A
description: A.
---
`
	draft := func(lang, name string) string {
		return "-- content/" + lang + "/" + name + " --\n---\ntitle: Udkast\ndescription: Udkast.\ndraft: true\n---\n"
	}
	tests := []struct {
		name   string
		site   string
		drafts bool
		want   string
	}{
		{"none", pages, false, `^built 6 pages \(da 2, en 0, kl 0 \+ 4 fallback\) in \d+ ms$`},
		{"one", pages + draft("da", "b.md"), false, `^built 6 pages \(da 2, en 0, kl 0 \+ 4 fallback\) in \d+ ms, 1 draft left out: sitegen serve shows it$`},
		{"a key in two languages, and a future page", pages + draft("da", "b.md") + draft("en", "b.md") +
			"-- content/da/c.md --\n---\ntitle: C\ndescription: C.\npublish_date: 2999-01-01\n---\n",
			false, `^built 6 pages \(da 2, en 0, kl 0 \+ 4 fallback\) in \d+ ms, 3 drafts left out: sitegen serve shows them$`},
		{"shown", pages + draft("da", "b.md"), true, `^built 9 pages \(da 3, en 0, kl 0 \+ 6 fallback\) in \d+ ms$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.BuildFS(t, sitetest.FS(t, []byte(tt.site)), build.Options{Drafts: tt.drafts})
			if s.Result == nil {
				t.Fatalf("build failed: %v", s.Diags)
			}
			if got := s.Result.Summary(); !regexp.MustCompile(tt.want).MatchString(got) {
				t.Errorf("Summary() = %q\nwant %s", got, tt.want)
			}
		})
	}
}
