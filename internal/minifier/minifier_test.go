package minifier

import (
	"bytes"
	"testing"
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
