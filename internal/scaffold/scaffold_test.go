package scaffold

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/locale"
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
// own nor its base language's: de-CH reads the theme's de.toml, and an
// English de-CH.toml would hide it; zh-Hant-TW reads zh-Hant.toml but not
// zh.toml (Simplified), sr-Latn not sr.toml (Cyrillic). The theme here is
// a stand-in, so that the test holds whatever languages the real one has.
func TestFilesUIStrings(t *testing.T) {
	en, err := fs.ReadFile(theme.FS(), "i18n/en.toml")
	if err != nil {
		t.Fatal(err)
	}
	stand := fstest.MapFS{}
	for _, l := range []string{"en", "da", "de", "sv", "nb", "ar", "zh", "sr"} {
		stand["i18n/"+l+".toml"] = &fstest.MapFile{Data: en}
	}
	files, err := Files([]string{"de-CH", "sv-FI", "en-GB", "nb-NO", "ar-EG", "pt-BR", "zh-Hant-TW", "zh-Hans", "sr-Latn", "sr-Cyrl-RS", "da"}, stand)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		if strings.HasPrefix(f.Path, "i18n/") {
			got = append(got, f.Path)
		}
	}
	if want := "i18n/pt-BR.toml i18n/zh-Hant-TW.toml i18n/sr-Latn.toml"; strings.Join(got, " ") != want {
		t.Errorf("UI string files %q, want %q", got, want)
	}
}

// TestUntranslated: the file init writes for a language the theme lacks
// loads as it is, with every message of the theme's English file marked
// needs_review and every plural form the language needs (the build would
// fail at load without one); its notice names the language, in English.
func TestUntranslated(t *testing.T) {
	en, err := fs.ReadFile(theme.FS(), "i18n/en.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ code, notice string }{
		{"ga", "This page is not available in Irish"},    // one, two, few, many, other
		{"ar", "This page is not available in Arabic"},   // all six
		{"ru", "This page is not available in Russian"},  // one, few, many, other
		{"ja", "This page is not available in Japanese"}, // other alone
		{"pt-BR", "This page is not available in Brazilian Portuguese"},
	} {
		t.Run(tt.code, func(t *testing.T) {
			data, err := untranslated(tt.code, en)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{"i18n/en.toml": {Data: en}, "i18n/" + tt.code + ".toml": {Data: data}}
			c, diags := locale.Load([]fs.FS{fsys}, []string{"en", tt.code}, "en")
			if diags.HasErrors() {
				t.Fatalf("%v\n%s", diags, data)
			}
			if m := c.Missing(tt.code); len(m) > 0 {
				t.Errorf("missing %v", m)
			}
			if got, want := len(c.NeedsReview(tt.code)), len(c.IDs()); got != want {
				t.Errorf("%d of %d messages marked needs_review", got, want)
			}
			for _, n := range []int{0, 1, 2, 3, 5, 7, 11, 21, 100} {
				if s, err := c.T(tt.code, "section_children", n); err != nil || !strings.Contains(s, "page") {
					t.Errorf("section_children with %d: %q, %v", n, s, err)
				}
			}
			if got, _ := c.T(tt.code, "fallback_title"); got != tt.notice {
				t.Errorf("fallback_title = %q, want %q", got, tt.notice)
			}
			if !strings.Contains(string(data), "# Site search") {
				t.Errorf("the comments that say where strings show are lost:\n%s", data)
			}
		})
	}
}

// TestFilesOneTitle: sitegen.toml gets the site's title once, at the top,
// and no language a title of its own, which would outlive the site's
// title once the editor sets it (issue 25: "Let’s Encrypt – Mit websted").
func TestFilesOneTitle(t *testing.T) {
	files, err := Files([]string{"sv", "ar", "kl", "de", "ga"}, theme.FS())
	if err != nil {
		t.Fatal(err)
	}
	toml := string(files[0].Data)
	if n := strings.Count(toml, "\ntitle = "); n != 1 || !strings.Contains(toml, "\ntitle = \"Min webbplats\"\n") {
		t.Errorf("sitegen.toml has %d titles, want only the site's:\n%s", n, toml)
	}
}
