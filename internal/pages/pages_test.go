package pages

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
)

func testConfig(t *testing.T, base string) *config.Config {
	t.Helper()
	cfg, diags := config.Parse([]byte(`base_url = "` + base + `"
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

// file makes a content file; meta is "title" or "title|slug".
func file(t *testing.T, p, meta string) *content.File {
	t.Helper()
	title, slug, _ := strings.Cut(meta, "|")
	fm := "---\ntitle: " + title + "\ndescription: d\n"
	if slug != "" {
		fm += "slug: " + slug + "\n"
	}
	f, diags := content.Parse(p, []byte(fm+"---\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return f
}

func testSite(t *testing.T, base string) *Site {
	t.Helper()
	files := []*content.File{
		file(t, "content/da/_index.md", "Forside"),
		file(t, "content/en/_index.md", "Home"),
		file(t, "content/da/klage.md", "Klage"),
		file(t, "content/en/klage.md", "Complaints|complaints"),
		file(t, "content/da/hjaelp/_index.md", "Hjælp"),
		file(t, "content/en/hjaelp/_index.md", "Help|help"),
		file(t, "content/da/hjaelp/bibliotek.md", "Bibliotek"),
		file(t, "content/kl/hjaelp/bibliotek.md", "Atuagaateqarfik|atuagaateqarfik"),
		file(t, "content/da/hjaelp/dybt/_index.md", "Dybt"),
		file(t, "content/da/hjaelp/dybt/side.md", "Side"),
	}
	s, diags := New(testConfig(t, base), Input{Files: files, Drafts: []string{"kladde.md"}, Static: []string{"filer/brev.pdf"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return s
}

func TestPaths(t *testing.T) {
	s := testSite(t, "https://example.org/")
	tests := []struct{ key, lang, path string }{
		{"_index.md", "da", "da/"},
		{"_index.md", "kl", "kl/"},
		{"klage.md", "en", "en/complaints/"},
		{"klage.md", "kl", "kl/klage/"},
		{"hjaelp/_index.md", "en", "en/help/"},
		{"hjaelp/bibliotek.md", "en", "en/help/bibliotek/"},
		{"hjaelp/bibliotek.md", "kl", "kl/hjaelp/atuagaateqarfik/"},
		{"hjaelp/dybt/side.md", "en", "en/help/dybt/side/"},
		{"hjaelp/dybt/side.md", "kl", "kl/hjaelp/dybt/side/"},
	}
	for _, tt := range tests {
		p := s.Page(tt.key, tt.lang)
		if p == nil || p.Path != tt.path {
			t.Errorf("%s in %s: %+v, want path %s", tt.key, tt.lang, p, tt.path)
		}
	}
	if len(s.Pages) != 6*3 {
		t.Errorf("%d pages, want every key in every language", len(s.Pages))
	}
	for _, p := range s.Pages {
		if got := s.ByPath(p.Path); got != p {
			t.Errorf("ByPath(%s) = %v", p.Path, got)
		}
	}
}

func TestFallbackTitles(t *testing.T) {
	s := testSite(t, "https://example.org/")
	p := s.Page("hjaelp/bibliotek.md", "en")
	if !p.Fallback || p.Title != "Bibliotek" || p.TitleLang.Code != "da" || p.Parent != s.Page("hjaelp/_index.md", "en") {
		t.Errorf("en fallback = %+v", p)
	}
	avail := p.Available()
	if len(avail) != 2 || avail[0].Lang.Code != "da" || avail[1].Lang.Code != "kl" {
		t.Errorf("available = %v", avail)
	}
	if k := s.Page("klage.md", "kl"); !k.Fallback || k.Title != "Klage" {
		t.Errorf("kl klage = %+v", k)
	}
}

// TestTitleLangs holds that every page value a layout can show says which
// language its title is in: a real page its own, a fallback page its
// source's, a generated page its own; and each language the language of
// its site title, which a fallback home page gives in its source's.
func TestTitleLangs(t *testing.T) {
	cfg := testConfig(t, "https://example.org/")
	cfg.Languages[0].Title = "Håndbog" // da names the site; en and kl take their home pages' titles
	files := []*content.File{
		file(t, "content/da/_index.md", "Forside"),
		file(t, "content/en/_index.md", "Home"),
		file(t, "content/kl/klage.md", "Naammagittaalliuut"),
		file(t, "content/da/hjaelp/_index.md", "Hjælp"),
	}
	s, diags := New(cfg, Input{Files: files})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, p := range append(append([]*Page{}, s.Pages...), s.Special...) {
		want := p.Lang
		if p.Fallback {
			want = p.Source().Lang
			if p.Source().Fallback || p.Title != p.Source().Title {
				t.Errorf("%s: the source of a fallback page is %+v", p.Path, p.Source())
			}
		}
		if p.Kind == Alias {
			want = p.Target().Lang
		}
		if p.TitleLang != want {
			t.Errorf("%s (%s): title %q in %v, want %s", p.Path, p.Kind, p.Title, p.TitleLang, want.Code)
		}
	}
	for code, want := range map[string]string{"da": "da:Håndbog", "en": "en:Home", "kl": "da:Forside"} {
		l := s.Lang(code)
		if got := l.TitleLang.Code + ":" + l.Title; got != want {
			t.Errorf("%s: site title %s, want %s", code, got, want)
		}
	}
	if p := s.Page("klage.md", "da"); p.TitleLang.Code != "kl" || p.Source().Lang.Code != "kl" {
		t.Errorf("a page only in kl: da's fallback page takes its title from %s", p.TitleLang.Code)
	}
}

func TestVersions(t *testing.T) {
	cfg, diags := config.Parse([]byte("base_url = \"https://x/\"\ndefault_language = \"kl\"\n" +
		"[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n[[languages]]\ncode = \"en\"\nname = \"English\"\n" +
		"[[languages]]\ncode = \"kl\"\nname = \"Kalaallisut\"\n[[languages]]\ncode = \"ar\"\nname = \"العربية\"\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files := []*content.File{
		file(t, "content/da/_index.md", "Forside"),
		file(t, "content/en/_index.md", "Home"),
		file(t, "content/kl/_index.md", "Angerlarfik"),
		file(t, "content/da/klage.md", "Klage"),
		file(t, "content/en/klage.md", "Complaints"),
		file(t, "content/kl/klage.md", "Naammagittaalliuut"),
	}
	s, diags := New(cfg, Input{Files: files})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var got []string
	for _, v := range s.Page("klage.md", "ar").Versions() {
		got = append(got, v.Lang.Code)
	}
	if strings.Join(got, " ") != "kl da en" {
		t.Errorf("versions of a fallback page: %v, want the default language (kl) first, then da en", got)
	}
}

func TestResolve(t *testing.T) {
	s := testSite(t, "https://example.org/sub/")
	from := s.Page("hjaelp/bibliotek.md", "en")
	tests := []struct{ dest, want, err string }{
		{"../klage.md", "/sub/en/complaints/", ""},
		{"../klage.md#frist", "/sub/en/complaints/#frist", ""},
		{"/klage.md?a=1#b", "/sub/en/complaints/?a=1#b", ""},
		{"_index.md", "/sub/en/help/", ""},
		{"dybt/side.md", "/sub/en/help/dybt/side/", ""},
		{"../_index.md", "/sub/en/", ""},
		{"#top", "#top", ""},
		{"https://borger.dk/", "https://borger.dk/", ""},
		{"mailto:a@b.dk", "mailto:a@b.dk", ""},
		{"//cdn.example/x", "//cdn.example/x", ""},
		{"/filer/brev.pdf", "/sub/filer/brev.pdf", ""},
		{"", "", ""},
		{"nope.md", "", "no such page in any language"},
		{"../kladde.md", "", "goes to a draft"},
		{"../../x.md", "", "goes outside content/en/"},
		{"billede.png", "", `link to "billede.png": there is no file content/en/hjaelp/billede.png nor content/da/hjaelp/billede.png, and no page has the URL /en/help/bibliotek/billede.png`},
		{"../", "/sub/en/help/", ""},
		{"../../complaints/", "/sub/en/complaints/", ""},
		{"../../complaints", "/sub/en/complaints/", ""},
		{"/en/complaints/#frist", "/sub/en/complaints/#frist", ""},
		{"/sub/en/complaints/", "/sub/en/complaints/", ""},
		{"/da/klage/", "/sub/da/klage/", ""},
		{"/da/hj%C3%A6lp/", "", "no page or file has the URL /da/hjælp/"},
		{"/en/klage/", "", `no page or file has the URL /en/klage/; link to the page's file instead: ../klage.md`},
		{"../hjaelp/", "", `link to "../hjaelp/": no page or file has the URL /en/help/hjaelp/ (the link read from this page's URL /en/help/bibliotek/) nor /en/hjaelp/ (read from /en/help/bibliotek, the page's URL without its final slash, as Docusaurus serves pages); link to the page's file instead: _index.md`},
		{"/filer/findes-ikke.pdf", "/sub/filer/findes-ikke.pdf", ""},
		{"/en/findes-ikke/", "", "no page or file has the URL /en/findes-ikke/"},
		{"/klage/", "/sub/en/complaints/", ""},
		{"/hjaelp/bibliotek", "/sub/en/help/bibliotek/", ""},
		{"/help/", "", "no page or file has the URL /help/"},
		{"%zz", "", "is not a valid URL path"},
	}
	for _, tt := range tests {
		got, err := s.Resolve(from, tt.dest)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Resolve(%q) = %q, %v; want error %q", tt.dest, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tt.dest, got, err, tt.want)
		}
	}
}

func TestChildrenAndMenu(t *testing.T) {
	s := testSite(t, "https://example.org/")
	home := s.Home(s.Lang("kl"))
	var keys []string
	for _, c := range home.Children() {
		keys = append(keys, c.Key)
	}
	if got := strings.Join(keys, " "); got != "hjaelp/_index.md klage.md" {
		t.Errorf("kl home children = %s", got)
	}
	if anc := s.Page("hjaelp/dybt/side.md", "kl").Ancestors(); len(anc) != 3 || anc[0] != home {
		t.Errorf("ancestors = %v", anc)
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"../../complaints/#x", "/sub/en/help/", "/da/hj%C3%A6lp/", "../", "/filer/brev.pdf", "%zz", "klage.md", "../klage.md#frist", "/hjaelp/_index.md?x=1", "https://borger.dk/", "#top", "", "../../x.md", "a/../../../etc/passwd.md", "%2e%2e/x.md", "/x/../../y", "dybt/side.md"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		s := testSite(t, "https://example.org/sub/")
		from := s.Page("hjaelp/bibliotek.md", "en")
		u, err := s.Resolve(from, dest)
		if err != nil {
			return
		}
		if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") || scheme.MatchString(dest) {
			if u != dest {
				t.Fatalf("Resolve(%q) = %q changed a link it should keep", dest, u)
			}
			return
		}
		if !strings.HasPrefix(u, "/sub/") {
			t.Fatalf("Resolve(%q) = %q is not below the base path", dest, u)
		}
		if strings.HasSuffix(strings.SplitN(dest, "#", 2)[0], ".md") && strings.Contains(strings.SplitN(u, "?", 2)[0], "..") {
			t.Fatalf("Resolve(%q) = %q leaves the site", dest, u)
		}
	})
}

// fileWith makes a content file with extra front matter lines.
func fileWith(t *testing.T, p, title, extra string) *content.File {
	t.Helper()
	f, diags := content.Parse(p, []byte("---\ntitle: "+title+"\ndescription: d\n"+extra+"---\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return f
}

// TestTranslationKeys pairs files of different names: each version's URL
// follows its own file, a fallback page stands under its language's
// version of the source's section, and links to any language's file go
// to the linking page's language.
func TestTranslationKeys(t *testing.T) {
	files := []*content.File{
		file(t, "content/da/_index.md", "Forside"),
		file(t, "content/en/_index.md", "Home"),
		fileWith(t, "content/da/tjeklister/_index.md", "Tjeklister", "translation_key: lists\n"),
		fileWith(t, "content/en/checklists/_index.md", "Checklists", "translationKey: lists\nslug: lists\n"),
		fileWith(t, "content/da/tjeklister/licenser.md", "Licenser", "translation_key: licensing\n"),
		fileWith(t, "content/en/checklists/licensing.md", "Licensing", "translation_key: licensing\n"),
		file(t, "content/da/tjeklister/kun-dansk.md", "Kun dansk"),
		file(t, "content/kl/tjeklister/kun-dansk.md", "Kalaallisut"),
		file(t, "content/en/faq/index.md", "FAQ"),
		file(t, "content/da/faq.md", "Spørgsmål"),
	}
	s, diags := New(testConfig(t, "https://example.org/"), Input{Files: files})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	tests := []struct{ key, lang, path, parent string }{
		{"lists", "da", "da/tjeklister/", "da/"},
		{"lists", "en", "en/lists/", "en/"},
		{"lists", "kl", "kl/tjeklister/", "kl/"},
		{"licensing", "da", "da/tjeklister/licenser/", "da/tjeklister/"},
		{"licensing", "en", "en/lists/licensing/", "en/lists/"},
		{"licensing", "kl", "kl/tjeklister/licenser/", "kl/tjeklister/"},
		{"tjeklister/kun-dansk.md", "en", "en/lists/kun-dansk/", "en/lists/"},
		{"tjeklister/kun-dansk.md", "kl", "kl/tjeklister/kun-dansk/", "kl/tjeklister/"},
		{"faq.md", "en", "en/faq/", "en/"},
		{"faq.md", "da", "da/faq/", "da/"},
	}
	for _, tt := range tests {
		p := s.Page(tt.key, tt.lang)
		if p == nil || p.Path != tt.path || p.Parent == nil || p.Parent.Path != tt.parent {
			t.Errorf("%s in %s: %+v, want path %s below %s", tt.key, tt.lang, p, tt.path, tt.parent)
		}
	}
	if p := s.Page("licensing", "en"); len(p.Available()) != 2 {
		t.Errorf("licensing in en has %d real versions, want 2", len(p.Available()))
	}
	// Without weights, by file name: kun-dansk.md before licenser.md,
	// whatever their translation keys.
	if kids := s.Page("lists", "kl").Children(); len(kids) != 2 || kids[0].Fallback || !kids[1].Fallback {
		t.Errorf("kl section children = %v", kids)
	}
	from := s.Page("licensing", "en")
	for dest, want := range map[string]string{
		"../tjeklister/licenser.md":  "/en/lists/licensing/",
		"licensing.md#x":             "/en/lists/licensing/#x",
		"../faq.md":                  "/en/faq/",
		"../faq/index.md":            "/en/faq/",
		"../tjeklister/kun-dansk.md": "/en/lists/kun-dansk/",
		"/tjeklister/kun-dansk.md":   "/en/lists/kun-dansk/",
	} {
		if got, err := s.Resolve(from, dest); err != nil || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", dest, got, err, want)
		}
	}
}

func TestTranslationKeyErrors(t *testing.T) {
	tests := []struct {
		name  string
		files []*content.File
		want  string
	}{
		{"same key twice", []*content.File{
			file(t, "content/da/_index.md", "F"),
			fileWith(t, "content/da/a.md", "A", "translation_key: x\n"),
			fileWith(t, "content/da/b.md", "B", "translation_key: x\n"),
		}, `content/da/b.md:4: translation key "x" is also that of content/da/a.md`},
		{"section and page", []*content.File{
			file(t, "content/da/_index.md", "F"),
			fileWith(t, "content/da/a/_index.md", "A", "translation_key: x\n"),
			fileWith(t, "content/en/b.md", "B", "translation_key: x\n"),
		}, "pairs this page with content/da/a/_index.md, a section"},
		{"home", []*content.File{fileWith(t, "content/da/_index.md", "F", "translation_key: x\n")}, "warning: translation_key on a home page does nothing"},
		{"section missing in the page's language", []*content.File{
			file(t, "content/da/_index.md", "F"),
			fileWith(t, "content/da/a/_index.md", "A", "translation_key: x\n"),
			fileWith(t, "content/en/b/_index.md", "B", "translation_key: x\n"),
			file(t, "content/en/a/c.md", "C"),
		}, "content/en/a/c.md:1: folder a/ has no _index.md in en, and content/da/a/_index.md is paired with a section of another folder there"},
		{"section missing everywhere: made, with a warning", []*content.File{
			file(t, "content/da/_index.md", "F"),
			file(t, "content/en/a/c.md", "C"),
		}, "content/en/a/: warning: folder a/ has no _index.md: sitegen makes its section page, titled \"A\" after the folder, in every language; create content/en/a/_index.md"},
	}
	for _, tt := range tests {
		_, diags := New(testConfig(t, "https://example.org/"), Input{Files: tt.files})
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, diags.Error(), tt.want)
		}
	}
}

func TestResources(t *testing.T) {
	res := func(p string) *content.Resource {
		rest := strings.TrimPrefix(p, "content/")
		lang, key, _ := strings.Cut(rest, "/")
		return &content.Resource{Path: p, Lang: lang, Key: key, Data: []byte("x")}
	}
	files := []*content.File{
		file(t, "content/da/_index.md", "Forside"),
		file(t, "content/da/hjaelp/_index.md", "Hjælp"),
		file(t, "content/en/hjaelp/_index.md", "Help|help"),
		file(t, "content/da/faq/index.md", "FAQ"),
		file(t, "content/en/faq/index.md", "FAQ|questions"),
	}
	s, diags := New(testConfig(t, "https://example.org/sub/"), Input{Files: files, Resources: []*content.Resource{
		res("content/da/hjaelp/brev.pdf"), res("content/en/hjaelp/brev.pdf"), res("content/da/faq/skærm.png"),
		res("content/en/billeder/a/logo.svg"), res("content/da/hjaelp/bilag/b.pdf"),
	}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var got []string
	for _, r := range s.Resources {
		got = append(got, r.URL)
	}
	want := "/sub/da/hjaelp/brev.pdf /sub/en/help/brev.pdf /sub/da/faq/skærm.png /sub/en/billeder/a/logo.svg /sub/da/hjaelp/bilag/b.pdf"
	if strings.Join(got, " ") != want {
		t.Errorf("resources at\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	en := s.Page("faq.md", "en")
	for dest, want := range map[string]string{
		"skærm.png":              "/sub/da/faq/skærm.png", // the default language's copy
		"../hjaelp/brev.pdf":     "/sub/en/help/brev.pdf",
		"/en/help/brev.pdf":      "/sub/en/help/brev.pdf",
		"../billeder/a/logo.svg": "/sub/en/billeder/a/logo.svg",
	} {
		if got, err := s.Resolve(en, dest); err != nil || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", dest, got, err, want)
		}
	}
}

// TestURLField: url: (and a slug: with "/") moves a page out of its
// file's place, below its language folder; the base path and the
// language folder may lead the value, as Hugo sites write it; the page's
// old URL, and those of its children when it is a section, become aliases
// unless something else has them; fallback pages stand at the source's url.
func TestURLField(t *testing.T) {
	files := []*content.File{
		file(t, "content/da/_index.md", "F"),
		file(t, "content/en/_index.md", "H"),
		fileWith(t, "content/en/a.md", "A", "url: /sub/en/docs/a/\n"),
		fileWith(t, "content/en/b.md", "B", "url: /sub/x/b/\n"),
		fileWith(t, "content/en/old/_index.md", "Old", "url: /new/\n"),
		file(t, "content/en/old/c.md", "C"),
		fileWith(t, "content/en/d.md", "D", "slug: e/f\n"),
		fileWith(t, "content/en/g.md", "G", "url: /h/\n"),
		file(t, "content/en/h2.md", "H2|g"),
	}
	s, diags := New(testConfig(t, "https://example.org/sub/"), Input{Files: files})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for key, want := range map[string]string{"a.md": "en/docs/a/", "b.md": "en/x/b/", "old/_index.md": "en/new/", "old/c.md": "en/new/c/", "d.md": "en/e/f/"} {
		if p := s.Page(key, "en"); p == nil || p.Path != want {
			t.Errorf("%s is at %v, want %s", key, p, want)
		}
	}
	if p := s.Page("a.md", "kl"); !p.Fallback || p.Path != "kl/docs/a/" {
		t.Errorf("the fallback page of a.md is at %s, want kl/docs/a/", p.Path)
	}
	var aliases []string
	for _, p := range s.Special {
		if p.Kind == Alias {
			aliases = append(aliases, p.Path+" "+p.Target().Key)
		}
	}
	slices.Sort(aliases)
	want := []string{"en/a/ a.md", "en/b/ b.md", "en/d/ d.md", "en/old/ old/_index.md", "en/old/c/ old/c.md"}
	if !slices.Equal(aliases, want) {
		t.Errorf("aliases %q\nwant %q (g.md's old URL en/g/ is h2.md's, by its slug)", aliases, want)
	}
}

// TestPageSize: the site model keeps every page for the whole build, so
// a field more on every Page is some MB at 100,000 pages (issue 30); a
// field only some pages have goes behind a pointer (taxPart).
func TestPageSize(t *testing.T) {
	if n := unsafe.Sizeof(Page{}); n > 352 {
		t.Errorf("a Page takes %d bytes, more than 352 (a size class of the allocator): put what few pages have behind a pointer", n)
	}
}
