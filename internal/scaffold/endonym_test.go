package scaffold

import "testing"

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
