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

// TestListAllMax: list_all_max is 500 when unset, and 0 is a value of its
// own (only the main sections), not "unset".
func TestListAllMax(t *testing.T) {
	for in, want := range map[string]int{"": DefaultListAllMax, "[search]\nlist_all_max = 0\n": 0,
		"[search]\nlist_all_max = 2000\n": 2000} {
		c, diags := Parse([]byte(`base_url = "https://x/"` + langs + in))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if c.Search.ListAllMax != want {
			t.Errorf("%q: list_all_max = %d, want %d", in, c.Search.ListAllMax, want)
		}
	}
}

// TestDefaultLanguageInSubdir: true when unset (the bundled site keeps
// /da/), false only when written so.
func TestDefaultLanguageInSubdir(t *testing.T) {
	for in, want := range map[string]bool{"": true, "default_language_in_subdir = true\n": true,
		"default_language_in_subdir = false\n": false} {
		c, diags := Parse([]byte(in + `base_url = "https://x/"` + langs))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if c.DefaultLanguageInSubdir != want {
			t.Errorf("%q: DefaultLanguageInSubdir = %v, want %v", in, c.DefaultLanguageInSubdir, want)
		}
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
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"Danish\"\nname = \"D\"\n", `sitegen.toml:3: language code "Danish" is not a BCP 47 language tag`},
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"en_US\"\nname = \"D\"\n", `language code "en_US" is not a BCP 47 language tag`},
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"dk\"\nname = \"D\"\n", `language code "dk": "dk" is not a known subtag`},
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"pt-BR\"\nname = \"P\"\n[[languages]]\ncode = \"pt-br\"\nname = \"P\"\n", `language "pt-br" is listed twice (tags ignore case)`},
		{`base_url = "https://x/"` + "\n[[languages]]\ncode = \"da\"\n", `language "da" has no name`},
		{`base_url = "https://x/"` + "\ndefault_language = \"en\"" + langs, `default_language "en" is not one of`},
		{`base_url = "https://x/"` + "\nbaseurl = 1" + langs, `sitegen.toml:2: unknown key "baseurl" (did you mean "base_url"?)`},
		{`base_url = "https://x/"` + "\ntitel = \"x\"" + langs, `sitegen.toml:2: unknown key "titel" (did you mean "title"?)`},
		{`base_url = "https://x/"` + "\nlix_max = 30" + langs, `sitegen.toml:2: unknown key "lix_max"; lix_max belongs in the [check] table`},
		{`base_url = "https://x/"` + langs + "[headers]\nimg_src = [\"'unsafe-inline'\"]\n", `sitegen.toml:9: [headers]: "'unsafe-inline'" is not a Content-Security-Policy source`},
		{`base_url = "https://x/"` + langs + "[headers]\nconnect_src = [\"https://a.example; script-src *\"]\n", `sitegen.toml:9: [headers]: "https://a.example; script-src *"`},
		{`base_url = "https://x/"` + langs + "[[languages]]\ncode = \"ar\"\nname = \"العربية\"\ndir = \"right\"\n", `language "ar": dir must be "ltr" or "rtl", not "right"`},
		{`base_url = "https://x/"` + "\nlogo = \"../secret.svg\"" + langs, `sitegen.toml:2: logo "../secret.svg" must be a path below static/`},
		{`base_url = "https://x/"` + langs + "[search]\nlist_all_max = -1\n", `sitegen.toml:9: [search] list_all_max = -1: write a number of pages, 0 or more`},
		{`base_url = "https://x/"` + langs + "[search]\nlist_all_max = \"many\"\n", `sitegen.toml:9: search.list_all_max is a string in quotes; write a whole number`},
		{`base_url = "https://x/"` + langs + "[search]\nlist_all_max = 1.5\n", `sitegen.toml:9: search.list_all_max is a number with a fraction; write a whole number`},
		{`base_url = "https://x/"` + langs + "[check]\nlix_max = \"40\"\n", `sitegen.toml:9: check.lix_max is a string in quotes; write a number`},
		{`base_url = "https://x/"` + langs + "[search]\nlist_al_max = 10\n", `sitegen.toml:9: unknown key "search.list_al_max" (did you mean "list_all_max"?)`},
		{`base_url = "https://x/"` + "\nlist_all_max = 10" + langs, `sitegen.toml:2: unknown key "list_all_max"; list_all_max belongs in the [search] table`},
		{`base_url = "https://x/"` + "\ndefault_language_in_subdir = \"no\"" + langs, `sitegen.toml:2: default_language_in_subdir is a string in quotes; write true or false`},
		{`base_url = "https://x/"` + "\ndefault_language_in_subdirs = false" + langs, `unknown key "default_language_in_subdirs" (did you mean "default_language_in_subdir"?)`},
		{`base_url = "https://x/"` + langs + "[markdown]\nheading_ids = \"latin\"\n", `sitegen.toml:9: heading_ids = "latin": write "unicode" (ids keep every language's letters) or "ascii"`},
	}
	for _, tt := range tests {
		_, diags := Parse([]byte(tt.in))
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.in, diags.Error(), tt.want)
		}
	}
}

func TestIdentity(t *testing.T) {
	c, diags := Parse([]byte(`base_url = "https://x/"
title = "Handbook"
description = "A handbook."
[[languages]]
code = "en"
name = "English"
[[languages]]
code = "ar"
name = "العربية"
title = "الدليل"
[[languages]]
code = "ur"
name = "اردو"
dir = "ltr"
`))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := ""
	for _, l := range c.Languages {
		got += l.Code + ":" + l.Title + ":" + l.Description + ":" + l.Dir + " "
	}
	want := "en:Handbook:A handbook.:ltr ar:الدليل:A handbook.:rtl ur:Handbook:A handbook.:ltr "
	if got != want {
		t.Errorf("languages:\ngot  %s\nwant %s", got, want)
	}
}

func TestDirection(t *testing.T) {
	for tag, want := range map[string]string{
		"ar": "rtl", "fa": "rtl", "he": "rtl", "ur": "rtl", "ckb": "rtl", "fa-af": "rtl", "ar-eg": "rtl",
		"da": "ltr", "en": "ltr", "kl": "ltr", "zh-hans": "ltr", "tr": "ltr",
		"az-arab": "rtl", "pa-arab": "rtl", "uz-latn": "ltr", "ku-latn": "ltr", "sr-cyrl": "ltr",
	} {
		if got := Direction(tag); got != want {
			t.Errorf("Direction(%q) = %q, want %q", tag, got, want)
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
