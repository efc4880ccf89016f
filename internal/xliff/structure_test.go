package xliff

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/blocks"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/markdown"
)

// blockKinds are bodies with each block syntax sitegen's Markdown has,
// alone and inside each other.
var blockKinds = []struct{ name, body string }{
	{"paragraphs", "Et afsnit.\n\nEt *andet* afsnit\nover to linjer.\n"},
	{"disclosure", "Før.\n\n::: details Mere\nSkjult tekst.\n\n- en\n- to\n:::\n\nEfter.\n"},
	{"disclosure, summary in brackets", ":::details[Hvad siger *loven*?]\nTekst.\n:::\n\nEfter.\n"},
	{"disclosure, longer fence", ":::: details Ydre\nTekst.\n\n::: details Indre\nIndre tekst.\n:::\n\nMere ydre.\n::::\n\nEfter.\n"},
	{"disclosure, nested with equal fences", "::: details Ydre\n::: details Indre\nIndre.\n:::\nYdre igen.\n:::\n\nEfter.\n"},
	{"disclosure with code holding a fence", "::: details Kode\n```\n:::\n```\nTekst.\n:::\n\nEfter.\n"},
	{"disclosure in a list item", "- punkt\n\n  ::: details Mere\n  Skjult.\n  :::\n- næste\n"},
	{"disclosure in a quotation", "> ::: details Mere\n> Skjult.\n> :::\n>\n> Citat.\n"},
	{"disclosure never closed", "Før.\n\n::: details Mere\nResten af siden.\n"},
	{"alerts", "> [!NOTE]\n> Husk **det**.\n>\n> Og dette.\n\n> [!tip] Et tip på samme linje.\n\n> [!WARNING]\n> - en liste\n> - i en alarm\n"},
	{"quotation", "> Et citat\n> over to linjer.\n>\n> > Indlejret.\n"},
	{"footnotes", "Tekst med note[^1] og en til[^lang].\n\n[^1]: Den første *note*.\n[^lang]: En note\n    over to linjer.\n\n    Med et afsnit mere.\n"},
	{"task list", "- [ ] opgave\n- [x] gjort\n- almindeligt punkt\n"},
	{"lists", "1. et\n2. to\n   - indlejret\n   - punkt\n\n   afsnit i punktet\n3. tre\n\n7) fra syv\n8) otte\n"},
	{"table", "| a | b *c* |\n|:--|--:|\n| c `x \\| y` | [l](z.md) |\n| | tom |\n"},
	{"headings with ids", "# Titel {#titel}\n\n## Frist *nu* {#frist}\n\n### Uden id\n\nSetext\n------\n"},
	{"fenced code with attributes", "```go {.numre title=\"main.go\"}\nfunc main() {}\n```\n\n~~~sh\necho ~~~\n~~~\n\n    indrykket kode\n"},
	{"html blocks", "<div class=\"x\">\nhtml-blok\n</div>\n\n<!-- en kommentar -->\n\nTekst <span>inline</span>.\n"},
	{"definition list", "Term\n: Definitionen af *termen*.\n\nAnden term\n: En.\n: To.\n"},
	{"links and images", "Se [siden](klage.md \"Klage\") og ![alt *fed*](a.png 'Titel') og <https://a.dk>.\n\n[ref]: https://x.dk \"T\"\n"},
	{"breaks and rules", "Linje\\\nbrud og  \nbrud.\n\n---\n\n***\n"},
	{"all in a disclosure", "::: details Alt\n> [!NOTE]\n> Alarm.\n\n- [ ] opgave[^1]\n\n| a | b |\n|---|---|\n| c | d |\n\n## Overskrift {#o}\n\n```go {.x}\nkode\n```\n\nTerm\n: Def.\n:::\n\n[^1]: Note.\n"},
}

// translators are what a translator may do to each unit's text: change
// it visibly, and write at its start what would start a block if it were
// Markdown. Inline codes (<bpt>, <ph>) stay as they are.
var translators = []struct {
	name string
	f    func(id, source string) string
}{
	{"upper-cased", func(_, s string) string { return upper(s) + " ÆØ" }},
	{"a fence first", func(_, s string) string { return "::: details " + upper(s) }},
	{"a closing fence", func(_, s string) string {
		if codeOrEntity.MatchString(s) {
			return ":::" + s // not codes alone: an emphasis around nothing is refused (TestImportRefused)
		}
		return ":::"
	}},
	{"a list marker first", func(_, s string) string { return "- " + upper(s) }},
	{"a number first", func(_, s string) string { return "1. " + upper(s) }},
	{"an alert first", func(_, s string) string { return "&gt; [!NOTE] " + upper(s) }},
	{"a heading first", func(_, s string) string { return "# " + upper(s) + " {#x}" }},
	{"a code fence first", func(_, s string) string { return "```" + upper(s) }},
	{"html first", func(_, s string) string { return "&lt;div&gt;" + upper(s) }},
	{"a footnote first", func(_, s string) string { return "[^1]: " + upper(s) }},
	{"a table row", func(_, s string) string { return "| a | " + upper(s) + " |" }},
	{"a definition first", func(_, s string) string { return ": " + upper(s) }},
}

// convert renders a body as the build does, in Danish with every UI
// string the converter may ask for.
func convert(t *testing.T, body []byte) string {
	t.Helper()
	html, err := render(body)
	if err != "" {
		t.Fatal(err)
	}
	return html
}

// render is convert, which returns the first error instead.
func render(body []byte) (html, err string) {
	ui := map[string]string{}
	for _, id := range markdown.UIMessageIDs() {
		ui[id] = "x"
	}
	ui[markdown.IDFootnoteRef] = "Note " + markdown.NumberSlot
	labels := map[string]string{}
	for _, a := range markdown.AlertTypes {
		labels[a] = a
	}
	res, problems := markdown.New(markdown.Options{Lang: "da", UnsafeHTML: true, AlertLabels: labels, UI: ui}).Convert(body, 1, nil, 0)
	for _, p := range problems {
		if !p.Warning {
			return "", fmt.Sprintf("line %d: %s", p.Line, p.Msg)
		}
	}
	return string(res.HTML), ""
}

var sourceRE = regexp.MustCompile(`(?s)<source>(.*?)</source>`)

var tagRE = regexp.MustCompile(`<(/?[a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
var classRE = regexp.MustCompile(`\sclass="([^"]*)"`)

// shape is the HTML's elements, each with its class, without the text
// and the other attributes (a heading's id follows its text): what a
// page's structure is to a reader.
func shape(html string) string {
	var b strings.Builder
	for _, m := range tagRE.FindAllStringSubmatch(html, -1) {
		b.WriteString("<" + m[1])
		if c := classRE.FindStringSubmatch(m[2]); c != nil {
			b.WriteString(" ." + c[1])
		}
		b.WriteString(">")
	}
	return b.String()
}

// TestBlockKindsRoundTrip: a page with each block syntax, exported, each
// unit translated (visibly, and with what would start a block at its
// start), imported and converted has the source's structure: the same
// HTML elements in the same places. The fences of a disclosure, an
// alert's [!NOTE], list markers, table pipes and code are never in a
// unit; the import writes them from the source.
func TestBlockKindsRoundTrip(t *testing.T) {
	for _, k := range blockKinds {
		data := "---\ntitle: Side\n---\n" + k.body
		f, diags := content.Parse("content/da/side.md", []byte(data))
		if f == nil {
			t.Fatalf("%s: %v", k.name, diags)
		}
		want := shape(convert(t, f.Body))
		x, err := Export(Request{Lang: "en", Source: f, SourceData: []byte(data), Target: "content/en/side.md", Tool: "test"})
		if err != nil {
			t.Fatalf("%s: %v", k.name, err)
		}
		for _, m := range sourceRE.FindAllSubmatch(x, -1) {
			if bytes.Contains(m[1], []byte(":::")) || bytes.Contains(m[1], []byte("[!")) {
				t.Errorf("%s: a fence or an alert's marker is in a unit: %s", k.name, m[0])
			}
		}
		for _, tr := range translators {
			res, err := Import(fill(x, tr.f), Options{Current: noFile})
			if err != nil {
				t.Errorf("%s, %s: %v", k.name, tr.name, err)
				continue
			}
			got, _ := content.Parse(res.Path, res.Data)
			if got == nil {
				t.Fatalf("%s, %s: does not read:\n%s", k.name, tr.name, res.Data)
			}
			if g := shape(convert(t, got.Body)); g != want {
				t.Errorf("%s, %s: the translation's HTML\n%s\nwant the source's\n%s\nMarkdown:\n%s", k.name, tr.name, g, want, got.Body)
			}
		}
	}
}

// sitePages are the Markdown pages of the bundled site (content/) and of
// the browser tests' fixture, with their paths below content/.
func sitePages(t *testing.T) []*content.File {
	t.Helper()
	var out []*content.File
	for _, root := range []string{"../../content", "../browsertest/testdata/fixture/content"} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			f, diags := content.Parse("content/"+filepath.ToSlash(rel), data)
			if f == nil {
				t.Fatalf("%s: %v", p, diags)
			}
			out = append(out, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 50 {
		t.Fatalf("found %d pages", len(out))
	}
	return out
}

// withFrontUnits returns a page's file with a link_title and a summary
// added after its front matter's first line, when it has neither, and
// the page read from it.
func withFrontUnits(t *testing.T, f *content.File, data []byte) (*content.File, []byte) {
	t.Helper()
	if f.Meta.LinkTitle != "" || f.Meta.Summary != "" {
		return f, data
	}
	fence, rest, _ := bytes.Cut(data, []byte("\n"))
	field := "link_title: %q\nsummary: %q\n"
	if string(bytes.TrimSpace(fence)) == "+++" {
		field = "link_title = %q\nsummary = %q\n"
	}
	data = slices.Concat(fence, []byte("\n"), fmt.Appendf(nil, field, "Kort: "+f.Meta.Title, "Om siden. "+f.Meta.Description), rest)
	g, diags := content.Parse(f.Path, data)
	if g == nil || g.Meta.LinkTitle == "" || g.Meta.Summary == "" {
		t.Fatalf("%s with link_title and summary: %v\n%s", f.Path, diags, data)
	}
	return g, data
}

// TestSiteRoundTrip: every page of the bundled site and of the browser
// tests' fixture, in every language, with a link_title and a summary
// added (FIX4), exported and imported with its own text, gives back the
// same Markdown (the README's promise) and front matter texts, and
// imported with its text changed, the same structure and the texts
// changed.
func TestSiteRoundTrip(t *testing.T) {
	for _, f := range sitePages(t) {
		data, err := os.ReadFile(filepath.Join("../..", f.Path))
		if err != nil {
			data, err = os.ReadFile(filepath.Join("../browsertest/testdata/fixture", f.Path))
		}
		if err != nil {
			t.Fatal(err)
		}
		f, data := withFrontUnits(t, f, data)
		x, err := Export(Request{Lang: "zz", Source: f, SourceData: data, Target: "content/zz/" + f.Key, Tool: "test"})
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		res, err := Import(fill(x, func(_, s string) string { return s }), Options{Current: noFile})
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		got, _ := content.Parse(res.Path, res.Data)
		if got == nil || !bytes.Equal(got.Body, f.Body) {
			t.Errorf("%s: the body came back as\n%s", f.Path, res.Data)
		}
		if got != nil && (got.Meta.LinkTitle != f.Meta.LinkTitle || got.Meta.Summary != f.Meta.Summary) {
			t.Errorf("%s: link_title %q, summary %q came back as %q, %q", f.Path, f.Meta.LinkTitle, f.Meta.Summary, got.Meta.LinkTitle, got.Meta.Summary)
		}
		res, err = Import(fill(x, func(_, s string) string { return upper(s) + " ÆØ" }), Options{Current: noFile})
		if err != nil {
			t.Fatalf("%s, translated: %v", f.Path, err)
		}
		got, _ = content.Parse(res.Path, res.Data)
		if got == nil {
			t.Fatalf("%s, translated: does not read", f.Path)
		}
		if g, w := shape(convert(t, got.Body)), shape(convert(t, f.Body)); g != w {
			t.Errorf("%s, translated: the HTML\n%s\nwant the source's\n%s", f.Path, g, w)
		}
		if got.Meta.LinkTitle != strings.ToUpper(f.Meta.LinkTitle)+" ÆØ" || got.Meta.Summary != strings.ToUpper(f.Meta.Summary)+" ÆØ" {
			t.Errorf("%s, translated: link_title %q, summary %q", f.Path, got.Meta.LinkTitle, got.Meta.Summary)
		}
	}
}

// TestStructureRefused: a translated body that does not have the
// source's blocks where the source has them is refused, naming the first
// unit it differs at. (Write escapes text so that it stays text; this is
// the check that it did.)
func TestStructureRefused(t *testing.T) {
	src, err := blocks.Parse([]byte("Intro.\n\n::: details More\nHidden text.\n\n- one\n- two\n:::\n\nEnd.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ body, want string }{
		{"Einleitung.\n\n::: details Mehr\nVersteckter Text.\n\n- eins\n- zwei\n:::\n\nEnde.\n", ""},
		{"Einleitung.\n\n::: details Mehr Versteckter Text.\n\n- eins\n- zwei :::\n\nEnde.\n", "unit u3 (paragraph, line 4): its translation, or one before it, changes the page's structure: the translated page has a list item in Disclosure/List/ListItem where the source has a paragraph in Disclosure"},
		{"Einleitung.\n\n::: details Mehr\nVersteckter Text.\n:::\n\n- eins\n- zwei\n\nEnde.\n", "unit u4 (list item, line 6): its translation, or one before it, changes the page's structure: the translated page has a list item in List/ListItem where the source has a list item in Disclosure/List/ListItem"},
		{"Einleitung.\n\n::: details Mehr\nVersteckter Text.\n\n- eins\n- zwei\n:::\n", "unit u6 (paragraph, line 10): the translation before it changes the page's structure: the translated page ends before it"},
	} {
		err := sameStructure(src, []byte(tt.body))
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%q: %v, want %q", tt.body, err, tt.want)
		}
	}
}

// FuzzRoundTrip: any body that splits into units comes back as itself
// when exported and imported with its own text, and with the source's
// structure when every unit is changed, or the import refuses it naming
// a unit, never for its structure.
func FuzzRoundTrip(f *testing.F) {
	for _, k := range blockKinds {
		f.Add(k.body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if strings.ContainsFunc(body, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFD }) {
			return // XML 1.0 cannot hold control characters: the export writes U+FFFD
		}
		if strings.Contains(body, "<<") || strings.Contains(body, ">>") {
			return // the converter's typography makes them « and », before any HTML tag: blocks reads "<<a>" as "<" and a tag
		}
		data := "---\ntitle: Side\nlink_title: Kort\nsummary: Om siden.\n---\n" + body
		src, _ := content.Parse("content/da/side.md", []byte(data))
		if src == nil || len(src.Body) > 4000 {
			return
		}
		want, bad := render(src.Body)
		if bad != "" {
			return // a page the build refuses (an id set twice)
		}
		x, err := Export(Request{Lang: "en", Source: src, SourceData: []byte(data), Target: "content/en/side.md", Tool: "test"})
		if err != nil {
			return // a body blocks cannot split: Export says so
		}
		res, err := Import(fill(x, func(_, s string) string { return s }), Options{Current: noFile})
		if err != nil {
			t.Fatalf("its own text: %v", err)
		}
		if got, _ := content.Parse(res.Path, res.Data); got == nil || !bytes.Equal(got.Body, src.Body) || got.Meta.LinkTitle != "Kort" || got.Meta.Summary != "Om siden." {
			t.Fatalf("its own text came back as\n%q\nwant\n%q", res.Data, src.Body)
		}
		res, err = Import(fill(x, func(_, s string) string { return "::: " + upper(s) + " ÆØ" }), Options{Current: noFile})
		if err != nil {
			// Refused: by the translator's fault (it names the unit), or
			// because the written page would lose inline markup (an
			// autolink right after an escaped "*" is none); never for its
			// blocks.
			if strings.Contains(err.Error(), "structure") || strings.Contains(err.Error(), "does not read") {
				t.Fatalf("translated: %v\n%s", err, x)
			}
			return
		}
		got, _ := content.Parse(res.Path, res.Data)
		if got == nil {
			t.Fatalf("translated: does not read:\n%s", res.Data)
		}
		if g, w := shape(convert(t, got.Body)), shape(want); g != w {
			t.Fatalf("translated: the HTML\n%s\nwant\n%s\nMarkdown:\n%s", g, w, got.Body)
		}
		if got.Meta.LinkTitle != "::: KORT ÆØ" || got.Meta.Summary != "::: OM SIDEN. ÆØ" {
			t.Fatalf("translated: link_title %q, summary %q", got.Meta.LinkTitle, got.Meta.Summary)
		}
	})
}
