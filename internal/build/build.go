// Package build runs the stages of a site build in order, and is the only
// package that knows them all:
//
//	load     sitegen.toml, content/, i18n/, layouts/, static/  (config, content, locale, render)
//	resolve  the site model: URLs, translations, fallback pages (pages)
//	convert  each page's Markdown, its links resolved          (markdown)
//	render   each page with its layout and UI strings          (render)
//	minify   HTML, CSS, JS, SVG, JSON, XML                     (minifier)
//	write    into an Output: a folder swapped in at the end, or memory (publish)
//
// Data flows one way: each stage takes the values the one before returned.
// A stage reports every problem it finds, and the build stops after the
// first stage that found errors, before anything is written.
package build

import (
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/minifier"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/render"
)

// Options configure a build.
type Options struct {
	BaseURL  string // replaces base_url from sitegen.toml when set
	Drafts   bool   // include pages with draft: true (sitegen serve)
	Defaults fs.FS  // built-in layouts, i18n and static files, beneath the site's own; may be nil
	NoMinify bool   // write HTML and assets as rendered
	Text     bool   // keep each page's plain text in the Result (check, search)
}

// An Output receives the files of a build. Write is called concurrently.
type Output interface {
	Write(name string, data []byte) error
}

// A Result describes a finished build.
type Result struct {
	Site     *pages.Site
	Docs     map[*pages.Page]*markdown.Result // the converted Markdown of each real page
	Catalog  *locale.Catalog
	Layouts  *render.Templates
	Assets   map[string]*render.Asset
	Warnings diag.List
	Files    int // files written
	Duration time.Duration
}

// Build builds the site in src into out. On failure the error is a
// diag.List of every problem found, and out has received nothing.
func Build(src fs.FS, opts Options, out Output) (*Result, error) {
	start := time.Now()
	var diags diag.List
	cfg, d := config.Load(src)
	diags.Add(d)
	if cfg == nil {
		return nil, diags.Sort()
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			diags.Errorf("", 0, "-base-url: %v", err)
			return nil, diags.Sort()
		}
	}
	layers := []fs.FS{opts.Defaults, src}
	in := loadInputs(src, layers, cfg, opts)
	diags.Add(in.diags)
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	site, d := pages.New(cfg, in.files, in.drafts)
	diags.Add(d)
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	diags.Add(checkLayouts(site, in.layouts))
	docs, d := convert(site, cfg, opts.Text)
	diags.Add(d)
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	res := &Result{Site: site, Docs: docs, Catalog: in.catalog, Layouts: in.layouts}
	env := &render.Env{Templates: in.layouts, Catalog: in.catalog, Site: site}
	w := &writer{out: out, min: minifier.New(), minify: !opts.NoMinify}
	res.Assets, d = w.assets(in.static, cfg.BasePath())
	diags.Add(d)
	env.Assets = res.Assets
	if !diags.HasErrors() {
		diags.Add(w.pages(env, docs))
		diags.Add(w.hosting(site, res.Assets))
	}
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	diags.Add(reportMessages(in.catalog, site))
	res.Warnings = diags.Warnings().Sort()
	res.Files = int(w.files.Load())
	res.Duration = time.Since(start)
	return res, nil
}

// inputs are what the load stage read.
type inputs struct {
	files   []*content.File
	drafts  []string
	catalog *locale.Catalog
	layouts *render.Templates
	static  []staticFile
	diags   diag.List
}

// loadInputs reads content, UI strings, layouts and static files, each in
// its own goroutine.
func loadInputs(src fs.FS, layers []fs.FS, cfg *config.Config, opts Options) *inputs {
	in := &inputs{}
	var wg sync.WaitGroup
	var contentDiags, catalogDiags, layoutDiags, staticDiags diag.List
	wg.Go(func() {
		var files []*content.File
		files, contentDiags = content.Load(src, cfg.Codes())
		for _, f := range files {
			if f.Meta.Draft && !opts.Drafts {
				in.drafts = append(in.drafts, f.Key)
				continue
			}
			in.files = append(in.files, f)
		}
	})
	wg.Go(func() { in.catalog, catalogDiags = locale.Load(layers, cfg.Codes(), cfg.DefaultLanguage) })
	wg.Go(func() { in.layouts, layoutDiags = render.Load(layers) })
	wg.Go(func() { in.static, staticDiags = loadStatic(layers) })
	wg.Wait()
	in.diags = slices.Concat(contentDiags, catalogDiags, layoutDiags, staticDiags)
	if in.catalog != nil && in.layouts != nil {
		in.diags.Add(in.layouts.CheckMessages(in.catalog))
	}
	return in
}

// checkLayouts reports pages whose layout: names no layout.
func checkLayouts(site *pages.Site, layouts *render.Templates) diag.List {
	var diags diag.List
	for _, p := range site.Pages {
		if p.File != nil && p.File.Meta.Layout != "" && !layouts.Has(p.File.Meta.Layout) {
			diags.Errorf(p.File.Path, p.File.Meta.Lines["layout"], "no layout %q: create %s/%s.html or remove layout:", p.File.Meta.Layout, render.Dir, p.File.Meta.Layout)
		}
	}
	return diags
}

// convert renders the Markdown of every real page, in parallel.
func convert(site *pages.Site, cfg *config.Config, text bool) (map[*pages.Page]*markdown.Result, diag.List) {
	converters := map[string]*markdown.Converter{}
	for _, l := range site.Langs {
		converters[l.Code] = markdown.New(markdown.Options{Lang: l.Code, UnsafeHTML: cfg.Markdown.UnsafeHTML})
	}
	var real []*pages.Page
	for _, p := range site.Pages {
		if p.File != nil {
			real = append(real, p)
		}
	}
	results := make([]*markdown.Result, len(real))
	problems := make([]diag.List, len(real))
	parallel(len(real), func(i int) {
		p := real[i]
		results[i], problems[i] = convertPage(converters[p.Lang.Code], site, p, text)
	})
	docs := make(map[*pages.Page]*markdown.Result, len(real))
	var diags diag.List
	for i, p := range real {
		docs[p] = results[i]
		diags.Add(problems[i])
	}
	return docs, diags
}

func convertPage(c *markdown.Converter, site *pages.Site, p *pages.Page, text bool) (*markdown.Result, diag.List) {
	resolve := func(dest string) (string, error) { return site.Resolve(p, dest) }
	res, problems := c.Convert(p.File.Body, p.File.BodyLine, resolve, text)
	var diags diag.List
	for _, pr := range problems {
		if pr.Warning {
			diags.Warnf(p.File.Path, pr.Line, "%s", pr.Msg)
		} else {
			diags.Errorf(p.File.Path, pr.Line, "%s", pr.Msg)
		}
	}
	return res, diags
}

// reportMessages warns about UI strings a language lacks and about
// translations marked for review.
func reportMessages(cat *locale.Catalog, site *pages.Site) diag.List {
	var diags diag.List
	for _, l := range site.Langs {
		file := locale.Dir + "/" + l.Code + ".toml"
		if missing := cat.Missing(l.Code); len(missing) > 0 {
			diags.Warnf(file, 0, "%d UI %s missing, shown in %s instead: %s", len(missing), plural(len(missing), "string", "strings"), site.Default.Code, strings.Join(missing, ", "))
		}
		var review []string
		for _, p := range site.Pages {
			if p.Lang == l && p.NeedsReview {
				review = append(review, p.File.Path)
			}
		}
		if n := len(cat.NeedsReview(l.Code)); n > 0 || len(review) > 0 {
			diags.Warnf(file, 0, "needs review: %d UI %s and %d %s marked needs_review%s", n, plural(n, "string", "strings"), len(review), plural(len(review), "page", "pages"), listed(review))
		}
	}
	return diags
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
// "built 48 pages (da 16, en 16, kl 4 + 12 fallback) in 85 ms".
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
	return fmt.Sprintf("built %d pages (%s + %d fallback) in %d ms",
		len(r.Site.Pages), strings.Join(parts, ", "), fallback, r.Duration.Milliseconds())
}
