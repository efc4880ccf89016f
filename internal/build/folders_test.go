package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestSymlinkedFolders: content/, static/, layouts/ and i18n/ may be
// symbolic links to folders inside the site, which are followed; a link
// out of the site, or to nothing, is one clear error at the folder (issue
// 23: Go's "statat: path escapes from parent" at each file, and a wrong
// "no pages" error). Hugo since 0.123 follows no links at all; sitegen
// reads what os.Root can reach inside the site's folder.
func TestSymlinkedFolders(t *testing.T) {
	files := map[string]string{
		"sitegen.toml":                          "base_url = \"https://example.org/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n",
		"src/content/da/_index.md":              "---\ntitle: Forside\ndescription: Forsiden.\n---\nHej.\n",
		"src/static/robots-extra.txt":           "x\n",
		"src/layouts/partials/footer_note.html": "<p>note</p>\n",
		"src/i18n/da.toml":                      "",
	}
	const outside = "../elsewhere/"
	tests := []struct {
		name   string
		links  map[string]string // folder -> link target
		stderr string
	}{
		{"links inside the site", map[string]string{"content": "src/content", "static": "src/static", "layouts": "src/layouts", "i18n": "src/i18n"}, ""},
		{"links out of the site", map[string]string{"content": outside + "content", "static": outside + "static", "layouts": outside + "layouts", "i18n": outside + "i18n"},
			"content: a symbolic link to ../elsewhere/content, outside the site's folder, which sitegen does not read: move that folder into the site (a link to a folder inside the site works)\n" +
				"i18n: a symbolic link to ../elsewhere/i18n, outside the site's folder, which sitegen does not read: move that folder into the site (a link to a folder inside the site works)\n" +
				"layouts: a symbolic link to ../elsewhere/layouts, outside the site's folder, which sitegen does not read: move that folder into the site (a link to a folder inside the site works)\n" +
				"static: a symbolic link to ../elsewhere/static, outside the site's folder, which sitegen does not read: move that folder into the site (a link to a folder inside the site works)\n"},
		{"an absolute link", map[string]string{"content": "src/content", "static": "/etc"},
			"static: a symbolic link to /etc, outside the site's folder, which sitegen does not read: move that folder into the site (a link to a folder inside the site works)\n"},
		{"no content folder at all", map[string]string{"static": "src/static"},
			"content: missing: the site has no content folder; create content/<lang>/_index.md\n"},
		{"links to nothing", map[string]string{"content": "src/nowhere", "layouts": "nowhere"},
			"content: a symbolic link to src/nowhere, which does not exist: make content a folder, or point the link at one inside the site\n" +
				"layouts: a symbolic link to nowhere, which does not exist: make layouts a folder, or point the link at one inside the site\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			site := filepath.Join(dir, "site")
			for name, data := range files {
				for _, root := range []string{site, filepath.Join(dir, "elsewhere")} {
					p := filepath.Join(root, filepath.FromSlash(name))
					if root != site {
						p = filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(name, "src/")))
					}
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			for folder, target := range tt.links {
				if err := os.Symlink(target, filepath.Join(site, folder)); err != nil {
					t.Fatal(err)
				}
			}
			root, err := os.OpenRoot(site)
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			for _, keepGoing := range []bool{false, true} {
				got := sitetest.BuildFS(t, root.FS(), build.Options{KeepGoing: keepGoing})
				if got.Stderr() != tt.stderr {
					t.Errorf("keep going %v: stderr\n%s\nwant\n%s", keepGoing, got.Stderr(), tt.stderr)
				}
				if tt.stderr == "" {
					got.AssertFile(t, "da/index.html", "<p>Hej.</p>")
					got.AssertFile(t, "robots-extra.txt", "x")
				}
			}
		})
	}
}
