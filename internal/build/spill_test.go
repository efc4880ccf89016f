package build

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"path"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/search"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestSpillEntry: an entry reads back from the spill file as it was, with
// every field of search.Entry set; a field the encoding misses fails it.
func TestSpillEntry(t *testing.T) {
	full := &search.Entry{}
	v := reflect.ValueOf(full).Elem()
	for i := range v.NumField() {
		f, name := v.Field(i), v.Type().Field(i).Name
		switch {
		case f.Kind() == reflect.String:
			f.SetString(name + " æøå")
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
			f.Set(reflect.ValueOf([]string{name + " 1", "", name + " 3"}))
		default:
			t.Fatalf("search.Entry.%s is a %s, which appendEntry cannot keep: teach it and decodeEntry", name, f.Type())
		}
	}
	for _, e := range []*search.Entry{full, {}, {URL: "/da/", Headings: []string{"Én"}}} {
		b := appendEntry([]byte("before"), e)
		got, err := decodeEntry(b[len("before"):])
		if err != nil {
			t.Fatalf("%+v: %v", e, err)
		}
		if !reflect.DeepEqual(got, e) {
			t.Errorf("wrote %+v, read %+v", e, got)
		}
		for n := range len(b) - len("before") {
			if _, err := decodeEntry(b[len("before") : len(b)-n-1]); err == nil {
				t.Errorf("%+v cut to %d bytes: no error", e, n)
			}
		}
	}
}

// spillSite builds a one-language site of more pages than
// search.SplitPages and returns its model and a spill of its entries.
func spillSite(t *testing.T) (*pages.Site, *entrySpill) {
	t.Helper()
	fsys := fstest.MapFS{
		"sitegen.toml":         {Data: []byte("base_url = \"https://example.org/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n")},
		"content/da/_index.md": {Data: []byte("---\ntitle: Forside\ndescription: Forsiden.\n---\n")},
	}
	for i := range search.SplitPages + 20 {
		fsys[fmt.Sprintf("content/da/side-%d.md", i)] = &fstest.MapFile{
			Data: []byte(fmt.Sprintf("---\ntitle: Side %d om klager\ndescription: En side.\n---\nOm frister og sager nummer %d.\n", i, i))}
	}
	b := NewBuilder(fsys, Options{Defaults: theme.FS(), NoSearch: true})
	if _, err := b.Build(publish.NewMemory()); err != nil {
		t.Fatal(err)
	}
	s := newEntrySpill()
	t.Cleanup(s.close)
	if s.f == nil {
		t.Skip("no temporary file")
	}
	for _, p := range b.site.Pages {
		if !p.Fallback {
			e := search.NewEntry(b.site, p, nil)
			e.Terms = "frist sag klag"
			s.add(p, e)
			s.mem[p] = e // for the index made in memory, to compare
		}
	}
	return b.site, s
}

// TestSpillIndex: a split index made from the spill file, its files
// spooled there and put one at a time, is the index made in memory; an
// error putting a file ends it with that error, and the next index made
// from the spill is whole.
func TestSpillIndex(t *testing.T) {
	site, s := spillSite(t)
	lang := site.Langs[0]
	wantIndex, wantFiles := search.Files(site, lang, s.mem, search.SplitPages)
	if len(wantFiles) < 10 {
		t.Fatalf("%d files: the index is not split", len(wantFiles))
	}
	failed := errors.New("disk full")
	n := 0
	_, _, err := s.index(site, lang, func(name string, data []byte) error {
		if n++; n == 3 {
			return failed
		}
		return nil
	})
	if err != failed {
		t.Errorf("put fails at the third file: index returns %v", err)
	}
	got := map[string][]byte{}
	index, dir, err := s.index(site, lang, func(name string, data []byte) error {
		got[name] = bytes.Clone(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(index, wantIndex) || !maps.EqualFunc(got, wantFiles, bytes.Equal) {
		t.Errorf("the index from the spill differs from the one made in memory (%d files, want %d)", len(got), len(wantFiles))
	}
	for name := range got {
		if !strings.HasPrefix(name, dir) || path.Dir(name)+"/" != dir {
			t.Errorf("%s is not in %s", name, dir)
		}
	}
	if st, err := s.f.Stat(); err != nil || st.Size() != s.size {
		t.Errorf("the spill file is not cut back to its entries: %d bytes, want %d (%v)", st.Size(), s.size, err)
	}
	if st, err := s.scratch.Stat(); err != nil || st.Size() != 0 {
		t.Errorf("the scratch is not emptied: %d bytes (%v)", st.Size(), err)
	}
}

// TestSpillIndexFileError: when a temporary file fails, the entries' or
// the scratch's, the index fails with an error that names it.
func TestSpillIndexFileError(t *testing.T) {
	for _, scratch := range []bool{false, true} {
		site, s := spillSite(t)
		f := s.f
		if scratch {
			f = s.scratch
		}
		f.Close()
		_, _, err := s.index(site, site.Langs[0], func(string, []byte) error { return nil })
		if err == nil || !strings.Contains(err.Error(), f.Name()) {
			t.Errorf("the temporary file %s is closed: index returns %v, want an error naming it", f.Name(), err)
		}
	}
}
