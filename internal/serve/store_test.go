package serve

import (
	"fmt"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/diag"
)

// TestStoreSnapshots: a build taken from the Store (as a request takes
// it) stays as it was while later builds are applied and fail: files
// written, removed and errors recorded after it are not seen in it.
func TestStoreSnapshots(t *testing.T) {
	s := NewStore()
	long := strings.Repeat("<p>Gammel side.</p>", 100) // compressed in the slab
	s.Replace(map[string][]byte{"da/index.html": []byte(long), "da/a/index.html": []byte("a"), "css/site.css": []byte("body{}")}, nil)
	s.SetSearch(nil)
	first := s.current()

	s.Apply(map[string][]byte{"da/index.html": []byte(strings.Repeat("<p>Ny side.</p>", 100)), "da/b/index.html": []byte("b")},
		&build.Changes{Written: []string{"da/index.html", "da/b/index.html"}, Removed: []string{"da/a/index.html"}}, nil)
	s.SetSearch(nil)
	s.SetErrors(diag.List{{Path: "content/da/b.md", Line: 2, Msg: "broken"}})

	tests := []struct {
		b          *served
		name, want string // want "" for no such file
	}{
		{first, "da/index.html", long},
		{first, "da/a/index.html", "a"},
		{first, "da/b/index.html", ""},
		{first, "css/site.css", "body{}"},
		{s.current(), "da/index.html", strings.Repeat("<p>Ny side.</p>", 100)},
		{s.current(), "da/a/index.html", ""},
		{s.current(), "da/b/index.html", "b"},
		{s.current(), "css/site.css", "body{}"},
	}
	for _, tt := range tests {
		data, ok := tt.b.get(tt.name)
		if string(data) != tt.want || ok != (tt.want != "") {
			t.Errorf("gen %d: %s = %.40q, %v; want %.40q", tt.b.gen, tt.name, data, ok, tt.want)
		}
	}
	if first.gen != 1 || s.Gen() != 2 {
		t.Errorf("gens %d and %d, want 1 and 2", first.gen, s.Gen())
	}
	if first.errs != nil || s.Errors() == nil {
		t.Errorf("errors: first build %v, latest %v", first.errs, s.Errors())
	}

	// An update past maxDelta copies the whole build; the one before
	// stays as it was.
	second := s.current()
	many := map[string][]byte{}
	ch := &build.Changes{Removed: []string{"css/site.css"}}
	for i := range maxDelta {
		n := fmt.Sprintf("da/s%d/index.html", i)
		many[n] = []byte(n)
		ch.Written = append(ch.Written, n)
	}
	s.Apply(many, ch, nil)
	s.SetSearch(nil)
	if s.current().delta != nil {
		t.Errorf("after %d files, the delta holds %d", maxDelta+1, len(s.current().delta))
	}
	want := map[string]string{"da/index.html": strings.Repeat("<p>Ny side.</p>", 100), "da/b/index.html": "b", "da/s7/index.html": "da/s7/index.html"}
	for n, d := range s.Snapshot() {
		if w, ok := want[n]; ok && string(d) != w {
			t.Errorf("after the copy, %s = %.40q", n, d)
		}
	}
	if len(s.Snapshot()) != maxDelta+2 || s.Has("css/site.css") || s.Has("da/a/index.html") {
		t.Errorf("after the copy: %d files, css/site.css %v, da/a/index.html %v", len(s.Snapshot()), s.Has("css/site.css"), s.Has("da/a/index.html"))
	}
	if !second.has("css/site.css") || second.has("da/s7/index.html") {
		t.Error("the copy changed the build before it")
	}
}

// BenchmarkStoreApply is what the Store adds to a rebuild that wrote one
// page: the build being served is copied, not changed, since requests may
// be reading it (30,005 files is the served site of 10,000 Danish pages).
func BenchmarkStoreApply(b *testing.B) {
	for _, n := range []int{3005, 30005} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			files := make(map[string][]byte, n)
			for i := range n {
				files[fmt.Sprintf("da/side-%d/index.html", i)] = []byte(strings.Repeat("<p>Tekst.</p>", 100))
			}
			s := NewStore()
			s.Replace(files, nil)
			s.SetSearch(nil)
			page := map[string][]byte{"da/side-1/index.html": []byte(strings.Repeat("<p>Ny tekst.</p>", 100))}
			ch := &build.Changes{Written: []string{"da/side-1/index.html"}}
			b.ReportAllocs()
			for b.Loop() {
				s.Apply(page, ch, nil)
				s.SetSearch(nil)
			}
		})
	}
}
