package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// marks are a language's quotation marks: the outer pair, and the pair
// for a quotation inside a quotation.
type marks struct{ open, close, open2, close2 string }

// apostrophe is U+2019, the apostrophe of every language here.
const apostrophe = "’"

// quoteMarks returns the quotation marks of a language, by its BCP 47 tag.
// Sources:
//
//   - da: Dansk Sprognævn, Retskrivningsordbogen, the rules on
//     anførselstegn: »…« (or ”…”), with ›…‹ inside; »…« is the
//     convention of Danish books and newspapers.
//   - kl: Greenlandic is printed with the Danish marks.
//   - sv: Språkrådet, Svenska skrivregler: ”…” with ’…’ inside (the same
//     mark opens and closes).
//   - fi: Kielitoimiston ohjepankki: ”…” with ’…’ inside.
//   - nb, nn, no: Språkrådet (Norway), "Sitatteikn": «…» with ‘…’ inside.
//   - de: Duden, "Anführungszeichen": „…“ with ‚…‘ inside; de-CH and
//     de-LI: «…» with ‹…› (Schweizer Orthographische Konferenz).
//   - is: Íslensk ritreglur (Árnastofnun): „…“ with ‚…‘ inside.
//   - en and every other language: “…” with ‘…’ inside (Oxford and
//     Chicago style, and CLDR's default).
func quoteMarks(lang string) marks {
	switch primary(lang) {
	case "da", "kl":
		return marks{"»", "«", "›", "‹"}
	case "sv", "fi":
		return marks{"”", "”", "’", "’"}
	case "nb", "nn", "no":
		return marks{"«", "»", "‘", "’"}
	case "de":
		if region := lang[min(len(lang), 3):]; region == "ch" || region == "CH" || region == "li" || region == "LI" {
			return marks{"«", "»", "‹", "›"}
		}
		return marks{"„", "“", "‚", "‘"}
	case "is":
		return marks{"„", "“", "‚", "‘"}
	}
	return marks{"“", "”", "‘", "’"}
}

// placeQuotes decides, for every straight quote in text, what it stands
// for, and returns the replacement of each (or "" to keep it straight).
// editable says which runes may change; the others are context only
// (code, escaped quotes). The start and end of text count as spaces.
//
// Whether a quote can open or close follows the rule CommonMark gives
// emphasis delimiters (left- and right-flanking): a quote can open when
// the next character is no space, and is no punctuation unless a space or
// punctuation comes before the quote; it can close when the character
// before it is no space, and is no punctuation unless a space or
// punctuation comes after the quote. So a quotation may hold only
// punctuation or a number ("-", "?", "5"), stand beside dashes and
// brackets (–"Hej"–, ("citat")) and end a line. A quote that can only
// open opens; one that can close closes the innermost open quotation of
// its kind (and those inside it). One between two punctuation marks can
// do either: it closes when a quotation of its kind is open, else opens
// when a later quote can close (("-") in parentheses). For ':
//
//   - between two letters or digits it is an apostrophe (det's, don't);
//   - before a year's last two digits and in 'n' it is an apostrophe
//     ('90s, rock 'n' roll);
//   - where it could open but no ' later in the text could close, it is
//     an apostrophe too ('tis);
//   - where it could close but no ' is open, it is an apostrophe (Jens'
//     cykel, the Smiths' house).
//
// A " that can neither open nor close, or closes nothing, stays straight
// (a 5" screen).
func placeQuotes(text []rune, editable []bool, m marks) []string {
	out := make([]string, len(text))
	var open []rune // the quotations open, innermost last
	for i, r := range text {
		if (r != '\'' && r != '"') || !editable[i] {
			continue
		}
		before, after := runeAt(text, i-1), runeAt(text, i+1)
		canOpen, canClose := flanking(before, after)
		if r == '\'' {
			switch {
			case wordRune(before) && wordRune(after):
				out[i] = apostrophe
			case elision(text, i):
				// '90s, rock 'n' roll: letters left out, not a quotation.
				out[i] = apostrophe
				if runeAt(text, i+1) == 'n' && runeAt(text, i+2) == '\'' && editable[i+2] {
					out[i+2] = apostrophe
				}
			case canOpen && !canClose, canOpen && betweenPunctuation(before, after) && !isOpen(open, r):
				if closerAhead(text, editable, i+1, r) {
					open = append(open, r)
					out[i] = m.open2
				} else {
					out[i] = apostrophe
				}
			case canClose:
				if popTo(&open, r) {
					out[i] = m.close2
				} else {
					out[i] = apostrophe
				}
			}
			continue
		}
		switch {
		case canOpen && !canClose:
			open = append(open, r)
			out[i] = m.open
		case canClose && popTo(&open, r):
			out[i] = m.close
		case canOpen && betweenPunctuation(before, after) && closerAhead(text, editable, i+1, r):
			open = append(open, r)
			out[i] = m.open
		}
	}
	return out
}

// betweenPunctuation reports whether a quote stands between two
// punctuation marks, where it can both open and close, as in ("-") and
// "'-'": it closes a quotation of its kind that is open, else opens one
// when a quote later in the text can close it.
func betweenPunctuation(before, after rune) bool {
	return punctuation(before) && punctuation(after)
}

// isOpen reports whether a quotation of kind q is open.
func isOpen(open []rune, q rune) bool {
	for _, o := range open {
		if o == q {
			return true
		}
	}
	return false
}

// runeAt returns text[i], or a space outside text.
func runeAt(text []rune, i int) rune {
	if i < 0 || i >= len(text) {
		return ' '
	}
	return text[i]
}

// flanking reports whether a quote between before and after can open a
// quotation and whether it can close one: CommonMark's left- and
// right-flanking rule for emphasis delimiters, with symbols counted as
// punctuation as CommonMark does.
func flanking(before, after rune) (canOpen, canClose bool) {
	spaceBefore, spaceAfter := unicode.IsSpace(before), unicode.IsSpace(after)
	punctBefore, punctAfter := punctuation(before), punctuation(after)
	canOpen = !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
	canClose = !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
	return canOpen, canClose
}

func punctuation(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// elision reports whether the ' at text[i] stands for left-out letters
// where it could open a quotation: before a year's last two digits
// ('90s, '06) or in 'n' between spaces (rock 'n' roll).
func elision(text []rune, i int) bool {
	at := func(j int) rune { return runeAt(text, j) }
	if !unicode.IsSpace(at(i-1)) && !opens(at(i-1)) {
		return false
	}
	if unicode.IsDigit(at(i+1)) && unicode.IsDigit(at(i+2)) && !unicode.IsDigit(at(i+3)) {
		return true
	}
	return at(i+1) == 'n' && at(i+2) == '\'' && unicode.IsSpace(at(i+3))
}

// closerAhead reports whether an editable quote q from text[from:] on
// can close a quotation: one that can close and is not an apostrophe
// between two letters.
func closerAhead(text []rune, editable []bool, from int, q rune) bool {
	for j := from; j < len(text); j++ {
		if text[j] != q || !editable[j] {
			continue
		}
		before, after := runeAt(text, j-1), runeAt(text, j+1)
		if _, canClose := flanking(before, after); canClose && !(wordRune(before) && wordRune(after)) {
			return true
		}
	}
	return false
}

// popTo closes the innermost open quotation of kind q, and those inside
// it. It reports false when none is open.
func popTo(open *[]rune, q rune) bool {
	for k := len(*open) - 1; k >= 0; k-- {
		if (*open)[k] == q {
			*open = (*open)[:k]
			return true
		}
	}
	return false
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// opens reports whether r may stand before an elision's apostrophe: an
// opening bracket or quote, a dash, a slash.
func opens(r rune) bool {
	return r == '"' || r == '\'' || r == '/' || unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pd)
}

// A quoteRun is the inline text of one block, flattened for placeQuotes:
// each rune with the Text node it is in (nil for context only) and its
// byte offset in the source.
type quoteRun struct {
	text     []rune
	editable []bool
	nodes    []*ast.Text
	offsets  []int
	quotes   int // how many editable quotes
}

// reset empties q for the next block, keeping its storage: the walker
// reuses one quoteRun for every block of a page.
func (q *quoteRun) reset() {
	q.text, q.editable, q.nodes, q.offsets, q.quotes = q.text[:0], q.editable[:0], q.nodes[:0], q.offsets[:0], 0
}

func (q *quoteRun) add(r rune, t *ast.Text, off int) {
	q.text = append(q.text, r)
	q.editable = append(q.editable, t != nil)
	q.nodes = append(q.nodes, t)
	q.offsets = append(q.offsets, off)
	if t != nil && (r == '\'' || r == '"') {
		q.quotes++
	}
}

func (w *walker) quotes(block ast.Node) {
	q := &w.quoteRun
	q.reset()
	var flatten func(n ast.Node)
	flatten = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				seg := c.Segment
				for off := seg.Start; off < seg.Stop; {
					r, size := utf8.DecodeRune(w.src[off:])
					if r == '\\' && off+1 < seg.Stop {
						// an escaped character is kept as written
						q.add('x', nil, off)
						r2, size2 := utf8.DecodeRune(w.src[off+1:])
						q.add(r2, nil, off+1)
						off += 1 + size2
						continue
					}
					q.add(r, c, off)
					off += size
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					q.add(' ', nil, -1)
				}
			case *ast.String:
				for _, r := range string(c.Value) {
					q.add(r, nil, -1)
				}
			case *ast.CodeSpan, *ast.AutoLink, *ast.Image, *east.TaskCheckBox, *east.FootnoteLink:
				q.add('x', nil, -1)
			case *ast.RawHTML:
			default:
				if c.Type() == ast.TypeInline {
					flatten(c)
				}
			}
		}
	}
	flatten(block)
	if q.quotes == 0 {
		return
	}
	out := placeQuotes(q.text, q.editable, w.c.marks)
	// Split each Text node at its replaced quotes, last first, so that
	// the offsets of the earlier ones stay valid.
	for i := len(out) - 1; i >= 0; i-- {
		if out[i] == "" {
			continue
		}
		t, off := q.nodes[i], q.offsets[i]
		parent := t.Parent()
		after := ast.NewTextSegment(t.Segment.WithStart(off + 1))
		after.SetSoftLineBreak(t.SoftLineBreak())
		after.SetHardLineBreak(t.HardLineBreak())
		after.SetRaw(t.IsRaw())
		t.Segment = t.Segment.WithStop(off)
		t.SetSoftLineBreak(false)
		t.SetHardLineBreak(false)
		mark := ast.NewString([]byte(out[i]))
		parent.InsertAfter(parent, t, mark)
		if after.Segment.Len() > 0 || after.SoftLineBreak() || after.HardLineBreak() {
			parent.InsertAfter(parent, mark, after)
		}
	}
}

// dashes are the typographer's substitutions in plain text, longest first,
// as the Markdown body gets them.
var dashes = strings.NewReplacer("---", "—", "--", "–", "...", "…")

// Typeset gives plain text, such as a title from front matter, the
// typography a page's body gets in language lang: the language's quotation
// marks, apostrophes, dashes (-- and ---) and the ellipsis (...).
func Typeset(lang, text string) string {
	if !strings.ContainsAny(text, `'"-.`) {
		return text
	}
	runes := []rune(text)
	editable := make([]bool, len(runes))
	for i := range editable {
		editable[i] = true
	}
	out := placeQuotes(runes, editable, quoteMarks(lang))
	var b strings.Builder
	for i, r := range runes {
		if out[i] != "" {
			b.WriteString(out[i])
		} else {
			b.WriteRune(r)
		}
	}
	if out := dashes.Replace(b.String()); out != text {
		return out
	}
	// The text as written, not an equal copy: the site model keeps
	// every page's title and description (issue 30).
	return text
}
