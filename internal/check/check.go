// Package check is sitegen check: it builds the site in memory, writing
// nothing, and reports what an editor should fix or know before
// publishing:
//
//   - links: every internal link and #anchor, in the Markdown and in the
//     rendered pages, resolves; external links are listed, not fetched;
//   - translations: for each key and language, ok, missing (served by a
//     fallback page), outdated (translated_from differs from the hash of the
//     default-language page's title and body, or is not set), orphan (no
//     default-language page) or needs review;
//   - UI strings missing in a language, and defined but used by no layout;
//   - readability: LIX of each default-language page, a warning above
//     [check] lix_max (default 40);
//   - content lint: images without alt text, vague link texts, skipped
//     heading levels, a level 1 heading in the body, tables without a
//     header row, titles and descriptions used twice in a language.
//
// Findings are errors or warnings; the translation table, readability
// figures and external links are information.
package check

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/publish"
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
}

func (f Finding) String() string {
	loc := f.Path
	if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d", f.Path, f.Line)
	}
	if loc != "" {
		loc += ": "
	}
	return fmt.Sprintf("%s%s: %s [%s]", loc, f.Severity, f.Message, f.Rule)
}

// Translation statuses.
const (
	StatusOK          = "ok"
	StatusMissing     = "missing"
	StatusOutdated    = "outdated"
	StatusOrphan      = "orphan"
	StatusNeedsReview = "needs-review"
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
	Version      int           `json:"version"` // of this JSON format
	Errors       int           `json:"errors"`
	Warnings     int           `json:"warnings"`
	Pages        int           `json:"pages"`
	Findings     []Finding     `json:"findings"`
	Translations *Translations `json:"translations,omitempty"`
	Readability  []Readability `json:"readability"`
	LIXMax       float64       `json:"lix_max"`
	External     []External    `json:"external_links"`
	UIStrings    *UIStrings    `json:"ui_strings,omitempty"`

	Site *pages.Site `json:"-"` // the model checked, when the site built
}

// Failed reports whether the check fails: with errors, or with warnings
// when strict.
func (r *Report) Failed(strict bool) bool {
	return r.Errors > 0 || strict && r.Warnings > 0
}

// Run builds the site in src in memory and checks it. A site that does not
// build gives a report of its build errors.
func Run(src fs.FS, opts build.Options) (*Report, error) {
	opts.Text = true
	mem := publish.NewMemory()
	res, err := build.Build(src, opts, mem)
	r := &Report{Version: 1}
	if err != nil {
		var l diag.List
		if !errors.As(err, &l) {
			return nil, err
		}
		r.addDiags(l, "build")
		r.count()
		return r, nil
	}
	r.Site = res.Site
	c := &checker{r: r, res: res, site: res.Site, files: mem.Files()}
	r.addDiags(res.Warnings, "build")
	c.translations()
	c.uiStrings()
	c.readability()
	c.lint()
	c.markdownLinks()
	c.renderedLinks()
	r.count()
	return r, nil
}

type checker struct {
	r        *Report
	res      *build.Result
	site     *pages.Site
	files    map[string][]byte
	reported map[string]bool // output file + URL of links already reported with a line
}

func (r *Report) add(rule, severity, path string, line int, format string, args ...any) {
	r.Findings = append(r.Findings, Finding{Rule: rule, Severity: severity, Path: path, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (r *Report) addDiags(l diag.List, rule string) {
	for _, d := range l {
		sev := Error
		if d.Severity == diag.Warning {
			sev = Warning
			if strings.HasPrefix(d.Path, "i18n/") {
				continue // missing and review-marked UI strings: reported by uiStrings
			}
		}
		r.add(rule, sev, d.Path, d.Line, "%s", d.Msg)
	}
}

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
	r.Findings = slices.Compact(r.Findings)
	r.Errors, r.Warnings = 0, 0
	for _, f := range r.Findings {
		if f.Severity == Error {
			r.Errors++
		} else {
			r.Warnings++
		}
	}
}

// realPages returns the pages that have a file, with their converted
// Markdown.
func (c *checker) realPages() []*pages.Page {
	var out []*pages.Page
	for _, p := range c.site.Pages {
		if !p.Fallback && c.res.Docs[p] != nil {
			out = append(out, p)
		}
	}
	c.r.Pages = len(out)
	return out
}

func (c *checker) doc(p *pages.Page) *markdown.Result { return c.res.Docs[p] }
