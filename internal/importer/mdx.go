package importer

import (
	"fmt"
	"regexp"
	"strings"
)

// The MDX conversions (Docusaurus): what has a Markdown form becomes it;
// imports, exports and other components stay, as code, each reported.

var (
	admonitionOpen = regexp.MustCompile(`^\s*(:{3,})\s*([A-Za-z]+)\s*(?:\[(.*)\]|\{\s*title\s*=\s*"(.*)"\s*\}|(.*))\s*$`)
	colonClose     = regexp.MustCompile(`^\s*(:{3,})\s*$`)
	importLine     = regexp.MustCompile(`^import\s`)
	exportLine     = regexp.MustCompile(`^export\s`)
	jsxBlockOpen   = regexp.MustCompile(`^\s*<([A-Z][A-Za-z0-9_.]*)`)
	jsxInline      = regexp.MustCompile(`</?[A-Z][A-Za-z0-9_.]*(?:\s[^<>]*)?/?>`)
	attrRe         = regexp.MustCompile(`([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'\x60]([^"'\x60]*)["'\x60]\s*\})`)
	detailsOpen    = regexp.MustCompile(`^<details(\s[^>]*)?>`)
	summaryRe      = regexp.MustCompile(`(?s)<summary[^>]*>(.*?)</summary>`)
)

// Components the conversion replaces, so their imports go too.
var convertedComponents = map[string]bool{"Tabs": true, "TabItem": true, "Admonition": true, "Details": true}

type mdxConv struct {
	rep   func(line int, what, todo string)
	fence int // backticks for a code span: more than any run in the page
}

func mdxConvert(body string, rep func(line int, what, todo string)) string {
	c := &mdxConv{rep: rep, fence: longestRun(body, '`') + 1}
	body = c.comments(body)
	lines := strings.Split(body, "\n")
	out := c.lines(lines, 1)
	return tidy(strings.Join(out, "\n"))
}

// comments turns MDX comments {/* ... */} into HTML comments.
func (c *mdxConv) comments(body string) string {
	if !strings.Contains(body, "{/*") {
		return body
	}
	prot := protected(body)
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		if strings.HasPrefix(body[i:], "{/*") && !inRanges(prot, i) {
			if end := strings.Index(body[i+3:], "*/}"); end >= 0 {
				b.WriteString("<!--" + strings.ReplaceAll(body[i+3:i+3+end], "--", "- -") + "-->")
				i += 3 + end + 2
				continue
			}
		}
		b.WriteByte(body[i])
	}
	return b.String()
}

func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRe.FindAllStringSubmatch(s, -1) {
		m[strings.ToLower(a[1])] = a[2] + a[3] + a[4]
	}
	return m
}

// lines converts lines (the first is line first of the body).
func (c *mdxConv) lines(lines []string, first int) []string {
	var out []string
	emit := func(s string) { out = append(out, s) }
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trim := strings.TrimSpace(line)
		ln := first + i
		if fence, end := fencedBlock(strings.Join(lines[i:], "\n"), 0); fence {
			n := strings.Count(strings.Join(lines[i:], "\n")[:end], "\n")
			if end == len(strings.Join(lines[i:], "\n")) {
				n = len(lines) - i
			}
			n = max(n, 1)
			out = append(out, lines[i:min(i+n, len(lines))]...)
			i += n - 1
			continue
		}
		if m := admonitionOpen.FindStringSubmatch(line); m != nil && !strings.EqualFold(m[2], "details") {
			end := c.findColonClose(lines, i, len(m[1]))
			inner := c.lines(lines[i+1:end], ln+1)
			title := strings.TrimSpace(m[3] + m[4] + m[5])
			emit(alert(m[2], title, strings.Join(inner, "\n")))
			i = end
			continue
		}
		if detailsOpen.MatchString(trim) {
			end := c.findClose(lines, i, "<details", "</details>")
			text := strings.Join(lines[i:end+1], "\n")
			text = strings.TrimSpace(text)
			text = text[strings.Index(text, ">")+1:]
			text = strings.TrimSuffix(strings.TrimSpace(text), "</details>")
			summary := ""
			if m := summaryRe.FindStringSubmatchIndex(text); m != nil {
				summary = stripTags(text[m[2]:m[3]])
				text = text[:m[0]] + text[m[1]:]
			}
			inner := c.lines(strings.Split(strings.Trim(text, "\n"), "\n"), ln+1)
			emit(disclosure(summary, strings.Join(inner, "\n")))
			i = end
			continue
		}
		if m := jsxBlockOpen.FindStringSubmatch(line); m != nil && strings.HasPrefix(trim, "<") {
			name := m[1]
			switch name {
			case "Tabs":
				emit(blank)
				continue
			case "TabItem":
				a := attrs(line)
				title := firstNonEmpty(a["label"], a["value"], "Tab")
				level := headingLevelAt(strings.Join(out, "\n"), len(strings.Join(out, "\n")))
				emit(blank + strings.Repeat("#", level) + " " + title + blank)
				continue
			case "Admonition":
				if !strings.Contains(line, ">") {
					break
				}
				a := attrs(line)
				end := c.findClose(lines, i, "<Admonition", "</Admonition>")
				text := strings.Join(lines[i:end+1], "\n")
				text = text[strings.Index(text, ">")+1:]
				text = strings.TrimSuffix(strings.TrimSpace(text), "</Admonition>")
				inner := c.lines(strings.Split(strings.Trim(text, "\n"), "\n"), ln+1)
				emit(alert(a["type"], a["title"], strings.Join(inner, "\n")))
				i = end
				continue
			}
			end := c.jsxEnd(lines, i, name)
			c.rep(ln, fmt.Sprintf("component <%s> not converted: React renders it, and it has no Markdown form", name),
				"it is kept as code in the page; write what it showed in Markdown, or as raw HTML and a script in static/")
			emit(codeMarker(strings.Join(lines[i:end+1], "\n"), true))
			i = end
			continue
		}
		if strings.HasPrefix(trim, "</Tabs>") || strings.HasPrefix(trim, "</TabItem>") {
			emit(blank)
			continue
		}
		if importLine.MatchString(line) || exportLine.MatchString(line) {
			end := i
			if importLine.MatchString(line) {
				for end < len(lines)-1 && !strings.Contains(lines[end], " from ") && !strings.Contains(lines[end], "'") && !strings.Contains(lines[end], `"`) {
					end++
				}
			} else {
				for end < len(lines)-1 && strings.TrimSpace(lines[end+1]) != "" {
					end++
				}
			}
			stmt := strings.Join(lines[i:end+1], "\n")
			if importLine.MatchString(line) && importsOnly(stmt, convertedComponents) {
				i = end
				continue
			}
			c.rep(ln, fmt.Sprintf("MDX %s not converted: %s", strings.Fields(line)[0], oneLine(stmt)),
				"it is kept as code in the page; remove it with what uses it")
			emit(codeMarker(stmt, true))
			i = end
			continue
		}
		emit(c.inline(line, ln))
	}
	return out
}

// inline keeps components inside a line as code spans.
func (c *mdxConv) inline(line string, ln int) string {
	if !strings.Contains(line, "<") {
		return line
	}
	prot := protected(line)
	var b strings.Builder
	last := 0
	reported := false
	for _, m := range jsxInline.FindAllStringIndex(line, -1) {
		if inRanges(prot, m[0]) || (m[0] > 0 && line[m[0]-1] == '\\') {
			continue
		}
		text := line[m[0]:m[1]]
		if strings.Contains(text, "`") {
			continue // a stray backtick could pair with one inside: left as it is
		}
		b.WriteString(line[last:m[0]])
		b.WriteString(inlineCode(text, c.fence, m[0] > 0 && line[m[0]-1] == '`', m[1] < len(line) && line[m[1]] == '`'))
		last = m[1]
		if !reported {
			c.rep(ln, fmt.Sprintf("component %s not converted: React renders it", line[m[0]:m[1]]),
				"it is kept as code in the page; write what it showed in Markdown")
			reported = true
		}
	}
	b.WriteString(line[last:])
	return b.String()
}

// importsOnly reports whether an import statement imports only names
// in names.
func importsOnly(stmt string, names map[string]bool) bool {
	head, _, ok := strings.Cut(stmt, " from ")
	if !ok {
		return false
	}
	head = strings.TrimPrefix(strings.TrimSpace(head), "import")
	for _, n := range strings.FieldsFunc(head, func(r rune) bool { return strings.ContainsRune(" ,{}\n\t", r) }) {
		if n == "as" || !names[n] {
			return false
		}
	}
	return true
}

// findColonClose finds the line that closes a ::: block opened at line i
// with n colons; a block not closed ends with the text.
func (c *mdxConv) findColonClose(lines []string, i, n int) int {
	depth := 0
	for j := i + 1; j < len(lines); j++ {
		if fence, end := fencedBlock(strings.Join(lines[j:], "\n"), 0); fence {
			j += max(strings.Count(strings.Join(lines[j:], "\n")[:end], "\n"), 1) - 1
			continue
		}
		if m := admonitionOpen.FindStringSubmatch(lines[j]); m != nil && len(m[1]) == n {
			depth++
			continue
		}
		if m := colonClose.FindStringSubmatch(lines[j]); m != nil && len(m[1]) >= n {
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return len(lines)
}

// findClose finds the line with the closing tag of the element opened at
// line i, counting nested ones; an element not closed ends with the text.
func (c *mdxConv) findClose(lines []string, i int, open, close string) int {
	depth := 0
	for j := i; j < len(lines); j++ {
		depth += strings.Count(lines[j], open) - strings.Count(lines[j], close)
		if depth <= 0 {
			return j
		}
	}
	return len(lines) - 1
}

// jsxEnd finds the last line of the component opened at line i: the line
// that ends its self-closing tag, or the one with its closing tag.
func (c *mdxConv) jsxEnd(lines []string, i int, name string) int {
	text := strings.Join(lines[i:], "\n")
	start := strings.Index(text, "<"+name)
	// The opening tag ends at the first '>' outside quotes and braces.
	depth, quote := 0, byte(0)
	for k := start + 1; k < len(text); k++ {
		ch := text[k]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '"' || ch == '\'' || ch == '`':
			quote = ch
		case ch == '{':
			depth++
		case ch == '}':
			depth--
		case ch == '>' && depth == 0:
			if text[k-1] == '/' {
				return i + strings.Count(text[:k], "\n")
			}
			if e := strings.Index(text[k:], "</"+name+">"); e >= 0 {
				return i + strings.Count(text[:k+e], "\n")
			}
			return i + strings.Count(text[:k], "\n")
		}
	}
	return len(lines) - 1
}
