package build_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// fallbackTextSite shows the default language's text on fallback pages
// ([fallback] show_default_text): en and kl show da's klage.md, whose link
// goes to each language's help section.
var fallbackTextSite = strings.Replace(sitetest.Config, "[[languages]]", "[fallback]\nshow_default_text = true\n[[languages]]", 1) + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/en/_index.md --
---
title: Home
description: Home.
---
-- content/kl/_index.md --
---
title: Aallaqqaasiut
description: Aallaqqaasiut.
---
[Klage](/da/klage/)
-- content/da/klage.md --
---
title: Klage
description: Sådan klager du.
---
Få [hjælp](hjaelp/_index.md).

![Brevet](brev.svg)
-- content/da/brev.svg --
<svg width="40" height="20"/>
-- content/da/hjaelp/_index.md --
---
title: Hjælp
description: Hjælp.
---
-- content/kl/hjaelp/_index.md --
---
title: Ikiuineq
description: Ikiuineq.
slug: ikiuineq
---
`

// TestUpdateFallbackText checks that sitegen serve keeps the fallback
// pages that show a page's text up to date: after an edit of the text,
// of its image, and of the URL of a page it links to in one language, and
// that a link marked with its text's language (its text is the title of
// the page it goes to) loses the mark when the title changes.
func TestUpdateFallbackText(t *testing.T) {
	fsys := mapFS(fallbackTextSite)
	opts := build.Options{Defaults: theme.FS(), Incremental: true, Dev: true}
	b := build.NewBuilder(fsys, opts)
	out := store{}
	staging := publish.NewMemory()
	if _, err := b.Build(staging); err != nil {
		t.Fatal(err)
	}
	for n, d := range staging.Files() {
		out[n] = d
	}
	edit := func(p, data string) { fsys[p] = &fstest.MapFile{Data: []byte(data)} }
	steps := []struct {
		name     string
		change   func()
		paths    []string
		maxPages int
		want     map[string]string // output file -> a string it must hold
	}{
		{"body edit", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: Sådan klager du.\n---\nFå [hjælp](hjaelp/_index.md) nu.\n\n![Brevet](brev.svg)\n")
		}, []string{"content/da/klage.md"}, 3, map[string]string{"kl/klage/index.html": "nu.</p>", "en/klage/index.html": "nu.</p>"}},
		{"image", func() { edit("content/da/brev.svg", `<svg width="400" height="200"/>`) },
			[]string{"content/da/brev.svg"}, 0, map[string]string{"kl/klage/index.html": `width="400"`}},
		{"the link's target moves in kl only", func() {
			edit("content/kl/hjaelp/_index.md", "---\ntitle: Ikiuineq\ndescription: Ikiuineq.\nslug: ikiuinermut\n---\n")
		}, []string{"content/kl/hjaelp/_index.md"}, 0, map[string]string{"kl/klage/index.html": `href="/kl/ikiuinermut/"`}},
		{"title of a linked page", func() {
			edit("content/da/klage.md", "---\ntitle: Klag\ndescription: Sådan klager du.\n---\nFå [hjælp](hjaelp/_index.md) nu.\n\n![Brevet](brev.svg)\n")
		}, []string{"content/da/klage.md"}, 0, map[string]string{"kl/index.html": `<a href="/da/klage/">Klage</a>`}},
		{"and back", func() {
			edit("content/da/klage.md", "---\ntitle: Klage\ndescription: Sådan klager du.\n---\nFå [hjælp](hjaelp/_index.md) nu.\n\n![Brevet](brev.svg)\n")
		}, []string{"content/da/klage.md"}, 0, map[string]string{"kl/index.html": `<a href="/da/klage/" lang="da">Klage</a>`}},
		{"translated", func() {
			edit("content/kl/klage.md", "---\ntitle: Naammagittaalliuut\ndescription: kl.\n---\nkl.\n")
		}, []string{"content/kl/klage.md"}, 0, map[string]string{"kl/klage/index.html": "<p>kl.</p>"}},
	}
	for _, st := range steps {
		st.change()
		staging := publish.NewMemory()
		_, ch, err := b.Update(st.paths, staging)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		out.apply(staging, ch)
		pagesWritten := 0
		for _, n := range ch.Written {
			if strings.HasSuffix(n, ".html") {
				pagesWritten++
			}
		}
		if st.maxPages > 0 && pagesWritten > st.maxPages {
			t.Errorf("%s: rendered %d pages (%v), want at most %d", st.name, pagesWritten, ch.Written, st.maxPages)
		}
		fresh := sitetest.BuildFS(t, fsys, build.Options{Defaults: theme.FS(), Dev: true})
		if fresh.Result == nil {
			t.Fatalf("%s: fresh build failed: %s", st.name, fresh.Stderr())
		}
		compare(t, st.name, out, fresh.Files)
		for name, s := range st.want {
			if !strings.Contains(string(out[name]), s) {
				t.Errorf("%s: %s lacks %q:\n%s", st.name, name, s, out[name])
			}
		}
	}
}
