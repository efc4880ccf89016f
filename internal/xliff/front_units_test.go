package xliff

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/content"
)

var unitIDs = regexp.MustCompile(`<trans-unit id="([^"]+)"`)

// ids lists the trans-unit ids of an exported file, in order.
func ids(data []byte) []string {
	var out []string
	for _, m := range unitIDs.FindAllSubmatch(data, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

func parsed(t *testing.T, p, s string) *content.File {
	t.Helper()
	f, diags := content.Parse(p, []byte(s))
	if f == nil {
		t.Fatal(diags)
	}
	return f
}

// TestFrontUnits (FIX4): link_title and summary are units, after the
// title and the description, when the source has them; the other units
// keep their ids, so files out with translators import as before. Each
// comes back translated where the source has it.
func TestFrontUnits(t *testing.T) {
	const src = "---\ntitle: Klag over et afslag\ndescription: Hvor klagen sendes.\nlink_title: Klage\nweight: 3\nsummary: Klag inden fire uger.\n---\nSkriv til kontoret.\n"
	f := parsed(t, "content/da/klage.md", src)
	x, err := Export(Request{Lang: "en", Source: f, SourceData: []byte(src), Target: "content/en/klage.md", Tool: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(x), []string{"title", "description", "link_title", "summary", "u1"}; !slices.Equal(got, want) {
		t.Errorf("units %v, want %v", got, want)
	}
	for _, want := range []string{
		`<trans-unit id="link_title" restype="x-page-link-title" xml:space="preserve">` + "\n    <source>Klage</source>\n    <note>page link title (link_title: the page's name in menus, listings and breadcrumbs), line 4 of content/da/klage.md</note>",
		`<trans-unit id="summary" restype="x-page-summary" xml:space="preserve">` + "\n    <source>Klag inden fire uger.</source>\n    <note>page summary (summary: the page's text in listings), line 6 of content/da/klage.md</note>",
	} {
		if !strings.Contains(string(x), want) {
			t.Errorf("the export lacks\n%s\nin\n%s", want, x)
		}
	}
	en := map[string]string{"title": "Complain about a refusal", "description": "Where to send the complaint.", "link_title": "Complaints", "summary": "Complain within four weeks.", "u1": "Write to the office."}
	res, err := Import(fill(x, func(id, _ string) string { return en[id] }), Options{Current: noFile})
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: Complain about a refusal\ndescription: Where to send the complaint.\nlink_title: Complaints\nweight: 3\nsummary: Complain within four weeks.\ntranslated_from: " + f.SourceHash() + "\n---\nWrite to the office.\n"
	if string(res.Data) != want {
		t.Errorf("imported\n%s\nwant\n%s", res.Data, want)
	}

	// A source without them has no such units.
	const plain = "---\ntitle: Klage\n---\nSkriv.\n"
	x, err = Export(Request{Lang: "en", Source: parsed(t, "content/da/klage.md", plain), SourceData: []byte(plain), Target: "content/en/klage.md", Tool: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(x), []string{"title", "u1"}; !slices.Equal(got, want) {
		t.Errorf("units %v, want %v", got, want)
	}
}

// TestFrontUnitsStamped (FIX4): an existing translation's link_title and
// summary are their units' targets, final when the source's did not
// change since the stamp, needs-translation when it did, none when the
// translation lacks the field; the import sets each in the translation's
// front matter, under the name it writes it with, or adds it under the
// source's name.
func TestFrontUnitsStamped(t *testing.T) {
	old := parsed(t, "content/da/a.md", "---\ntitle: Klage\nlinkTitle: Klage\nsummary: Klag nu.\n---\nTekst.\n")
	now := "---\ntitle: Klage\nlinkTitle: Klage\nsummary: Klag inden fire uger.\nsidebar_position: 2\n---\nTekst.\n"
	src := parsed(t, "content/da/a.md", now)
	trData := "---\ntitle: Complaints\nsummary: Complain now.\ntranslated_from: " + old.SourceHash() + "\nweight: 4\n---\nText.\n"
	tr := parsed(t, "content/en/a.md", trData)
	data, err := Export(Request{Lang: "en", Source: src, SourceData: []byte(now), Target: tr.Path, Translation: tr, TranslationData: []byte(trData), Stamped: old})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<trans-unit id="link_title" restype="x-page-link-title" xml:space="preserve">` + "\n    <source>Klage</source>\n    <note>",
		`<trans-unit id="summary" restype="x-page-summary" xml:space="preserve">` + "\n    <source>Klag inden fire uger.</source>\n    <target state=\"needs-translation\">Complain now.</target>",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the export lacks\n%s\nin\n%s", want, data)
		}
	}
	// The stamped source's summary unchanged: final.
	same := parsed(t, "content/da/a.md", "---\ntitle: Klage\nlinkTitle: Klage\nsummary: Klag inden fire uger.\n---\nTekst.\n")
	trSame := parsed(t, "content/en/a.md", strings.Replace(trData, "Complain now.", "Complain within four weeks.", 1))
	again, err := Export(Request{Lang: "en", Source: src, SourceData: []byte(now), Target: tr.Path, Translation: trSame, TranslationData: []byte(trData), Stamped: same})
	if err != nil {
		t.Fatal(err)
	}
	if want := `<trans-unit id="summary" restype="x-page-summary" xml:space="preserve" approved="yes">` + "\n    <source>Klag inden fire uger.</source>\n    <target state=\"final\">Complain within four weeks.</target>"; !strings.Contains(string(again), want) {
		t.Errorf("the export lacks\n%s\nin\n%s", want, again)
	}

	done := fill(data, func(id, src string) string {
		return map[string]string{"title": "Complaints", "link_title": "Complain", "summary": "Complain within four weeks.", "u1": "Text."}[id]
	})
	res, err := Import(done, Options{Current: func(string) ([]byte, error) { return []byte(trData), nil }})
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: Complaints\nsummary: Complain within four weeks.\ntranslated_from: " + src.SourceHash() + "\nweight: 4\nlinkTitle: Complain\n---\nText.\n"
	if string(res.Data) != want {
		t.Errorf("imported\n%s\nwant\n%s", res.Data, want)
	}
}

// TestOldExportImports (FIX4): a file exported before link_title and
// summary were units (testdata/old-export.xlf, made by sitegen at
// 50d8ea4 and translated) imports as it did then: the same units, and a
// new translation without the source's link_title and summary, which are
// in the source's language.
func TestOldExportImports(t *testing.T) {
	data, err := os.ReadFile("testdata/old-export.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"front"`) || strings.Contains(string(data), `id="link_title"`) {
		t.Fatal("testdata/old-export.xlf is not an old export")
	}
	res, err := Import(data, Options{Current: noFile})
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: Wie man sich über eine Ablehnung beschwert\ndescription: Wohin die Beschwerde geht.\nweight: 3\ntranslated_from: b05f0e06c500\n---\n\nSchreiben Sie an das Amt.\n"
	if res.Path != "content/de/complaints.md" || string(res.Data) != want || res.NeedsReview != 0 {
		t.Errorf("%s, %d needing review:\n%s\nwant\n%s", res.Path, res.NeedsReview, res.Data, want)
	}
}
