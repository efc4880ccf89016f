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
