package xliff

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/content"
)

// needTools returns the paths of the commands named, or skips the test
// when one is missing (unless SITEGEN_XLIFF_TESTS=required).
func needTools(t *testing.T, pkg string, names ...string) []string {
	t.Helper()
	var paths []string
	for _, n := range names {
		p, err := exec.LookPath(n)
		if err != nil {
			if os.Getenv("SITEGEN_XLIFF_TESTS") == "required" {
				t.Fatalf("%s is needed: apt-get install %s", n, pkg)
			}
			t.Skipf("no %s on PATH (apt-get install %s)", n, pkg)
		}
		paths = append(paths, p)
	}
	return paths
}

// toolPages are the pages the tools translate: the bundled site's
// complaint page and the torture page.
func toolPages(t *testing.T) []*content.File {
	var out []*content.File
	for _, f := range pages(t) {
		if f.Path == "content/da/klage.md" || f.Path == "content/da/tortur.md" {
			out = append(out, f)
		}
	}
	if len(out) != 2 {
		t.Fatalf("found %d of the 2 pages", len(out))
	}
	return out
}

func run(t *testing.T, dir string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
}

// translatePO translates every message of a PO file as a stand-in
// translator would: "Kal. " and the message as it is, its Markdown and all.
func translatePO(po string) string {
	var out, id []string
	inID := false
	for _, line := range strings.Split(po, "\n") {
		switch {
		case strings.HasPrefix(line, "msgid "):
			inID, id = true, []string{strings.TrimPrefix(line, "msgid ")}
		case inID && strings.HasPrefix(line, `"`):
			id = append(id, line)
		case inID && strings.HasPrefix(line, "msgstr "):
			inID = false
			if len(id) == 1 && id[0] == `""` { // the header
				break
			}
			out = append(out, `msgstr "Kal. "`)
			out = append(out, id...)
			continue
		default:
			inID = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// checkKal checks the page imported from a file whose every unit was
// translated as "Kal. " and its source.
func checkKal(t *testing.T, f *content.File, data []byte, units int) {
	t.Helper()
	res, err := Import(data, Options{Current: noFile})
	if err != nil {
		t.Fatalf("%s: the import: %v", f.Path, err)
	}
	got, diags := content.Parse(res.Path, res.Data)
	if got == nil {
		t.Fatalf("%s: %v", f.Path, diags)
	}
	if got.Meta.Title != "Kal. "+f.Meta.Title {
		t.Errorf("%s: the title is %q", f.Path, got.Meta.Title)
	}
	if n := strings.Count(string(res.Data), "Kal. "); n != units {
		t.Errorf("%s: %d units translated of %d:\n%s", f.Path, n, units, res.Data)
	}
}

// TestTranslateToolkit is a translator's round trip with Debian's
// translate-toolkit: xliff2po makes a PO file of an exported page, the
// translator fills in every message, and po2xliff -t (or pomerge -t) puts
// the translations into the exported file, which imports.
func TestTranslateToolkit(t *testing.T) {
	tools := needTools(t, "translate-toolkit", "xliff2po", "po2xliff", "pomerge")
	dir := t.TempDir()
	for _, f := range toolPages(t) {
		data := exportNew(t, f)
		units := strings.Count(string(data), "<trans-unit ")
		name := strings.TrimSuffix(filepath.Base(f.Path), ".md")
		xlf := filepath.Join(dir, name+".xlf")
		if err := os.WriteFile(xlf, data, 0o644); err != nil {
			t.Fatal(err)
		}
		run(t, dir, tools[0], "-i", xlf, "-o", name+".po")
		po, err := os.ReadFile(filepath.Join(dir, name+".po"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".po"), []byte(translatePO(string(po))), 0o644); err != nil {
			t.Fatal(err)
		}
		for i, tool := range tools[1:] {
			out := filepath.Join(dir, name+[]string{".po2xliff", ".pomerge"}[i]+".xlf")
			run(t, dir, tool, "-t", xlf, "-i", name+".po", "-o", out)
			back, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			checkKal(t, f, back, units)
		}
	}
}

// TestOmegaT is a translator's project in Debian's OmegaT, in its console
// mode: the exported files (with -copy-source, as OmegaT's own XLIFF
// filter needs) as the project's source, a translation memory holding the
// translations of the units without inline codes, and the target files
// OmegaT writes import: translated units translated, the others as the
// source, with their links and codes, and needs_review set.
func TestOmegaT(t *testing.T) {
	omegat := needTools(t, "omegat", "omegat")[0]
	proj := t.TempDir()
	for _, d := range []string{"source", "target", "tm", "glossary", "dictionary", "omegat"} {
		if err := os.Mkdir(filepath.Join(proj, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	project := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>da</source_lang>
    <target_lang>kl</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneDanishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`
	if err := os.WriteFile(filepath.Join(proj, "omegat.project"), []byte(project), 0o644); err != nil {
		t.Fatal(err)
	}
	source := regexp.MustCompile(`(?s)<source>(.*?)</source>`)
	var tm strings.Builder
	tm.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.1">
<header creationtool="sitegen-test" creationtoolversion="1" segtype="paragraph" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="da" datatype="plaintext"/>
<body>
`)
	plain := map[string]int{} // units without inline codes, by page
	files := toolPages(t)
	for _, f := range files {
		data := exportMissing(t, f, true)
		for _, m := range source.FindAllStringSubmatch(string(data), -1) {
			if !strings.Contains(m[1], "<") {
				plain[f.Path]++
				tm.WriteString("<tu><tuv lang=\"da\"><seg>" + m[1] + "</seg></tuv><tuv lang=\"kl\"><seg>Kal. " + m[1] + "</seg></tuv></tu>\n")
			}
		}
		if err := os.WriteFile(filepath.Join(proj, "source", strings.TrimSuffix(filepath.Base(f.Path), ".md")+".xlf"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tm.WriteString("</body>\n</tmx>\n")
	if err := os.WriteFile(filepath.Join(proj, "omegat", "project_save.tmx"), []byte(tm.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, proj, omegat, proj, "--mode=console-translate", "--config-dir="+filepath.Join(proj, "config"), "--no-team")
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(proj, "target", strings.TrimSuffix(filepath.Base(f.Path), ".md")+".xlf"))
		if err != nil {
			t.Fatalf("OmegaT wrote no target file: %v", err)
		}
		res, err := Import(data, Options{Current: noFile})
		if err != nil {
			t.Fatalf("%s: the import of OmegaT's file: %v", f.Path, err)
		}
		got, diags := content.Parse(res.Path, res.Data)
		if got == nil {
			t.Fatalf("%s: %v", f.Path, diags)
		}
		if got.Meta.Title != "Kal. "+f.Meta.Title || !got.Meta.NeedsReview {
			t.Errorf("%s: title %q, needs_review %v", f.Path, got.Meta.Title, got.Meta.NeedsReview)
		}
		if n := strings.Count(string(res.Data), "Kal. "); n != plain[f.Path] || n == 0 {
			t.Errorf("%s: %d units translated; the memory has %d:\n%s", f.Path, n, plain[f.Path], res.Data)
		}
		t.Logf("%s: %d units translated by OmegaT from the memory of %d", f.Path, strings.Count(string(res.Data), "Kal. "), plain[f.Path])
	}
}
