package blocks

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/udenmitid/sitegen/internal/content"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// dump writes a page's blocks and units, one a line: what the golden
// files hold.
func dump(p *Page) string {
	var b strings.Builder
	for _, bl := range p.Blocks {
		fmt.Fprintf(&b, "block %d %s %q", bl.Line, bl.Kind, p.Body[bl.Start:bl.End])
		if bl.In != "" {
			fmt.Fprintf(&b, " in %s", bl.In)
		}
		b.WriteString("\n")
	}
	for _, u := range p.Units {
		fmt.Fprintf(&b, "unit %s %s:", u.ID, u.Kind)
		for _, pt := range u.Parts {
			if pt.Code == nil {
				fmt.Fprintf(&b, " %q", pt.Text)
				continue
			}
			fmt.Fprintf(&b, " <%s %s %d", pt.Code.Role, pt.Code.Type, pt.Code.ID)
			for _, pc := range pt.Code.Orig {
				if pc.Unit != "" {
					fmt.Fprintf(&b, " {%s}", pc.Unit)
				} else {
					fmt.Fprintf(&b, " %q", pc.Text)
				}
			}
			b.WriteString(">")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestTorture(t *testing.T) {
	body, err := os.ReadFile("testdata/torture.md")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(body)
	if err != nil {
		t.Fatal(err)
	}
	got := dump(p)
	if *update {
		if err := os.WriteFile("testdata/torture.golden", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/torture.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("torture.md splits into\n%s\nwant (testdata/torture.golden)\n%s", got, want)
	}
}

// FuzzParse checks that no body makes Parse panic, and that a body it
// splits is split the same way once every unit is written again from its
// parts.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/torture.md", "testdata/escapes.md"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("Se [a](b.md) og *c*.")
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) || strings.Contains(body, "\r") {
			return // content.Parse gives only UTF-8 with "\n" line endings
		}
		p, err := Parse([]byte(body))
		if err != nil {
			return
		}
		out := rewrite(t, p)
		q, err := Parse(out)
		if err != nil {
			t.Fatalf("rewritten %q does not split: %v", out, err)
		}
		sameUnits(t, "fuzz", p, q)
	})
}

// TestSiteContent splits every page of the bundled site: each parses,
// and its units put together are its Markdown (Parse checks it).
func TestSiteContent(t *testing.T) {
	files, _ := filepath.Glob("../../content/*/*.md")
	more, _ := filepath.Glob("../../content/*/*/*.md")
	files = append(files, more...)
	if len(files) < 20 {
		t.Fatalf("found %d content files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cf, diags := content.Parse(strings.TrimPrefix(f, "../../"), data)
		if cf == nil {
			t.Fatalf("%s: %v", f, diags)
		}
		if _, err := Parse(cf.Body); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
