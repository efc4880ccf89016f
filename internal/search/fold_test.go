package search

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/theme"
)

// Issue 14: a body in decomposed Unicode was indexed as "handbog" while
// the browser folded the query to "haandbog".
func TestNormalizeEncodings(t *testing.T) {
	tests := []struct{ in, want string }{
		{"håndbog", "haandbog"},
		{norm.NFD.String("håndbog"), "haandbog"},
		{"Müller", "mueller"},
		{norm.NFD.String("Müller"), "mueller"},
		{"Åbenrå", "aabenraa"},
		{norm.NFD.String("Åbenrå"), "aabenraa"},
		{"\u212Bbenr\u212B", "aabenraa"}, // the Ångström sign
		{"ΟΔΟΣ οδος", "οδοσ οδοσ"},       // final sigma, as JavaScript lower-cases it
		{"Straẞe", "strasse"},
		{"हिन्दी पाठ", "हिनदी पाठ"}, // a spacing mark (ि) keeps a word whole; the virama, an Mn, is dropped
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Terms([]string{norm.NFD.String("Håndbog håndbog Müller Åbenrå")}, 10); got != "haandbog mueller aabenraa" {
		t.Errorf("Terms of NFD text = %q", got)
	}
}

// TestFoldLikeJavaScript runs the same words through Normalize and
// through the folding of search.js in node: they must agree on every
// word, or a word on the page is not found. The words are issue 14's in
// NFC and NFD, and each letter, mark and digit of many scripts, alone, in
// a word, in upper case and decomposed.
func TestFoldLikeJavaScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("SITEGEN_BROWSER_TESTS") == "required" {
			t.Fatal("node is needed to run search.js's folding: apt-get install nodejs")
		}
		t.Skip("no node on PATH: cannot run search.js's folding (apt-get install nodejs)")
	}
	src, err := fs.ReadFile(theme.FS(), "static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	_, code, ok := strings.Cut(string(src), "// fold:begin")
	code, _, ok2 := strings.Cut(code, "// fold:end")
	if !ok || !ok2 {
		t.Fatal("search.js has no // fold:begin ... // fold:end lines")
	}
	words := foldCorpus()
	input, _ := json.Marshal(words)
	cmd := exec.Command(node, "-e", code+`
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(input.map((w) => words(w).join(' '))));`)
	cmd.Stdin = strings.NewReader(string(input))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js []string
	if err := json.Unmarshal(out, &js); err != nil || len(js) != len(words) {
		t.Fatalf("node gave %d results for %d words (%v)", len(js), len(words), err)
	}
	bad := 0
	for i, w := range words {
		if got := strings.Join(strings.Fields(Normalize(w)), " "); got != js[i] {
			if bad++; bad <= 20 {
				t.Errorf("%q (%+q): Go folds to %q, search.js to %q", w, w, got, js[i])
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%d of %d words differ", bad, len(words))
	}
	t.Logf("%d words fold alike in Go and in search.js", len(words))
}

func foldCorpus() []string {
	words := []string{"håndbog", "Müller", "Åbenrå", "\u212Bbenr\u212B", "Sårbarhet och säkerhet", "ΟΔΟΣ", "İstanbul",
		"Straẞe", "ﬁnde", "Ǻrhus", "Ǽble", "Kalaallisut", "qanoq-iliorsinnaavit", "2026-11-22", "e\u0301t", "\u0301start"}
	ranges := [][2]rune{{0x80, 0x24F}, {0x250, 0x2FF}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x52F}, {0x590, 0x5FF},
		{0x600, 0x6FF}, {0x900, 0x97F}, {0xE00, 0xE7F}, {0x10A0, 0x10FF}, {0x1E00, 0x1FFF}, {0x2100, 0x214F},
		{0x3040, 0x30FF}, {0xAC00, 0xAC40}, {0xFB00, 0xFB4F}, {0xFF00, 0xFFEF}, {0x1D400, 0x1D4FF}, {0x1F600, 0x1F64F}}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			if !utf8.ValidRune(r) {
				continue
			}
			s := string(r)
			words = append(words, s, "a"+s+"b", strings.ToUpper("x"+s+"y"), norm.NFD.String("Å"+s+"ø"))
		}
	}
	return words
}
