package build_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/search"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestSearchSplit builds a site of more than search.SplitPages and 500
// pages: its index is split, the search page names the manifest, _headers
// caches the index's folder for a year, and the search page's list of
// pages stops at the main sections.
func TestSearchSplit(t *testing.T) {
	fsys := fstest.MapFS{
		"sitegen.toml":         {Data: []byte("base_url = \"https://example.org/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n")},
		"content/da/_index.md": {Data: []byte("---\ntitle: Forside\ndescription: Forsiden.\n---\n")},
		"content/da/soeg.md":   {Data: []byte("---\ntitle: Søg\ndescription: Søg på siden.\nlayout: search\n---\n")},
	}
	for s := range 3 {
		fsys[fmt.Sprintf("content/da/afsnit-%d/_index.md", s)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Afsnit %d\ndescription: Et afsnit.\n---\n", s))}
		for i := range 170 {
			fsys[fmt.Sprintf("content/da/afsnit-%d/side-%d.md", s, i)] = &fstest.MapFile{
				Data: []byte(fmt.Sprintf("---\ntitle: Side %d-%d\ndescription: En side.\n---\nOm ting og sager.\n", s, i))}
		}
	}
	out := publish.NewMemory()
	if _, err := build.Build(fsys, build.Options{Defaults: theme.FS()}, out); err != nil {
		t.Fatal(err)
	}
	files := out.Files()
	page := string(files["da/soeg/index.html"])
	m := regexp.MustCompile(`data-index="/(search/da\.[0-9a-f]{8}\.json)" data-integrity="sha384-`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the search page names no fingerprinted index with its integrity:\n%s", page)
	}
	manifest := string(files[m[1]])
	d := regexp.MustCompile(`"dir":"(da\.[0-9a-f]{8}/)"`).FindStringSubmatch(manifest)
	if d == nil || !strings.Contains(manifest, `"shards":[`) {
		t.Fatalf("%s is no split index: %.200s", m[1], manifest)
	}
	for _, name := range []string{"t0.json", "p0.json", fmt.Sprintf("p%d.json", (3*171+2-1)/search.ChunkPages)} {
		if files["search/"+d[1]+name] == nil {
			t.Errorf("no search/%s%s", d[1], name)
		}
	}
	if h := string(files["_headers"]); !strings.Contains(h, "\n/search/"+d[1]+"*\n  Cache-Control: public, max-age=31536000, immutable\n") {
		t.Errorf("_headers does not cache search/%s* for a year:\n%s", d[1], h)
	}
	for _, want := range []string{`href="/da/afsnit-0/"`, `href="/da/afsnit-2/"`, `href="/da/soeg/"`, "hovedafsnittene"} {
		if !strings.Contains(page, want) {
			t.Errorf("the search page lacks %s", want)
		}
	}
	if strings.Contains(page, `href="/da/afsnit-0/side-1/"`) {
		t.Error("the search page's list of pages goes below the main sections")
	}
}
