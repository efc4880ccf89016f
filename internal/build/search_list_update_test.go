package build_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestUpdateSearchList: the theme's search page lists every page of its
// language, so sitegen serve renders it again when a page anywhere gets a
// new title, appears, or takes the language over [search] list_all_max
// (then it lists the main sections only), also after a stylesheet edit,
// and its output equals a fresh build's after each step.
func TestUpdateSearchList(t *testing.T) {
	fsys := fstest.MapFS{
		"sitegen.toml":                {Data: []byte("base_url = \"https://example.org/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n[[languages]]\ncode = \"en\"\nname = \"English\"\n[search]\nlist_all_max = 5\n")},
		"content/da/_index.md":        {Data: []byte("---\ntitle: Forside\ndescription: Forsiden.\n---\n")},
		"content/da/soeg.md":          {Data: []byte("---\ntitle: Søg\ndescription: Søg på siden.\nlayout: search\n---\n")},
		"content/da/afsnit/_index.md": {Data: []byte("---\ntitle: Afsnit\ndescription: Et afsnit.\n---\n")},
		"content/da/afsnit/a.md":      {Data: []byte("---\ntitle: Side A\ndescription: Side A.\n---\nOm ting.\n")},
	}
	opts := build.Options{Defaults: theme.FS(), Incremental: true, Dev: true}
	b := build.NewBuilder(fsys, opts)
	staging := publish.NewMemory()
	if _, err := b.Build(staging); err != nil {
		t.Fatal(err)
	}
	out := store{}
	for n, d := range staging.Files() {
		out[n] = d
	}
	const page = "da/soeg/index.html"
	steps := []struct {
		name, path, data string
		want, notWant    string
	}{
		{"a page's title", "content/da/afsnit/a.md", "---\ntitle: Side Alfa\ndescription: Side A.\n---\nOm ting.\n", ">Side Alfa<", ">Side A<"},
		{"a page added, at the limit", "content/da/afsnit/b.md", "---\ntitle: Side B\ndescription: Side B.\n---\nOm sager.\n", ">Side B<", "hovedafsnittene"},
		{"a page added, over the limit", "content/da/afsnit/c.md", "---\ntitle: Side C\ndescription: Side C.\n---\nOm mere.\n", "hovedafsnittene", ">Side B<"},
		{"a page removed, at the limit again", "content/da/afsnit/c.md", "", ">Side B<", "hovedafsnittene"},
		// A stylesheet edit makes the assets again; the search index,
		// which is no file of static/, must stay one of them.
		{"a stylesheet", "static/css/site.css", "body{color:red}", ">Side B<", "hovedafsnittene"},
		{"a title after the stylesheet", "content/da/afsnit/b.md", "---\ntitle: Side Beta\ndescription: Side B.\n---\nOm sager.\n", ">Side Beta<", ">Side B<"},
	}
	for _, s := range steps {
		if s.data == "" {
			delete(fsys, s.path)
		} else {
			fsys[s.path] = &fstest.MapFile{Data: []byte(s.data)}
		}
		staging := publish.NewMemory()
		_, ch, err := b.Update([]string{s.path}, staging)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		out.apply(staging, ch)
		got := string(out[page])
		if !strings.Contains(got, s.want) || strings.Contains(got, s.notWant) {
			t.Errorf("%s: the search page has no %q or has %q:\n%s", s.name, s.want, s.notWant, got)
		}
		fresh := publish.NewMemory()
		if _, err := build.Build(fsys, opts, fresh); err != nil {
			t.Fatal(err)
		}
		compare(t, s.name, out, fresh.Files())
	}
}
