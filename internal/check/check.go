// Package check is sitegen check: it builds the site, writing nothing,
// and reports what an editor should fix or know before publishing:
//
//   - links: every internal link and #anchor, in the Markdown and in the
//     rendered pages, resolves; external links are listed, not fetched.
//     A Markdown link written as an absolute URL on the site's own
//     base_url is internal (the build writes it as the page's URL, see
//     package pages): checked at its line, its #anchor too. A rendered
//     link (a layout's, raw HTML's) to a folder the build writes, without
//     its final slash (/docs/faq for docs/faq/index.html), works through
//     the redirect every static host answers with: a warning naming the
//     URL to write, not a broken link.
//     An #anchor into a fallback page is right when the page's source
//     has the id, if the fallback page shows its text ([fallback]
//     show_default_text), else when a version of the page has it: the
//     fallback page shows only its notice and the links to the versions,
//     and the anchor is lost on the way, which is the translation missing,
//     not the link wrong;
//   - translations: for each key and language, ok, missing (served by a
//     fallback page), outdated (translated_from differs from the hash of the
//     default-language page's title and body, or is not set), orphan (no
//     default-language page) or needs review;
//   - UI strings missing in a language, and the site's own strings that no
//     layout uses (a translation of a message the built-in theme defines
//     is the theme's concern);
//   - readability: LIX of each default-language page of MinLIXWords
//     words or more, a warning above [check] lix_max (default 40);
//   - content lint: images without alt text, vague link texts, links and
//     images with no destination ([text](), [text](<>): a browser reads
//     them as a link to the page itself), skipped heading levels, a level 1
//     heading in the body, tables without a header row, pages without a
//     description, titles and descriptions used twice in a language.
//     These are warnings (sitegen check -strict fails on them): the page
//     works, but reads worse.
//   - robots.txt: the site's own static/robots.txt, which the build
//     publishes in place of the generated one (package hosting), names
//     the sitemap; a warning with the line to add when it names none, or
//     names one on the site that the build does not write (robots.go);
//   - placeholders: an e-mail address or a link on a published page whose
//     domain is reserved for examples (.example, .invalid, .test,
//     localhost, example.com/.net/.org) reaches no one; a warning at the
//     sitegen.toml [params] key, the Markdown line or the layout it comes
//     from (see placeholder.go). A contact address left at its example
//     value is the usual cause, so sitegen check -strict, run before
//     publishing, fails on it.
//
// It also lists, as information, the front matter fields the pages have
// that sitegen does not use, such as another generator's (Hugo's toc:,
// Zola's template:): each name once, with the number of files that have
// it and the first of them (UnusedField). Pages keep them for layouts in
// .Page.Params; an editor moving a site sees here what its old theme read.
//
// Drafts are left out, as sitegen build leaves them out: a published
// page's link to a draft is a build error. With build.Options.Drafts
// (sitegen check -drafts) the site is checked as sitegen serve shows it,
// drafts included, and such a link is an error at its Markdown line (rule
// "draft"); Report.Drafts says so. A link to a key published in another
// language is none: sitegen build serves a fallback page in the draft's
// place. sitegen serve's status page is that report.
//
// Findings are errors or warnings; the translation table, readability
// figures, external links and unused fields are information.
//
// # The whole report, always
//
// A site that does not build still gets the whole report: each build
// error is a finding (rule "build"), and every check runs over everything
// that could be read: the pages whose files load, converted and rendered
// as far as the layouts allow. A content file that fails to load shows as
// status "error" in the translation table, and so do its translations when
// it is the default-language page; links to it, and their #anchors, are
// not reported again. So is a file content.Walk reports and leaves out: a
// name that cannot be a URL, a page inside a page bundle, an index.md beside
// an _index.md (one error at the index.md, and no clash of URLs or unknown
// #anchor for its folder, which is the section).
//
// # Each problem once
//
// A problem is reported once, at the place the editor must change: a
// Markdown link at its file and line (never again at the rendered page
// that holds it), a broken link in a layout at the rendered pages, since
// the layout cannot be known. A problem found at several places, with the
// same rule and message, is one finding that names every place: Path and
// Line give the first, Places all of them.
//
// # Memory, and checking as a site is edited
//
// The check goes along with the build (see Run): it keeps each page's
// findings and what the checks across pages need (its ids, the URLs it
// links to), never its text or its rendered HTML, so it needs about the
// memory of sitegen build.
//
// A Checker is that check, kept: it watches a build.Builder's builds and
// updates (its Inspect and Resolved hooks, and the output files given to
// Write and Remove), keeps what it found of each page by content file
// until the page is converted again, and makes a Report on request from
// the site as it is now. The checks of one page run as the page is
// converted; what spans pages (links and anchors between pages, rendered
// links, translations, UI strings, duplicate titles, totals) is judged
// anew in each Report, from what was kept, without converting or parsing
// anything. sitegen serve keeps one beside its Builder, so its status page
// stays current after an edit at the cost of the pages the edit converts
// and renders again.
package check

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/pages"
)

// Severities of findings.
const (
	Error   = "error"
	Warning = "warning"
)

// A Finding is one problem.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path,omitempty"`
	Line     int    `json:"line,omitempty"`
	Message  string `json:"message"`

	// Places is every place the problem is found, when there is more
	// than one; the first is Path and Line.
	Places []Place `json:"places,omitempty"`

	stamp string // the translation the message's sitegen stamp command names, if any
}

// A Place is a file, and a line in it when one applies.
type Place struct {
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
}

// String formats the place as path:line, the path as diag.QuotePath
// prints it.
func (p Place) String() string {
	if p.Path == "" {
		return ""
	}
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", diag.QuotePath(p.Path), p.Line)
	}
	return diag.QuotePath(p.Path)
}

// String formats the finding as path:line: severity: message [rule], with
// a line "  also at path:line" for each further place.
func (f Finding) String() string {
	loc := Place{f.Path, f.Line}.String()
	if loc != "" {
		loc += ": "
	}
	s := fmt.Sprintf("%s%s: %s [%s]", loc, f.Severity, diag.EscapeControls(f.Message), f.Rule)
	for _, p := range f.Places[min(1, len(f.Places)):] {
		s += "\n  also at " + p.String()
	}
	return s
}

// Translation statuses.
const (
	StatusOK          = "ok"
	StatusMissing     = "missing"
	StatusOutdated    = "outdated"
	StatusOrphan      = "orphan"
	StatusNeedsReview = "needs-review"
	StatusError       = "error" // the file, or the default-language file it translates, does not load; see the findings
)

// A KeyStatus is the translation status of one key in every language.
type KeyStatus struct {
	Key    string            `json:"key"`
	Status map[string]string `json:"status"` // by language code
}

// Translations is the translation table.
type Translations struct {
	Languages []string                  `json:"languages"`
	Keys      []KeyStatus               `json:"keys"`
	Totals    map[string]map[string]int `json:"totals"` // language -> status -> count
}

// A Readability is the LIX of one page.
type Readability struct {
	Path      string  `json:"path"`
	LIX       float64 `json:"lix"`
	Band      string  `json:"band"`
	Words     int     `json:"words"`
	Sentences int     `json:"sentences"`
	LongWords int     `json:"long_words"`
}

// An External is an external link and where it is.
type External struct {
	URL     string   `json:"url"`
	Sources []string `json:"sources"` // "content/da/klage.md:12"
}

// UIStrings reports on the layouts' messages.
type UIStrings struct {
	Missing     map[string][]string `json:"missing"` // by language
	Unused      []string            `json:"unused"`
	NeedsReview map[string][]string `json:"needs_review"`
}

// A Report is the result of a check.
type Report struct {
	Version       int           `json:"version"` // of this JSON format
	Errors        int           `json:"errors"`
	Warnings      int           `json:"warnings"`
	Pages         int           `json:"pages"`                     // the Markdown pages checked, of every language: no fallback page, a draft only with Drafts, no file that fails to load
	DraftsLeftOut int           `json:"drafts_left_out,omitempty"` // the Markdown files left out as drafts (without Drafts), not checked
	Findings      []Finding     `json:"findings"`
	Translations  *Translations `json:"translations,omitempty"`
	Readability   []Readability `json:"readability"`
	LIXMax        float64       `json:"lix_max"`
	External      []External    `json:"external_links"`
	UIStrings     *UIStrings    `json:"ui_strings,omitempty"`
	UnusedFields  []UnusedField `json:"unused_fields,omitempty"` // by how many files have each, most first

	// Outdated lists the outdated translations, in the order of the
	// translation table; after Explain, each with what changed in its
	// source since it was stamped.
	Outdated []Outdated `json:"outdated"`

	// Drafts says that the site was checked with its drafts (sitegen
	// check -drafts, and sitegen serve's status page when it shows them):
	// a published page's link to a draft is then an error.
	Drafts bool `json:"drafts,omitempty"`

	// Src is the site folder as sitegen check's -src named it, from the
	// folder check runs in ("" or "." for that folder). WriteText gives
	// it to the commands it suggests ("run: sitegen stamp -src site
	// content/en/a.md"), so that they work when pasted there. The
	// findings' messages, and so the JSON and sitegen serve's status page,
	// name files from the site folder, as every path in the report does.
	Src string `json:"-"`

	Site *pages.Site `json:"-"` // the model checked; nil when none could be resolved
}

// Failed reports whether the check fails: with errors, or with warnings
// when strict.
func (r *Report) Failed(strict bool) bool {
	return r.Errors > 0 || strict && r.Warnings > 0
}

// Run builds the site in src in memory and checks it. A site with build
// errors is checked all the same, as far as it could be built (see the
// package documentation); its build errors are findings. opts.Progress, if
// set, counts the build's work; with opts.Drafts (sitegen check -drafts)
// the site is checked with its drafts, as sitegen serve shows it.
//
// The check goes along with the build (a Checker): each page is checked
// as it is converted (build.Options.Inspect), and each HTML file read for
// its ids and links as it is written, so only the findings and what the
// checks across pages need stay in memory, never a page's text or HTML.
// The pages are checked as rendered, not minified: minifying changes no
// id and no URL.
func Run(src fs.FS, opts build.Options) (*Report, error) {
	c := NewChecker(opts)
	opts.KeepGoing = true
	opts.NoMinify = true
	opts.NoSearch = true // nothing in it is checked
	c.Hook(&opts)
	res, err := build.Build(src, opts, c)
	return c.Report(res, err)
}

// A checker makes one Report from what a Checker found: the pages of the
// site it is made for, each with what its Markdown was found to hold.
type checker struct {
	r        *Report
	res      *build.Result
	site     *pages.Site
	out      *recorder                  // the names of the files the build wrote, and a scan of each HTML file
	omitted  map[string]map[string]bool // key -> language -> its file was left out for its errors
	drafts   bool                       // the site has its drafts
	themeIDs map[string]bool            // the message ids the built-in files define

	pages    map[*pages.Page]*pageReport // of each page with a file that was converted
	reported map[string]map[string]bool  // output file -> file#fragment of the links its Markdown holds, judged there
	targets  *targets                    // the rendered pages' URLs, resolved
}

// omittedFiles maps the content files a build left out ("content/da/b.md")
// by key and language.
func omittedFiles(paths []string) map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, p := range paths {
		rest, _ := strings.CutPrefix(p, "content/")
		lang, key, ok := strings.Cut(rest, "/")
		if !ok {
			continue
		}
		key = content.PathKey(content.PageKey(norm.NFC.String(key))) // a bundle's faq/index.md is the page faq.md, x.markdown is x.md
		if m[key] == nil {
			m[key] = map[string]bool{}
		}
		m[key][lang] = true
	}
	return m
}

func (r *Report) add(rule, severity, path string, line int, format string, args ...any) {
	r.Findings = append(r.Findings, Finding{Rule: rule, Severity: severity, Path: path, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (r *Report) addDiags(l diag.List, rule string) {
	for _, d := range l {
		sev := Error
		if d.Severity == diag.Warning {
			sev = Warning
			if strings.HasPrefix(d.Path, "i18n/") || strings.HasPrefix(d.Msg, build.NeedsReviewWarning) {
				continue // missing and review-marked UI strings and pages: reported by uiStrings and the translations table
			}
		}
		r.add(rule, sev, d.Path, d.Line, "%s", d.Msg)
	}
}

// count sorts the findings by place, makes one finding of each problem
// found at several places (the same rule, severity and message), and
// counts errors and warnings.
func (r *Report) count() {
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		if a.Path != b.Path {
			return strings.Compare(a.Path, b.Path)
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return strings.Compare(a.Message, b.Message)
	})
	type problem struct{ rule, severity, message string }
	first := map[problem]int{} // index in merged
	var merged []Finding
	for _, f := range r.Findings {
		k := problem{f.Rule, f.Severity, f.Message}
		i, seen := first[k]
		if !seen {
			first[k] = len(merged)
			merged = append(merged, f)
			continue
		}
		m := &merged[i]
		if len(m.Places) == 0 {
			m.Places = []Place{{m.Path, m.Line}}
		}
		for _, p := range f.places() {
			if !slices.Contains(m.Places, p) {
				m.Places = append(m.Places, p)
			}
		}
		if len(m.Places) == 1 {
			m.Places = nil
		}
	}
	r.Findings = merged
	r.Errors, r.Warnings = 0, 0
	for _, f := range r.Findings {
		if f.Severity == Error {
			r.Errors++
		} else {
			r.Warnings++
		}
	}
}

// places returns every place of a finding.
func (f Finding) places() []Place {
	if len(f.Places) > 0 {
		return f.Places
	}
	return []Place{{f.Path, f.Line}}
}

// realPages returns the pages that have a file and were converted, in
// the site's order.
func (c *checker) realPages() []*pages.Page {
	var out []*pages.Page
	for _, p := range c.site.Pages {
		if !p.Fallback && c.pages[p] != nil {
			out = append(out, p)
		}
	}
	c.r.Pages = len(out)
	c.r.DraftsLeftOut = c.res.DraftsLeftOut
	return out
}
