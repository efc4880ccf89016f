package hosting_test

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/hosting"
	"github.com/udenmitid/sitegen/internal/minifier"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// oddSite builds a site whose URLs need escaping, for URLs and for XML:
// a base URL with "&", "'", "(", "$" and "ø", pages named in Danish and
// Japanese, translations, pages without a date, a Greenlandic fallback.
func oddSite(t *testing.T) *pages.Site {
	t.Helper()
	var b strings.Builder
	b.WriteString("-- sitegen.toml --\nbase_url = \"https://example.org/s&b'c(d)$ø/\"\ndefault_language = \"da\"\n" +
		"[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n[[languages]]\ncode = \"en\"\nname = \"English\"\n[[languages]]\ncode = \"kl\"\nname = \"Kalaallisut\"\n")
	b.WriteString("-- content/da/_index.md --\n---\ntitle: Forside\ndescription: Forsiden.\nupdated: 2026-01-02\n---\n")
	for i, name := range []string{"påske", "æble_1.2", "plain", "a-b", "日本", "x", "Øst_1"} {
		page := fmt.Sprintf("---\ntitle: Side %d\ndescription: En side.\nupdated: 2026-02-0%d\n---\nTekst.\n", i, i+1)
		if i == 3 {
			page = "---\ntitle: Uden dato\ndescription: En side.\n---\n"
		}
		fmt.Fprintf(&b, "-- content/da/%s.md --\n%s", name, page)
		if i%2 == 0 {
			fmt.Fprintf(&b, "-- content/en/%s.md --\n%s", name, page)
		}
	}
	site := sitetest.Build(t, b.String(), build.Options{Defaults: theme.FS(), NoSearch: true})
	if site.Result == nil {
		t.Fatalf("build failed:\n%s", site.Stderr())
	}
	return site.Result.Site
}

// writeAll returns the files a sitemap writer wrote, in order.
func writeAll(t *testing.T, w func(write func(string, [][]byte) error) error) ([]string, map[string][]byte) {
	t.Helper()
	var names []string
	files := map[string][]byte{}
	if err := w(func(name string, parts [][]byte) error {
		names = append(names, name)
		files[name] = bytes.Join(parts, nil)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return names, files
}

// TestSitemapMinified: the sitemap is written byte for byte as it was
// when encoding/xml wrote it and the build's minifier minified it a run
// of <url> elements at a time (hosting.WriteSitemapReference), minified
// and not, whole and cut into parts by either limit, for a small site, a
// site of odd URLs and 300 pages of the benchmark corpus (whose sitemap
// the old writer minified in several runs).
func TestSitemapMinified(t *testing.T) {
	_, small := smallSite(t)
	built := sitetest.BuildFS(t, corpus.MapFS(300, 1), build.Options{Defaults: theme.FS(), NoSearch: true})
	if built.Result == nil {
		t.Fatalf("build failed:\n%s", built.Stderr())
	}
	min := minifier.New()
	minify := func(w io.Writer, piece []byte) error { return min.MinifyTo(w, hosting.SitemapFile, piece) }
	for _, site := range []struct {
		name string
		site *pages.Site
	}{{"small", small}, {"odd", oddSite(t)}, {"corpus", built.Result.Site}} {
		whole := hosting.Sitemap(site.site)[hosting.SitemapFile]
		size := len(whole)
		if site.name == "odd" && !bytes.Contains(whole, []byte("/s&amp;b%27c%28d%29$%C3%B8/da/%E6%97%A5%E6%9C%AC/")) {
			t.Fatalf("the odd site's URLs need no escaping:\n%s", whole)
		}
		for _, lim := range []struct{ urls, bytes int }{
			{hosting.MaxSitemapURLs, hosting.MaxSitemapBytes},
			{7, hosting.MaxSitemapBytes},
			{hosting.MaxSitemapURLs, size / 3},
			{hosting.MaxSitemapURLs, size / 5},
			{hosting.MaxSitemapURLs, size / 2},
		} {
			for _, minified := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%d,%d/%v", site.name, lim.urls, lim.bytes, minified), func(t *testing.T) {
					filter := minify
					if !minified {
						filter = nil
					}
					wantNames, want := writeAll(t, func(write func(string, [][]byte) error) error {
						return hosting.WriteSitemapReference(site.site, filter, write, lim.urls, lim.bytes)
					})
					names, got := writeAll(t, func(write func(string, [][]byte) error) error {
						return hosting.WriteSitemapLimited(site.site, minified, write, lim.urls, lim.bytes)
					})
					if !slices.Equal(names, wantNames) {
						t.Fatalf("written %q, the old writer %q", names, wantNames)
					}
					for _, name := range names {
						if !bytes.Equal(got[name], want[name]) {
							t.Errorf("%s:\n%s\nthe old writer's:\n%s", name, got[name], want[name])
						}
					}
				})
			}
		}
	}
}
