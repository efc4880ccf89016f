// Package minifier shrinks the build's output by media type with
// tdewolff/minify: HTML, CSS, JavaScript, SVG, JSON and XML.
package minifier

import (
	"bytes"
	"io"
	"path"
	"regexp"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// A Minifier minifies files by their extension. It is safe for concurrent
// use.
type Minifier struct {
	m *minify.M
}

var types = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".mjs":  "application/javascript",
	".svg":  "image/svg+xml",
	".json": "application/json",
	".xml":  "text/xml",
}

// New returns a Minifier.
func New() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		// Keep the document tags so <html lang> stays, and end tags so
		// the output stays readable to tools that do not parse HTML5's
		// optional tags.
		KeepDocumentTags: true,
		KeepEndTags:      true,
		KeepQuotes:       true,
	})
	m.AddFunc("text/css", css.Minify)
	m.Add("image/svg+xml", &svgMemo{})
	m.AddFuncRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]json$"), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]xml$"), xml.Minify)
	return &Minifier{m: m}
}

// Handles reports whether files with this name are minified.
func Handles(name string) bool { return types[path.Ext(name)] != "" }

// MinifyTo writes the minified form of data, a file named name, to w.
// It may change data: minify parses it in place, and its JavaScript
// minifier rewrites names there. Give it a buffer nothing reads again (a
// rendered page), or use Minify.
func (m *Minifier) MinifyTo(w io.Writer, name string, data []byte) error {
	mt := types[path.Ext(name)]
	if mt == "" {
		_, err := w.Write(data)
		return err
	}
	return m.m.Minify(mt, w, source{bytes.NewReader(data), data})
}

// source is a reader that also offers its bytes, which minify then parses
// in place instead of copying.
type source struct {
	*bytes.Reader
	data []byte
}

func (s source) Bytes() []byte { return s.data }

// Minify returns the minified form of data, a file named name, and leaves
// data as it was (sitegen serve minifies the same static file again after
// each edit). Files of other types come back unchanged.
func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	mt := types[path.Ext(name)]
	if mt == "" {
		return data, nil
	}
	return m.m.Bytes(mt, bytes.Clone(data))
}

// svgMemo is the SVG minifier, remembering what it made of small images:
// the HTML minifier minifies each <svg> inside a page apart, and a
// theme's icons are the same on every page (the menu's on all of them),
// so minifying them again took a fifth of a page's minifying (issue 30).
// It keeps up to memoImages images of up to memoBytes each, the first it
// sees; svg.Minify's output depends on its input and whether the image is
// inline, nothing else.
type svgMemo struct {
	mu   sync.RWMutex
	done [2]map[string][]byte // by inline (params["inline"] == "1"): image -> its minified form
	n    int
}

const (
	memoImages = 64
	memoBytes  = 4 << 10
)

func (s *svgMemo) Minify(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
	src, ok := r.(interface{ Bytes() []byte }) // as minify's own readers are (see source)
	if !ok || len(src.Bytes()) > memoBytes {
		return svg.Minify(m, w, r, params)
	}
	data := src.Bytes()
	inline := 0
	if params["inline"] == "1" {
		inline = 1
	}
	s.mu.RLock()
	out, found := s.done[inline][string(data)]
	full := s.n >= memoImages
	s.mu.RUnlock()
	if found {
		_, err := w.Write(out)
		return err
	}
	if full {
		return svg.Minify(m, w, r, params)
	}
	key := string(data) // before svg.Minify, which may change data
	var b bytes.Buffer
	if err := svg.Minify(m, &b, r, params); err != nil {
		return err
	}
	s.mu.Lock()
	if s.done[inline] == nil {
		s.done[inline] = map[string][]byte{}
	}
	if _, ok := s.done[inline][key]; !ok && s.n < memoImages {
		s.done[inline][key] = b.Bytes()
		s.n++
	}
	s.mu.Unlock()
	_, err := w.Write(b.Bytes())
	return err
}
