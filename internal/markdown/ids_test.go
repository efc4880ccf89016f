package markdown

import (
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
		ascii     bool
		want      string // the ids, in order
		problems  []Problem
	}{
		{name: "duplicates get numbers", src: "## Frist\n\n## Frist\n\n### Frist\n\n## !!!\n",
			want: "frist frist-1 frist-2 section"},
		{name: "issue 14: an explicit id wins, before or after",
			src:  "## Eksempel\n\n## Eksempel 1\n\n## Eksempel\n\n## Noter {#eksempel-2}\n",
			want: "eksempel eksempel-1 eksempel-3 eksempel-2"},
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
		{name: "ASCII ids on request", src: "## Sådan klager du\n", ascii: true,
			want: "saadan-klager-du"},
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
			res, problems := New(Options{Lang: "da", ASCIIIDs: tt.ascii, LayoutIDs: layout}).Convert([]byte(tt.src), 1, nil, 0)
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
