package build

import (
	"bytes"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/hosting"
	"github.com/udenmitid/sitegen/internal/minifier"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestSitemapMinified: the sitemap written minified, as the build writes
// it (writer.hosting), is the whole sitemap minified by the minifier, with
// URLs that need escaping (names are letters, digits, "-", "_" and ".",
// and a base URL with "&" and "'"), translations, pages without one and
// without a date.
func TestSitemapMinified(t *testing.T) {
	fsys := fstest.MapFS{
		"sitegen.toml": {Data: []byte("base_url = \"https://example.org/s&b'ø/\"\n" +
			"[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n[[languages]]\ncode = \"en\"\nname = \"English\"\n")},
		"content/da/_index.md": {Data: []byte("---\ntitle: Forside\ndescription: Forsiden.\nupdated: 2026-01-02\n---\n")},
		"content/en/_index.md": {Data: []byte("---\ntitle: Home\ndescription: Home.\n---\n")},
	}
	for i, name := range []string{"påske", "æble_1.2", "plain", "a-b", "日本", "x"} {
		page := fmt.Sprintf("---\ntitle: Side %d\ndescription: En side.\nupdated: 2026-02-0%d\n---\nTekst.\n", i, i+1)
		if i == 3 {
			page = "---\ntitle: Uden dato\ndescription: En side.\n---\n"
		}
		fsys["content/da/"+name+".md"] = &fstest.MapFile{Data: []byte(page)}
		if i%2 == 0 {
			fsys["content/en/"+name+".md"] = &fstest.MapFile{Data: []byte(page)}
		}
	}
	b := NewBuilder(fsys, Options{Defaults: theme.FS(), NoSearch: true})
	if _, err := b.Build(publish.NewMemory()); err != nil {
		t.Fatal(err)
	}
	min := minifier.New()
	want, err := min.Minify(hosting.SitemapFile, hosting.Sitemap(b.site)[hosting.SitemapFile])
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var got []byte
	err = hosting.WriteSitemap(b.site, true,
		func(name string, parts [][]byte) error {
			names = append(names, name)
			got = bytes.Join(parts, nil)
			return nil
		})
	if err != nil || len(names) != 1 || names[0] != hosting.SitemapFile {
		t.Fatalf("the sitemap is written as %q (%v), not as one %s", names, err, hosting.SitemapFile)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("written minified:\n%s\nminified by the minifier:\n%s", got, want)
	}
	if !bytes.Contains(want, []byte("/en/plain/")) || !bytes.Contains(want, []byte("p%C3%A5ske")) || !bytes.Contains(want, []byte("s&amp;b%27%C3%B8/")) {
		t.Errorf("the sitemap lacks the pages the test needs:\n%s", want)
	}
}
