package search

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/theme"
)

// TestKeys reads words as each language's readers write and type them:
// each input's keys (Analyzer.Normalize), which the index and search.js
// match on.
func TestKeys(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		// Case and decomposed letters (issue 14).
		{"da", "Fritagelse FRITAGELSE fritagelse", "fritagelse fritagelse fritagelse"},
		{"da", norm.NFD.String("håndbog"), "handbog"},
		{"da", "\u212Bbenr\u212B", "abenra"}, // the Ångström sign
		// Danish and Norwegian: å as a or aa, ø as o or oe, æ as ae.
		{"da", "Åbenrå Aabenraa abenra", "abenra abenra abenra"},
		{"da", "FØR foer før", "for for for"},
		{"da", "Æbler, Ål!", "aebler al"},
		{"nb", "Søknad soeknad soknad", "soknad soknad soknad"},
		// Swedish: å ä ö are a a o, and aa is two letters (issue 28: "fragor"
		// did not find "frågor").
		{"sv", "Frågor fragor FRÅGOR", "fragor fragor fragor"},
		{"sv", "Säkerhet Saakerhet", "sakerhet saakerhet"},
		// German: ä ö ü as a o u or ae oe ue, ß as ss.
		{"de", "Müller Mueller Muller MÜLLER", "muller muller muller muller"},
		{"de", "Straße Strasse STRAẞE", "strasse strasse strasse"},
		{"de", "Häuser Haeuser", "hauser hauser"},
		// Other languages drop marks, and spell out letters without one.
		{"en", "Café résumé naïve", "cafe resume naive"},
		{"fr", "Élève ÉCOLE œuvre", "eleve ecole oeuvre"},
		{"es", "Niño NIÑOS niño", "nino ninos nino"},
		{"pl", "Łódź ŁÓDŹ złóż", "lodz lodz zloz"},
		{"en", "Müller Søren Straße", "muller soren strasse"},
		// Turkish (issue 28): dotted and dotless i are one letter, ü and ö
		// are u and o, not ue and oe.
		{"tr", "KULLANICI Kullanıcı kullanici", "kullanici kullanici kullanici"},
		{"tr", "Işık ışık ISIK isik İŞİK", "isik isik isik isik isik"},
		{"tr", "Büyük büyük buyuk BÜYÜK", "buyuk buyuk buyuk buyuk"},
		{"az", "İstanbul ISTANBUL", "istanbul istanbul"},
		{"en", "İstanbul", "istanbul"},
		// Greek: accents dropped, final sigma as sigma.
		{"el", "ΟΔΟΣ οδός Άθήνα", "οδοσ οδοσ αθηνα"},
		// Cyrillic: ё is е; й and ї are letters; stress marks dropped.
		{"ru", "Ёлка ёлка елка", "елка елка елка"},
		{"ru", "ЙОГУРТ йогурт", "йогурт йогурт"},
		{"ru", "ма́ма", "мама"},
		{"uk", "Їжак ЇЖАК їжак ижак", "їжак їжак їжак ижак"},
		// Arabic and Persian: vowel points, tatweel and hamza forms dropped,
		// Arabic and Persian yeh, kaf and heh as one, Arabic-Indic digits.
		{"ar", "الْكِتَاب الكتاب الكـتـاب", "الکتاب الکتاب الکتاب"},
		{"ar", "أحمد احمد إسلام", "احمد احمد اسلام"},
		{"ar", "مدرسة مدرسه", "مدرسه مدرسه"},
		{"ar", "الرئيسية الرييسية", "الرییسیه الرییسیه"}, // ئ is ي without its hamza, and ي is ی
		{"fa", "كتاب کتاب ي ی", "کتاب کتاب ی ی"},
		{"fa", "۱۴۰۲ ١٤٠٢ 1402", "1402 1402 1402"},
		{"fa", "می\u200cخواهم", "می خواهم"}, // a zero-width non-joiner parts words, as Lucene's Persian analyser does
		{"he", "שָׁלוֹם שלום", "שלום שלום"},
		// Marks that make another word are kept: Indic vowel signs and
		// viramas, Thai vowels, kana voicing (issue 28: で became て).
		{"hi", "हिन्दी पाठ", "हिन्दी पाठ"},
		{"ja", "で", "で"},
		{"ja", "でんき てんき", "でん んき てん んき"},
		{"ja", norm.NFD.String("でんき"), "でん んき"},
		{"ja", "ﾃﾞﾝｷ", "デン ンキ"}, // half-width kana as kana
		// Scripts written without spaces: pairs of characters, as Lucene's
		// CJK analyser does; a character alone is itself (issue 28).
		{"ja", "東京に住んでいます", "東京 京に に住 住ん んで でい いま ます"},
		{"ja", "本", "本"},
		{"ja", "本を読む。東京", "本を を読 読む 東京"},
		{"zh", "简单的图书馆", "简单 单的 的图 图书 书馆"},
		{"zh", "一段", "一段"},
		{"ko", "서울에서", "서울 울에 에서"},
		{"th", "ภาษาไทย", "ภา าษ ษา าไ ไท ทย"},
		// Mixed scripts and compatibility forms.
		{"ja", "MitIDでログイン", "mitid でロ ログ グイ イン"},
		{"ja", "ＭｉｔＩＤ", "mitid"},
		{"en", "ﬁnd ﬂat", "find flat"},
		{"da", "2026-11-22", "2026 11 22"},
		{"da", "e\u0301t \u0301start", "et start"},
		{"kl", "ĸaĸortoĸ qanoq-iliorsinnaavit", "qaqortoq qanoq iliorsinnaavit"},
	}
	for _, tt := range tests {
		if got := For(tt.lang).Normalize(tt.in); got != tt.want {
			t.Errorf("%s: %q: keys %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

// TestIndexUnits: the index keeps the last character of each run of a
// script written without spaces, so that a query of one character finds
// every run that holds it.
func TestIndexUnits(t *testing.T) {
	var got []string
	for _, tk := range For("ja").tokens("日本 本", true) {
		got = append(got, tk.Key)
	}
	if want := []string{"日本", "本", "本"}; !slices.Equal(got, want) {
		t.Errorf("index tokens %q, want %q", got, want)
	}
}

// TestStems stems each language's words as written, then folds them: the
// forms of a word meet in one stem, whatever marks and case the text
// has, and a language without a stemmer keeps its keys.
func TestStems(t *testing.T) {
	tests := []struct {
		lang  string
		words string // the words of one stem
		want  string
	}{
		{"da", "klage klager klagerne Klagen KLAGES", "klag"},
		{"da", "afslag afslaget afslagene", "afslag"},
		{"da", "håndbog håndbogen Håndbogen", "handbog"},
		{"sv", "frågor frågorna Frågorna", "frag"},
		{"nb", "søknad søknaden søknader", "soknad"},
		{"de", "Bücher Buch", "buch"},
		{"de", "Antrag Anträge", "antrag"},
		{"en", "complaint complaints", "complaint"},
		{"en", "refusal refusals", "refus"},
		{"fr", "demande demandes demander", "demand"},
		{"es", "solicitud solicitudes", "solicitud"},
		{"tr", "kullanıcılar KULLANICILAR", "kullanici"},
		{"tr", "büyük büyükler BÜYÜKLER", "buyuk"},
		{"tr", "ışık ışıklar", "isik"},
		{"ru", "поиск поиска поиском", "поиск"},
		{"ar", "الكتاب كتاب", "کتاب"},
		{"pl", "wniosek", "wniosek"}, // no stemmer: the key
		{"uk", "заяву", "заяву"},     // no stemmer: the key
		{"zh", "图书馆", "图书 书馆 馆"},     // units are their own stems
	}
	for _, tt := range tests {
		f := newFormTable()
		var stems []string
		for _, w := range strings.Fields(tt.words) {
			f.analyse(For(tt.lang), w, func(s string) {
				if !slices.Contains(stems, s) {
					stems = append(stems, s)
				}
			})
		}
		if got := strings.Join(stems, " "); got != tt.want {
			t.Errorf("%s: stems of %q: %q, want %q", tt.lang, tt.words, got, tt.want)
		}
	}
}

// TestAnalyseLikeJavaScript runs the same text through the Analyzer and
// through search.js's analyser in node, for every language with rules of
// its own and some without: they must agree on every token, or a word on
// the page is not found. The text is issue 14's and 28's words in NFC and
// NFD, and each letter, mark and digit of many scripts, alone, in a word,
// in upper case and decomposed, as a query and as the index reads it.
func TestAnalyseLikeJavaScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("SITEGEN_BROWSER_TESTS") == "required" {
			t.Fatal("node is needed to run search.js's analyser: apt-get install nodejs")
		}
		t.Skip("no node on PATH: cannot run search.js's analyser (apt-get install nodejs)")
	}
	src, err := fs.ReadFile(theme.FS(), "static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	_, code, ok := strings.Cut(string(src), "// analyse:begin")
	code, _, ok2 := strings.Cut(code, "// analyse:end")
	if !ok || !ok2 {
		t.Fatal("search.js has no // analyse:begin ... // analyse:end lines")
	}
	words := analyseCorpus()
	langs := []string{"da", "nb", "de", "sv", "tr", "en", "ru", "ar", "fa", "ja", "zh", "th"}
	type job struct {
		Fold  map[string]string
		Text  []string
		Index bool
	}
	var jobs []job
	for _, l := range langs {
		for _, index := range []bool{false, true} {
			jobs = append(jobs, job{For(l).Digraphs(), words, index})
		}
	}
	input, _ := json.Marshal(jobs)
	cmd := exec.Command(node, "-e", code+`
const jobs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(jobs.map((j) => {
  const read = analyser(j.Fold);
  return j.Text.map((w) => read(w, j.Index).map(([k, u]) => u ? '[' + k + ']' : k).join(' '));
})));`)
	cmd.Stdin = strings.NewReader(string(input))
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("node: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("node: %v", err)
	}
	var js [][]string
	if err := json.Unmarshal(out, &js); err != nil || len(js) != len(jobs) {
		t.Fatalf("node gave %d results for %d jobs (%v)", len(js), len(jobs), err)
	}
	bad := 0
	for j, l := range langs {
		for k, index := range []bool{false, true} {
			got := js[2*j+k]
			for i, w := range words {
				var toks []string
				for _, tk := range For(l).tokens(w, index) {
					if tk.Unit {
						toks = append(toks, "["+tk.Key+"]")
					} else {
						toks = append(toks, tk.Key)
					}
				}
				if g := strings.Join(toks, " "); g != got[i] {
					if bad++; bad <= 20 {
						t.Errorf("%s (index %v): %q (%+q): Go reads %q, search.js %q", l, index, w, w, g, got[i])
					}
				}
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%d differ", bad)
	}
	t.Logf("%d texts read alike in Go and in search.js, in %d languages, as queries and as the index reads them", len(words), len(langs))
}

func analyseCorpus() []string {
	words := []string{"håndbog", "Müller", "Åbenrå", "\u212Bbenr\u212B", "Sårbarhet och säkerhet", "ΟΔΟΣ", "İstanbul",
		"Straẞe", "ﬁnde", "Ǻrhus", "Ǽble", "Kalaallisut", "qanoq-iliorsinnaavit", "2026-11-22", "e\u0301t", "\u0301start",
		"KULLANICI Işık kullanici buyuk BÜYÜKLER", "東京に住んでいます。本", "简单的图书馆页面，一段", "でんき " + norm.NFD.String("でんき"),
		"ﾃﾞﾝｷ", "ＭｉｔＩＤでログイン", "ภาษาไทย", "서울에서 살아요", "الْكِتَاب الكـتـاب أحمد مدرسة", "كتاب ی ۱۴۰۲ ١٤٠٢",
		"می\u200cخواهم", "Ёлка ЙОГУРТ ма́ма Їжак", "हिन्दी पाठ", "Aabenraa FOER haandbog Mueller Strasse", "ĸaĸortoĸ"}
	ranges := [][2]rune{{0x80, 0x24F}, {0x250, 0x2FF}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x52F}, {0x590, 0x5FF},
		{0x600, 0x6FF}, {0x900, 0x97F}, {0xE00, 0xE7F}, {0x10A0, 0x10FF}, {0x1E00, 0x1FFF}, {0x2100, 0x214F},
		{0x3000, 0x30FF}, {0x4E00, 0x4E40}, {0xAC00, 0xAC40}, {0xFB00, 0xFB4F}, {0xFE70, 0xFEFF}, {0xFF00, 0xFFEF},
		{0x1D400, 0x1D4FF}, {0x1F600, 0x1F64F}}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			if !utf8.ValidRune(r) {
				continue
			}
			s := string(r)
			words = append(words, s, "a"+s+"b", strings.ToUpper("x"+s+"y"), norm.NFD.String("Å"+s+"ø"), "東"+s+"京", "ก"+s+"ข")
		}
	}
	return words
}

func ExampleAnalyzer_Normalize() {
	fmt.Println(For("sv").Normalize("Vanliga frågor"))
	fmt.Println(For("tr").Normalize("KULLANICI Işık büyük"))
	fmt.Println(For("da").Normalize("Håndbog, Aabenraa og før"))
	fmt.Println(For("ja").Normalize("東京の本"))
	// Output:
	// vanliga fragor
	// kullanici isik buyuk
	// handbog abenra og for
	// 東京 京の の本
}
