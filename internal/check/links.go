package check

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/pages"
)

// markdownLinks reports what each page's Markdown links were found to
// hold as the page was converted (pageReport.markdownLinks), judging now
// what depends on other pages: that a file is written, that a page has an
// id, and, when the site has its drafts, that a published page does not
// link to a draft; and it lists the external links.
func (c *checker) markdownLinks() {
	external := map[string][]string{}
	origin, base := c.site.Config.Origin(), c.site.Config.BasePath()
	c.reported = map[string]map[string]bool{}
	for _, p := range c.realPages() {
		pr := c.pages[p]
		from := p.OutputFile()
		if keys := pr.judgedFrom(from, origin, base, c.targets.keep); len(keys) > 0 {
			m := c.reported[from]
			if m == nil {
				m = map[string]bool{}
				c.reported[from] = m
			}
			for _, k := range keys {
				m[k] = true
			}
		}
		for _, l := range pr.external {
			external[l.url] = append(external[l.url], l.source)
		}
		for _, l := range pr.links {
			switch l.kind {
			case linkAlways:
				c.r.Findings = append(c.r.Findings, *l.f)
			case linkFile:
				if file, _, _ := Target(l.url, from, origin, base); !c.out.names[file] {
					c.r.Findings = append(c.r.Findings, *l.f)
				}
			case linkPage, linkAnchor:
				target := c.site.Page(l.key, l.lang)
				if target == nil {
					continue // gone: the page is converted again, or its link is a build error
				}
				if c.drafts && !p.Draft && onlyDrafts(c.site, l.key) {
					c.r.add("draft", Error, p.File.Path, l.line, "link %q goes to a draft page, which sitegen build leaves out: publish it or remove the link", l.dest)
				}
				if l.kind == linkAnchor && !c.hasAnchor(target, l.fragment) {
					c.r.add("anchor", Error, p.File.Path, l.line, "link %q: %s has no heading or footnote with id %q", l.dest, describe(target), l.fragment)
				}
			}
		}
	}
	for _, u := range sortedKeys(external) {
		c.r.External = append(c.r.External, External{URL: u, Sources: external[u]})
	}
}

// onlyDrafts reports whether every version of a key that has a file is a
// draft: sitegen build then has no page for the key, and a link to it is
// an error. (A key with a published version in another language gets a
// fallback page where the draft is.)
func onlyDrafts(site *pages.Site, key string) bool {
	found := false
	for _, l := range site.Langs {
		if p := site.Page(key, l.Code); p != nil && !p.Fallback {
			if !p.Draft {
				return false
			}
			found = true
		}
	}
	return found
}

// pageOf returns the page the build writes to an output file, or nil.
// The page may be missing from the output when the build had errors.
func (c *checker) pageOf(file string) *pages.Page {
	if p := c.site.ByPath(strings.TrimSuffix(file, "index.html")); p != nil && p.OutputFile() == file {
		return p
	}
	return nil
}

// hasAnchor reports whether a page defines an id. A fallback page that
// shows its source's text ([fallback] show_default_text) has the source's
// ids, and the anchor works only if the source has it. A fallback page
// that shows only its notice has no ids of its own: the link is right when
// a real version has the id, and the translation is missing (the reader
// follows the notice's link to a version, at its top).
func (c *checker) hasAnchor(p *pages.Page, id string) bool {
	versions := []*pages.Page{p}
	switch {
	case p.Fallback && c.site.Config.Fallback.ShowDefaultText && p.Source() != nil:
		versions = []*pages.Page{p.Source()}
	case p.Fallback:
		versions = p.Available()
	}
	for _, v := range versions {
		if pr := c.pages[v]; pr != nil && slices.Contains(pr.ids, id) {
			return true
		}
		if v.File != nil && c.idsUnknown(v.File.Path) {
			return true
		}
	}
	return false
}

// idsUnknown reports whether the ids of the page at a content file cannot
// be known: its file does not load, or it is the section whose folder also
// held an index.md that the build left out (the editor may move that
// page's text here). Its errors are reported at the file, where the editor
// must fix them, and a link's #anchor is then no error.
func (c *checker) idsUnknown(file string) bool {
	if c.leftOut(file) {
		return true
	}
	dir, name := path.Split(file)
	return name == content.IndexName && c.leftOut(dir+content.BundleName)
}

// leftOut reports whether the build left a content file out for its
// errors (build.Result.Omitted).
func (c *checker) leftOut(file string) bool {
	rest, _ := strings.CutPrefix(file, content.Dir+"/")
	lang, key, _ := strings.Cut(rest, "/")
	return c.omitted[content.PathKey(norm.NFC.String(key))][lang]
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
	c.targets.forget(docs)
	var msgs []string
	places := map[string][]Place{}
	severity := map[string]string{}
	// What a URL names is the same from every page that holds it: judge
	// each once.
	const (
		unjudged = iota
		fine
		missing
		noID
		slashless
	)
	verdicts := make([]uint8, len(c.targets.table))
	for _, name := range sortedKeys(docs) {
		reported := c.reported[name]
		for _, id := range c.targets.of(name, docs[name], origin, base) {
			if int(id) >= len(verdicts) {
				verdicts = append(verdicts, make([]uint8, len(c.targets.table)-len(verdicts))...)
			}
			t := &c.targets.table[id]
			if verdicts[id] == unjudged {
				switch written := c.out.names[t.file]; {
				case !written && c.pageOf(t.file) != nil:
					verdicts[id] = fine // a page the build could not render: its errors are findings
				case !written && c.out.names[folderIndex(t.file)]:
					verdicts[id] = slashless
					if t.frag != "" && docs[folderIndex(t.file)] != nil && !docs[folderIndex(t.file)].hasID(t.frag) {
						verdicts[id] = noID
					}
				case !written:
					verdicts[id] = missing
				case t.frag != "" && docs[t.file] != nil && !docs[t.file].hasID(t.frag):
					verdicts[id] = noID
				default:
					verdicts[id] = fine
				}
			}
			if verdicts[id] == fine || reported[t.key] {
				continue
			}
			msg := fmt.Sprintf("links to %s, which the build does not write", t.url)
			switch verdicts[id] {
			case noID:
				msg = fmt.Sprintf("links to %s, whose page has no id %q", t.url, t.frag)
			case slashless:
				msg = fmt.Sprintf("links to %s, a folder without its final slash: hosts answer with a redirect to %s; link to that", t.url, withSlash(t.url))
			}
			place := Place{Path: path.Join("public", name)}
			if places[msg] == nil {
				msgs = append(msgs, msg)
				severity[msg] = Error
				if verdicts[id] == slashless {
					severity[msg] = Warning
				}
			}
			if !slices.Contains(places[msg], place) {
				places[msg] = append(places[msg], place)
			}
		}
	}
	for _, msg := range msgs {
		ps := places[msg]
		f := Finding{Rule: "link", Severity: severity[msg], Path: ps[0].Path, Message: msg}
		if len(ps) > 1 {
			f.Message += fmt.Sprintf(" (on %d pages: a layout may hold the link)", len(ps))
			f.Places = ps
		}
		c.r.Findings = append(c.r.Findings, f)
	}
}

// folderIndex is the index.html of the folder an output path without
// its final slash names, or "" for a path outside the output folder.
func folderIndex(file string) string {
	if strings.HasPrefix(file, "/") {
		return ""
	}
	return file + "/index.html"
}

// withSlash writes a URL's path with a final slash, its query and
// fragment kept.
func withSlash(u string) string {
	i := strings.IndexAny(u, "?#")
	if i < 0 {
		i = len(u)
	}
	return u[:i] + "/" + u[i:]
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
