package minifier

import (
	"bytes"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/svg"
)

func TestMinify(t *testing.T) {
	m := New()
	tests := []struct{ name, in, want string }{
		{"page.html", "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<title> A </title>\n</head>\n<body>\n<p class=\"x\">  Hej   verden </p>\n</body>\n</html>\n",
			`<!doctype html><html lang="da"><head><title>A</title></head><body><p class="x">Hej verden</p></body></html>`},
		{"site.css", "body {\n  color : #ffffff ;\n}\n", "body{color:#fff}"},
		{"a.js", "function  f ( a ) {\n  return a + 1 ;\n}\n", "function f(e){return e+1}"},
		{"d.json", "{ \"a\" : [ 1, 2 ] }", `{"a":[1,2]}`},
		{"photo.png", "\x89PNG  raw", "\x89PNG  raw"},
	}
	for _, tt := range tests {
		got, err := m.Minify(tt.name, []byte(tt.in))
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.name, got, err, tt.want)
		}
		var b bytes.Buffer
		if err := m.MinifyTo(&b, tt.name, []byte(tt.in)); err != nil || b.String() != tt.want {
			t.Errorf("%s: MinifyTo %q, %v; want %q", tt.name, b.String(), err, tt.want)
		}
	}
}

// TestMinifyLeavesInput: Minify twice over the same bytes gives the same
// result. sitegen serve minifies a static file again after every full
// rebuild; minify rewrote the input in place ("const form" became
// "const torm"), so the second result was broken JavaScript.
func TestMinifyLeavesInput(t *testing.T) {
	m := New()
	for name, src := range map[string]string{
		"a.js":   "(() => {\n  const form = document.querySelector('form[data-index]');\n  if (!form) return;\n  const text = \"a\";\n  form.dataset.x = text;\n})();\n",
		"a.css":  "body {\n  color : #ff0000 ;\n}\n",
		"a.html": "<p class=\"x\">  Hej   verden </p>\n",
	} {
		data := []byte(src)
		first, err := m.Minify(name, data)
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != src {
			t.Errorf("%s: Minify changed its input to %q", name, data)
		}
		second, err := m.Minify(name, data)
		if err != nil || string(second) != string(first) {
			t.Errorf("%s: second Minify gave %q, %v; first %q", name, second, err, first)
		}
	}
}

// TestSVGMemo: an SVG image minified from the memo, inside a page or as a
// file, is what the SVG minifier makes of it, the first time and after;
// and once the memo is full, images are still minified.
func TestSVGMemo(t *testing.T) {
	icon := `<svg class="i" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"> <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" stroke-width="2.50"/> </svg>`
	plain := minify.New()
	plain.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	plain.AddFunc("image/svg+xml", svg.Minify)
	for _, tt := range []struct{ name, mime, src string }{
		{"page.html", "text/html", "<p>Menu\n" + icon + "\n</p>"},
		{"icon.svg", "image/svg+xml", `<?xml version="1.0"?>` + icon},
	} {
		want, err := plain.Bytes(tt.mime, []byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		m := New()
		for i := range 3 {
			if i == 2 {
				m.m.Add("image/svg+xml", &svgMemo{n: memoImages}) // full
			}
			var b bytes.Buffer
			if err := m.MinifyTo(&b, tt.name, []byte(tt.src)); err != nil || b.String() != string(want) {
				t.Errorf("%s, time %d: %q, %v; want %q", tt.name, i+1, b.String(), err, want)
			}
		}
	}
}
