package markdown

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// TestSlugifyASCIIIssue23: the letters issue 23 found left out or spelt
// unlike their base letter.
func TestSlugifyASCIIIssue23(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"da", "Ǣ ǣ ǿ Ǻ", "ae-ae-oe-aa"},
		{"da", "Ǣ", "ae"},
		{"da", "Ǻlborg", "aalborg"},
		{"da", "Ålborg", "aalborg"},
		{"da", "A\u030a\u0301lborg", "aalborg"}, // decomposed as typed
		{"en", "Ǣ ǣ ǿ Ǻ", "ae-ae-o-a"},
		{"de", "Ǟ Ȫ Ǖ Ǘ", "ae-oe-ue-ue"}, // ä, ö, ü with a macron or acute as well
		{"sv", "Ǟ Ǻ", "a-a"},
		{"kl", "ĸalâleĸ", "qalaleq"}, // the old Greenlandic spelling of "qalaleq"
		{"en", "Ǆemal ǅemal džemal", "dzemal-dzemal-dzemal"},
		{"en", "Ƿynn and Ȝogh", "wynn-and-yogh"},
		{"en", "Sḵwx̱wú7mesh Sḵwx̱wúʔmesh", "skwxwu7mesh-skwxwu7mesh"},
		{"en", "ǃXóõ", "qxoo"},
	}
	for _, tt := range tests {
		if got := SlugifyASCII(tt.in, tt.lang); got != tt.want {
			t.Errorf("SlugifyASCII(%q, %s) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

// TestSlugifyASCIIEveryLatinLetter spells every Latin letter of Latin-1
// Supplement, Latin Extended-A and -B, IPA Extensions and Latin Extended
// Additional, in a language with no rules of its own and in each language
// that has some: each gives an ASCII id, the one of its base letter (the
// first of its decomposition, or the letter its Unicode name says it is
// made from), or the language's spelling of that base letter with that
// accent.
func TestSlugifyASCIIEveryLatinLetter(t *testing.T) {
	blocks := [][2]rune{{0x80, 0xFF}, {0x100, 0x17F}, {0x180, 0x24F}, {0x250, 0x2AF}, {0x1E00, 0x1EFF}}
	n := 0
	for _, lang := range []string{"en", "da", "nb", "de"} {
		for _, block := range blocks {
			for r := block[0]; r <= block[1]; r++ {
				if !unicode.IsLetter(r) || !unicode.Is(unicode.Latin, r) {
					continue
				}
				n++
				got := SlugifyASCII(string(r), lang)
				want := expectedASCII(t, r, lang)
				if got != want || !asciiID.MatchString(got) {
					t.Errorf("%s: %U %c (%s) is %q, want %q", lang, r, r, runenames.Name(r), got, want)
				}
			}
		}
	}
	if n < 4*600 {
		t.Errorf("only %d letters tested", n)
	}
}

var asciiID = regexp.MustCompile(`^[a-z0-9]+$`)

// expectedASCII is what SlugifyASCII must give for the letter r alone,
// worked out from Unicode's decomposition and name.
func expectedASCII(t *testing.T, r rune, lang string) string {
	d := []rune(norm.NFD.String(string(unicode.ToLower(r))))
	base, marks := d[0], string(d[1:])
	switch primary(lang) {
	case "da", "nb":
		if base == 'ø' {
			return "oe"
		}
		if base == 'a' && strings.ContainsRune(marks, '\u030a') {
			return "aa"
		}
	case "de":
		if strings.ContainsRune("aou", base) && strings.ContainsRune(marks, '\u0308') {
			return string(base) + "e"
		}
	}
	switch {
	case base < 0x80:
		return string(base)
	case len(d) > 1:
		return expectedASCII(t, base, lang)
	}
	return fromName(t, base)
}

// letterName reads the letter a Latin letter is made from out of its
// Unicode name: LATIN SMALL LETTER [SMALL CAPITAL] [TURNED ...] X [WITH ...].
var letterName = regexp.MustCompile(`^LATIN (?:SMALL |CAPITAL )?(?:LETTER|LIGATURE) (?:SMALL CAPITAL )?(?:(?:TURNED|REVERSED|INVERTED|CLOSED|OPEN|BARRED|DOTLESS|SCRIPT|STRETCHED|SQUAT|LONG|MIDDLE-WELSH|SMALL CAPITAL) )*(.+?)(?: REVERSED)?(?: DIGRAPH)?(?: (?:WITH|PRECEDED BY) .*| BAR| LOOP)?$`)

// named spells the letters whose names are words, and those of
// orthographies (see latinSpellings).
var named = map[string]string{
	"ALPHA": "a", "DELTA": "d", "GAMMA": "g", "IOTA": "i", "UPSILON": "u", "PHI": "ph", "OMEGA": "o", "LAMBDA": "l",
	"ETH": "d", "THORN": "th", "SHARP S": "ss", "ENG": "ng", "HENG": "h", "SCHWA": "e", "KRA": "q", "WYNN": "w", "YOGH": "y",
	"ESH": "sh", "EZH": "z", "DEZH": "dz", "TESH": "tsh", "FENG": "fng", "LEZH": "lz", "RAMS HORN": "g",
	"GLOTTAL STOP": "7", "PHARYNGEAL VOICED FRICATIVE": "7",
	"DENTAL CLICK": "c", "LATERAL CLICK": "x", "ALVEOLAR CLICK": "tc", "RETROFLEX CLICK": "q",
	"BILABIAL CLICK": "p", "BILABIAL PERCUSSIVE": "p", "BIDENTAL PERCUSSIVE": "t",
	"TONE TWO": "z", "TONE FIVE": "q", "TONE SIX": "h",
	"TWO": "dz", // ƻ, Americanist [dz]
}

func fromName(t *testing.T, r rune) string {
	name := runenames.Name(r)
	switch name {
	case "FEMININE ORDINAL INDICATOR":
		return "a"
	case "MASCULINE ORDINAL INDICATOR":
		return "o"
	case "LATIN LETTER INVERTED GLOTTAL STOP WITH STROKE":
		return "ts" // ƾ, Americanist [ts]
	}
	m := letterName.FindStringSubmatch(name)
	if m == nil {
		t.Fatalf("%U %c: cannot read the letter out of its name %q", r, r, name)
	}
	if s, ok := named[m[1]]; ok {
		return s
	}
	if len(m[1]) <= 2 && strings.Trim(m[1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		return strings.ToLower(m[1])
	}
	t.Fatalf("%U %c: no spelling for %q, from its name %q", r, r, m[1], name)
	return ""
}
