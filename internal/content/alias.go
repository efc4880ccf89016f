package content

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An Alias is an old URL of a page, from aliases: in its front matter.
type Alias struct {
	Path string // decoded, from the site root: "/da/gammel-øl/"
	Line int    // the line of the file it is written on
}

// ParseAlias checks an old URL written in aliases: and returns it decoded.
// An alias is the path a browser requests, below the base URL's path:
// "/da/gammel-side/", "/da/gammel-%C3%B8l/" or "/da/gammel-øl/" (the two
// are the same request, since browsers percent-encode what is not ASCII
// and hosts decode it before they look for the file). The decoded bytes
// are kept as they are: they name the file the old links request.
//
// What a static host cannot serve as a file is refused, naming the
// character: "?" and "#" (a query or fragment is not part of the file's
// path), "%" without two hex digits (not an escape; browsers and hosts
// disagree about it), control characters, "\" (browsers turn it into "/"),
// the characters RFC 3986 leaves out of URLs (" < > ^ ` { | }), "*" and
// ":" (wildcard and placeholder in _redirects, and not allowed in Windows
// file names), "+" (Amazon S3 reads it as a space), empty, "." and ".."
// segments (browsers remove dot segments before they send a request), and
// characters that are unassigned or for private use. Everything else is
// served: letters of any script, digits, spaces, dashes and other
// punctuation of any script, "-", "_", ".", "~", "!", "$", "&", "'", "(",
// ")", ",", ";", "=" and "@" (RFC 3986's unreserved characters and
// sub-delimiters).
func ParseAlias(s string) (string, error) {
	if !strings.HasPrefix(s, "/") {
		if i := strings.Index(s, "://"); i > 0 {
			return "", fmt.Errorf("%q is a full URL; write only its path from the site root, like /da/gammel-side/", s)
		}
		return "", fmt.Errorf("%q is not a path from the site root; start it with /, like /da/gammel-side/", s)
	}
	decoded, err := decodePercent(s)
	if err != nil {
		return "", fmt.Errorf("%q: %v", s, err)
	}
	for _, r := range decoded {
		if msg := unservable(r); msg != "" {
			return "", fmt.Errorf("%q has %s: %s", s, RuneName(r), msg)
		}
	}
	segs := strings.Split(decoded[1:], "/")
	for i, seg := range segs {
		switch {
		case seg == "" && i < len(segs)-1:
			return "", fmt.Errorf("%q has an empty segment (//), which hosts merge or refuse; write a single /", s)
		case seg == "." || seg == "..":
			return "", fmt.Errorf("%q has a %q segment, which browsers remove before they send the request; write the path it stands for", s, seg)
		}
	}
	return decoded, nil
}

// decodePercent decodes %XX escapes. The result must be UTF-8.
func decodePercent(s string) (string, error) {
	if !strings.Contains(s, "%") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			end := min(i+3, len(s))
			return "", fmt.Errorf("%q is not a percent-escape (%% and two hex digits), so browsers and hosts read it differently; write %%25 for a %% sign", s[i:end])
		}
		b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
		i += 2
	}
	out := b.String()
	if !utf8.ValidString(out) {
		return "", fmt.Errorf("its escapes do not decode to UTF-8 text; old URLs in another encoding cannot be matched")
	}
	return out, nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// unservable says why r cannot be in an alias, or "".
func unservable(r rune) string {
	switch r {
	case '?':
		return "it starts a query, which hosts ignore when they look for the file; an alias can only be the path before it"
	case '#':
		return "it starts a fragment, which browsers never send to the host; leave it and what follows out"
	case '\\':
		return "browsers turn it into /"
	case '"', '<', '>', '^', '`', '{', '|', '}':
		return "RFC 3986 leaves it out of URLs, and browsers and hosts escape it differently"
	case '*':
		return "_redirects reads it as a wildcard, and Windows file names cannot hold it"
	case ':':
		return "_redirects reads it as a placeholder, and Windows file names cannot hold it"
	case '+':
		return "some hosts (Amazon S3) read it as a space"
	case utf8.RuneError:
		return "it is not a character"
	}
	switch {
	case unicode.IsControl(r):
		return "a control character cannot be sent in a URL"
	case unicode.In(r, unicode.Zl, unicode.Zp, unicode.Co, unicode.Cs):
		return "it is a line break or has no meaning a URL can carry"
	case !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs, unicode.Cf):
		return "it is not an assigned character"
	}
	return ""
}
