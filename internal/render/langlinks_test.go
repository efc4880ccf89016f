package render

import (
	"html/template"
	"testing"
)

// TestLangLinks: each version's URL and language, its lang (and dir when
// it runs the other way than the page's language) and which is the page's
// own; and the reads are what a layout linking the versions by hand
// makes: each version's URL and Lang, and the page's Lang.
func TestLangLinks(t *testing.T) {
	e := marksEnv(t)
	s := e.Site
	type link struct {
		url, lang string
		attrs     template.HTMLAttr
		current   bool
	}
	for _, tt := range []struct {
		lang string
		want []link
	}{
		{"ar", []link{
			{"/en/", "en", `lang="en" dir="ltr"`, false}, {"/ar/", "ar", `lang="ar"`, true},
			{"/da/", "da", `lang="da" dir="ltr"`, false}, {"/pt-br/", "pt-BR", `lang="pt-BR" dir="ltr"`, false},
		}},
		{"da", []link{
			{"/en/", "en", `lang="en"`, false}, {"/ar/", "ar", `lang="ar" dir="rtl"`, false},
			{"/da/", "da", `lang="da"`, true}, {"/pt-br/", "pt-BR", `lang="pt-BR"`, false},
		}},
	} {
		reads := NewReads()
		c := e.newContext(s.Home(s.Lang(tt.lang)), nil, reads)
		got := c.LangLinks(c.Page.Translations())
		if len(got) != len(tt.want) {
			t.Fatalf("%s: %d links, want %d", tt.lang, len(got), len(tt.want))
		}
		for i, g := range got {
			w := tt.want[i]
			if g.URL != w.url || g.Lang.Code != w.lang || g.Attrs != w.attrs || g.Current != w.current || g.Page.p != s.Home(s.Lang(w.lang)) {
				t.Errorf("%s: link %d = {%s %s %s %v}, want %v", tt.lang, i, g.URL, g.Lang.Code, g.Attrs, g.Current, w)
			}
			for _, m := range []string{"URL", "Lang"} {
				if _, ok := reads.m[Read{Page: g.Page.p, Member: m}]; !ok {
					t.Errorf("%s: link %d: no read of %s", tt.lang, i, m)
				}
			}
		}
	}
	c := e.NewContext(s.Home(s.Lang("en")), nil)
	if got := c.LangLinks(nil); got != nil {
		t.Errorf("LangLinks(nil) = %v", got)
	}
}
