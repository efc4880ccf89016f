package importer

import (
	"regexp"
	"strings"
	"unicode"
)

// A syntax is one generator's template tag syntax inside Markdown.
type syntax int

const (
	hugoSyntax   syntax = iota // {{< name args >}} and {{% name args %}}, closed by {{< /name >}}
	zolaSyntax                 // {{ name(args) }}, and {% name(args) %} ... {% end %}
	liquidSyntax               // Jekyll's {{ variable }} and {% tag args %} ... {% endtag %}
)

// A tag is one shortcode or template tag in a page's body.
type tag struct {
	start, end int // byte offsets in the body
	raw        string
	name       string
	closing    bool // {{< /name >}}, {% end %}, {% endname %}
	selfClose  bool // {{< name />}}; a Zola {{ }} or Liquid {{ }} has no body either
	block      bool // alone on its line(s)
	tickBefore bool // a backtick just before it, which its code span's would join
	tickAfter  bool
	fence      int // backticks for a code span of it: more than any run in the page, so no stray one closes it
	pos        []string
	named      map[string]string
	order      []string // named arguments in the order written
}

// arg returns the named argument key, else the positional argument i
// (when i >= 0), else "".
func (t *tag) arg(i int, keys ...string) string {
	for _, k := range keys {
		if v, ok := t.named[k]; ok {
			return v
		}
	}
	if i >= 0 && i < len(t.pos) {
		return t.pos[i]
	}
	return ""
}

var tagName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_./-]*$`)

// findTags returns the tags of body outside code and comments.
func findTags(body string, sx syntax) []*tag {
	prot := protected(body)
	fence := longestRun(body, '`') + 1
	var tags []*tag
	for i := 0; i < len(body); {
		j := strings.Index(body[i:], "{")
		if j < 0 {
			break
		}
		i += j
		if inRanges(prot, i) {
			i++
			continue
		}
		t := parseTag(body, i, sx)
		// A tag that would open a comment or code inside it is not read as
		// one: what is code in the page would change with it.
		if t != nil && (strings.Contains(t.raw, "<!--") || strings.Contains(t.raw, "`")) {
			t = nil
		}
		if t == nil {
			i++
			continue
		}
		t.fence = fence
		tags = append(tags, t)
		i = t.end
	}
	return tags
}

// parseTag reads the tag that starts at body[i], or returns nil.
func parseTag(body string, i int, sx syntax) *tag {
	var open, close string
	rest := body[i:]
	switch sx {
	case hugoSyntax:
		switch {
		case strings.HasPrefix(rest, "{{<"):
			open, close = "{{<", ">}}"
		case strings.HasPrefix(rest, "{{%"):
			open, close = "{{%", "%}}"
		default:
			return nil
		}
	default:
		switch {
		case strings.HasPrefix(rest, "{{"):
			open, close = "{{", "}}"
		case strings.HasPrefix(rest, "{%"):
			open, close = "{%", "%}"
		default:
			return nil
		}
	}
	end := strings.Index(rest[len(open):], close)
	if end < 0 {
		return nil
	}
	inner := rest[len(open) : len(open)+end]
	if strings.Contains(inner, "{{") || strings.Contains(inner, "{%") {
		return nil // another tag's start inside: not one tag
	}
	t := &tag{start: i, end: i + len(open) + end + len(close), raw: rest[:len(open)+end+len(close)], named: map[string]string{}}
	inner = strings.Trim(inner, "-")
	inner = strings.TrimSpace(inner)
	if sx == hugoSyntax && strings.HasPrefix(inner, "/*") {
		return nil // an escaped shortcode is text
	}
	if strings.HasPrefix(inner, "/") && sx == hugoSyntax {
		t.closing = true
		inner = strings.TrimSpace(inner[1:])
	}
	if strings.HasSuffix(inner, "/") && sx == hugoSyntax {
		t.selfClose = true
		inner = strings.TrimSpace(strings.TrimSuffix(inner, "/"))
	}
	name := inner
	args := ""
	if k := strings.IndexFunc(inner, func(r rune) bool { return unicode.IsSpace(r) || r == '(' }); k >= 0 {
		name, args = inner[:k], inner[k:]
	}
	if !tagName.MatchString(name) {
		return nil
	}
	t.name = name
	switch sx {
	case zolaSyntax:
		if open == "{{" {
			t.selfClose = true
		}
		if name == "end" {
			t.closing, t.name = true, ""
		}
		args = strings.TrimSpace(args)
		if strings.HasPrefix(args, "(") && strings.HasSuffix(args, ")") {
			args = args[1 : len(args)-1]
		} else if open == "{{" {
			// {{ variable }} and filters: text to keep, not a shortcode.
			t.name = "{{" + name + "}}"
		}
	case liquidSyntax:
		if open == "{{" {
			t.selfClose = true
			t.name = "{{" + name + "}}"
		} else if strings.HasPrefix(name, "end") && len(name) > 3 {
			t.closing, t.name = true, name[3:]
		}
	}
	t.pos, t.named, t.order = parseArgs(args)
	lineStart := strings.LastIndexByte(body[:t.start], '\n') + 1
	lineEnd := strings.IndexByte(body[t.end:], '\n')
	if lineEnd < 0 {
		lineEnd = len(body)
	} else {
		lineEnd += t.end
	}
	t.block = strings.TrimSpace(body[lineStart:t.start]) == "" && strings.TrimSpace(body[t.end:lineEnd]) == ""
	t.tickBefore = t.start > 0 && body[t.start-1] == '`'
	t.tickAfter = t.end < len(body) && body[t.end] == '`'
	return t
}

// parseArgs splits shortcode arguments: positional values, and
// key=value pairs (Hugo's key="v", Zola's key="v", a=1, Liquid's key="v"
// or key:v); values may be quoted with " ' or `.
func parseArgs(s string) (pos []string, named map[string]string, order []string) {
	named = map[string]string{}
	i := 0
	next := func() (string, bool) {
		for i < len(s) && (unicode.IsSpace(rune(s[i])) || s[i] == ',') {
			i++
		}
		if i >= len(s) {
			return "", false
		}
		if q := s[i]; q == '"' || q == '\'' || q == '`' {
			j := i + 1
			var b strings.Builder
			for j < len(s) && s[j] != q {
				if s[j] == '\\' && q == '"' && j+1 < len(s) {
					j++
				}
				b.WriteByte(s[j])
				j++
			}
			i = j + 1
			return b.String(), true
		}
		j := i
		for j < len(s) && !unicode.IsSpace(rune(s[j])) && s[j] != ',' && s[j] != '=' && s[j] != ':' {
			j++
		}
		if j == i {
			i++
			return string(s[j]), true
		}
		w := s[i:j]
		i = j
		return w, true
	}
	for {
		w, ok := next()
		if !ok {
			return
		}
		k := i
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k < len(s) && (s[k] == '=' || s[k] == ':') {
			i = k + 1
			v, _ := next()
			key := strings.ToLower(w)
			named[key] = v
			order = append(order, key)
			continue
		}
		pos = append(pos, w)
	}
}

// A node is a tag and the text between it and its closing tag.
type node struct {
	open, close *tag
	children    []any // string or *node
}

// buildTree pairs tags with their closing tags: a tag with a closing tag
// of its name later (at the same depth) has a body; any other opening tag
// stands alone, and a closing tag without its opening one stays text.
func buildTree(body string, tags []*tag) []any {
	var root []any
	type frame struct {
		n     *node
		items *[]any
	}
	stack := []frame{{n: nil, items: &root}}
	last := 0
	push := func(x any) {
		top := stack[len(stack)-1]
		*top.items = append(*top.items, x)
	}
	for idx, t := range tags {
		if t.start > last {
			push(body[last:t.start])
		}
		last = t.end
		switch {
		case t.closing:
			found := -1
			for k := len(stack) - 1; k > 0; k-- {
				if t.name == "" || stack[k].n.open.name == t.name {
					found = k
					break
				}
			}
			if found < 0 {
				push(&node{open: t})
				continue
			}
			for len(stack) > found+1 {
				// An opening tag without its closing one stands alone.
				stack = stack[:len(stack)-1]
			}
			stack[found].n.close = t
			stack = stack[:found]
		case !t.selfClose && hasClose(tags[idx+1:], t.name):
			n := &node{open: t}
			push(n)
			stack = append(stack, frame{n: n, items: &n.children})
		default:
			push(&node{open: t})
		}
	}
	if last < len(body) {
		push(body[last:])
	}
	return root
}

// hasClose reports whether tags (those after an opening tag of name)
// close it: a closing tag of its name (or Zola's nameless end) with as
// many further openings of the name closed before it.
func hasClose(tags []*tag, name string) bool {
	depth := 0
	for _, t := range tags {
		switch {
		case t.closing && (t.name == name || t.name == ""):
			if depth == 0 {
				return true
			}
			depth--
		case !t.closing && !t.selfClose && t.name == name:
			depth++
		}
	}
	return false
}

// render writes a tree back as text, converting each node with conv.
func render(items []any, conv func(n *node, inner string) string) string {
	var b strings.Builder
	for _, x := range items {
		switch x := x.(type) {
		case string:
			b.WriteString(x)
		case *node:
			b.WriteString(conv(x, render(x.children, conv)))
		}
	}
	return b.String()
}

// keepAsCode is the conversion of a node the import does not know: its
// tags as code (visible, and never run) around its converted body.
func keepAsCode(n *node, inner string) string {
	s := markTag(n.open)
	if n.close != nil {
		s += inner + markTag(n.close)
	}
	return s
}

// markTag is codeMarker for a tag. Inside a line its code span has more
// backticks than any run in the page, so that a stray backtick before it
// cannot close it; a tag that holds backticks, which such a stray one
// could pair with, is a block of its own.
func markTag(t *tag) string {
	if t.block || strings.Contains(t.raw, "`") {
		return codeMarker(t.raw, true)
	}
	return inlineCode(t.raw, t.fence, t.tickBefore, t.tickAfter)
}

// inlineCode writes text as a code span of fence backticks, with a space
// before or after it where a backtick stands beside it and would join.
func inlineCode(text string, fence int, tickBefore, tickAfter bool) string {
	ticks := strings.Repeat("`", max(fence, 1))
	s := ticks + strings.ReplaceAll(text, "\n", " ") + ticks
	if tickBefore {
		s = " " + s
	}
	if tickAfter {
		s += " "
	}
	return s
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	n, cur := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			cur++
			n = max(n, cur)
		} else {
			cur = 0
		}
	}
	return n
}
