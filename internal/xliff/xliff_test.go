package xliff

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/blocks"
	"github.com/udenmitid/sitegen/internal/content"
)

// pages are the pages every test exports: each page of the bundled
// site's Danish and English content, and the torture page.
func pages(t testing.TB) []*content.File {
	t.Helper()
	var names []string
	for _, glob := range []string{"../../content/da/*.md", "../../content/da/*/*.md", "../../content/en/*.md", "../../content/en/*/*.md"} {
		m, _ := filepath.Glob(glob)
		names = append(names, m...)
	}
	if len(names) < 40 {
		t.Fatalf("found %d pages of the bundled site", len(names))
	}
	names = append(names, "testdata/torture.md", "testdata/front-units.md")
	var out []*content.File
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		p := strings.TrimPrefix(n, "../../")
		switch n {
		case "testdata/torture.md":
			p = "content/da/tortur.md"
		case "testdata/front-units.md":
			p = "content/da/felter.md"
		}
		f, diags := content.Parse(p, data)
		if f == nil {
			t.Fatalf("%s: %v", n, diags)
		}
		out = append(out, f)
	}
	return out
}

// exportNew exports f as a page missing in language "xx".
func exportNew(t testing.TB, f *content.File) []byte {
	t.Helper()
	return exportMissing(t, f, false)
}

// exportMissing exports f as a page missing in language "xx", with
// Request.CopySource as copySource.
func exportMissing(t testing.TB, f *content.File, copySource bool) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../..", f.Path))
	switch f.Path {
	case "content/da/tortur.md":
		data, err = os.ReadFile("testdata/torture.md")
	case "content/da/felter.md":
		data, err = os.ReadFile("testdata/front-units.md")
	}
	if err != nil {
		t.Fatal(err)
	}
	out, err := Export(Request{Lang: "xx", Source: f, SourceData: data, Target: "content/xx/" + f.Key, Tool: "test", CopySource: copySource})
	if err != nil {
		t.Fatalf("%s: %v", f.Path, err)
	}
	return out
}

var unitRE = regexp.MustCompile(`(?s)(<trans-unit id="([^"]+)"[^>]*>\s*<source>(.*?)</source>)(\s*<target[^>]*>.*?</target>)?`)

// fill gives every unit of an exported file the target f makes of its
// source's inner XML, with state final.
func fill(data []byte, f func(id, source string) string) []byte {
	return unitRE.ReplaceAllFunc(data, func(m []byte) []byte {
		sm := unitRE.FindSubmatch(m)
		return []byte(string(sm[1]) + "\n    <target state=\"final\">" + f(string(sm[2]), string(sm[3])) + "</target>")
	})
}

var codeOrEntity = regexp.MustCompile(`(?s)<(bpt|ept|ph)[^>]*>.*?</(?:bpt|ept|ph)>|&[a-z]+;|&#[0-9]+;`)

// upper upper-cases the text of inline XML, not its codes.
func upper(inner string) string {
	var b strings.Builder
	at := 0
	for _, loc := range codeOrEntity.FindAllStringIndex(inner, -1) {
		b.WriteString(strings.ToUpper(inner[at:loc[0]]))
		b.WriteString(inner[loc[0]:loc[1]])
		at = loc[1]
	}
	b.WriteString(strings.ToUpper(inner[at:]))
	return b.String()
}

func noFile(string) ([]byte, error) { return nil, fs.ErrNotExist }

// TestRoundTrip exports every page, imports it with its own source text
// as the translation, and gets the same Markdown back.
func TestRoundTrip(t *testing.T) {
	for _, f := range pages(t) {
		data := fill(exportNew(t, f), func(_, src string) string { return src })
		res, err := Import(data, Options{Current: noFile})
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		got, diags := content.Parse(res.Path, res.Data)
		if got == nil {
			t.Fatalf("%s: %v", f.Path, diags)
		}
		if !bytes.Equal(got.Body, f.Body) {
			t.Errorf("%s: the body came back as\n%s\nwant\n%s", f.Path, got.Body, f.Body)
		}
		if got.Meta.Title != f.Meta.Title || got.Meta.Description != f.Meta.Description || got.Meta.LinkTitle != f.Meta.LinkTitle || got.Meta.Summary != f.Meta.Summary {
			t.Errorf("%s: title %q, description %q, link_title %q, summary %q", f.Path, got.Meta.Title, got.Meta.Description, got.Meta.LinkTitle, got.Meta.Summary)
		}
		if got.Meta.TranslatedFrom != f.SourceHash() || got.Meta.NeedsReview {
			t.Errorf("%s: translated_from %q, needs_review %v", f.Path, got.Meta.TranslatedFrom, got.Meta.NeedsReview)
		}
		if got.Meta.Weight != f.Meta.Weight || strings.Join(got.Meta.Menus, ",") != strings.Join(f.Meta.Menus, ",") || got.Meta.Layout() != f.Meta.Layout() {
			t.Errorf("%s: weight, menu or layout not the source's: %+v", f.Path, got.Meta)
		}
	}
}

// TestRoundTripWritten imports every page with its text upper-cased, so
// that every unit is written by blocks.Write, not kept: the page reads
// back as the same units, with the same codes, in capitals.
func TestRoundTripWritten(t *testing.T) {
	for _, f := range pages(t) {
		data := fill(exportNew(t, f), func(_, src string) string { return upper(src) })
		res, err := Import(data, Options{Current: noFile})
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		got, _ := content.Parse(res.Path, res.Data)
		if got == nil {
			t.Fatalf("%s: does not read:\n%s", f.Path, res.Data)
		}
		a, _ := blocks.Parse(f.Body)
		b, err := blocks.Parse(got.Body)
		if err != nil || len(a.Units) != len(b.Units) {
			t.Fatalf("%s: %v, %d units, want %d:\n%s", f.Path, err, len(b.Units), len(a.Units), got.Body)
		}
		for i, u := range a.Units {
			v := b.Units[i]
			want := strings.Join(strings.Fields(strings.ToUpper(plainText(u.Parts))), " ")
			if g := strings.Join(strings.Fields(plainText(v.Parts)), " "); g != want || codeTypes(u) != codeTypes(v) {
				t.Errorf("%s: unit %s %q [%s]\nwant %q [%s]", f.Path, u.ID, g, codeTypes(v), want, codeTypes(u))
			}
		}
		if got.Meta.Title != strings.ToUpper(f.Meta.Title) || got.Meta.LinkTitle != strings.ToUpper(f.Meta.LinkTitle) || got.Meta.Summary != strings.ToUpper(f.Meta.Summary) {
			t.Errorf("%s: title %q, link_title %q, summary %q", f.Path, got.Meta.Title, got.Meta.LinkTitle, got.Meta.Summary)
		}
	}
}

// TestSchema validates exported files against the OASIS XLIFF 1.2 strict
// schema with xmllint. Debian's php-symfony-translation ships the schema
// and libxml2-utils xmllint; without them the test skips, unless
// SITEGEN_XLIFF_TESTS=required (as .ci/run sets).
func TestSchema(t *testing.T) {
	const dir = "/usr/share/php/Symfony/Component/Translation/Resources/schemas"
	xsd, err := os.ReadFile(filepath.Join(dir, "xliff-core-1.2-strict.xsd"))
	xmlXSD, err2 := os.ReadFile(filepath.Join(dir, "xml.xsd"))
	xmllint, err3 := exec.LookPath("xmllint")
	if err := errors.Join(err, err2, err3); err != nil {
		if os.Getenv("SITEGEN_XLIFF_TESTS") == "required" {
			t.Fatalf("the XLIFF schema test needs Debian's php-symfony-translation and libxml2-utils: %v", err)
		}
		t.Skipf("needs Debian's php-symfony-translation (the schema) and libxml2-utils (xmllint): %v", err)
	}
	tmp := t.TempDir()
	// The schema imports xml.xsd from the web: read the copy beside it.
	xsd = bytes.ReplaceAll(xsd, []byte(`schemaLocation="http://www.w3.org/2001/xml.xsd"`), []byte(`schemaLocation="xml.xsd"`))
	if err := os.WriteFile(filepath.Join(tmp, "xliff.xsd"), xsd, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "xml.xsd"), xmlXSD, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--noout", "--nonet", "--schema", filepath.Join(tmp, "xliff.xsd")}
	for i, f := range pages(t) {
		name := filepath.Join(tmp, strings.ReplaceAll(f.Path, "/", "_")+".xlf")
		data := exportNew(t, f)
		switch i % 3 {
		case 1: // with targets too
			data = fill(data, func(_, src string) string { return upper(src) })
		case 2: // the source as the targets, for OmegaT
			data = exportMissing(t, f, true)
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
	}
	out, err := exec.Command(xmllint, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
	if n := strings.Count(string(out), " validates"); n != len(args)-4 {
		t.Errorf("%d of %d files validate:\n%s", n, len(args)-4, out)
	}
}

// TestCopySource: with Request.CopySource every unit has a target, the
// source's text with state needs-translation, and a file imported as
// exported gives back the source's Markdown, marked needs_review.
func TestCopySource(t *testing.T) {
	for _, f := range pages(t) {
		data := exportMissing(t, f, true)
		units := strings.Count(string(data), "<trans-unit ")
		if n := strings.Count(string(data), `<target state="needs-translation">`); n != units || units == 0 {
			t.Fatalf("%s: %d of %d units have a target needs-translation", f.Path, n, units)
		}
		for _, m := range unitRE.FindAllSubmatch(data, -1) {
			if want := "\n    <target state=\"needs-translation\">" + string(m[3]) + "</target>"; string(m[4]) != want {
				t.Fatalf("%s: unit %s has the target %q; want its source", f.Path, m[2], m[4])
			}
		}
		res, err := Import(data, Options{Current: noFile})
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		got, diags := content.Parse(res.Path, res.Data)
		if got == nil {
			t.Fatalf("%s: %v", f.Path, diags)
		}
		if !bytes.Equal(got.Body, f.Body) || got.Meta.Title != f.Meta.Title {
			t.Errorf("%s: the page came back as\n%s\nwant the source's body", f.Path, res.Data)
		}
		if !got.Meta.NeedsReview || got.Meta.TranslatedFrom != f.SourceHash() {
			t.Errorf("%s: needs_review %v, translated_from %q; want true and %s", f.Path, got.Meta.NeedsReview, got.Meta.TranslatedFrom, f.SourceHash())
		}
	}
}
