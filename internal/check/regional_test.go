package check

import (
	"slices"
	"strings"
	"testing"
)

// TestRegionalUIStrings: a language with a region reads its base
// language's strings (locale.Chain), so check counts those as present, and
// each string's needs_review state is the one of the file it comes from:
// da-DK and en-GB take the theme's da.toml and en.toml, and the one string
// en-GB.toml marks is the only one awaiting review in en-GB.
func TestRegionalUIStrings(t *testing.T) {
	r := run(t, `-- sitegen.toml --
base_url = "https://example.org/"
default_language = "da-DK"

[[languages]]
code = "da-DK"
name = "Dansk"

[[languages]]
code = "en-GB"
name = "English"
-- i18n/en-GB.toml --
[missing]
other = "not yet written"
needs_review = true
-- content/da-DK/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/en-GB/_index.md --
---
title: Home
description: The home page.
translated_from: 0
---
`)
	for _, f := range findings(r) {
		if strings.Contains(f, "missing, shown in") || strings.Contains(f, "needs review") {
			t.Errorf("finding %q: every string is there, through the base language", f)
		}
	}
	if len(r.UIStrings.Missing) != 0 {
		t.Errorf("missing UI strings %v, want none", r.UIStrings.Missing)
	}
	if got := r.UIStrings.NeedsReview; len(got) != 1 || !slices.Equal(got["en-GB"], []string{"missing"}) {
		t.Errorf("needs review %v, want only en-GB: [missing]", got)
	}
	if txt := text(r); !strings.Contains(txt, "UI strings awaiting review in en-GB: 1") {
		t.Errorf("report does not list en-GB's string awaiting review:\n%s", txt)
	}
}
