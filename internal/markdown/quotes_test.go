package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQuotes(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		// Issue 14's cases, with their right values.
		{"da", `Jens' cykel`, `Jens’ cykel`},
		{"da", `"Han sagde 'nej' i går,"`, `»Han sagde ›nej‹ i går,«`},
		{"en", `said 'no'`, `said ‘no’`},
		{"en", `The word 'end'`, `The word ‘end’`},
		{"kl", `Oqarpoq 'naamik'.`, `Oqarpoq ›naamik‹.`},
		// Each language's marks.
		{"da", `Han sagde "hej" og 'farvel' -- det's slut...`, `Han sagde »hej« og ›farvel‹ – det’s slut…`},
		{"en", `He said "hi" and 'bye' -- it's over...`, `He said “hi” and ‘bye’ – it’s over…`},
		{"sv", `Hon sa "hej" och 'hejdå'.`, `Hon sa ”hej” och ’hejdå’.`},
		{"fi", `Hän sanoi "hei".`, `Hän sanoi ”hei”.`},
		{"de", `Er sagte "Hallo" und 'Tschüss'.`, `Er sagte „Hallo“ und ‚Tschüss‘.`},
		{"de-CH", `Er sagte "Grüezi".`, `Er sagte «Grüezi».`},
		{"nb", `Hun sa "hei" og 'ha det'.`, `Hun sa «hei» og ‘ha det’.`},
		{"nn", `Ho sa "hei".`, `Ho sa «hei».`},
		{"is", `Hann sagði "halló".`, `Hann sagði „halló“.`},
		{"fr", `Il a dit "oui".`, `Il a dit “oui”.`}, // the default
		{"pt-BR", `Ele disse "sim".`, `Ele disse “sim”.`},
		// Apostrophes inside and at the end of words, and elisions.
		{"en", `don't, rock'n'roll, the Smiths' house, the '90s, 'tis`, `don’t, rock’n’roll, the Smiths’ house, the ’90s, ’tis`},
		{"da", `Anders' og Mads' biler`, `Anders’ og Mads’ biler`},
		{"en", `"She said 'it's Jens' bike'."`, `“She said ‘it’s Jens’ bike’.”`},
		// Nesting and punctuation around quotes.
		{"da", `("citat") og "'indre' ydre"`, `(»citat«) og »›indre‹ ydre«`},
		{"da", `Ordet "*fremhævet*" og "[et link](x.md)".`, `Ordet »<em>fremhævet</em>« og »<a href="x.md">et link</a>«.`},
		{"da", "Se \"`kode`\".", "Se »<code>kode</code>«."},
		// Quotes that stay straight: escaped, in code, alone, unmatched.
		{"da", `Skriv \"sådan\" og "`, `Skriv "sådan" og "`},
		{"da", "Kode: `\"x\" 'y'`", "Kode: <code>&quot;x&quot; 'y'</code>"},
		{"en", `a 5" screen`, `a 5" screen`},
		// A single quote closing right before a double one (found by a new
		// user: the double quote stayed straight, or opened).
		{"da", `"Han sagde 'nej'"`, `»Han sagde ›nej‹«`},
		{"da", `"Han sagde 'nej'", sagde hun.`, `»Han sagde ›nej‹«, sagde hun.`},
		{"da", `"Han sagde 'nej'".`, `»Han sagde ›nej‹«.`},
		{"en", `"He said 'no'", she said.`, `“He said ‘no’”, she said.`},
		{"de", `"Er sagte 'nein'", sagte sie.`, `„Er sagte ‚nein‘“, sagte sie.`},
		{"sv", `"Han sa 'nej'", sa hon.`, `”Han sa ’nej’”, sa hon.`},
		// Elisions where a quotation could open.
		{"en", `rock 'n' roll in the '90s and 'tis`, `rock ’n’ roll in the ’90s and ’tis`},
		{"da", `i '90'erne`, `i ’90’erne`},
		// A quotation over a line break.
		{"da", "\"Første\nanden\"", "»Første\nanden«"},
	}
	for _, tt := range tests {
		res, _ := New(Options{Lang: tt.lang}).Convert([]byte(tt.in), 1, nil, 0)
		got := strings.TrimSuffix(strings.TrimPrefix(string(res.HTML), "<p>"), "</p>\n")
		got = strings.ReplaceAll(got, "&quot;", `"`)
		want := strings.ReplaceAll(tt.want, "&quot;", `"`)
		if got != want {
			t.Errorf("%s %s:\n got %s\nwant %s", tt.lang, tt.in, got, want)
		}
	}
}

// TestQuotesFlanking: quotations of punctuation only, of numbers, beside
// dashes and brackets, nested, and at the ends of lines open and close by
// the flanking rule (issue 23: "-" became »-", the closing quote straight,
// since a quote after a dash could only open).
func TestQuotesFlanking(t *testing.T) {
	type out struct{ da, en, de, sv string }
	tests := []struct {
		in   string
		want out
	}{
		{`"-"`, out{`»-«`, `“-”`, `„-“`, `”-”`}},
		{`"?" og "!"`, out{`»?« og »!«`, `“?” og “!”`, `„?“ og „!“`, `”?” og ”!”`}},
		{`"..." og "--"`, out{`»…« og »–«`, `“…” og “–”`, `„…“ og „–“`, `”…” og ”–”`}},
		{`"§" "+" "€" "5 %"`, out{`»§« »+« »€« »5 %«`, `“§” “+” “€” “5 %”`, `„§“ „+“ „€“ „5 %“`, `”§” ”+” ”€” ”5 %”`}},
		{`"(-)" og ("-")`, out{`»(-)« og (»-«)`, `“(-)” og (“-”)`, `„(-)“ og („-“)`, `”(-)” og (”-”)`}},
		// numbers
		{`"5" og '5'`, out{`»5« og ›5‹`, `“5” og ‘5’`, `„5“ og ‚5‘`, `”5” og ’5’`}},
		{`"1990"-"2000"`, out{`»1990«-»2000«`, `“1990”-“2000”`, `„1990“-„2000“`, `”1990”-”2000”`}},
		{`"-5" og "5-"`, out{`»-5« og »5-«`, `“-5” og “5-”`, `„-5“ og „5-“`, `”-5” og ”5-”`}},
		{`a 5" screen`, out{`a 5" screen`, `a 5" screen`, `a 5" screen`, `a 5" screen`}},
		// beside dashes
		{`"a-" "-a" -"a"- "a"-"b"`, out{`»a-« »-a« -»a«- »a«-»b«`, `“a-” “-a” -“a”- “a”-“b”`, `„a-“ „-a“ -„a“- „a“-„b“`, `”a-” ”-a” -”a”- ”a”-”b”`}},
		{`-- "Hej," sagde han.`, out{`– »Hej,« sagde han.`, `– “Hej,” sagde han.`, `– „Hej,“ sagde han.`, `– ”Hej,” sagde han.`}},
		{`---"Hej"---`, out{`—»Hej«—`, `—“Hej”—`, `—„Hej“—`, `—”Hej”—`}},
		// nested
		{`"'a'" og '"a"'`, out{`»›a‹« og ›»a«‹`, `“‘a’” og ‘“a”’`, `„‚a‘“ og ‚„a“‘`, `”’a’” og ’”a”’`}},
		{`"'-'"`, out{`»›-‹«`, `“‘-’”`, `„‚-‘“`, `”’-’”`}},
		// at the ends of lines
		{"\"Hej\"\nnæste", out{"»Hej«\nnæste", "“Hej”\nnæste", "„Hej“\nnæste", "”Hej”\nnæste"}},
		{"Han sagde:\n\"Hej.\"", out{"Han sagde:\n»Hej.«", "Han sagde:\n“Hej.”", "Han sagde:\n„Hej.“", "Han sagde:\n”Hej.”"}},
		{"\"Hej\"\\\nnæste \"-\"", out{"»Hej«<br>\nnæste »-«", "“Hej”<br>\nnæste “-”", "„Hej“<br>\nnæste „-“", "”Hej”<br>\nnæste ”-”"}},
		{"\"-\nog -\"", out{"»-\nog -«", "“-\nog -”", "„-\nog -“", "”-\nog -”"}},
		// empty
		{`"" og ''`, out{`»« og ›‹`, `“” og ‘’`, `„“ og ‚‘`, `”” og ’’`}},
	}
	for _, tt := range tests {
		for lang, want := range map[string]string{"da": tt.want.da, "en": tt.want.en, "de": tt.want.de, "sv": tt.want.sv} {
			res, _ := New(Options{Lang: lang}).Convert([]byte(tt.in), 1, nil, 0)
			got := strings.TrimSuffix(strings.TrimPrefix(string(res.HTML), "<p>"), "</p>\n")
			got = strings.ReplaceAll(got, "&quot;", `"`)
			if got != want {
				t.Errorf("%s %s:\n got %s\nwant %s", lang, tt.in, got, want)
			}
		}
	}
	if got := Typeset("da", `Svar "-" eller "?"`); got != `Svar »-« eller »?«` {
		t.Errorf("Typeset: %s", got)
	}
}

func TestQuotesInHeadingsAndCells(t *testing.T) {
	src := "## \"Citat\" i en overskrift\n\n| \"a\" | 'b' |\n|---|---|\n| Jens' | x |\n"
	res, _ := New(Options{Lang: "da"}).Convert([]byte(src), 1, nil, 0)
	for _, w := range []string{`<h2 id="citat-i-en-overskrift">»Citat« i en overskrift</h2>`, `<th>»a«</th>`, `<th>›b‹</th>`, `<td>Jens’</td>`} {
		if !strings.Contains(string(res.HTML), w) {
			t.Errorf("html lacks %s:\n%s", w, res.HTML)
		}
	}
}

// FuzzPlaceQuotes checks that placeQuotes changes only editable quotes,
// each into a mark of the language or an apostrophe, and that every
// opening mark it places is closed, or left open at the end.
func FuzzPlaceQuotes(f *testing.F) {
	for _, s := range []string{`Jens' cykel`, `"Han sagde 'nej' i går,"`, `said 'no'`, `'90s "a 'b' c" d'`, `"'"'"`, `it's 'x`} {
		f.Add(s, "da")
		f.Add(s, "en")
		f.Add(s, "sv")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		if !utf8.ValidString(s) {
			return
		}
		text := []rune(s)
		editable := make([]bool, len(text))
		for i := range editable {
			editable[i] = i%7 != 3
		}
		m := quoteMarks(lang)
		out := placeQuotes(text, editable, m)
		if len(out) != len(text) {
			t.Fatalf("%d replacements for %d runes", len(out), len(text))
		}
		depth := map[rune]int{}
		for i, r := range out {
			if r == "" {
				continue
			}
			if !editable[i] || (text[i] != '\'' && text[i] != '"') {
				t.Fatalf("rune %d (%q) of %q replaced by %q", i, text[i], s, r)
			}
			switch {
			case text[i] == '"' && r == m.open:
				depth['"']++
			case text[i] == '"' && r == m.close:
				if depth['"'] == 0 {
					t.Fatalf("%q: a closing mark at %d with none open", s, i)
				}
				depth['"']--
			case text[i] == '\'' && (r == m.open2 || r == m.close2 || r == apostrophe):
			default:
				t.Fatalf("%q: %q at %d became %q", s, text[i], i, r)
			}
		}
	})
}

// FuzzQuotesConvert checks that placing quotes changes nothing but the
// quotes: the page converted with each straight quote written as "%",
// another punctuation mark that Markdown gives no meaning, is the same
// with every quotation mark and apostrophe read as "%".
func FuzzQuotesConvert(f *testing.F) {
	f.Add("\"Han sagde 'nej' i går,\" *'x'* `'y'` \\'c\\' Jens' _\"a\"_")
	f.Fuzz(func(t *testing.T, src string) {
		if strings.Contains(src, "](") || strings.Contains(src, "]:") || strings.Contains(src, "<") {
			return // link titles, raw HTML and autolinks give quotes a meaning
		}
		marks := strings.NewReplacer("'", "%", `"`, "%", "&quot;", "%", "&#39;", "%", "»", "%", "«", "%", "›", "%", "‹", "%",
			"’", "%", "‘", "%", "“", "%", "”", "%", "„", "%", "‚", "%")
		res, _ := New(Options{Lang: "da"}).Convert([]byte(src), 1, nil, 0)
		plain, _ := New(Options{Lang: "da"}).Convert([]byte(strings.NewReplacer("'", "%", `"`, "%").Replace(src)), 1, nil, 0)
		if got, want := marks.Replace(string(res.HTML)), marks.Replace(string(plain.HTML)); got != want {
			t.Fatalf("%q:\n%s\nwant\n%s", src, got, want)
		}
	})
}

// TestTypeset: titles and descriptions from front matter get the body's
// typography (a new user found "Hello" and Jens' bike -- 1990-2000 in an
// <h1> as written).
func TestTypeset(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"en", `"Hello" and Jens' bike -- 1990-2000...`, `“Hello” and Jens’ bike – 1990-2000…`},
		{"da", `"Han sagde 'nej'" --- og så?`, `»Han sagde ›nej‹« — og så?`},
		{"de", `Das "Haus"`, `Das „Haus“`},
		{"sv", `Plain title`, `Plain title`},
	}
	for _, tt := range tests {
		if got := Typeset(tt.lang, tt.in); got != tt.want {
			t.Errorf("Typeset(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}
