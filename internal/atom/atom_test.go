package atom

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// TestAbsolute: links and images in a full-text entry are absolute, read
// against the page's URL; other URLs and the rest of the HTML are kept.
func TestAbsolute(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<a href="/da/klage/">k</a>`, `<a href="https://example.org/da/klage/">k</a>`},
		{`<a href="#frist">f</a>`, `<a href="https://example.org/sub/da/nyt/#frist">f</a>`},
		{`<img src="skærm.png" alt="x">`, `<img src="https://example.org/sub/da/nyt/sk%C3%A6rm.png" alt="x">`},
		{`<a href="https://borger.dk/">b</a> &amp; <a href="mailto:a@b.dk">m</a>`, `<a href="https://borger.dk/">b</a> &amp; <a href="mailto:a@b.dk">m</a>`},
		{"<pre><code>a  &lt; b\n\n  c</code></pre>", "<pre><code>a  &lt; b\n\n  c</code></pre>"},
	}
	for _, tt := range tests {
		if got := string(Absolute([]byte(tt.in), "https://example.org/sub/da/nyt/")); got != tt.want {
			t.Errorf("Absolute(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestEscape: text and attribute values are escaped, and characters XML
// 1.0 does not allow are left out, so a feed always parses.
func TestEscape(t *testing.T) {
	var b bytes.Buffer
	w := &writer{b: &b}
	w.text("title", "a < b & \"c\"\x00\x1b\uFFFE ok", "x", "1 > \"0\"")
	var v struct {
		X    string `xml:"x,attr"`
		Text string `xml:",chardata"`
	}
	if err := xml.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatalf("%s: %v", b.Bytes(), err)
	}
	if v.Text != "a < b & \"c\" ok" || v.X != "1 > \"0\"" {
		t.Errorf("read back %+v from %s", v, b.Bytes())
	}
}
