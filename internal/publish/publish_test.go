package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteRefusesEscapes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range []string{"../x", "/etc/x", "a/../../x", "a\\..\\x", "", ".", "a//b", "./a"} {
		if err := d.Write(name, []byte("x")); err == nil {
			t.Errorf("Write(%q) succeeded", name)
		}
	}
	if err := d.Write("da/klage/index.html", []byte("ok")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "da", "klage", "index.html")); string(data) != "ok" {
		t.Errorf("read %q", data)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "x")); err == nil {
		t.Error("a file was written outside the output folder")
	}
}

func TestCheckOutput(t *testing.T) {
	site := t.TempDir()
	home, _ := os.UserHomeDir()
	tests := []struct {
		out  string
		want string // "" when allowed
	}{
		{filepath.Join(site, "public"), ""},
		{filepath.Join(t.TempDir(), "elsewhere"), ""},
		{site, "is the site folder"},
		{filepath.Dir(site), "contains the site folder"},
		{filepath.Join(site, "content", "x"), "inside the site's content/ folder"},
		{filepath.Join(site, "static"), "inside the site's static/ folder"},
		{"/", "file system root"},
		{home, "home folder"},
	}
	for _, tt := range tests {
		err := CheckOutput(tt.out, site)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("CheckOutput(%s) = %v, want %q", tt.out, err, tt.want)
		}
	}
}

func TestStaleTemporaryFoldersRemoved(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	dead := filepath.Join(parent, ".public.tmp-999999999-abc")
	os.Mkdir(dead, 0o755)
	other := filepath.Join(parent, ".other.tmp-1-abc")
	os.Mkdir(other, 0o755)
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
	if _, err := os.Stat(dead); err == nil {
		t.Error("a dead build's temporary folder was kept")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("another output's folder was removed")
	}
}

// TestHiddenEntriesKept: a gh-pages worktree as the output folder keeps
// its .git (and any other hidden entry) through builds, failed builds and
// a build killed while it moved them; everything else is replaced.
// Found by a new user: sitegen build -out ../gh-pages deleted .git.
func TestHiddenEntriesKept(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	mustWrite := func(p, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mustWrite(filepath.Join(out, ".git", "HEAD"), "ref: refs/heads/gh-pages\n")
	mustWrite(filepath.Join(out, ".nojekyll"), "")
	mustWrite(filepath.Join(out, "index.html"), "old")
	mustWrite(filepath.Join(out, "gone.html"), "old")
	build := func(commit bool) {
		t.Helper()
		d, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Write("index.html", []byte("new")); err != nil {
			t.Fatal(err)
		}
		if commit {
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
		} else {
			d.Abort()
		}
	}
	check := func(what, index string, gone bool) {
		t.Helper()
		if data, err := os.ReadFile(filepath.Join(out, ".git", "HEAD")); err != nil || string(data) != "ref: refs/heads/gh-pages\n" {
			t.Errorf("%s: .git/HEAD = %q, %v", what, data, err)
		}
		if _, err := os.Stat(filepath.Join(out, ".nojekyll")); err != nil {
			t.Errorf("%s: .nojekyll lost", what)
		}
		if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != index {
			t.Errorf("%s: index.html = %q, want %q", what, data, index)
		}
		if _, err := os.Stat(filepath.Join(out, "gone.html")); (err == nil) == gone {
			t.Errorf("%s: gone.html there: %v", what, err == nil)
		}
	}
	build(false)
	check("after a failed build", "old", false)
	build(true)
	check("after a build", "new", true)
	build(true)
	check("after a second build", "new", true)

	// A build killed after moving .git into its temporary folder.
	dead := filepath.Join(parent, ".public.tmp-999999999-abc")
	if err := os.Mkdir(dead, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(out, ".git"), filepath.Join(dead, ".git")); err != nil {
		t.Fatal(err)
	}
	build(true)
	check("after a killed build", "new", true)
}

func TestCheckOutputRefusesOtherFolders(t *testing.T) {
	site := t.TempDir()
	docs := t.TempDir()
	os.WriteFile(filepath.Join(docs, "report.odt"), []byte("x"), 0o644)
	if err := CheckOutput(docs, site); err == nil || !strings.Contains(err.Error(), "holds no site") {
		t.Errorf("a folder of documents: %v", err)
	}
	worktree := t.TempDir()
	os.Mkdir(filepath.Join(worktree, ".git"), 0o755)
	if err := CheckOutput(worktree, site); err != nil {
		t.Errorf("an empty gh-pages worktree: %v", err)
	}
	os.WriteFile(filepath.Join(worktree, "index.html"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(worktree, "about.html"), []byte("x"), 0o644)
	if err := CheckOutput(worktree, site); err != nil {
		t.Errorf("a worktree with a site: %v", err)
	}
}

// TestWriteParts: a file written in parts holds them one after the other,
// on disk and in memory, and a name outside the output is refused as by
// Write.
func TestWriteParts(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	parts := [][]byte{[]byte("<urlset>"), nil, []byte("<url/>"), []byte("</urlset>")}
	if err := d.WriteParts("sitemap.xml", parts); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteParts("../x.xml", parts); err == nil {
		t.Error("WriteParts of ../x.xml: no error")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(out, "sitemap.xml")); err != nil || string(got) != "<urlset><url/></urlset>" {
		t.Errorf("sitemap.xml holds %q (%v)", got, err)
	}
	m := NewMemory()
	if err := m.WriteParts("sitemap.xml", parts); err != nil || string(m.Files()["sitemap.xml"]) != "<urlset><url/></urlset>" {
		t.Errorf("in memory: %q (%v)", m.Files()["sitemap.xml"], err)
	}
}
