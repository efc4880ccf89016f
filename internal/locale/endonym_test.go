package locale

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/theme"
)

func TestEndonym(t *testing.T) {
	tests := []struct{ code, want string }{
		// Plain languages keep the name they had.
		{"da", "Dansk"},
		{"kl", "Kalaallisut"},
		{"ar", "العربية"},
		{"en", "English"},
		{"sv", "Svenska"},
		{"fi", "Suomi"},
		{"tr", "Türkçe"},
		{"uk", "Українська"},
		{"zh", "中文"},
		// A region or script tells the tag apart, in the language itself.
		{"pt-BR", "Português (Brasil)"},
		{"pt-PT", "Português europeu"},
		{"zh-Hans", "简体中文"},
		{"zh-Hant", "繁體中文"},
		{"zh-TW", "中文 (台灣)"},
		{"en-GB", "British English"},
		{"en-US", "American English"},
		{"sr-Latn", "Srpski (latinica)"}, // not x/text's "srpskohrvatski"
		{"sr-Cyrl", "Српски (ћирилица)"},
		{"es-419", "Español latinoamericano"},
		{"ar-EG", "العربية (مصر)"},
		{"se-FI", "Davvisámegiella (Suopma)"},
		{"kl-DK", "Kalaallisut (DK)"}, // CLDR names no region in Greenlandic
		// Capitals by the language's rules, and none added inside a name.
		{"zu", "isiZulu"},
		{"az-Latn", "Azərbaycan (latın)"},
		{"ka", "ქართული"}, // Georgian has no case in everyday writing
		{"hy", "Հայերեն"},
		{"el", "Ελληνικά"},
		// No name: the code.
		{"tok", "tok"},
		{"not a tag", "not a tag"},
	}
	for _, tt := range tests {
		if got := Endonym(tt.code); got != tt.want {
			t.Errorf("Endonym(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

// TestEndonymTellsApart holds that a language's tags, shown side by side
// in a language switcher, never share a name.
func TestEndonymTellsApart(t *testing.T) {
	for _, group := range [][]string{
		{"pt", "pt-BR", "pt-PT", "pt-AO"},
		{"zh", "zh-Hans", "zh-Hant", "zh-TW", "zh-HK"},
		{"en", "en-GB", "en-US", "en-AU"},
		{"sr", "sr-Latn", "sr-Cyrl", "sr-ME"},
		{"es", "es-419", "es-ES", "es-MX"},
		{"de", "de-AT", "de-CH"},
		{"fr", "fr-CA", "fr-CH", "fr-BE"},
		{"nl", "nl-BE"},
		{"fa", "fa-AF"},
	} {
		seen := map[string]string{}
		for _, code := range group {
			name := Endonym(code)
			if other, ok := seen[name]; ok {
				t.Errorf("Endonym(%q) = Endonym(%q) = %q", code, other, name)
			}
			seen[name] = code
		}
	}
}

// TestEndonymThemeLanguages holds the name init gives every language the
// theme has UI strings for, as a language switcher shows it; a language
// added to the theme needs its line here.
func TestEndonymThemeLanguages(t *testing.T) {
	want := map[string]string{
		"am": "አማርኛ", "ar": "العربية", "az": "Azərbaycan", "be": "Беларуская", "bg": "Български",
		"bn": "বাংলা", "bs": "Bosanski", "ca": "Català", "ckb": "کوردی", "cs": "Čeština",
		"cy": "Cymraeg", "da": "Dansk", "de": "Deutsch", "el": "Ελληνικά", "en": "English",
		"es": "Español", "et": "Eesti", "eu": "Euskara", "fa": "فارسی", "fa-AF": "دری",
		"fi": "Suomi", "fil": "Filipino", "fo": "Føroyskt", "fr": "Français", "gl": "Galego",
		"he": "עברית", "hi": "हिन्दी", "hr": "Hrvatski", "hu": "Magyar", "hy": "Հայերեն",
		"id": "Indonesia", "is": "Íslenska", "it": "Italiano", "ja": "日本語", "ka": "ქართული",
		"kk": "Қазақ тілі", "kl": "Kalaallisut", "ko": "한국어", "ku": "Kurdî", "lt": "Lietuvių",
		"lv": "Latviešu", "mk": "Македонски", "mn": "Монгол", "ms": "Melayu", "nb": "Norsk bokmål",
		"ne": "नेपाली", "nl": "Nederlands", "nn": "Nynorsk", "pl": "Polski", "ps": "پښتو",
		"pt": "Português", "pt-BR": "Português (Brasil)", "ro": "Română", "ru": "Русский", "si": "සිංහල",
		"sk": "Slovenčina", "sl": "Slovenščina", "so": "Soomaali", "sq": "Shqip", "sr": "Српски",
		"sr-Latn": "Srpski (latinica)", "sv": "Svenska", "sw": "Kiswahili", "ta": "தமிழ்", "te": "తెలుగు",
		"th": "ไทย", "ti": "ትግርኛ", "tr": "Türkçe", "uk": "Українська", "ur": "اردو",
		"uz": "O‘zbek", "vi": "Tiếng Việt", "zh": "中文", "zh-Hant": "繁體中文",
		// Kurmanji by its own tag, which reads ku's strings.
		"kmr": "Kurmancî",
	}
	files, err := fs.Glob(theme.FS(), "i18n/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		code := strings.TrimSuffix(path.Base(f), ".toml")
		if _, ok := want[code]; !ok {
			t.Errorf("the theme has UI strings for %s (%s); say here what Endonym names it", code, Endonym(code))
		}
	}
	for _, code := range slices.Sorted(maps.Keys(want)) {
		if got := Endonym(code); got != want[code] {
			t.Errorf("Endonym(%q) = %q, want %q", code, got, want[code])
		}
	}
}
