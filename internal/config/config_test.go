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

// TestThemeAndHighlight: highlighting is on unless turned off, the
// sidebar and the previous/next links off unless turned on.
func TestThemeAndHighlight(t *testing.T) {
	tests := []struct {
		in                           string
		highlight, sidebar, prevNext bool
	}{
		{"", true, false, false},
		{"[markdown]\nhighlight = false\n", false, false, false},
		{"[markdown]\nhighlight = true\n[theme]\nsidebar = true\nprev_next = true\n", true, true, true},
		{"[theme]\nprev_next = true\n", true, false, true},
	}
	for _, tt := range tests {
		c, diags := Parse([]byte(`base_url = "https://x/"` + langs + tt.in))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if c.Markdown.Highlight != tt.highlight || c.Theme.Sidebar != tt.sidebar || c.Theme.PrevNext != tt.prevNext {
			t.Errorf("%q: highlight %v, sidebar %v, prev_next %v; want %v, %v, %v", tt.in,
				c.Markdown.Highlight, c.Theme.Sidebar, c.Theme.PrevNext, tt.highlight, tt.sidebar, tt.prevNext)
		}
	}
	_, diags := Parse([]byte(`base_url = "https://x/"` + langs + "[theme]\nside_bar = true\n"))
	if got, want := diags.Error(), `sitegen.toml:9: unknown key "theme.side_bar" (did you mean "sidebar"?)`; got != want {
		t.Errorf("typo: %s\nwant %s", got, want)
	}
}

func TestHeadingIDs(t *testing.T) {
	for in, want := range map[string]string{"": HeadingIDsGitHub, "[markdown]\nheading_ids = \"ascii\"\n": HeadingIDsASCII,
		"[markdown]\nheading_ids = \"unicode\"\n": HeadingIDsGitHub, "[markdown]\nheading_ids = \"github\"\n": HeadingIDsGitHub,
		"[markdown]\nheading_ids = \"github-ascii\"\n": HeadingIDsGitHubASCII, "[markdown]\nheading_ids = \"blackfriday\"\n": HeadingIDsBlackfriday} {
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
		{`base_url = "https://x/"` + langs + "[markdown]\nheading_ids = \"Blackfriday\"\n", `heading_ids = "Blackfriday": write "github"`},
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
		{`base_url = "https://x/"` + langs + "[markdown]\nheading_ids = \"latin\"\n", `sitegen.toml:9: heading_ids = "latin": write "github" (ids keep every language's letters), "ascii", or the rule of Hugo a site's links were made with, "github-ascii" or "blackfriday"`},
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
	tests := []struct{ tag, want string }{
		{"ar", "rtl"}, {"fa", "rtl"}, {"he", "rtl"}, {"ur", "rtl"}, {"ps", "rtl"}, {"ckb", "rtl"},
		{"fa-af", "rtl"}, {"ar-eg", "rtl"}, {"yi", "rtl"}, {"dv", "rtl"}, {"syr", "rtl"}, {"nqo", "rtl"},
		// The language's likely script, not a list of languages: these
		// were ltr when Direction read only a written script.
		{"ks", "rtl"}, {"sd", "rtl"}, {"ug", "rtl"},
		{"pa-PK", "rtl"}, {"uz-AF", "rtl"}, {"az-IR", "rtl"}, {"ms-Arab", "rtl"}, {"ff-Adlm", "rtl"},
		// The same languages elsewhere, and the script a tag names.
		{"pa", "ltr"}, {"uz", "ltr"}, {"az", "ltr"}, {"ku", "ltr"}, {"kmr", "ltr"}, {"ff", "ltr"},
		{"az-arab", "rtl"}, {"pa-arab", "rtl"}, {"uz-latn", "ltr"}, {"ku-latn", "ltr"}, {"ku-Arab", "rtl"},
		{"sd-Deva", "ltr"}, {"sr-cyrl", "ltr"},
		{"da", "ltr"}, {"en", "ltr"}, {"kl", "ltr"}, {"zh-hans", "ltr"}, {"tr", "ltr"}, {"hy", "ltr"}, {"mn-Mong", "ltr"},
		// What x/text cannot parse is read by its script subtag.
		{"xx-Arab", "rtl"}, {"xx-toolong", "ltr"},
	}
	for _, tt := range tests {
		if got := Direction(tt.tag); got != tt.want {
			t.Errorf("Direction(%q) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}

func TestFallbackShowDefaultText(t *testing.T) {
	const langs = "base_url = \"https://x/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n"
	c, diags := Parse([]byte(langs))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if c.Fallback.ShowDefaultText {
		t.Error("show_default_text is true by default, want false")
	}
	c, diags = Parse([]byte(langs + "[fallback]\nshow_default_text = true\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if !c.Fallback.ShowDefaultText {
		t.Error("[fallback] show_default_text = true read as false")
	}
	_, diags = Parse([]byte(langs + "[fallback]\nshow_default_txt = true\n"))
	if !diags.HasErrors() {
		t.Error("a misspelt [fallback] key is no error")
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

// TestIssue26Keys: taxonomies, [feeds] and [pagination] have their
// defaults when unset, and bad values are errors naming the key.
func TestIssue26Keys(t *testing.T) {
	c, diags := Parse([]byte(`base_url = "https://x/"` + langs))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if strings.Join(c.Taxonomies, ",") != "tags" || !c.Feeds.Enabled || c.Feeds.Entries != DefaultFeedEntries || c.Feeds.FullText || c.Pagination.PageSize != 0 {
		t.Errorf("defaults: %+v %+v %+v", c.Taxonomies, c.Feeds, c.Pagination)
	}
	c, diags = Parse([]byte(`base_url = "https://x/"` + "\ntaxonomies = []" + langs + "[feeds]\nenabled = false\nentries = 5\nfull_text = true\n[pagination]\npage_size = 10\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(c.Taxonomies) != 0 || c.Feeds.Enabled || c.Feeds.Entries != 5 || !c.Feeds.FullText || c.Pagination.PageSize != 10 {
		t.Errorf("set: %+v %+v %+v", c.Taxonomies, c.Feeds, c.Pagination)
	}
	for _, tt := range []struct{ in, want string }{
		{"taxonomies = [\"Tags\"]\n" + langs, `"Tags" is no taxonomy name`},
		{"taxonomies = [\"tags\", \"tags\"]\n" + langs, `"tags" is listed twice`},
		{"taxonomies = [\"date\"]\n" + langs, `"date" is a front matter field of its own`},
		{"taxonomies = [\"page\"]\n" + langs, `"page" is a front matter field of its own`},
		{langs + "[feeds]\nentries = 0\n", "[feeds] entries = 0: write how many"},
		{langs + "[pagination]\npage_size = -2\n", "[pagination] page_size = -2"},
		{langs + "[feeds]\nfull_txt = true\n", `unknown key "feeds.full_txt" (did you mean "full_text"?)`},
		{langs + "page_size = 3\n", "page_size belongs in the [pagination] table"},
	} {
		_, diags := Parse([]byte(`base_url = "https://x/"` + "\n" + tt.in))
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.in, diags, tt.want)
		}
	}
}
