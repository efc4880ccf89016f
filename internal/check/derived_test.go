package check

import (
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// derivedSite has every output a layout of the built-in theme links to
// and the build makes only from the whole site: feeds of the languages,
// sections and terms, term and taxonomy pages, numbered listing pages,
// the sitemap and the search page.
const derivedSite = `-- sitegen.toml --
base_url = "https://example.org/"
title = "Site"
taxonomies = ["tags"]
[[languages]]
code = "en"
name = "English"
[[languages]]
code = "de"
name = "Deutsch"
[pagination]
page_size = 2
-- content/en/_index.md --
---
title: Home
description: The home page.
---
Read the [news](news/_index.md).
-- content/de/_index.md --
---
title: Start
description: Die Startseite.
---
-- content/en/search.md --
---
title: Search
description: Search the site.
layout: search
---
-- content/en/news/_index.md --
---
title: News
description: What is new.
---
-- content/en/news/a.md --
---
title: A
description: Page A.
date: 2026-01-01
tags: [one]
---
Text of A.
-- content/en/news/b.md --
---
title: B
description: Page B.
date: 2026-01-02
tags: [one, two]
---
Text of B.
-- content/en/news/c.md --
---
title: C
description: Page C.
date: 2026-01-03
tags: [two]
---
Text of C.
`

// TestFailedPageNoDerivedErrors: one page with an error is that one
// error, and no link in the rendered pages to what the build writes from
// the whole site (the feeds, the sitemap, term and numbered pages, the
// search page) is reported as not written because the build failed. A
// newcomer's site with one broken link had 27 errors.
func TestFailedPageNoDerivedErrors(t *testing.T) {
	tests := []struct {
		name  string
		files string
		want  string // the one error's prefix
	}{
		{
			name: "link to no page in a dated, tagged page",
			files: `-- content/en/news/d.md --
---
title: D
description: Page D.
date: 2026-01-04
tags: [one]
---
See [x](nope.md).
`,
			want: `content/en/news/d.md:7: error: link to "nope.md": no such page in any language`,
		},
		{
			name: "link to no page in a translated section",
			files: `-- content/de/news/_index.md --
---
title: Neues
description: Was neu ist.
---
Siehe [x](nope.md).
`,
			want: `content/de/news/_index.md:5: error: link to "nope.md": no such page in any language`,
		},
		{
			name: "unknown shortcode in a dated page",
			files: `-- content/en/news/d.md --
---
title: D
description: Page D.
date: 2026-01-04
---
{{< nope >}}
`,
			want: "content/en/news/d.md:6: error: Hugo shortcode",
		},
		{
			name: "front matter",
			files: `-- content/en/news/d.md --
---
title: D
description: Page D.
date: 2026-01-04
tags: [one
---
Text.
`,
			want: "content/en/news/d.md:",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Run(sitetest.FS(t, []byte(derivedSite+tt.files)), build.Options{Defaults: theme.FS()})
			if err != nil {
				t.Fatal(err)
			}
			var errs []string
			for _, f := range findings(r) {
				if strings.Contains(f, ": error: ") {
					errs = append(errs, f)
				}
			}
			if len(errs) != 1 || !strings.HasPrefix(errs[0], tt.want) || r.Errors != 1 {
				t.Errorf("%d errors:\n%s\nwant one: %s...", r.Errors, strings.Join(errs, "\n"), tt.want)
			}
		})
	}
	// Without the failing page the site has no error: the outputs above
	// are there to be linked to.
	r, err := Run(sitetest.FS(t, []byte(derivedSite)), build.Options{Defaults: theme.FS()})
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors != 0 {
		t.Errorf("the site without the failing page has errors:\n%s", text(r))
	}
}
