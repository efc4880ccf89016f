// Package minifier shrinks the build's output by media type with
// tdewolff/minify: HTML, CSS, JavaScript, SVG, JSON and XML.
package minifier

import (
	"bytes"
	"io"
	"path"
	"regexp"

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
	m.AddFunc("image/svg+xml", svg.Minify)
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
