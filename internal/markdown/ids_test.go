package markdown

import (
	"strconv"
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		// Issue 14: the letters of every language stay, as on GitHub and in Hugo.
		{"Sårbarhet och säkerhet", "sårbarhet-och-säkerhet"},
		{"Sådan klager du", "sådan-klager-du"},
		{"Hvad gør jeg nu?", "hvad-gør-jeg-nu"},
		{"Über Straße", "über-straße"},
		{"Café résumé", "café-résumé"},
		{"Kalaallisut: Qupperneq", "kalaallisut-qupperneq"},
		{"Ελληνικά κείμενα", "ελληνικά-κείμενα"},
		{"हिन्दी पाठ", "हिन्दी-पाठ"}, // marks stay: GitHub keeps \p{M}
		{"日本語の見出し", "日本語の見出し"},
		// decomposed (NFD) text gives the same id as composed
		{"Sa\u030adan", "sådan"},
		// GitHub's punctuation rules: left out, not replaced; dashes not collapsed
		{"  Lov nr. 783 af 4. maj 2021  ", "lov-nr-783-af-4-maj-2021"},
		{"Æbler & Østers", "æbler--østers"},
		{"A - B", "a---b"},
		{"snake_case and kebab-case", "snake_case-and-kebab-case"},
		{"npmjs.com", "npmjscom"},
		{"§ 8", "-8"},
		{"Hvad?! (Kort)", "hvad-kort"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugifyASCII(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"da", "Sådan klager du", "saadan-klager-du"},
		{"da", "Hvad gør jeg nu?", "hvad-goer-jeg-nu"},
		{"da", "Æbler & Østers", "aebler--oesters"},
		{"kl", "Qanoq iliorsinnaavit – Sådan", "qanoq-iliorsinnaavit--saadan"},
		{"nb", "Søknad på nett", "soeknad-paa-nett"},
		{"sv", "Sårbarhet och säkerhet", "sarbarhet-och-sakerhet"},
		{"sv", "Överklaga ärendet", "overklaga-arendet"},
		{"de", "Über Straße", "ueber-strasse"},
		{"de-CH", "Größe", "groesse"},
		{"fr", "Café résumé", "cafe-resume"},
		{"en", "Æsir and Øresund", "aesir-and-oresund"},
		{"pl", "Łódź", "lodz"},
		{"el", "Ελληνικά", ""},
	}
	for _, tt := range tests {
		if got := SlugifyASCII(tt.in, tt.lang); got != tt.want {
			t.Errorf("SlugifyASCII(%q, %s) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

func TestHeadingIDs(t *testing.T) {
	layout := map[string]string{"main": "layouts/base.html:20", "toc-title": "layouts/page.html:8"}
	tests := []struct {
		name, src string
		ids       IDStyle
		want      string // the ids, in order
		problems  []Problem
	}{
		{name: "duplicates get numbers", src: "## Frist\n\n## Frist\n\n### Frist\n\n## !!!\n",
			want: "frist frist-1 frist-2 section"},
		{name: "issue 14: an explicit id wins, before or after",
			src:  "## Eksempel\n\n## Eksempel 1\n\n## Eksempel\n\n## Noter {#eksempel-2}\n",
			want: "eksempel eksempel-1 eksempel-3 eksempel-2"},
		// Issue 23: each base id keeps a counter, and the ids are still
		// GitHub's (github-slugger) and Hugo's for every sequence.
		{name: "a heading whose text is an earlier generated id",
			src:  "## A\n\n## A\n\n## A-1\n\n## A\n",
			want: "a a-1 a-1-1 a-2"},
		{name: "a generated-looking id first", src: "## A-1\n\n## A\n\n## A\n\n## A\n",
			want: "a-1 a a-2 a-3"},
		{name: "ids set by hand are skipped, before or after",
			src:  "## A\n\n## B {#a-2}\n\n## A\n\n## A\n\n## C {#a-4}\n\n## A\n",
			want: "a a-2 a-1 a-3 a-4 a-5"},
		{name: "text that gives a numbered id after the counter passed it",
			src:  "## Frist\n\n## Frist\n\n## Frist\n\n## Frist 1\n\n## Frist\n",
			want: "frist frist-1 frist-2 frist-1-1 frist-3"},
		{name: "empty ids and a heading called Section",
			src:  "## !!!\n\n## ???\n\n## Section\n\n## Section 1\n",
			want: "section section-1 section-2 section-1-1"},
		{name: "layout ids count as taken each time", src: "## Main\n\n## Main\n\n## Main-1\n",
			want: "main-1 main-2 main-1-1"},
		{name: "an explicit id that an earlier auto id would have taken",
			src:  "## Frist\n\n## Frist\n\n## Sidst {#frist-1}\n",
			want: "frist frist-2 frist-1"},
		{name: "issue 14: layout ids are skipped", src: "## Main\n\n## Toc title\n\n## Main\n",
			want: "main-1 toc-title-1 main-2"},
		{name: "issue 14: a link's destination is not in the id",
			src:  "## Paketarkiv [npmjs.com](https://www.npmjs.com)\n",
			want: "paketarkiv-npmjscom"},
		{name: "a linkified URL gives its visible text",
			src:  "## Se https://www.npmjs.com\n",
			want: "se-httpswwwnpmjscom"},
		{name: "images and code", src: "## ![logo](x.png) Brug `go test`\n",
			want: "brug-go-test"},
		{name: "a setext heading of two lines", src: "Første linje\nanden linje\n---\n",
			want: "første-linje-anden-linje"},
		{name: "issue 14: Swedish letters stay", src: "## Sårbarhet och säkerhet\n",
			want: "sårbarhet-och-säkerhet"},
		{name: "ASCII ids on request", src: "## Sådan klager du\n", ids: IDsASCII,
			want: "saadan-klager-du"},
		// Hugo's styles number equal ids as GitHub does, each by its own
		// rule: "Let's go" and "Lets go" are one id in blackfriday's.
		{name: "blackfriday: duplicates", src: "## Let's go\n\n## Let’s go!\n\n## Let s go\n\n## Let-s go {#x}\n", ids: IDsBlackfriday,
			want: "let-s-go let-s-go-1 let-s-go-2 x"},
		{name: "blackfriday: an id set by hand is skipped", src: "## § 8 Frist\n\n## Noter {#8-frist}\n\n## §8: Frist\n", ids: IDsBlackfriday,
			want: "8-frist-1 8-frist 8-frist-2"},
		{name: "blackfriday: layout ids and empty text", src: "## Main!\n\n## ???\n\n## ...\n", ids: IDsBlackfriday,
			want: "main-1 section section-1"},
		{name: "github-ascii: duplicates after accents go", src: "## Café\n\n## Cafe\n\n## 神 Cafè\n", ids: IDsGitHubASCII,
			want: "cafe cafe-1 -cafe"},
		{name: "issue 14: the same {#same} twice", src: "## A {#same}\n\n## B {#same}\n",
			want:     "same same",
			problems: []Problem{{Line: 3, Msg: `heading id "same" is already set by the heading at line 1: each id may be used once on a page`}}},
		{name: "a footnote's id", src: "Tekst[^1].\n\n## Noter {#fn:1}\n\n[^1]: Lov.\n",
			want:     "fn:1",
			problems: []Problem{{Line: 3, Msg: `heading id "fn:1" is also the id of a footnote: choose another id`}}},
		{name: "issue 14: {#main} clashes with the layout", src: "Tekst.\n\n## Hoved {#main}\n",
			want:     "main",
			problems: []Problem{{Line: 3, Msg: `heading id "main" is also used by the layout (layouts/base.html:20), so a link to #main would not reach this heading: choose another id`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := New(Options{Lang: "da", IDs: tt.ids, LayoutIDs: layout, UI: daUI}).Convert([]byte(tt.src), 1, nil, 0)
			var ids []string
			for _, h := range res.Headings {
				ids = append(ids, h.ID)
			}
			if got := strings.Join(ids, " "); got != tt.want {
				t.Errorf("ids = %s, want %s", got, tt.want)
			}
			if len(problems) != len(tt.problems) {
				t.Fatalf("problems = %+v, want %+v", problems, tt.problems)
			}
			for i := range problems {
				if problems[i] != tt.problems[i] {
					t.Errorf("problem %d = %+v, want %+v", i, problems[i], tt.problems[i])
				}
			}
		})
	}
}

// TestHeadingEntities: a heading's id and text are made from the characters
// a reader sees, references and escapes resolved (issue 23: "R&amp;D and
// &lt;tag&gt;" was #rampd-and-lttaggt, and its text in the table of
// contents the source as written).
func TestHeadingEntities(t *testing.T) {
	tests := []struct {
		src, id, text string
		ids           IDStyle
	}{
		{"R&amp;D and &lt;tag&gt;", "rd-and-tag", "R&D and <tag>", ""},
		{"R&amp;D and &lt;tag&gt;", "rd-and-tag", "R&D and <tag>", IDsASCII},
		{"R&amp;D and &lt;tag&gt;", "r-d-and-tag", "R&D and <tag>", IDsBlackfriday},
		{"R&amp;D and &lt;tag&gt;", "rd-and-tag", "R&D and <tag>", IDsGitHubASCII},
		{"A&nbsp;fox", "a-fox", "A\u00a0fox", ""},
		{"&quot;Citat&quot; &amp; &#34;citat&#34;", "citat--citat", `"Citat" & "citat"`, ""},
		{"Tal &#8212; og &#x2014; tegn &copy;", "tal--og--tegn-", "Tal — og — tegn ©", ""},
		{"Caf&eacute; &AElig;ble", "café-æble", "Café Æble", ""},
		{"Caf&eacute; &AElig;ble", "cafe-aeble", "Café Æble", IDsASCII},
		{`1 \* 2 \&amp; ` + "`&amp;`", "1--2-amp-amp", "1 * 2 &amp; &amp;", ""},
		{"&ukendt; reference &#xZZ;", "ukendt-reference-xzz", "&ukendt; reference &#xZZ;", ""},
		{"Nul&#0;tegn", "nultegn", "Nul\ufffdtegn", ""}, // U+FFFD, a symbol
	}
	for _, tt := range tests {
		res, _ := New(Options{Lang: "da", IDs: tt.ids}).Convert([]byte("## "+tt.src+"\n"), 1, nil, 0)
		h := res.Headings[0]
		if h.ID != tt.id || h.Text != tt.text {
			t.Errorf("## %s (%s): id %q, text %q; want %q, %q", tt.src, tt.ids, h.ID, h.Text, tt.id, tt.text)
		}
	}
}

// TestManyEqualHeadings: the thousandth equal heading gets the id counting
// from 1 gives it.
func TestManyEqualHeadings(t *testing.T) {
	res, _ := New(Options{Lang: "da"}).Convert([]byte(strings.Repeat("## Frist\n\n", 1000)+"## Frist 999\n"), 1, nil, 0)
	for i, h := range res.Headings[:1000] {
		want := "frist"
		if i > 0 {
			want += "-" + strconv.Itoa(i)
		}
		if h.ID != want {
			t.Fatalf("heading %d: id %q, want %q", i, h.ID, want)
		}
	}
	if got := res.Headings[1000].ID; got != "frist-999-1" {
		t.Errorf("## Frist 999 after 1000 × ## Frist: id %q, want frist-999-1", got)
	}
}

func TestHeadingIDsInHTML(t *testing.T) {
	res, _ := New(Options{Lang: "da"}).Convert([]byte("## Sådan {#eget-id}\n\n## Frist\n"), 1, nil, 0)
	want := "<h2 id=\"eget-id\">Sådan</h2>\n<h2 id=\"frist\">Frist</h2>\n"
	if string(res.HTML) != want {
		t.Errorf("html = %q, want %q", res.HTML, want)
	}
	if strings.Join(res.IDs, " ") != "eget-id frist" {
		t.Errorf("ids = %v", res.IDs)
	}
	if res.Headings[0].Text != "Sådan" || res.Headings[1].Line != 3 {
		t.Errorf("headings = %+v", res.Headings)
	}
}

// TestRawHTMLIDs: with raw HTML on, the ids raw HTML defines are the
// page's ids too (a link's #anchor reaches them), and an id made from a
// heading's text skips them (issue 24: <a id="general"> and
// "# <a id="x">Title</a>" were invisible to the anchor check). With raw
// HTML off, the HTML is left out, and its ids with it; a comment defines
// none.
func TestRawHTMLIDs(t *testing.T) {
	src := "<a id=\"general\"></a>\n\n## <a id=\"x\">Title</a>\n\nText <span id='inline'>here</span> and <a name=\"old\">.\n\n## General\n\n<!-- <a id=\"commented\"> -->\n\n<div id=\"block\">\n\n## Block\n\n</div>\n"
	res, _ := New(Options{Lang: "en", UnsafeHTML: true}).Convert([]byte(src), 1, nil, 0)
	if got, want := strings.Join(res.IDs, " "), "block block-1 general general-1 inline old title x"; got != want {
		t.Errorf("ids = %s, want %s", got, want)
	}
	res, _ = New(Options{Lang: "en"}).Convert([]byte(src), 1, nil, 0)
	if got, want := strings.Join(res.IDs, " "), "block general title"; got != want {
		t.Errorf("raw HTML off: ids = %s, want %s", got, want)
	}
}

// TestIDStyles: each style's rule on Unicode, punctuation and other
// scripts. The blackfriday and github-ascii rows marked "doc" are the
// examples the rule's own documentation gives (sanitized_anchor_name's,
// Hugo's).
func TestIDStyles(t *testing.T) {
	tests := []struct {
		in                               string
		github, githubASCII, blackfriday string
	}{
		{"This is a header", "this-is-a-header", "this-is-a-header", "this-is-a-header"}, // doc
		{"This is also    a header", "this-is-also----a-header", "this-is-also----a-header", "this-is-also-a-header"},
		{"main.go", "maingo", "maingo", "main-go"},                                                                          // doc
		{"Article 123", "article-123", "article-123", "article-123"},                                                        // doc
		{"<- Let's try this, shall we?", "--lets-try-this-shall-we", "--lets-try-this-shall-we", "let-s-try-this-shall-we"}, // doc
		{" ", "", "", ""}, // doc
		{"Hello, 世界", "hello-世界", "hello-", "hello-世界"},                               // doc
		{"God is Good: 神真美好", "god-is-good-神真美好", "god-is-good-", "god-is-good-神真美好"}, // doc (Hugo's test of github-ascii)
		{"Café résumé", "café-résumé", "cafe-resume", "café-résumé"},
		{"Über Straße", "über-straße", "uber-strae", "über-straße"},
		{"Sa\u030adan", "sådan", "sadan", "sa-dan"}, // as written: a combining ring is no letter to Blackfriday
		{"Æbler & Østers", "æbler--østers", "bler--sters", "æbler-østers"},
		{"snake_case and kebab-case", "snake_case-and-kebab-case", "snake_case-and-kebab-case", "snake-case-and-kebab-case"},
		{"§ 8. Frist (2021)", "-8-frist-2021", "-8-frist-2021", "8-frist-2021"},
		{"What’s new — 2.0?", "whats-new--20", "whats-new--20", "what-s-new-2-0"},
		{"½ and ² and Ⅻ", "-and--and-", "-and--and-", "½-and-²-and-ⅻ"}, // numbers that are not digits: Blackfriday keeps every number
		{"Ελληνικά κείμενα", "ελληνικά-κείμενα", "-", "ελληνικά-κείμενα"},
		{"Русский текст", "русский-текст", "-", "русский-текст"},
		{"עברית ושפה", "עברית-ושפה", "-", "עברית-ושפה"},
		{"مرحبا بالعالم", "مرحبا-بالعالم", "-", "مرحبا-بالعالم"},
		{"हिन्दी पाठ", "हिन्दी-पाठ", "-", "ह-न-द-प-ठ"}, // vowel signs are marks
		{"ภาษาไทย", "ภาษาไทย", "", "ภาษาไทย"},
		{"日本語の見出し", "日本語の見出し", "", "日本語の見出し"},
		{"!!!", "", "", ""},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			s    IDStyle
			want string
		}{{IDsGitHub, tt.github}, {IDsGitHubASCII, tt.githubASCII}, {IDsBlackfriday, tt.blackfriday}, {"", tt.github}} {
			if got := c.s.Slug(tt.in, "en"); got != c.want {
				t.Errorf("%s: Slug(%q) = %q, want %q", c.s, tt.in, got, c.want)
			}
		}
	}
	if got := IDsASCII.Slug("Sådan", "da"); got != "saadan" {
		t.Errorf("ascii: Slug(Sådan, da) = %q, want saadan", got)
	}
}
