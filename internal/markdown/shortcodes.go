package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// shortcodeTag matches the start of a Hugo shortcode ({{< name >}},
// {{% name %}}) or of a Jekyll, Liquid or Zola tag ({% name %}), with the
// tag's name and what follows it on the line.
var shortcodeTag = regexp.MustCompile(`\{\{[<%]|\{%`)

var shortcodeName = regexp.MustCompile(`^-?\s*(/?)\s*([A-Za-z0-9_./-]*)([^\n]*)`)

// shortcodes reports each shortcode or template tag outside code: sitegen
// runs no templates in Markdown, so the tag would be shown as it is. The
// error says what to write instead. A tag inside a code span or block is
// text about tags and is left alone, as is one escaped with a backslash
// (\{{< ... >}}) and one inside an HTML comment (<!-- {{< x >}} -->),
// which no reader sees.
func (w *walker) shortcodes(doc ast.Node) {
	if !bytes.Contains(w.src, []byte("{%")) && !bytes.Contains(w.src, []byte("{{")) {
		return
	}
	var code [][2]int // source ranges of code, sorted
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					code = append(code, [2]int{t.Segment.Start, t.Segment.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				code = append(code, [2]int{lines.At(i).Start, lines.At(i).Stop})
			}
			if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
				code = append(code, [2]int{f.Info.Segment.Start, f.Info.Segment.Stop})
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			code = append(code, comments(n, w.src)...)
		}
		return ast.WalkContinue, nil
	})
	sort.Slice(code, func(i, j int) bool { return code[i][0] < code[j][0] })
	inCode := func(off int) bool {
		k := sort.Search(len(code), func(k int) bool { return code[k][1] > off })
		return k < len(code) && code[k][0] <= off
	}
	reported := map[string]bool{}
	for _, m := range shortcodeTag.FindAllIndex(w.src, -1) {
		start := m[0]
		if inCode(start) || escaped(w.src, start) {
			continue
		}
		open := string(w.src[m[0]:m[1]])
		nm := shortcodeName.FindSubmatch(w.src[m[1]:])
		closing, name, rest := len(nm[1]) > 0, string(nm[2]), string(nm[3])
		if closing && reported[name] {
			continue // its opening tag was reported
		}
		reported[name] = true
		w.problems = append(w.problems, Problem{Line: w.lineAt(start), Msg: shortcodeMessage(open, name, closing, rest)})
	}
}

// escaped reports whether the byte at off follows an odd number of
// backslashes.
func escaped(src []byte, off int) bool {
	n := 0
	for i := off - 1; i >= 0 && src[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// shortcodeMessage says what to write instead of a tag.
func shortcodeMessage(open, name string, closing bool, rest string) string {
	tag := open + " " + name
	if closing {
		tag = open + " /" + name
	}
	switch open {
	case "{{<":
		tag += " >}}"
	case "{{%":
		tag += " %}}"
	default:
		tag += " %}"
	}
	kind := "Hugo shortcode"
	if open == "{%" {
		kind = "template tag"
	}
	what := "write plain Markdown instead"
	lname := strings.ToLower(name)
	switch {
	case isCalloutName(lname):
		t := alertFor(lname + " " + strings.ToLower(rest))
		what = fmt.Sprintf("write a GitHub alert instead, a quotation whose first line is \"> [!%s]\" followed by the text on lines that start with \">\" (the types are NOTE, TIP, IMPORTANT, WARNING and CAUTION)", t)
	case lname == "ref" || lname == "relref" || lname == "link" || lname == "post_url":
		what = "write a Markdown link to the page's .md file instead, e.g. [text](page.md)"
	case lname == "figure" || lname == "img" || lname == "image":
		what = "write a Markdown image instead, e.g. ![what the image shows](picture.png)"
	case lname == "highlight" || lname == "code" || lname == "codeblock":
		what = "write a fenced code block instead: the code between lines of ```"
	case lname == "youtube" || lname == "vimeo" || lname == "video" || lname == "tweet" || lname == "x" || lname == "instagram":
		what = "write a Markdown link to the video or post instead"
	case lname == "details" || lname == "expand" || lname == "collapse" || lname == "spoiler":
		what = "write a disclosure instead, the summary on a line \"::: details Summary\", the text below it, and a line \":::\" after it"
	}
	if name == "" {
		tag = open
	}
	return fmt.Sprintf("%s %s is not supported, as sitegen runs no templates in Markdown: %s. To show the tag as text, put it in `code`", kind, tag, what)
}

// calloutNames are shortcode names that themes use for highlighted notes.
var calloutNames = []string{"callout", "alert", "admonition", "note", "notice", "hint", "tip", "warning",
	"caution", "important", "info", "danger", "aside"}

func isCalloutName(name string) bool {
	for _, c := range calloutNames {
		if name == c || strings.HasPrefix(name, c+"-") || strings.HasPrefix(name, c+"_") || strings.HasSuffix(name, "/"+c) {
			return true
		}
	}
	return false
}

// alertFor picks the alert type that fits a callout shortcode's name and
// arguments, e.g. "callout type=\"warning\"" is WARNING.
func alertFor(s string) string {
	for _, p := range []struct{ word, typ string }{
		{"caution", "CAUTION"}, {"danger", "CAUTION"}, {"error", "CAUTION"},
		{"warning", "WARNING"}, {"warn", "WARNING"},
		{"important", "IMPORTANT"},
		{"tip", "TIP"}, {"hint", "TIP"}, {"success", "TIP"},
	} {
		if strings.Contains(s, p.word) {
			return p.typ
		}
	}
	return "NOTE"
}

// comments returns the source ranges of the HTML comments in a raw HTML
// node.
func comments(n ast.Node, src []byte) [][2]int {
	var lines *text.Segments
	switch n := n.(type) {
	case *ast.RawHTML:
		lines = n.Segments
	case *ast.HTMLBlock:
		lines = n.Lines()
	}
	if lines == nil || lines.Len() == 0 {
		return nil
	}
	start, stop := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	if b, ok := n.(*ast.HTMLBlock); ok && b.HasClosure() {
		stop = b.ClosureLine.Stop
	}
	var out [][2]int
	for off := start; off < stop; {
		i := bytes.Index(src[off:stop], []byte("<!--"))
		if i < 0 {
			break
		}
		j := bytes.Index(src[off+i+4:stop], []byte("-->"))
		end := stop
		if j >= 0 {
			end = off + i + 4 + j + 3
		}
		out = append(out, [2]int{off + i, end})
		off = end
	}
	return out
}
