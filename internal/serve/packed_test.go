package serve

import (
	"bytes"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/slab"
)

func TestPack(t *testing.T) {
	page := []byte("<!doctype html><title>x</title>" + strings.Repeat("<p>Du kan klage over et afslag.</p>", 100))
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 2000)...)
	for _, tc := range []struct {
		name     string
		data     []byte
		deflated bool
	}{
		{"da/klage/index.html", page, true},
		{"css/site.css", page, true},
		{"search/da.json", page, true},
		{"_headers", page, true},
		{"da/kort/index.html", []byte("<p>kort</p>"), false}, // too small to gain
		{"img/logo.png", png, false},                         // not text: kept as it is
		{"fonts/x.woff2", page, false},
	} {
		p := pack(&slab.Slab{}, tc.name, tc.data)
		if compressed := p.compressed.Len() > 0; compressed != tc.deflated {
			t.Errorf("%s: compressed %v, want %v", tc.name, compressed, tc.deflated)
		}
		if tc.deflated && p.compressed.Stored()*3 > len(tc.data)*2 {
			t.Errorf("%s: packed %d of %d bytes, want at most two thirds", tc.name, p.compressed.Stored(), len(tc.data))
		}
		if !bytes.Equal(p.bytes(), tc.data) {
			t.Errorf("%s: unpacked content differs", tc.name)
		}
	}
}

func TestStorePacks(t *testing.T) {
	page := []byte(strings.Repeat("<p>side</p>", 200))
	s := NewStore()
	s.Replace(map[string][]byte{"da/index.html": page, "a.png": {1, 2, 3}}, nil)
	if got, ok := s.Get("da/index.html"); !ok || !bytes.Equal(got, page) {
		t.Errorf("Get(da/index.html) = %d bytes, %v; want the page", len(got), ok)
	}
	if !s.Has("a.png") || s.Has("b.png") {
		t.Errorf("Has: a.png %v, b.png %v; want true, false", s.Has("a.png"), s.Has("b.png"))
	}
}
