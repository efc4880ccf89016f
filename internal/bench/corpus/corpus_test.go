package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// readTree returns every file under dir by slash path relative to dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(r)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// memTree generates a corpus in memory, by slash path.
func memTree(t *testing.T, pages int, seed uint64) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := newGenerator(pages, seed).emit(func(rel string, data []byte, _ int) error {
		if _, dup := files[rel]; dup {
			t.Fatalf("%s written twice", rel)
		}
		files[rel] = bytes.Clone(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTree(t *testing.T, what string, a, b map[string][]byte) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d files, then %d", what, len(a), len(b))
	}
	for p, da := range a {
		if !bytes.Equal(da, b[p]) {
			t.Fatalf("%s: %s differs", what, p)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, tc := range []struct {
		pages int
		seed  uint64
	}{
		{1, 1}, {57, 1}, {400, 99}, {2000, 1},
	} {
		what := fmt.Sprintf("pages=%d seed=%d", tc.pages, tc.seed)
		sameTree(t, what, memTree(t, tc.pages, tc.seed), memTree(t, tc.pages, tc.seed))
	}
	// What is written to disk is what was generated.
	dir := filepath.Join(t.TempDir(), "site")
	st, err := generate(options{pages: 150, seed: 3, out: dir})
	if err != nil {
		t.Fatal(err)
	}
	disk := readTree(t, dir)
	sameTree(t, "disk", disk, memTree(t, 150, 3))
	if st.files != len(disk) || st.pages[0] != 150 {
		t.Errorf("stats %+v for %d files", st, len(disk))
	}
	// A different seed gives a different corpus.
	if bytes.Equal(memTree(t, 200, 1)["content/da/_index.md"], memTree(t, 200, 2)["content/da/_index.md"]) {
		t.Error("seeds 1 and 2 wrote the same home page")
	}
}

func TestRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep.txt")
	os.WriteFile(keep, []byte("x"), 0o644)
	if _, err := generate(options{pages: 10, seed: 1, out: dir}); err == nil {
		t.Fatal("wrote into a non-empty folder without -force")
	}
	if _, err := generate(options{pages: 10, seed: 1, out: dir, force: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := generate(options{pages: 5, seed: 1, out: dir, force: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Error("-force removed a file it did not write")
	}
	n := 0
	for p := range readTree(t, filepath.Join(dir, "content", "da")) {
		if strings.HasSuffix(p, ".md") {
			n++
		}
	}
	if n != 5 {
		t.Errorf("after -force with 5 pages: %d Danish files", n)
	}
}

var (
	linkRE    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	headingRE = regexp.MustCompile(`(?m)^(#{1,6}) (.+)$`)
	nameRE    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	fieldRE   = regexp.MustCompile(`^(title|description|weight|updated|slug|menu): (.+)$`)
	valueRE   = map[string]*regexp.Regexp{
		"title":       regexp.MustCompile(`^"[^"\\]+"$`),
		"description": regexp.MustCompile(`^"[^"\\]+[.?!]"$`),
		"weight":      regexp.MustCompile(`^\d+$`),
		"updated":     regexp.MustCompile(`^2026-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])$`),
		"slug":        nameRE,
		"menu":        regexp.MustCompile(`^main$`),
	}
)

// page is one parsed file of the generated corpus.
type page struct {
	fields map[string]string
	body   string
	ids    map[string]bool
}

func parsePage(t *testing.T, name string, b []byte) *page {
	t.Helper()
	s := string(b)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("%s: no front matter", name)
	}
	fm, body, ok := strings.Cut(s[4:], "\n---\n")
	if !ok {
		t.Fatalf("%s: front matter not closed", name)
	}
	p := &page{fields: map[string]string{}, body: body, ids: map[string]bool{}}
	for _, line := range strings.Split(fm, "\n") {
		m := fieldRE.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("%s: front matter line %q is not an allowed field", name, line)
		}
		if _, dup := p.fields[m[1]]; dup {
			t.Fatalf("%s: field %s twice", name, m[1])
		}
		if !valueRE[m[1]].MatchString(m[2]) {
			t.Errorf("%s: bad value %s: %s", name, m[1], m[2])
		}
		p.fields[m[1]] = m[2]
	}
	for _, f := range []string{"title", "description", "weight", "updated"} {
		if p.fields[f] == "" {
			t.Errorf("%s: no %s", name, f)
		}
	}
	level := 1
	for _, m := range headingRE.FindAllStringSubmatch(body, -1) {
		l := len(m[1])
		if l == 1 || l > level+1 {
			t.Errorf("%s: heading %q after level %d", name, m[0], level)
		}
		level = l
		id := headingID(m[2])
		if p.ids[id] {
			t.Errorf("%s: heading id %q twice", name, id)
		}
		p.ids[id] = true
	}
	return p
}

func TestCorpus(t *testing.T) {
	for _, tc := range []struct {
		pages          int
		enMin, enMax   float64 // share of the Danish keys
		klMin, klMax   float64
		menuMin        int
		maxSectionSize int
	}{
		{pages: 1, enMin: 1, enMax: 1, klMin: 1, klMax: 1},
		{pages: 40, enMin: 0.6, enMax: 1, klMin: 0.05, klMax: 0.6, maxSectionSize: 41},
		{pages: 600, enMin: 0.85, enMax: 0.95, klMin: 0.15, klMax: 0.3, menuMin: 6, maxSectionSize: 46},
		{pages: 2000, enMin: 0.87, enMax: 0.93, klMin: 0.17, klMax: 0.26, menuMin: 6, maxSectionSize: 46},
	} {
		files := memTree(t, tc.pages, 7)
		if string(files["sitegen.toml"]) != configTOML {
			t.Fatalf("pages=%d: sitegen.toml not written", tc.pages)
		}
		pages := map[string]*page{} // "lang/key"
		count := map[string]int{}
		menus := map[string]int{}
		folders := map[string]int{} // "lang/folder" -> .md files
		for p, b := range files {
			if !strings.HasPrefix(p, "content/") {
				continue
			}
			rest := strings.TrimPrefix(p, "content/")
			lang, key, _ := strings.Cut(rest, "/")
			for _, seg := range strings.Split(strings.TrimSuffix(key, ".md"), "/") {
				if seg != "_index" && !nameRE.MatchString(seg) {
					t.Errorf("%s: bad name %q", p, seg)
				}
			}
			pg := parsePage(t, p, b)
			pages[rest] = pg
			count[lang]++
			if pg.fields["menu"] != "" {
				menus[lang]++
				if strings.Count(key, "/") != 1 || !strings.HasSuffix(key, "/_index.md") {
					t.Errorf("%s: menu on a page that is not a top-level section", p)
				}
			}
			if pg.fields["slug"] != "" && (lang == "da" || strings.HasSuffix(key, "_index.md")) {
				t.Errorf("%s: slug where none is expected", p)
			}
			folders[lang+"/"+filepath.ToSlash(filepath.Dir(key))]++
		}
		n := float64(tc.pages)
		if count["da"] != tc.pages {
			t.Errorf("pages=%d: %d Danish files", tc.pages, count["da"])
		}
		if f := float64(count["en"]) / n; f < tc.enMin || f > tc.enMax {
			t.Errorf("pages=%d: English share %.3f not in [%.2f, %.2f]", tc.pages, f, tc.enMin, tc.enMax)
		}
		if f := float64(count["kl"]) / n; f < tc.klMin || f > tc.klMax {
			t.Errorf("pages=%d: Greenlandic share %.3f not in [%.2f, %.2f]", tc.pages, f, tc.klMin, tc.klMax)
		}
		for _, l := range []string{"da", "en", "kl"} {
			if menus[l] < tc.menuMin || menus[l] > menuCount {
				t.Errorf("pages=%d: %d menu entries in %s", tc.pages, menus[l], l)
			}
		}

		// Every folder with pages has an _index.md, in Danish and in the
		// file's own language, and so do the folders above it.
		for lf, k := range folders {
			lang, folder, _ := strings.Cut(lf, "/")
			if tc.maxSectionSize > 0 && lang == "da" && k > tc.maxSectionSize {
				t.Errorf("pages=%d: %s holds %d pages", tc.pages, lf, k)
			}
			for f := folder; ; f = filepath.ToSlash(filepath.Dir(f)) {
				key := strings.TrimPrefix(f+"/_index.md", "./")
				for _, l := range []string{"da", lang} {
					if pages[l+"/"+key] == nil {
						t.Errorf("pages=%d: %s/%s has pages but no %s/%s", tc.pages, lang, folder, l, key)
					}
				}
				if f == "." {
					break
				}
			}
		}

		// Slugs and names are unique among siblings.
		segs := map[string]string{}
		for lk, pg := range pages {
			lang, key, _ := strings.Cut(lk, "/")
			if strings.HasSuffix(key, "_index.md") {
				continue
			}
			seg := strings.TrimSuffix(filepath.Base(key), ".md")
			if s := pg.fields["slug"]; s != "" {
				seg = s
			}
			id := lang + "/" + filepath.Dir(key) + "/" + seg
			if other, dup := segs[id]; dup {
				t.Errorf("%s and %s share the URL segment %q", lk, other, seg)
			}
			segs[id] = lk
		}

		// Links: 2-6 per page, relative, to a file in the same language
		// that exists in Danish too, with an existing heading id.
		for lk, pg := range pages {
			if tc.pages == 1 {
				break
			}
			lang, key, _ := strings.Cut(lk, "/")
			links := linkRE.FindAllStringSubmatch(pg.body, -1)
			if len(links) < 2 || len(links) > 6 {
				t.Errorf("%s: %d links", lk, len(links))
			}
			for _, m := range links {
				dest, frag, _ := strings.Cut(m[1], "#")
				if !strings.HasSuffix(dest, ".md") || strings.HasPrefix(dest, "/") || strings.Contains(dest, "://") {
					t.Errorf("%s: link %q is not a relative .md path", lk, m[1])
					continue
				}
				target := filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(key), dest)))
				if strings.HasPrefix(target, "../") {
					t.Errorf("%s: link %q leaves the language folder", lk, m[1])
					continue
				}
				if pages["da/"+target] == nil {
					t.Errorf("%s: link %q: no Danish %s", lk, m[1], target)
				}
				tp := pages[lang+"/"+target]
				if tp == nil {
					t.Errorf("%s: link %q: no %s/%s", lk, m[1], lang, target)
					continue
				}
				if target == key {
					t.Errorf("%s: links to itself", lk)
				}
				if frag != "" && !tp.ids[frag] {
					t.Errorf("%s: link %q: no heading #%s in %s/%s", lk, m[1], frag, lang, target)
				}
			}
			words := 0
			for _, f := range strings.Fields(pg.body) {
				if strings.ContainsFunc(f, unicode.IsLetter) {
					words++
				}
			}
			if words < minWords || words > maxWords+300 {
				t.Errorf("%s: %d words", lk, words)
			}
		}
	}
}

func TestRel(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"", "a/_index.md", "a/_index.md"},
		{"a/b", "a/b/c.md", "c.md"},
		{"a/b", "a/b/_index.md", "_index.md"},
		{"a/b", "a/x/_index.md", "../x/_index.md"},
		{"a/b/c", "d/e.md", "../../../d/e.md"},
		{"a/b", "a/_index.md", "../_index.md"},
		{"a", "a/b/_index.md", "b/_index.md"},
	} {
		if got := rel(tc.from, tc.to); got != tc.want {
			t.Errorf("rel(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestHeadingID(t *testing.T) {
	for in, want := range map[string]string{
		"Regler om boligstøtte":    "regler-om-boligstoette",
		"Årsopgørelse  og fradrag": "aarsopgoerelse-og-fradrag",
		"  Hello, World! ":         "hello-world",
		"Ældre 2026":               "aeldre-2026",
	} {
		if got := headingID(in); got != want {
			t.Errorf("headingID(%q) = %q, want %q", in, got, want)
		}
	}
}
