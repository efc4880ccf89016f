package browsertest

import (
	_ "embed"
	"fmt"
	"math"
	"testing"
)

//go:embed testdata/colours.js
var coloursJS string

// colourPair is a foreground and a background colour of site.css, by
// custom property, and the contrast they need. axe-core checks the colours
// it sees in the page; these pairs also cover the states it cannot see:
// visited and hovered links and the focus indicator.
type colourPair struct {
	fg, bg []string // every fg against every bg
	min    float64
	why    string
	either bool // one fg that has the contrast against each bg is enough
}

var colourPairs = []colourPair{
	{fg: []string{"--text", "--muted", "--link", "--link-visited", "--link-hover"}, bg: []string{"--bg", "--band"}, min: 4.5, why: "text and links (1.4.3)"},
	{fg: []string{"--text"}, bg: []string{"--note-bg"}, min: 4.5, why: "the draft banner (1.4.3)"},
	{fg: []string{"--header-text"}, bg: []string{"--header-bg"}, min: 4.5, why: "the header (1.4.3)"},
	{fg: []string{"--focus-text"}, bg: []string{"--focus"}, min: 4.5, why: "a focused link (1.4.3)"},
	{fg: []string{"--error"}, bg: []string{"--bg", "--band"}, min: 4.5, why: "error messages (1.4.3)"},
	{fg: []string{"--bg"}, bg: []string{"--link", "--link-hover", "--text"}, min: 4.5, why: "buttons, and hovered buttons (1.4.3)"},
	{fg: []string{"--border"}, bg: []string{"--bg", "--band"}, min: 3, why: "borders (1.4.11)"},
	// The focus indicator is the --focus background with a --focus-text bar
	// under it; one of the two must stand out from what is around it.
	{fg: []string{"--focus", "--focus-text"}, bg: []string{"--bg", "--band", "--header-bg"}, min: 3, why: "the focus indicator (1.4.11, 2.4.7)", either: true},
}

// parseRGB parses a computed colour, "rgb(29, 79, 145)".
func parseRGB(s string) (r, g, b float64, err error) {
	var a float64
	if _, err := fmt.Sscanf(s, "rgb(%g, %g, %g)", &r, &g, &b); err == nil {
		return r, g, b, nil
	}
	if _, err := fmt.Sscanf(s, "rgba(%g, %g, %g, %g)", &r, &g, &b, &a); err == nil {
		if a < 1 {
			return 0, 0, 0, fmt.Errorf("%s is not opaque; its contrast depends on what is under it", s)
		}
		return r, g, b, nil
	}
	return 0, 0, 0, fmt.Errorf("cannot read the colour %q", s)
}

// luminance is the relative luminance of WCAG 2.
func luminance(r, g, b float64) float64 {
	lin := func(c float64) float64 {
		c /= 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG 2 contrast ratio of two computed colours.
func contrast(a, b string) (float64, error) {
	ar, ag, ab, err := parseRGB(a)
	if err != nil {
		return 0, err
	}
	br, bg, bb, err := parseRGB(b)
	if err != nil {
		return 0, err
	}
	la, lb := luminance(ar, ag, ab), luminance(br, bg, bb)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05), nil
}

func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"rgb(0, 0, 0)", "rgb(255, 255, 255)", 21},
		{"rgb(255, 255, 255)", "rgb(255, 255, 255)", 1},
		{"rgb(29, 79, 145)", "rgb(255, 255, 255)", 8.14},
		{"rgba(118, 118, 118, 1)", "rgb(255, 255, 255)", 4.54},
	}
	for _, tt := range tests {
		got, err := contrast(tt.a, tt.b)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got-tt.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
	if _, err := contrast("rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)"); err == nil {
		t.Error("a colour that is not opaque has no error")
	}
}

// checkColours checks the colour pairs in the page that is open, in its
// current colour scheme.
func (b *tab) checkColours(t *testing.T) {
	t.Helper()
	var names []string
	seen := map[string]bool{}
	for _, p := range colourPairs {
		for _, n := range append(append([]string(nil), p.fg...), p.bg...) {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	colours := eval[map[string]string](t, b.ctx, coloursJS, names)
	for _, n := range names {
		if colours[n] == "" {
			t.Errorf("site.css does not set the custom property %s on :root", n)
		}
	}
	if t.Failed() {
		return
	}
	for _, p := range colourPairs {
		for _, bg := range p.bg {
			best, bestFG := 0.0, ""
			for _, fg := range p.fg {
				c, err := contrast(colours[fg], colours[bg])
				if err != nil {
					t.Errorf("%s on %s: %v", fg, bg, err)
					continue
				}
				if !p.either && c < p.min {
					t.Errorf("%s: %s %s on %s %s has contrast %.2f:1, want at least %.1f:1",
						p.why, fg, colours[fg], bg, colours[bg], c, p.min)
				}
				if c > best {
					best, bestFG = c, fg
				}
			}
			if p.either && best < p.min {
				t.Errorf("%s: neither of %v stands out from %s %s: best %.2f:1 (%s), want at least %.1f:1",
					p.why, p.fg, bg, colours[bg], best, bestFG, p.min)
			}
		}
	}
}
