package build

import (
	"bytes"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/hosting"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/minifier"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/progress"
	"github.com/udenmitid/sitegen/internal/render"
	"github.com/udenmitid/sitegen/internal/search"
)

// StaticDir is the folder below the site root whose files are copied to
// the output.
const StaticDir = "static"

type staticFile struct {
	name string // below static/
	path string // as read, for errors
	data []byte
}

// loadStatic reads static/ from every layer; a later layer's file replaces
// an earlier one's.
func loadStatic(layers []fs.FS) ([]staticFile, diag.List) {
	var diags diag.List
	byName := map[string]staticFile{}
	for _, fsys := range layers {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, StaticDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == StaticDir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipAll
				}
				diags.Errorf(p, 0, "%v", err)
				return nil
			}
			if p != StaticDir && content.Ignored(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				diags.Errorf(p, 0, "symbolic links are not allowed in static/; copy the file here instead")
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !d.Type().IsRegular() {
				// A named pipe or a device would hang the build or never end.
				diags.Errorf(p, 0, "not a regular file; static/ holds files to publish")
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				diags.Errorf(p, 0, "%v", err)
				return nil
			}
			name := strings.TrimPrefix(p, StaticDir+"/")
			byName[name] = staticFile{name: name, path: p, data: data}
			return nil
		})
		if err != nil {
			diags.Errorf(StaticDir, 0, "%v", err)
		}
	}
	files := make([]staticFile, 0, len(byName))
	for _, f := range byName {
		files = append(files, f)
	}
	slices.SortFunc(files, func(a, b staticFile) int { return strings.Compare(a.name, b.name) })
	return files, diags
}

// fingerprintOf returns the name a file is written under, with the start
// of its hash before the extension ("css/site.3f9a1c2b.css"), and its
// Subresource Integrity value.
func fingerprintOf(name string, data []byte) (file, integrity string) {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	file = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
	sri := sha512.Sum384(data)
	return file, "sha384-" + base64.StdEncoding.EncodeToString(sri[:])
}

// writer minifies and writes output files.
type writer struct {
	out    Output
	min    *minifier.Minifier
	minify bool
	counts *progress.Counts // counts the pages written, if not nil

	// record, when set, is told what each page's rendering read of the
	// site (deps); it is called concurrently.
	record func(p *pages.Page, r *render.Reads)

	// names, when set, keeps the name of each file written (written), for
	// Changes; a build that keeps nothing for Update only counts them,
	// since 300,000 names are some 30 MB.
	names   bool
	mu      sync.Mutex
	written []string
	files   atomic.Int64 // files written
	stopped atomic.Bool  // the Output failed: nothing more is written

	// sitemap holds the names of the sitemap's files hosting wrote, in
	// order: the parts (sitemap-1.xml...) if any, then sitemap.xml.
	sitemap []string
}

// errStopped is put's error for each file after the Output failed; the
// failure itself is reported once, by the write that met it.
var errStopped = errors.New("the output failed")

// An outputError is the Output's own failure (a full disk, a folder it
// may not write), which no file of the site causes: it is reported once,
// at no file.
type outputError struct{ err error }

func (e *outputError) Error() string { return e.err.Error() }

// report adds the error of writing a file that comes from path (a source
// file, or ""): a file's own error at path, the Output's failure once at
// no file, and nothing for the files after it.
func report(diags *diag.List, path string, err error) {
	var oe *outputError
	switch {
	case err == nil, errors.Is(err, errStopped):
	case errors.As(err, &oe):
		diags.Errorf("", 0, "%v", oe.err)
	default:
		diags.Errorf(path, 0, "%v", err)
	}
}

func (w *writer) write(name string, data []byte) error {
	if w.minify && minifier.Handles(name) {
		m, err := w.min.Minify(name, data)
		if err != nil {
			return fmt.Errorf("minifying %s: %w", name, err)
		}
		data = m
	}
	return w.put(name, data)
}

// put writes a file as it is. A name that is no path inside the output
// is that file's error; an error of the Output is its failure (issue 23:
// a full disk gave one error for each of 6,518 files), after which
// nothing more is written: the first write that meets it returns it as an
// *outputError, and every later one errStopped.
func (w *writer) put(name string, data []byte) error {
	return w.putWith(name, func() error { return w.out.Write(name, data) })
}

// A partsOutput is an Output that writes a file whose bytes are parts,
// one after the other, without joining them in memory (publish.Dir).
type partsOutput interface {
	WriteParts(name string, parts [][]byte) error
}

// putParts is put of a file whose bytes are parts, one after the other,
// joined only for an Output that cannot write them as they are.
func (w *writer) putParts(name string, parts [][]byte) error {
	return w.putWith(name, func() error {
		if po, ok := w.out.(partsOutput); ok {
			return po.WriteParts(name, parts)
		}
		return w.out.Write(name, bytes.Join(parts, nil))
	})
}

// putWith is put, with write writing the file to the Output.
func (w *writer) putWith(name string, write func() error) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("refusing to write %q: not a relative path inside the output folder", name)
	}
	if w.stopped.Load() {
		return errStopped
	}
	w.files.Add(1)
	if w.names {
		w.mu.Lock()
		w.written = append(w.written, name)
		w.mu.Unlock()
	}
	if err := write(); err != nil {
		if w.stopped.Swap(true) {
			return errStopped
		}
		return &outputError{err}
	}
	return nil
}

// writtenNames returns the names of the files written, sorted, when the
// writer keeps them (names), else nil.
func (w *writer) writtenNames() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	slices.Sort(w.written)
	return slices.Clone(w.written)
}

// static writes every file of static/ as it is, at its own name (see
// assets).
func (w *writer) static(files []staticFile) diag.List {
	var diags diag.List
	var mu sync.Mutex
	parallel(len(files), func(i int) {
		err := w.put(files[i].name, files[i].data)
		mu.Lock()
		defer mu.Unlock()
		report(&diags, files[i].path, err)
	})
	return diags
}

// searchIndexes writes each language's search index and adds it to the
// assets. With Options.Dev they are not written: sitegen serve makes them
// when asked (Builder.SearchFiles), since they change with every edit. A
// split index's folder (search.IndexTo) is added as an asset too, named
// "search/<lang>/" with the file pattern "search/<lang>.<hash>/*", so that
// hosting gives its files a year's cache. The languages are made one
// after the other, from the entries read one at a time from the temporary
// file (entrySpill.index), and a split index's files are written one at a
// time: what is in memory meanwhile is one language's terms, the posting
// lists of a range of them (search.PostingBytes) and its table of forms.
func (w *writer) searchIndexes(site *pages.Site, entries *entrySpill, assets *assets, write bool) diag.List {
	var diags diag.List
	for _, l := range site.Langs {
		name := search.FileName(l.Code)
		a := &render.Asset{Name: name, File: name}
		if write {
			data, dir, err := entries.index(site, l, w.put)
			if err != nil {
				report(&diags, "", err)
				return diags
			}
			a.File, a.Integrity = fingerprintOf(name, data)
			report(&diags, "", w.put(a.File, data))
			if dir != "" {
				assets.setFixed(&render.Asset{Name: "search/" + l.Code + "/", File: dir + "*"})
			}
		}
		a.URL = site.Config.BasePath() + a.File
		assets.setFixed(a)
	}
	return diags
}

// hosting writes the sitemap, robots.txt, _redirects and _headers. The
// sitemap is made, minified as it is written, into blocks
// (hosting.WriteSitemap), which the Output writes one after the other,
// so that one file of it is in memory at a time, in no slice of its
// length: at most 50 MB, as a sitemap file may hold. The names of its
// files (sitemap.xml, and sitemap-1.xml... when it is cut into parts)
// are kept in w.sitemap.
func (w *writer) hosting(site *pages.Site, assets *assets) diag.List {
	var diags diag.List
	w.sitemap = nil
	if _, own := assets.static[hosting.SitemapFile]; !own {
		report(&diags, "", hosting.WriteSitemap(site, w.minify, func(name string, parts [][]byte) error {
			w.sitemap = append(w.sitemap, name)
			return w.putParts(name, parts)
		}))
	}
	for name, data := range hosting.Small(site, hosting.Assets{Fingerprinted: assets.fingerprints(), Static: assets.names()}) {
		if _, own := assets.static[name]; own {
			continue // the site's own file from static/ is published instead
		}
		report(&diags, "", w.write(name, data))
	}
	return diags
}

// buffers recycles the buffers pages are rendered and minified into.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// bodyMark stands for a page's Markdown body while the page around it is
// minified.
const bodyMark = "sitegen-body-5f0c2a9e"

// page renders, minifies and writes one page.
//
// The HTML around a page's body is minified; the body, goldmark's HTML,
// is not: it has no indentation or comments to remove, and minifying it
// took a seventh of a build's CPU time to make pages 1% smaller once
// compressed (measured on the 1,000-page corpus and the bundled site).
func (w *writer) page(env *render.Env, p *pages.Page, d *doc) diag.List {
	var res *markdown.Result
	if d != nil {
		res = d.res
	}
	if w.stopped.Load() {
		return nil // the Output failed: rendering more is work for nothing
	}
	html := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(html)
	html.Reset()
	name := p.OutputFile()
	var reads *render.Reads
	if w.record != nil {
		reads = render.NewReads()
	}
	var err error
	if w.minify {
		err = w.renderMinified(html, env, p, res, reads)
	} else {
		err = env.RenderTo(html, p, res, reads)
	}
	if err == nil {
		err = w.put(name, html.Bytes())
	}
	if err == nil && reads != nil {
		w.record(p, reads)
	}
	if err == nil && w.counts != nil {
		w.counts.Written.Add(1)
	}
	var diags diag.List
	if !errors.As(err, &diags) {
		report(&diags, "", err)
	}
	return diags
}

// renderMinified renders p into out, minified around its body, adding
// what it read to reads when not nil.
func (w *writer) renderMinified(out *bytes.Buffer, env *render.Env, p *pages.Page, res *markdown.Result, reads *render.Reads) error {
	name := p.OutputFile()
	raw := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(raw)
	raw.Reset()
	minify := func(to *bytes.Buffer) error {
		if err := w.min.MinifyTo(to, name, raw.Bytes()); err != nil {
			return fmt.Errorf("minifying %s: %w", name, err)
		}
		return nil
	}
	if res != nil && len(res.HTML) > 0 {
		if err := env.RenderAround(raw, p, res, bodyMark, reads); err != nil {
			return err
		}
		if !bytes.Contains(raw.Bytes(), []byte(bodyMark)) {
			return minify(out) // the layout does not show the body
		}
		small := buffers.Get().(*bytes.Buffer)
		defer buffers.Put(small)
		small.Reset()
		if err := minify(small); err != nil {
			return err
		}
		if splice(out, small.Bytes(), res.HTML) {
			return nil
		}
		// The layout puts the body somewhere other than between elements
		// (or its text holds the mark): minify it all.
		raw.Reset()
	}
	if err := env.RenderTo(raw, p, res, reads); err != nil {
		return err
	}
	return minify(out)
}

// splice writes page to w with body in place of bodyMark, and reports
// whether it could: the mark must be there once, between elements.
func splice(w *bytes.Buffer, page []byte, body []byte) bool {
	i := bytes.Index(page, []byte(bodyMark))
	if i < 0 || bytes.Contains(page[i+len(bodyMark):], []byte(bodyMark)) {
		return false
	}
	before := bytes.TrimRight(page[:i], " \n")
	after := bytes.TrimLeft(page[i+len(bodyMark):], " \n")
	if !bytes.HasSuffix(before, []byte(">")) || !bytes.HasPrefix(after, []byte("<")) {
		return false
	}
	w.Write(page[:i])
	w.Write(body)
	w.Write(page[i+len(bodyMark):])
	return true
}
