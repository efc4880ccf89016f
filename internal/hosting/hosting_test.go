package hosting_test

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

const (
	origin = "https://example.github.io"
	base   = "/udenmitid/"
)

// bundled builds the repository's own site below a sub-path and parses
// every HTML file.
func bundled(t *testing.T) (*sitetest.Site, map[string]*check.Doc) {
	t.Helper()
	root, err := os.OpenRoot("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	site := sitetest.BuildFS(t, root.FS(), build.Options{Defaults: theme.FS(), BaseURL: origin + base, Text: true})
	if site.Result == nil {
		t.Fatalf("build failed:\n%s", site.Stderr())
	}
	docs := map[string]*check.Doc{}
	for name, data := range site.Files {
		if strings.HasSuffix(name, ".html") {
			d, err := check.ParseHTML(data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			docs[name] = d
		}
	}
	return site, docs
}

// TestSubPath: every internal URL in every page starts with the base path
// and reaches a file of the output, anchors included.
func TestSubPath(t *testing.T) {
	site, docs := bundled(t)
	checked := 0
	for name, d := range docs {
		for _, r := range d.Refs {
			if strings.HasPrefix(r.URL, "mailto:") {
				continue
			}
			file, frag, internal := check.Target(r.URL, name, origin, base)
			if !internal {
				continue
			}
			checked++
			if !strings.HasPrefix(r.URL, base) && !strings.HasPrefix(r.URL, origin+base) && !strings.HasPrefix(r.URL, "#") {
				t.Errorf("%s: <%s> %q does not start with %s", name, r.Tag, r.URL, base)
			}
			if _, ok := site.Files[file]; !ok {
				t.Errorf("%s: <%s> %q: no file %s", name, r.Tag, r.URL, file)
				continue
			}
			if frag != "" && docs[file] != nil && !docs[file].IDs[frag] {
				t.Errorf("%s: %q: %s has no id %q", name, r.URL, file, frag)
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d internal URLs checked", checked)
	}
	t.Logf("%d internal URLs in %d pages all resolve below %s", checked, len(docs), base)
}

// TestHreflang: alternates point only at real pages, are reciprocal, and
// fallback pages carry noindex and are no one's alternate.
func TestHreflang(t *testing.T) {
	_, docs := bundled(t)
	alternates := func(d *check.Doc) map[string]string {
		m := map[string]string{}
		for _, r := range d.Refs {
			if r.Tag == "link" && r.Rel == "alternate" {
				m[r.HrefLang] = r.URL
			}
		}
		return m
	}
	fallbacks := 0
	for name, d := range docs {
		alt := alternates(d)
		if d.Noindex {
			if name != "404.html" && !strings.HasSuffix(name, "/404.html") {
				fallbacks++
			}
			if len(alt) > 0 {
				t.Errorf("%s is noindex but lists alternates %v", name, alt)
			}
			continue
		}
		if d.Canonical == "" {
			t.Errorf("%s: no canonical", name)
		}
		for lang, u := range alt {
			target, _, _ := check.Target(u, name, origin, base)
			td := docs[target]
			switch {
			case td == nil:
				t.Errorf("%s: hreflang=%s %s: no such page", name, lang, u)
			case td.Noindex:
				t.Errorf("%s: hreflang=%s %s is a fallback page", name, lang, u)
			case lang != "x-default" && td.Lang != lang:
				t.Errorf("%s: hreflang=%s %s has lang %q", name, lang, u, td.Lang)
			case lang != "x-default" && !slices.Contains(mapValues(alternates(td)), d.Canonical):
				t.Errorf("%s: hreflang=%s %s does not link back", name, lang, u)
			}
		}
	}
	if fallbacks < 10 {
		t.Errorf("only %d fallback pages found", fallbacks)
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// TestSitemap: the sitemap parses, every loc is a real page of the output,
// and no fallback page is in it.
func TestSitemap(t *testing.T) {
	site, docs := bundled(t)
	var set struct {
		URLs []struct {
			Loc   string      `xml:"loc"`
			Links []xhtmlLink `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(site.Files["sitemap.xml"], &set); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	real := 0
	for name, d := range docs {
		if !d.Noindex && d.Canonical != "" && name != "index.html" {
			real++
		}
	}
	if len(set.URLs) != real {
		t.Errorf("sitemap has %d URLs, the site %d real pages", len(set.URLs), real)
	}
	for _, u := range set.URLs {
		for _, loc := range append([]string{u.Loc}, hrefs(u.Links)...) {
			file, _, _ := check.Target(loc, "", origin, base)
			if d := docs[file]; d == nil || d.Noindex {
				t.Errorf("sitemap: %s is not a real page", loc)
			}
		}
	}
	if !strings.Contains(string(site.Files["robots.txt"]), "Sitemap: "+origin+base+"sitemap.xml") {
		t.Errorf("robots.txt: %s", site.Files["robots.txt"])
	}
}

type xhtmlLink struct {
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

func hrefs(links []xhtmlLink) []string {
	var out []string
	for _, l := range links {
		out = append(out, l.Href)
	}
	return out
}

// TestNoInline: no page has inline script or style, so the strict CSP in
// _headers holds.
func TestNoInline(t *testing.T) {
	_, docs := bundled(t)
	for name, d := range docs {
		if len(d.Inline) > 0 {
			t.Errorf("%s: %v", name, d.Inline)
		}
	}
}

// TestLangAndFallbacks: every page has the lang of its folder, and every
// key exists in every language.
func TestLangAndFallbacks(t *testing.T) {
	site, docs := bundled(t)
	for name, d := range docs {
		lang, _, _ := strings.Cut(name, "/")
		if strings.Contains(name, "/") && d.Lang != lang {
			t.Errorf("%s: lang %q", name, d.Lang)
		}
		if d.H1 != 1 {
			t.Errorf("%s: %d h1 elements", name, d.H1)
		}
	}
	for _, p := range site.Result.Site.Pages {
		for _, l := range site.Result.Site.Langs {
			tr := p.Translations[l.Index]
			if _, ok := site.Files[tr.OutputFile()]; !ok {
				t.Errorf("%s has no %s page", p.Key, l.Code)
			}
		}
	}
}

// TestOfficialSources: every external link in the bundled site's content
// goes to an official source.
func TestOfficialSources(t *testing.T) {
	site, _ := bundled(t)
	// mitid-erhverv.dk is Digitaliseringsstyrelsen's site for MitID Erhverv;
	// lifeindenmark.borger.dk is borger.dk in English; familieretshuset.dk
	// decides guardianship and registers a fremtidsfuldmagt. The rest are
	// municipalities, whose borgerservice does what the pages cite them for
	// (read access, exemption, power of attorney).
	official := []string{"mitid.dk", "borger.dk", "digst.dk", "retsinformation.dk", "ombudsmanden.dk", "datatilsynet.dk", "eur-lex.europa.eu",
		"mitid-erhverv.dk", "lifeindenmark.borger.dk", "familieretshuset.dk",
		"aalborg.dk", "assens.dk", "halsnaes.dk", "horsens.dk", "horsholm.dk", "mariagerfjord.dk", "skive.dk", "vejle.dk", "vesthimmerland.dk"}
	n := 0
	for p, doc := range site.Result.Docs {
		for _, l := range doc.Links {
			u, err := url.Parse(l.Dest)
			if err != nil || u.Scheme == "" {
				continue
			}
			n++
			host := strings.TrimPrefix(u.Hostname(), "www.")
			if u.Scheme != "https" || !slices.Contains(official, host) {
				t.Errorf("%s:%d: %s is not an official source over https", p.File.Path, l.Line, l.Dest)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d external links", n)
	}
}

// TestPageWeight: every page with its stylesheet and scripts fits in 14 KB
// compressed, the first round trip of a slow connection.
func TestPageWeight(t *testing.T) {
	site, docs := bundled(t)
	gz := func(data []byte) int {
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		w.Write(data)
		w.Close()
		return b.Len()
	}
	heaviest, heaviestName := 0, ""
	for name, d := range docs {
		total := gz(site.Files[name])
		for _, r := range d.Refs {
			if r.Tag == "link" && r.Rel == "stylesheet" || r.Tag == "script" {
				file, _, _ := check.Target(r.URL, name, origin, base)
				total += gz(site.Files[file])
			}
		}
		if total > heaviest {
			heaviest, heaviestName = total, name
		}
		if total > 14<<10 {
			t.Errorf("%s weighs %d bytes compressed with its CSS and scripts", name, total)
		}
	}
	t.Logf("heaviest page: %s, %d bytes compressed with its CSS and scripts", heaviestName, heaviest)
}

// TestStaticCache: _headers gives each file of static/, published under
// its own name, one short Cache-Control (a hand-written link names it
// without a hash, so a fix must reach readers soon), and each
// fingerprinted copy a layout asked for a year's; no rule doubles another
// (hosts join the values of every rule that matches). Issue 24.
func TestStaticCache(t *testing.T) {
	archive := sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
-- content/da/soeg.md --
---
title: Søg
description: Søg.
layout: search
---
-- static/vendor/x.js --
var x = 1;
-- static/vendor/x.min.js --
var x=1;
-- static/vendor/sub/y.css --
p { color: red; }
-- static/js/extra.js --
var extra = 1;
-- static/favicon.ico --
icon
-- static/da/fil.pdf --
%PDF-1.4
`
	site := sitetest.Build(t, archive, build.Options{Defaults: theme.FS(), BaseURL: origin + base})
	if site.Result == nil {
		t.Fatalf("build failed:\n%s", site.Stderr())
	}
	rules := parseHeaders(t, string(site.Files["_headers"]))
	short := "public, max-age=300, must-revalidate"
	copies := map[string]bool{}
	for _, a := range site.Result.Assets {
		if a.File != a.Name {
			copies[a.File] = true
		}
	}
	if len(copies) < 3 {
		t.Fatalf("want copies of css/site.css, js/search.js and the search indexes; have %v", copies)
	}
	for name := range site.Files {
		want := short
		switch {
		case copies[name] || strings.HasPrefix(name, "search/"):
			want = immutable
		case name == "_headers" || name == "_redirects" || name == "sitemap.xml" || name == "robots.txt":
			continue
		}
		if got := rules.cacheControl(base + name); got != want {
			t.Errorf("%s%s has Cache-Control %q, want %q", base, name, got, want)
		}
	}
}
