package pages

import (
	"slices"
	"testing"
)

// TestNatural: numbers in names compare by value, as readers count
// (issue 26: 2015-10-19 came before 2015-10-8).
func TestNatural(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2015-10-8-a.md", "2015-10-19-b.md", -1},
		{"2015-9-30.md", "2015-10-8.md", -1},
		{"page-2", "page-10", -1},
		{"page-10", "page-2", 1},
		{"a", "b", -1},
		{"a1", "a1", 0},
		{"a01", "a1", -1}, // equal by value: the strings decide, so the order is total
		{"a1", "a01", 1},
		{"a", "a1", -1},
		{"kapitel-2/_index.md", "kapitel-10/_index.md", -1},
		{"x99999999999999999999999", "x100000000000000000000000", -1}, // beyond int64
		{"æ1", "æ01", 1},
	}
	for _, tt := range tests {
		if got := Natural(tt.a, tt.b); got != tt.want {
			t.Errorf("Natural(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	names := []string{"n10.md", "n2.md", "n1.md", "m.md", "n02.md"}
	slices.SortFunc(names, Natural)
	if want := []string{"m.md", "n1.md", "n02.md", "n2.md", "n10.md"}; !slices.Equal(names, want) {
		t.Errorf("sorted %v, want %v", names, want)
	}
}
