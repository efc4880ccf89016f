package check

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/pages"
)

// markdownLinks checks the links of each page's Markdown, written as .md
// files or as URLs: the #anchors of links between pages, and that links to
// other files of the site go to a file the build writes; and it lists the
// external links. (Links to pages and files that do not exist are build
// errors.) It records the
// target of every link it judged, so that the check of the rendered pages
// does not report a Markdown link again, at the page instead of the line.
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
			target, err := c.site.Link(p, l.Dest)
			resolved := target.URL
			if err != nil {
				resolved = l.Dest // what the page holds: a build error already, or a link to a page with errors
			}
			file, frag, ok := Target(resolved, p.OutputFile(), origin, base)
			if ok {
				c.reported[p.OutputFile()+"\x00"+file+"#"+frag] = true
			}
			if err != nil || !ok {
				continue
			}
			if target.Page == nil && target.Resource == nil && target.Static == "" {
				if c.files[file] == nil {
					c.r.add("link", Error, p.File.Path, l.Line, "link %q: no such file in the output; put it in static%s", l.Dest, u.Path)
				}
				continue
			}
			if target.Page == nil || target.Fragment == "" {
				continue
			}
			if !c.hasAnchor(target.Page, target.Fragment) {
				c.r.add("anchor", Error, p.File.Path, l.Line, "link %q: %s has no heading or footnote with id %q", l.Dest, describe(target.Page), target.Fragment)
			}
		}
	}
	for _, u := range sortedKeys(external) {
		c.r.External = append(c.r.External, External{URL: u, Sources: external[u]})
	}
}

// pageOf returns the page the build writes to an output file, or nil.
// The page may be missing from the output when the build had errors.
func (c *checker) pageOf(file string) *pages.Page {
	if p := c.site.ByPath(strings.TrimSuffix(file, "index.html")); p != nil && p.OutputFile() == file {
		return p
	}
	return nil
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

// renderedLinks checks every internal URL in every rendered page that no
// Markdown link put there: the file exists in the output, and so does
// the #id it names. Such a link comes from a layout, so one broken link is
// often on many pages: it is one finding that names them all.
func (c *checker) renderedLinks() {
	docs := map[string]*Doc{}
	for name, data := range c.files {
		if strings.HasSuffix(name, ".html") {
			d, err := ParseHTML(data)
			if err != nil {
				c.r.add("link", Error, path.Join("public", name), 0, "the rendered page does not parse: %v", err)
				continue
			}
			docs[name] = d
		}
	}
	origin, base := c.site.Config.Origin(), c.site.Config.BasePath()
	var msgs []string
	places := map[string][]Place{}
	for _, name := range sortedKeys(docs) {
		for _, ref := range docs[name].Refs {
			if strings.HasPrefix(ref.URL, "mailto:") || strings.HasPrefix(ref.URL, "tel:") {
				continue
			}
			file, frag, internal := Target(ref.URL, name, origin, base)
			if !internal || c.reported[name+"\x00"+file+"#"+frag] {
				continue
			}
			var msg string
			switch _, written := c.files[file]; {
			case !written && c.pageOf(file) != nil:
				continue // a page the build could not render: its errors are findings
			case !written:
				msg = fmt.Sprintf("links to %s, which the build does not write", ref.URL)
			case frag != "" && docs[file] != nil && !docs[file].IDs[frag]:
				msg = fmt.Sprintf("links to %s, whose page has no id %q", ref.URL, frag)
			default:
				continue
			}
			place := Place{Path: path.Join("public", name)}
			if places[msg] == nil {
				msgs = append(msgs, msg)
			}
			if !slices.Contains(places[msg], place) {
				places[msg] = append(places[msg], place)
			}
		}
	}
	for _, msg := range msgs {
		ps := places[msg]
		f := Finding{Rule: "link", Severity: Error, Path: ps[0].Path, Message: msg}
		if len(ps) > 1 {
			f.Message += fmt.Sprintf(" (on %d pages: a layout may hold the link)", len(ps))
			f.Places = ps
		}
		c.r.Findings = append(c.r.Findings, f)
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
