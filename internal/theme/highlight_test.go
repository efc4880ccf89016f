package theme

import (
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/markdown"
)

var update = flag.Bool("update", false, "rewrite the highlighted code's colours in static/css/site.css")

// highlightColours are the colours of highlighted code's classes
// (markdown.HighlightClasses), in light and dark mode, and what else a
// class sets. GitHub's colours for code, darkened where they fell short of
// 4.5:1 on the theme's code background.
var highlightColours = map[string]struct {
	light, dark string
	extra       string // more declarations
}{
	"k":  {"#b3261e", "#ff8f87", ""},
	"s":  {"#0a3069", "#a5d6ff", ""},
	"m":  {"#0550ae", "#79c0ff", ""},
	"c":  {"#5c6166", "#a8b1ba", "font-style: italic;"},
	"nf": {"#6639ba", "#d2a8ff", ""},
	"nb": {"#8a4600", "#ffa657", ""},
	"nc": {"#7a3e00", "#ffc680", ""},
	"nt": {"#116329", "#7ee787", ""},
	"na": {"#0550ae", "#79c0ff", ""},
	"nv": {"#8a4600", "#ffa657", ""},
	"gd": {"#a0111f", "#ffa198", ""},
	"gi": {"#116329", "#7ee787", ""},
	"gh": {"#0550ae", "#79c0ff", "font-weight: 700;"},
	"gp": {"#5c6166", "#a8b1ba", "user-select: none;"},
}

const (
	cssFile    = "static/css/site.css"
	blockStart = "/* Highlighted code: written by go test ./internal/theme -run TestHighlightCSS -update */\n"
	blockEnd   = "/* End of highlighted code */\n"
)

// highlightCSS returns the stylesheet's block for highlighted code.
func highlightCSS() string {
	var b strings.Builder
	b.WriteString(blockStart)
	b.WriteString(`/* The classes markdown.HighlightClasses names, and no others: each colour
   has at least 4.5:1 contrast against the code's background (--band) in
   light and in dark mode (WCAG 1.4.3), which TestHighlightCSS computes. */
`)
	b.WriteString(":root {\n")
	for _, c := range markdown.HighlightClasses {
		fmt.Fprintf(&b, "  --code-%s: %s; /* %s */\n", c.Class, highlightColours[c.Class].light, c.What)
	}
	b.WriteString("}\n@media (prefers-color-scheme: dark) {\n  :root {\n")
	for _, c := range markdown.HighlightClasses {
		fmt.Fprintf(&b, "    --code-%s: %s;\n", c.Class, highlightColours[c.Class].dark)
	}
	b.WriteString("  }\n}\n")
	for _, c := range markdown.HighlightClasses {
		fmt.Fprintf(&b, ".code .%s { color: var(--code-%s);", c.Class, c.Class)
		if x := highlightColours[c.Class].extra; x != "" {
			b.WriteString(" " + x)
		}
		b.WriteString(" }\n")
	}
	b.WriteString(blockEnd)
	return b.String()
}

// TestHighlightCSS: the stylesheet colours exactly the classes the
// converter writes, with colours that meet WCAG AA on the code's
// background in light and dark mode. With -update it writes the block.
func TestHighlightCSS(t *testing.T) {
	data, err := fs.ReadFile(FS(), cssFile)
	if err != nil {
		t.Fatal(err)
	}
	css := string(data)
	for _, c := range markdown.HighlightClasses {
		if _, ok := highlightColours[c.Class]; !ok {
			t.Errorf("class %q (%s) has no colours in highlightColours", c.Class, c.What)
		}
	}
	if len(highlightColours) != len(markdown.HighlightClasses) {
		t.Errorf("highlightColours has %d classes, markdown.HighlightClasses %d", len(highlightColours), len(markdown.HighlightClasses))
	}

	light, dark := rootVars(t, css)
	for _, mode := range []struct {
		name string
		vars map[string]string
		pick func(class string) string
	}{
		{"light", light, func(c string) string { return highlightColours[c].light }},
		{"dark", dark, func(c string) string { return highlightColours[c].dark }},
	} {
		bg := mode.vars["--band"]
		if bg == "" {
			t.Fatalf("no --band in the %s mode's :root", mode.name)
		}
		for _, c := range markdown.HighlightClasses {
			fg := mode.pick(c.Class)
			if r := contrast(t, fg, bg); r < 4.5 {
				t.Errorf("%s mode: .%s (%s) is %s on %s: %.2f:1, below 4.5:1", mode.name, c.Class, c.What, fg, bg, r)
			} else if testing.Verbose() {
				t.Logf("%s mode: .%s %s on %s: %.2f:1", mode.name, c.Class, fg, bg, r)
			}
		}
	}

	want := highlightCSS()
	i, j := strings.Index(css, blockStart), strings.Index(css, blockEnd)
	if i < 0 || j < i {
		t.Fatalf("%s has no block between %q and %q", cssFile, blockStart, blockEnd)
	}
	got := css[i : j+len(blockEnd)]
	if got == want {
		return
	}
	if !*update {
		t.Fatalf("%s's highlighted code block is not what highlightColours gives; run go test ./internal/theme -run TestHighlightCSS -update\ngot:\n%s\nwant:\n%s", cssFile, got, want)
	}
	if err := os.WriteFile(cssFile, []byte(css[:i]+want+css[j+len(blockEnd):]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// rootVars returns the custom properties of the stylesheet's :root rules,
// in light mode and in dark mode (light ones overridden by those inside
// @media (prefers-color-scheme: dark)).
func rootVars(t *testing.T, css string) (light, dark map[string]string) {
	t.Helper()
	light, dark = map[string]string{}, map[string]string{}
	darkBlocks := regexp.MustCompile(`@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}`)
	decl := regexp.MustCompile(`(--[\w-]+):\s*([^;]+);`)
	root := regexp.MustCompile(`(?m)^:root \{([^}]*)\}`)
	for _, m := range root.FindAllStringSubmatch(css, -1) {
		for _, d := range decl.FindAllStringSubmatch(m[1], -1) {
			light[d[1]] = strings.TrimSpace(d[2])
		}
	}
	for k, v := range light {
		dark[k] = v
	}
	for _, m := range darkBlocks.FindAllStringSubmatch(css, -1) {
		for _, d := range decl.FindAllStringSubmatch(m[1], -1) {
			dark[d[1]] = strings.TrimSpace(d[2])
		}
	}
	return light, dark
}

// contrast returns the WCAG 2 contrast ratio of two colours written #rrggbb.
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	la, lb := luminance(t, a), luminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// luminance is the relative luminance of an sRGB colour (WCAG 2.2's
// definition, with the sRGB standard's threshold 0.04045).
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	var rgb [3]float64
	for i := range rgb {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("colour %q: %v", hex, err)
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			rgb[i] = c / 12.92
		} else {
			rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
}

// TestContrast checks the contrast computation against known pairs.
func TestContrast(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes on white
		{"#777777", "#ffffff", 4.48},
	} {
		if got := contrast(t, tt.a, tt.b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}
