package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A disclosure is a block that starts closed, showing only its summary,
// and opens when the reader activates the summary: HTML's <details> and
// <summary>, which browsers make keyboard- and screen-reader-friendly
// (a button that says whether it is expanded) with no JavaScript. It is
// written as a fenced container, as VitePress and markdown-it-container
// users write it ("::: details"), with the summary on the opening line:
//
//	::: details Hvad siger loven?
//	Forvaltningsloven § 22 siger, at en afgørelse skal begrundes.
//
//	- Lister, kode og citater virker herinde.
//	:::
//
// becomes
//
//	<details class="disclosure">
//	<summary>Hvad siger loven?</summary>
//	<p>Forvaltningsloven § 22 siger, at en afgørelse skal begrundes.</p>
//	<ul>...</ul>
//	</details>
//
// The fence is three or more colons, and "details" may be written in any
// case and without the space (":::details"); the summary is Markdown
// (emphasis and code; a link in it would be a control inside a control).
// It ends at a line of as many colons or more. A disclosure holds any
// Markdown, other disclosures too: an inner one ends at the first closing
// line, so equal fences nest as well as the longer outer fence that
// Docusaurus and VitePress ask for; a closing line inside a fenced code
// block is code. One not closed ends with the block that holds it (the
// page, a list item, a quotation); one at the top of the page that is
// not closed is a warning, since all the rest of the page is inside it.
//
// A line ":::note", ":::tip" or another name (Docusaurus's and VitePress's
// admonitions) stays text, with a warning that says what to write: a
// GitHub alert, or ::: details.
type disclosures struct{}

func (disclosures) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(disclosureParser{}, 99)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(disclosureRenderer{}, 100)))
}

var (
	kindDisclosure = ast.NewNodeKind("Disclosure")
	kindSummary    = ast.NewNodeKind("DisclosureSummary")
)

// A disclosure is a ::: details block; its first child is its summary.
type disclosure struct {
	ast.BaseBlock
	fence  int  // the number of colons that opened it
	closed bool // by a closing line, not by the end of what holds it
}

func (n *disclosure) Kind() ast.NodeKind { return kindDisclosure }
func (n *disclosure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Fence": fmt.Sprint(n.fence)}, nil)
}

// A summary is the line of text a disclosure shows when closed.
type summary struct{ ast.BaseBlock }

func (n *summary) Kind() ast.NodeKind            { return kindSummary }
func (n *summary) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// disclosureOpen matches a disclosure's opening line from its first colon:
// the fence, then "details" (group 1), then the summary.
var disclosureOpen = regexp.MustCompile(`^:{3,}[ \t]*((?i:details))(?:[ \t\[]|\r?\n|$)`)

type disclosureParser struct{}

func (disclosureParser) Trigger() []byte { return []byte{':'} }

func (disclosureParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	rest := line[pos:]
	m := disclosureOpen.FindSubmatchIndex(rest)
	if m == nil {
		return nil, parser.NoChildren
	}
	n := &disclosure{fence: bytes.IndexFunc(rest, func(r rune) bool { return r != ':' })}
	// The summary is the rest of the line, trimmed; in brackets
	// (":::details[Summary]", as Docusaurus gives a title) it loses them.
	src := reader.Source()
	lineStart := seg.Start - seg.Padding
	start, stop := lineStart+pos+m[3], seg.Stop
	for stop > start && isSpaceByte(src[stop-1]) {
		stop--
	}
	for start < stop && isSpaceByte(src[start]) {
		start++
	}
	if stop-start >= 2 && src[start] == '[' && src[stop-1] == ']' {
		start, stop = start+1, stop-1
	}
	s := &summary{}
	s.Lines().Append(text.NewSegment(start, stop))
	n.AppendChild(n, s)
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func (disclosureParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	n := node.(*disclosure)
	if closes(line, reader.LineOffset(), n.fence) && !insideOpen(n, pc) {
		reader.AdvanceToEOL()
		n.closed = true
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// closes reports whether line is a closing fence of at least fence colons,
// indented less than four columns.
func closes(line []byte, offset, fence int) bool {
	w, pos := util.IndentWidth(line, offset)
	if w > 3 {
		return false
	}
	i := pos
	for i < len(line) && line[i] == ':' {
		i++
	}
	return i-pos >= fence && util.IsBlank(line[i:])
}

// insideOpen reports whether a block opened inside n is still open that a
// closing line belongs to first: a fenced code block, whose lines are
// code, or a disclosure inside n.
func insideOpen(n ast.Node, pc parser.Context) bool {
	blocks := pc.OpenedBlocks()
	for i, b := range blocks {
		if b.Node != n {
			continue
		}
		for _, inner := range blocks[i+1:] {
			switch inner.Node.Kind() {
			case ast.KindFencedCodeBlock, kindDisclosure:
				return true
			}
		}
	}
	return false
}

func (disclosureParser) Close(ast.Node, text.Reader, parser.Context) {}
func (disclosureParser) CanInterruptParagraph() bool                 { return true }
func (disclosureParser) CanAcceptIndentedLine() bool                 { return false }

type disclosureRenderer struct{}

func (disclosureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindDisclosure, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<details class=\"disclosure\">\n")
		} else {
			_, _ = w.WriteString("</details>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindSummary, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<summary>")
		} else {
			_, _ = w.WriteString("</summary>\n")
		}
		return ast.WalkContinue, nil
	})
}

// containerLine matches a line that looks like a fenced container of
// another kind, or a lone closing fence: ":::note", "::: tip Title", ":::".
var containerLine = regexp.MustCompile(`^:{3,}[ \t]*([A-Za-z][\w-]*)?`)

// containers warns about a paragraph line that looks like a fenced
// container other than ::: details, or a closing fence with nothing to
// close: it stays text.
func (w *walker) containers(p *ast.Paragraph) {
	lines := p.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		m := containerLine.FindSubmatch(seg.Value(w.src))
		if m == nil {
			continue
		}
		name := strings.ToLower(string(m[1]))
		var msg string
		switch {
		case name == "":
			msg = "this ::: line closes no ::: details block, so it is shown as text: remove it, or open the block with a line \"::: details Summary\""
		case isCalloutName(name) || name == "danger" || name == "info":
			msg = fmt.Sprintf(":::%s is not supported, so it is shown as text: write a GitHub alert instead, a quotation whose first line is \"> [!%s]\" followed by the text on lines that start with \">\"; for a block that opens and closes, write \"::: details Summary\"", m[1], alertFor(name))
		default:
			msg = fmt.Sprintf(":::%s is not supported, so it is shown as text: the one fenced block is \"::: details Summary\", which opens and closes", m[1])
		}
		w.problems = append(w.problems, Problem{Line: w.lineAt(seg.Start), Warning: true, Msg: msg})
	}
}

// summaries warns about a disclosure without a summary: the browser would
// show its own word ("Details"), in the browser's language, not the page's;
// and about one at the top of the page that no line closes, which hides
// the rest of the page in it.
func (w *walker) summaries(d *disclosure) {
	if !d.closed && d.Parent() != nil && d.Parent().Kind() == ast.KindDocument {
		fence := strings.Repeat(":", d.fence)
		w.problems = append(w.problems, Problem{Line: w.lineAt(d.Pos()), Warning: true,
			Msg: fence + " details is not closed, so the rest of the page is inside it: end it with a line of " + fence + " alone (a ::: at the end of a line of text closes nothing)"})
	}
	if s, ok := d.FirstChild().(*summary); ok && visibleText(s, w.src) == "" {
		w.problems = append(w.problems, Problem{Line: w.lineAt(d.Pos()), Warning: true,
			Msg: "::: details without a summary: write what the block holds after details, e.g. \"::: details What the law says\""})
	}
}
