package hosting

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/minifier"
)

// oddStrings are strings the escapes must handle as encoding/xml and the
// minifier do: XML's five special characters, tab, newline, carriage
// return, runs of spaces, control bytes, non-ASCII runes, invalid UTF-8,
// U+FFFD and the runes XML does not allow, and text that looks like a
// character reference.
var oddStrings = []string{
	"",
	"plain",
	"https://example.org/da/p%C3%A5ske/",
	`a&b<c>d"e'f`,
	`""'`,
	`"''`,
	`"'`,
	"tab\there",
	"new\nline\r\nend",
	" lead",
	"trail ",
	"in  the   middle",
	"   ",
	" ",
	" \t ",
	"\x00\x01\x1f\x7f",
	"påske 日本 🙂",
	"\xff\xfe bad \xc3",
	"\uFFFD real",
	"\uFFFE\uFFFF",
	"\xed\xa0\x80", // a surrogate
	"&amp; &#34; &#x9; &lt; &apos; &quot;",
	"&#39;&#10;",
	"&",
	"&#",
	"a&amp;b",
	"]]> <![CDATA[ x ]]>",
	"<!-- c --> <?pi ?>",
}

// refElement returns what encoding/xml writes for v as an element named
// tag, a child of a root, with the indent the sitemap had.
func refElement(t testing.TB, tag string, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.EncodeToken(refURLSet); err != nil {
		t.Fatal(err)
	}
	if err := enc.Flush(); err != nil {
		t.Fatal(err)
	}
	n := b.Len()
	if err := enc.EncodeElement(v, xml.StartElement{Name: xml.Name{Local: tag}}); err != nil {
		t.Fatal(err)
	}
	if err := enc.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()[n:]
}

// refURLOf returns u as the struct encoding/xml wrote.
func refURLOf(u *sitemapURL) refURL {
	r := refURL{Loc: u.loc, LastMod: u.lastmod}
	for _, a := range u.alternates {
		r.Alternates = append(r.Alternates, refAlternate{"alternate", a.hreflang, a.href})
	}
	return r
}

// minifyRef returns what the build's minifier makes of a sitemap file.
func minifyRef(t testing.TB, doc []byte) []byte {
	t.Helper()
	got, err := minifier.New().Minify(SitemapFile, doc)
	if err != nil {
		t.Fatalf("minifying %q: %v", doc, err)
	}
	return got
}

// checkURLs checks the <url> elements of one file in both forms against
// encoding/xml and the minifier, and indentedLen.
func checkURLs(t testing.TB, us []*sitemapURL) {
	t.Helper()
	doc := []byte(header(urlsetStart, false))
	min := []byte(header(urlsetStart, true))
	for _, u := range us {
		want := refElement(t, "url", refURLOf(u))
		got := u.append(nil, "url", false)
		if !bytes.Equal(got, want) {
			t.Fatalf("%+v indented:\n%q\nencoding/xml:\n%q", u, got, want)
		}
		if n := u.indentedLen("url"); n != len(want) {
			t.Fatalf("%+v: indentedLen %d, written %d", u, n, len(want))
		}
		doc = append(doc, got...)
		min = u.append(min, "url", true)
	}
	doc = append(doc, footer("urlset", len(us) == 0, false)...)
	min = append(min, footer("urlset", len(us) == 0, true)...)
	want := minifyRef(t, doc)
	if len(us) == 0 {
		// The build minified the start and the end of a file apart: of
		// an empty one, it made no <urlset/>.
		want = append(minifyRef(t, []byte(header(urlsetStart, false))), minifyRef(t, []byte(footer("urlset", true, false)))...)
	}
	if !bytes.Equal(min, want) {
		t.Fatalf("minified:\n%q\nthe minifier's:\n%q\nof:\n%q", min, want, doc)
	}
}

// checkIndex checks a sitemap index of entries in both forms.
func checkIndex(t testing.TB, es []sitemapURL) {
	t.Helper()
	doc := []byte(header(indexStart, false))
	min := []byte(header(indexStart, true))
	for _, e := range es {
		want := refElement(t, "sitemap", refEntry{Loc: e.loc, LastMod: e.lastmod})
		if got := e.append(nil, "sitemap", false); !bytes.Equal(got, want) {
			t.Fatalf("%+v indented:\n%q\nencoding/xml:\n%q", e, got, want)
		}
		doc = e.append(doc, "sitemap", false)
		min = e.append(min, "sitemap", true)
	}
	doc = append(doc, footer("sitemapindex", false, false)...)
	min = append(min, footer("sitemapindex", false, true)...)
	if want := minifyRef(t, doc); !bytes.Equal(min, want) {
		t.Fatalf("index minified:\n%q\nthe minifier's:\n%q", min, want)
	}
}

// TestEscaped: appendEscaped with indentedEscapes is encoding/xml's
// EscapeText, and escapedLen its length.
func TestEscaped(t *testing.T) {
	for _, s := range oddStrings {
		var want bytes.Buffer
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got := appendEscaped([]byte("x"), s, &indentedEscapes); string(got) != "x"+want.String() {
			t.Errorf("appendEscaped(%q) = %q, encoding/xml %q", s, got[1:], want.String())
		}
		if n := escapedLen(s); n != want.Len() {
			t.Errorf("escapedLen(%q) = %d, encoding/xml writes %d bytes", s, n, want.Len())
		}
	}
}

// TestSitemapXML: each odd string as a loc, an hreflang and an href is
// written as encoding/xml and the minifier wrote it; so are a file of
// many such URLs, an empty file and a sitemap index.
func TestSitemapXML(t *testing.T) {
	var all []*sitemapURL
	for i, s := range oddStrings {
		t.Run(strings.ReplaceAll(s, "/", "|"), func(t *testing.T) {
			u := &sitemapURL{loc: s, alternates: []alternate{{"da", s}, {s, "https://example.org/en/"}, {"x-default", s}}}
			if i%2 == 0 {
				u.lastmod = "2026-12-07"
			}
			checkURLs(t, []*sitemapURL{u})
			checkURLs(t, []*sitemapURL{{loc: s}})
			checkIndex(t, []sitemapURL{{loc: s, lastmod: u.lastmod}})
			// A loc begins with the origin: a later one keeps no space at
			// its start, as the minifier keeps one only there.
			all = append(all, &sitemapURL{loc: "https://example.org/" + s, lastmod: u.lastmod, alternates: u.alternates})
		})
	}
	checkURLs(t, all)
	checkURLs(t, nil)
	checkIndex(t, []sitemapURL{{loc: "https://example.org/sitemap-1.xml", lastmod: "2026-01-02"}, {loc: "https://example.org/sitemap-2.xml"}})
}

// FuzzSitemapXML: a <url> of any strings, alone and after another, is
// written as encoding/xml and the minifier wrote it.
func FuzzSitemapXML(f *testing.F) {
	for i, s := range oddStrings {
		f.Add(s, oddStrings[(i+1)%len(oddStrings)], oddStrings[(i+2)%len(oddStrings)], i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, loc, hreflang, href string, lastmod bool) {
		u := &sitemapURL{loc: loc, alternates: []alternate{{hreflang, href}, {"x-default", loc}}}
		if lastmod {
			u.lastmod = "2026-12-07"
		}
		checkURLs(t, []*sitemapURL{u})
		later := *u
		later.loc = "https://example.org" + loc
		checkURLs(t, []*sitemapURL{{loc: "https://example.org/", alternates: []alternate{{href, hreflang}}}, &later})
		checkIndex(t, []sitemapURL{{loc: loc, lastmod: u.lastmod}})
	})
}

// FuzzLocEscaper: a locEscaper gives what escapeURL gives, for the
// origins a site may have and any path.
func FuzzLocEscaper(f *testing.F) {
	for _, s := range []string{"/", "/da/påske/", "/a/b-c_d.e~f/", "/a b/", "/a%20b/", "/a?b#c", "/a&b'c(d)!*/", "//x/", "/../", "/\xff/", "/:/", "/a:b/", "/%zz/", "/日本/", ""} {
		f.Add(s)
	}
	origins := []string{"https://example.org", "http://localhost:1313", "https://[::1]:8080", "https://[fe80::1%en0]", "https://bücher.example", "HTTPS://Example.ORG", "https://a_b.example"}
	f.Fuzz(func(t *testing.T, path string) {
		for _, o := range origins {
			e := newLocEscaper(o)
			for _, s := range []string{o + path, path} {
				if got, want := e.escape(s), escapeURL(s); got != want {
					t.Errorf("escape(%q) from %s = %q, escapeURL %q", s, o, got, want)
				}
			}
		}
	})
}

// TestLocEscaperFast: a site's usual permalinks take the fast path, so
// FuzzLocEscaper tests it.
func TestLocEscaperFast(t *testing.T) {
	e := newLocEscaper("https://example.org")
	if e.origin == "" {
		t.Fatal("no fast path for https://example.org")
	}
	if newLocEscaper("https://bücher.example").origin != "" {
		t.Error("a fast path for a host url.URL escapes")
	}
	for s, want := range map[string]string{
		"https://example.org/da/side-1/": "https://example.org/da/side-1/",
		"https://example.org/da/påske/":  "https://example.org/da/p%C3%A5ske/",
	} {
		if got := e.escape(s); got != want {
			t.Errorf("escape(%q) = %q, want %q", s, got, want)
		}
	}
	if n := testing.AllocsPerRun(10, func() { e.escape("https://example.org/da/side-1/") }); n != 0 {
		t.Errorf("escaping an ASCII permalink allocates %v times", n)
	}
}
