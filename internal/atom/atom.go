// Package atom writes a site's feeds in the Atom format (RFC 4287), one
// for each listing with dated pages (see pages.Feed):
//
//	/<lang>/atom.xml                     the whole language: its newest dated pages
//	/<lang>/<section>/atom.xml           a section: the dated pages at any depth below it
//	/<lang>/<taxonomy>/<term>/atom.xml   a term: its dated pages
//
// The name is Zola's (Hugo's index.xml is RSS 2.0): an Atom feed says when
// each entry was first published and last updated, in what language, and
// under which id, where RSS leaves those optional or says them loosely.
//
// A feed holds the newest [feeds] entries (default 20) real pages of its
// language that have date:, newest first; never a fallback page or a
// draft. Each entry has the page's title, its absolute URL as its link
// and its id, its date: as published, the newest of its dates as
// updated, its terms as categories, and its description as its summary;
// with [feeds] full_text = true, its whole text as content instead, every
// link and image in it absolute.
//
// The feed's id is the feed's own absolute URL and an entry's id is its
// page's, as Zola makes them: RFC 4287 asks for an IRI that never
// changes, and a tag: URI would need a date on which the site's owner
// held its domain, which sitegen cannot know. So a page keeps its entry
// as long as it keeps its URL; a page moved to another URL (keep the old
// one in aliases:) is a new entry to feed readers. The feed's author,
// which RFC 4287 requires, is [params] author of sitegen.toml when set
// (Hugo's feed template reads the same key), else the site's title in
// the feed's language.
package atom

import (
	"bytes"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/udenmitid/sitegen/internal/pages"
)

// NS is the Atom namespace.
const NS = "http://www.w3.org/2005/Atom"

// MediaType is the media type of an Atom feed.
const MediaType = "application/atom+xml"

// Options say what a feed's entries hold.
type Options struct {
	// Content returns a page's body as HTML, for full_text feeds; nil
	// makes summaries. ok false (a page not converted) makes a summary.
	Content func(p *pages.Page) (html []byte, ok bool)
}

// Author returns a site's feed author in a language: [params] author, or
// the site's title in lang.
func Author(site *pages.Site, lang *pages.Lang) string {
	if a := strings.TrimSpace(site.Config.Params["author"]); a != "" {
		return a
	}
	return lang.Title
}

// Feed writes one feed.
func Feed(site *pages.Site, f *pages.Feed, opts Options) []byte {
	var b bytes.Buffer
	w := &writer{b: &b}
	lang := f.Page.Lang
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	w.open("feed", "xmlns", NS, "xml:lang", lang.Code)
	w.text("title", f.Title)
	if d := f.Page.Description; d != "" && !f.Page.Fallback {
		w.text("subtitle", d)
	}
	w.empty("link", "rel", "self", "type", MediaType, "href", f.Permalink)
	w.empty("link", "rel", "alternate", "type", "text/html", "hreflang", lang.Code, "href", f.Page.Permalink())
	w.text("id", f.Permalink)
	w.text("updated", stamp(f.Updated))
	w.open("author")
	w.text("name", Author(site, lang))
	w.close("author")
	w.text("generator", "sitegen")
	for _, p := range f.Entries {
		entry(w, p, opts)
	}
	w.close("feed")
	return b.Bytes()
}

func entry(w *writer, p *pages.Page, opts Options) {
	w.open("entry")
	w.text("title", p.Title)
	w.empty("link", "rel", "alternate", "type", "text/html", "href", p.Permalink())
	w.text("id", p.Permalink())
	w.text("published", stamp(p.Date()))
	updated := p.Date()
	if p.Updated().After(updated) {
		updated = p.Updated()
	}
	w.text("updated", stamp(updated))
	for _, pt := range p.TermPages() {
		for _, t := range pt.Terms {
			w.empty("category", "term", t.Title, "scheme", pt.Taxonomy.Permalink())
		}
	}
	var body []byte
	ok := false
	if opts.Content != nil {
		body, ok = opts.Content(p)
	}
	switch {
	case ok:
		w.text("content", string(Absolute(body, p.Permalink())), "type", "html")
	case p.Description != "":
		w.text("summary", p.Description, "type", "text")
	}
	w.close("entry")
}

// stamp writes a moment as RFC 3339 asks (RFC 4287 section 3.3): a date
// without a time is its midnight, UTC.
func stamp(t time.Time) string { return t.Format(time.RFC3339) }

// Absolute rewrites the links and images of a page's HTML to absolute
// URLs, read against the page's permalink: a feed reader shows the text
// away from the site, where "/da/klage/" and "#frist" lead nowhere.
func Absolute(body []byte, permalink string) []byte {
	base, err := url.Parse(permalink)
	if err != nil {
		return body
	}
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		tok := z.Token()
		changed := false
		for i, a := range tok.Attr {
			if a.Namespace != "" || (a.Key != "href" && a.Key != "src") {
				continue
			}
			u, err := url.Parse(a.Val)
			if err != nil || u.IsAbs() {
				continue
			}
			tok.Attr[i].Val = base.ResolveReference(u).String()
			changed = true
		}
		if changed {
			out.WriteString(tok.String())
		} else {
			out.Write(raw)
		}
	}
}

// writer writes XML elements, escaping text and attribute values.
type writer struct {
	b     *bytes.Buffer
	depth int
}

func (w *writer) indent() {
	w.b.WriteString(strings.Repeat(" ", w.depth))
}

func (w *writer) start(name string, attrs []string) {
	w.indent()
	w.b.WriteString("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.b.WriteString(" " + attrs[i] + `="`)
		escape(w.b, attrs[i+1])
		w.b.WriteString(`"`)
	}
}

func (w *writer) open(name string, attrs ...string) {
	w.start(name, attrs)
	w.b.WriteString(">\n")
	w.depth++
}

func (w *writer) close(name string) {
	w.depth--
	w.indent()
	w.b.WriteString("</" + name + ">\n")
}

func (w *writer) empty(name string, attrs ...string) {
	w.start(name, attrs)
	w.b.WriteString("/>\n")
}

func (w *writer) text(name, text string, attrs ...string) {
	w.start(name, attrs)
	w.b.WriteString(">")
	escape(w.b, text)
	w.b.WriteString("</" + name + ">\n")
}

// escape writes s as XML text or an attribute value: &, <, > and quotes
// as entities, and characters XML 1.0 does not allow left out.
func escape(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r < 0xE000:
			// not allowed in XML 1.0
		default:
			b.WriteRune(r)
		}
	}
}
