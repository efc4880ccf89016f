package hosting

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"time"

	"github.com/udenmitid/sitegen/internal/pages"
)

// This file keeps the sitemap writer as it was before it wrote XML by
// hand (commit 9dd0413): encoding/xml with an indent, each piece passed
// through a filter (the build's minifier). Tests compare the sitemap of
// today with its output, byte for byte, minified and not.

type refURL struct {
	Loc        string         `xml:"loc"`
	LastMod    string         `xml:"lastmod,omitempty"`
	Alternates []refAlternate `xml:"xhtml:link"`
}

type refAlternate struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type refEntry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// refWriteSitemap is writeSitemap as it was.
func refWriteSitemap(site *pages.Site, filter func(w io.Writer, piece []byte) error, write func(name string, parts [][]byte) error, maxURLs, maxBytes int) error {
	if filter == nil {
		filter = func(w io.Writer, piece []byte) error {
			_, err := w.Write(piece)
			return err
		}
	}
	s := &refWriter{site: site, filter: filter, write: write, maxURLs: maxURLs, maxBytes: maxBytes}
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

type refWriter struct {
	site         *pages.Site
	filter       func(w io.Writer, piece []byte) error
	write        func(name string, parts [][]byte) error
	maxURLs      int
	maxBytes     int
	enc          *xml.Encoder
	next         bytes.Buffer
	pending      bytes.Buffer
	out          blocks
	urls         int
	lastmod      string
	partsLastmod []string
}

var refURLSet = xml.StartElement{Name: xml.Name{Local: "urlset"}, Attr: []xml.Attr{
	{Name: xml.Name{Local: "xmlns"}, Value: sitemapNS},
	{Name: xml.Name{Local: "xmlns:xhtml"}, Value: xhtmlNS},
}}

func (s *refWriter) start() error {
	s.out, s.urls, s.lastmod = blocks{}, 0, ""
	s.next.Reset()
	s.next.WriteString(xml.Header)
	s.enc = xml.NewEncoder(&s.next)
	s.enc.Indent("", " ")
	refMust(s.enc.EncodeToken(refURLSet))
	refMust(s.enc.Flush())
	s.pending.Write(s.next.Bytes())
	return s.piece()
}

func (s *refWriter) piece() error {
	err := s.filter(&s.out, s.pending.Bytes())
	s.pending.Reset()
	return err
}

func (s *refWriter) add(p *pages.Page) error {
	if p.Fallback || p.Draft {
		return nil
	}
	s.next.Reset()
	lastmod := refEncodeURL(s.enc, s.site, p)
	refMust(s.enc.Flush())
	n := s.next.Len() + len("\n</urlset>\n")
	if s.urls >= s.maxURLs || s.out.len()+s.pending.Len()+n > s.maxBytes {
		if s.pending.Len() > 0 {
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
			if err := s.start(); err != nil {
				return err
			}
			s.next.Reset()
			refEncodeURL(s.enc, s.site, p)
			refMust(s.enc.Flush())
		}
	}
	s.pending.Write(s.next.Bytes())
	s.urls++
	s.lastmod = max(s.lastmod, lastmod)
	if s.pending.Len() < 64<<10 {
		return nil
	}
	return s.piece()
}

func (s *refWriter) end(last bool) error {
	if s.pending.Len() > 0 {
		if err := s.piece(); err != nil {
			return err
		}
	}
	s.next.Reset()
	refMust(s.enc.EncodeToken(refURLSet.End()))
	refMust(s.enc.Flush())
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
	s.out = blocks{}
	return err
}

func (s *refWriter) finish() error {
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
	refMust(enc.EncodeToken(index))
	for i, lastmod := range s.partsLastmod {
		e := refEntry{Loc: escapeURL(s.site.Config.BaseURL + SitemapPart(i+1)), LastMod: lastmod}
		refMust(enc.EncodeElement(e, xml.StartElement{Name: xml.Name{Local: "sitemap"}}))
	}
	refMust(enc.EncodeToken(index.End()))
	refMust(enc.Flush())
	b.WriteString("\n")
	var out blocks
	if err := s.filter(&out, b.Bytes()); err != nil {
		return err
	}
	return s.write(SitemapFile, append(out.full, out.cur))
}

func refEncodeURL(enc *xml.Encoder, site *pages.Site, p *pages.Page) string {
	u := refURL{Loc: escapeURL(site.Permalink(p))}
	if !p.Updated().IsZero() {
		u.LastMod = p.Updated().Format(time.DateOnly)
	}
	avail := p.Available()
	if len(avail) > 1 {
		for _, t := range avail {
			u.Alternates = append(u.Alternates, refAlternate{"alternate", t.Lang.Code, escapeURL(site.Permalink(t))})
		}
		x := avail[0]
		if d := p.Translations[site.Default.Index]; !d.Fallback && d.PageNumber() == p.PageNumber() {
			x = d
		}
		u.Alternates = append(u.Alternates, refAlternate{"alternate", "x-default", escapeURL(site.Permalink(x))})
	}
	refMust(enc.EncodeElement(u, xml.StartElement{Name: xml.Name{Local: "url"}}))
	return u.LastMod
}

func refMust(err error) {
	if err != nil {
		panic(err)
	}
}
