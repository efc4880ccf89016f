package build

import (
	"io/fs"
	"maps"
	"slices"
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
	"github.com/udenmitid/sitegen/internal/search"
	"github.com/udenmitid/sitegen/internal/slab"
)

// SearchLayout is the layout of search pages, which show the search
// index's URL.
const SearchLayout = pages.SearchLayout

// maxCachedPartials bounds the partials a build that keeps nothing for
// Update caches (render.Env.MaxCached): far more than the menus, footers
// and breadcrumbs of a site, so that dropping them all costs a few
// renderings, and few enough to take some hundreds of KB.
const maxCachedPartials = 2048

// A Builder builds one site, and keeps what it loaded for Update. A
// Builder is not safe for concurrent use.
type Builder struct {
	src    fs.FS
	opts   Options
	min    *minifier.Minifier
	keep   bool      // keep converted pages and signatures for Update
	slab   slab.Slab // the kept pages' HTML (package slab)
	budget budget    // of the Markdown being converted at once

	// The latest good version of each input, and the problems of inputs
	// that currently fail to load, by path.
	cfg        *config.Config
	files      map[string]*content.File     // content files by path, drafts included; nil once a Builder that keeps nothing (keep) resolved its model
	resources  map[string]*content.Resource // files beside pages by path; likewise
	broken     map[string]diag.List
	catalog    *locale.Catalog
	layouts    *render.Templates
	static     []staticFile
	converters map[string]*markdown.Converter
	convOpts   map[string]markdown.Options // what each language's converter was made with

	// What the last successful build made.
	built   bool
	site    *pages.Site
	assets  *assets
	docs    map[string]*doc        // by content file path
	byFile  map[string]*pages.Page // content file path -> its page
	env     *render.Env            // its layouts, UI strings and cached partials
	rmodel  *render.Model          // site and assets, in which deps evaluates what pages read
	deps    *deps                  // what each output page read of the model
	outputs map[string]bool        // every output file
	// What the text each fallback page shows ([fallback]
	// show_default_text) was made from, by output file.
	shown map[string]shownText

	indexes           map[string][]byte // search index files made since the last change, by name below the output folder
	lastChanges       *Changes          // what the last full build wrote
	pending           []string          // content files changed since the last successful build
	pendingStructural bool              // and whether files appeared or disappeared among them
	pendingAll        bool              // layouts, UI strings or static files changed since: render everything
	pendingStyles     bool              // static files changed since: write the assets again
	pendingBuild      bool              // a full build failed since: the next Update builds everything
	stubbed           map[string]bool   // with KeepGoing: content files that stand in for ones that do not load
	draftsLeftOut     int               // the Markdown files the latest model left out as drafts (content.Meta.Held)
	pendingReconvert  bool              // the converters changed since (alert labels, layout ids): convert every page again

	omitted map[string]bool // with KeepGoing: keys of content files left out of the model for their errors
	dropped []string        // with KeepGoing: content files that read well, left out so the model resolves
}

// doc is one converted page.
type doc struct {
	res   *markdown.Result
	links []string // keys the page links to, for finding pages to redo when a URL changes
	diags diag.List
	body  search.Body     // of a kept doc, whose res has no Text: the search terms of the text
	html  slab.Compressed // of a kept doc whose res has no HTML (see kept)
}

// NewBuilder returns a Builder for the site in src.
func NewBuilder(src fs.FS, opts Options) *Builder {
	return &Builder{src: src, opts: opts, min: minifier.New(), broken: map[string]diag.List{}, keep: opts.Incremental}
}

// brokenKeys name the inputs that are not single files.
const (
	brokenConfig  = "\x00config"
	brokenWalk    = "\x00walk"
	brokenCatalog = "\x00i18n"
	brokenLayouts = "\x00layouts"
	brokenStatic  = "\x00static"
)

// Build loads every input and builds the whole site into out.
func (b *Builder) Build(out Output) (*Result, error) {
	start := time.Now()
	if err := b.loadConfig(); err != nil {
		return nil, err
	}
	// The loaders run in parallel; each returns a function that records
	// its result, run afterwards, so only one goroutine touches b.
	var wg sync.WaitGroup
	loaders := []func() func(){b.loadContent, b.loadCatalog, b.loadLayouts, b.loadStatic}
	apply := make([]func(), len(loaders))
	for i, load := range loaders {
		wg.Go(func() { apply[i] = load() })
	}
	wg.Wait()
	for _, a := range apply {
		a()
	}
	loadErr := b.brokenErr()
	if loadErr != nil && !b.opts.KeepGoing {
		return nil, loadErr
	}
	b.makeConverters()
	res, _, err := b.buildAll(out, true)
	if b.opts.KeepGoing && (loadErr != nil || err != nil) {
		res, err = b.keptGoing(res, loadErr, err)
	}
	if res != nil {
		res.Duration = time.Since(start)
	}
	return res, err
}

func (b *Builder) setBroken(key string, d diag.List) {
	if d.HasErrors() {
		b.broken[key] = d.Errors()
	} else {
		delete(b.broken, key)
	}
}

// brokenErr returns the problems of every input that fails to load.
func (b *Builder) brokenErr() error {
	var all diag.List
	for _, k := range slices.Sorted(maps.Keys(b.broken)) {
		all.Add(b.broken[k])
	}
	if len(all) == 0 {
		return nil
	}
	return all.Sort()
}

func (b *Builder) loadConfig() error {
	cfg, d := config.Load(b.src)
	if cfg != nil && b.opts.BaseURL != "" {
		if err := cfg.SetBaseURL(b.opts.BaseURL); err != nil {
			d.Errorf("", 0, "-base-url: %v", err)
		}
	}
	b.setBroken(brokenConfig, d)
	if d.HasErrors() {
		return d.Sort()
	}
	b.cfg = cfg
	return nil
}

// makeConverters makes each language's Markdown converter from the
// configuration, the labels of GitHub alerts and the converter's other
// words in the UI strings, and the
// ids the layouts use; so it runs once the UI strings and layouts are
// loaded. It reports whether any converter differs from the one before,
// which means every page must be converted again.
func (b *Builder) makeConverters() bool {
	var layoutIDs map[string]string
	if b.layouts != nil { // nil only when they fail to load and the build keeps going
		layoutIDs = b.layouts.IDs()
	}
	changed := b.converters == nil
	converters := map[string]*markdown.Converter{}
	opts := map[string]markdown.Options{}
	for _, l := range b.cfg.Languages {
		labels := map[string]string{}
		for _, t := range markdown.AlertTypes {
			// A label no language defines stays missing; the converter
			// reports it where an alert needs it.
			if b.catalog == nil {
				break
			}
			if s, err := b.catalog.T(l.Code, markdown.AlertMessageID(t)); err == nil && s != "" {
				labels[t] = s
			}
		}
		o := markdown.Options{
			Lang:        l.Code,
			UnsafeHTML:  b.cfg.Markdown.UnsafeHTML,
			IDs:         markdown.IDStyle(b.cfg.Markdown.HeadingIDs),
			AlertLabels: labels,
			UI:          b.converterStrings(l.Code),
			Highlight:   b.cfg.Markdown.Highlight,
			LayoutIDs:   layoutIDs,
		}
		old, ok := b.convOpts[l.Code]
		if ok && sameOptions(old, o) {
			converters[l.Code] = b.converters[l.Code]
		} else {
			converters[l.Code] = markdown.New(o)
			changed = true
		}
		opts[l.Code] = o
	}
	b.converters, b.convOpts = converters, opts
	return changed
}

// converterStrings returns the UI strings the converter writes into a
// language's pages (markdown.UIMessageIDs); footnote_ref gets
// markdown.NumberSlot as its .Number. A string no language defines stays
// missing, and the converter reports it where a page needs it.
func (b *Builder) converterStrings(lang string) map[string]string {
	ui := map[string]string{}
	if b.catalog == nil {
		return ui
	}
	for _, id := range markdown.UIMessageIDs() {
		var args []any
		if id == markdown.IDFootnoteRef {
			args = []any{"Number", markdown.NumberSlot}
		}
		if s, err := b.catalog.T(lang, id, args...); err == nil && s != "" {
			ui[id] = s
		}
	}
	return ui
}

func sameOptions(a, b markdown.Options) bool {
	return a.Lang == b.Lang && a.UnsafeHTML == b.UnsafeHTML && a.IDs == b.IDs && a.Highlight == b.Highlight &&
		maps.Equal(a.AlertLabels, b.AlertLabels) && maps.Equal(a.UI, b.UI) && maps.Equal(a.LayoutIDs, b.LayoutIDs)
}

func (b *Builder) layers() []fs.FS { return []fs.FS{b.opts.Defaults, b.src} }

// loadContent walks content/ and reads every file, in parallel.
func (b *Builder) loadContent() func() {
	paths, walkDiags := content.Walk(b.src, b.cfg.Codes())
	counts := b.opts.Progress
	if counts != nil {
		counts.Files.Store(int64(len(paths)))
	}
	files := make([]*content.File, len(paths))
	res := make([]*content.Resource, len(paths))
	diags := make([]diag.List, len(paths))
	parallel(len(paths), func(i int) {
		files[i], res[i], diags[i] = b.readContent(paths[i])
		if counts != nil {
			counts.Read.Add(1)
		}
	})
	return func() {
		b.files = make(map[string]*content.File, len(paths))
		b.resources = map[string]*content.Resource{}
		for k := range b.broken {
			if len(k) > 0 && k[0] != 0 {
				delete(b.broken, k)
			}
		}
		for i, p := range paths {
			b.setFile(p, files[i], res[i], diags[i])
		}
		b.setBroken(brokenWalk, walkDiags)
	}
}

// readContent reads a page or a file beside one. Its language is the tag
// as configured, whatever the case of its folder. A file beside a page
// that could run script in a reader's browser is an error at the file
// unless the site trusts every editor (content.CheckResource), and so is
// an HTML page, whose body is raw HTML (htmlPageNeedsUnsafe).
func (b *Builder) readContent(p string) (*content.File, *content.Resource, diag.List) {
	if !content.IsPageFile(b.src, p) {
		r, d := content.ReadResource(b.src, p)
		if r == nil {
			return nil, nil, d
		}
		r.Lang = content.LangOf(r.Lang, b.cfg.Codes())
		if !b.cfg.Markdown.UnsafeHTML {
			if e := content.CheckResource(r.Key, r.Data); e != nil {
				d.Errorf(p, e.Line, "%s", e.Msg)
				return nil, nil, d
			}
		}
		return nil, r, d
	}
	f, d := content.Read(b.src, p, b.cfg.Taxonomies...)
	if f != nil && f.HTML && !b.cfg.Markdown.UnsafeHTML {
		d.Errorf(p, 1, "%s", htmlPageNeedsUnsafe)
		return nil, nil, d
	}
	if f != nil {
		f.Lang = content.LangOf(f.Lang, b.cfg.Codes())
		if !b.opts.Text {
			// Only the conversion reads the body: read it again then, so
			// that memory grows with the number of pages, not with the
			// size of their bodies (with Incremental too: a page is
			// converted again only after an edit, or when a page it links
			// to moved).
			f.Release()
		}
	}
	return f, nil, d
}

// htmlPageNeedsUnsafe is the error at an HTML page (an HTML file that
// begins with front matter, as Hugo reads one) on a site whose
// sitegen.toml does not set [markdown] unsafe_html = true. Its body is
// raw HTML, used as it is, which SECURITY.md allows only where every
// editor is trusted, as it allows raw HTML in Markdown.
const htmlPageNeedsUnsafe = "an HTML page (front matter, then HTML) is raw HTML, which this site does not allow from content/ (SECURITY.md): " +
	"if every editor is trusted, set unsafe_html = true under [markdown] in sitegen.toml; else rename it to .md and write its body in Markdown"

// setFile records the result of reading one content file: a page or a
// file beside one, or neither when it failed or is gone.
func (b *Builder) setFile(p string, f *content.File, r *content.Resource, d diag.List) {
	b.setBroken(p, d)
	delete(b.files, p)
	delete(b.resources, p)
	if f != nil {
		b.files[p] = f
	}
	if r != nil {
		b.resources[p] = r
	}
}

// loadCatalog, loadLayouts and loadStatic load one kind of input and
// return a function that records it in b.
func (b *Builder) loadCatalog() func() {
	layers, d := b.layersFor(locale.Dir)
	cat, dl := locale.Load(layers, b.cfg.Codes(), b.cfg.DefaultLanguage)
	d.Add(dl)
	if d.HasErrors() {
		cat = nil
	}
	return func() {
		b.setBroken(brokenCatalog, d)
		if cat != nil {
			b.catalog = cat
		}
	}
}

func (b *Builder) loadLayouts() func() {
	layers, d := b.layersFor(render.Dir)
	t, dl := render.Load(layers)
	d.Add(dl)
	if d.HasErrors() {
		t = nil
	}
	return func() {
		b.setBroken(brokenLayouts, d)
		if t != nil {
			b.layouts = t
		}
	}
}

func (b *Builder) loadStatic() func() {
	layers, d := b.layersFor(StaticDir)
	s, dl := loadStatic(layers)
	d.Add(dl)
	return func() {
		b.setBroken(brokenStatic, d)
		b.static = s
	}
}

// model resolves the site from the loaded files. When content/ as a whole
// could not be read (it is missing, or a link out of the site), there is
// no model, and its error is the one to report, not "no pages".
func (b *Builder) model() (*pages.Site, diag.List) {
	if d := b.contentUnread(); d != nil {
		return nil, d
	}
	in := pages.Input{Reserved: b.reserved(), Typography: markdown.Typeset, Now: time.Now(), Slug: termSlug(b.cfg), TaxonomyTitle: b.taxonomyTitle}
	for _, p := range slices.Sorted(maps.Keys(b.files)) {
		f := b.files[p]
		if f.Meta.Held(in.Now) && !b.opts.Drafts {
			in.Drafts = append(in.Drafts, f.Key)
			continue
		}
		in.Files = append(in.Files, f)
	}
	b.draftsLeftOut = len(in.Drafts)
	if b.opts.KeepGoing {
		in.Files = append(in.Files, b.stubs()...)
	}
	for _, p := range slices.Sorted(maps.Keys(b.resources)) {
		in.Resources = append(in.Resources, b.resources[p])
	}
	for _, f := range b.static {
		in.Static = append(in.Static, f.name)
	}
	site, diags := pages.New(b.cfg, in)
	if b.opts.KeepGoing {
		site, diags = b.modelWithout(site, diags, in)
	}
	if site != nil && b.layouts != nil {
		diags.Add(checkLayouts(site, b.layouts))
		if b.catalog != nil {
			diags.Add(b.layouts.CheckMessages(b.catalog))
			diags.Add(checkLanguages(site, b.catalog, b.layouts))
			diags.Add(checkTaxonomies(site, b.catalog))
		}
	}
	return site, diags
}

// contentUnread returns the errors that say content/ as a whole could not
// be read, or nil.
func (b *Builder) contentUnread() diag.List {
	var d diag.List
	for _, e := range b.broken[brokenWalk] {
		if e.Path == content.Dir && e.Line == 0 {
			d = append(d, e)
		}
	}
	return d
}

// buildAll resolves the model and renders every output. reconvert says
// whether Markdown must be converted again (else kept docs are reused).
func (b *Builder) buildAll(out Output, reconvert bool) (*Result, *Changes, error) {
	site, diags := b.model()
	if !b.keep {
		// Only Update reads the loaded files by path again; the model
		// holds each page's file. The maps were some 10 MB at 100,000
		// pages, scanned by every collection while pages rendered.
		b.files, b.resources = nil, nil
	}
	if site == nil || diags.HasErrors() && !b.opts.KeepGoing {
		return nil, nil, diags.Sort()
	}
	b.resolved(site, diags)
	// With KeepGoing, layouts or UI strings that failed to load leave
	// nothing to render with; the Markdown is converted all the same.
	// So does a language with no UI strings, which is one error that
	// lists them all (checkLanguages): rendering would only repeat it,
	// one missing string at a time.
	canRender := b.layouts != nil && b.catalog != nil && !b.langWithoutStrings(site)
	env := &render.Env{Templates: b.layouts, Catalog: b.catalog, Site: site}
	if !b.keep {
		env.MaxCached = maxCachedPartials
	}
	w := &writer{out: out, min: b.min, minify: !b.opts.NoMinify, counts: b.opts.Progress, names: b.keep}
	diags.Add(w.static(b.static))
	assets := b.newAssets()
	assets.writeTo(w)
	env.Assets = assets
	diags.Add(w.resources(site))
	var model *render.Model
	var dp *deps
	if b.keep {
		model = render.NewModel(site, assets)
		dp = newDeps()
		dp.begin()
		w.record = func(p *pages.Page, r *render.Reads) { dp.record(model, p, r) }
	}
	if diags.HasErrors() && !b.opts.KeepGoing {
		return nil, nil, diags.Sort()
	}
	docs := b.docs
	if reconvert || docs == nil {
		docs = map[string]*doc{}
	}
	// Pages with the search layout show the index's URL, which holds its
	// hash, so they are rendered last, once the index is written.
	var all, last []*pages.Page
	if b.opts.Progress != nil {
		b.opts.Progress.Pages.Store(int64(len(site.Pages) + len(site.Special)))
	}
	for _, p := range allPages(site) {
		if p.Layout() == SearchLayout {
			last = append(last, p)
		} else {
			all = append(all, p)
		}
	}
	var mu sync.Mutex
	shown := map[string]shownText{}
	resDocs := map[*pages.Page]*markdown.Result{}
	feedHTML := newFeedBodies(site)
	// Serve makes the indexes on request (SearchFiles), from the kept pages.
	writeIndex := !b.opts.Dev && !b.opts.NoSearch
	var entries *entrySpill
	if writeIndex {
		entries = newEntrySpill()
		defer entries.close()
	}
	renderAll := func(list []*pages.Page) {
		errs := make([]diag.List, len(list))
		parallel(len(list), func(i int) {
			p := list[i]
			var dc *doc
			// A listing's page 2, 3, ... shows its list, not page 1's text.
			if p.File != nil && p.PageNumber() == 1 {
				dc = b.docFor(site, p, docs, &mu) // Inspect sees each page it converts (convert)
				errs[i].Add(dc.diags)
				if writeIndex {
					entries.add(p, search.NewEntry(site, p, dc.res))
				}
				mu.Lock()
				if b.opts.Text && !b.stubbed[p.File.Path] {
					resDocs[p] = dc.res
				}
				feedHTML.keep(p, dc.res)
				mu.Unlock()
			} else if writeIndex && made(p) {
				entries.add(p, search.NewEntry(site, p, nil))
			} else if b.showsText(p) {
				dc = b.convertFallback(site, p)
				errs[i].Add(dc.diags)
				mu.Lock()
				shown[p.OutputFile()] = shownText{p.Source().File.Path, dc.links}
				mu.Unlock()
			}
			if canRender {
				errs[i].Add(w.page(env, p, dc))
			}
		})
		for _, e := range errs {
			diags.Add(e)
		}
	}
	renderAll(all)
	diags.Add(w.searchIndexes(site, entries, assets, writeIndex))
	renderAll(last)
	diags.Add(assets.writeErrors())
	// A failed build publishes nothing, so it writes no feeds or hosting
	// files, except with KeepGoing: the check reads every link the pages
	// hold, and a page with an error is no reason for the feed or the
	// sitemap a layout links to to be missing (its link is no error).
	if !diags.HasErrors() || b.opts.KeepGoing {
		diags.Add(w.feeds(site, feedHTML.get))
		diags.Add(w.hosting(site, assets))
	}
	if diags.HasErrors() {
		if b.opts.KeepGoing {
			res := &Result{Site: site, Docs: resDocs, Catalog: b.catalog, Layouts: b.layouts, Assets: assets.Made(), Static: assets.names(),
				Warnings: diags.Warnings().Sort(), Files: int(w.files.Load()), DraftsLeftOut: b.draftsLeftOut}
			return res, nil, diags.Errors().Sort()
		}
		return nil, nil, diags.Sort()
	}
	if b.catalog != nil {
		diags.Add(reportMessages(b.catalog, site))
	}
	ch := &Changes{All: true, Written: w.writtenNames()}
	b.publish(site, env, assets, docs, model, dp)
	b.shown = shown
	if b.keep {
		ch.Removed = b.removed(ch.Written)
	}
	b.lastChanges = ch
	res := &Result{Site: site, Catalog: b.catalog, Layouts: b.layouts, Assets: assets.Made(), Static: assets.names(),
		Warnings: diags.Warnings().Sort(), Files: int(w.files.Load()), DraftsLeftOut: b.draftsLeftOut}
	if b.opts.Text {
		res.Docs = resDocs
	}
	return res, ch, nil
}

// newAssets returns the assets of a build from the loaded static files:
// fingerprinted copies for layouts except with Options.Dev, minified
// unless Options.NoMinify.
func (b *Builder) newAssets() *assets {
	var min *minifier.Minifier
	if !b.opts.NoMinify {
		min = b.min
	}
	return newAssets(b.static, b.cfg.BasePath(), !b.opts.Dev, min)
}

// publish records a successful build as the base for the next Update:
// with Options.Incremental, what each page read (dp) with the values of
// model.
func (b *Builder) publish(site *pages.Site, env *render.Env, assets *assets, docs map[string]*doc, model *render.Model, dp *deps) {
	b.built = true
	b.site, b.env, b.assets = site, env, assets
	b.indexes = map[string][]byte{}
	if !b.keep {
		return
	}
	dp.commit(model, nil, nil)
	b.docs, b.rmodel, b.deps = docs, model, dp
	b.indexFiles()
}

// removed returns the outputs of the last build that the new full set
// lacks, and records the new set.
func (b *Builder) removed(now []string) []string {
	next := make(map[string]bool, len(now))
	for _, n := range now {
		next[n] = true
	}
	var gone []string
	for n := range b.outputs {
		if !next[n] {
			gone = append(gone, n)
		}
	}
	b.outputs = next
	slices.Sort(gone)
	return gone
}

// docFor returns a page's converted Markdown from docs, converting it
// when it is not there, and keeping it there for Update when the Builder
// keeps state. mu guards docs.
func (b *Builder) docFor(site *pages.Site, p *pages.Page, docs map[string]*doc, mu *sync.Mutex) *doc {
	mu.Lock()
	d := docs[p.File.Path]
	mu.Unlock()
	if d != nil {
		return d.unpacked()
	}
	d = b.convert(site, p)
	if b.keep {
		mu.Lock()
		docs[p.File.Path] = d.kept(&b.slab, p.Lang.Code)
		mu.Unlock()
	}
	return d
}

// kept returns what Update and SearchIndex need of a converted page, to
// keep until it is converted again: the body's HTML compressed (see
// package slab; at 10,000 pages 170 MB of HTML takes about 95 MB), and instead
// of the text, the search terms made of it. unpacked gives the HTML back.
func (d *doc) kept(s *slab.Slab, lang string) *doc {
	if d.res == nil {
		return d
	}
	res := *d.res
	k := &doc{res: &res, links: d.links, diags: d.diags, body: search.For(lang).Body(d.res.Text, search.MaxTerms)}
	res.Text = nil
	if html, ok := s.Compress(res.HTML); ok {
		res.HTML, k.html = nil, html
	} else {
		res.HTML = s.Copy(res.HTML)
	}
	return k
}

// unpacked returns a kept doc with its HTML, to render the page again.
func (d *doc) unpacked() *doc {
	if d.html.Len() == 0 {
		return d
	}
	res := *d.res
	res.HTML = d.html.Bytes()
	u := *d
	u.res, u.html = &res, slab.Compressed{}
	return &u
}

// convert converts one page's Markdown, recording what its links depend
// on, and shows it to Options.Inspect (inspect).
func (b *Builder) convert(site *pages.Site, p *pages.Page) *doc {
	d := b.convertOnly(site, p)
	b.inspect(site, p, d)
	return d
}

// convertOnly is convert without Inspect.
func (b *Builder) convertOnly(site *pages.Site, p *pages.Page) *doc {
	d := &doc{}
	links := map[string]pages.Link{}
	written := map[string]string{} // URL -> the destination as written
	resolve := func(dest string) (string, error) {
		l, err := site.Link(p, dest)
		d.links = append(d.links, l.Deps...)
		if err == nil {
			links[l.URL] = l
			written[l.URL] = dest
		}
		if err != nil && b.omittedLink(l) {
			// With KeepGoing: the page was left out for its own errors,
			// which are reported at its file, where the editor must fix
			// them; the link is no error of this page.
			return dest, nil
		}
		return l.URL, err
	}
	words := search.TextWords // enough for the search index, which serve makes from the kept pages
	if b.opts.Text || b.opts.Inspect != nil {
		words = markdown.AllText // check reads all of it
	}
	body, line, err := p.File.ReadBody(b.src)
	if err != nil {
		d.diags.Errorf(p.File.Path, 0, "%v", err)
		d.res = &markdown.Result{}
		return d
	}
	var res *markdown.Result
	var problems []markdown.Problem
	if p.File.HTML {
		res = markdown.ConvertHTML(body, line, words) // an HTML page: its body as it is
	} else {
		// A page over markdown.MaxElements is refused by the converter
		// before it parses; it takes no more of the budget than the
		// largest page. It is counted once, for both.
		size := markdown.Measure(body)
		weight := min(size.Elements, markdown.MaxElements)
		b.budget.take(weight)
		res, problems = b.converters[p.Lang.Code].ConvertSized(body, line, size,
			markdown.Hooks{Resolve: resolve, Images: b.imageAttrs(links, written), Links: linkLangs(p.Lang, links)}, words)
		b.budget.give(weight)
	}
	if c := b.opts.Progress; c != nil {
		c.Converted.Add(1)
	}
	d.res = res
	for _, pr := range problems {
		if pr.Warning {
			d.diags.Warnf(p.File.Path, pr.Line, "%s", pr.Msg)
		} else {
			d.diags.Errorf(p.File.Path, pr.Line, "%s", pr.Msg)
		}
	}
	slices.Sort(d.links)
	d.links = slices.Compact(d.links)
	return d
}

// made reports whether p is a real page the site makes without a file: a
// taxonomy or term page no file writes, which the search index lists too.
func made(p *pages.Page) bool {
	return p.File == nil && !p.Fallback && (p.Kind == pages.Taxonomy || p.Kind == pages.Term) && p.PageNumber() == 1
}

// allPages returns the content pages and the generated ones.
func allPages(site *pages.Site) []*pages.Page {
	return slices.Concat(site.Pages, site.Special)
}

// checkLayouts reports pages whose layout: names no layout, and a missing
// layout of taxonomy and term pages, which only sites with taxonomies
// need.
func checkLayouts(site *pages.Site, layouts *render.Templates) diag.List {
	var diags diag.List
	missing := map[string]bool{}
	for _, p := range site.Pages {
		switch {
		case p.File != nil && p.File.Meta.Layout() != "":
			if !layouts.Has(p.File.Meta.Layout()) {
				diags.Errorf(p.File.Path, p.File.Meta.Lines.Line("layout"), "no layout %q: create %s/%s.html or remove layout:", p.File.Meta.Layout(), render.Dir, p.File.Meta.Layout())
			}
		case (p.Kind == pages.Taxonomy || p.Kind == pages.Term) && !p.Fallback && !layouts.Has(p.Layout()) && !missing[p.Layout()]:
			missing[p.Layout()] = true
			diags.Errorf(render.Dir+"/"+p.Layout()+".html", 0, "missing: the site has %s pages (taxonomies in sitegen.toml); create this layout, or copy the built-in theme's", p.Layout())
		}
	}
	return diags
}
