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
