package blocks

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Code returns the unit's code with id and role (Open and Close share an
// ID), or nil.
func (u *Unit) Code(id int, role string) *InlineCode {
	for _, pt := range u.Parts {
		if c := pt.Code; c != nil && c.ID == id && c.Role == role {
			return c
		}
	}
	return nil
}

// Write returns the Markdown of a translation of unit u: parts in the
// translation's order, whose codes name the unit's codes by ID and Role
// (their Orig is not read: the unit's is written). nested gives the
// Markdown of the units a code holds (an image's alt text, a link's
// title), by ID. The text is escaped so that it stays text where the unit
// stands: a "*" does not start emphasis, a "1." or a ":::" at the start
// of a line does not start a list or a disclosure, a "|" does not end a
// table cell. Spaces at the
// inner side of an emphasis move outside it, where CommonMark wants them,
// and an emphasis written with "_" is written with "*" where a letter
// touches it (an underscore inside a word is no emphasis).
//
// A code the unit does not have is an error.
func Write(u *Unit, parts []Part, nested map[string]string) (string, error) {
	parts = normalizeSpaces(parts)
	star := starPairs(u, parts)
	var b strings.Builder
	if u.Tight {
		b.WriteByte(' ') // "details" takes a space or "[" after it, and a "[" of the text is escaped
	}
	lineStart := u.Kind != Alt && u.Kind != LinkTitle // a table row need not start with "|"
	linkText := map[int]int{}                         // where each link's text starts in b
	for i, pt := range parts {
		if pt.Code == nil {
			text := pt.Text
			if i == 0 {
				text = strings.TrimLeft(text, " \t")
			}
			if i == len(parts)-1 {
				text = strings.TrimRight(text, " \t")
			}
			b.WriteString(escape(text, u, lineStart))
			lineStart = false
			continue
		}
		c := u.Code(pt.Code.ID, pt.Code.Role)
		if c == nil {
			return "", fmt.Errorf("no %s code %d in the source", pt.Code.Role, pt.Code.ID)
		}
		if c.Role == Open {
			linkText[c.ID] = b.Len() + len(c.Orig[0].Text)
		}
		if c.Label != "" {
			if text := b.String()[linkText[c.ID]:]; !sameLabel(text, c.Label) {
				b.WriteString("][" + c.Label + "]") // the text is no longer the label
				lineStart = false
				continue
			}
		}
		for _, pc := range c.Orig {
			switch {
			case pc.Unit != "":
				b.WriteString(nested[pc.Unit])
			case star[c.ID]:
				b.WriteString(strings.ReplaceAll(pc.Text, "_", "*"))
			default:
				b.WriteString(pc.Text)
			}
		}
		lineStart = c.Type == "break"
	}
	return b.String(), nil
}

// normalizeSpaces turns line breaks and tabs in the text into spaces, and
// moves spaces at the inner side of an emphasis or strikethrough outside
// it: "** bold**" is no emphasis in CommonMark.
func normalizeSpaces(parts []Part) []Part {
	out := make([]Part, 0, len(parts))
	for _, pt := range parts {
		if pt.Code == nil {
			pt.Text = strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' || r == '\t' {
					return ' '
				}
				return r
			}, pt.Text)
		}
		out = append(out, pt)
	}
	emph := func(c *InlineCode) bool {
		return c != nil && (c.Type == "italic" || c.Type == "bold" || c.Type == "strike")
	}
	for i := range out {
		c := out[i].Code
		if !emph(c) {
			continue
		}
		if c.Role == Open && i+1 < len(out) && out[i+1].Code == nil {
			t := out[i+1].Text
			trimmed := strings.TrimLeft(t, " ")
			if moved := t[:len(t)-len(trimmed)]; moved != "" {
				out[i+1].Text = trimmed
				if i > 0 && out[i-1].Code == nil {
					out[i-1].Text += moved
				} else {
					out = append(out[:i], append([]Part{{Text: moved}}, out[i:]...)...)
					return normalizeSpaces(out)
				}
			}
		}
		if c.Role == Close && i > 0 && out[i-1].Code == nil {
			t := out[i-1].Text
			trimmed := strings.TrimRight(t, " ")
			if moved := t[len(trimmed):]; moved != "" {
				out[i-1].Text = trimmed
				if i+1 < len(out) && out[i+1].Code == nil {
					out[i+1].Text = moved + out[i+1].Text
				} else {
					out = append(out[:i+1], append([]Part{{Text: moved}}, out[i+1:]...)...)
					return normalizeSpaces(out)
				}
			}
		}
	}
	return out
}

// starPairs returns the IDs of the unit's "_" emphases that a letter or
// digit touches from outside in parts: they are written with "*".
func starPairs(u *Unit, parts []Part) map[int]bool {
	star := map[int]bool{}
	for i, pt := range parts {
		c := pt.Code
		if c == nil || (c.Type != "italic" && c.Type != "bold") {
			continue
		}
		orig := u.Code(c.ID, c.Role)
		if orig == nil || len(orig.Orig) == 0 || !strings.HasPrefix(orig.Orig[0].Text, "_") {
			continue
		}
		var r rune
		if c.Role == Open && i > 0 && parts[i-1].Code == nil {
			r, _ = utf8.DecodeLastRuneInString(parts[i-1].Text)
		}
		if c.Role == Close && i+1 < len(parts) && parts[i+1].Code == nil {
			r, _ = utf8.DecodeRuneInString(parts[i+1].Text)
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			star[c.ID] = true
		}
	}
	return star
}

// entity matches what CommonMark reads as an entity or a numeric
// character reference after a "&".
var entity = regexp.MustCompile(`^(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)`)

// blockStart matches text that would start a block at the start of a
// line: a heading, a quotation, a list item, a thematic break, a setext
// underline, a disclosure's fence (":::") or a definition (": ").
var blockStart = regexp.MustCompile(`^(?:#|>|[-+=:]|[0-9]{1,9}[.)])`)

// escape escapes text for where unit u stands; lineStart says that it
// starts a line of Markdown.
func escape(text string, u *Unit, lineStart bool) string {
	var b strings.Builder
	if u.InTitle {
		closeQ := rune(u.TitleQuote)
		if closeQ == '(' {
			closeQ = ')'
		}
		for i, r := range text {
			switch {
			case r == '\\' || r == closeQ || r == rune(u.TitleQuote):
				b.WriteByte('\\')
			case r == '&' && entity.MatchString(text[i+1:]):
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	if lineStart {
		if m := blockStart.FindString(text); m != "" {
			last := len(m) - 1
			if m[0] >= '0' && m[0] <= '9' {
				b.WriteString(m[:last])
				b.WriteByte('\\')
				b.WriteByte(m[last])
			} else {
				b.WriteByte('\\')
				b.WriteString(m)
			}
			text = text[len(m):]
			lineStart = false
		}
	}
	var prev rune
	for i, r := range text {
		next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
		switch r {
		case '\\', '`', '*', '[', ']', '<', '~':
			b.WriteByte('\\')
		case '_':
			if !(isAlnum(prev) && isAlnum(next)) {
				b.WriteByte('\\')
			}
		case '&':
			if entity.MatchString(text[i+1:]) {
				b.WriteByte('\\')
			}
		case '|':
			if u.InCell {
				b.WriteByte('\\')
			}
		case '{':
			if u.InHeading {
				b.WriteByte('\\')
			}
		case '#':
			if u.InHeading && strings.Trim(text[i:], "# ") == "" {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sameLabel reports whether a link's text matches a reference label as
// CommonMark matches them: case-folded, spaces collapsed.
func sameLabel(text, label string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(text) == norm(label)
}
