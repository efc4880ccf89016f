package importer

import (
	"strconv"
	"strings"
	"unicode"
)

// parseJSValue reads the JavaScript object or array literal that starts at
// the first '{' or '[' after marker in src, as Docusaurus configuration
// files write them: strings (”, "", “ without ${}), numbers, true,
// false, nested objects and arrays, with comments and trailing commas.
// Any other expression (a function call, require(), a template with ${})
// is read as nil. It returns nil when marker is not there.
func parseJSValue(src, marker string) any {
	i := strings.Index(src, marker)
	if i < 0 {
		return nil
	}
	j := strings.IndexAny(src[i+len(marker):], "{[")
	if j < 0 {
		return nil
	}
	p := &jsParser{s: src, i: i + len(marker) + j}
	return p.value()
}

type jsParser struct {
	s string
	i int
}

func (p *jsParser) skip() {
	for p.i < len(p.s) {
		switch {
		case unicode.IsSpace(rune(p.s[p.i])):
			p.i++
		case strings.HasPrefix(p.s[p.i:], "//"):
			e := strings.IndexByte(p.s[p.i:], '\n')
			if e < 0 {
				p.i = len(p.s)
			} else {
				p.i += e
			}
		case strings.HasPrefix(p.s[p.i:], "/*"):
			e := strings.Index(p.s[p.i+2:], "*/")
			if e < 0 {
				p.i = len(p.s)
			} else {
				p.i += e + 4
			}
		default:
			return
		}
	}
}

func (p *jsParser) value() any {
	p.skip()
	if p.i >= len(p.s) {
		return nil
	}
	switch c := p.s[p.i]; {
	case c == '{':
		p.i++
		m := map[string]any{}
		order := []string{}
		for {
			p.skip()
			if p.i >= len(p.s) {
				return m
			}
			if p.s[p.i] == '}' {
				p.i++
				m["\x00order"] = order
				return m
			}
			if p.s[p.i] == ',' {
				p.i++
				continue
			}
			if strings.HasPrefix(p.s[p.i:], "...") {
				p.i += 3
				p.expr()
				continue
			}
			key := p.key()
			p.skip()
			if p.i < len(p.s) && p.s[p.i] == ':' {
				p.i++
				m[key] = p.value()
			} else {
				m[key] = nil // shorthand property
			}
			order = append(order, key)
		}
	case c == '[':
		p.i++
		var l []any
		for {
			p.skip()
			if p.i >= len(p.s) {
				return l
			}
			if p.s[p.i] == ']' {
				p.i++
				if l == nil {
					l = []any{}
				}
				return l
			}
			if p.s[p.i] == ',' {
				p.i++
				continue
			}
			l = append(l, p.value())
		}
	case c == '\'' || c == '"' || c == '`':
		s, ok := p.str()
		if !ok {
			return nil
		}
		return s
	default:
		return p.expr()
	}
}

// key reads an object key: a name or a string.
func (p *jsParser) key() string {
	if c := p.s[p.i]; c == '\'' || c == '"' || c == '`' {
		s, _ := p.str()
		return s
	}
	if p.s[p.i] == '[' { // a computed key
		p.expr()
		return ""
	}
	start := p.i
	for p.i < len(p.s) && (unicode.IsLetter(rune(p.s[p.i])) || unicode.IsDigit(rune(p.s[p.i])) || p.s[p.i] == '_' || p.s[p.i] == '$') {
		p.i++
	}
	if p.i == start {
		p.i++
	}
	return p.s[start:p.i]
}

// str reads a quoted string; a template literal with ${} is not one.
func (p *jsParser) str() (string, bool) {
	q := p.s[p.i]
	p.i++
	var b strings.Builder
	ok := true
	for p.i < len(p.s) && p.s[p.i] != q {
		c := p.s[p.i]
		if c == '\\' && p.i+1 < len(p.s) {
			p.i++
			switch p.s[p.i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(p.s[p.i])
			}
			p.i++
			continue
		}
		if q == '`' && strings.HasPrefix(p.s[p.i:], "${") {
			ok = false
		}
		b.WriteByte(c)
		p.i++
	}
	p.i++
	return b.String(), ok
}

// expr skips any other expression up to the , } or ] that ends it, and
// returns a number or boolean it is, else nil.
func (p *jsParser) expr() any {
	start := p.i
	depth := 0
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			p.str()
			continue
		case c == '(' || c == '{' || c == '[':
			depth++
		case c == ')' || c == '}' || c == ']':
			if depth == 0 {
				return literal(strings.TrimSpace(p.s[start:p.i]))
			}
			depth--
		case c == ',' && depth == 0:
			return literal(strings.TrimSpace(p.s[start:p.i]))
		}
		p.i++
	}
	return nil
}

func literal(s string) any {
	switch s {
	case "true":
		return true
	case "false":
		return false
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return nil
}
