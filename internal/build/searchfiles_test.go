package build_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/search"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestSearchFilesOfTheirBuild: the SearchFiles of a build make the index
// of that build, also when asked after the Builder has run an Update
// (sitegen serve serves them while it rebuilds), and they equal what the
// Builder gives for the same build; a split index's files are found by
// name, and names of other languages or files are not.
func TestSearchFilesOfTheirBuild(t *testing.T) {
	fsys := fstest.MapFS{
		"sitegen.toml":               {Data: []byte("base_url = \"https://example.org/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n[[languages]]\ncode = \"en\"\nname = \"English\"\n")},
		"content/da/_index.md":       {Data: []byte("---\ntitle: Forside\ndescription: Forsiden.\n---\n")},
		"content/da/a.md":            {Data: []byte("---\ntitle: Gammel titel\ndescription: Side A.\n---\nOm ting.\n")},
		"content/da/mange/_index.md": {Data: []byte("---\ntitle: Mange\ndescription: Mange sider.\n---\n")},
	}
	for i := range search.SplitPages {
		fsys[fmt.Sprintf("content/da/mange/s%d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Side %d\ndescription: Nummer %d.\n---\nTekst %d.\n", i, i, i)}
	}
	b := build.NewBuilder(fsys, build.Options{Defaults: theme.FS(), Incremental: true, Dev: true})
	if _, err := b.Build(publish.NewMemory()); err != nil {
		t.Fatal(err)
	}
	before := b.SearchFiles()
	wantDa, _ := b.SearchIndex("da")
	wantEn, _ := b.SearchIndex("en")

	fsys["content/da/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Ny titel\ndescription: Side A.\n---\nOm ting.\n")}
	if _, _, err := b.Update([]string{"content/da/a.md"}, publish.NewMemory()); err != nil {
		t.Fatal(err)
	}
	after, _ := b.SearchIndex("da")

	// Asked from several goroutines at once, as requests do.
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Go(func() { got[i], _ = before.File("search/da.json") })
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, wantDa) {
			t.Errorf("request %d: the SearchFiles of the first build give another da index than the Builder gave for it", i)
		}
	}
	if bytes.Equal(wantDa, after) {
		t.Fatal("the Update made the same da index")
	}
	if en, ok := before.File("search/en.json"); !ok || !bytes.Equal(en, wantEn) {
		t.Errorf("search/en.json: %v, or another index than the Builder's", ok)
	}

	var man struct{ Dir string }
	if err := json.Unmarshal(wantDa, &man); err != nil || man.Dir == "" {
		t.Fatalf("da has no split index (%v): %.100s", err, wantDa)
	}
	if shard, ok := before.File("search/" + man.Dir + "t0.json"); !ok || len(shard) == 0 {
		t.Errorf("the split index's first shard search/%st0.json is not found", man.Dir)
	}
	if strings.Contains(string(after), man.Dir) {
		t.Errorf("the Update's index still names the folder %s", man.Dir)
	}
	for _, name := range []string{"search/" + man.Dir + "t99999.json", "search/fr.json", "search/da", "index.html", "search/en.1234/t0.json"} {
		if _, ok := before.File(name); ok {
			t.Errorf("%s is found", name)
		}
		if _, ok := b.SearchFile(name); ok {
			t.Errorf("the Builder finds %s", name)
		}
	}
	var none *build.SearchFiles
	if _, ok := none.File("search/da.json"); ok {
		t.Error("nil SearchFiles find a file")
	}
}
