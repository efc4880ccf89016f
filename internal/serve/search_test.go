package serve

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/udenmitid/sitegen/internal/search"
)

// TestSplitSearchIndex: serve makes a split index on request, the
// manifest at search/<lang>.json and its files in the folder it names,
// and an edit makes a new one.
func TestSplitSearchIndex(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, testSite)
	write(t, dir, "content/da/mange/_index.md", "---\ntitle: Mange\ndescription: Mange sider.\n---\n")
	for i := range search.SplitPages {
		write(t, dir, fmt.Sprintf("content/da/mange/side-%d.md", i),
			fmt.Sprintf("---\ntitle: Side %d\ndescription: Side nummer %d.\n---\nTekst om ting nummer %d.\n", i, i, i))
	}
	s := newServer(t, dir, false)
	defer run(t, s)()
	waitFor(t, func() bool { code, _ := get(t, s.URL()+"da/"); return code == 200 })

	manifest := func() (man struct {
		N      int
		Dir    string
		Shards []string
	}) {
		code, body := get(t, s.URL()+"search/da.json")
		if code != 200 {
			t.Fatalf("search/da.json: %d", code)
		}
		if err := json.Unmarshal([]byte(body), &man); err != nil || man.Dir == "" || len(man.Shards) == 0 {
			t.Fatalf("search/da.json is no split index (%v): %.200s", err, body)
		}
		return man
	}
	man := manifest()
	if man.N < search.SplitPages {
		t.Errorf("the manifest counts %d pages", man.N)
	}
	for _, name := range []string{"t0.json", fmt.Sprintf("t%d.json", len(man.Shards)-1), "p0.json"} {
		code, body := get(t, s.URL()+"search/"+man.Dir+name)
		if code != 200 || !json.Valid([]byte(body)) {
			t.Errorf("search/%s%s: %d %.100s", man.Dir, name, code, body)
		}
	}
	if code, _ := get(t, s.URL()+"search/"+man.Dir+"t99999.json"); code != 404 {
		t.Errorf("a shard that does not exist: %d, want 404", code)
	}
	if code, _ := get(t, s.URL()+"search/en.json"); code != 200 {
		t.Errorf("search/en.json: %d", code)
	}

	write(t, dir, "content/da/mange/side-0.md", "---\ntitle: Zebrafinker\ndescription: Fugle.\n---\nFrø.\n")
	waitFor(t, func() bool { return manifest().Dir != man.Dir })
	code, body := get(t, s.URL()+"search/"+manifest().Dir+"p0.json")
	if code != 200 || !json.Valid([]byte(body)) {
		t.Errorf("after an edit, p0.json: %d %.100s", code, body)
	}
}
