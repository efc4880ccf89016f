package locale

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the lists of built-in languages in README.md and the package doc")

// listings are the places that list the theme's languages, each between
// two marker lines, with the prefix of each line of the list.
var listings = []struct {
	file, start, end, prefix, lead, tail string
}{
	{"../../README.md", "  go test ./internal/locale -run TestBuiltinLanguages -update -->\n",
		"  <!-- end of the list of built-in UI strings -->\n", " ", "Built-in UI strings:", ""},
	{"locale.go", "// languages, by tag and in their own names:\n//\n",
		"// The list above is written by", "//", "", "//\n"},
}

// TestBuiltinLanguages holds README.md's and the package doc's lists of
// the languages the theme has UI strings for, each named as init names it
// (Endonym), to the theme's files, so no list goes stale as languages are
// added; -update writes them.
func TestBuiltinLanguages(t *testing.T) {
	var names []string
	for _, l := range themeLangs(t) {
		names = append(names, l+" ("+Endonym(l)+")")
	}
	for _, l := range listings {
		data, err := os.ReadFile(l.file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		i := strings.Index(text, l.start)
		j := strings.Index(text, l.end)
		if i < 0 || j < i {
			t.Fatalf("%s: no list between %q and %q", l.file, l.start, l.end)
		}
		i += len(l.start)
		want := wrap(l.prefix, l.lead, names, 78) + l.tail
		if text[i:j] == want {
			continue
		}
		if *update {
			if err := os.WriteFile(l.file, []byte(text[:i]+want+text[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s lists the built-in languages as\n%s\nthe theme has\n%s\n(go test ./internal/locale -run TestBuiltinLanguages -update rewrites it)", l.file, text[i:j], want)
	}
}

// wrap lists items, separated by commas and ended by a full stop, after
// lead in lines of at most width characters, each starting with prefix
// and a space and ending in a newline; an item is never broken.
func wrap(prefix, lead string, items []string, width int) string {
	var b strings.Builder
	line := prefix
	if lead != "" {
		line += " " + lead
	}
	for i, item := range items {
		item += map[bool]string{true: ".", false: ","}[i == len(items)-1]
		if len([]rune(line))+1+len([]rune(item)) > width && line != prefix {
			b.WriteString(line + "\n")
			line = prefix
		}
		line += " " + item
	}
	b.WriteString(line + "\n")
	return b.String()
}
