//go:build unix

package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestNamedPipes: a named pipe in content/, static/, i18n/ or layouts/ is an error
// at its path; reading it would hang the build (issue 23: no input hangs
// the build).
func TestNamedPipes(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"sitegen.toml":         strings.TrimPrefix(hostileConfig, "-- sitegen.toml --\n"),
		"content/da/_index.md": page("Forside", ""),
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"content/da/rør.pdf", "static/rør.css", "i18n/da.toml", "layouts/partials/rør.html"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site := sitetest.BuildFS(t, root.FS(), build.Options{})
	want := "content/da/rør.pdf: not a regular file\n" +
		"i18n/da.toml: not a regular file; make it a file of UI strings\n" +
		"layouts/partials/rør.html: not a regular file; make it a layout file or remove it\n" +
		"static/rør.css: not a regular file; static/ holds files to publish\n"
	if got := site.Stderr(); got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
}

// TestNamedPipeConfig: sitegen.toml as a named pipe is an error, not a
// build that waits for a writer forever.
func TestNamedPipeConfig(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "sitegen.toml"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site := sitetest.BuildFS(t, root.FS(), build.Options{})
	want := "sitegen.toml: not a regular file; make it the site's configuration file\n"
	if got := site.Stderr(); got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
}
