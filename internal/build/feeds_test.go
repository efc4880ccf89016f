package build_test

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// The elements of RFC 4287 the tests read.
type atomFeed struct {
	XMLName xml.Name     `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string       `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	IDs     []string     `xml:"id"`
	Titles  []string     `xml:"title"`
	Updated []string     `xml:"updated"`
	Authors []atomPerson `xml:"author"`
	Links   []atomLink   `xml:"link"`
	Entries []atomEntry  `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr"`
	Href     string `xml:"href,attr"`
	HrefLang string `xml:"hreflang,attr"`
}

type atomEntry struct {
	IDs       []string     `xml:"id"`
	Titles    []string     `xml:"title"`
	Updated   []string     `xml:"updated"`
	Published []string     `xml:"published"`
	Authors   []atomPerson `xml:"author"`
	Links     []atomLink   `xml:"link"`
	Summary   *atomText    `xml:"summary"`
	Content   *atomText    `xml:"content"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// TestFeedsAreAtom builds every site of testdata/*.txtar and reads each
// feed it writes as Atom (RFC 4287): one id, title and updated in the
// feed and in each entry, an author for the feed, a self link and an
// alternate link, every id and link absolute and under base_url (also
// the links and images inside full-text content), dates in RFC 3339,
// xml:lang the feed's language, entries newest first, each a real dated
// page of that language: never a fallback page.
func TestFeedsAreAtom(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	feeds := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		site := sitetest.BuildFS(t, sitetest.FS(t, data), sitetest.Options(txtar.Parse(data).Comment))
		if site.Result == nil {
			continue // the error archives
		}
		for _, name := range site.Names() {
			if strings.HasSuffix(name, "/"+pages.FeedFile) {
				feeds++
				checkFeed(t, p+": "+name, site.Result.Site, name, site.Files[name])
			}
		}
	}
	if feeds < 10 {
		t.Errorf("the archives wrote %d feeds; the test needs the feeds of feeds.txtar and more", feeds)
	}
}

func checkFeed(t *testing.T, where string, site *pages.Site, name string, data []byte) {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Errorf("%s: not Atom: %v", where, err)
		return
	}
	base := site.Config.BaseURL
	lang := site.Lang(strings.Split(name, "/")[0]) // output names start with the language's folder
	if lang == nil || f.Lang != lang.Code {
		t.Errorf("%s: xml:lang %q, want the language of its folder", where, f.Lang)
		return
	}
	under := func(what, u string) {
		t.Helper()
		if p, err := url.Parse(u); err != nil || !p.IsAbs() || !strings.HasPrefix(u, base) {
			t.Errorf("%s: %s %q is not an absolute URL under %s", where, what, u, base)
		}
	}
	one := func(what string, values []string) string {
		t.Helper()
		if len(values) != 1 || strings.TrimSpace(values[0]) == "" {
			t.Errorf("%s: %d %s elements, want one that is not empty", where, len(values), what)
			return ""
		}
		return values[0]
	}
	moment := func(what, s string) time.Time {
		t.Helper()
		m, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Errorf("%s: %s %q is not RFC 3339: %v", where, what, s, err)
		}
		return m
	}
	under("id", one("feed id", f.IDs))
	one("feed title", f.Titles)
	updated := moment("feed updated", one("feed updated", f.Updated))
	if len(f.Authors) != 1 || f.Authors[0].Name == "" {
		t.Errorf("%s: the feed has %d authors; RFC 4287 wants one when its entries have none", where, len(f.Authors))
	}
	rels := map[string]string{}
	for _, l := range f.Links {
		under("link", l.Href)
		rels[l.Rel] = l.Href
	}
	if rels["self"] != base+name || rels["alternate"] == "" {
		t.Errorf("%s: links %v, want self %s and an alternate", where, rels, base+name)
	}
	if len(f.Entries) == 0 || len(f.Entries) > site.Config.Feeds.Entries {
		t.Errorf("%s: %d entries, want 1 to %d", where, len(f.Entries), site.Config.Feeds.Entries)
	}
	var last time.Time
	var ids []string
	for i, e := range f.Entries {
		id := one("entry id", e.IDs)
		under("entry id", id)
		if slices.Contains(ids, id) {
			t.Errorf("%s: entry id %s twice", where, id)
		}
		ids = append(ids, id)
		one("entry title", e.Titles)
		up := moment("entry updated", one("entry updated", e.Updated))
		pub := moment("entry published", one("entry published", e.Published))
		if up.Before(pub) || up.After(updated) {
			t.Errorf("%s: entry %s updated %s, published %s, feed updated %s", where, id, up, pub, updated)
		}
		if i > 0 && pub.After(last) {
			t.Errorf("%s: entry %s is newer than the one before it", where, id)
		}
		last = pub
		var alt string
		for _, l := range e.Links {
			under("entry link", l.Href)
			if l.Rel == "alternate" {
				alt = l.Href
			}
		}
		if alt == "" {
			t.Errorf("%s: entry %s has no alternate link", where, id)
			continue
		}
		p := site.ByPath(strings.TrimPrefix(alt, base))
		switch {
		case p == nil:
			t.Errorf("%s: entry %s links to no page", where, alt)
		case p.Fallback || p.Lang != lang || !p.Dated():
			t.Errorf("%s: entry %s is no real dated page of %s (fallback %v, %s)", where, alt, lang.Code, p.Fallback, p.Lang.Code)
		}
		if e.Content != nil {
			for _, u := range refs(e.Content.Text) {
				under("link in the content", u)
			}
		}
		if e.Content == nil && e.Summary == nil && p != nil && p.Description != "" {
			t.Errorf("%s: entry %s has neither content nor summary", where, id)
		}
	}
}

// refs returns the href and src values of an HTML fragment.
func refs(fragment string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(fragment))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		for _, a := range z.Token().Attr {
			if a.Key == "href" || a.Key == "src" {
				out = append(out, a.Val)
			}
		}
	}
	return out
}

// TestFallbackNeverInFeed: in a site where most pages exist only in
// Danish, no feed of another language holds a fallback page, whatever
// the fallback pages' dates, and a language whose dated pages are all
// fallback pages has no feed at all; a fallback section with one real
// page of the language has a feed of that page alone.
func TestFallbackNeverInFeed(t *testing.T) {
	archive := `-- sitegen.toml --
base_url = "https://example.org/"
[[languages]]
code = "da"
name = "Dansk"
[[languages]]
code = "en"
name = "English"
[[languages]]
code = "ar"
name = "العربية"
-- content/da/_index.md --
---
title: Forside
---
-- content/en/_index.md --
---
title: Home
---
-- content/ar/_index.md --
---
title: الرئيسية
---
-- content/da/nyt/_index.md --
---
title: Nyt
---
`
	for i, d := range []string{"2024-01-01", "2025-06-01", "2026-12-31", "2023-03-03"} {
		archive += "-- content/da/nyt/n" + string(rune('a'+i)) + ".md --\n---\ntitle: N\ndate: " + d + "\ntags: [MitID]\n---\n"
	}
	archive += "-- content/en/nyt/na.md --\n---\ntitle: N in English\ndate: 2024-01-01\ntags: [MitID]\n---\n"
	site := sitetest.Build(t, archive, build.Options{Defaults: theme.FS()})
	if site.Result == nil {
		t.Fatal(site.Stderr())
	}
	for _, name := range site.Names() {
		if strings.HasSuffix(name, pages.FeedFile) {
			checkFeed(t, name, site.Result.Site, name, site.Files[name])
		}
	}
	for _, name := range []string{"en/atom.xml", "en/nyt/atom.xml", "en/tags/mitid/atom.xml"} {
		var f atomFeed
		if err := xml.Unmarshal(site.Files[name], &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(f.Entries) != 1 || f.Entries[0].IDs[0] != "https://example.org/en/nyt/na/" {
			t.Errorf("%s holds %d entries, want the English page alone:\n%s", name, len(f.Entries), site.Files[name])
		}
	}
	for name := range site.Files {
		if strings.HasPrefix(name, "ar/") && strings.HasSuffix(name, pages.FeedFile) {
			t.Errorf("ar has no real dated page, yet the build wrote %s", name)
		}
	}
	if !bytes.Contains(site.Files["ar/nyt/index.html"], []byte("N")) {
		t.Errorf("ar/nyt/ lists no fallback pages")
	}
}
