package check

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
)

// A pageReport is what the check of one page's Markdown found: its own
// findings, and what the checks across pages need of it. The page's text
// is not kept.
type pageReport struct {
	readability *Readability
	lix         []Finding   // the readability warning, if any
	lint        []Finding   // alt texts, link texts, headings, tables
	links       []linkCheck // in the order of the page's links
	external    []link      // links to other sites
	ids         []string    // every id the body defines, sorted
	hash        string      // of a default-language page: content.File.SourceHash, for its translations
}

// A linkCheck is the finding of one Markdown link: reported as it is, or,
// when it depends on other pages, only if file is not written or page has
// no id fragment.
type linkCheck struct {
	f        Finding
	file     string      // an output file the link needs, not a page's
	page     *pages.Page // a page whose id the link needs
	fragment string
}

// A link is an external link and where it is: "content/da/klage.md:12".
type link struct{ url, source string }

// inspect checks one page's converted Markdown as the build converts it
// (build.Options.Inspect); it runs concurrently.
func (c *checker) inspect(site *pages.Site, p *pages.Page, doc *markdown.Result) {
	if p.Fallback {
		return
	}
	pr := &pageReport{ids: doc.IDs}
	if p.Lang == site.Default {
		pr.hash = p.File.SourceHash()
		pr.readability, pr.lix = readabilityOf(site, p, doc)
	}
	pr.lint = lintPage(p, doc)
	reported := pr.markdownLinks(site, p, doc)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pages[p] = pr
	if c.reported == nil {
		c.reported = map[string]bool{}
	}
	for _, k := range reported {
		c.reported[k] = true
	}
}

// markdownLinks checks the links of a page's Markdown, written as .md
// files or as URLs: the #anchors of links between pages, and that links
// to other files of the site go to a file the build writes; and it lists
// the external links. (Links to pages and files that do not exist are
// build errors.) What depends on other pages is judged once the build is
// done (checker.markdownLinks). It returns the output file and target of
// every link it judged, so that the check of the rendered pages does not
// report a Markdown link again, at the page instead of the line.
func (pr *pageReport) markdownLinks(site *pages.Site, p *pages.Page, d *markdown.Result) (reported []string) {
	origin, base := site.Config.Origin(), site.Config.BasePath()
	for _, l := range d.Links {
		u, err := url.Parse(l.Dest)
		if err != nil {
			pr.links = append(pr.links, linkCheck{f: finding("link", Error, p.File.Path, l.Line, "link %q is not a valid URL: %v", l.Dest, err)})
			continue
		}
		if u.Scheme != "" || strings.HasPrefix(l.Dest, "//") {
			if u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto" || u.Scheme == "tel" {
				pr.external = append(pr.external, link{l.Dest, fmt.Sprintf("%s:%d", p.File.Path, l.Line)})
			}
			continue
		}
		target, err := site.Link(p, l.Dest)
		resolved := target.URL
		if err != nil {
			resolved = l.Dest // what the page holds: a build error already, or a link to a page with errors
		}
		file, frag, ok := Target(resolved, p.OutputFile(), origin, base)
		if ok {
			reported = append(reported, p.OutputFile()+"\x00"+file+"#"+frag)
		}
		if err != nil || !ok {
			continue
		}
		if target.Page == nil && target.Resource == nil && target.Static == "" {
			pr.links = append(pr.links, linkCheck{file: file,
				f: finding("link", Error, p.File.Path, l.Line, "link %q: no such file in the output; put it in static%s", l.Dest, u.Path)})
			continue
		}
		if target.Page == nil || target.Fragment == "" {
			continue
		}
		pr.links = append(pr.links, linkCheck{page: target.Page, fragment: target.Fragment,
			f: finding("anchor", Error, p.File.Path, l.Line, "link %q: %s has no heading or footnote with id %q", l.Dest, describe(target.Page), target.Fragment)})
	}
	return reported
}

func finding(rule, severity, path string, line int, format string, args ...any) Finding {
	return Finding{Rule: rule, Severity: severity, Path: path, Line: line, Message: fmt.Sprintf(format, args...)}
}
