package check

import (
	"math"
	"testing"
)

func TestLIX(t *testing.T) {
	tests := []struct {
		name                  string
		blocks                []string
		words, sentences, lng int
	}{
		{"one sentence", []string{"Du kan klage over afgørelsen."}, 5, 1, 1},
		{"two sentences", []string{"Du kan klage. Det er gratis."}, 6, 2, 0},
		{"blocks end sentences", []string{"Hjælp", "Ring til kommunen", "Skriv et brev"}, 7, 3, 1},
		{"no capital, no end", []string{"fx. nej. lov nr. 783 af 4. maj 2021."}, 9, 1, 0},
		{"colon before capital", []string{"Husk: Tag pas med."}, 4, 2, 0},
		{"hyphen compound", []string{"Send en e-mail til borgerservice."}, 5, 1, 1},
		{"quotes", []string{"Skriv »Klage over MitID« på brevet. Send det."}, 8, 2, 0},
		{"empty", []string{"", "  "}, 0, 0, 0},
		{"stop at the end", []string{"Slut. ", "Slut.»"}, 2, 2, 0},
		{"not UTF-8", []string{"Nej.\xffJa. \xffNej. Æble"}, 4, 2, 0},
	}
	for _, tt := range tests {
		_, w, s, l := LIX(tt.blocks)
		if w != tt.words || s != tt.sentences || l != tt.lng {
			t.Errorf("%s: words %d sentences %d long %d; want %d %d %d", tt.name, w, s, l, tt.words, tt.sentences, tt.lng)
		}
	}
	lix, _, _, _ := LIX([]string{"Du kan klage over afgørelsen."})
	if math.Abs(lix-25) > 1e-9 { // 5/1 + 100*1/5
		t.Errorf("LIX = %v, want 25", lix)
	}
}
