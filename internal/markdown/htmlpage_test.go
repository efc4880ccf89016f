package markdown

import (
	"slices"
	"testing"
)

// TestConvertHTML: an HTML page's body is its HTML as it is, and the
// Result says what a Markdown page's would: ids, headings with their
// lines, text by block, no script or style text.
func TestConvertHTML(t *testing.T) {
	body := []byte("<p>We are <em>three</em>.</p>\n<h2 id=\"team\">The team</h2>\n<ul><li>Ann</li><li>Bo</li></ul>\n<a name=\"old\"></a><script>var x = 'no text';</script><style>p{}</style>\n<div id=\"map\">Map</div>")
	res := ConvertHTML(body, 5, AllText)
	if string(res.HTML) != string(body) || !res.RawHTML {
		t.Errorf("HTML = %q, RawHTML %v", res.HTML, res.RawHTML)
	}
	if want := []string{"map", "old", "team"}; !slices.Equal(res.IDs, want) {
		t.Errorf("IDs = %q, want %q", res.IDs, want)
	}
	if want := []Heading{{Level: 2, ID: "team", Text: "The team", Line: 6}}; !slices.Equal(res.Headings, want) {
		t.Errorf("Headings = %+v, want %+v", res.Headings, want)
	}
	if want := []string{"We are three.", "The team", "Ann", "Bo", "Map"}; !slices.Equal(res.Text, want) {
		t.Errorf("Text = %q, want %q", res.Text, want)
	}
	if got := ConvertHTML(body, 1, 3).Text; !slices.Equal(got, []string{"We are three."}) {
		t.Errorf("Text of about 3 words = %q", got)
	}
}
