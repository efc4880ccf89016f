package hosting

import (
	"net/url"
	"strings"
)

// escapeURL percent-encodes a URL's path as the sitemaps protocol asks
// (sitemaps.org: "URL-escaped", RFC 3986): /da/påske/ is /da/p%C3%A5ske/.
// A URL url.Parse refuses is returned as it is.
func escapeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return u.String()
}

// A locEscaper is escapeURL for the permalinks of one site, without
// parsing those that are the site's origin and a path of unreserved
// characters (RFC 3986: letters, digits, "-", ".", "_", "~"), slashes and
// bytes of non-ASCII runes: url.Parse and URL.String took a third of
// the sitemap's time (issue 30). It gives what escapeURL gives
// (FuzzLocEscaper): such a path is escaped by percent-encoding each
// non-ASCII byte, in upper case; any other URL is left to escapeURL.
type locEscaper struct {
	origin string // "https://example.org", or "" when escapeURL changes it
	buf    []byte
}

// newLocEscaper returns the locEscaper of a site at origin
// (config.Config.Origin: scheme and host).
func newLocEscaper(origin string) *locEscaper {
	// The fast path needs origin+"/" to parse as an origin and the root
	// path, and url.URL to write it back as it is: not so for a host
	// with non-ASCII letters or a zone, whose URLs are each parsed.
	u, err := url.Parse(origin + "/")
	if err != nil || u.Path != "/" || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.String() != origin+"/" {
		origin = ""
	}
	return &locEscaper{origin: origin}
}

// escape returns escapeURL(s).
func (e *locEscaper) escape(s string) string {
	path, ok := strings.CutPrefix(s, e.origin)
	if e.origin == "" || !ok || !strings.HasPrefix(path, "/") {
		return escapeURL(s)
	}
	ascii := true
	for i := 0; i < len(path); i++ {
		switch c := path[i]; {
		case c >= 0x80:
			ascii = false
		case !unreserved[c] && c != '/':
			return escapeURL(s)
		}
	}
	if ascii {
		return s
	}
	b := append(e.buf[:0], e.origin...)
	for i := 0; i < len(path); i++ {
		if c := path[i]; c >= 0x80 {
			b = append(b, '%', upperHex[c>>4], upperHex[c&15])
		} else {
			b = append(b, c)
		}
	}
	e.buf = b
	return string(b)
}

const upperHex = "0123456789ABCDEF"

// unreserved holds RFC 3986's unreserved characters, which url.URL
// writes as they are in a path.
var unreserved = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", byte(c)) >= 0
	}
	return t
}()
