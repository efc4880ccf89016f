package build

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/search"
)

// TestFirstWords: the text the Builder keeps of a page Inspect saw all of
// is the text a conversion for the search index gives, so that serve's
// search index is the same with a check watching or without.
func TestFirstWords(t *testing.T) {
	var src strings.Builder
	for i := range 150 {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&src, "## Afsnit %d\n\n", i)
		case 1:
			fmt.Fprintf(&src, "- punkt  med to  mellemrum %d\n- og et til\n\n", i)
		default:
			fmt.Fprintf(&src, "Et afsnit med nogle ord, %d gange. Og en sætning mere her.\n\n", i)
		}
	}
	c := markdown.New(markdown.Options{Lang: "da"})
	for _, words := range []int{1, 7, 100, search.TextWords, 100000} {
		all, _ := c.Convert([]byte(src.String()), 1, nil, markdown.AllText)
		some, _ := c.Convert([]byte(src.String()), 1, nil, words)
		if got := firstWords(all.Text, words); !slices.Equal(got, some.Text) {
			t.Errorf("%d words: firstWords keeps %d blocks, a conversion %d", words, len(got), len(some.Text))
		}
	}
}

// Kept is how many blocks of a page's text the Builder keeps, and its
// search terms, for TestInspectEveryConversion.
func Kept(b *Builder, path string) (text int, terms string) {
	d := b.docs[path]
	return len(d.res.Text), d.body.Terms
}
