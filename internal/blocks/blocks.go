// Package blocks splits a page's Markdown body into its blocks, and the
// text a translator translates into units, each with its inline markup
// kept apart as codes. Package changes compares two versions of a page
// block by block; package xliff exports the units for translation tools
// and writes their translations back into Markdown.
//
// # Blocks and units
//
// A Block is a part of the body that stands on its own: a paragraph,
// a heading, a list item's text, a table cell, a quotation's or a GitHub
// alert's paragraph, a footnote's text, a definition list's term or
// description, a disclosure's summary (the text after "::: details"), a
// code block, an HTML block, a link reference definition. Each block
// records the containers it stands in (Block.In): a list item, a
// quotation, a disclosure, a table's row, ... The blocks that hold text for a reader have a Unit: what a translator
// translates. A unit is also made of an image's alt text and of a link's
// title ([text](page.md "title")), which stand inside another unit's
// markup; they follow that unit in Page.Units.
//
// Not in any unit, and so never shown to a translator: code blocks, HTML,
// link destinations, reference definitions, heading ids ({#frist}),
// list markers and task boxes, an alert's [!NOTE] line, table pipes,
// a disclosure's fences ("::: details", ":::").
//
// # Parts and codes
//
// A unit is a sequence of parts: runs of text as a reader sees it
// (backslash escapes and entities resolved, a soft line break a space),
// and codes for the inline markup between them. An emphasis, strong
// emphasis, strikethrough or link is a pair of codes, one before its
// text and one after; a code span, an image, a hard line break, a
// footnote reference, an autolink and inline HTML are one code each.
// Each code keeps its Markdown as written (Code.Orig), so that the
// translation of a unit is written back with the very link destination,
// code span and footnote label of the source, wherever the translator
// moved them. Write writes a unit's translation as Markdown, escaping
// the text so that it stays text.
//
// The Markdown is parsed with package markdown's own parser
// (markdown.Parser), so that blocks reads the very dialect the site is
// converted with (CommonMark, GitHub tables, strikethrough, autolinks and
// task lists, footnotes, definition lists, GitHub alerts, disclosures,
// {#id} after a heading); raw HTML is parsed so that it is kept, whether
// or not the site shows it. A block of text that blocks does not know
// (a syntax package markdown gained since) is an error of Parse, never
// text that takes in the markup around it.
package blocks

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/udenmitid/sitegen/internal/markdown"
)

// Block kinds.
const (
	Paragraph  = "paragraph"
	Heading    = "heading"
	Item       = "list item"
	Quote      = "quotation"
	Alert      = "alert"
	Cell       = "table cell"
	Footnote   = "footnote"
	Term       = "term"
	Definition = "definition"
	Summary    = "summary" // a disclosure's, after "::: details"
	Code       = "code block"
	HTML       = "html"
	Reference  = "link reference"
	Alt        = "alt text"   // a unit only: an image's alt text
	LinkTitle  = "link title" // a unit only: a link's title
)

// A Page is a body split into blocks and units.
type Page struct {
	Body   []byte
	Blocks []*Block // in the order of the body
	Units  []*Unit  // in the order of the body, each image's and link's units after the unit they stand in
}

// A Block is one block of the body.
type Block struct {
	Kind       string
	Start, End int   // Body[Start:End] is its Markdown (for a unit's block, the unit's text and inline markup)
	Line       int   // the line of the body it starts on, from 1
	Unit       *Unit // what is translated of it; nil for code, HTML and reference definitions

	// In names the containers the block stands in, outermost first,
	// by goldmark's node kinds ("List/ListItem", "Disclosure",
	// "Blockquote"); "" at the top of the page. A translation written
	// into the source's structure has the same.
	In string
}

// A Unit is the text of one block, or one alt text or link title, as a
// translator translates it.
type Unit struct {
	ID         string // "1", "2", ... in the order of Page.Units
	Kind       string // the block kind, Alt or LinkTitle
	Level      int    // a heading's level
	Start, End int    // Body[Start:End] is its Markdown
	Line       int
	Parts      []Part
	In         string // the containers of its block (Block.In); for an alt text or a title, of the unit it stands in

	// Where the unit stands, which decides what its text must escape.
	InHeading, InCell, InTitle bool
	TitleQuote                 byte // a link title's delimiter: '"', '\'' or '('
	Tight                      bool // a summary right after "details" (":::details[a] b"), which Write gives a space before
}

// A Part is a run of text or a code.
type Part struct {
	Text string // as a reader sees it, when Code is nil
	Raw  string // the Markdown of the text run as written
	Code *InlineCode
}

// Code roles.
const (
	Open  = "open"  // begins a pair: **, [ , ~~
	Close = "close" // ends the pair of the Open with the same ID
	Alone = "alone" // a code span, an image, a hard line break, ...
)

// An InlineCode is inline markup between runs of text.
type InlineCode struct {
	ID   int    // from 1 in each unit; the two codes of a pair share it
	Role string // Open, Close or Alone
	Type string // "italic", "bold", "strike", "link", "code", "image", "break", "footnote", "autolink", "html"
	Orig []Piece

	// Label is the label of a link written [text] or [text][] that
	// stands for a reference definition: the link's text is its label,
	// so a translated text needs the label written out, [tekst][label].
	Label string
}

// A Piece is literal Markdown, or the place of another unit's text (an
// image's alt text, a link's title).
type Piece struct {
	Text string
	Unit string // a Unit.ID; Text is then empty
}

// Markdown returns the code's Markdown as the source has it, other units
// as their source Markdown.
func (c *InlineCode) Markdown(p *Page) string {
	var b []byte
	for _, pc := range c.Orig {
		if pc.Unit != "" {
			u := p.Unit(pc.Unit)
			b = append(b, p.Body[u.Start:u.End]...)
		} else {
			b = append(b, pc.Text...)
		}
	}
	return string(b)
}

// Unit returns the unit with id, or nil.
func (p *Page) Unit(id string) *Unit {
	i, err := strconv.Atoi(id)
	if err != nil || i < 1 || i > len(p.Units) {
		return nil
	}
	return p.Units[i-1]
}

// Text returns the unit's text as a reader sees it, with each code as
// its Markdown: the text of a diff, and of a unit compared with another.
func (u *Unit) Text(p *Page) string {
	var b []byte
	for _, pt := range u.Parts {
		if pt.Code != nil {
			b = append(b, pt.Code.Markdown(p)...)
		} else {
			b = append(b, pt.Text...)
		}
	}
	return string(b)
}

// Markdown returns the unit's Markdown as written.
func (u *Unit) Markdown(p *Page) string { return string(p.Body[u.Start:u.End]) }

// mdParser is package markdown's parser: the dialect pages are
// converted with.
var mdParser = markdown.Parser()

// Parse splits a body ("\n" line endings, as content.File.Body) into
// blocks and units. An error says where markup could not be told apart
// from text; no body that goldmark parses should give one.
func Parse(body []byte) (*Page, error) {
	p := &Page{Body: body}
	doc := mdParser.Parse(text.NewReader(body))
	s := &splitter{p: p, src: body}
	if err := s.blocks(doc); err != nil {
		return nil, err
	}
	slices.SortStableFunc(p.Blocks, func(a, b *Block) int { return a.Start - b.Start })
	// Units in the order of the body; the footnotes goldmark moves to
	// the end come back to where they are written.
	var add func(u *Unit)
	add = func(u *Unit) {
		p.Units = append(p.Units, u)
		for _, n := range s.nested[u] {
			add(n)
		}
	}
	for _, b := range p.Blocks {
		if b.Unit != nil {
			add(b.Unit)
		}
	}
	renumber(p)
	return p, nil
}

// renumber gives the units their IDs in order, and the codes that name
// them the new IDs.
func renumber(p *Page) {
	ids := map[string]string{}
	for i, u := range p.Units {
		ids[u.ID] = strconv.Itoa(i + 1)
	}
	for _, u := range p.Units {
		u.ID = ids[u.ID]
		for _, pt := range u.Parts {
			if pt.Code == nil {
				continue
			}
			for i, pc := range pt.Code.Orig {
				if pc.Unit != "" {
					pt.Code.Orig[i].Unit = ids[pc.Unit]
				}
			}
		}
	}
}

// A splitter walks one document.
type splitter struct {
	p      *Page
	src    []byte
	next   int               // for temporary unit IDs
	nested map[*Unit][]*Unit // the alt texts and titles in a unit
}

func (s *splitter) lineOf(off int) int { return 1 + bytes.Count(s.src[:off], []byte("\n")) }

// alertMarker matches a GitHub alert's first line, as package markdown
// reads it.
var alertMarker = regexp.MustCompile(`(?i)^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*`)

func (s *splitter) blocks(doc ast.Node) error {
	var err error
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || err != nil {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			s.plain(n, map[bool]string{true: HTML, false: Code}[n.Kind() == ast.KindHTMLBlock])
			return ast.WalkSkipChildren, nil
		case *ast.LinkReferenceDefinition:
			s.plain(n, Reference)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *east.TableCell, *east.DefinitionTerm:
			err = s.leaf(n)
			return ast.WalkSkipChildren, nil
		}
		if markdown.IsSummary(n) {
			err = s.leaf(n)
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			err = fmt.Errorf("line %d: a block of text of a kind that the unit splitter does not know (%s): please report this with the page", s.lineOfNode(n), n.Kind())
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return err
}

// plain records a block without a unit, from its lines.
func (s *splitter) plain(n ast.Node, kind string) {
	start, end := -1, -1
	if l := n.Lines(); l.Len() > 0 {
		start, end = l.At(0).Start, l.At(l.Len()-1).Stop
	}
	if fc, ok := n.(*ast.FencedCodeBlock); ok && fc.Info != nil {
		start = min(start, fc.Info.Segment.Start)
		if start < 0 {
			start, end = fc.Info.Segment.Start, fc.Info.Segment.Stop
		}
	}
	if start < 0 {
		return // an empty code block: nothing of it changes on its own
	}
	end = trimEnd(s.src, start, end)
	s.p.Blocks = append(s.p.Blocks, &Block{Kind: kind, Start: start, End: end, Line: s.lineOf(start), In: s.containers(n)})
}

// containers names the blocks that hold n, outermost first (Block.In):
// their goldmark kinds, a GitHub alert's quotation "Alert".
func (s *splitter) containers(n ast.Node) string {
	var in []string
	for c := n.Parent(); c != nil && c.Kind() != ast.KindDocument; c = c.Parent() {
		k := c.Kind().String()
		if q, ok := c.(*ast.Blockquote); ok && s.isAlert(q) {
			k = "Alert"
		}
		in = append(in, k)
	}
	slices.Reverse(in)
	return strings.Join(in, "/")
}

// lineOfNode returns the line a block starts on, or 0.
func (s *splitter) lineOfNode(n ast.Node) int {
	if l := n.Lines(); l.Len() > 0 {
		return s.lineOf(l.At(0).Start)
	}
	return 0
}

// trimEnd moves end back over the line break and spaces at the end of
// src[start:end].
func trimEnd(src []byte, start, end int) int {
	for end > start && (src[end-1] == '\n' || src[end-1] == ' ' || src[end-1] == '\t') {
		end--
	}
	return end
}

// kindOf names the block a text leaf stands in, from its nearest
// container.
func (s *splitter) kindOf(n ast.Node) string {
	switch n.(type) {
	case *ast.Heading:
		return Heading
	case *east.TableCell:
		return Cell
	case *east.DefinitionTerm:
		return Term
	}
	if markdown.IsSummary(n) {
		return Summary
	}
	for c := n.Parent(); c != nil; c = c.Parent() {
		switch c := c.(type) {
		case *ast.ListItem:
			return Item
		case *east.Footnote:
			return Footnote
		case *east.DefinitionDescription:
			return Definition
		case *ast.Blockquote:
			if s.isAlert(c) {
				return Alert
			}
			return Quote
		}
	}
	return Paragraph
}

// isAlert reports whether a quotation is a GitHub alert: its first
// paragraph starts with [!NOTE], [!TIP], ...
func (s *splitter) isAlert(q *ast.Blockquote) bool {
	first, ok := q.FirstChild().(*ast.Paragraph)
	return ok && first.Lines().Len() > 0 && alertMarker.Match(s.src[first.Lines().At(0).Start:])
}

// leaf records a block of inline content and its unit.
func (s *splitter) leaf(n ast.Node) error {
	kind := s.kindOf(n)
	from := -1
	if l := n.Lines(); l.Len() > 0 {
		from = l.At(0).Start
	}
	if p, ok := n.(*ast.Paragraph); ok && kind == Alert {
		if q, ok := p.Parent().(*ast.Blockquote); ok && q.FirstChild() == n {
			from += len(alertMarker.Find(s.src[from:])) // the text after [!NOTE]
		}
	}
	u, err := s.unit(n, kind, from)
	if err != nil || u == nil {
		return err
	}
	if h, ok := n.(*ast.Heading); ok {
		u.Level, u.InHeading = h.Level, true
	}
	u.InCell = kind == Cell
	u.Tight = kind == Summary && u.Start > 0 && s.src[u.Start-1] != ' ' && s.src[u.Start-1] != '\t'
	u.In = s.containers(n)
	var in func(u *Unit)
	in = func(u *Unit) {
		for _, n := range s.nested[u] {
			n.In = u.In
			in(n)
		}
	}
	in(u)
	s.p.Blocks = append(s.p.Blocks, &Block{Kind: kind, Start: u.Start, End: u.End, Line: u.Line, Unit: u, In: u.In})
	return nil
}

// unit makes the unit of n's inline children from offset from on (-1:
// from the first). It returns nil when there is no text.
func (s *splitter) unit(n ast.Node, kind string, from int) (*Unit, error) {
	s.next++
	u := &Unit{ID: "t" + strconv.Itoa(s.next), Kind: kind}
	w := &inlineWalker{s: s, u: u, from: from}
	if err := w.children(n); err != nil {
		return nil, err
	}
	w.flush()
	if w.start < 0 {
		return nil, nil
	}
	u.Start, u.End, u.Line = w.start, w.end, s.lineOf(w.start)
	if got, want := w.markdown(), string(s.src[u.Start:u.End]); got != want {
		return nil, fmt.Errorf("line %d: the %s's markup could not be told from its text (read %q, the source is %q)", u.Line, kind, got, want)
	}
	return u, nil
}

// nest records a unit (alt text, link title) that stands in unit in.
func (s *splitter) nest(in, u *Unit) {
	if s.nested == nil {
		s.nested = map[*Unit][]*Unit{}
	}
	s.nested[in] = append(s.nested[in], u)
}

// Assemble returns the body with the Markdown of each block's unit
// replaced by md[ID], where md has it: a translation written into the
// source's structure.
func (p *Page) Assemble(md map[string]string) []byte {
	var out []byte
	at := 0
	for _, b := range p.Blocks {
		if b.Unit == nil {
			continue
		}
		m, ok := md[b.Unit.ID]
		if !ok {
			continue
		}
		out = append(out, p.Body[at:b.Start]...)
		out = append(out, m...)
		at = b.End
	}
	return append(out, p.Body[at:]...)
}
