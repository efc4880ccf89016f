package check

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/pages"
)

// markdownLinks checks the #anchors of links between pages, written as
// .md files or as URLs, and lists the external links. (Links to pages and
// files that do not exist are build errors.) It records the URLs it reported, so the
// check of the rendered pages does not report them again without a line.
func (c *checker) markdownLinks() {
	external := map[string][]string{}
	c.reported = map[string]bool{}
	origin, base := c.site.Config.Origin(), c.site.Config.BasePath()
	for _, p := range c.realPages() {
		d := c.doc(p)
		for _, l := range d.Links {
			u, err := url.Parse(l.Dest)
			if err != nil {
				c.r.add("link", Error, p.File.Path, l.Line, "link %q is not a valid URL: %v", l.Dest, err)
				continue
			}
			if u.Scheme != "" || strings.HasPrefix(l.Dest, "//") {
				if u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto" || u.Scheme == "tel" {
					external[l.Dest] = append(external[l.Dest], fmt.Sprintf("%s:%d", p.File.Path, l.Line))
				}
				continue
			}
			// Links that resolve to nothing are build errors already.
			target, err := c.site.Link(p, l.Dest)
			if err != nil {
				continue
			}
			if target.Page == nil && target.Resource == nil && target.Static == "" {
				if file, _, ok := Target(target.URL, p.OutputFile(), origin, base); ok && c.files[file] == nil {
					c.r.add("link", Error, p.File.Path, l.Line, "link %q: no such file in the output; put it in static%s", l.Dest, u.Path)
					c.reported[p.OutputFile()+"\x00"+target.URL] = true
				}
				continue
			}
			if target.Page == nil || target.Fragment == "" {
				continue
			}
			if !c.hasAnchor(target.Page, target.Fragment) {
				c.r.add("anchor", Error, p.File.Path, l.Line, "link %q: %s has no heading or footnote with id %q", l.Dest, describe(target.Page), target.Fragment)
				c.reported[p.OutputFile()+"\x00"+target.URL] = true
			}
		}
	}
	for _, u := range sortedKeys(external) {
		c.r.External = append(c.r.External, External{URL: u, Sources: external[u]})
	}
}

// hasAnchor reports whether a page defines an id. For a fallback page it
// asks the real versions: the link is right, the translation is missing.
func (c *checker) hasAnchor(p *pages.Page, id string) bool {
	versions := []*pages.Page{p}
	if p.Fallback {
		versions = p.Available()
	}
	for _, v := range versions {
		if d := c.doc(v); d != nil && slices.Contains(d.IDs, id) {
			return true
		}
	}
	return false
}

func describe(p *pages.Page) string {
	if p.File != nil {
		return p.File.Path
	}
	return "/" + p.Path
}

// renderedLinks checks every internal URL in every rendered page: the
// file exists in the output, and so does the #id it names.
func (c *checker) renderedLinks() {
	docs := map[string]*Doc{}
	for name, data := range c.files {
		if strings.HasSuffix(name, ".html") {
			d, err := ParseHTML(data)
			if err != nil {
				c.r.add("link", Error, name, 0, "the rendered page does not parse: %v", err)
				continue
			}
			docs[name] = d
		}
	}
	origin, base := c.site.Config.Origin(), c.site.Config.BasePath()
	type broken struct{ first, msg string }
	problems := map[string]*broken{}
	counts := map[string]int{}
	for _, name := range sortedKeys(docs) {
		for _, ref := range docs[name].Refs {
			if strings.HasPrefix(ref.URL, "mailto:") || strings.HasPrefix(ref.URL, "tel:") {
				continue
			}
			file, frag, internal := Target(ref.URL, name, origin, base)
			if !internal || c.reported[name+"\x00"+ref.URL] {
				continue
			}
			var msg string
			if _, ok := c.files[file]; !ok {
				msg = fmt.Sprintf("links to %s, which the build does not write", ref.URL)
			} else if frag != "" && docs[file] != nil && !docs[file].IDs[frag] {
				msg = fmt.Sprintf("links to %s, whose page has no id %q", ref.URL, frag)
			}
			if msg == "" {
				continue
			}
			if problems[msg] == nil {
				problems[msg] = &broken{first: name, msg: msg}
			}
			counts[msg]++
		}
	}
	for _, msg := range sortedKeys(problems) {
		b := problems[msg]
		more := ""
		if n := counts[msg]; n > 1 {
			more = fmt.Sprintf(" (and %d more times; a layout may hold the link)", n-1)
		}
		c.r.add("link", Error, path.Join("public", b.first), 0, "%s%s", b.msg, more)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
