package render

import (
	"bytes"
	"html/template"
	"testing"
)

// TestMarkCurrent: the page's link is found as html/template wrote it,
// escapes and all, and marked once; the others are left alone.
func TestMarkCurrent(t *testing.T) {
	tree := template.Must(template.New("t").Parse(`{{ range . }}<a href="{{ .URL }}"{{ if .Open }} aria-current="true"{{ end }}>x</a>{{ end }}`))
	type item struct {
		URL  string
		Open bool
	}
	items := []item{{"/da/hjælp/", true}, {"/da/hjælp/a&b/", false}, {"/da/hjælp/c/", false}, {"/da/hjælp/c/d/", false}}
	var b bytes.Buffer
	if err := tree.Execute(&b, items); err != nil {
		t.Fatal(err)
	}
	h := template.HTML(b.String())
	for _, tt := range []struct{ url, want string }{
		{"/da/hjælp/", `<a href="/da/hj%c3%a6lp/" aria-current="page">x</a><a href="/da/hj%c3%a6lp/a&amp;b/">x</a><a href="/da/hj%c3%a6lp/c/">x</a><a href="/da/hj%c3%a6lp/c/d/">x</a>`},
		{"/da/hjælp/a&b/", `<a href="/da/hj%c3%a6lp/" aria-current="true">x</a><a href="/da/hj%c3%a6lp/a&amp;b/" aria-current="page">x</a><a href="/da/hj%c3%a6lp/c/">x</a><a href="/da/hj%c3%a6lp/c/d/">x</a>`},
		{"/da/hjælp/c/", `<a href="/da/hj%c3%a6lp/" aria-current="true">x</a><a href="/da/hj%c3%a6lp/a&amp;b/">x</a><a href="/da/hj%c3%a6lp/c/" aria-current="page">x</a><a href="/da/hj%c3%a6lp/c/d/">x</a>`},
		{"/da/andet/", string(h)},
	} {
		if got := string(markCurrent(h, tt.url)); got != tt.want {
			t.Errorf("markCurrent(%s):\n%s\nwant\n%s", tt.url, got, tt.want)
		}
	}
}
