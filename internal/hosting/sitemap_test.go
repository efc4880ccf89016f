package hosting_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/hosting"
	"github.com/udenmitid/sitegen/internal/minifier"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// smallSite builds a site of 12 pages in da, 6 of them in en, with dates
// (one without), below a sub-path; kl has only fallback pages.
func smallSite(t *testing.T) (*sitetest.Site, *pages.Site) {
	t.Helper()
	var b strings.Builder
	b.WriteString(sitetest.Config)
	b.WriteString("-- content/da/_index.md --\n---\ntitle: Forside\ndescription: Forsiden.\nupdated: 2026-01-02\n---\n")
	for i := range 12 {
		date := fmt.Sprintf("updated: 2026-%02d-0%d\n", 12-i, i%9+1)
		if i == 5 {
			date = ""
		}
		page := fmt.Sprintf("---\ntitle: Side %d\ndescription: En side.\n%s---\nTekst.\n", i, date)
		fmt.Fprintf(&b, "-- content/da/side-%d.md --\n%s", i, page)
		if i%2 == 0 {
			fmt.Fprintf(&b, "-- content/en/side-%d.md --\n%s", i, page)
		}
	}
	site := sitetest.Build(t, b.String(), build.Options{Defaults: theme.FS(), BaseURL: origin + base})
	if site.Result == nil {
		t.Fatalf("build failed:\n%s", site.Stderr())
	}
	return site, site.Result.Site
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

type sitemapIndex struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

func parseURLSet(t *testing.T, name string, data []byte) urlset {
	t.Helper()
	var set urlset
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, data)
	}
	return set
}

// TestSitemapCut: a sitemap past a file's limits is an index in
// sitemap.xml, written last, of parts sitemap-1.xml... written first, each
// valid, within the limits, with the index's lastmod the newest of its
// URLs; every URL of the whole sitemap is in exactly one part, in order.
// Within the limits it is one sitemap.xml, the bytes of the uncut one.
// The limits are kept on the bytes as written, minified or not.
func TestSitemapCut(t *testing.T) {
	built, site := smallSite(t)
	whole := hosting.Sitemap(site)
	if len(whole) != 1 {
		t.Fatalf("the small site's sitemap is %d files, want one", len(whole))
	}
	all := parseURLSet(t, "sitemap.xml", whole[hosting.SitemapFile])
	n := len(all.URLs)
	if n != 1+12+6 { // the home and 12 pages in da, 6 in en; kl has only fallback pages
		t.Fatalf("the uncut sitemap has %d URLs", n)
	}
	wholeMin, err := minifier.New().Minify(hosting.SitemapFile, whole[hosting.SitemapFile])
	if err != nil {
		t.Fatal(err)
	}
	big := len(whole[hosting.SitemapFile])
	if big <= len(wholeMin)+100 {
		t.Fatalf("minifying the sitemap saves too little for the test: %d bytes to %d", big, len(wholeMin))
	}
	for _, tc := range []struct {
		name              string
		minified          bool
		maxURLs, maxBytes int
		parts             int // 0: not cut
	}{
		{"limits", false, hosting.MaxSitemapURLs, hosting.MaxSitemapBytes, 0},
		{"exact URLs", false, n, hosting.MaxSitemapBytes, 0},
		{"exact bytes", false, hosting.MaxSitemapURLs, big, 0},
		{"a byte short", false, hosting.MaxSitemapURLs, big - 1, 2},
		{"URLs", false, 10, hosting.MaxSitemapBytes, (n + 9) / 10},
		{"one URL each", false, 1, hosting.MaxSitemapBytes, n},
		{"URLs minified", true, 7, hosting.MaxSitemapBytes, (n + 6) / 7},
		{"bytes", false, hosting.MaxSitemapURLs, big / 3, -1},
		{"bytes minified", true, hosting.MaxSitemapURLs, len(wholeMin) / 3, -1},
		// The last <url> and the end tag are counted unminified, the
		// rest as minified: the minified file fits, the unminified one
		// would not.
		{"minified fits", true, hosting.MaxSitemapURLs, len(wholeMin) + 100, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var names []string
			files := map[string][]byte{}
			err := hosting.WriteSitemapLimited(site, tc.minified, func(name string, parts [][]byte) error {
				if files[name] != nil {
					t.Errorf("%s written twice", name)
				}
				names = append(names, name)
				files[name] = bytes.Join(parts, nil)
				return nil
			}, tc.maxURLs, tc.maxBytes)
			if err != nil {
				t.Fatal(err)
			}
			want := whole[hosting.SitemapFile]
			if tc.minified {
				want = wholeMin
			}
			if tc.parts == 0 {
				if !slices.Equal(names, []string{hosting.SitemapFile}) || !bytes.Equal(files[hosting.SitemapFile], want) {
					t.Fatalf("written %q, want sitemap.xml as it is uncut", names)
				}
				return
			}
			if names[len(names)-1] != hosting.SitemapFile {
				t.Fatalf("written %q: the index is not last", names)
			}
			parts := names[:len(names)-1]
			if tc.parts > 0 && len(parts) != tc.parts || len(parts) < 2 {
				t.Fatalf("written %q, want %d parts", names, tc.parts)
			}
			var index sitemapIndex
			if err := xml.Unmarshal(files[hosting.SitemapFile], &index); err != nil {
				t.Fatalf("sitemap.xml is no sitemap index: %v\n%s", err, files[hosting.SitemapFile])
			}
			if len(index.Sitemaps) != len(parts) {
				t.Fatalf("the index lists %d sitemaps, %d written", len(index.Sitemaps), len(parts))
			}
			var locs []string
			for i, name := range parts {
				if want := hosting.SitemapPart(i + 1); name != want {
					t.Errorf("part %d is %s, want %s", i+1, name, want)
				}
				if got := index.Sitemaps[i].Loc; got != origin+base+name {
					t.Errorf("the index's sitemap %d is %s, want %s", i+1, got, origin+base+name)
				}
				data := files[name]
				if len(data) > tc.maxBytes {
					t.Errorf("%s: %d bytes, more than %d", name, len(data), tc.maxBytes)
				}
				set := parseURLSet(t, name, data)
				if len(set.URLs) == 0 || len(set.URLs) > tc.maxURLs {
					t.Errorf("%s: %d URLs, want 1 to %d", name, len(set.URLs), tc.maxURLs)
				}
				newest := ""
				for _, u := range set.URLs {
					locs = append(locs, u.Loc)
					newest = max(newest, u.LastMod)
				}
				if got := index.Sitemaps[i].LastMod; got != newest {
					t.Errorf("the index's lastmod of %s is %q, want %q", name, got, newest)
				}
			}
			var want2 []string
			for _, u := range all.URLs {
				want2 = append(want2, u.Loc)
			}
			if !slices.Equal(locs, want2) {
				t.Errorf("the parts' URLs:\n%q\nthe uncut sitemap's:\n%q", locs, want2)
			}
		})
	}
	if !strings.Contains(string(built.Files["robots.txt"]), "Sitemap: "+origin+base+"sitemap.xml\n") {
		t.Errorf("robots.txt names no sitemap.xml:\n%s", built.Files["robots.txt"])
	}
	if strings.Contains(string(built.Files["_headers"]), "sitemap") {
		t.Errorf("_headers names the sitemap; give its parts the same rule:\n%s", built.Files["_headers"])
	}
	err = hosting.WriteSitemapLimited(site, false, func(string, [][]byte) error { return nil }, hosting.MaxSitemapURLs, 100)
	if err == nil || !strings.Contains(err.Error(), "more than a sitemap file may hold (100)") {
		t.Errorf("a <url> element past the byte limit: %v", err)
	}
}
