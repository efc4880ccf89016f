package hosting

import (
	"bytes"
	"fmt"
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

// Sitemap returns the files of the sitemap (WriteSitemap), not minified,
// by name below the output folder: sitemap.xml alone, or the index
// sitemap.xml and its parts sitemap-1.xml, sitemap-2.xml... Each file is
// joined into one slice; the build writes them with WriteSitemap instead.
func Sitemap(site *pages.Site) map[string][]byte {
	files := map[string][]byte{}
	must(WriteSitemap(site, false, func(name string, parts [][]byte) error {
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
// The files are indented XML, one element a line, as encoding/xml writes
// them with an indent of one space; or, when minified is set, what the
// build's minifier (internal/minifier) makes of them, byte for byte,
// written so without running it (TestSitemapMinified), for the minifier
// took a third of the sitemap's time. The byte limit is kept on the bytes
// as written, but for the <url> element to be added and the end tag,
// which are counted in their indented form, as when the build minified
// the indented form a run of <url> elements at a time: a minified part
// ends at the same <url> as it did then, a few hundred bytes short of the
// limit at most, never past it.
//
// The first error of write is returned; an error too when a single <url>
// element passes the byte limit, or the sitemap needs more than
// MaxSitemapURLs parts.
func WriteSitemap(site *pages.Site, minified bool, write func(name string, parts [][]byte) error) error {
	return writeSitemap(site, minified, write, MaxSitemapURLs, MaxSitemapBytes)
}

// writeSitemap is WriteSitemap with a file's limits as parameters, so
// that tests can cut a small site.
func writeSitemap(site *pages.Site, minified bool, write func(name string, parts [][]byte) error, maxURLs, maxBytes int) error {
	s := &sitemapWriter{site: site, minified: minified, write: write, maxURLs: maxURLs, maxBytes: maxBytes,
		locs: newLocEscaper(site.Config.Origin())}
	s.start()
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
	minified     bool
	write        func(name string, parts [][]byte) error
	maxURLs      int
	maxBytes     int
	locs         *locEscaper
	u            sitemapURL // the <url> being made
	elem         []byte     // its XML
	out          blocks     // the file being made
	urls         int        // in the file being made
	lastmod      string     // the newest of the file being made, or ""
	partsLastmod []string   // of each part written, in order
}

// urlsetEnd is the end of a <urlset> that holds a <url>, indented: what
// an element to be added is counted with.
const urlsetEnd = "\n</urlset>\n"

// start begins a file: the XML declaration and the urlset start tag.
func (s *sitemapWriter) start() {
	s.out, s.urls, s.lastmod = blocks{}, 0, ""
	s.out.WriteString(header(urlsetStart, s.minified))
}

// add adds a page's <url> element unless the page is a fallback page or
// a draft, first ending the file and starting the next when the element
// would pass a limit.
func (s *sitemapWriter) add(p *pages.Page) error {
	if p.Fallback || p.Draft {
		return nil
	}
	s.fill(p)
	s.elem = s.u.append(s.elem[:0], "url", s.minified)
	n := len(s.elem)
	if s.minified {
		n = s.u.indentedLen("url")
	}
	n += len(urlsetEnd)
	if s.urls >= s.maxURLs || s.out.len()+n > s.maxBytes {
		if s.urls == 0 {
			return fmt.Errorf("the sitemap's <url> element of %s takes %d bytes, more than a sitemap file may hold (%d)", s.site.Permalink(p), n, s.maxBytes)
		}
		if err := s.end(false); err != nil {
			return err
		}
		s.start()
	}
	s.out.Write(s.elem)
	s.urls++
	s.lastmod = max(s.lastmod, s.u.lastmod)
	return nil
}

// fill makes s.u the <url> of page p: its permalink, its lastmod, and
// when it has translations, each of them (itself included) as an
// alternate and the default language's, else the first, as x-default.
func (s *sitemapWriter) fill(p *pages.Page) {
	u := &s.u
	u.loc = s.locs.escape(p.Permalink())
	u.lastmod = ""
	if t := p.Updated(); !t.IsZero() {
		u.lastmod = t.Format(time.DateOnly)
	}
	u.alternates = u.alternates[:0]
	n, versions := p.PageNumber(), 0
	for _, t := range p.Translations {
		if !t.Fallback && t.PageNumber() == n {
			versions++
		}
	}
	if versions < 2 {
		return
	}
	var x alternate
	for i, t := range p.Translations {
		if t.Fallback || t.PageNumber() != n {
			continue
		}
		a := alternate{hreflang: t.Lang.Code, href: u.loc}
		if t != p {
			a.href = s.locs.escape(t.Permalink())
		}
		u.alternates = append(u.alternates, a)
		if x.href == "" || i == s.site.Default.Index {
			x = a
		}
	}
	x.hreflang = "x-default"
	u.alternates = append(u.alternates, x)
}

// end ends the file being made and writes it: as sitemap.xml when it is
// the last and no part was written before it, else as the next part.
func (s *sitemapWriter) end(last bool) error {
	s.out.WriteString(footer("urlset", s.urls == 0, s.minified))
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
	b := []byte(header(indexStart, s.minified))
	for i, lastmod := range s.partsLastmod {
		e := sitemapURL{loc: escapeURL(s.site.Config.BaseURL + SitemapPart(i+1)), lastmod: lastmod}
		b = e.append(b, "sitemap", s.minified)
	}
	b = append(b, footer("sitemapindex", false, s.minified)...)
	return s.write(SitemapFile, [][]byte{b})
}

func must(err error) {
	if err != nil {
		panic(err) // blocks never fail
	}
}

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

// WriteString is Write of a string.
func (b *blocks) WriteString(s string) {
	b.Write([]byte(s))
}

// len returns how many bytes were written.
func (b *blocks) len() int {
	return len(b.full)*blockSize + len(b.cur)
}
