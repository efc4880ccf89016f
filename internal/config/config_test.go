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

func TestHeadingIDs(t *testing.T) {
	for in, want := range map[string]string{"": HeadingIDsUnicode, "[markdown]\nheading_ids = \"ascii\"\n": HeadingIDsASCII,
		"[markdown]\nheading_ids = \"unicode\"\n": HeadingIDsUnicode} {
		c, diags := Parse([]byte(`base_url = "https://x/"` + langs + in))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if c.Markdown.HeadingIDs != want {
			t.Errorf("%q: heading_ids = %q, want %q", in, c.Markdown.HeadingIDs, want)
		}
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
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"Danish\"\nname = \"D\"\n", "is not a lower-case language tag"},
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"da\"\n", `language "da" has no name`},
		{`base_url = "https://x/"` + "\ndefault_language = \"en\"" + langs, `default_language "en" is not one of`},
		{`base_url = "https://x/"` + "\nbaseurl = 1" + langs, `sitegen.toml:2: unknown key "baseurl"`},
		{`base_url = "https://x/"` + langs + "[markdown]\nheading_ids = \"latin\"\n", `sitegen.toml:9: heading_ids = "latin": write "unicode" (ids keep every language's letters) or "ascii"`},
	}
	for _, tt := range tests {
		_, diags := Parse([]byte(tt.in))
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.in, diags.Error(), tt.want)
		}
	}
}
