package changes

import (
	"fmt"
	"io"
	"strings"
)

// ANSI colours for a terminal.
const (
	red   = "\x1b[31m"
	green = "\x1b[32m"
	reset = "\x1b[m"
)

// WriteText writes the changed blocks for a person, each under a line
// naming its kind, line and what happened, its text indented. Without
// colour, removed words are [-between-] and added ones {+between+} (as
// git diff --word-diff writes them), a removed block's lines start with
// "- " and an added one's with "+ "; with colour (for a terminal),
// removed text is red and added text green, without the markers.
func (c *Change) WriteText(w io.Writer, color bool) {
	for _, b := range c.Blocks {
		fmt.Fprintf(w, "  %s, line %d: %s (%d %s)\n", b.Kind, b.Line, b.Op, b.Words, plural(b.Words, "word", "words"))
		var text string
		switch b.Op {
		case Added:
			text = mark(b.New, "+ ", green, color)
		case Removed:
			text = mark(b.Old, "- ", red, color)
		default:
			var s strings.Builder
			for _, sp := range b.Diff {
				switch {
				case sp.Op == "=":
					s.WriteString(sp.Text)
				case color:
					s.WriteString(colorLines(sp.Text, map[string]string{"-": red, "+": green}[sp.Op]))
				case sp.Op == "-":
					s.WriteString("[-" + sp.Text + "-]")
				default:
					s.WriteString("{+" + sp.Text + "+}")
				}
			}
			text = s.String()
		}
		for _, line := range strings.Split(text, "\n") {
			fmt.Fprintf(w, "    %s\n", line)
		}
	}
}

// mark marks each line of a removed or added block.
func mark(text, prefix, col string, color bool) string {
	if color {
		return colorLines(text, col)
	}
	return prefix + strings.ReplaceAll(text, "\n", "\n"+prefix)
}

// colorLines colours text line by line, so that the indentation of the
// next line stays uncoloured.
func colorLines(text, col string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = col + l + reset
		}
	}
	return strings.Join(lines, "\n")
}
