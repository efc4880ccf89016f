package pages

import (
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
)

// rootConfig is testConfig's languages with da, the default, at the root.
func rootConfig(t *testing.T, base string) *config.Config {
	t.Helper()
	cfg, diags := config.Parse([]byte(`base_url = "` + base + `"
default_language_in_subdir = false
[[languages]]
code = "da"
name = "Dansk"
[[languages]]
code = "en"
name = "English"
[[languages]]
code = "kl"
name = "Kalaallisut"
`))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return cfg
}

// rootFiles are testSite's files, a page only in Greenlandic, and a
// Danish page whose URL /hjaelp/klage/ is also /klage/ with the base
// path /hjaelp/ in front.
func rootFiles(t *testing.T) []*content.File {
	return []*content.File{
		file(t, "content/da/_index.md", "Forside"),
		file(t, "content/en/_index.md", "Home"),
		file(t, "content/kl/_index.md", "Aallaqqaasiut"),
		file(t, "content/da/klage.md", "Klage"),
		file(t, "content/en/klage.md", "Complaints|complaints"),
		file(t, "content/da/hjaelp/_index.md", "Hjælp"),
		file(t, "content/en/hjaelp/_index.md", "Help|help"),
		file(t, "content/da/hjaelp/bibliotek.md", "Bibliotek"),
		file(t, "content/da/hjaelp/klage.md", "Klage over hjælp"),
		file(t, "content/kl/kun.md", "Kalaallisut kisiat"),
	}
}

func rootSite(t *testing.T, base string) *Site {
	t.Helper()
	s, diags := New(rootConfig(t, base), Input{Files: rootFiles(t), Static: []string{"filer/brev.pdf"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return s
}

// TestPathsAtRoot: with default_language_in_subdir = false the default
// language's pages, its fallback pages included, are at the root; the
// others keep their folders.
func TestPathsAtRoot(t *testing.T) {
	s := rootSite(t, "https://example.org/sub/")
	if s.AtRoot() != s.Lang("da") || s.Lang("da").Prefix != "" || s.Lang("en").Prefix != "en/" {
		t.Fatalf("AtRoot = %v, prefixes %q %q", s.AtRoot(), s.Lang("da").Prefix, s.Lang("en").Prefix)
	}
	tests := []struct{ key, lang, path, url, file string }{
		{"_index.md", "da", "", "/sub/", "index.html"},
		{"_index.md", "en", "en/", "/sub/en/", "en/index.html"},
		{"klage.md", "da", "klage/", "/sub/klage/", "klage/index.html"},
		{"klage.md", "en", "en/complaints/", "/sub/en/complaints/", "en/complaints/index.html"},
		{"hjaelp/bibliotek.md", "da", "hjaelp/bibliotek/", "/sub/hjaelp/bibliotek/", "hjaelp/bibliotek/index.html"},
		{"hjaelp/bibliotek.md", "en", "en/help/bibliotek/", "/sub/en/help/bibliotek/", "en/help/bibliotek/index.html"},
		{"kun.md", "da", "kun/", "/sub/kun/", "kun/index.html"}, // a fallback page at the root
		{"kun.md", "kl", "kl/kun/", "/sub/kl/kun/", "kl/kun/index.html"},
	}
	for _, tt := range tests {
		p := s.Page(tt.key, tt.lang)
		if p == nil || p.Path != tt.path || p.URL != tt.url || p.OutputFile() != tt.file {
			t.Errorf("%s %s: %+v, want path %q, URL %q, file %q", tt.key, tt.lang, p, tt.path, tt.url, tt.file)
		}
	}
	if p := s.Page("kun.md", "da"); !p.Fallback || p.Parent != s.Home(s.Lang("da")) {
		t.Errorf("kun.md in da: fallback %v, parent %v", p.Fallback, p.Parent)
	}
	if p := s.Home(s.Lang("da")); p.Permalink() != "https://example.org/sub/" {
		t.Errorf("da home permalink = %q", p.Permalink())
	}
}

// TestSpecialAtRoot: no language chooser; /404.html is the root
// language's 404 page (Kind RootNotFound, layout 404), the others are in
// their folders, and all are each other's translations.
func TestSpecialAtRoot(t *testing.T) {
	s := rootSite(t, "https://example.org/")
	var got []string
	for _, p := range s.Special {
		got = append(got, p.Kind.String()+" "+p.Lang.Code+" "+p.OutputFile()+" "+p.Layout())
		if p.Kind == Root {
			t.Errorf("a language chooser at %q", p.OutputFile())
		}
	}
	want := "root-404 da 404.html 404|404 en en/404.html 404|404 kl kl/404.html 404"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("special pages:\n got %s\nwant %s", g, want)
	}
	if p := s.ByPath("404.html"); p == nil || len(p.Translations) != 3 || p.Parent != s.Home(s.Lang("da")) {
		t.Errorf("/404.html = %+v", p)
	}
	// Every language in its folder: the chooser and the all-languages 404.
	sub := testSite(t, "https://example.org/")
	if sub.AtRoot() != nil || sub.ByPath("").Kind != Root || sub.ByPath("404.html").Layout() != "root" {
		t.Errorf("with default_language_in_subdir: AtRoot %v, / is %v, /404.html layout %q", sub.AtRoot(), sub.ByPath("").Kind, sub.ByPath("404.html").Layout())
	}
}

// TestResolveAtRoot: a path from the root that names no other language's
// folder is a page of the language at the root, and the link goes to
// that page in the linking page's language; with the base path in front
// or without it; a path that both readings find, each another page, is
// an error that names both.
func TestResolveAtRoot(t *testing.T) {
	s := rootSite(t, "https://example.org/sub/")
	en := s.Page("hjaelp/bibliotek.md", "en")
	da := s.Page("hjaelp/bibliotek.md", "da")
	tests := []struct {
		from            *Page
		dest, want, err string
	}{
		{en, "/klage/", "/sub/en/complaints/", ""},
		{en, "/sub/klage/", "/sub/en/complaints/", ""},
		{en, "/sub/klage", "/sub/en/complaints/", ""},
		{en, "/", "/sub/en/", ""},
		{en, "/sub/", "/sub/en/", ""},
		{en, "/sub", "/sub/en/", ""},
		{en, "/kun/", "/sub/en/kun/", ""},
		{en, "/en/complaints/#frist", "/sub/en/complaints/#frist", ""},
		{en, "/kl/klage/", "/sub/kl/klage/", ""},
		{en, "/filer/brev.pdf", "/sub/filer/brev.pdf", ""},
		{en, "/404.html", "/sub/404.html", ""},
		{en, "../../complaints/", "/sub/en/complaints/", ""},
		{en, "../klage.md", "/sub/en/complaints/", ""},
		{da, "/klage/", "/sub/klage/", ""},
		{da, "/en/complaints/", "/sub/en/complaints/", ""},
		{da, "../klage.md", "/sub/klage/", ""},
		{da, "../", "/sub/hjaelp/", ""},
		{da, "../../", "/sub/", ""},
		{da, "/kun/", "/sub/kun/", ""},
		{en, "/da/hjaelp/bibliotek/", "", `link to "/da/hjaelp/bibliotek/": no page or file has the URL /da/hjaelp/bibliotek/; link to the page's file instead: bibliotek.md`},
	}
	for _, tt := range tests {
		got, err := s.Resolve(tt.from, tt.dest)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Resolve(%s, %q) = %q, %v; want error %q", tt.from.Lang.Code, tt.dest, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Resolve(%s, %q) = %q, %v; want %q", tt.from.Lang.Code, tt.dest, got, err, tt.want)
		}
	}

	// Below the base path /hjaelp/, /hjaelp/klage/ is /klage/ with its
	// /hjaelp/ read as the base path, or /hjaelp/hjaelp/klage/.
	s = rootSite(t, "https://example.org/hjaelp/")
	en = s.Page("hjaelp/bibliotek.md", "en")
	_, err := s.Resolve(en, "/hjaelp/klage/")
	want := `link to "/hjaelp/klage/" names more than one page or file: /hjaelp/en/complaints/ (content/en/klage.md, the link's /hjaelp/ read as the base path) and /hjaelp/en/help/klage/ (the fallback page for content/da/hjaelp/klage.md, the link read below the base path, as /hjaelp/hjaelp/klage/); link to the file of the one it means instead: ../klage.md or klage.md`
	if err == nil || err.Error() != want {
		t.Errorf("ambiguous link: %v\nwant %s", err, want)
	}
	if got, err := s.Resolve(en, "/hjaelp/hjaelp/klage/"); err != nil || got != "/hjaelp/en/help/klage/" {
		t.Errorf("/hjaelp/hjaelp/klage/ = %q, %v", got, err)
	}
}

// TestLangFolderClash: a page of the language at the root whose URL is in
// another language's folder is an error that names both and what to
// change; so is a fallback page's, blamed on its source, and a file's.
func TestLangFolderClash(t *testing.T) {
	tests := []struct {
		files []*content.File
		res   []*content.Resource
		want  string
	}{
		{[]*content.File{file(t, "content/da/en.md", "Engelsk")}, nil,
			"content/da/en.md:1: has URL /en/, which is the folder of language en (its home page content/en/_index.md is /en/): the default language da is at the site root (default_language_in_subdir = false), so the other languages' URLs start with their folders; give this page another slug:, or rename the file"},
		{[]*content.File{file(t, "content/da/side.md", "Side|KL")}, nil,
			"content/da/side.md:4: has URL /KL/, which is the folder of language kl (its home page content/kl/_index.md is /kl/)"},
		{[]*content.File{file(t, "content/da/en/_index.md", "Engelsk"), file(t, "content/da/en/side.md", "Side")}, nil,
			"content/da/en/_index.md:1: has URL /en/, which is the folder of language en"},
		{[]*content.File{file(t, "content/kl/en.md", "Tuluttut")}, nil,
			"content/kl/en.md:1: its fallback page in da has URL /en/, which is the folder of language en (its home page content/en/_index.md is /en/): the default language da is at the site root (default_language_in_subdir = false), so the other languages' URLs start with their folders; rename the file, or give it a translation in content/da/ with another slug:"},
		{nil, []*content.Resource{{Path: "content/da/kl/kort.png", Lang: "da", Key: "kl/kort.png"}},
			"content/da/kl/kort.png: published as /kl/kort.png, which is in the folder of language kl (its home page content/kl/_index.md is /kl/): the default language da is at the site root (default_language_in_subdir = false), so the other languages' URLs start with their folders; rename the file or its folder"},
		{[]*content.File{file(t, "content/da/sitemap.xml.md", "Kort")}, nil,
			"content/da/sitemap.xml.md:1: its URL /sitemap.xml/ would need a folder sitemap.xml/ where the build writes the sitemap (sitemap.xml); give the page another slug:, or rename the file"},
	}
	for _, tt := range tests {
		files := append(rootFiles(t), tt.files...)
		_, diags := New(rootConfig(t, "https://example.org/"), Input{Files: files, Resources: tt.res,
			Reserved: []Reserved{{Name: "sitemap.xml", What: "the sitemap"}}})
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("got  %s\nwant %s", diags.Error(), tt.want)
		}
		if strings.Contains(diags.Error(), "same URL") {
			t.Errorf("reported twice: %s", diags.Error())
		}
	}
	// With every language in its folder, content/da/en.md is /da/en/.
	files := append([]*content.File{file(t, "content/da/en.md", "Engelsk")}, rootFiles(t)...)
	if _, diags := New(testConfig(t, "https://example.org/"), Input{Files: files}); diags.HasErrors() {
		t.Errorf("in a subfolder: %s", diags.Error())
	}
}
