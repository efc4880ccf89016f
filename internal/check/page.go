package check

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
)

// A pageReport is what the check of one page's Markdown found: its own
// findings, and what the checks across pages need of it. The page's text
// is not kept, nor any *pages.Page: the site model may be resolved again
// (build.Builder.Update) while the page is not converted again, so other
// pages are named by key and language and looked up in the model of each
// Report.
type pageReport struct {
	readability      *Readability
	lix              []Finding   // the readability warning, if any
	lint             []Finding   // alt texts, link texts, headings, tables
	links            []linkCheck // in the order of the page's links
	external         []link      // links to other sites
	judged           []string    // the URLs (as resolved) of the links judged here, not again at the rendered page
	judgedKeys       []string    // what they name, file#fragment, seen from the output file judgedAt
	judgedAt         string
	ids              []string  // every id the body defines, sorted
	placeholders     []string  // the placeholder addresses and links of its Markdown links, reported there
	textPlaceholders []string  // the placeholder e-mail addresses in its Markdown text, reported if the rendered page shows them
	hash             string    // of a default-language page: content.File.SourceHash, for its translations
	diags            diag.List // the build's problems in converting the page
}

// A linkCheck is one Markdown link that may be a finding: reported as it
// is (kind linkAlways, with f), or, when it depends on other pages, only
// if the output file its URL names is not written (linkFile, with f), or
// the page it goes to has no id fragment (linkAnchor), or, in a check
// with drafts, exists only as drafts while the page that links does not
// (linkPage, and linkAnchor). The findings of the last two are made when
// they are found, since most links are fine.
type linkCheck struct {
	kind      linkKind
	line      int
	f         *Finding
	url       string // the link's URL, as resolved (linkFile)
	dest      string // the link as written
	key, lang string // the page the link goes to
	fragment  string
}

type linkKind uint8

const (
	linkAlways linkKind = iota
	linkFile
	linkPage
	linkAnchor
)

// A link is an external link and where it is: "content/da/klage.md:12".
type link struct{ url, source string }

// inspectPage checks one page's converted Markdown as the build converts
// it (Checker.Inspect).
func inspectPage(site *pages.Site, p *pages.Page, doc *markdown.Result, drafts bool) *pageReport {
	pr := &pageReport{ids: doc.IDs}
	if p.Lang == site.Default {
		pr.hash = p.File.SourceHash()
		pr.readability, pr.lix = readabilityOf(site, p, doc)
	}
	pr.lint = lintPage(p, doc)
	pr.markdownPlaceholders(p.File.Path, doc, site.Config.Origin())
	pr.markdownLinks(site, p, doc, drafts)
	return pr
}

// markdownLinks checks the links of a page's Markdown, written as .md
// files or as URLs: the #anchors of links between pages, and that links
// to other files of the site go to a file the build writes; and it lists
// the external links. (Links to pages and files that do not exist are
// build errors.) What depends on other pages is judged when the report is
// made (checker.markdownLinks). It records the URL of every link it
// judged, so that the check of the rendered pages does not report a
// Markdown link again, at the page instead of the line.
func (pr *pageReport) markdownLinks(site *pages.Site, p *pages.Page, d *markdown.Result, drafts bool) {
	origin, base := site.Config.Origin(), site.Config.BasePath()
	for _, l := range d.Links {
		u, err := url.Parse(l.Dest)
		if err != nil {
			f := finding("link", Error, p.File.Path, l.Line, "link %q is not a valid URL: %v", l.Dest, err)
			pr.links = append(pr.links, linkCheck{kind: linkAlways, f: &f})
			continue
		}
		if (u.Scheme != "" || strings.HasPrefix(l.Dest, "//")) && !ownURL(l.Dest, origin, base) {
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
		_, _, ok := Target(resolved, p.OutputFile(), origin, base)
		if ok {
			pr.judged = append(pr.judged, resolved)
		}
		if err != nil || !ok {
			continue
		}
		if target.Page == nil && target.Resource == nil && target.Static == "" {
			if l.Image {
				continue // an image no file has is a build error already
			}
			f := finding("link", Error, p.File.Path, l.Line, "link %q: no such file in the output; put it in static%s", l.Dest, u.Path)
			if u.Host != "" {
				f = finding("link", Error, p.File.Path, l.Line, "link %q names this site (base_url), but no page or file has its path; link to the page's .md file, or put the file in static/", l.Dest)
			}
			pr.links = append(pr.links, linkCheck{kind: linkFile, url: resolved, f: &f})
			continue
		}
		switch {
		case target.Page == nil:
		case AnchorID(target.Fragment) != "":
			pr.links = append(pr.links, linkCheck{kind: linkAnchor, line: l.Line, dest: l.Dest,
				key: target.Page.Key, lang: target.Page.Lang.Code, fragment: AnchorID(target.Fragment)})
		case drafts:
			pr.links = append(pr.links, linkCheck{kind: linkPage, line: l.Line, dest: l.Dest,
				key: target.Page.Key, lang: target.Page.Lang.Code})
		}
	}
}

// ownURL reports whether an absolute URL is on the site's own base URL:
// the build resolves it as a link from the site's root (pages.Site.Link),
// and it is checked as one.
func ownURL(u, origin, base string) bool {
	_, _, ok := Target(u, "", origin, base)
	return ok
}

// judgedFrom returns what the URLs of the links judged in the Markdown
// name (file#fragment), seen from the page's output file from. With keep
// it keeps them for the next report: a page's output file changes only
// when the site model is resolved again, and its Markdown seldom. A
// Checker's reports are made one at a time, so this needs no lock.
func (pr *pageReport) judgedFrom(from, origin, base string, keep bool) []string {
	if pr.judgedAt == from && pr.judgedKeys != nil || len(pr.judged) == 0 {
		return pr.judgedKeys
	}
	keys := make([]string, 0, len(pr.judged))
	for _, u := range pr.judged {
		if file, frag, ok := Target(u, from, origin, base); ok {
			keys = append(keys, file+"#"+frag)
		}
	}
	if keep {
		pr.judgedKeys, pr.judgedAt = keys, from
	}
	return keys
}

func finding(rule, severity, path string, line int, format string, args ...any) Finding {
	return Finding{Rule: rule, Severity: severity, Path: path, Line: line, Message: fmt.Sprintf(format, args...)}
}
