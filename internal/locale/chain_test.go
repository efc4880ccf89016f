package locale

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestChain(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"de", "de"},
		{"de-CH", "de-CH de"},
		{"pt-BR", "pt-BR pt"},
		{"en-GB", "en-GB en"},
		{"nb-NO", "nb-NO nb"},
		// A script other than the base language's usual one stops the
		// chain: zh is Simplified, sr Cyrillic.
		{"zh-Hant-TW", "zh-Hant-TW zh-Hant"},
		{"zh-Hant", "zh-Hant"},
		{"zh-Hans-CN", "zh-Hans-CN zh-Hans zh"},
		{"sr-Latn", "sr-Latn"},
		{"sr-Cyrl-RS", "sr-Cyrl-RS sr-Cyrl sr"},
		// A region whose usual script is not the language's reads that
		// script's tag instead of the base language (CLDR's likely
		// subtags): Taiwan and Hong Kong write Traditional Chinese.
		{"zh-TW", "zh-TW zh-Hant"},
		{"zh-HK", "zh-HK zh-Hant"},
		{"zh-CN", "zh-CN zh"},
		{"zh-SG", "zh-SG zh"},
		{"sr-ME", "sr-ME sr-Latn"},
		{"sr-RS", "sr-RS sr"},
		{"pa-PK", "pa-PK pa-Arab"},
		{"fa-AF", "fa-AF fa"},
		{"de-CH-1996", "de-CH-1996 de-CH de"},
		{"es-419", "es-419 es"},
		{"x-private", "x-private"},
		// A language CLDR counts under a macrolanguage reads it next.
		{"kmr", "kmr ku"},
		{"kmr-TR", "kmr-TR kmr ku-TR ku"},
		{"kmr-Arab", "kmr-Arab ku-Arab"},
		{"pes", "pes fa"},
	}
	for _, tt := range tests {
		if got := strings.Join(Chain(tt.lang), " "); got != tt.want {
			t.Errorf("Chain(%q) = %s, want %s", tt.lang, got, tt.want)
		}
	}
}

// regionalCatalog is a theme with en, de and pt, and a site with German
// for Switzerland and sr, in the languages the test names.
func regionalCatalog(t *testing.T, langs ...string) *Catalog {
	t.Helper()
	theme := fstest.MapFS{
		"i18n/en.toml": {Data: []byte("menu = \"Menu\"\nsearch = \"Search\"\nstreet = \"Street\"\n[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n")},
		"i18n/de.toml": {Data: []byte("menu = \"Menü\"\nsearch = \"Suche\"\n[street]\nother = \"Straße\"\nneeds_review = true\n[pages]\none = \"{{.Count}} Seite\"\nother = \"{{.Count}} Seiten\"\n")},
		"i18n/pt.toml": {Data: []byte("menu = \"Menu\"\nsearch = \"Pesquisa\"\nstreet = \"Rua\"\n[pages]\none = \"{{.Count}} página\"\nmany = \"{{.Count}} de páginas\"\nother = \"{{.Count}} páginas\"\n")},
	}
	site := fstest.MapFS{
		"i18n/de-CH.toml":   {Data: []byte("[street]\nother = \"Strasse\"\nneeds_review = true\n")},
		"i18n/sr.toml":      {Data: []byte("menu = \"Мени\"\nsearch = \"Претрага\"\n[street]\nother = \"Улица\"\nneeds_review = true\n")},
		"i18n/sr-Latn.toml": {Data: []byte("menu = \"Meni\"\n")},
	}
	c, diags := Load([]fs.FS{theme, site}, langs, langs[0])
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return c
}

func TestRegionalFallback(t *testing.T) {
	c := regionalCatalog(t, "en", "de-CH", "pt-BR", "pt-PT", "sr-Latn", "sr-Cyrl-RS", "zh-Hant-TW")
	tests := []struct {
		lang, id string
		args     []any
		want     string
	}{
		{"de-CH", "menu", nil, "Menü"},      // from the theme's de.toml
		{"de-CH", "street", nil, "Strasse"}, // the site's de-CH.toml wins
		{"de-CH", "pages", []any{1}, "1 Seite"},
		{"pt-BR", "search", nil, "Pesquisa"},      // from pt.toml
		{"pt-BR", "pages", []any{0}, "0 página"},  // pt's CLDR rule: 0 is "one"
		{"pt-PT", "pages", []any{0}, "0 páginas"}, // pt-PT's: 0 is "other"
		{"pt-PT", "pages", []any{1}, "1 página"},
		{"sr-Latn", "menu", nil, "Meni"},          // its own file
		{"sr-Latn", "search", nil, "Search"},      // not sr's Cyrillic: the default language's
		{"sr-Cyrl-RS", "search", nil, "Претрага"}, // sr's usual script: from sr.toml
		{"zh-Hant-TW", "search", nil, "Search"},   // no zh file: the default language's
	}
	for _, tt := range tests {
		got, err := c.T(tt.lang, tt.id, tt.args...)
		if err != nil || got != tt.want {
			t.Errorf("T(%s, %s, %v) = %q, %v; want %q", tt.lang, tt.id, tt.args, got, err, tt.want)
		}
	}
	if !c.HasFile("de-CH") || !c.HasFile("pt-BR") || c.HasFile("zh-Hant-TW") {
		t.Errorf("HasFile de-CH %v pt-BR %v zh-Hant-TW %v; want true true false", c.HasFile("de-CH"), c.HasFile("pt-BR"), c.HasFile("zh-Hant-TW"))
	}
	for _, tt := range []struct{ lang, missing, review, siteReview string }{
		{"de-CH", "", "street", "street"},
		{"pt-BR", "", "", ""},
		{"sr-Latn", "pages search street", "", ""},
		{"sr-Cyrl-RS", "pages", "street", "street"},
		{"zh-Hant-TW", "menu pages search street", "", ""},
	} {
		if got := strings.Join(c.Missing(tt.lang), " "); got != tt.missing {
			t.Errorf("Missing(%s) = %q, want %q", tt.lang, got, tt.missing)
		}
		if got := strings.Join(c.NeedsReview(tt.lang), " "); got != tt.review {
			t.Errorf("NeedsReview(%s) = %q, want %q", tt.lang, got, tt.review)
		}
		if got := strings.Join(c.SiteNeedsReview(tt.lang), " "); got != tt.siteReview {
			t.Errorf("SiteNeedsReview(%s) = %q, want %q", tt.lang, got, tt.siteReview)
		}
	}
	for _, tt := range []struct {
		lang, id, file string
		site           bool
	}{
		{"de-CH", "menu", "i18n/de.toml", false},
		{"de-CH", "street", "i18n/de-CH.toml", true},
		{"sr-Latn", "street", "", false},
		{"sr-Cyrl-RS", "street", "i18n/sr.toml", true},
		{"zh-Hant-TW", "menu", "", false},
	} {
		if file, site := c.Origin(tt.lang, tt.id); file != tt.file || site != tt.site {
			t.Errorf("Origin(%s, %s) = %q, %v; want %q, %v", tt.lang, tt.id, file, site, tt.file, tt.site)
		}
	}
}

// TestRegionalReviewState: a string taken from de.toml has the
// needs_review state it has there, marked or not.
func TestRegionalReviewState(t *testing.T) {
	c := regionalCatalog(t, "en", "de", "de-AT")
	if got := strings.Join(c.NeedsReview("de-AT"), " "); got != "street" {
		t.Errorf("NeedsReview(de-AT) = %q, want street (marked in the theme's de.toml)", got)
	}
	if got := c.SiteNeedsReview("de-AT"); len(got) != 0 {
		t.Errorf("SiteNeedsReview(de-AT) = %q, want none: the mark is the theme's", got)
	}
	if got, _ := c.T("de-AT", "street"); got != "Straße" {
		t.Errorf("de-AT street = %q, want Straße: de-CH.toml is not de-AT's", got)
	}
}
