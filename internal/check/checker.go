package check

import (
	"errors"
	"maps"
	"sync"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
)

// A Checker checks a site as a build makes it, and keeps what it found
// for a Report: of each page, what its Markdown holds (as
// build.Options.Inspect shows it each converted page), and of each output
// file, its name and, for HTML, its ids and links (Write). Builds and
// updates of one site may follow each other (build.Builder.Update): a
// page converted again, or a file written again, replaces what was
// found before, and Remove forgets output files that are gone. Report
// then judges what depends on several pages against the site as it is
// now. Run is one Checker with one build; sitegen serve keeps one Checker
// beside its Builder, so the status page stays current after an edit at
// the cost of the pages the edit converts and writes again.
//
// What a Checker keeps of a page is keyed by its content file's path,
// and is looked up in the site model of each Report, so it stays right
// when an Update resolves the model again: a page that is no longer in
// the model (its file removed, or a draft left out) is forgotten.
type Checker struct {
	drafts   bool            // the build shows drafts: a published page's link to one is a finding
	themeIDs map[string]bool // the message ids the built-in files (build.Options.Defaults) define
	out      *recorder

	mu       sync.Mutex
	pages    map[string]*pageReport // by content file path, as each was last converted
	warnings diag.List              // of the site model as last resolved

	targets targets // kept from report to report when incremental; only Report uses it
}

// NewChecker returns a Checker for builds with opts, which must be the
// options of the builds it watches as far as Drafts and Incremental go.
// For an incremental Builder (sitegen serve) the Checker keeps what it
// resolved of each page's links from report to report, at some memory; for
// one build it does not (Run).
func NewChecker(opts build.Options) *Checker {
	c := &Checker{drafts: opts.Drafts, out: newRecorder(), pages: map[string]*pageReport{}, themeIDs: map[string]bool{}}
	for _, id := range locale.IDsIn(opts.Defaults) {
		c.themeIDs[id] = true
	}
	c.targets.keep = opts.Incremental
	return c
}

// Hook sets opts.Inspect and opts.Resolved to the Checker's, for the
// builds it watches.
func (c *Checker) Hook(opts *build.Options) {
	opts.Inspect = c.Inspect
	opts.Resolved = c.Resolved
}

// Inspect checks one page's converted Markdown and records what the
// checks across pages need of it (build.Options.Inspect); it runs
// concurrently. It keeps neither doc nor the page's text.
func (c *Checker) Inspect(site *pages.Site, p *pages.Page, doc *markdown.Result, diags diag.List) {
	if p.Fallback {
		return
	}
	pr := inspectPage(site, p, doc, c.drafts)
	pr.diags = diags
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pages[p.File.Path] = pr
}

// Resolved records the warnings of the site model just resolved
// (build.Options.Resolved).
func (c *Checker) Resolved(site *pages.Site, warnings diag.List) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.warnings = warnings
}

// Write records an output file, name below the output folder: it is a
// build.Output. An HTML file is read for its ids and links, and its bytes
// are not kept. It is called concurrently.
func (c *Checker) Write(name string, data []byte) error { return c.out.Write(name, data) }

// Remove forgets output files that a build no longer writes
// (build.Changes.Removed).
func (c *Checker) Remove(names ...string) { c.out.remove(names...) }

// Report judges what the Checker found against the build's result: res
// and err as the last build or Update returned them, which must be the
// build whose files were last written. A build error (a diag.List) is
// reported as findings, and the rest of the report is made from res, if
// any (build.Options.KeepGoing); any other error is returned. Report
// does no conversion and reads no file: it needs a fraction of a build's
// time. It must not run while the Checker watches a build, nor twice at
// once: sitegen serve runs it under its build lock.
func (c *Checker) Report(res *build.Result, err error) (*Report, error) {
	r := &Report{Version: 1, Drafts: c.drafts}
	if err != nil {
		var l diag.List
		if !errors.As(err, &l) {
			return nil, err
		}
		r.addDiags(l, "build")
	}
	if res == nil || res.Site == nil {
		r.count()
		return r, nil
	}
	r.Site = res.Site
	c.mu.Lock()
	k := &checker{r: r, res: res, site: res.Site, out: c.out, omitted: omittedFiles(res.Omitted), drafts: c.drafts, targets: &c.targets, themeIDs: c.themeIDs}
	k.pages = make(map[*pages.Page]*pageReport, len(c.pages))
	live := make(map[string]bool, len(res.Site.Pages))
	for _, p := range res.Site.Pages {
		if p.Fallback || p.File == nil {
			continue
		}
		live[p.File.Path] = true
		if pr := c.pages[p.File.Path]; pr != nil {
			k.pages[p] = pr
		}
	}
	maps.DeleteFunc(c.pages, func(path string, _ *pageReport) bool { return !live[path] })
	r.addDiags(c.warnings, "build")
	c.mu.Unlock()
	// The warnings of the pages converted and the model resolved, as the
	// Checker saw them: an Update's res.Warnings has those of its own work
	// only. A warning found twice is one finding (count).
	r.addDiags(res.Warnings, "build")
	for _, p := range k.realPages() {
		r.addDiags(k.pages[p].diags, "build")
	}
	k.translations()
	k.uiStrings()
	k.readability()
	k.lint()
	k.markdownLinks()
	k.renderedLinks()
	k.robots()
	k.renderedPlaceholders()
	k.unusedFields()
	r.count()
	return r, nil
}
