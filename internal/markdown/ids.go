package markdown

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"
)

// Slugify makes a heading id from the heading's visible text, by GitHub's
// rules (which Hugo's default autoHeadingIDType "github" follows too): the
// text in NFC, lower-cased; letters, marks and digits of every script and
// "_" kept; each space and "-" becomes "-", and repeated dashes stay; all
// other characters (punctuation, symbols) are left out. So "Sårbarhet och
// säkerhet" becomes "sårbarhet-och-säkerhet" and "Lov nr. 783" becomes
// "lov-nr-783". Unlike GitHub, any white space counts as a space.
func Slugify(text string) string { return slug(norm.NFC.String(text)) }

// SlugifyASCII is Slugify for sites that want ids in ASCII: every Latin
// letter is spelt the way the language lang writes it without its accents
// ("Sådan" is "saadan" in Danish, "Größe" is "groesse" in German,
// "Ärende" is "arende" in Swedish), then everything outside ASCII is left
// out. A letter is first decomposed (NFD), so that one with several
// accents follows the rule of its base letter and the accent the rule is
// about: "Ǻlborg" is "aalborg" in Danish as "Ålborg" is, "Ǣ" is "ae" as "Æ"
// is. Letters that do not decompose have a spelling of their own (see
// latinSpellings), so no Latin letter is left out.
func SlugifyASCII(text, lang string) string {
	own := ownSpellings(lang)
	d := norm.NFD.String(text)
	var b strings.Builder
	for len(d) > 0 {
		r, size := utf8.DecodeRuneInString(d)
		d = d[size:]
		n := 0 // the accents on r
		for n < len(d) {
			m, msize := utf8.DecodeRuneInString(d[n:])
			if !unicode.IsMark(m) {
				break
			}
			n += msize
		}
		marks := d[:n]
		d = d[n:]
		r = unicode.ToLower(r)
		switch {
		case own.spell(&b, r, marks):
		case r < 0x80:
			b.WriteRune(r)
		case latinASCII[r] != "":
			b.WriteString(latinASCII[r])
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		}
	}
	return slug(b.String())
}

func slug(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '-' || unicode.IsSpace(r):
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Pc, r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return norm.NFC.String(b.String())
}

// primary returns the language subtag of a BCP 47 tag, lower case.
func primary(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return p
}

// headingIDs gives every heading of a page an id that no other element of
// the rendered page has. An id set with {#id} is kept as written, and may
// not repeat another {#id} or an id of the layouts (an error at its line).
// An id made from the text skips every id set by hand on the page, before
// or after it (in raw HTML too: <a id="x">), every id of the layouts, and
// the ids made before it, by adding "-1", "-2", ... as GitHub does, and
// Hugo in each of its styles.
func (w *walker) headingIDs(headings []*ast.Heading) {
	taken := map[string]int{} // id -> line of the heading that set it by hand
	for _, h := range headings {
		id := headingID(h)
		if id == "" {
			continue
		}
		line := w.line(h)
		if where, ok := w.c.layoutIDs[id]; ok {
			w.problems = append(w.problems, Problem{Line: line,
				Msg: fmt.Sprintf("heading id %q is also used by the layout (%s), so a link to #%s would not reach this heading: choose another id", id, where, id)})
		} else if first, ok := taken[id]; ok {
			w.problems = append(w.problems, Problem{Line: line,
				Msg: fmt.Sprintf("heading id %q is already set by the heading at line %d: each id may be used once on a page", id, first)})
		} else {
			taken[id] = line
		}
	}
	used := map[string]bool{}
	// next holds, for each base id, the suffix to try first: every
	// smaller one is taken, and stays taken, since ids are only added.
	// So each heading starts where the last of its base stopped, and n
	// equal headings cost n tries, not n²/2. The ids are those of
	// counting from 1 each time (Hugo's way), which GitHub's counter per
	// base gives too.
	next := map[string]int{}
	raw := make(map[string]bool, len(w.rawIDs))
	for _, id := range w.rawIDs {
		raw[id] = true
	}
	for _, h := range headings {
		id := headingID(h)
		h.RemoveAttributes() // only an id may be set by hand: a style or event attribute would break the CSP or run script
		if id == "" {
			base := w.slug(visibleText(h, w.src))
			if base == "" {
				base = "section"
			}
			id = base
			n := max(next[base], 1)
			for used[id] || w.c.layoutIDs[id] != "" || taken[id] != 0 || raw[id] {
				id = base + "-" + strconv.Itoa(n)
				n++
			}
			next[base] = n
		}
		used[id] = true
		h.SetAttributeString("id", []byte(id))
	}
}

// footnoteIDs reports a heading whose {#id} is also the id of one of the
// page's footnotes ("fn:1", "fnref:1"). Ids made from text cannot be:
// they have no ":".
func (w *walker) footnoteIDs() {
	if len(w.footnotes) == 0 {
		return
	}
	footnotes := make(map[string]bool, len(w.footnotes))
	for _, id := range w.footnotes {
		footnotes[id] = true
	}
	for _, h := range w.res.Headings {
		if footnotes[h.ID] {
			w.problems = append(w.problems, Problem{Line: h.Line,
				Msg: fmt.Sprintf("heading id %q is also the id of a footnote: choose another id", h.ID)})
		}
	}
}

func (w *walker) slug(text string) string { return w.c.ids.Slug(text, w.c.lang) }

// headingID returns a heading's id attribute, or "": before headingIDs
// ran, the id its {#id} set; after, the id it has.
func headingID(h *ast.Heading) string {
	if v, ok := h.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return ""
}

// visibleText returns the text a reader sees in n: link texts but not
// their destinations, code spans' text, no image and no raw HTML.
func visibleText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.(type) {
		case *ast.Image, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return textOf(c, src, &b)
	})
	return strings.TrimSpace(b.String())
}
