package build

import (
	"reflect"
	"testing"

	"github.com/udenmitid/sitegen/internal/search"
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
