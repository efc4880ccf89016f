package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// seeds adds the bodies of the test sites' pages to a fuzz corpus.
func seeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, x := range ar.Files {
			if strings.HasPrefix(x.Name, "src/") && (strings.HasSuffix(x.Name, ".md") || strings.HasSuffix(x.Name, ".mdx") || strings.HasSuffix(x.Name, ".markdown")) {
				f.Add(string(x.Data))
			}
		}
	}
}

// FuzzConvert converts untrusted page text with each generator's
// conversion: it must not panic, and what it writes has nothing left to
// convert, so converting it again changes nothing.
func FuzzConvert(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		if strings.ContainsRune(src, 0) {
			return // NUL is no text sitegen reads
		}
		for _, gen := range Generators {
			s := &site{gen: gen, rep: &Report{}, byDst: map[string]*file{}, byKey: map[string]*file{}}
			s.cfg.defaultLang = "en"
			g := map[string]generator{"hugo": &hugo{s: s}, "zola": &zola{s: s}, "docusaurus": &docusaurus{s: s}, "jekyll": &jekyll{s: s}}[gen]
			fl := &file{src: "content/en/x.md", dst: "content/en/x.md", lang: "en", page: true, fm: &frontMatter{values: map[string]any{}}, body: src, bodyLine: 1}
			s.files = append(s.files, fl)
			s.byKey["en:x"] = fl
			once := g.convert(fl)
			fl.body = once
			twice := g.convert(fl)
			if stray(src, gen) {
				// A "{{" or "{%" that opens no tag may close one with
				// text the conversion moved: only the absence of panics
				// is checked for such text.
				continue
			}
			if twice != once {
				t.Errorf("%s: converting %q again changes it:\n%q\n%q", gen, src, once, twice)
			}
		}
	})
}

// FuzzFrontMatter splits untrusted page text and sets a field: it must
// not panic, and the field reads back as it was set, with every other
// field as it was.
func FuzzFrontMatter(f *testing.F) {
	seeds(f)
	f.Add("+++\ntitle = \"x\"\n[extra]\na = 1\n+++\nbody")
	f.Add("---\naliases:\n- /a/\n- /b/\ntitle: t\n---\n")
	f.Fuzz(func(t *testing.T, src string) {
		fm, body, _, err := splitFrontMatter(src)
		if err != nil || fm.kind == fmNone {
			return
		}
		before := map[string]any{}
		for k, v := range fm.values {
			before[k] = v
		}
		fm.set("aliases", []string{"/old/", `/q"uote\`})
		out := string(fm.bytes(body))
		again, body2, _, err := splitFrontMatter(out)
		if err != nil {
			t.Fatalf("after set, the front matter does not parse: %v\n%s", err, out)
		}
		if body2 != body {
			t.Errorf("body changed:\n%q\n%q", body, body2)
		}
		if got := again.strs("aliases"); len(got) != 2 || got[0] != "/old/" || got[1] != `/q"uote\` {
			t.Errorf("aliases read back as %q from\n%s", got, out)
		}
		for k := range before {
			if k != "aliases" && !again.has(k) {
				t.Errorf("field %q lost:\n%s", k, out)
			}
		}
	})
}

// stray reports whether src holds a template opener outside code that is
// not the start of a tag the conversion reads.
func stray(src, gen string) bool {
	sx := map[string]syntax{"hugo": hugoSyntax, "zola": zolaSyntax, "jekyll": liquidSyntax, "docusaurus": zolaSyntax}[gen]
	prose := stripCode(src)
	n := strings.Count(prose, "{{") + strings.Count(prose, "{%")
	return n != len(findTags(src, sx))
}

func TestMain(m *testing.M) { os.Exit(m.Run()) }
