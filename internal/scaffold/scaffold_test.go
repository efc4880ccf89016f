package scaffold

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestFilesLanguages holds each language's placeholder pages to its own
// language: written text where sitegen has it, else English that says so;
// and needs_review on every page but the English and Danish ones.
func TestFilesLanguages(t *testing.T) {
	tests := []struct {
		langs  []string
		home   map[string]string // lang -> a phrase its home page holds
		review map[string]bool   // lang -> needs_review
	}{
		{[]string{"en", "da"},
			map[string]string{"en": "This page is a placeholder.", "da": "Denne side er en pladsholder."},
			map[string]bool{"en": false, "da": false}},
		{[]string{"sv", "nb", "de", "pl", "uk", "tr", "ar"},
			map[string]string{"sv": "platshållare", "nb": "plassholder", "de": "Platzhalter", "pl": "tekst zastępczy",
				"uk": "текст-заповнювач", "tr": "yer tutucu", "ar": "نص مؤقت"},
			map[string]bool{"sv": true, "nb": true, "de": true, "pl": true, "uk": true, "tr": true, "ar": true}},
		{[]string{"kl", "fi", "pt-BR", "zh-Hant"},
			map[string]string{"kl": "in English, not in Kalaallisut (kl)", "fi": "in English, not in Finnish (fi)",
				"pt-BR": "in English, not in Brazilian Portuguese (pt-BR)", "zh-Hant": "in English, not in Traditional Chinese (zh-Hant)"},
			map[string]bool{"kl": true, "fi": true, "pt-BR": true, "zh-Hant": true}},
		// A region takes its language's text.
		{[]string{"sv-FI", "en-GB"},
			map[string]string{"sv-FI": "platshållare", "en-GB": "This page is a placeholder."},
			map[string]bool{"sv-FI": true, "en-GB": false}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.langs, ","), func(t *testing.T) {
			files, err := Files(tt.langs, theme.FS())
			if err != nil {
				t.Fatal(err)
			}
			pages := map[string]*content.File{}
			for _, f := range files {
				if !strings.HasPrefix(f.Path, content.Dir+"/") {
					continue
				}
				p, diags := content.Parse(f.Path, f.Data)
				if diags.HasErrors() {
					t.Fatalf("%s: %v", f.Path, diags)
				}
				pages[f.Path] = p
			}
			def := pages[content.Dir+"/"+tt.langs[0]+"/"+content.IndexName]
			for _, lang := range tt.langs {
				path := content.Dir + "/" + lang + "/" + content.IndexName
				home := pages[path]
				if home == nil {
					t.Fatalf("no %s", path)
				}
				if !strings.Contains(string(home.Body), tt.home[lang]) {
					t.Errorf("%s does not say %q:\n%s", path, tt.home[lang], home.Body)
				}
				if home.Meta.NeedsReview != tt.review[lang] {
					t.Errorf("%s: needs_review %v, want %v", path, home.Meta.NeedsReview, tt.review[lang])
				}
				if lang != tt.langs[0] && home.Meta.TranslatedFrom != def.SourceHash() {
					t.Errorf("%s: translated_from %q, want the default home page's %q", path, home.Meta.TranslatedFrom, def.SourceHash())
				}
			}
			about := pages[content.Dir+"/"+tt.langs[0]+"/about.md"]
			if about == nil || about.Meta.NeedsReview != tt.review[tt.langs[0]] {
				t.Errorf("about.md: %+v, want needs_review %v", about, tt.review[tt.langs[0]])
			}
		})
	}
}

// TestPlaceholdersHaveThemeStrings holds that sitegen writes placeholder
// pages only in languages whose UI strings the theme ships, so a page in
// the language is never framed by English menus.
func TestPlaceholdersHaveThemeStrings(t *testing.T) {
	for code, p := range placeholders {
		if _, err := fs.Stat(theme.FS(), "i18n/"+code+".toml"); err != nil {
			t.Errorf("placeholder text in %s, but the theme has no i18n/%s.toml", code, code)
		}
		if p.review != (code != "en" && code != "da") {
			t.Errorf("%s: review = %v; only en and da are checked", code, p.review)
		}
		for _, s := range []string{p.site, p.homeTitle, p.homeDescription, p.homeBody, p.aboutTitle, p.aboutDescription, p.aboutBody} {
			if s == "" {
				t.Errorf("%s: a text is empty: %+v", code, p)
			}
		}
	}
}

// TestFilesTwice holds that a language named twice, in any case, is an
// error: config reads tags that differ only in case as one language.
func TestFilesTwice(t *testing.T) {
	for _, langs := range [][]string{{"sv", "sv"}, {"pt-BR", "pt-br"}} {
		if _, err := Files(langs, theme.FS()); err == nil || !strings.Contains(err.Error(), "named twice") {
			t.Errorf("Files(%q) = %v, want an error that it is named twice", langs, err)
		}
	}
}

// TestFilesUIStrings holds that init writes i18n/<lang>.toml of English
// strings only for a language the theme has no strings for, neither its
// own nor its base language's: de-CH reads the theme's de.toml (pt-BR the
// theme's pt-BR.toml, then pt.toml), and an English de-CH.toml would hide
// it; zh-Hant-TW reads zh-Hant.toml. uz-Cyrl does not read the theme's
// uz.toml, which is in the Latin script.
func TestFilesUIStrings(t *testing.T) {
	files, err := Files([]string{"de-CH", "sv-FI", "en-GB", "nb-NO", "ar-EG", "pt-BR", "fy-NL", "zh-Hant-TW", "uz-Cyrl", "da"}, theme.FS())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		if strings.HasPrefix(f.Path, "i18n/") {
			got = append(got, f.Path)
		}
	}
	if want := "i18n/fy-NL.toml i18n/uz-Cyrl.toml"; strings.Join(got, " ") != want {
		t.Errorf("UI string files %q, want %q", got, want)
	}
}
