package render

import (
	"html/template"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/pages"
)

// marksEnv is a site in English, Arabic and Danish (English the default),
// with a page only in English, and UI strings where Arabic lacks "note".
func marksEnv(t *testing.T) *Env {
	t.Helper()
	cfg, diags := config.Parse([]byte(`base_url = "https://x/"
[[languages]]
code = "en"
name = "English"
[[languages]]
code = "ar"
name = "العربية"
[[languages]]
code = "da"
name = "Dansk"
[[languages]]
code = "pt-BR"
name = "Português (Brasil)"
`))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var files []*content.File
	for p, fm := range map[string]string{
		"content/en/_index.md": "title: Home", "content/ar/_index.md": "title: الرئيسية",
		"content/da/_index.md": "title: Forside", "content/pt-BR/_index.md": "title: Início",
		"content/en/help.md": "title: Help (short)",
	} {
		f, d := content.Parse(p, []byte("---\n"+fm+"\ndescription: d\n---\n"))
		if d.HasErrors() {
			t.Fatal(d)
		}
		files = append(files, f)
	}
	site, diags := pages.New(cfg, pages.Input{Files: files})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	strs := fstest.MapFS{
		"i18n/en.toml":    {Data: []byte("note = \"not available in English\"\n[below]\nother = \"Shown below in {{.Language}}.\"\n")},
		"i18n/ar.toml":    {Data: []byte("[below]\nother = \"النص أدناه بـ{{.Language}}.\"\n")},
		"i18n/da.toml":    {Data: []byte("note = \"findes ikke på dansk\"\n[below]\nother = \"Teksten står herunder på {{.Language}} <&>.\"\n")},
		"i18n/pt-BR.toml": {Data: []byte("note = \"x\"\n[below]\nother = \"y\"\n")},
	}
	cat, diags := locale.Load([]fs.FS{strs}, cfg.Codes(), "en")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return &Env{Catalog: cat, Site: site}
}

func TestLangMarks(t *testing.T) {
	e := marksEnv(t)
	s := e.Site
	ar, da := e.NewContext(s.Page("help.md", "ar"), nil), e.NewContext(s.Page("help.md", "da"), nil)
	en := e.NewContext(s.Page("help.md", "en"), nil)
	tests := []struct {
		name string
		got  func() (template.HTMLAttr, error)
		want template.HTMLAttr
	}{
		// A page's title in another language, of another direction or not.
		{"en title on ar page", func() (template.HTMLAttr, error) { return ar.LangAttr(ar.Page) }, `lang="en" dir="ltr"`},
		{"en title on da page", func() (template.HTMLAttr, error) { return da.LangAttr(da.Page) }, `lang="en"`},
		{"en title on en page", func() (template.HTMLAttr, error) { return en.LangAttr(en.Page) }, ``},
		{"ar home on ar page", func() (template.HTMLAttr, error) { return ar.LangAttr(ar.Site.Home(s.Lang("ar"))) }, ``},
		{"da home on ar page", func() (template.HTMLAttr, error) { return ar.LangAttr(ar.Site.Home(s.Lang("da"))) }, `lang="da" dir="ltr"`},
		{"ar home on en page", func() (template.HTMLAttr, error) { return en.LangAttr(en.Site.Home(s.Lang("ar"))) }, `lang="ar" dir="rtl"`},
		// A language.
		{"ar lang on ar page", func() (template.HTMLAttr, error) { return ar.LangAttr(s.Lang("ar")) }, ``},
		{"en lang on ar page", func() (template.HTMLAttr, error) { return ar.LangAttr(s.Lang("en")) }, `lang="en" dir="ltr"`},
		{"nil page", func() (template.HTMLAttr, error) { return ar.LangAttr((*PageView)(nil)) }, ``},
		// A UI string the page's language lacks is the default language's.
		{"note in ar", func() (template.HTMLAttr, error) { return ar.TLangAttr("note") }, `lang="en" dir="ltr"`},
		{"note in da", func() (template.HTMLAttr, error) { return da.TLangAttr("note") }, ``},
		{"below in ar", func() (template.HTMLAttr, error) { return ar.TLangAttr("below") }, ``},
		{"note in en", func() (template.HTMLAttr, error) { return en.TLangAttr("note") }, ``},
	}
	for _, tt := range tests {
		got, err := tt.got()
		if err != nil || got != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := ar.LangAttr("en"); err == nil {
		t.Error("LangAttr of a string: no error")
	}
	// Layouts see pages as views, never the model's *pages.Page.
	if _, err := ar.LangAttr(s.Page("help.md", "da")); err == nil {
		t.Error("LangAttr of a *pages.Page: no error")
	}
}

func TestTHTML(t *testing.T) {
	e := marksEnv(t)
	s := e.Site
	ar, da := e.NewContext(s.Page("help.md", "ar"), nil), e.NewContext(s.Page("help.md", "da"), nil)
	tests := []struct {
		c    *Context
		lang string
		want template.HTML
	}{
		{ar, "en", `النص أدناه بـ<bdi lang="en">English</bdi>.`},
		{ar, "pt-BR", `النص أدناه بـ<bdi lang="pt-BR">Português (Brasil)</bdi>.`},
		{da, "en", `Teksten står herunder på <bdi lang="en">English</bdi> &lt;&amp;&gt;.`},
	}
	for _, tt := range tests {
		got, err := tt.c.THTML("below", "Language", s.Lang(tt.lang))
		if err != nil || got != tt.want {
			t.Errorf("%s page, %s: %q, %v; want %q", tt.c.Page.Lang().Code, tt.lang, got, err, tt.want)
		}
	}
	// Arguments that are no language are as T gives them.
	if got, err := da.THTML("below", "Language", "<i>"); err != nil || got != "Teksten står herunder på &lt;i&gt; &lt;&amp;&gt;." {
		t.Errorf("a string argument: %q, %v", got, err)
	}
}
