package hosting

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"time"

	"github.com/udenmitid/sitegen/internal/pages"
)

// SitemapFile is the sitemap's name below the output folder: the whole
// sitemap, or the sitemap index when it is cut into parts.
const SitemapFile = "sitemap.xml"

// MaxSitemapURLs and MaxSitemapBytes are the most one sitemap file may
// hold: 50,000 URLs and 50 MB (52,428,800 bytes, uncompressed). The
// sitemaps.org protocol sets them (section "Sitemap index files": "Each
// Sitemap file that you provide must have no more than 50,000 URLs and
// must be no larger than 50MB (52,428,800 bytes)"), and Google and Bing
// reject a larger file. A sitemap index may list at most 50,000
// sitemaps under the same byte limit.
const (
	MaxSitemapURLs  = 50_000
	MaxSitemapBytes = 52_428_800
)

// SitemapPart returns the name below the output folder of the nth part
// of a sitemap cut into parts, from 1: "sitemap-1.xml".
func SitemapPart(n int) string {
	return "sitemap-" + strconv.Itoa(n) + ".xml"
}

// SitemapPartPattern is a path.Match pattern of every name SitemapPart
// gives, which the build reserves (no page, alias or file of static/ may
// take one) whether or not the sitemap of the moment is cut: the parts
// come and go as the site grows. It also matches a few names the build
// never writes ("sitemap-2x.xml"), since path.Match cannot say "digits
// only".
const SitemapPartPattern = "sitemap-[0-9]*.xml"

// The sitemap's namespaces.
const (
	sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	xhtmlNS   = "http://www.w3.org/1999/xhtml"
)

type sitemapURL struct {
	Loc        string      `xml:"loc"`
	LastMod    string      `xml:"lastmod,omitempty"`
	Alternates []alternate `xml:"xhtml:link"`
}

type alternate struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type sitemapEntry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap returns the files of the sitemap (WriteSitemap) by name below
// the output folder, each passed through no filter: sitemap.xml alone,
// or the index sitemap.xml and its parts sitemap-1.xml, sitemap-2.xml...
// Each file is joined into one slice; the build writes them with
// WriteSitemap instead.
func Sitemap(site *pages.Site) map[string][]byte {
	files := map[string][]byte{}
	must(WriteSitemap(site, nil, func(name string, parts [][]byte) error {
		files[name] = bytes.Join(parts, nil)
		return nil
	}))
	return files
}

// WriteSitemap makes the sitemap of a site and gives write each file of
// it, one at a time, as parts of at most a megabyte to be written one
// after the other, so that no file is ever in one slice and only one is
// in memory (issue 30). write must not keep the parts.
//
// The sitemap lists the real pages in the sitemaps.org format, each with
// its real translations, itself and x-default included: the content
// pages, the taxonomy and term pages and each numbered page of a long
// listing (with the pages of the same number of its translations).
//
// When its URLs fit in one file (MaxSitemapURLs, MaxSitemapBytes), it is
// one file, sitemap.xml, a <urlset>. Otherwise it is cut into parts
// sitemap-1.xml, sitemap-2.xml... (SitemapPart), each a <urlset> like
// the one file, cut before the <url> that would pass either limit, and
// sitemap.xml is a sitemap index (<sitemapindex>) that lists them by
// their absolute URL below the base URL, each with the newest lastmod of
// its URLs when one has one. The parts are written first, the index
// last.
//
// Each piece of each file is passed through filter, which writes what it
// makes of the piece to w: the XML declaration with the start tag, runs
// of whole <url> elements of about pieceBytes, and the end tag; the index
// is one piece. A nil filter writes each piece as it is. The build
// minifies the pieces, which gives what minifying the whole gives
// (TestSitemapPieces). The byte limit is kept on the bytes as filtered
// except for the <url> element to be added and the end tag, which are
// counted as they are before filtering: a minifier never makes them
// larger, so a part may end a few hundred bytes short of the limit but
// never passes it (a filter that makes pieces larger may make it pass).
//
// The first error of filter or write is returned; an error too when a
// single <url> element passes the byte limit, or the sitemap needs more
// than MaxSitemapURLs parts.
func WriteSitemap(site *pages.Site, filter func(w io.Writer, piece []byte) error, write func(name string, parts [][]byte) error) error {
	return writeSitemap(site, filter, write, MaxSitemapURLs, MaxSitemapBytes)
}

// writeSitemap is WriteSitemap with a file's limits as parameters, so
// that tests can cut a small site.
func writeSitemap(site *pages.Site, filter func(w io.Writer, piece []byte) error, write func(name string, parts [][]byte) error, maxURLs, maxBytes int) error {
	if filter == nil {
		filter = func(w io.Writer, piece []byte) error {
			_, err := w.Write(piece)
			return err
		}
	}
	s := &sitemapWriter{site: site, filter: filter, write: write, maxURLs: maxURLs, maxBytes: maxBytes}
	if err := s.start(); err != nil {
		return err
	}
	for _, p := range site.Pages {
		if err := s.add(p); err != nil {
			return err
		}
	}
	for _, p := range site.Special {
		if p.PageNumber() > 1 {
			if err := s.add(p); err != nil {
				return err
			}
		}
	}
	return s.finish()
}

// A sitemapWriter makes the files of a sitemap one after the other.
type sitemapWriter struct {
	site         *pages.Site
	filter       func(w io.Writer, piece []byte) error
	write        func(name string, parts [][]byte) error
	maxURLs      int
	maxBytes     int
	enc          *xml.Encoder // of the file being made, into next
	next         bytes.Buffer // what enc wrote last: a <url> element, a tag
	pending      bytes.Buffer // whole <url> elements not yet filtered
	out          blocks       // the file being made, filtered
	urls         int          // in the file being made
	lastmod      string       // the newest of the file being made, or ""
	partsLastmod []string     // of each part written, in order
}

// urlsetEnd is the end of a <urlset> as the encoder writes it.
const urlsetEnd = "\n</urlset>\n"

var urlset = xml.StartElement{Name: xml.Name{Local: "urlset"}, Attr: []xml.Attr{
	{Name: xml.Name{Local: "xmlns"}, Value: sitemapNS},
	{Name: xml.Name{Local: "xmlns:xhtml"}, Value: xhtmlNS},
}}

// start begins a file: the XML declaration and the urlset start tag, in
// a piece of their own.
func (s *sitemapWriter) start() error {
	s.out, s.urls, s.lastmod = blocks{}, 0, ""
	s.next.Reset()
	s.next.WriteString(xml.Header)
	s.enc = xml.NewEncoder(&s.next)
	s.enc.Indent("", " ")
	must(s.enc.EncodeToken(urlset))
	must(s.enc.Flush())
	s.pending.Write(s.next.Bytes())
	return s.piece()
}

// piece passes the pending bytes through the filter.
func (s *sitemapWriter) piece() error {
	err := s.filter(&s.out, s.pending.Bytes())
	s.pending.Reset()
	return err
}

// add adds a page's <url> element unless the page is a fallback page or
// a draft, first ending the file and starting the next when the element
// would pass a limit.
func (s *sitemapWriter) add(p *pages.Page) error {
	if p.Fallback || p.Draft {
		return nil
	}
	s.next.Reset()
	lastmod := encodeURL(s.enc, s.site, p)
	must(s.enc.Flush())
	n := s.next.Len() + len(urlsetEnd)
	if s.urls >= s.maxURLs || s.out.len()+s.pending.Len()+n > s.maxBytes {
		if s.pending.Len() > 0 { // know the filtered size
			if err := s.piece(); err != nil {
				return err
			}
		}
		if s.urls >= s.maxURLs || s.out.len()+n > s.maxBytes {
			if s.urls == 0 {
				return fmt.Errorf("the sitemap's <url> element of %s takes %d bytes, more than a sitemap file may hold (%d)", s.site.Permalink(p), n, s.maxBytes)
			}
			if err := s.end(false); err != nil {
				return err
			}
			// start with a new encoder, which writes no newline
			// before its first tag; then encode the element again.
			if err := s.start(); err != nil {
				return err
			}
			s.next.Reset()
			encodeURL(s.enc, s.site, p)
			must(s.enc.Flush())
		}
	}
	s.pending.Write(s.next.Bytes())
	s.urls++
	s.lastmod = max(s.lastmod, lastmod)
	if s.pending.Len() < pieceBytes {
		return nil
	}
	return s.piece()
}

// end ends the file being made and writes it: as sitemap.xml when it is
// the last and no part was written before it, else as the next part.
func (s *sitemapWriter) end(last bool) error {
	if s.pending.Len() > 0 {
		if err := s.piece(); err != nil {
			return err
		}
	}
	s.next.Reset()
	must(s.enc.EncodeToken(urlset.End()))
	must(s.enc.Flush())
	s.next.WriteString("\n")
	s.pending.Write(s.next.Bytes())
	if err := s.piece(); err != nil {
		return err
	}
	name := SitemapFile
	if !last || len(s.partsLastmod) > 0 {
		if len(s.partsLastmod) == MaxSitemapURLs {
			return fmt.Errorf("the sitemap needs more than %d files, more than a sitemap index may list", MaxSitemapURLs)
		}
		s.partsLastmod = append(s.partsLastmod, s.lastmod)
		name = SitemapPart(len(s.partsLastmod))
	}
	err := s.write(name, append(s.out.full, s.out.cur))
	s.out = blocks{} // let the file go
	return err
}

// finish ends the last file and, when the sitemap is in parts, writes
// the index.
func (s *sitemapWriter) finish() error {
	if err := s.end(true); err != nil {
		return err
	}
	if len(s.partsLastmod) == 0 {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	index := xml.StartElement{Name: xml.Name{Local: "sitemapindex"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "xmlns"}, Value: sitemapNS},
	}}
	must(enc.EncodeToken(index))
	for i, lastmod := range s.partsLastmod {
		e := sitemapEntry{Loc: escapeURL(s.site.Config.BaseURL + SitemapPart(i+1)), LastMod: lastmod}
		must(enc.EncodeElement(e, xml.StartElement{Name: xml.Name{Local: "sitemap"}}))
	}
	must(enc.EncodeToken(index.End()))
	must(enc.Flush())
	b.WriteString("\n")
	var out blocks
	if err := s.filter(&out, b.Bytes()); err != nil {
		return err
	}
	return s.write(SitemapFile, append(out.full, out.cur))
}

// encodeURL writes a page's <url> element and returns its lastmod, or "".
func encodeURL(enc *xml.Encoder, site *pages.Site, p *pages.Page) string {
	u := sitemapURL{Loc: escapeURL(site.Permalink(p))}
	if !p.Updated().IsZero() {
		u.LastMod = p.Updated().Format(time.DateOnly)
	}
	avail := p.Available()
	if len(avail) > 1 {
		for _, t := range avail {
			u.Alternates = append(u.Alternates, alternate{"alternate", t.Lang.Code, escapeURL(site.Permalink(t))})
		}
		x := avail[0]
		if d := p.Translations[site.Default.Index]; !d.Fallback && d.PageNumber() == p.PageNumber() {
			x = d
		}
		u.Alternates = append(u.Alternates, alternate{"alternate", "x-default", escapeURL(site.Permalink(x))})
	}
	must(enc.EncodeElement(u, xml.StartElement{Name: xml.Name{Local: "url"}}))
	return u.LastMod
}

func must(err error) {
	if err != nil {
		panic(err) // the types above always encode, and blocks never fail
	}
}

// pieceBytes is about how much of the sitemap WriteSitemap gives its
// filter at a time: whole <url> elements, so that a minifier's call costs
// little beside the bytes it minifies.
const pieceBytes = 64 << 10

// blocks is an io.Writer into blocks of blockSize bytes, so that a large
// file grows without copying what it holds.
type blocks struct {
	full [][]byte
	cur  []byte
}

const blockSize = 1 << 20

func (b *blocks) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(b.cur) == cap(b.cur) {
			if b.cur != nil {
				b.full = append(b.full, b.cur)
			}
			b.cur = make([]byte, 0, blockSize)
		}
		k := min(len(p), cap(b.cur)-len(b.cur))
		b.cur = append(b.cur, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

// len returns how many bytes were written.
func (b *blocks) len() int {
	return len(b.full)*blockSize + len(b.cur)
}

// escapeURL percent-encodes a URL's path as the sitemaps protocol asks
// (sitemaps.org: "URL-escaped", RFC 3986): /da/påske/ is /da/p%C3%A5ske/.
func escapeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return u.String()
}
