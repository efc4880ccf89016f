package build_test

import (
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// themeLangs returns the languages the built-in theme has UI strings for,
// from its files, so that a language added to the theme is tested here
// without being named.
func themeLangs(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(theme.FS(), locale.Dir+"/*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no theme message files: %v", err)
	}
	var out []string
	for _, n := range names {
		out = append(out, strings.TrimSuffix(path.Base(n), ".toml"))
	}
	return out
}

// everyLanguageSite is a site in def and every other language of langs: a
// home page in each, stamped as a translation of def's, and one page in
// def alone, which every other language shows as a fallback page.
func everyLanguageSite(def string, langs []string) fstest.MapFS {
	var cfg strings.Builder
	fmt.Fprintf(&cfg, "base_url = \"https://example.org/\"\ntitle = \"Test\"\ndefault_language = %q\n", def)
	fsys := fstest.MapFS{}
	home := "---\ntitle: Home %s\ndescription: The home page in %s.\n%s---\n\nThe home page.\n"
	src := []byte(fmt.Sprintf(home, def, def, ""))
	f, _ := content.Parse(content.Dir+"/"+def+"/"+content.IndexName, src)
	order := []string{def}
	for _, l := range langs {
		if l != def {
			order = append(order, l)
		}
	}
	for _, l := range order {
		fmt.Fprintf(&cfg, "\n[[languages]]\ncode = %q\nname = %q\n", l, "Language "+l)
		data := src
		if l != def {
			data = []byte(fmt.Sprintf(home, l, l, "translated_from: "+f.SourceHash()+"\n"))
		}
		fsys[content.Dir+"/"+l+"/"+content.IndexName] = &fstest.MapFile{Data: data}
	}
	fsys["sitegen.toml"] = &fstest.MapFile{Data: []byte(cfg.String())}
	fsys[content.Dir+"/"+def+"/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\ndescription: Who runs the site.\n---\n\nA short page.\n")}
	return fsys
}

// TestEveryLanguage builds a site in every language the theme has strings
// for, with one page in the default language alone: it builds with no
// warning, passes sitegen check -strict, and each language's fallback page
// says, in its own language, that the page is not in it: the notice is its
// own file's fallback_title (issue 25: a Catalan page said "This page is
// not available in English"). The site is made from the theme's files,
// not kept as a txtar archive, so that a language added to the theme is
// in it.
func TestEveryLanguage(t *testing.T) {
	langs := themeLangs(t)
	fsys := everyLanguageSite("da", langs)
	site := sitetest.BuildFS(t, fsys, build.Options{Defaults: theme.FS(), NoMinify: true})
	if site.Result == nil {
		t.Fatalf("build failed:\n%s", site.Stderr())
	}
	for _, d := range site.Diags {
		if !strings.Contains(d.Msg, "marked needs_review") {
			t.Errorf("warning: %s", d)
		}
	}
	cat, diags := locale.Load([]fs.FS{theme.FS()}, langs, "da")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	english, _ := cat.T("en", "fallback_title")
	for _, l := range langs {
		if l == "da" {
			continue
		}
		name := strings.ToLower(l) + "/about/index.html"
		notice, _ := cat.T(l, "fallback_title")
		// Its own file, or a parent tag's (pt-BR says it as pt does).
		file, _ := cat.Origin(l, "fallback_title")
		if !slices.ContainsFunc(locale.Chain(l), func(tag string) bool { return file == locale.Dir+"/"+tag+".toml" }) {
			t.Errorf("%s: the fallback notice comes from %s", l, file)
		}
		// The notice stands alone, with no punctuation of the layout's:
		// languages end a sentence with . ۔ । ። ։ 。 or nothing.
		site.AssertFile(t, name, `<html lang="`+l+`"`, "<strong>"+template.HTMLEscapeString(notice)+"</strong></p>")
		if l != "en" && strings.Contains(string(site.Files[name]), english) {
			t.Errorf("%s: the fallback page says %q", name, english)
		}
	}

	r, err := check.Run(fsys, build.Options{Defaults: theme.FS()})
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors+r.Warnings > 0 {
		var b strings.Builder
		r.WriteText(&b)
		t.Errorf("check -strict finds %d errors and %d warnings:\n%s", r.Errors, r.Warnings, b.String())
	}
}

// TestPluralFormsInListings builds a section of 0, 1, 2, 3, 5, 11, 21 and
// 100 pages (and 6, Welsh many) in Russian, Polish, Arabic and Welsh, and
// compares each listing's heading with testdata/plural-forms.golden,
// written by hand from CLDR's rules. A section with no pages has no
// listing; for 0 the golden file holds what T says.
func TestPluralFormsInListings(t *testing.T) {
	want, err := os.ReadFile("testdata/plural-forms.golden")
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string][]int{"ru": nil, "pl": nil, "ar": nil, "cy": {6}}
	var got strings.Builder
	for _, l := range []string{"ru", "pl", "ar", "cy"} {
		ns := append([]int{0, 1, 2, 3, 5, 11, 21, 100}, counts[l]...)
		slices.Sort(ns)
		fsys := fstest.MapFS{
			"sitegen.toml":                {Data: []byte(fmt.Sprintf("base_url = \"https://example.org/\"\ntitle = \"Test\"\n[[languages]]\ncode = %q\nname = %q\n", l, l))},
			"content/" + l + "/_index.md": {Data: []byte("---\ntitle: Home\ndescription: Home.\n---\n")},
		}
		for _, n := range ns {
			dir := fmt.Sprintf("content/%s/s%d/", l, n)
			fsys[dir+"_index.md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: S%d\ndescription: S.\n---\n", n))}
			for i := range n {
				fsys[fmt.Sprintf("%sp%d.md", dir, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: P%d\ndescription: P.\n---\n", i))}
			}
		}
		site := sitetest.BuildFS(t, fsys, build.Options{Defaults: theme.FS(), NoMinify: true})
		if site.Result == nil {
			t.Fatalf("%s: build failed:\n%s", l, site.Stderr())
		}
		for _, n := range ns {
			html := string(site.Files[fmt.Sprintf("%s/s%d/index.html", l, n)])
			heading, ok := listingHeading(html)
			if n == 0 {
				if ok {
					t.Errorf("%s: a section with no pages has a listing: %q", l, heading)
				}
				s, err := site.Result.Catalog.T(l, "section_children", 0)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&got, "%s 0 (T): %s\n", l, s)
				continue
			}
			if !ok {
				t.Errorf("%s: section of %d pages has no listing:\n%s", l, n, html)
			}
			fmt.Fprintf(&got, "%s %d: %s\n", l, n, heading)
		}
	}
	var lines []string
	for _, line := range strings.Split(string(want), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	if w := strings.Join(lines, "\n") + "\n"; got.String() != w {
		t.Errorf("listing headings differ from testdata/plural-forms.golden:\n-want\n%s\n+got\n%s", w, got.String())
	}
}

// listingHeading returns the text of a page's listing heading
// (id="listing-title"), tags left out.
func listingHeading(html string) (string, bool) {
	i := strings.Index(html, `id="listing-title"`)
	if i < 0 {
		return "", false
	}
	rest := html[i:]
	rest = rest[strings.Index(rest, ">")+1:]
	end := strings.Index(rest, "</h2>")
	if end < 0 {
		return "", false
	}
	return strings.TrimSpace(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(rest[:end], "")), true
}
