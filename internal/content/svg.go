package content

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// checkSVG says why an SVG file beside a page must not be published, at
// its line, or returns nil. A browser runs an SVG's script when the SVG
// is opened as a document (a link to it, a new tab), with the site's
// origin and its Content-Security-Policy, which lets the site's own files
// run script. So an SVG in content/ may draw, and not:
//
//   - run script: <script>, event handler attributes (onload=, onclick=,
//     in any namespace), javascript: and vbscript: URLs, data: URLs other
//     than PNG, JPEG, GIF and WebP images, or animations (<set>,
//     <animate>) of an event handler or a reference;
//   - hold HTML, which may hold script: <foreignObject>, <iframe>,
//     <object>, <embed>, elements of the XHTML namespace;
//   - load anything from another host, which tells that host who reads
//     the page: href=, xlink:href= and src= on any element but <a>, and
//     url(...), @import and strings in CSS, may only name the SVG's own
//     parts (#id) and the site's files; a link (<a href>) may go to http,
//     https, mailto and tel URLs, as a Markdown link may;
//   - hide markup from this check: a DOCTYPE with declarations of its own
//     (its entities can expand to elements), an <?xml-stylesheet?> (XSLT
//     can write script), CSS escapes, or anything that is not well-formed
//     XML (browsers do not show such an SVG at all).
func checkSVG(data []byte) *LineError {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var style []bool // for each open element, whether it is a <style>
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			return &LineError{line, fmt.Sprintf("the SVG is not well-formed XML (%s), so browsers do not show it: save it again from the drawing program", svgErr(err))}
		}
		var msg string
		switch t := tok.(type) {
		case xml.StartElement:
			style = append(style, strings.EqualFold(t.Name.Local, "style"))
			msg = svgElement(t)
		case xml.EndElement:
			style = style[:len(style)-1]
		case xml.CharData:
			if len(style) > 0 && style[len(style)-1] {
				msg = svgCSS(string(t), "<style>")
			}
		case xml.ProcInst:
			if strings.EqualFold(t.Target, "xml-stylesheet") {
				msg = "<?xml-stylesheet?> loads a stylesheet or XSLT, which can add script; put the style in the SVG's own <style>"
			}
		case xml.Directive:
			if bytes.ContainsAny(t, "[<") {
				msg = "the DOCTYPE declares entities or elements of its own, which can hide markup; remove the part in [ ]"
			}
		}
		if msg != "" {
			return &LineError{line, msg + ": save the drawing without it, or put the SVG in static/ if the site's developers vouch for it " +
				"(if every editor is trusted, set unsafe_html = true under [markdown] in sitegen.toml)"}
		}
	}
}

// svgErr returns an XML error without the package's prefix.
func svgErr(err error) string {
	s := err.Error()
	if i := strings.Index(s, ": "); i >= 0 && strings.HasPrefix(s, "XML syntax error") {
		return s[i+2:]
	}
	return s
}

// svgRefused are elements an SVG in content/ may not hold, by lower-case
// local name in any namespace, with why.
var svgRefused = map[string]string{
	"script":        "runs script",
	"handler":       "runs script",
	"listener":      "runs script",
	"foreignobject": "holds HTML, which can run script",
	"iframe":        "holds another document, which can run script",
	"object":        "holds another document, which can run script",
	"embed":         "holds another document, which can run script",
	"frame":         "holds another document, which can run script",
	"base":          "changes where every link of the SVG goes",
}

// svgElement says what is wrong with one start tag, or "".
func svgElement(t xml.StartElement) string {
	local := strings.ToLower(t.Name.Local)
	if why, ok := svgRefused[local]; ok {
		return fmt.Sprintf("the SVG has a <%s> element, which %s", t.Name.Local, why)
	}
	if strings.Contains(strings.ToLower(t.Name.Space), "xhtml") {
		return fmt.Sprintf("the SVG has an HTML element <%s>; HTML can run script", t.Name.Local)
	}
	for _, a := range t.Attr {
		name := strings.ToLower(a.Name.Local)
		if a.Name.Space == "xmlns" || a.Name.Space == "" && name == "xmlns" {
			continue // a namespace declaration names no resource
		}
		if strings.HasPrefix(name, "on") {
			return fmt.Sprintf("the SVG has an event handler, %s=, which runs script", a.Name.Local)
		}
		switch {
		case name == "base":
			return fmt.Sprintf("<%s xml:base=%q> changes where the SVG's references go", t.Name.Local, truncate(a.Value))
		case name == "attributename":
			v := strings.ToLower(strings.TrimSpace(a.Value))
			if strings.HasPrefix(v, "on") || v == "href" || strings.HasSuffix(v, ":href") || v == "src" {
				return fmt.Sprintf("<%s> animates %s, which can make it run script or load from another host", t.Name.Local, a.Value)
			}
		case name == "href" || name == "src":
			if msg := svgURL(a.Value, local == "a"); msg != "" {
				return fmt.Sprintf("<%s %s=%q>: %s", t.Name.Local, a.Name.Local, truncate(a.Value), msg)
			}
			continue
		case name == "style":
			if msg := svgCSS(a.Value, "style="); msg != "" {
				return msg
			}
			continue
		}
		// Presentation attributes take CSS values (fill="url(#g)").
		if strings.Contains(strings.ToLower(a.Value), "url(") {
			if msg := svgCSS(a.Value, a.Name.Local+"="); msg != "" {
				return msg
			}
		}
		// Any other value, such as an animation's values="...;...", may
		// still become a URL: none may run script.
		for part := range strings.SplitSeq(a.Value, ";") {
			if scheme := scriptScheme(part); scheme != "" {
				return fmt.Sprintf("<%s %s=%q> has a %s URL, which runs script or holds a document", t.Name.Local, a.Name.Local, truncate(a.Value), scheme)
			}
		}
	}
	return ""
}

// svgURL says what is wrong with a reference in an SVG, or "". link says
// whether it is a link (<a href>), which loads nothing until followed.
func svgURL(v string, link bool) string {
	if scheme := scriptScheme(v); scheme != "" {
		return "a " + scheme + " URL runs script or holds a document"
	}
	u := urlText(v)
	if !strings.HasPrefix(u, "//") && !hasScheme(u) || strings.HasPrefix(u, "data:") {
		return "" // the SVG's own parts (#id), the site's files, or an image it holds
	}
	if link && (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "mailto:") || strings.HasPrefix(u, "tel:")) {
		return ""
	}
	if link {
		return "a link may go to http, https, mailto and tel URLs"
	}
	return "this loads a file from another host, which learns who reads the page; put the file beside the SVG and refer to it by its name"
}

var cssURL = regexp.MustCompile(`url\(\s*([^)"'\s]*)`)
var cssString = regexp.MustCompile(`"([^"]*)"|'([^']*)'`)

// svgCSS says what is wrong with CSS in an SVG (in a <style> element or a
// style= attribute, where), or "".
func svgCSS(css, where string) string {
	low := strings.ToLower(css)
	switch {
	case strings.Contains(low, `\`):
		return "the SVG's CSS (" + where + ") has escapes (\\), which can hide a URL"
	case strings.Contains(low, "@import"):
		return "the SVG's CSS (" + where + ") has @import, which loads CSS from elsewhere"
	case strings.Contains(low, "expression(") || strings.Contains(low, "behavior") || strings.Contains(low, "-moz-binding"):
		return "the SVG's CSS (" + where + ") can run script"
	}
	var refs []string
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		refs = append(refs, m[1])
	}
	for _, m := range cssString.FindAllStringSubmatch(css, -1) {
		refs = append(refs, m[1]+m[2])
	}
	for _, r := range refs {
		if msg := svgURL(r, false); msg != "" {
			return fmt.Sprintf("the SVG's CSS (%s) refers to %q: %s", where, truncate(r), msg)
		}
	}
	return ""
}

// urlText returns a URL as a browser reads it, lower case: without the
// spaces and control characters around it and without tabs and line
// breaks inside it, which browsers drop ("java\tscript:" is
// "javascript:").
func urlText(v string) string {
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	return strings.ToLower(v)
}

// scriptScheme returns the scheme of a URL that runs script or opens a
// document of its own ("javascript:", "vbscript:", "data:" other than an
// image), or "".
func scriptScheme(v string) string {
	u := urlText(v)
	for _, s := range []string{"javascript:", "vbscript:", "livescript:"} {
		if strings.HasPrefix(u, s) {
			return s
		}
	}
	if strings.HasPrefix(u, "data:") {
		for _, img := range []string{"image/png", "image/jpeg", "image/gif", "image/webp"} {
			if rest, ok := strings.CutPrefix(u, "data:"+img); ok && (strings.HasPrefix(rest, ";") || strings.HasPrefix(rest, ",")) {
				return ""
			}
		}
		return "data:"
	}
	return ""
}

// hasScheme reports whether a lower-case URL starts with a scheme
// ("https:", "ftp:").
func hasScheme(u string) bool {
	for i, c := range u {
		switch {
		case c >= 'a' && c <= 'z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

func truncate(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
