package build

import (
	"bytes"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/minifier"
	"github.com/udenmitid/sitegen/internal/render"
)

// assets give layouts the files of static/ by name (render.Assets).
//
// Every file of static/ is published as it is, at its own name
// (writer.static), as Hugo and Zola publish it: Markdown, raw HTML and
// other static files may reference it by that name. A CSS or JavaScript
// file a layout asks for ({{ .Asset "css/site.css" }}) is published once
// more, minified, under a name that holds its hash ("css/site.3f9a1c2b.css"),
// which hosts may cache for a year, and the layout gets that name and its
// Subresource Integrity value. The copy is made the first time a layout
// asks, so a vendor file no layout names is never minified or renamed.
// With Options.Dev (sitegen serve) no copy is made: the layout gets the
// file's own name, so that a changed stylesheet can be swapped in place.
type assets struct {
	static      map[string]staticFile
	basePath    string
	fingerprint bool
	min         *minifier.Minifier // nil: copies are not minified
	fixed       map[string]*render.Asset

	mu     sync.Mutex
	out    *writer // where copies are written; set for each build or update
	made   map[string]*madeAsset
	failed diag.List // writing copies failed: the Output's errors (writeErrors)
}

type madeAsset struct {
	once  sync.Once
	asset *render.Asset
	err   error
}

// newAssets returns the assets of a build from the static files.
func newAssets(files []staticFile, basePath string, fingerprint bool, min *minifier.Minifier) *assets {
	a := &assets{static: make(map[string]staticFile, len(files)), basePath: basePath, fingerprint: fingerprint, min: min,
		fixed: map[string]*render.Asset{}, made: map[string]*madeAsset{}}
	for _, f := range files {
		a.static[f.name] = f
	}
	return a
}

// setFixed adds an asset the build makes itself, such as a search index.
func (a *assets) setFixed(asset *render.Asset) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.fixed[asset.Name] = asset
}

// writeTo makes w the writer of the copies made from now on.
func (a *assets) writeTo(w *writer) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.out = w
}

// Asset returns a file of static/ by its name there, as a layout links
// to it; see assets.
func (a *assets) Asset(name string) (*render.Asset, error) {
	a.mu.Lock()
	if f := a.fixed[name]; f != nil {
		a.mu.Unlock()
		return f, nil
	}
	m := a.made[name]
	if m == nil {
		m = &madeAsset{}
		a.made[name] = m
	}
	w := a.out
	a.mu.Unlock()
	m.once.Do(func() { m.asset, m.err = a.make(name, w) })
	return m.asset, m.err
}

// make returns the asset of a name, writing its fingerprinted copy to w
// when it has one.
func (a *assets) make(name string, w *writer) (*render.Asset, error) {
	f, ok := a.static[name]
	if !ok {
		return nil, fmt.Errorf("no file %q in static/ (nor in the theme's)", name)
	}
	asset := &render.Asset{Name: name, File: name, URL: a.basePath + name}
	if !a.fingerprint || !fingerprinted(name) {
		return asset, nil
	}
	data := f.data
	if a.min != nil && minifier.Handles(name) {
		m, err := a.min.Minify(name, data)
		if err != nil {
			return nil, fmt.Errorf("%s: minifying it for a layout: %v; fix the file, or link to it by its own name instead of .Asset", f.path, err)
		}
		data = m
	}
	asset.File, asset.Integrity = fingerprintOf(name, data)
	asset.URL = a.basePath + asset.File
	for other, o := range a.static {
		if !strings.EqualFold(other, asset.File) {
			continue
		}
		if other == asset.File && bytes.Equal(o.data, data) {
			return asset, nil // a copy from an earlier build, published as it is already
		}
		return nil, fmt.Errorf("%s: its fingerprinted copy for layouts is %s, which %s is too; rename that file", f.path, asset.File, o.path)
	}
	if w == nil {
		return nil, fmt.Errorf("%s: asked for outside a build", f.path)
	}
	if err := w.put(asset.File, data); err != nil {
		// The Output failed (a full disk): one error for the build, not
		// one for each layout that asks (writeErrors).
		a.mu.Lock()
		report(&a.failed, f.path, err)
		a.mu.Unlock()
	}
	return asset, nil
}

// writeErrors returns the problems writing the copies made since the
// last call, and forgets them.
func (a *assets) writeErrors() diag.List {
	a.mu.Lock()
	defer a.mu.Unlock()
	d := a.failed
	a.failed = nil
	return d
}

// Made returns the assets layouts asked for and the build made itself, by
// name.
func (a *assets) Made() map[string]*render.Asset {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := maps.Clone(a.fixed)
	for name, m := range a.made {
		if m.asset != nil {
			out[name] = m.asset
		}
	}
	return out
}

// fingerprints returns the output names that hold a hash of their
// contents, sorted: the copies made for layouts and the search indexes.
func (a *assets) fingerprints() []string {
	var out []string
	for _, asset := range a.Made() {
		if asset.File != asset.Name {
			out = append(out, asset.File)
		}
	}
	slices.Sort(out)
	return out
}

// names returns the names of the static files, sorted.
func (a *assets) names() []string {
	return slices.Sorted(maps.Keys(a.static))
}

// fingerprinted reports whether a static file a layout asks for gets a
// copy whose name holds its hash: CSS and JavaScript, the files browsers
// check with integrity= and the files a page cannot work without.
func fingerprinted(name string) bool {
	ext := path.Ext(name)
	return ext == ".css" || ext == ".js"
}

// fingerprintPattern is the path.Match pattern of the names of a static
// file's fingerprinted copies ("css/site.[0-9a-f]...[0-9a-f].css").
func fingerprintPattern(name string) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + strings.Repeat("[0-9a-f]", 8) + ext
}
