package blocks

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
	"html"
)

// An inlineWalker turns a node's inline children into a unit's parts.
// goldmark gives each text its place in the source and each other inline
// node where it starts; where markup ends is read from the source, by
// the syntax of its kind (a link's "](dest "title")", a code span's
// closing backticks). Parse checks that the parts put together are the
// source, byte for byte.
type inlineWalker struct {
	s    *splitter
	u    *Unit
	from int // the source before this is not the unit's (an alert's [!NOTE])

	start, end int // the unit's Markdown, once a part is added; start -1 before
	cursor     int // where the last part ended
	codes      int

	// The text run being gathered, and a line break after the last text.
	run            bool
	text, raw      []byte
	softAt, hardAt int // where a soft or hard line break's gap starts, or -1
	nested         map[string]*Unit
}

func (w *inlineWalker) init() {
	if w.nested == nil {
		w.start, w.softAt, w.hardAt = -1, -1, -1
		w.nested = map[string]*Unit{}
	}
}

// at moves to a node that starts at off: a line break before it becomes
// part of the text run (soft) or a code (hard).
func (w *inlineWalker) at(off int) {
	w.init()
	switch {
	case w.hardAt >= 0:
		w.flush()
		w.code(Alone, "break", []Piece{{Text: string(w.s.src[w.hardAt:off])}}, w.hardAt, off)
	case w.softAt >= 0 && w.start >= 0:
		w.run = true
		w.text = append(w.text, ' ')
		w.raw = append(w.raw, w.s.src[w.softAt:off]...)
		w.cursor = off
	}
	w.softAt, w.hardAt = -1, -1
}

// flush ends the text run.
func (w *inlineWalker) flush() {
	if !w.run {
		return
	}
	w.u.Parts = append(w.u.Parts, Part{Text: string(w.text), Raw: string(w.raw)})
	w.run, w.text, w.raw = false, nil, nil
}

// code adds a code spanning the source from start to end.
func (w *inlineWalker) code(role, typ string, orig []Piece, start, end int) *InlineCode {
	w.flush()
	id := 0
	if role != Close {
		w.codes++
		id = w.codes
	}
	c := &InlineCode{ID: id, Role: role, Type: typ, Orig: orig}
	w.u.Parts = append(w.u.Parts, Part{Code: c})
	w.mark(start, end)
	return c
}

// mark records that the unit's Markdown reaches from start to end.
func (w *inlineWalker) mark(start, end int) {
	if w.start < 0 {
		w.start = start
	}
	w.end, w.cursor = end, end
}

// children walks n's inline children.
func (w *inlineWalker) children(n ast.Node) error {
	w.init()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := w.node(c); err != nil {
			return err
		}
	}
	return nil
}

func (w *inlineWalker) node(n ast.Node) error {
	src := w.s.src
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		if seg.Stop <= w.from && w.from >= 0 {
			return nil // before the unit: an alert's marker
		}
		if seg.Start < w.from {
			seg.Start = w.from
		}
		for seg.Start < seg.Stop && w.start < 0 && (src[seg.Start] == ' ' || src[seg.Start] == '\t') {
			seg.Start++
		}
		if seg.Start < seg.Stop {
			w.at(seg.Start)
			if w.start >= 0 && seg.Start > w.cursor {
				return w.errorf(seg.Start, "text where markup was expected")
			}
			w.run = true
			w.raw = append(w.raw, src[seg.Start:seg.Stop]...)
			w.text = append(w.text, visible(src[seg.Start:seg.Stop])...)
			w.mark(seg.Start, seg.Stop)
		}
		switch {
		case n.HardLineBreak():
			w.hardAt = seg.Stop
		case n.SoftLineBreak():
			w.softAt = seg.Stop
		}
		return nil
	case *ast.Emphasis:
		typ := map[int]string{1: "italic", 2: "bold"}[n.Level]
		return w.pair(n, typ, n.Level, src[n.Pos()])
	case *east.Strikethrough:
		start := n.Pos()
		k := 0
		for start+k < len(src) && src[start+k] == '~' {
			k++
		}
		return w.pair(n, "strike", k, '~')
	case *ast.Link:
		return w.link(n)
	case *ast.Image:
		return w.image(n)
	case *ast.CodeSpan:
		start := w.startOf(n)
		k := run(src, start, '`')
		end := -1
		for i := start + k; i < len(src); {
			if src[i] != '`' {
				i++
				continue
			}
			if r := run(src, i, '`'); r == k {
				end = i + k
				break
			} else {
				i += r
			}
		}
		if end < 0 {
			return w.errorf(start, "a code span without its closing backticks")
		}
		w.at(start)
		w.code(Alone, "code", []Piece{{Text: string(src[start:end])}}, start, end)
		return nil
	case *ast.AutoLink:
		start := max(n.Pos(), w.cursor)
		w.at(start)
		start = max(start, w.cursor)
		end := start + len(n.Label(src))
		if src[start] == '<' {
			end = start + bytes.IndexByte(src[start:], '>') + 1
		}
		w.code(Alone, "autolink", []Piece{{Text: string(src[start:end])}}, start, end)
		return nil
	case *ast.RawHTML:
		segs := n.Segments
		if segs.Len() == 0 {
			return nil
		}
		start, end := segs.At(0).Start, segs.At(segs.Len()-1).Stop
		w.at(start)
		w.code(Alone, "html", []Piece{{Text: string(src[start:end])}}, start, end)
		return nil
	case *east.FootnoteLink:
		start := w.startOf(n)
		end := start + bytes.IndexByte(src[start:], ']') + 1
		w.at(start)
		w.code(Alone, "footnote", []Piece{{Text: string(src[start:end])}}, start, end)
		return nil
	case *east.TaskCheckBox, *east.FootnoteBacklink:
		return nil // the box is the list item's, before its text; the backlink is added by goldmark
	}
	return w.errorf(w.cursor, "inline %s is not known", n.Kind())
}

// startOf is where a node that is not text starts.
func (w *inlineWalker) startOf(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	return w.cursor
}

// run counts the bytes c at src[i:].
func run(src []byte, i int, c byte) int {
	k := 0
	for i+k < len(src) && src[i+k] == c {
		k++
	}
	return k
}

// pair adds the codes of an emphasis or strikethrough of k delimiter
// characters c around its children.
func (w *inlineWalker) pair(n ast.Node, typ string, k int, c byte) error {
	src := w.s.src
	start := w.startOf(n)
	if run(src, start, c) < k {
		return w.errorf(start, "%s without its delimiters", typ)
	}
	w.at(start)
	open := w.code(Open, typ, []Piece{{Text: string(src[start : start+k])}}, start, start+k)
	if err := w.children(n); err != nil {
		return err
	}
	w.at(w.cursor)
	if w.cursor+k > len(src) || run(src, w.cursor, c) < k {
		return w.errorf(w.cursor, "%s not closed where expected", typ)
	}
	cl := w.code(Close, typ, []Piece{{Text: string(src[w.cursor : w.cursor+k])}}, w.cursor, w.cursor+k)
	cl.ID = open.ID
	return nil
}

// link adds a link's two codes around its text; a title is a unit of
// its own.
func (w *inlineWalker) link(n *ast.Link) error {
	src := w.s.src
	start := w.startOf(n)
	if src[start] != '[' {
		return w.errorf(start, "a link without its [")
	}
	w.at(start)
	open := w.code(Open, "link", []Piece{{Text: "["}}, start, start+1)
	if err := w.children(n); err != nil {
		return err
	}
	w.at(w.cursor)
	tail, end, err := w.tail(w.cursor, n.Reference != nil)
	if err != nil {
		return err
	}
	closeAt := w.cursor
	cl := w.code(Close, "link", tail, w.cursor, end)
	cl.ID = open.ID
	if r := n.Reference; r != nil && (r.Type == ast.ReferenceLinkShortcut || r.Type == ast.ReferenceLinkCollapsed) {
		cl.Label = string(src[start+1 : closeAt])
	}
	return nil
}

// image adds an image as one code; its alt text and title are units of
// their own.
func (w *inlineWalker) image(n *ast.Image) error {
	src := w.s.src
	start := w.startOf(n)
	if !bytes.HasPrefix(src[start:], []byte("![")) {
		return w.errorf(start, "an image without its ![")
	}
	w.at(start)
	orig := []Piece{{Text: "!["}}
	from := start + 2
	if n.HasChildren() {
		alt, err := w.s.unit(n, Alt, start+2)
		if err != nil {
			return err
		}
		if alt != nil {
			w.s.nest(w.u, alt)
			w.nested[alt.ID] = alt
			for _, u := range w.s.nested[alt] {
				w.nested[u.ID] = u
			}
			orig = append(orig, Piece{Unit: alt.ID})
			from = alt.End
		}
	}
	br := from
	for br < len(src) && src[br] != ']' {
		br++ // spaces after the alt text
	}
	tail, end, err := w.tail(br, n.Reference != nil)
	if err != nil {
		return err
	}
	orig = append(orig, Piece{Text: string(src[from:br])})
	w.code(Alone, "image", joinLiterals(append(orig, tail...)), start, end)
	return nil
}

// joinLiterals joins neighbouring literal pieces and drops empty ones.
func joinLiterals(ps []Piece) []Piece {
	var out []Piece
	for _, p := range ps {
		switch {
		case p.Unit == "" && p.Text == "":
		case p.Unit == "" && len(out) > 0 && out[len(out)-1].Unit == "":
			out[len(out)-1].Text += p.Text
		default:
			out = append(out, p)
		}
	}
	return out
}

// tail reads the end of a link or image from at, which must be its "]":
// an inline destination and title, or a reference label. The title is a
// unit; the rest is literal Markdown.
func (w *inlineWalker) tail(at int, ref bool) ([]Piece, int, error) {
	src := w.s.src
	if at >= len(src) || src[at] != ']' {
		return nil, 0, w.errorf(at, "a link's text does not end in ]")
	}
	i := at + 1
	if ref {
		if i < len(src) && src[i] == '[' {
			j := bytes.IndexByte(src[i:], ']')
			if j >= 0 {
				return []Piece{{Text: string(src[at : i+j+1])}}, i + j + 1, nil
			}
		}
		return []Piece{{Text: "]"}}, i, nil
	}
	if i >= len(src) || src[i] != '(' {
		return nil, 0, w.errorf(i, "a link without its (destination)")
	}
	i = skipSpace(src, i+1)
	// The destination: <...> or a run without spaces, with balanced
	// parentheses.
	if i < len(src) && src[i] == '<' {
		for i++; i < len(src) && src[i] != '>'; i++ {
			if src[i] == '\\' {
				i++
			}
		}
		i++
	} else {
		depth := 0
		for ; i < len(src); i++ {
			c := src[i]
			if c == '\\' && i+1 < len(src) {
				i++
				continue
			}
			if c == ' ' || c == '\t' || c == '\n' || c == ')' && depth == 0 {
				break
			}
			if c == '(' {
				depth++
			} else if c == ')' {
				depth--
			}
		}
	}
	i = skipSpace(src, i)
	var pieces []Piece
	lit := at
	if i < len(src) && (src[i] == '"' || src[i] == '\'' || src[i] == '(') {
		q := src[i]
		closeQ := q
		if q == '(' {
			closeQ = ')'
		}
		j := i + 1
		for ; j < len(src) && src[j] != closeQ; j++ {
			if src[j] == '\\' {
				j++
			}
		}
		if j >= len(src) {
			return nil, 0, w.errorf(i, "a link title that is not closed")
		}
		if j > i+1 {
			t := w.title(i+1, j, q)
			pieces = append(pieces, Piece{Text: string(src[lit : i+1])}, Piece{Unit: t.ID})
			lit = j
		}
		i = skipSpace(src, j+1)
	}
	if i >= len(src) || src[i] != ')' {
		return nil, 0, w.errorf(i, "a link's destination is not closed with )")
	}
	pieces = append(pieces, Piece{Text: string(src[lit : i+1])})
	return pieces, i + 1, nil
}

// title makes the unit of a link title written at src[start:end].
func (w *inlineWalker) title(start, end int, q byte) *Unit {
	w.s.next++
	raw := w.s.src[start:end]
	u := &Unit{ID: "t" + strconv.Itoa(w.s.next), Kind: LinkTitle, Start: start, End: end, Line: w.s.lineOf(start),
		InTitle: true, TitleQuote: q, Parts: []Part{{Text: string(visible(raw)), Raw: string(raw)}}}
	w.s.nest(w.u, u)
	w.nested[u.ID] = u
	return u
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n') {
		i++
	}
	return i
}

// markdown puts the parts back together as Markdown.
func (w *inlineWalker) markdown() string {
	var b []byte
	for _, pt := range w.u.Parts {
		if pt.Code == nil {
			b = append(b, pt.Raw...)
			continue
		}
		for _, pc := range pt.Code.Orig {
			if pc.Unit != "" {
				u := w.nested[pc.Unit]
				b = append(b, w.s.src[u.Start:u.End]...)
			} else {
				b = append(b, pc.Text...)
			}
		}
	}
	return string(b)
}

func (w *inlineWalker) errorf(off int, format string, args ...any) error {
	return fmt.Errorf("line %d: %s", w.s.lineOf(min(off, len(w.s.src))), fmt.Sprintf(format, args...))
}

// visible returns Markdown text as a reader sees it: backslash escapes
// and entities resolved in one pass, as goldmark's renderer does ("\\&amp;"
// is "&amp;", "&amp;amp;" is "&amp;").
func visible(raw []byte) []byte {
	var out []byte
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw) && util.IsPunct(raw[i+1]):
			i++
			out = append(out, raw[i])
		case c == '&':
			if m := entity.Find(raw[i+1:]); m != nil {
				if r := html.UnescapeString("&" + string(m)); r != "&"+string(m) {
					out = append(out, r...)
					i += len(m)
					continue
				}
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}
