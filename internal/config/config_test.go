package config

import (
	"strings"
	"testing"
)

const langs = "\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n[[languages]]\ncode = \"kl\"\nname = \"Kalaallisut\"\n"

func TestParse(t *testing.T) {
	c, diags := Parse([]byte(`base_url = "https://example.github.io/udenmitid"` + langs + "[params]\nx = \"y\"\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if c.BasePath() != "/udenmitid/" || c.Origin() != "https://example.github.io" || c.BaseURL != "https://example.github.io/udenmitid/" {
		t.Errorf("base: %q %q %q", c.BasePath(), c.Origin(), c.BaseURL)
	}
	if c.DefaultLanguage != "da" || strings.Join(c.Codes(), ",") != "da,kl" || c.Check.LIXMax != 40 || c.Params["x"] != "y" {
		t.Errorf("config = %+v", c)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"base_url = ", "sitegen.toml:1:"},
		{`base_url = "x"` + langs, `sitegen.toml:1: base_url "x" is not an absolute http(s) URL`},
		{`base_url = "https://x/?q=1"` + langs, "may not have a query"},
		{langs, "base_url is missing"},
		{`base_url = "https://x/"`, "no [[languages]]"},
		{`base_url = "https://x/"` + langs + "[[languages]]\ncode = \"da\"\nname = \"D\"\n", `language "da" is listed twice`},
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"Danish\"\nname = \"D\"\n", `sitegen.toml:3: language code "Danish" is not a BCP 47 language tag`},
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"en_US\"\nname = \"D\"\n", `language code "en_US" is not a BCP 47 language tag`},
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"dk\"\nname = \"D\"\n", `language code "dk": "dk" is not a known subtag`},
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"pt-BR\"\nname = \"P\"\n[[languages]]\ncode = \"pt-br\"\nname = \"P\"\n", `language "pt-br" is listed twice (tags ignore case)`},
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"da\"\n", `language "da" has no name`},
		{`base_url = "https://x/"` + "\ndefault_language = \"en\"" + langs, `default_language "en" is not one of`},
		{`base_url = "https://x/"` + "\nbaseurl = 1" + langs, `sitegen.toml:2: unknown key "baseurl"`},
	}
	for _, tt := range tests {
		_, diags := Parse([]byte(tt.in))
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.in, diags.Error(), tt.want)
		}
	}
}

func TestLanguageTags(t *testing.T) {
	c, diags := Parse([]byte(`base_url = "https://x/"
default_language = "pt-br"
[[languages]]
code = "pt-BR"
name = "Português"
[[languages]]
code = "zh-Hans"
name = "中文"
[[languages]]
code = "sr-Latn-RS"
name = "Srpski"
`))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if c.DefaultLanguage != "pt-BR" || c.Languages[1].Folder() != "zh-hans" || c.Language("ZH-HANS") != &c.Languages[1] || Folder("sr-Latn-RS") != "sr-latn-rs" {
		t.Errorf("config = %+v", c)
	}
}
