package serve

import (
	"strings"
	"testing"
)

// TestRootLanguage serves a site whose default language is at the root
// (default_language_in_subdir = false): / is the Danish home page, Danish
// pages are at /x/, a miss outside the other languages' folders gets the
// Danish 404 page (/404.html) and a miss in /kl/ the Greenlandic one, and
// an edit of a Danish page reloads its URL at the root.
func TestRootLanguage(t *testing.T) {
	dir := t.TempDir()
	site := strings.Replace(testSite, "base_url = \"https://example.org/\"\n", "base_url = \"https://example.org/\"\ndefault_language_in_subdir = false\n", 1)
	if site == testSite {
		t.Fatal("testSite's sitegen.toml changed; update this test")
	}
	writeSite(t, dir, site)
	s := newServer(t, dir, true)
	stop := run(t, s)
	defer func() {
		stop()
		s.reports.Wait(t.Context())
	}()
	waitFor(t, func() bool { code, _ := get(t, s.URL()); return code == 200 })
	tests := []struct {
		path string
		code int
		body string
	}{
		{"", 200, "Velkommen."},
		{"klage/", 200, "Klag i tide."},
		{"klage", 200, "Klag i tide."}, // followed redirect to klage/
		{"hjaelp/bibliotek/", 200, "Spørg på biblioteket."},
		{"en/hjaelp/bibliotek/", 200, "Ask at the library."},
		{"kl/klage/", 200, `<html lang="kl">`},
		{"da/", 404, `<html lang="da">`},
		{"no-such-page/", 404, `<html lang="da">`},
		{"kl/no-such-page/", 404, `<html lang="kl">`},
		{"en/no-such-page/", 404, `<html lang="en">`},
	}
	for _, tt := range tests {
		code, body := get(t, s.URL()+tt.path)
		if code != tt.code || !strings.Contains(body, tt.body) {
			t.Errorf("/%s: %d, want %d with %q:\n%s", tt.path, code, tt.code, tt.body, body)
		}
	}

	events, cancel := sse(t, s.URL())
	defer cancel()
	write(t, dir, "content/da/klage.md", "---\ntitle: Klage\ndescription: Klage.\n---\nKlag nu.\n")
	if e := next(t, events, "reload"); !strings.Contains(e.Data, `"/klage/"`) {
		t.Errorf("reload event %s does not name /klage/", e.Data)
	}
	if _, body := get(t, s.URL()+"klage/"); !strings.Contains(body, "Klag nu.") {
		t.Errorf("after the reload event, /klage/ is still old:\n%s", body)
	}
}
