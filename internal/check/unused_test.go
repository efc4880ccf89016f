package check

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestUnusedSiteStrings: a message the site's own files define and no
// layout uses is reported, unless the built-in theme defines it too: that
// one is the site's translation of the theme's string (sitegen init
// writes every one for a language the theme lacks), and whether a layout
// shows it is the theme's concern.
func TestUnusedSiteStrings(t *testing.T) {
	defaults := fstest.MapFS{}
	err := fs.WalkDir(sitetest.Theme(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sitetest.Theme(), p)
		defaults[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	defaults["i18n/en.toml"].Data = append([]byte("theme_only = \"No layout shows me yet\"\n"), defaults["i18n/en.toml"].Data...)
	site := sitetest.FS(t, []byte(sitetest.Config+`-- i18n/da.toml --
theme_only = "Intet layout viser mig endnu"
site_only = "Ingen bruger mig"
-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
`))
	r, err := Run(site, build.Options{Defaults: defaults})
	if err != nil {
		t.Fatal(err)
	}
	if r.UIStrings == nil {
		t.Fatalf("no UI string report: %s", text(r))
	}
	if got := r.UIStrings.Unused; !slices.Equal(got, []string{"site_only"}) {
		t.Errorf("unused = %v, want [site_only]", got)
	}
}
