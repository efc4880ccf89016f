package importer

import (
	"regexp"
	"strings"

	"github.com/udenmitid/sitegen/internal/scaffold"
)

// protected returns the byte ranges of body that are code or comments:
// fenced code blocks, inline code spans and HTML comments. Shortcodes and
// components in them are examples or hidden, never converted.
func protected(body string) [][2]int {
	var out [][2]int
	i := 0
	lineStart := true
	for i < len(body) {
		if lineStart {
			if fence, end := fencedBlock(body, i); fence {
				out = append(out, [2]int{i, end})
				i = end
				lineStart = true
				continue
			}
		}
		c := body[i]
		switch {
		case c == '\n':
			lineStart = true
			i++
			continue
		case strings.HasPrefix(body[i:], "<!--"):
			end := strings.Index(body[i+4:], "-->")
			if end < 0 {
				end = len(body)
			} else {
				end += i + 4 + 3
			}
			out = append(out, [2]int{i, end})
			i = end
		case c == '\\' && i+1 < len(body):
			i += 2
		case c == '`':
			n := run(body[i:], '`')
			close := findRun(body, i+n, '`', n)
			if close < 0 {
				i += n
			} else {
				out = append(out, [2]int{i, close + n})
				i = close + n
			}
		default:
			i++
		}
		lineStart = false
	}
	return out
}

// fencedBlock reports whether a fenced code block opens at line start i,
// and where it ends (after its closing line, or at the end of body).
func fencedBlock(body string, i int) (bool, int) {
	j := i
	for j < len(body) && j-i < 4 && (body[j] == ' ' || body[j] == '\t' || body[j] == '>') {
		j++
	}
	if j >= len(body) || (body[j] != '`' && body[j] != '~') {
		return false, 0
	}
	ch := body[j]
	n := run(body[j:], ch)
	if n < 3 {
		return false, 0
	}
	eol := strings.IndexByte(body[j:], '\n')
	if eol < 0 {
		return true, len(body)
	}
	if ch == '`' && strings.Contains(body[j+n:j+eol], "`") {
		return false, 0
	}
	k := j + eol + 1
	for k < len(body) {
		e := strings.IndexByte(body[k:], '\n')
		line := body[k:]
		if e >= 0 {
			line = body[k : k+e]
		}
		t := strings.TrimLeft(line, " \t>")
		if run(t, ch) >= n && strings.TrimSpace(strings.TrimLeft(t, string(ch))) == "" {
			if e < 0 {
				return true, len(body)
			}
			return true, k + e + 1
		}
		if e < 0 {
			break
		}
		k += e + 1
	}
	return true, len(body)
}

func run(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// findRun finds a run of exactly n c's at or after i.
func findRun(s string, i int, c byte, n int) int {
	for i < len(s) {
		if s[i] == c {
			m := run(s[i:], c)
			if m == n {
				return i
			}
			i += m
			continue
		}
		i++
	}
	return -1
}

func inRanges(r [][2]int, i int) bool {
	for _, x := range r {
		if i >= x[0] && i < x[1] {
			return true
		}
		if x[0] > i {
			break
		}
	}
	return false
}

// stripCode is body without its code and comments, for looking at its prose.
func stripCode(body string) string {
	var b strings.Builder
	last := 0
	for _, r := range protected(body) {
		b.WriteString(body[last:r[0]])
		last = r[1]
	}
	b.WriteString(body[last:])
	return b.String()
}

// lineAt is the 1-based line of byte offset i in body.
func lineAt(body string, i int) int { return strings.Count(body[:i], "\n") + 1 }

// blank is the placeholder a block conversion leaves around itself, so
// that it stands in paragraphs of its own; tidy turns it into a blank line.
const blank = "\x00"

var blankRun = regexp.MustCompile("[ \\t]*\\n*[ \\t]*\x00+(?:[ \\t]*\\n*[ \\t]*\x00+)*[ \\t]*\\n*")

func tidy(body string) string {
	body = blankRun.ReplaceAllString(body, "\n\n")
	return strings.TrimLeft(body, "\n")
}

// quoteBlock prefixes each line of text with "> ".
func quoteBlock(text string) string {
	lines := strings.Split(strings.Trim(tidy(text), "\n"), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// alertKinds maps the kinds of callouts, notices, hints and admonitions
// of the other generators to GitHub's five alerts.
var alertKinds = map[string]string{
	"note": "NOTE", "info": "NOTE", "information": "NOTE", "primary": "NOTE", "secondary": "NOTE",
	"default": "NOTE", "": "NOTE", "abstract": "NOTE", "summary": "NOTE", "example": "NOTE", "question": "NOTE",
	"tip": "TIP", "hint": "TIP", "success": "TIP", "idea": "TIP",
	"important": "IMPORTANT", "attention": "IMPORTANT",
	"warning": "WARNING", "warn": "WARNING", "caution": "WARNING",
	"danger": "CAUTION", "error": "CAUTION", "failure": "CAUTION", "bug": "CAUTION",
}

// alert writes a GitHub alert of kind (a name from alertKinds, any case)
// with an optional title in bold on its first line.
func alert(kind, title, inner string) string {
	k, ok := alertKinds[strings.ToLower(strings.TrimSpace(kind))]
	if !ok {
		k = "NOTE"
		if title == "" {
			title = kind
		}
	}
	text := strings.Trim(tidy(inner), "\n")
	if title != "" {
		text = "**" + strings.TrimSpace(title) + "**\n\n" + text
	}
	return blank + "> [!" + k + "]\n" + quoteBlock(text) + blank
}

// disclosure writes sitegen's collapsible block.
func disclosure(summary, inner string) string {
	summary = strings.Join(strings.Fields(summary), " ")
	if summary == "" {
		summary = "Details"
	}
	fence := ":::"
	for strings.Contains(inner, "\n"+fence) || strings.HasPrefix(inner, fence) {
		fence += ":"
	}
	inner = tidy(inner)
	return blank + fence + " details " + summary + "\n" + strings.Trim(inner, "\n") + "\n" + fence + blank
}

// figure writes an image with its caption on a line below, in emphasis.
func figure(src, alt, title, caption string) string {
	if alt == "" {
		alt = caption
	}
	if alt == "" {
		alt = title
	}
	img := "![" + escapeBrackets(alt) + "](" + linkDest(src)
	if title != "" && title != caption {
		img += " " + scaffold.Quote(title)
	}
	img += ")"
	if caption != "" {
		img += "\\\n*" + strings.TrimSpace(caption) + "*"
	}
	return img
}

func escapeBrackets(s string) string {
	return strings.NewReplacer("[", `\[`, "]", `\]`).Replace(s)
}

// linkDest writes a link destination, in <> when it holds a space.
func linkDest(s string) string {
	if strings.ContainsAny(s, " ()") {
		return "<" + s + ">"
	}
	return s
}

// headingLevelAt is the level for a heading inserted at offset i of
// body: one below the last heading before it, or 2.
func headingLevelAt(body string, i int) int {
	level := 1
	for _, line := range strings.Split(stripCode(body[:i]), "\n") {
		if n := run(line, '#'); n >= 1 && n <= 6 && len(line) > n && line[n] == ' ' {
			level = n
		}
	}
	return min(level+1, 6)
}

// codeMarker keeps text the import cannot convert in the page, visible as
// code: a block of code when it stands on lines of its own, else a code
// span.
func codeMarker(text string, block bool) string {
	if block {
		fence := "```"
		for strings.Contains(text, fence) {
			fence += "`"
		}
		return blank + fence + "text\n" + strings.Trim(text, "\n") + "\n" + fence + blank
	}
	ticks := "`"
	for strings.Contains(text, ticks) {
		ticks += "`"
	}
	pad := ""
	if strings.HasPrefix(text, "`") || strings.HasSuffix(text, "`") {
		pad = " "
	}
	return ticks + pad + strings.ReplaceAll(text, "\n", " ") + pad + ticks
}
