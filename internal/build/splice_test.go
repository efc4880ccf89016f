package build

import (
	"bytes"
	"testing"
)

// TestSplice checks that a page's body goes in place of the mark only
// where the mark stands alone between elements.
func TestSplice(t *testing.T) {
	body := []byte("<p>Tekst</p>\n")
	tests := []struct {
		name, page, want string
		ok               bool
	}{
		{"between elements", "<main>" + bodyMark + "</main>", "<main><p>Tekst</p>\n</main>", true},
		{"with spaces", "<main>\n" + bodyMark + " </main>", "<main>\n<p>Tekst</p>\n </main>", true},
		{"missing", "<main></main>", "", false},
		{"twice", "<main>" + bodyMark + "</main><div>" + bodyMark + "</div>", "", false},
		{"in an attribute", `<meta content="` + bodyMark + `">`, "", false},
		{"in text", "<p>Se " + bodyMark + " her</p>", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w bytes.Buffer
			ok := splice(&w, []byte(tt.page), body)
			if ok != tt.ok || ok && w.String() != tt.want {
				t.Fatalf("splice = %v %q, want %v %q", ok, w.String(), tt.ok, tt.want)
			}
		})
	}
}
