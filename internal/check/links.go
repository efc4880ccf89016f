package check

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/pages"
)

// markdownLinks reports what each page's Markdown links were found to
// hold as the page was converted (pageReport.markdownLinks), judging now
// what depends on other pages: that a file is written, that a page has an
// id; and it lists the external links.
func (c *checker) markdownLinks() {
	external := map[string][]string{}
	for _, p := range c.realPages() {
		pr := c.pages[p]
		for _, l := range pr.external {
			external[l.url] = append(external[l.url], l.source)
		}
		for _, l := range pr.links {
			switch {
			case l.file != "" && c.out.names[l.file]:
			case l.page != nil && c.hasAnchor(l.page, l.fragment):
			default:
				c.r.Findings = append(c.r.Findings, l.f)
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
		if pr := c.pages[v]; pr != nil && slices.Contains(pr.ids, id) {
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
	for _, name := range sortedKeys(c.out.errs) {
		c.r.add("link", Error, path.Join("public", name), 0, "the rendered page does not parse: %v", c.out.errs[name])
	}
	docs := c.out.scans
	origin, base := c.site.Config.Origin(), c.site.Config.BasePath()
	var msgs []string
	places := map[string][]Place{}
	for _, name := range sortedKeys(docs) {
		for _, u := range docs[name].urls() {
			if strings.HasPrefix(u, "mailto:") || strings.HasPrefix(u, "tel:") {
				continue
			}
			file, frag, internal := Target(u, name, origin, base)
			if !internal || c.reported[name+"\x00"+file+"#"+frag] {
				continue
			}
			var msg string
			switch written := c.out.names[file]; {
			case !written && c.pageOf(file) != nil:
				continue // a page the build could not render: its errors are findings
			case !written:
				msg = fmt.Sprintf("links to %s, which the build does not write", u)
			case frag != "" && docs[file] != nil && !docs[file].hasID(frag):
				msg = fmt.Sprintf("links to %s, whose page has no id %q", u, frag)
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
