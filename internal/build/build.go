// Package build runs the stages of a site build in order, and is the only
// package that knows them all:
//
//	load     sitegen.toml, content/, i18n/, layouts/, static/  (config, content, locale, render)
//	resolve  the site model: URLs, translations, fallback pages (pages)
//	convert  each page's Markdown, its links resolved, its
//	         images measured                                   (markdown, imagesize)
//	render   each page with its layout and UI strings          (render)
//	minify   HTML, CSS, JS, SVG, JSON, XML                     (minifier)
//	feeds    the Atom feed of each listing with dated pages     (atom)
//	write    into an Output: a folder swapped in at the end, or memory (publish)
//
// Feeds are written as atom makes them, not minified (a full-text entry's
// <pre> keeps its white space); for full_text feeds the build keeps the
// converted HTML of the pages feeds hold, and no other page's. A listing's
// numbered pages after the first are rendered without its text.
//
// Every file of static/ (the theme's, and the site's, which replaces a
// theme file of the same name) is written as it is, byte for byte, at its
// own name, so Markdown, raw HTML and other static files reach it by the
// name they were written with. A CSS or JavaScript file a layout asks for
// by name ({{ .Asset "css/site.css" }}) is written once more, minified,
// under a name that holds its hash ("css/site.3f9a1c2b.css"), which the
// layout gets with its integrity value; with Options.Dev it keeps its own
// name. The files beside pages (content/<lang>/**, not Markdown) are
// written as they are, when they are media or documents that run no
// script (content.CheckResource; any file with unsafe_html = true). An
// image a page embeds from them or from static/ gets width=, height= and
// loading="lazy", and a warning when it is larger than a phone needs
// (MaxImageWidth, MaxImageBytes).
//
// Data flows one way: each stage takes the values the one before returned.
// A stage reports every problem it finds. A build that found errors
// returns them all; what it wrote to its Output must then be thrown away
// (publish.Dir.Abort does so).
//
// A Builder keeps what it loaded, so that sitegen serve can rebuild after
// an edit by re-reading only the changed files and re-rendering only the
// pages the change can reach (see Update).
//
// sitegen check builds with Options.KeepGoing, so that one broken file
// does not hide the rest of its report, and sitegen build and check count
// their work in Options.Progress for a progress line.
package build

import (
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/hosting"
	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/progress"
	"github.com/udenmitid/sitegen/internal/render"
)

// Options configure a build.
type Options struct {
	BaseURL  string // replaces base_url from sitegen.toml when set
	Drafts   bool   // include pages with draft: true (sitegen serve)
	Defaults fs.FS  // built-in layouts, i18n and static files, beneath the site's own; may be nil
	NoMinify bool   // write HTML and assets as rendered
	Text     bool   // keep each page's converted Markdown, all of its text included, in Result.Docs (tests; check uses Inspect)
	Dev      bool   // for sitegen serve: assets keep their names and have no integrity hash, so a stylesheet can be swapped in place; no search index is written
	NoSearch bool   // write no search index (sitegen check): the search page names it all the same

	// Incremental keeps what the build converted and rendered from, so
	// that Builder.Update can rebuild after an edit (sitegen serve).
	Incremental bool

	// KeepGoing makes a build that finds errors go on as far as the
	// inputs allow, and return beside its error a Result of what it could
	// still make (sitegen check reports on all of it): the site model
	// without the content files that failed to load (Result.Omitted), the
	// converted Markdown of every page in it, and whatever was rendered.
	// Such a Result is for reports only; its output must not be published.
	KeepGoing bool

	// Inspect, when set, is called each time the Builder converts a
	// page's Markdown: once for each page with a content file in Build,
	// and, in Update, for each page it converts again (the changed pages,
	// and pages whose links now go elsewhere); a page whose converted
	// Markdown is reused is not inspected again, since it would give the
	// same doc. It gets the site model the page was converted in, the page,
	// its converted Markdown (all of its text) and the problems the
	// conversion found (diags: errors and warnings at the page's file). It
	// is called concurrently, from the build's goroutines, before the page
	// is rendered, and also in an Update that then fails. It may read doc
	// but must not keep or change it: the Builder keeps what it needs of
	// doc for Update, without its text. With it, a check reads each page
	// as it goes and keeps only what it finds, instead of every page's
	// text (Text). The stand-ins of files that do not load (KeepGoing)
	// are not inspected.
	Inspect func(site *pages.Site, p *pages.Page, doc *markdown.Result, diags diag.List)

	// Resolved, when set, is called each time the Builder resolves the
	// site model: in Build, and in an Update that adds, removes or moves
	// pages or changes what other pages show of one (titles, slugs,
	// menus, drafts), before any page is converted. It gets the model
	// and the warnings found in resolving it (at content files, e.g. a
	// slug on a home page). Pages not in site are gone: their content
	// files were removed, or left out (drafts without Drafts). An Update
	// that only changes pages' bodies keeps the model, and does not call
	// it.
	Resolved func(site *pages.Site, warnings diag.List)

	// Progress, when set, counts the build's work as it goes: content
	// files read, pages converted and written (a progress line on a
	// terminal, package progress).
	Progress *progress.Counts
}

// An Output receives the files of a build. Write is called concurrently,
// and must not keep data after it returns: the build reuses the buffer.
// The build gives it only names that are paths inside the output (a name
// that is not is an error of its source). An error from Write is the
// Output's failure, such as a full disk: the build writes nothing more,
// and reports that one error.
type Output interface {
	Write(name string, data []byte) error
}

// A Result describes a finished build.
type Result struct {
	Site     *pages.Site
	Docs     map[*pages.Page]*markdown.Result // with Options.Text: the converted Markdown of each real page
	Catalog  *locale.Catalog
	Layouts  *render.Templates
	Assets   map[string]*render.Asset // the files layouts asked for (.Asset) and the search indexes, by name
	Static   []string                 // the files published from static/ as they are, by name, sorted
	Warnings diag.List
	Files    int // files written
	Duration time.Duration

	// DraftsLeftOut counts the Markdown files left out as drafts (draft:
	// true, a publish_date to come, an expiry_date past), one a file;
	// none with Options.Drafts.
	DraftsLeftOut int

	// Omitted lists, for a failed build with Options.KeepGoing, the
	// content files that are not in Site because of their errors, sorted.
	Omitted []string
}

// Build builds the site in src into out. On failure the error is a
// diag.List of every problem found.
func Build(src fs.FS, opts Options, out Output) (*Result, error) {
	return NewBuilder(src, opts).Build(out)
}

// checkLanguages reports each site language that has no message file in
// any layer, with every message id it needs in one error: the ids the
// layouts use and the ids the other languages define. Without this the
// editor would learn them one failed render at a time.
func checkLanguages(site *pages.Site, cat *locale.Catalog, layouts *render.Templates) diag.List {
	var diags diag.List
	for _, l := range site.Langs {
		if cat.HasFile(l.Code) {
			continue
		}
		ids := slices.Concat(layouts.MessageIDs(), cat.IDs())
		slices.Sort(ids)
		ids = slices.Compact(ids)
		file := locale.Dir + "/" + l.Code + ".toml"
		diags.Errorf(file, 0, "language %q has no UI strings (the built-in theme has none for it): create %s with these %d messages, translated from another language's file: %s",
			l.Code, file, len(ids), strings.Join(ids, ", "))
	}
	return diags
}

// langWithoutStrings reports whether a language of the site has no UI
// strings at all, which checkLanguages reports.
func (b *Builder) langWithoutStrings(site *pages.Site) bool {
	for _, l := range site.Langs {
		if !b.catalog.HasFile(l.Code) {
			return true
		}
	}
	return false
}

// NeedsReviewWarning begins the build's warning about a language's UI
// strings and pages marked needs_review, which sitegen check reports in
// its own tables instead.
const NeedsReviewWarning = "needs review in "

// reportMessages warns about UI strings a language lacks and about
// translations marked for review: one line a language, at a file the
// editor can open. The strings are those the site's own files mark (the
// theme's marks are for sitegen check), named by the file each comes from,
// which for de-CH may be i18n/de.toml (locale.Chain); the line stands at
// the first such file, or at the first page marked when no string is.
func reportMessages(cat *locale.Catalog, site *pages.Site) diag.List {
	var diags diag.List
	for _, l := range site.Langs {
		file := locale.Dir + "/" + l.Code + ".toml"
		if missing := cat.Missing(l.Code); len(missing) > 0 && cat.HasFile(l.Code) {
			diags.Warnf(file, 0, "%d UI %s missing, shown in %s instead: %s", len(missing), plural(len(missing), "string", "strings"), site.Default.Code, strings.Join(missing, ", "))
		}
		var review []string
		for _, p := range site.Pages {
			if p.Lang == l && p.NeedsReview {
				review = append(review, p.File.Path)
			}
		}
		files, counts := reviewFiles(cat, l.Code)
		var parts []string
		switch n := len(cat.SiteNeedsReview(l.Code)); {
		case len(files) == 1:
			parts = append(parts, fmt.Sprintf("%d UI %s in %s", n, plural(n, "string", "strings"), files[0]))
		case len(files) > 1:
			var each []string
			for i, f := range files {
				each = append(each, fmt.Sprintf("%d in %s", counts[i], f))
			}
			parts = append(parts, fmt.Sprintf("%d UI strings (%s)", n, strings.Join(each, ", ")))
		}
		if len(review) > 0 {
			parts = append(parts, fmt.Sprintf("%d %s%s", len(review), plural(len(review), "page", "pages"), listed(review)))
		}
		if len(parts) == 0 {
			continue
		}
		at := append(files, review...)[0]
		diags.Warnf(at, 0, "%s%s: %s marked needs_review", NeedsReviewWarning, l.Code, strings.Join(parts, " and "))
	}
	return diags
}

// reviewFiles returns the site's message files that lang's strings marked
// needs_review come from, in the order of locale.Chain, and how many each.
func reviewFiles(cat *locale.Catalog, lang string) ([]string, []int) {
	n := map[string]int{}
	for _, id := range cat.SiteNeedsReview(lang) {
		f, _ := cat.Origin(lang, id)
		n[f]++
	}
	var files []string
	var counts []int
	for _, tag := range locale.Chain(lang) {
		f := locale.Dir + "/" + tag + ".toml"
		if n[f] > 0 {
			files = append(files, f)
			counts = append(counts, n[f])
		}
	}
	return files, counts
}

func listed(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	return " (" + strings.Join(paths, ", ") + ")"
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

// parallel calls fn for 0..n-1 on all cores.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// Summary is the one line the build command ends with, e.g.
// "built 48 pages (da 16, en 16, kl 4 + 12 fallback) in 85 ms": the pages
// of the site, each language's from its Markdown files and the fallback
// pages, as many as the languages times the keys; then the Markdown files
// left out as drafts (or not yet or no longer published), when there are
// any: ", 3 drafts left out: sitegen serve shows them". sitegen check's "in 36
// Markdown pages" counts the first part only; the files written are more
// (the 404 pages, the language chooser, a redirect page for each alias).
func (r *Result) Summary() string {
	counts := make([]int, len(r.Site.Langs))
	fallback := 0
	for _, p := range r.Site.Pages {
		if p.Fallback {
			fallback++
		} else {
			counts[p.Lang.Index]++
		}
	}
	var parts []string
	for i, l := range r.Site.Langs {
		parts = append(parts, fmt.Sprintf("%s %d", l.Code, counts[i]))
	}
	line := fmt.Sprintf("built %d pages (%s + %d fallback) in %d ms",
		len(r.Site.Pages), strings.Join(parts, ", "), fallback, r.Duration.Milliseconds())
	if n := r.DraftsLeftOut; n > 0 {
		line += fmt.Sprintf(", %d %s left out: sitegen serve shows %s", n, plural(n, "draft", "drafts"), plural(n, "it", "them"))
	}
	var own []string
	for _, name := range hosting.Names {
		if _, ok := slices.BinarySearch(r.Static, name); ok {
			own = append(own, StaticDir+"/"+name)
		}
	}
	if len(own) > 0 {
		line += "; " + strings.Join(own, ", ") + " published as " + plural(len(own), "it is", "they are") + ", not generated"
	}
	return line
}
