// Package changes compares two versions of a page, block by block and
// word by word: what changed in a translation's source since the version
// it was translated from (package history finds that version). sitegen
// check sums it up for each outdated translation, sitegen diff prints it,
// and sitegen serve's status page shows it.
//
// The blocks are those of package blocks (paragraphs, headings, list
// items, table cells, code blocks, ...), and the page's title is one
// more. The blocks of the two versions are lined up first (a longest
// common subsequence of equal blocks); between two blocks that stayed,
// a block of the old version and one of the new of the same kind that
// share at least a third of their words are the same block rewritten,
// and the others were removed or added. A rewritten block is compared
// word by word, on its Markdown, so that a changed link destination shows.
//
// Words are counted as a translator meets them: an added or removed
// block counts all its words, a rewritten one the words of each changed
// stretch, the larger of what went and what came ("inden 4 uger" to
// "senest 4 uger" is one word).
package changes

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/udenmitid/sitegen/internal/blocks"
	"github.com/udenmitid/sitegen/internal/lcs"
)

// Block operations.
const (
	Added     = "added"
	Removed   = "removed"
	Rewritten = "rewritten"
)

// A Version is one version of a page: what its hash covers.
type Version struct {
	Title     string
	Body      []byte // "\n" line endings, as content.File.Body
	BodyLine  int    // the file line the body starts on
	TitleLine int    // the file line of title:
}

// A Change is how a page changed from one version to another.
type Change struct {
	Paragraphs int     `json:"paragraphs"` // blocks added, removed or rewritten, the title counted
	Words      int     `json:"words"`      // words changed (see the package documentation)
	Blocks     []Block `json:"blocks"`     // the changed blocks, in the new version's order
}

// A Block is one block that changed.
type Block struct {
	Op    string `json:"op"`   // Added, Removed or Rewritten
	Kind  string `json:"kind"` // "title", or a block kind of package blocks ("paragraph", "heading", ...)
	Line  int    `json:"line"` // in the new version's file; for a removed block, in the old one's
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
	Words int    `json:"words"`          // words changed in it
	Diff  []Span `json:"diff,omitempty"` // a rewritten block, word by word
}

// A Span is a stretch of a rewritten block's Markdown that stayed, went
// or came.
type Span struct {
	Op   string `json:"op"` // "=" stayed, "-" removed, "+" added
	Text string `json:"text"`
}

// Summary is the change in a few words: "2 paragraphs changed, 14 words".
func (c *Change) Summary() string {
	if c.Paragraphs == 0 {
		return "no paragraph changed (only spaces or line breaks)"
	}
	return fmt.Sprintf("%d %s changed, %d %s", c.Paragraphs, plural(c.Paragraphs, "paragraph", "paragraphs"),
		c.Words, plural(c.Words, "word", "words"))
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

// a block of one version, as compared.
type side struct {
	kind string
	text string // its text as a reader sees it, its markup as written
	toks []token
	line int
}

// A token is a word, a run of spaces, another character, or a piece of
// inline markup as written (a link's "](klage.md)"), which counts as a
// word when it changes: a changed link destination is a change to carry
// over.
type token struct {
	s    string
	code bool
}

func textSide(kind, text string, line int) side {
	return side{kind: kind, text: text, toks: tokens(text), line: line}
}

// unitTokens are the tokens of a unit: its text's words, and its codes,
// each piece of markup one token, the units inside them (alt texts, link
// titles) by their words.
func unitTokens(p *blocks.Page, u *blocks.Unit) []token {
	var out []token
	for _, pt := range u.Parts {
		if pt.Code == nil {
			out = append(out, tokens(pt.Text)...)
			continue
		}
		for _, pc := range pt.Code.Orig {
			if pc.Unit != "" {
				out = append(out, unitTokens(p, p.Unit(pc.Unit))...)
			} else {
				out = append(out, token{pc.Text, true})
			}
		}
	}
	return out
}

func sides(v Version) ([]side, error) {
	p, err := blocks.Parse(v.Body)
	if err != nil {
		return nil, err
	}
	var out []side
	if v.Title != "" { // a version not found has none: its title is not "rewritten"
		out = append(out, textSide("title", v.Title, v.TitleLine))
	}
	for _, b := range p.Blocks {
		line := max(v.BodyLine, 1) + b.Line - 1
		if b.Unit == nil {
			out = append(out, textSide(b.Kind, string(p.Body[b.Start:b.End]), line))
			continue
		}
		out = append(out, side{kind: b.Kind, text: b.Unit.Text(p), toks: unitTokens(p, b.Unit), line: line})
	}
	return out, nil
}

// Compare returns how a page changed from old to new.
func Compare(old, new Version) (*Change, error) {
	a, err := sides(old)
	if err != nil {
		return nil, fmt.Errorf("the old version: %w", err)
	}
	b, err := sides(new)
	if err != nil {
		return nil, err
	}
	c := &Change{Blocks: []Block{}}
	es := lcs.DiffFunc(len(a), len(b), func(i, j int) bool { return a[i].kind == b[j].kind && a[i].text == b[j].text })
	for i := 0; i < len(es); {
		if es[i].Op == lcs.Equal {
			i++
			continue
		}
		var del, ins []int
		for ; i < len(es) && es[i].Op != lcs.Equal; i++ {
			if es[i].Op == lcs.Delete {
				del = append(del, es[i].I)
			} else {
				ins = append(ins, es[i].J)
			}
		}
		c.run(a, b, del, ins)
	}
	for _, bl := range c.Blocks {
		c.Words += bl.Words
	}
	c.Paragraphs = len(c.Blocks)
	return c, nil
}

// run records one stretch of removed and added blocks, pairing each
// removed block with the first added one after the last pair that is
// like it.
func (c *Change) run(a, b []side, del, ins []int) {
	next := 0
	for _, i := range del {
		paired := false
		for k := next; k < len(ins); k++ {
			j := ins[k]
			if a[i].kind != b[j].kind {
				continue
			}
			spans, words, common := diffTokens(a[i].toks, b[j].toks)
			if 3*common < min(wordCount(a[i].toks), wordCount(b[j].toks)) && a[i].kind != "title" {
				continue
			}
			for _, jj := range ins[next:k] {
				c.Blocks = append(c.Blocks, added(b[jj]))
			}
			c.Blocks = append(c.Blocks, Block{Op: Rewritten, Kind: b[j].kind, Line: b[j].line, Old: a[i].text, New: b[j].text, Words: words, Diff: spans})
			next, paired = k+1, true
			break
		}
		if !paired {
			c.Blocks = append(c.Blocks, Block{Op: Removed, Kind: a[i].kind, Line: a[i].line, Old: a[i].text, Words: wordCount(a[i].toks)})
		}
	}
	for _, j := range ins[next:] {
		c.Blocks = append(c.Blocks, added(b[j]))
	}
}

func added(s side) Block {
	return Block{Op: Added, Kind: s.kind, Line: s.line, New: s.text, Words: wordCount(s.toks)}
}

// diffTokens compares two texts token by token. It returns the spans, the
// words changed and the words in common.
func diffTokens(a, b []token) (spans []Span, changed, common int) {
	es := lcs.Diff(a, b)
	add := func(op, text string) {
		if n := len(spans); n > 0 && spans[n-1].Op == op {
			spans[n-1].Text += text
			return
		}
		spans = append(spans, Span{Op: op, Text: text})
	}
	gone, came := 0, 0
	for _, e := range es {
		switch e.Op {
		case lcs.Equal:
			changed += max(gone, came)
			gone, came = 0, 0
			if isWord(a[e.I]) {
				common++
			}
			add("=", a[e.I].s)
		case lcs.Delete:
			if isWord(a[e.I]) || a[e.I].code {
				gone++
			}
			add("-", a[e.I].s)
		case lcs.Insert:
			if isWord(b[e.J]) || b[e.J].code {
				came++
			}
			add("+", b[e.J].s)
		}
	}
	changed += max(gone, came)
	return spans, changed, common
}

// tokens splits text into words (letters, digits and marks, with an
// apostrophe inside), runs of spaces, and single other characters.
func tokens(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case wordRune(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if wordRune(r2) {
					j += n2
					continue
				}
				if r2 == '\'' || r2 == '’' {
					if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); wordRune(r3) {
						j += n2
						continue
					}
				}
				break
			}
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n2
			}
		}
		out = append(out, token{s: s[i:j]})
		i = j
	}
	return out
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isWord(t token) bool {
	r, _ := utf8.DecodeRuneInString(t.s)
	return !t.code && wordRune(r)
}

// wordCount counts the words of a block's text, not its markup.
func wordCount(toks []token) int {
	n := 0
	for _, t := range toks {
		if isWord(t) {
			n++
		}
	}
	return n
}
