package build

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/hosting"
	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/render"
	"github.com/udenmitid/sitegen/internal/search"
)

// Changes says what a build or an Update wrote to its Output.
type Changes struct {
	Written []string // output files written, sorted
	Removed []string // output files of the previous build that no longer exist, sorted
	All     bool     // every page was rendered again
	Styles  []string // URLs of stylesheets that changed; with nothing else written, browsers can swap them in place
}

// Update brings the site up to date after the files at paths changed,
// appeared or disappeared. Paths are slash-separated and relative to the
// site root, as fsnotify reports them below it. Update re-reads only those
// files, and renders only the outputs that can differ:
//
//   - A page whose body changed and whose front matter is as it was: that
//     page, the pages whose layouts read its file (.Page.File), and the
//     fallback pages that show its text ([fallback] show_default_text).
//   - Any other change to content/ (a field of front matter, a page or a
//     file beside one added, removed or renamed): the model is resolved
//     again, and each page is rendered again whose rendering read
//     something of the model that is now different: any field or method
//     of any page or of the site, as its layouts reached it (see deps),
//     or whose Markdown must be converted again (its own file changed, or
//     a link in it now goes elsewhere or to a page whose title changed),
//     or a fallback page's that shows it.
//   - The Atom feeds: again after any change to the model, and after a
//     body change to a page a feed holds (its summary or full text).
//   - A layout, UI string or sitegen.toml: everything.
//   - A stylesheet, with Options.Dev: the stylesheet, and the pages that
//     read a changed asset.
//
// When any input has errors, Update returns all of them and changes
// nothing: the last good build stays as it was. The Builder remembers what
// changed, paths and kinds (a layout, UI strings, a stylesheet, the
// configuration), so the next successful Update catches up on all of it.
func (b *Builder) Update(paths []string, out Output) (*Result, *Changes, error) {
	start := time.Now()
	if !b.keep {
		return nil, nil, errors.New("build: Update needs a Builder with Options.Incremental")
	}
	var cfgChanged, layoutsChanged, catalogChanged, staticChanged, stylesOnly bool
	var contentPaths []string
	stylesOnly = true
	for _, p := range paths {
		switch {
		case p == config.File:
			cfgChanged = true
		case under(p, content.Dir):
			contentPaths = append(contentPaths, p)
		case under(p, render.Dir):
			layoutsChanged = true
		case under(p, locale.Dir):
			catalogChanged = true
		case under(p, StaticDir):
			staticChanged = true
			stylesOnly = stylesOnly && path.Ext(p) == ".css"
		}
	}
	if cfgChanged || !b.built || b.pendingBuild {
		res, err := b.Build(out)
		if err != nil {
			b.pendingBuild = true
			return nil, nil, err
		}
		b.pending, b.pendingStructural, b.pendingAll, b.pendingStyles, b.pendingBuild, b.pendingReconvert = nil, false, false, false, false, false
		return res, b.lastChanges, nil
	}
	structural := b.reloadContent(contentPaths)
	if layoutsChanged {
		b.loadLayouts()()
	}
	if catalogChanged {
		b.loadCatalog()()
	}
	if staticChanged {
		b.loadStatic()()
	}
	b.pending = append(b.pending, contentPaths...)
	b.pendingStructural = b.pendingStructural || structural
	b.pendingAll = b.pendingAll || layoutsChanged || catalogChanged || (staticChanged && !(stylesOnly && b.opts.Dev))
	b.pendingStyles = b.pendingStyles || staticChanged
	// New alert labels or layout ids change the converted Markdown; the
	// converters change now, the pages are converted again once a build
	// succeeds.
	b.pendingReconvert = b.pendingReconvert || ((layoutsChanged || catalogChanged) && b.layouts != nil && b.catalog != nil && b.makeConverters())
	if err := b.brokenErr(); err != nil {
		return nil, nil, err
	}
	pending := b.pending
	var res *Result
	var ch *Changes
	var err error
	switch {
	case b.pendingAll:
		for _, p := range pending {
			delete(b.docs, p)
		}
		res, ch, err = b.buildAll(out, b.pendingStructural || b.pendingReconvert)
	default:
		res, ch, err = b.updateContent(out, pending, b.pendingStructural, b.pendingStyles)
	}
	if err != nil {
		return nil, nil, err
	}
	b.pending, b.pendingStructural, b.pendingAll, b.pendingStyles, b.pendingReconvert = nil, false, false, false, false
	b.indexes = map[string][]byte{}
	res.Duration = time.Since(start)
	return res, ch, nil
}

func under(p, dir string) bool { return strings.HasPrefix(p, dir+"/") || p == dir }

// reloadContent re-reads changed content files. It reports whether files
// appeared or disappeared, which changes the site's structure; a changed
// file beside a page counts too, since pages embed its size.
func (b *Builder) reloadContent(paths []string) (structural bool) {
	for _, p := range paths {
		info, err := fs.Stat(b.src, p)
		_, known := b.files[p]
		_, knownRes := b.resources[p]
		_, knownBroken := b.broken[p]
		switch {
		case err == nil && info.IsDir(), err != nil && !known && !knownRes && !knownBroken:
			structural = true // a folder, or a name that was never a file
		case err != nil:
			structural = true
			b.setFile(p, nil, nil, nil)
		default:
			if !known && !knownBroken || !content.IsPageFile(b.src, p) {
				structural = true
			}
			f, r, d := b.readContent(p)
			b.setFile(p, f, r, d)
		}
	}
	if structural {
		b.rewalk(paths)
	}
	return structural
}

// rewalk lists content/ again: it reads files that are new and forgets
// files that are gone.
func (b *Builder) rewalk(changed []string) {
	list, walkDiags := content.Walk(b.src, b.cfg.Codes())
	b.setBroken(brokenWalk, walkDiags)
	present := make(map[string]bool, len(list))
	for _, p := range list {
		present[p] = true
		_, isFile := b.files[p]
		_, isRes := b.resources[p]
		if !isFile && !isRes && !slices.Contains(changed, p) {
			f, r, d := b.readContent(p)
			b.setFile(p, f, r, d)
		}
	}
	for p := range b.files {
		if !present[p] {
			b.setFile(p, nil, nil, nil)
		}
	}
	for p := range b.resources {
		if !present[p] {
			b.setFile(p, nil, nil, nil)
		}
	}
	for p := range b.broken {
		if p[0] != 0 && !present[p] {
			delete(b.broken, p)
		}
	}
}

// updateContent renders what changed content files can reach.
func (b *Builder) updateContent(out Output, changed []string, structural, stylesChanged bool) (*Result, *Changes, error) {
	w := &writer{out: out, min: b.min, minify: !b.opts.NoMinify, names: true}
	ch := &Changes{}
	if stylesChanged {
		if d := w.static(b.static); d.HasErrors() {
			return nil, nil, d.Sort()
		}
		for _, f := range b.static {
			if path.Ext(f.name) == ".css" {
				ch.Styles = append(ch.Styles, b.cfg.BasePath()+f.name)
			}
		}
		// The search indexes are assets too, made by the build and not
		// from static/: keep them, or the next search page fails to render.
		assets := b.newAssets()
		for _, a := range b.assets.fixed {
			assets.setFixed(a)
		}
		b.assets = assets
	}
	b.assets.writeTo(w)
	// A file whose front matter is as it was makes the same model: the
	// model reads a file's path, language, key and front matter (Meta),
	// nothing of its body. Its page keeps its place; only the file is new.
	fast := !structural
	for _, p := range changed {
		old := b.byFile[p]
		f := b.files[p]
		if old == nil || f == nil || !reflect.DeepEqual(old.File.Meta, f.Meta) {
			fast = false
		}
	}
	var diags diag.List
	if fast {
		diags = b.updatePages(w, changed, stylesChanged)
	} else {
		var err error
		diags, err = b.updateStructure(w, changed, ch)
		if err != nil {
			return nil, nil, err
		}
	}
	if diags.HasErrors() {
		return nil, nil, diags.Sort()
	}
	ch.Written = w.writtenNames()
	for _, n := range ch.Written {
		b.outputs[n] = true
	}
	res := &Result{Site: b.site, Catalog: b.catalog, Layouts: b.layouts, Assets: b.assets.Made(), Static: b.assets.names(),
		Warnings: diags.Warnings().Sort(), Files: len(ch.Written), DraftsLeftOut: b.draftsLeftOut}
	return res, ch, nil
}

// updatePages is the fast path, for files whose front matter is as it
// was: the model stays, with the new files in it. It converts and renders
// the changed pages, and renders again the pages that read something of
// them that changed (their File), and with stylesChanged, those that read
// an asset that changed, and the hosting files (_headers names the static
// files).
func (b *Builder) updatePages(w *writer, changed []string, stylesChanged bool) diag.List {
	model, dp, env := b.rmodel, b.deps, b.env
	model.Assets, env.Assets = b.assets, b.assets
	var touched []*pages.Page
	feedsChanged := false
	for _, p := range changed {
		page := b.byFile[p]
		numbered := []*pages.Page{page}
		if page.Pager() != nil {
			numbered = page.Pager().Pages() // a split listing's numbered pages share its file
		}
		for _, q := range numbered {
			q.File = b.files[p]
			touched = append(touched, q)
		}
		feedsChanged = feedsChanged || inFeed(b.site, page)
	}
	// The partials cached in the last build stay, but for those that
	// read the pages changed in place, or an asset when one changed.
	env.Forget(touched, stylesChanged)
	var check []uint32
	for _, p := range touched {
		check = append(check, dp.byPage[model.Ident(p)]...)
	}
	if stylesChanged {
		check = append(check, dp.byPage[""]...)
	}
	next := map[uint32]uint64{}
	for _, id := range check {
		if v := model.Value(dp.keys[id]); v != dp.vals[id] {
			next[id] = v
		}
	}
	todo := map[*pages.Page]bool{}
	for _, p := range touched {
		todo[p] = true
		for _, t := range p.Translations {
			if t.Source() == p && b.showsText(t) {
				todo[t] = true // it shows p's text
			}
		}
	}
	if readers := dp.readers(next); len(readers) > 0 {
		for _, p := range allPages(b.site) {
			if _, ok := slices.BinarySearch(readers, p.OutputFile()); ok {
				todo[p] = true
			}
		}
	}
	dp.begin()
	w.record = func(p *pages.Page, r *render.Reads) { dp.record(model, p, r) }
	var diags diag.List
	var mu sync.Mutex
	shown := map[string]shownText{}
	for p := range todo {
		var d *doc
		if p.File != nil && p.PageNumber() == 1 { // a listing's page 2, 3, ... shows its list, not page 1's text
			if slices.Contains(touched, p) {
				d = b.convert(b.site, p)
				b.docs[p.File.Path] = d.kept(&b.slab, p.Lang.Code)
			} else {
				d = b.docFor(b.site, p, b.docs, &mu)
			}
			diags.Add(d.diags)
		} else if b.showsText(p) {
			d = b.convertFallback(b.site, p)
			shown[p.OutputFile()] = shownText{p.Source().File.Path, d.links}
			diags.Add(d.diags)
		}
		diags.Add(w.page(env, p, d))
	}
	diags.Add(b.assets.writeErrors())
	if stylesChanged {
		diags.Add(w.hosting(b.site, b.assets))
	}
	if feedsChanged {
		diags.Add(w.feeds(b.site, b.keptHTML))
	}
	if diags.HasErrors() {
		dp.abort()
		return diags
	}
	maps.Copy(b.shown, shown)
	for id, v := range next {
		dp.vals[id] = v
	}
	dp.commit(model, nil, nil)
	return diags
}

// updateStructure resolves the model again and renders every output whose
// reads give other values in it (deps).
func (b *Builder) updateStructure(w *writer, changed []string, ch *Changes) (diag.List, error) {
	site, diags := b.model()
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	b.resolved(site, diags)
	env := &render.Env{Templates: b.layouts, Catalog: b.catalog, Site: site, Assets: b.assets}
	model := render.NewModel(site, b.assets)
	for p, d := range b.docs {
		if slices.Contains(changed, p) || d.diags.HasErrors() {
			delete(b.docs, p) // a broken link may resolve now
		}
	}
	// Pages that link to a key whose URL or title changed in their
	// language, or to a file name that now names another page or file,
	// must convert their Markdown again.
	moved := b.movedFiles(site, changed)
	for _, key := range site.Keys() {
		for _, l := range site.Langs {
			old, now := b.site.Page(key, l.Code), site.Page(key, l.Code)
			if old == nil || old.Path != now.Path || old.Title != now.Title || old.TitleLang.Code != now.TitleLang.Code {
				moved[l.Code+"\x00"+key] = true
			}
		}
	}
	for _, key := range b.site.Keys() {
		if site.Page(key, site.Default.Code) == nil {
			for _, l := range site.Langs {
				moved[l.Code+"\x00"+key] = true
			}
		}
	}
	for p, d := range b.docs {
		f := b.files[p]
		if f == nil {
			delete(b.docs, p)
			continue
		}
		for _, k := range d.links {
			if moved[f.Lang+"\x00"+k] || moved[k] {
				delete(b.docs, p)
				break
			}
		}
	}
	dp := b.deps
	next := dp.values(model, 0)
	var todo []*pages.Page
	for _, p := range allPages(site) {
		_, hasDoc := b.docs[pathOf(p)]
		if dp.stale(model, p, next) || (p.File != nil && p.PageNumber() == 1 && !hasDoc) || b.fallbackStale(p, changed, moved) {
			todo = append(todo, p)
		}
	}
	dp.begin()
	w.record = func(p *pages.Page, r *render.Reads) { dp.record(model, p, r) }
	var mu sync.Mutex
	shown := map[string]shownText{}
	errs := make([]diag.List, len(todo))
	parallel(len(todo), func(i int) {
		p := todo[i]
		var d *doc
		if p.File != nil && p.PageNumber() == 1 { // a listing's page 2, 3, ... shows its list, not page 1's text
			d = b.docFor(site, p, b.docs, &mu)
			errs[i].Add(d.diags)
		} else if b.showsText(p) {
			d = b.convertFallback(site, p)
			errs[i].Add(d.diags)
			mu.Lock()
			shown[p.OutputFile()] = shownText{p.Source().File.Path, d.links}
			mu.Unlock()
		}
		errs[i].Add(w.page(env, p, d))
	})
	for _, e := range errs {
		diags.Add(e)
	}
	diags.Add(b.assets.writeErrors())
	diags.Add(b.changedResources(w, site, changed))
	diags.Add(w.feeds(site, b.keptHTML))
	diags.Add(w.hosting(site, b.assets))
	if diags.HasErrors() {
		dp.abort()
		// What was converted in this model may link elsewhere in the
		// next one, which is compared with the last good model: convert
		// it again then.
		for _, p := range todo {
			if p.File != nil {
				delete(b.docs, p.File.Path)
			}
		}
		return diags, nil
	}
	outputs, pageOutputs := map[string]bool{}, map[string]bool{}
	for _, r := range site.Resources {
		outputs[r.Path] = true
	}
	for _, p := range allPages(site) {
		outputs[p.OutputFile()] = true
		pageOutputs[p.OutputFile()] = true
	}
	for _, a := range b.assets.Made() {
		outputs[a.File] = true
	}
	for _, name := range b.assets.names() {
		outputs[name] = true
	}
	for _, name := range hosting.Names {
		if name != hosting.SitemapFile { // below, with its parts
			outputs[name] = true
		}
	}
	for _, name := range w.sitemap { // sitemap.xml and its parts, if any
		outputs[name] = true
	}
	for _, f := range site.Feeds() {
		outputs[f.Path] = true
	}
	for n := range b.outputs {
		if !outputs[n] {
			ch.Removed = append(ch.Removed, n)
		}
	}
	slices.Sort(ch.Removed)
	dp.commit(model, next, pageOutputs)
	b.outputs = outputs
	for _, p := range site.Pages {
		name := p.OutputFile()
		if _, done := shown[name]; !done && b.showsText(p) {
			shown[name] = b.shown[name]
		}
	}
	b.site, b.env, b.rmodel, b.shown = site, env, model, shown
	b.indexFiles()
	return diags, nil
}

// inFeed reports whether a feed holds p.
func inFeed(site *pages.Site, p *pages.Page) bool {
	for _, f := range site.Feeds() {
		if slices.Contains(f.Entries, p) {
			return true
		}
	}
	return false
}

// fallbackStale reports whether fallback page p shows its source's text
// and must render it again whatever it read of the model (deps does not
// see the text, which the build hands the layout as .Body): the text is
// not known, or comes from another source now, or the source's file
// changed, or a link of the text goes to a page or file that moved or was
// retitled in p's language (moved, as updateStructure finds it).
func (b *Builder) fallbackStale(p *pages.Page, changed []string, moved map[string]bool) bool {
	if !b.showsText(p) {
		return false
	}
	was, ok := b.shown[p.OutputFile()]
	if !ok || was.src != p.Source().File.Path || slices.Contains(changed, was.src) {
		return true
	}
	for _, k := range was.links {
		if moved[p.Lang.Code+"\x00"+k] || moved[k] {
			return true
		}
	}
	return false
}

// keptHTML returns a page's body as the Builder keeps it, for full-text
// feeds in an Update.
func (b *Builder) keptHTML(p *pages.Page) ([]byte, bool) {
	if p.File == nil {
		return nil, false
	}
	d := b.docs[p.File.Path]
	if d == nil {
		return nil, false
	}
	return d.unpacked().res.HTML, true
}

// movedFiles returns the link dependencies (pages.Link.Deps) a change
// can have moved: file names whose page or file changed (for every
// language, since a link falls back to other languages' files), as
// "file:<key>", aliases that appeared, went or moved to another page,
// as "alias:<path>", and URL paths where a page or file appeared or went,
// as "url:<path>" (a link that found nothing at one of its readings may
// find something now).
func (b *Builder) movedFiles(site *pages.Site, changed []string) map[string]bool {
	moved := map[string]bool{}
	owners := func(s *pages.Site) map[string]string {
		m := map[string]string{}
		for _, p := range s.Pages {
			if p.File != nil {
				m[p.Lang.Code+"\x00"+p.FileKey] = p.Key
			}
			m["\x02"+p.Path] = p.Key
		}
		for _, r := range s.Resources {
			m[r.Lang.Code+"\x00"+r.Key] = "\x00" + r.Path
			m["\x02"+r.Path] = "\x00" + r.Key
		}
		for _, p := range s.Special {
			if p.Kind == pages.Alias {
				m["\x01"+p.Path] = p.Target().Key
			}
		}
		return m
	}
	before, after := owners(b.site), owners(site)
	mark := func(k string) {
		if alias, ok := strings.CutPrefix(k, "\x01"); ok {
			moved[pages.AliasDep+alias] = true
			return
		}
		if p, ok := strings.CutPrefix(k, "\x02"); ok {
			moved[pages.URLDep+p] = true
			return
		}
		_, key, _ := strings.Cut(k, "\x00")
		moved[pages.FileDep+key] = true
	}
	for k, v := range before {
		if after[k] != v {
			mark(k)
		}
	}
	for k, v := range after {
		if before[k] != v {
			mark(k)
		}
	}
	for _, p := range changed {
		if !content.IsPageFile(b.src, p) {
			rest := strings.TrimPrefix(p, content.Dir+"/")
			if _, key, ok := strings.Cut(rest, "/"); ok {
				moved[pages.FileDep+content.Name(key)] = true
			}
		}
	}
	return moved
}

// changedResources writes the files beside pages that are new, moved or
// changed since the last build.
func (b *Builder) changedResources(w *writer, site *pages.Site, changed []string) diag.List {
	var diags diag.List
	old := map[string]*content.Resource{}
	for _, r := range b.site.Resources {
		old[r.Path] = r.Src
	}
	for _, r := range site.Resources {
		if old[r.Path] == r.Src && !slices.Contains(changed, r.Src.Path) {
			continue
		}
		if err := w.put(r.Path, r.Src.Data); err != nil {
			diags.Errorf(r.Src.Path, 0, "%v", err)
		}
	}
	return diags
}

func pathOf(p *pages.Page) string {
	if p.File == nil {
		return ""
	}
	return p.File.Path
}

// indexFiles maps content file paths to the published pages.
func (b *Builder) indexFiles() {
	b.byFile = map[string]*pages.Page{}
	for _, p := range b.site.Pages {
		if p.File != nil {
			b.byFile[p.File.Path] = p
		}
	}
}

// resolved tells Options.Resolved of a site model just resolved.
func (b *Builder) resolved(site *pages.Site, diags diag.List) {
	if b.opts.Resolved != nil {
		b.opts.Resolved(site, diags.Warnings())
	}
}

// inspect shows a page just converted to Options.Inspect, which gets all
// of its text; then, unless Options.Text asks for all of it, the text is
// cut to what a conversion for the search index has (search.TextWords),
// so that the search terms made of it (kept pages, search entries) are
// the same with Inspect as without.
func (b *Builder) inspect(site *pages.Site, p *pages.Page, d *doc) {
	if b.opts.Inspect == nil || b.stubbed[p.File.Path] || p.File.Generated {
		return
	}
	b.opts.Inspect(site, p, d.res, d.diags)
	if !b.opts.Text {
		d.res.Text = firstWords(d.res.Text, search.TextWords)
	}
}

// firstWords returns the blocks of text that a conversion asked for about
// n words keeps (markdown.Converter.Convert): blocks up to the one that
// brings the count of words, as one more than its spaces, to n.
// TestFirstWords holds the two to the same rule.
func firstWords(blocks []string, n int) []string {
	for i, t := range blocks {
		n -= strings.Count(t, " ") + 1
		if n <= 0 {
			return slices.Clone(blocks[:i+1]) // not a slice of blocks: the rest is garbage
		}
	}
	return blocks
}
