package blocks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/content"
)

// rewrite writes every unit of p again from its own parts, as an import
// of the source as its own translation does when it cannot keep the
// unit's Markdown as it was.
func rewrite(t *testing.T, p *Page) []byte {
	t.Helper()
	md := map[string]string{}
	// Nested units come after the unit that holds them: write them first.
	for i := len(p.Units) - 1; i >= 0; i-- {
		u := p.Units[i]
		m, err := Write(u, u.Parts, md)
		if err != nil {
			t.Fatalf("unit %s: %v", u.ID, err)
		}
		md[u.ID] = m
	}
	return p.Assemble(md)
}

// sameUnits reports where two pages' units differ in kind or in text.
func sameUnits(t *testing.T, name string, a, b *Page) {
	t.Helper()
	if len(a.Units) != len(b.Units) {
		t.Errorf("%s: %d units, rewritten %d", name, len(a.Units), len(b.Units))
		return
	}
	for i, u := range a.Units {
		v := b.Units[i]
		if u.Kind != v.Kind || u.In != v.In || shape(u) != shape(v) {
			t.Errorf("%s: unit %s %s in %q %q\nrewritten %s in %q %q", name, u.ID, u.Kind, u.In, shape(u), v.Kind, v.In, shape(v))
		}
	}
}

func TestWriteRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../content/*/*.md")
	more, _ := filepath.Glob("../../content/*/*/*.md")
	files = append(append(files, more...), "testdata/torture.md", "testdata/escapes.md")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		body := data
		if strings.HasPrefix(f, "../../") {
			cf, diags := content.Parse(strings.TrimPrefix(f, "../../"), data)
			if cf == nil {
				t.Fatalf("%s: %v", f, diags)
			}
			body = cf.Body
		}
		p, err := Parse(body)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out := rewrite(t, p)
		q, err := Parse(out)
		if err != nil {
			t.Fatalf("%s rewritten: %v\n%s", f, err, out)
		}
		sameUnits(t, f, p, q)
	}
}

// shape is a unit's text, tabs as spaces, with its codes, the units they hold by ID: two
// units of one shape read the same.
func shape(u *Unit) string {
	var b strings.Builder
	for _, pt := range u.Parts {
		if pt.Code == nil {
			b.WriteString(strings.ReplaceAll(pt.Text, "\t", " ")) // Write's one normalisation of text
			continue
		}
		for _, pc := range pt.Code.Orig {
			if pc.Unit != "" {
				b.WriteString("{" + pc.Unit + "}")
			} else {
				b.WriteString(pc.Text)
			}
		}
	}
	return b.String()
}

// TestWriteReferenceLabel: a translated [text] or [text][] that stood for
// a reference definition gets its label written out.
func TestWriteReferenceLabel(t *testing.T) {
	p, err := Parse([]byte("Se [klage] og [frist][].\n\n[klage]: klage.md\n[frist]: frist.md\n"))
	if err != nil {
		t.Fatal(err)
	}
	u := p.Units[0]
	var parts []Part
	for _, pt := range u.Parts {
		switch pt.Text {
		case "klage":
			pt.Text = "complaint"
		case "frist":
			pt.Text = "FRIST" // labels ignore case
		case "Se ":
			pt.Text = "See "
		}
		parts = append(parts, pt)
	}
	got, err := Write(u, parts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "See [complaint][klage] og [FRIST][]."; got != want {
		t.Errorf("Write = %q, want %q", got, want)
	}
}
