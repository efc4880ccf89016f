package check

import (
	"bytes"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A Ref is a URL a rendered page refers to.
type Ref struct {
	Tag      string // "a", "link", "img", "script", "meta", "form"
	URL      string
	Rel      string // of a <link> or <a>
	HrefLang string
	Type     string // of a <link> or <a>: type=, e.g. "application/atom+xml" for a feed
	Text     string // an <a>'s text
}

// A Doc is what the checks need to know of a rendered HTML page.
type Doc struct {
	Lang      string          // <html lang>
	IDs       map[string]bool // every id in the page
	Refs      []Ref
	Noindex   bool
	Inline    []string // inline script, inline style, style and on* attributes: what a strict CSP blocks
	H1        int
	Canonical string
	Addresses []string // placeholder e-mail addresses in the text outside code (see Placeholder addresses), in order
}

// ParseHTML reads a rendered page.
func ParseHTML(data []byte) (*Doc, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	d := &Doc{IDs: map[string]bool{}}
	var walk func(n *html.Node, inCode bool)
	walk = func(n *html.Node, inCode bool) {
		switch n.Type {
		case html.ElementNode:
			d.element(n)
			inCode = inCode || codeElements[n.Data]
		case html.TextNode:
			if !inCode && strings.IndexByte(n.Data, '@') >= 0 {
				d.Addresses = append(d.Addresses, emailsIn(n.Data)...)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inCode)
		}
	}
	walk(root, false)
	return d, nil
}

func (d *Doc) element(n *html.Node) {
	attr := func(name string) string {
		for _, a := range n.Attr {
			if a.Key == name {
				return a.Val
			}
		}
		return ""
	}
	for _, a := range n.Attr {
		switch {
		case a.Key == "id":
			d.IDs[a.Val] = true
		case a.Key == "style":
			d.Inline = append(d.Inline, "style attribute on <"+n.Data+">")
		case strings.HasPrefix(a.Key, "on"):
			d.Inline = append(d.Inline, a.Key+" attribute on <"+n.Data+">")
		}
	}
	switch n.DataAtom {
	case atom.Html:
		d.Lang = attr("lang")
	case atom.H1:
		d.H1++
	case atom.A:
		if href := attr("href"); href != "" {
			d.Refs = append(d.Refs, Ref{Tag: "a", URL: href, Rel: attr("rel"), HrefLang: attr("hreflang"), Type: attr("type"), Text: strings.Join(strings.Fields(textOf(n)), " ")})
		}
		if name := attr("name"); name != "" {
			d.IDs[name] = true
		}
	case atom.Link:
		d.Refs = append(d.Refs, Ref{Tag: "link", URL: attr("href"), Rel: attr("rel"), HrefLang: attr("hreflang"), Type: attr("type")})
		if attr("rel") == "canonical" {
			d.Canonical = attr("href")
		}
	case atom.Img, atom.Script, atom.Iframe, atom.Source, atom.Audio, atom.Video:
		if src := attr("src"); src != "" {
			d.Refs = append(d.Refs, Ref{Tag: n.Data, URL: src})
		} else if n.DataAtom == atom.Script && strings.TrimSpace(textOf(n)) != "" {
			d.Inline = append(d.Inline, "inline <script>")
		}
	case atom.Style:
		d.Inline = append(d.Inline, "inline <style>")
	case atom.Form:
		if action := attr("action"); action != "" {
			d.Refs = append(d.Refs, Ref{Tag: "form", URL: action})
		}
	case atom.Meta:
		switch strings.ToLower(attr("name")) {
		case "robots":
			d.Noindex = strings.Contains(attr("content"), "noindex")
		}
		if strings.EqualFold(attr("http-equiv"), "refresh") {
			if _, u, ok := strings.Cut(attr("content"), "url="); ok {
				d.Refs = append(d.Refs, Ref{Tag: "meta", URL: u})
			}
		}
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// Target finds the output file an internal URL refers to, seen from the
// page at output file from. origin is "https://example.org" and base the
// base path "/sub/"; scheme and host compare without regard to case. The
// fragment is the id the URL names (AnchorID). It returns ok=false for
// external URLs.
func Target(u, from, origin, base string) (file, fragment string, ok bool) {
	parsed, err := url.Parse(u)
	if err != nil {
		return "", "", false
	}
	parsed.Fragment = AnchorID(parsed.Fragment)
	if parsed.Scheme != "" || parsed.Host != "" {
		if !strings.EqualFold(parsed.Scheme+"://"+parsed.Host, origin) {
			return "", "", false
		}
	}
	p := parsed.Path
	switch {
	case p == "" && parsed.Fragment != "":
		return from, parsed.Fragment, true
	case p == "":
		return from, "", true
	case !strings.HasPrefix(p, "/"):
		p = path.Join(base+path.Dir(from), p) // from is below the output folder, which is at base
		if strings.HasSuffix(parsed.Path, "/") {
			p += "/"
		}
	}
	rel, inBase := strings.CutPrefix(p, base)
	switch {
	case !inBase && parsed.Host != "":
		// A full URL on the site's host but outside its base path is
		// another site on the same host (https://x.github.io/other/): an
		// external link.
		return "", "", false
	case !inBase:
		return "/" + strings.TrimPrefix(p, "/"), parsed.Fragment, true // outside the site: reported as missing
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel, parsed.Fragment, true
}

// AnchorID returns the id a URL's fragment names: the fragment without
// its fragment directive, the part from ":~:" on ("#:~:text=the%20words"),
// which a browser reads to scroll to the words, and which is no id (URL
// Fragment Text Directives, WICG, section 3.3). It is "" when the fragment
// is only a directive.
func AnchorID(fragment string) string {
	id, _, _ := strings.Cut(fragment, ":~:")
	return id
}
