package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// TestSizeLimits: a page over MaxElements, or a line nested deeper than
// MaxNesting, is an error at the line where it goes over, found before
// the page is parsed (issue 23: a page of a million list items took 900
// MB, a line of 40,000 nested list markers 6 seconds); pages below stay
// as they were.
func TestSizeLimits(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the error, after the line; "" for none
	}{
		// Two elements an item: item 100,001 is over, on line 11+100,000.
		{"a million list items", strings.Repeat("- a\n", 1_000_000),
			"100011: the page holds more than 200000 Markdown elements (paragraphs, list items, headings, lines, links, emphasis, table cells, ...) by this line, about 2000000 in all; split it into several pages"},
		{"nested quotations", "Tekst.\n\n" + strings.Repeat("> ", 101) + "a\n", "13: this line nests more than 100 lists and quotations; write it with fewer levels"},
		{"nested lists", strings.Repeat("- ", 40_000) + "a\n", "11: this line nests more than 100 lists and quotations; write it with fewer levels"},
		{"nested as deep as allowed", strings.Repeat("> ", 100) + "a\n", ""},
		{"100,000 headings", strings.Repeat("## Afsnit\n", 100_000), ""},
		{"4 MB of prose", strings.Repeat("Dette er en helt almindelig sætning med nogle ord, og den er lang.\n", 60_000), ""},
	}
	c := New(Options{Lang: "da"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if pr := checkSize(Measure([]byte(tt.src)), 11); pr != nil {
				got = fmt.Sprintf("%d: %s", pr.Line, pr.Msg)
			}
			if got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if tt.want == "" {
				return
			}
			res, problems := c.Convert([]byte(tt.src), 11, nil, AllText)
			if len(problems) != 1 || problems[0].Warning || fmt.Sprintf("%d: %s", problems[0].Line, problems[0].Msg) != tt.want || len(res.HTML) != 0 {
				t.Errorf("Convert: %d bytes of HTML, problems %+v", len(res.HTML), problems)
			}
		})
	}
}

// TestConvertSized: ConvertSized reports the limits of the size it is
// given, which the build measured for its budget, without counting the
// page again.
func TestConvertSized(t *testing.T) {
	src := []byte("Tekst.\n\n- a\n")
	c := New(Options{Lang: "da"})
	if _, problems := c.ConvertSized(src, 11, Measure(src), Hooks{}, 0); len(problems) != 0 {
		t.Errorf("measured: %+v", problems)
	}
	_, problems := c.ConvertSized(src, 11, Size{Elements: MaxElements + 1, over: 3}, Hooks{}, 0)
	if len(problems) != 1 || problems[0].Line != 13 || !strings.Contains(problems[0].Msg, "about 200001 in all") {
		t.Errorf("given a size over the limit: %+v", problems)
	}
}

// TestElementsBoundNodes: Elements never counts much fewer elements than
// goldmark makes nodes, for each shape of Markdown, so MaxElements bounds
// what a conversion holds.
func TestElementsBoundNodes(t *testing.T) {
	shapes := map[string]string{
		"list": "- a\n", "ordered list": "1. a\n", "task list": "- [ ] a\n", "paragraphs": "a\n\n",
		"headings": "## H\n", "setext headings": "a\n=\n", "thematic breaks": "***\n", "quotations": "> a\n",
		"emphasis": "*a* ", "nested emphasis": "**", "links": "[a](b) ", "images": "![a](b.png) ",
		"urls": "https://a.dk ", "www": "www.a.dk ", "e-mail": "a@b.dk ", "dashes": "a -- b ", "ellipses": "a... ",
		"angle quotes": "<<a>> ", "quotes": "\"a\" ", "code": "`a` ", "brackets": "[", "entities": "&amp; ",
		"escapes": "\\* ", "hard breaks": "a\\\n", "fences": "```\na\n```\n", "raw HTML": "<b>a</b> ",
		"definition lists": "T\n: d\n\n", "footnotes": "a[^1] ", "table rows": "|a|b|\n", "prose": "Et ord, og et ord mere.\n",
	}
	c := New(Options{Lang: "da"})
	for name, unit := range shapes {
		src := strings.Repeat(unit, 1000)
		switch name {
		case "table rows":
			src = "|a|b|\n|-|-|\n" + src
		case "footnotes":
			src += "\n\n[^1]: x\n"
		case "nested emphasis":
			src += "a" + src
		}
		doc := c.md.Parser().Parse(text.NewReader([]byte(src)))
		nodes := 0
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				nodes++
			}
			return ast.WalkContinue, nil
		})
		if el := Measure([]byte(src)).Elements; nodes > 3*el+5 {
			t.Errorf("%s: %d nodes for %d elements", name, nodes, el)
		}
	}
}

// inlineMarksByCase is inlineMarks as it was written before it skipped
// bytes by markStart, one case a byte: the reference it must agree with.
func inlineMarksByCase(text []byte) int {
	n := 0
	run := func(i int, c byte) int {
		for i+1 < len(text) && text[i+1] == c {
			i++
		}
		return i
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '*', '_', '~', '[', '<', '&', '|', '\\', '"', '\'', ':', '@':
			n++
		case '`':
			n++
			i = run(i, c)
		case '-', '.', '>':
			if i+1 < len(text) && text[i+1] == c {
				n++
				i = run(i, c)
			}
		case 'w':
			if bytes.HasPrefix(text[i:], []byte("www.")) {
				n++
			}
		}
	}
	return n
}

// TestInlineMarks: inlineMarks counts as the reference does, on every
// mark alone, in runs, at the ends of a line, and on every byte value.
func TestInlineMarks(t *testing.T) {
	lines := []string{"", "a", "www.", "www", "ww.", "wwww.a.dk", "a -- b --- c", "-", "--", "...", "a..", "..a", ">>", "> >",
		"``` a ``", "`", "æøå *x* _y_ ~z~ [l](u) <b> &amp; |c| \\* \"q\" 'q' http://a.dk a@b.dk",
		strings.Repeat("Almindelig tekst uden tegn ", 20), "tekst til sidst w", "tekst til sidst -"}
	for c := range 256 {
		lines = append(lines, string([]byte{byte(c)}), "a"+string([]byte{byte(c), byte(c)})+"b")
	}
	for _, l := range lines {
		if got, want := inlineMarks([]byte(l)), inlineMarksByCase([]byte(l)); got != want {
			t.Errorf("inlineMarks(%q) = %d, want %d", l, got, want)
		}
	}
}

// BenchmarkElements counts the elements of a page of prose with some
// marks, as a build does for every page (Measure).
func BenchmarkElements(b *testing.B) {
	src := []byte(strings.Repeat("Dette er en *helt* almindelig sætning med [et link](../side/) og ord, og den er lang.\n\n- et punkt\n", 100))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Measure(src)
	}
}
