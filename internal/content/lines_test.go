package content

import (
	"fmt"
	"strings"
	"testing"
)

func TestFieldLines(t *testing.T) {
	// Front matter of many fields, the last ones past line 127 and 16,383
	// (a number of two and three bytes), each field's line read back.
	var yml strings.Builder
	want := map[string]int{}
	names := []string{"title", "description", "weight", "layout", "x_unknown", "translation_key"}
	for i, name := range names {
		line := 2 + i*4000 // the file line: front matter starts on line 2
		yml.WriteString(strings.Repeat("\n", line-2-strings.Count(yml.String(), "\n")))
		value := `"v"`
		if name == "weight" {
			value = "10"
		}
		fmt.Fprintf(&yml, "%s: %s\n", name, value)
		want[name] = line
	}
	m, errs := ParseMeta([]byte(yml.String()), 2)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	for _, name := range names {
		if got := m.Lines.Line(name); got != want[name] {
			t.Errorf("Line(%q) = %d, want %d", name, got, want[name])
		}
		if !m.Lines.Has(name) {
			t.Errorf("Has(%q) = false", name)
		}
	}
	for _, name := range []string{"slug", "titl", "title_", ""} {
		if m.Lines.Has(name) || m.Lines.Line(name) != 0 {
			t.Errorf("field %q, not in the file, has line %d", name, m.Lines.Line(name))
		}
	}
	var zero FieldLines
	if zero.Has("title") || zero.Line("title") != 0 {
		t.Error("the zero FieldLines holds a field")
	}
}
