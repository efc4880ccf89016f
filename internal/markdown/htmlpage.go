package markdown

import (
	"bytes"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ConvertHTML makes the Result of an HTML page (package content: an HTML
// file that begins with front matter, as Hugo reads one): its body is the
// page's HTML as it is, since a site allows such pages only where every
// editor is trusted, as it allows raw HTML in Markdown. The Result tells
// the rest of the build what a Markdown page's would: the ids the body
// defines, its headings (h1 to h6, with their ids and lines; firstLine
// is the file line of the body's first line) and its text, block by
// block, up to about textWords words (0 for none, AllText for all), for
// the search index and sitegen check. Links are not resolved: they are
// HTML, written for the URLs they name.
func ConvertHTML(body []byte, firstLine int, textWords int) *Result {
	res := &Result{HTML: body, RawHTML: true}
	z := html.NewTokenizer(bytes.NewReader(body))
	line := firstLine
	var text strings.Builder
	var heading *Heading
	skip := 0 // inside script, style or template
	collect, remaining := textWords != 0, textWords
	flush := func() {
		t := strings.Join(strings.Fields(text.String()), " ")
		text.Reset()
		if t == "" || !collect {
			return
		}
		res.Text = append(res.Text, t)
		if textWords != AllText {
			remaining -= strings.Count(t, " ") + 1
			collect = remaining > 0
		}
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		tokLine := line
		line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			id := ""
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) == "id" || a == atom.A && string(k) == "name" {
					if s := string(v); s != "" {
						res.IDs = append(res.IDs, s)
						if id == "" {
							id = s
						}
					}
				}
			}
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Template:
				if tt == html.StartTagToken {
					skip++
				}
			case headingLevel(a) > 0:
				flush()
				heading = &Heading{Level: headingLevel(a), ID: id, Line: tokLine}
			case blockTags[a]:
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Template:
				skip = max(0, skip-1)
			case headingLevel(a) > 0 && heading != nil:
				heading.Text = strings.Join(strings.Fields(text.String()), " ")
				res.Headings = append(res.Headings, *heading)
				heading = nil
				flush()
			case blockTags[a]:
				flush()
			}
		case html.TextToken:
			if skip == 0 {
				text.Write(z.Text())
			}
		}
	}
	flush()
	slices.Sort(res.IDs)
	res.IDs = slices.Compact(res.IDs)
	return res
}

// headingLevel returns the level of a heading element, or 0.
func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// blockTags are the elements whose text is a block of its own: a
// paragraph, an item, a cell.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Td: true, atom.Th: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Figcaption: true, atom.Caption: true, atom.Br: true, atom.Tr: true, atom.Ul: true, atom.Ol: true,
}

// htmlIDs returns the ids raw HTML defines: id attributes, and the name of
// an <a>.
func htmlIDs(raw []byte) []string {
	var ids []string
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ids
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if (string(k) == "id" || string(name) == "a" && string(k) == "name") && len(v) > 0 {
				ids = append(ids, string(v))
			}
		}
	}
}
