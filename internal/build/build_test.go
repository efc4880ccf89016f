package build_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestGolden builds each site in testdata/*.txtar and compares the output
// with the archive's want/ files. See package sitetest for the format.
func TestGolden(t *testing.T) {
	sitetest.RunGolden(t, "testdata")
}

// TestDeterministic builds the bundled site twice, on all cores, and
// requires identical bytes.
func TestDeterministic(t *testing.T) {
	root, err := os.OpenRoot("../..")
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	opts := build.Options{Defaults: theme.FS()}
	a := sitetest.BuildFS(t, root.FS(), opts)
	b := sitetest.BuildFS(t, root.FS(), opts)
	if a.Result == nil {
		t.Fatalf("bundled site does not build:\n%s", a.Stderr())
	}
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestBuiltinThemeMarkdown builds with the built-in theme: alerts get its
// labels in da, en and kl, and headings skip the ids its layouts use.
func TestBuiltinThemeMarkdown(t *testing.T) {
	page := "---\ntitle: T\ndescription: D.\n---\n> [!NOTE]\n> x\n\n> [!TIP]\n> x\n\n> [!IMPORTANT]\n> x\n\n> [!WARNING]\n> x\n\n> [!CAUTION]\n> x\n\n## Main\n\n## Toc title\n\n## Intro\n\n## Listing title\n"
	archive := sitetest.Config
	for _, lang := range []string{"da", "en", "kl"} {
		archive += "-- content/" + lang + "/_index.md --\n---\ntitle: Forside\ndescription: Forsiden.\n---\n-- content/" + lang + "/side.md --\n" + page
	}
	site := sitetest.Build(t, archive, build.Options{Defaults: theme.FS(), NoMinify: true})
	if site.Result == nil {
		t.Fatalf("build failed:\n%s", site.Stderr())
	}
	labels := map[string][]string{
		"da": {"Bemærk", "Tip", "Vigtigt", "Advarsel", "Pas på"},
		"en": {"Note", "Tip", "Important", "Warning", "Caution"},
		"kl": {"Maluginiaruk", "Siunnersuut", "Pingaarutilik", "Mianersoqqussut", "Mianersorit"},
	}
	for lang, want := range labels {
		var contains []string
		for i, typ := range []string{"note", "tip", "important", "warning", "caution"} {
			contains = append(contains, `<div class="callout callout--`+typ+`" role="note">`+"\n"+`<p class="callout__label">`+want[i]+`</p>`)
		}
		contains = append(contains, `<h2 id="main-1">Main</h2>`, `<h2 id="toc-title-1">Toc title</h2>`, `<h2 id="intro">Intro</h2>`)
		site.AssertFile(t, lang+"/side/index.html", contains...)
	}
}

// TestLanguageWithoutStringsKeepGoing: sitegen build and check (which
// keep going past errors) report a language with no UI strings once, as
// the build that stops does; they no longer render its pages to add an
// error at each string the theme's layouts use (issue 23: errors at
// layouts/404.html:1, base.html:25 and fallback.html:6, files the site
// does not have).
func TestLanguageWithoutStringsKeepGoing(t *testing.T) {
	archive, err := os.ReadFile("testdata/language-without-strings.txtar")
	if err != nil {
		t.Fatal(err)
	}
	site := sitetest.BuildFS(t, sitetest.FS(t, archive), build.Options{Defaults: theme.FS(), KeepGoing: true})
	want := `i18n/fy.toml: language "fy" has no UI strings (the built-in theme has none for it): create i18n/fy.toml with these `
	if got := site.Stderr(); !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 1 {
		t.Errorf("stderr:\n%s\nwant one line starting\n%s", got, want)
	}
	if site.Result == nil || len(site.Result.Warnings) != 0 {
		t.Errorf("warnings: %v", site.Result)
	}
}
