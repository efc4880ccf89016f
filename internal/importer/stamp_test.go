package importer

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/history"
)

// TestStampFromGit imports a Hugo site from a git checkout: each
// translation is stamped with its source as it was when the translation
// last changed, converted as the import converts it, and the versions
// older than the source now are kept where sitegen diff finds them.
func TestStampFromGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	n := 0
	git := func(args ...string) {
		t.Helper()
		n++
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		date := "2024-01-" + string(rune('0'+n/10)) + string(rune('0'+n%10)) + "T12:00:00Z"
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.org", "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, "site", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commit := func(msg string) {
		t.Helper()
		git("add", "-A")
		git("commit", "-q", "-m", msg)
	}
	page := func(title, body string) string { return "---\ntitle: " + title + "\n---\n" + body + "\n" }
	git("init", "-q")
	// The site is a folder of the repository, as on many project sites.
	write("hugo.toml", "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n")
	write("content/outdated.md", page("Outdated", "{{< callout >}}Old news.{{< /callout >}}"))
	write("content/outdated.fr.md", page("Périmé", "Vieilles nouvelles."))
	write("content/current.md", page("Current", "First words."))
	write("content/current.fr.md", page("Actuel", "Premiers mots."))
	write("content/moved.md", page("Moved", "Before the move."))
	write("content/moved.fr.md", page("Déplacé", "Avant le déplacement."))
	write("content/dirty.md", page("Dirty", "One."))
	write("content/dirty.fr.md", page("Sale", "Un."))
	write("content/later.fr.md", page("Plus tard", "Traduit d'abord."))
	write("content/swept.md", page("Swept", "Before the sweep."))
	write("content/swept.fr.md", page("Balayé", "Avant."))
	// A date Hugo read and sitegen refuses, fixed in the source later.
	write("content/baddate.md", "---\ntitle: Bad date\nlastmod: 2020-12-8\n---\nOld text.\n")
	write("content/baddate.fr.md", page("Mauvaise date", "Vieux texte."))
	commit("first versions")
	write("content/outdated.md", page("Outdated", "{{< callout >}}New news.{{< /callout >}}"))
	write("content/current.md", page("Current", "Second words."))
	write("content/moved.md", page("Moved", "Changed before the move."))
	write("content/dirty.md", page("Dirty", "Two."))
	write("content/swept.md", page("Swept", "Changed before the sweep."))
	write("content/baddate.md", "---\ntitle: Bad date\nlastmod: 2020-12-08\n---\nNew text.\n")
	commit("sources change")
	write("content/current.fr.md", page("Actuel", "Deuxièmes mots."))
	write("content/later.md", page("Later", "Written after its translation."))
	write("content/swept.fr.md", "---\ntitle: Balayé\nweight: 3\n---\nAvant.\n")
	commit("a translation follows; a source comes after its translation; a sweep through front matter")
	git("mv", "site/content/moved.md", "site/content/renamed.md")
	git("mv", "site/content/moved.fr.md", "site/content/renamed.fr.md")
	commit("both files renamed, unchanged")
	write("content/dirty.fr.md", page("Sale", "Deux."))           // not committed
	write("content/untracked.fr.md", page("Nouveau", "Nouveau.")) // nor this
	write("content/untracked.md", page("New", "New."))

	src := filepath.Join(dir, "site")
	res, err := Import("hugo", os.DirFS(src), src)
	if err != nil {
		t.Fatal(err)
	}
	hash := func(name string, data []byte) string {
		t.Helper()
		f, diags := content.Parse(name, data)
		if f == nil {
			t.Fatalf("%s: %v", name, diags)
		}
		return f.SourceHash()
	}
	stamp := func(name string) string {
		t.Helper()
		f, diags := content.Parse(name, res.Files[name])
		if f == nil {
			t.Fatalf("%s: %v\n%s", name, diags, res.Files[name])
		}
		return f.Meta.TranslatedFrom
	}
	tests := []struct {
		tr, src string
		current bool
		old     string // the source's body then, converted, when outdated
	}{
		{"content/fr/outdated.md", "content/en/outdated.md", false, "> [!NOTE]\n> Old news.\n"},
		{"content/fr/current.md", "content/en/current.md", true, ""},
		{"content/fr/renamed.md", "content/en/renamed.md", false, "Before the move.\n"},
		// Its last commit changed only its front matter: not a translation.
		{"content/fr/swept.md", "content/en/swept.md", false, "Before the sweep.\n"},
		{"content/fr/baddate.md", "content/en/baddate.md", false, "Old text.\n"},
		{"content/fr/dirty.md", "content/en/dirty.md", true, ""},
		{"content/fr/untracked.md", "content/en/untracked.md", true, ""},
		// Translated before its source existed: stamped against the
		// source's first version, which is the source now.
		{"content/fr/later.md", "content/en/later.md", true, ""},
	}
	for _, tt := range tests {
		got, now := stamp(tt.tr), hash(tt.src, res.Files[tt.src])
		if tt.current {
			if got != now {
				t.Errorf("%s: translated_from %q, want the source's hash now, %q", tt.tr, got, now)
			}
			continue
		}
		if got == now || got == "" {
			t.Errorf("%s: translated_from %q, want an older version's (now %q)", tt.tr, got, now)
			continue
		}
		kept := res.Files[history.Dir+"/"+got+".md"]
		if kept == nil {
			t.Errorf("%s: no copy of the version %s in %s", tt.tr, got, history.Dir)
			continue
		}
		if f, _ := content.Parse(tt.src, kept); f == nil || strings.TrimSpace(string(f.Body)) != strings.TrimSpace(tt.old) {
			t.Errorf("%s: the kept version of %s is\n%s\nwant its body %q", tt.tr, tt.src, kept, tt.old)
		}
	}
	r := res.Report
	if r.StampedCurrent != 4 || r.StampedOutdated != 4 || !r.StampedFromGit {
		t.Errorf("report: %d current, %d outdated, from git %v; want 4, 4, true", r.StampedCurrent, r.StampedOutdated, r.StampedFromGit)
	}
	if !strings.Contains(string(res.Files[ReportFile]), "translations stamped as outdated: 4\n") {
		t.Errorf("the report does not count the outdated translations:\n%s", res.Files[ReportFile])
	}

	// Written, the copies are where sitegen check and diff look.
	dst := t.TempDir()
	if err := Write(dst, res); err != nil {
		t.Fatal(err)
	}
	h := history.New(os.DirFS(dst), dst)
	for _, tr := range []string{"content/fr/outdated.md", "content/fr/renamed.md", "content/fr/swept.md", "content/fr/baddate.md"} {
		src := strings.Replace(tr, "/fr/", "/en/", 1)
		if _, err := h.Find(src, stamp(tr)); err != nil {
			t.Errorf("%s: %v", tr, err)
		}
	}

	// Importing again gives the same files.
	again, err := Import("hugo", os.DirFS(src), src)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Files) != len(res.Files) {
		t.Errorf("second import: %d files, first %d", len(again.Files), len(res.Files))
	}
	for name, data := range res.Files {
		if string(again.Files[name]) != string(data) {
			t.Errorf("%s differs between two imports", name)
		}
	}
}
