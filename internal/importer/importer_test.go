package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/udenmitid/sitegen/internal/content"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of testdata/*.txtar")

// TestImport imports each site of testdata/*.txtar and compares the
// result with the archive's want/ files. An archive's comment names the
// generator ("generator: hugo"); its src/ files are the old site; want/
// holds every file of the result, the report included. Each import is
// also run twice (the same result) and each page converted again (no
// change: a second import has nothing left to convert).
func TestImport(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			gen := ""
			for _, l := range strings.Split(string(ar.Comment), "\n") {
				if v, ok := strings.CutPrefix(l, "generator: "); ok {
					gen = strings.TrimSpace(v)
				}
			}
			src := fstest.MapFS{}
			want := map[string][]byte{}
			for _, f := range ar.Files {
				if name, ok := strings.CutPrefix(f.Name, "src/"); ok {
					src[name] = &fstest.MapFile{Data: f.Data}
				} else if name, ok := strings.CutPrefix(f.Name, "want/"); ok {
					want[name] = f.Data
				}
			}
			res, err := Import(gen, src, "")
			if err != nil {
				t.Fatal(err)
			}
			again, err := Import(gen, src, "")
			if err != nil {
				t.Fatal(err)
			}
			for name, data := range res.Files {
				if !bytes.Equal(again.Files[name], data) {
					t.Errorf("%s differs between two imports", name)
				}
			}
			checkConvertedAgain(t, gen, res)
			checkStamps(t, res)
			if *update {
				var keep []txtar.File
				for _, f := range ar.Files {
					if strings.HasPrefix(f.Name, "src/") {
						keep = append(keep, f)
					}
				}
				names := sortedKeys(res.Files)
				for _, name := range names {
					if _, ok := src[name]; ok && bytes.Equal(src[name].Data, res.Files[name]) && !strings.HasPrefix(name, "content/") {
						continue // a static file copied as it is
					}
					data := res.Files[name]
					if strings.HasPrefix(name, "i18n/") && bytes.Contains(data, []byte("needs_review")) {
						data = []byte(uiStringsGolden)
					}
					keep = append(keep, txtar.File{Name: "want/" + name, Data: data})
				}
				ar.Files = keep
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for name, w := range want {
				got, ok := res.Files[name]
				if !ok {
					t.Errorf("%s: not written", name)
					continue
				}
				if strings.HasPrefix(name, "i18n/") && string(w) == uiStringsGolden {
					// The theme's strings change with the theme: only that
					// they are there, marked for review, is this test's.
					if !bytes.Contains(got, []byte("needs_review")) {
						t.Errorf("%s: no strings marked needs_review:\n%s", name, got)
					}
					continue
				}
				if !bytes.Equal(got, w) {
					t.Errorf("%s:\n--- want\n%s\n--- got\n%s", name, w, got)
				}
			}
			for name := range res.Files {
				if _, ok := want[name]; !ok {
					if s, ok := src[name]; ok && bytes.Equal(s.Data, res.Files[name]) {
						continue
					}
					t.Errorf("%s: written, but not in want/", name)
				}
			}
		})
	}
}

// uiStringsGolden stands in a golden for the UI strings the import copies
// from the theme.
const uiStringsGolden = "(the theme's en.toml, each string marked needs_review)\n"

// checkConvertedAgain converts every page of a result once more: what the
// import wrote has nothing left that it converts, so nothing changes.
func checkConvertedAgain(t *testing.T, gen string, res *Result) {
	t.Helper()
	s := &site{gen: gen, rep: &Report{}, byDst: map[string]*file{}, byKey: map[string]*file{}}
	g := map[string]generator{"hugo": &hugo{s: s}, "zola": &zola{s: s}, "docusaurus": &docusaurus{s: s}, "jekyll": &jekyll{s: s}}[gen]
	for _, name := range sortedKeys(res.Files) {
		if !strings.HasPrefix(name, "content/") || !slices.Contains([]string{".md", ".markdown", ".html"}, filepath.Ext(name)) {
			continue
		}
		fm, body, line, err := splitFrontMatter(string(res.Files[name]))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		lang := strings.Split(name, "/")[1]
		f := &file{src: name, dst: name, lang: lang, page: true, fm: fm, body: body, bodyLine: line}
		s.files = append(s.files, f)
		s.byKey[lang+":"+f.key()] = f
		if got := g.convert(f); got != body {
			t.Errorf("%s: converting it again changes it:\n%s", name, got)
		}
	}
}

// checkStamps: imported without git history, a translation is stamped
// with the hash of its source as the import wrote it, which is what
// sitegen check compares it with.
func checkStamps(t *testing.T, res *Result) {
	t.Helper()
	def := ""
	for _, l := range strings.Split(string(res.Files["sitegen.toml"]), "\n") {
		if v, ok := strings.CutPrefix(l, "default_language = "); ok {
			def = strings.Trim(v, `"`)
		}
	}
	byKey := map[string]*content.File{}
	var trs []*content.File
	for _, name := range sortedKeys(res.Files) {
		parts := strings.SplitN(name, "/", 3)
		if len(parts) < 3 || parts[0] != "content" || !strings.HasSuffix(name, ".md") {
			continue
		}
		f, _ := content.Parse(name, res.Files[name])
		switch {
		case f == nil:
		case parts[1] == def:
			byKey[f.TranslationKey()] = f
		case f.Meta.TranslatedFrom != "":
			trs = append(trs, f)
		}
	}
	stamped := 0
	for _, tr := range trs {
		src := byKey[tr.TranslationKey()]
		if src == nil {
			t.Errorf("%s: stamped, but no source has its translation key %s", tr.Path, tr.TranslationKey())
			continue
		}
		stamped++
		if tr.Meta.TranslatedFrom != src.SourceHash() {
			t.Errorf("%s: translated_from %s, want %s's hash %s", tr.Path, tr.Meta.TranslatedFrom, src.Path, src.SourceHash())
		}
	}
	if stamped == 0 && res.Report.StampedCurrent > 0 {
		t.Errorf("the report counts %d translations stamped, none is", res.Report.StampedCurrent)
	}
}

func TestReadableName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"category", "Category"},
		{"coverage_type", "Coverage type"},
		{"support-topics", "Support topics"},
		{"émissions", "Émissions"},
	} {
		if got := readableName(c.in); got != c.want {
			t.Errorf("readableName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
