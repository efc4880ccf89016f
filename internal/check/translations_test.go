package check_test

import (
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestTranslationsByKey fills the translation table by translation key:
// a translation with another file name is ok when translated_from holds
// its source's hash, and outdated otherwise.
func TestTranslationsByKey(t *testing.T) {
	src := "---\ntitle: Licenser\ndescription: D.\ntranslation_key: licensing\n---\nTekst.\n"
	f, diags := content.Parse("content/da/tjeklister/licenser.md", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	fsys := sitetest.FS(t, []byte(sitetest.Config+`-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/da/tjeklister/_index.md --
---
title: Tjeklister
description: Tjeklister.
---
-- content/da/tjeklister/licenser.md --
`+src+`-- content/en/tjeklister/licensing.md --
---
title: Licensing
description: D.
translationKey: licensing
translated_from: `+f.SourceHash()+`
---
Text.
-- content/kl/tjeklister/licenser.md --
---
title: Kl
description: D.
translation_key: licensing
translated_from: 000000000000
---
`))
	r, err := check.Run(fsys, build.Options{Defaults: sitetest.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range r.Translations.Keys {
		if k.Key == "licensing" {
			if k.Status["da"] != "ok" || k.Status["en"] != "ok" || k.Status["kl"] != "outdated" {
				t.Errorf("licensing: %v", k.Status)
			}
			return
		}
	}
	var keys []string
	for _, k := range r.Translations.Keys {
		keys = append(keys, k.Key)
	}
	t.Errorf("no key licensing in %s", strings.Join(keys, " "))
}
