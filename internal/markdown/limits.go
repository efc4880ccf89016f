package markdown

import (
	"bytes"
	"fmt"
)

// MaxElements is the most Markdown elements a page may hold: blocks
// (paragraphs, headings, list items, quotations, table rows), the lines of
// their text, and inline marks (emphasis, links, code, table cells,
// quotes, entities). goldmark keeps a node of some 300 to 500 bytes for
// each while it converts a page, so a page of a million list items, 4 MB
// of "- a" lines, took 900 MB (issue 23); a page at this limit allocates
// at most about 170 MB as it converts, whatever its shape (measured for
// lists, task lists, paragraphs, links, images, footnotes, definition
// lists and tables), and a page over it is refused before it is parsed. A long page of prose, 4 MB of
// it, holds about 60,000; 100,000 headings are 100,000.
const MaxElements = 200_000

// MaxNesting is the deepest a line may nest lists and quotations
// ("> - > - text" nests four). goldmark reads each level of a line again
// from the level's start, so time grows with the square of the depth: a
// line of 40,000 "- " took 6 seconds, and the 4 MB a page may have would
// take hours. No reader follows more than a few levels.
const MaxNesting = 100

// A Size is a page's Markdown counted once (Measure), without parsing
// it: how many elements of MaxElements it holds, and where it passes the
// limits a conversion checks first (MaxElements, MaxNesting).
type Size struct {
	// Elements is about how many elements the page holds: for each line
	// that is not blank one, and one more for each list item marker and
	// ">" it begins with; then one for each mark in its text that may
	// begin an inline element (inlineMarks). The count is never much
	// below goldmark's number of nodes, so that it bounds the memory a
	// conversion takes before it starts.
	Elements int
	over     int // the line of src (1-based) where Elements passes MaxElements, or 0
	deep     int // the first line of src nested deeper than MaxNesting, or 0
}

// Measure counts a page's Markdown: its elements for the build's budget
// and the limits for ConvertSized, which then does not count it again.
func Measure(src []byte) Size {
	n, over, deep := count(src, MaxElements)
	return Size{Elements: n, over: over, deep: deep}
}

// checkSize reports a page over MaxElements, at the line of its Markdown
// where the count passes the limit, or a line nested deeper than
// MaxNesting, at that line; or returns nil. size is the page's Markdown
// measured (Measure), firstLine the file line of its first line.
func checkSize(size Size, firstLine int) *Problem {
	switch {
	case size.deep > 0:
		return &Problem{Line: firstLine + size.deep - 1, Msg: fmt.Sprintf("this line nests more than %d lists and quotations; write it with fewer levels", MaxNesting)}
	case size.over > 0:
		return &Problem{Line: firstLine + size.over - 1, Msg: fmt.Sprintf("the page holds more than %d Markdown elements (paragraphs, list items, headings, lines, links, emphasis, table cells, ...) by this line, about %d in all; split it into several pages", MaxElements, size.Elements)}
	}
	return nil
}

// count counts src's elements as Size.Elements says, and returns the line
// (1-based, in src) on which the count first passes limit (0 if it does
// not) and the first line nested deeper than MaxNesting (0 if none).
func count(src []byte, limit int) (n, over, deep int) {
	for line := 1; len(src) > 0; line++ {
		text := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			text, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		containers, rest := markers(text)
		if len(bytes.TrimSpace(rest)) > 0 || containers > 0 {
			n += 1 + containers
		}
		if containers > MaxNesting && deep == 0 {
			deep = line
		}
		n += inlineMarks(rest)
		if n > limit && over == 0 {
			over = line
		}
	}
	return n, over, deep
}

// markers counts the block quote markers (">") and list item markers
// ("-", "+", "*", "1.", "1)") a line begins with, and returns the rest of
// the line.
func markers(line []byte) (int, []byte) {
	n := 0
	for {
		line = bytes.TrimLeft(line, " \t")
		switch {
		case len(line) == 0:
			return n, line
		case line[0] == '>':
			line = line[1:]
		case (line[0] == '-' || line[0] == '+' || line[0] == '*') && (len(line) == 1 || line[1] == ' ' || line[1] == '\t'):
			line = line[1:]
		default:
			i := 0
			for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
				i++
			}
			if i == 0 || i >= len(line) || line[i] != '.' && line[i] != ')' || i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
				return n, line
			}
			line = line[i+1:]
		}
		n++
	}
}

// inlineMarks counts the characters of a line's text that may each begin
// an inline element: emphasis, links, code (a run of backticks counts
// once), raw HTML and autolinks, entities, escapes, table cells, quotes,
// the ":" and "@" of a URL or e-mail address Linkify makes a link of,
// "www.", and the dashes, ellipses and angle quotes the typographer
// replaces ("--", "...", ">>": one a run). It skips the other bytes by
// markStart, since it reads every line of every page in a build
// (Measure).
func inlineMarks(text []byte) int {
	n := 0
	run := func(i int, c byte) int {
		for i+1 < len(text) && text[i+1] == c {
			i++
		}
		return i
	}
	for i := 0; i < len(text); i++ {
		for !markStart[text[i]] {
			if i++; i == len(text) {
				return n
			}
		}
		switch c := text[i]; c {
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
		default:
			n++
		}
	}
	return n
}

// markStart holds the bytes inlineMarks looks at.
var markStart = func() (t [256]bool) {
	for _, c := range []byte("*_~[<&|\\\"':@`-.>w") {
		t[c] = true
	}
	return t
}()
