package check

import (
	"strings"
	"testing"
)

// TestReadabilityShortPages: a page of fewer than MinLIXWords words, title
// included, gets no LIX and no warning, however long its words (a
// section with a title alone had "LIX 101.0 (very hard)" and failed
// -strict); from MinLIXWords words on, it is rated and warned about.
func TestReadabilityShortPages(t *testing.T) {
	long := func(n int) string { return strings.Repeat("Forvaltningsafgørelse ", n) } // one long word a time, no sentence end
	tests := []struct {
		name  string
		title string // one word
		body  string
		rated bool
	}{
		{"title only", "Ansøgningsprocedurer", "", false},
		{"99 words", "Ansøgningsprocedurer", long(98) + ".", false},
		{"100 words", "Ansøgningsprocedurer", long(99) + ".", true},
		{"many short sentences", "Hjem", strings.Repeat("Det er en dag. ", 30), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, site+"-- content/da/a/_index.md --\n---\ntitle: "+tt.title+"\ndescription: A.\n---\n"+tt.body+"\n")
			var got *Readability
			for i := range r.Readability {
				if r.Readability[i].Path == "content/da/a/_index.md" {
					got = &r.Readability[i]
				}
			}
			warned := strings.Contains(text(r), "content/da/a/_index.md:1: warning: LIX")
			if tt.rated != (got != nil) {
				t.Fatalf("rated: %+v, want %v", got, tt.rated)
			}
			if got != nil && got.Words < MinLIXWords {
				t.Errorf("rated with %d words", got.Words)
			}
			if want := tt.rated && got.LIX > 40; warned != want {
				t.Errorf("warned %v, want %v (%+v)", warned, want, got)
			}
		})
	}
}
