package check

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestTranslationTableNaturalOrder: the table lists the keys in the order
// file names have everywhere else, numbers by value: item-2 before
// item-10, in a folder too.
func TestTranslationTableNaturalOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString(sitetest.Config + "-- content/da/_index.md --\n---\ntitle: Forside\ndescription: Forsiden.\n---\n")
	for _, name := range []string{"item-10.md", "item-1.md", "item-2.md", "item-11.md", "a/b-9.md", "a/b-10.md", "a/_index.md"} {
		fmt.Fprintf(&b, "-- content/da/%s --\n---\ntitle: %s\ndescription: Side %s.\n---\n", name, name, name)
	}
	r := run(t, b.String())
	var got []string
	for _, k := range r.Translations.Keys {
		got = append(got, k.Key)
	}
	want := []string{"_index.md", "a/_index.md", "a/b-9.md", "a/b-10.md", "item-1.md", "item-2.md", "item-10.md", "item-11.md"}
	if !slices.Equal(got, want) {
		t.Errorf("keys %v\nwant %v", got, want)
	}
}
