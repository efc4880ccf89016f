package changes

import (
	"bytes"
	"testing"
)

const oldBody = `Du kan klage over et afslag.

## Frist

Du skal klage inden 4 uger efter afgørelsen.

- Ring til kommunen
- Skriv til Udbetaling Danmark

Et afsnit der udgår helt.
`

const newBody = `Du kan klage over et afslag.

## Frist

Du skal klage senest 4 uger efter, at du fik afgørelsen.

- Ring til kommunen
- Skriv til Udbetaling Danmark

Et helt nyt afsnit om [aktindsigt](aktindsigt.md).
`

func TestCompare(t *testing.T) {
	c, err := Compare(Version{Title: "Klage", Body: []byte(oldBody), BodyLine: 4, TitleLine: 2},
		Version{Title: "Klage", Body: []byte(newBody), BodyLine: 4, TitleLine: 2})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	c.WriteText(&b, false)
	want := `  paragraph, line 8: rewritten (4 words)
    Du skal klage [-inden-]{+senest+} 4 uger efter{+, at du fik+} afgørelsen.
  paragraph, line 13: removed (5 words)
    - Et afsnit der udgår helt.
  paragraph, line 13: added (6 words)
    + Et helt nyt afsnit om [aktindsigt](aktindsigt.md).
`
	if b.String() != want {
		t.Errorf("WriteText:\n%s\nwant\n%s", b.String(), want)
	}
	if got := c.Summary(); got != "3 paragraphs changed, 15 words" {
		t.Errorf("Summary() = %q", got)
	}
}

func TestCompareSame(t *testing.T) {
	v := Version{Title: "Klage", Body: []byte(oldBody)}
	c, err := Compare(v, v)
	if err != nil {
		t.Fatal(err)
	}
	if c.Paragraphs != 0 || c.Words != 0 || len(c.Blocks) != 0 {
		t.Errorf("the same version changed: %+v", c)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		old, new string
		words    int
	}{
		{"inden 4 uger", "senest 4 uger", 1},
		{"a b c", "a b c d e", 2},
		{"Jens' cykel er rød", "Jens’ cykel er blå", 1},
		{"det's fint", "det’s fint", 1},
		{"en to", "en, to", 0},
	}
	for _, tt := range tests {
		if _, got, _ := diffTokens(tokens(tt.old), tokens(tt.new)); got != tt.words {
			t.Errorf("diffWords(%q, %q) changed %d words, want %d", tt.old, tt.new, got, tt.words)
		}
	}
}

// TestCompareLink: a changed link destination is one changed word, and
// shows as the markup that changed.
func TestCompareLink(t *testing.T) {
	c, err := Compare(Version{Title: "A", Body: []byte("Se [siden](a.md) nu.\n")}, Version{Title: "A", Body: []byte("Se [siden](b.md) nu.\n")})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	c.WriteText(&b, false)
	want := "  paragraph, line 1: rewritten (1 word)\n    Se [siden[-](a.md)-]{+](b.md)+} nu.\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
