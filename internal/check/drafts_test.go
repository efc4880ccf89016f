package check

import (
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

const draftSite = sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Om [et nyt](udkast.md#afsnit), [en ny](klage.md) og [en til](blandet.md).
-- content/da/klage.md --
---
title: Klage
description: Klage.
draft: true
---
Se [udkastet](udkast.md).
-- content/da/blandet.md --
---
title: Blandet
description: Et udkast på dansk.
draft: true
---
Det er nyt. Det er kort.
-- content/en/blandet.md --
---
title: Mixed
description: Published in English.
---
-- content/da/udkast.md --
---
title: Udkast
description: Udkast.
draft: true
---
## Afsnit
`

// TestDrafts: sitegen check reports a published page's link to a draft
// as the broken link it is once the site is built (a build error);
// sitegen check -drafts checks the drafts too, and reports the same link
// as an error at its line, but not a draft's link to a draft, nor a link
// to a key published in another language, which sitegen build serves with
// a fallback page.
func TestDrafts(t *testing.T) {
	plain := run(t, draftSite)
	r, err := Run(sitetest.FS(t, []byte(draftSite)), build.Options{Defaults: sitetest.Theme(), Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Drafts || plain.Drafts {
		t.Errorf("Drafts: %v with -drafts, %v without", r.Drafts, plain.Drafts)
	}
	want := []string{
		`content/da/_index.md:5: error: link "klage.md" goes to a draft page, which sitegen build leaves out: publish it or remove the link [draft]`,
		`content/da/_index.md:5: error: link "udkast.md#afsnit" goes to a draft page, which sitegen build leaves out: publish it or remove the link [draft]`,
		`content/en/blandet.md:1: warning: outdated: no translated_from; after checking the translation against content/da/blandet.md, run: sitegen stamp content/en/blandet.md [translation]`,
	}
	if got := strings.Join(findings(r), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("check -drafts:\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if r.Pages != 5 || plain.Pages != 2 {
		t.Errorf("%d pages with drafts, %d without; want 5, 2", r.Pages, plain.Pages)
	}
	if got := text(plain); !strings.Contains(got, `goes to a draft, which is not published`) {
		t.Errorf("check without -drafts:\n%s", got)
	}
}
