package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// fallbackAnchors is a site whose Greenlandic home page links to anchors
// of c.md, which exists in Danish (with #frist) and English (with
// #deadline), so kl has a fallback page for it.
const fallbackAnchors = `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/en/_index.md --
---
title: Home
description: The home page.
---
-- content/kl/_index.md --
---
title: Aallaqqaasiut
description: Aallaqqaasiut.
---
Takuuk [frist](c.md#frist), [deadline](c.md#deadline) aamma [nowhere](c.md#nowhere).
-- content/da/c.md --
---
title: C
description: Side C.
---
## Frist {#frist}
-- content/en/c.md --
---
title: C
description: Page C.
---
## Deadline {#deadline}
`

// TestFallbackAnchors: an #anchor into a fallback page that shows its
// source's text ([fallback] show_default_text) is right when the source
// has the id, as the page has its ids; one into a fallback page that shows
// only its notice is right when some version has it (the translation is
// missing, not the link wrong). An id no version has is wrong either way.
func TestFallbackAnchors(t *testing.T) {
	for _, tt := range []struct {
		show bool
		want []string
	}{
		{false, []string{`link "c.md#nowhere"`}},
		{true, []string{`link "c.md#deadline"`, `link "c.md#nowhere"`}},
	} {
		cfg := sitetest.Config
		if tt.show {
			cfg = strings.Replace(cfg, "[[languages]]", "[fallback]\nshow_default_text = true\n[[languages]]", 1)
		}
		r, err := Run(sitetest.FS(t, []byte(cfg+fallbackAnchors)), build.Options{Defaults: theme.FS()})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range r.Findings {
			if f.Rule == "anchor" || f.Rule == "link" {
				msg, _, _ := strings.Cut(f.Message, ":")
				got = append(got, msg)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("show_default_text = %v: anchor findings %q, want %q\n%s", tt.show, got, tt.want, text(r))
		}
	}
}
