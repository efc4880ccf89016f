package markdown

import (
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// AlertTypes are the GitHub alert types, as written in "> [!NOTE]" (in
// any case), lower-cased. GitHub, Obsidian and Hugo (0.132 and later)
// understand the same syntax.
var AlertTypes = []string{"note", "tip", "important", "warning", "caution"}

// AlertMessageID returns the UI string id of an alert type's label:
// "alert_note" for "note".
func AlertMessageID(typ string) string { return "alert_" + typ }

// AlertMessageIDs returns the UI string ids of every alert type's label.
func AlertMessageIDs() []string {
	ids := make([]string, len(AlertTypes))
	for i, t := range AlertTypes {
		ids[i] = AlertMessageID(t)
	}
	return ids
}

// alertMarker matches the first line of an alert: "[!NOTE]", alone or
// followed by text, which then begins the alert's first paragraph.
var alertMarker = regexp.MustCompile(`^\[!([A-Za-z]+)\]([ \t]+|\r?\n|$)`)

// A GitHub alert becomes a callout:
//
//	<div class="callout callout--warning" role="note">
//	<p class="callout__label">Advarsel</p>
//	<p>The alert's text.</p>
//	</div>
//
// The label is visible text in the page's language, read first by every
// screen reader, so the callout never depends on its colour (WCAG 1.4.1).
// The role is note, "a section whose content is parenthetic or ancillary
// to the main content" (WAI-ARIA 1.2), which some screen readers announce
// and none interrupts for: the text is part of the page, not a live
// message, which is why role="alert" (for changes after the page loaded)
// is not used, as neither GOV.UK's warning text and inset text nor
// GitHub's own alerts use it. It is not an <aside>, which would add a
// complementary landmark for every callout, nor a heading, which would
// enter the table of contents.
type callouts struct{}

func (callouts) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(calloutRenderer{}, 100)))
}

var kindCallout = ast.NewNodeKind("Callout")

// A callout is a GitHub alert.
type callout struct {
	ast.BaseBlock
	typ   string // one of AlertTypes
	label string
}

func (n *callout) Kind() ast.NodeKind { return kindCallout }
func (n *callout) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Type": n.typ}, nil)
}

// alert turns a blockquote that starts with an alert marker into a
// callout. A marker of an unknown type is a warning, and the blockquote
// stays one.
func (w *walker) alert(bq *ast.Blockquote) {
	p, ok := bq.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return
	}
	first := p.Lines().At(0)
	m := alertMarker.FindSubmatchIndex(first.Value(w.src))
	if m == nil {
		return
	}
	typ := strings.ToLower(string(first.Value(w.src)[m[2]:m[3]]))
	line := w.line(p)
	if !isAlertType(typ) {
		w.problems = append(w.problems, Problem{Line: line, Warning: true,
			Msg: fmt.Sprintf("[!%s] is not a GitHub alert type, so this stays a quotation: write [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]", first.Value(w.src)[m[2]:m[3]])})
		return
	}
	end := m[5] // after the spaces that follow the marker on its line, not its line break
	if strings.ContainsAny(string(first.Value(w.src)[m[4]:m[5]]), "\r\n") {
		end = m[4]
	}
	if !removePrefix(p, first.Start+m[3]+1, first.Start+end) {
		return
	}
	label := w.c.labels[typ]
	if label == "" {
		w.problems = append(w.problems, Problem{Line: line,
			Msg: fmt.Sprintf("no label for [!%s] alerts in this language: add the UI string %s to i18n/%s.toml", strings.ToUpper(typ), AlertMessageID(typ), w.c.lang)})
	}
	if p.ChildCount() == 0 {
		bq.RemoveChild(bq, p)
	}
	if !bq.HasChildren() {
		w.problems = append(w.problems, Problem{Line: line, Warning: true,
			Msg: fmt.Sprintf("[!%s] alert without text: write the text on the lines after it, each starting with >", strings.ToUpper(typ))})
	}
	c := &callout{typ: typ, label: label}
	for n := bq.FirstChild(); n != nil; {
		next := n.NextSibling()
		c.AppendChild(c, n)
		n = next
	}
	bq.Parent().ReplaceChild(bq.Parent(), bq, c)
}

func isAlertType(t string) bool {
	for _, a := range AlertTypes {
		if a == t {
			return true
		}
	}
	return false
}

// removePrefix removes the inline content of p before the source offset
// end: the marker, which ends at offset marker, and the spaces after it
// on its line. It reports false, changing nothing, when the marker is not
// all plain text (a link defined as [!note], say). What follows the
// marker may be anything: a dash the typographer made of "--" on the
// next line is no text node.
func removePrefix(p ast.Node, marker, end int) bool {
	var drop []ast.Node
	reached := -1 // the end of the text dropped so far
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			if reached >= marker {
				break
			}
			return false
		}
		reached = t.Segment.Stop
		if t.Segment.Stop <= end {
			drop = append(drop, t)
			if t.Segment.Stop == end {
				break
			}
			continue
		}
		if t.Segment.Start < end {
			t.Segment = t.Segment.WithStart(end)
		}
		break
	}
	for _, n := range drop {
		p.RemoveChild(p, n)
	}
	return true
}

type calloutRenderer struct{}

func (calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCallout, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*callout)
		if entering {
			fmt.Fprintf(w, "<div class=\"callout callout--%s\" role=\"note\">\n<p class=\"callout__label\">%s</p>\n", n.typ, html.EscapeString(n.label))
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}
