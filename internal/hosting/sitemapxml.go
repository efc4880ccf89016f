package hosting

import (
	"strings"
	"unicode/utf8"
)

// The sitemap's XML is written by hand: encoding/xml took most of a large
// sitemap's time marshalling each <url> by reflection, and the XML
// minifier over its output as much again (issue 30). Each element is
// written in one of two forms, each byte for byte what the build wrote
// before:
//
//   - indented, as encoding/xml's Encoder with Indent("", " ") writes a
//     struct of string fields (EncodeElement), text and attribute values
//     escaped as its EscapeString escapes them;
//   - minified, as the build's minifier (internal/minifier, which runs
//     tdewolff/minify's XML minifier) makes of the indented form: no
//     whitespace between tags, an element without content as <x/>, and
//     character references as it rewrites them.
//
// TestSitemapXML and FuzzSitemapXML hold each form to its reference.

// A sitemapURL is one <url> of a sitemap, or one <sitemap> of a sitemap
// index (which has no alternates): its strings as they are, not escaped
// for XML.
type sitemapURL struct {
	loc        string      // the page's URL, percent-encoded (escapeURL); begins with the site's origin
	lastmod    string      // "2006-01-02", or "" for none
	alternates []alternate // the page's versions, x-default last; none when it has one
}

// An alternate is an <xhtml:link rel="alternate"> of a <url>.
type alternate struct {
	hreflang, href string
}

// xmlHeader is encoding/xml's Header: the XML declaration and a newline.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// The start tags of a sitemap and a sitemap index, as both forms write
// them (the minifier leaves them as they are).
const (
	urlsetStart = `<urlset xmlns="` + sitemapNS + `" xmlns:xhtml="` + xhtmlNS + `">`
	indexStart  = `<sitemapindex xmlns="` + sitemapNS + `">`
)

// header returns the start of a sitemap file up to its root's start tag
// (urlsetStart or indexStart): in the indented form, the XML declaration
// on a line of its own.
func header(start string, minified bool) string {
	if minified {
		return strings.TrimSuffix(xmlHeader, "\n") + start
	}
	return xmlHeader + start
}

// footer returns the end of a sitemap file whose root is named root:
// its end tag and a final newline, which the minifier drops. In the
// indented form the end tag is on a line of its own when the root holds
// an element; encoding/xml writes it right after the start tag of an
// empty root. The minifier made no <urlset/> of an empty root either, as
// the build minified the start and the end of a file apart.
func footer(root string, empty, minified bool) string {
	switch {
	case minified:
		return "</" + root + ">"
	case empty:
		return "</" + root + ">\n"
	}
	return "\n</" + root + ">\n"
}

// append appends u as an element named tag ("url" or "sitemap"), a child
// of the root, in the indented or the minified form.
func (u *sitemapURL) append(b []byte, tag string, minified bool) []byte {
	if minified {
		return u.appendMinified(b, tag)
	}
	b = append(b, "\n <"...)
	b = append(b, tag...)
	b = append(b, ">\n  <loc>"...)
	b = appendEscaped(b, u.loc, &indentedEscapes)
	b = append(b, "</loc>"...)
	if u.lastmod != "" {
		b = append(b, "\n  <lastmod>"...)
		b = appendEscaped(b, u.lastmod, &indentedEscapes)
		b = append(b, "</lastmod>"...)
	}
	for _, a := range u.alternates {
		b = append(b, "\n  "+linkStart+` hreflang="`...)
		b = appendEscaped(b, a.hreflang, &indentedEscapes)
		b = append(b, `" href="`...)
		b = appendEscaped(b, a.href, &indentedEscapes)
		b = append(b, `"></xhtml:link>`...)
	}
	b = append(b, "\n </"...)
	b = append(b, tag...)
	return append(b, '>')
}

// linkStart begins an alternate's tag.
const linkStart = `<xhtml:link rel="alternate"`

// indentedLen returns how many bytes the indented form of u takes, as
// append writes it.
func (u *sitemapURL) indentedLen(tag string) int {
	n := len("\n <>\n  <loc></loc>\n </>") + 2*len(tag) + escapedLen(u.loc)
	if u.lastmod != "" {
		n += len("\n  <lastmod></lastmod>") + escapedLen(u.lastmod)
	}
	for _, a := range u.alternates {
		n += len("\n  "+linkStart+` hreflang="" href=""></xhtml:link>`) + escapedLen(a.hreflang) + escapedLen(a.href)
	}
	return n
}

// appendMinified appends u as an element named tag in the minified form.
func (u *sitemapURL) appendMinified(b []byte, tag string) []byte {
	b = append(b, '<')
	b = append(b, tag...)
	b = append(b, '>')
	b = appendMinifiedText(b, "loc", u.loc)
	if u.lastmod != "" {
		b = appendMinifiedText(b, "lastmod", u.lastmod)
	}
	for _, a := range u.alternates {
		b = append(b, linkStart+` hreflang=`...)
		b = appendMinifiedAttr(b, a.hreflang)
		b = append(b, ` href=`...)
		b = appendMinifiedAttr(b, a.href)
		b = append(b, "/>"...)
	}
	b = append(b, "</"...)
	b = append(b, tag...)
	return append(b, '>')
}

// appendMinifiedText appends an element named name holding text s, as
// the minifier writes it: its character references as the minifier's
// text has them (the quotes as they are, tab, newline and carriage return
// in decimal), each run of spaces as one space, none at the start or the
// end; and <name/> when nothing is left. Dropping the spaces at the start
// is right for the first text of the minifier's input, which a <loc> is
// for each piece it minified; a later <loc> would keep one, but no loc
// has any, beginning with the site's origin.
func appendMinifiedText(b []byte, name, s string) []byte {
	start := len(b)
	b = append(b, '<')
	b = append(b, name...)
	b = append(b, '>')
	text := len(b)
	b = appendEscaped(b, s, &minifiedTextEscapes)
	if strings.IndexByte(s, ' ') >= 0 {
		b = squeezeSpaces(b, text)
	}
	if len(b) == text {
		b = append(b[:start], '<')
		b = append(b, name...)
		return append(b, "/>"...)
	}
	b = append(b, "</"...)
	b = append(b, name...)
	return append(b, '>')
}

// squeezeSpaces makes each run of spaces in b[from:] one space and drops
// a space at its start and its end, as the minifier does with the spaces
// of a text between tags. The escapes write no spaces, so the spaces in
// b[from:] are the text's own.
func squeezeSpaces(b []byte, from int) []byte {
	n := from
	space := true // drop the spaces at the start
	for _, c := range b[from:] {
		if c == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b[n] = c
		n++
	}
	if n > from && b[n-1] == ' ' {
		n--
	}
	return b[:n]
}

// appendMinifiedAttr appends an attribute value s, quoted, as the
// minifier writes it: in double quotes, or in single quotes when s holds
// more double quotes than single ones; the quote it is in as a
// character reference, the other quote as it is, tab, newline and
// carriage return in decimal.
func appendMinifiedAttr(b []byte, s string) []byte {
	quote, esc := byte('"'), &minifiedDoubleEscapes
	if strings.IndexByte(s, '"') >= 0 && strings.Count(s, `"`) > strings.Count(s, "'") {
		quote, esc = '\'', &minifiedSingleEscapes
	}
	b = append(b, quote)
	b = appendEscaped(b, s, esc)
	return append(b, quote)
}

// escapes says what a form writes for an ASCII byte, "" for the byte
// itself. Each form writes an invalid rune of UTF-8 and every rune XML
// does not allow (control bytes but tab, newline and carriage return;
// U+FFFE and U+FFFF) as U+FFFD, as encoding/xml does.
type escapes [utf8.RuneSelf]string

var (
	// indentedEscapes is encoding/xml's EscapeString, for text and
	// attribute values alike.
	indentedEscapes = newEscapes(map[byte]string{
		'"': "&#34;", '\'': "&#39;", '&': "&amp;", '<': "&lt;", '>': "&gt;",
		'\t': "&#x9;", '\n': "&#xA;", '\r': "&#xD;",
	})
	// minifiedTextEscapes is what the minifier makes of those in text:
	// it writes the quotes as they are (EntitiesMap) and tab, newline
	// and carriage return in decimal (TextRevEntitiesMap).
	minifiedTextEscapes = newEscapes(map[byte]string{
		'&': "&amp;", '<': "&lt;", '>': "&gt;",
		'\t': "&#9;", '\n': "&#10;", '\r': "&#13;",
	})
	// minifiedDoubleEscapes and minifiedSingleEscapes are what it makes
	// of them in an attribute value, which it quotes with " or ' (its
	// EscapeAttrVal).
	minifiedDoubleEscapes = newEscapes(map[byte]string{
		'"': "&#34;", '&': "&amp;", '<': "&lt;", '>': "&gt;",
		'\t': "&#9;", '\n': "&#10;", '\r': "&#13;",
	})
	minifiedSingleEscapes = newEscapes(map[byte]string{
		'\'': "&#39;", '&': "&amp;", '<': "&lt;", '>': "&gt;",
		'\t': "&#9;", '\n': "&#10;", '\r': "&#13;",
	})
)

// newEscapes returns the escapes of a form: those given, and U+FFFD for
// the control bytes XML does not allow.
func newEscapes(given map[byte]string) escapes {
	var e escapes
	for c := range byte(0x20) {
		e[c] = "\uFFFD"
	}
	for c, s := range given {
		e[c] = s
	}
	return e
}

// appendEscaped appends s escaped by esc.
func appendEscaped(b []byte, s string, esc *escapes) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if e := esc[c]; e != "" {
				b = append(b, s[last:i]...)
				b = append(b, e...)
				last = i + 1
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !allowedRune(r, w) {
			b = append(b, s[last:i]...)
			b = append(b, "\uFFFD"...)
			last = i + w
		}
		i += w
	}
	return append(b, s[last:]...)
}

// escapedLen returns len(appendEscaped(nil, s, &indentedEscapes)).
func escapedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if e := indentedEscapes[c]; e != "" {
				n += len(e) - 1
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !allowedRune(r, w) {
			n += len("\uFFFD") - w
		}
		i += w
	}
	return n
}

// allowedRune reports whether a rune of two or more bytes that decoded
// as r from w bytes is written as it is: it is valid UTF-8 and XML allows
// it (encoding/xml's isInCharacterRange; the surrogates do not decode).
func allowedRune(r rune, w int) bool {
	return !(r == utf8.RuneError && w == 1) && r != 0xFFFE && r != 0xFFFF
}
