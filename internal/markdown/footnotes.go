package markdown

import (
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Footnotes ("Tekst.[^1]" and "[^1]: Note.") are goldmark's, with links a
// screen reader can say: a reference is read as "Note 1", not "1"; the
// link back from a note as "Back to the text", not "↩︎"; and the notes
// stand under a heading, in the page's language (the UI strings
// footnote_ref, footnote_back and footnotes_title, Options.UI):
//
//	<p>Tekst.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref" aria-label="Fodnote 1">1</a></sup></p>
//	<section class="footnotes" role="doc-endnotes">
//	<h2 class="footnotes__title">Noter</h2>
//	<ol>
//	<li id="fn:1">
//	<p>Note.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink" aria-label="Tilbage til teksten">↩︎</a></p>
//	</li>
//	</ol>
//	</section>
//
// The names are aria-label: the visible number stays part of the
// reference's name (WCAG 2.5.3, Label in Name), and the arrow is a symbol,
// which that criterion leaves out. A note referred to more than once has
// a link back to each reference, numbered after the arrow and in its name
// ("Back to the text 2"). The heading has
// no id, so it cannot take one from the headings of the text, and is not
// in the table of contents.
type footnotes struct {
	c *Converter
}

func (e footnotes) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

func (e footnotes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteLink, e.link)
	reg.Register(east.KindFootnoteBacklink, e.backlink)
	reg.Register(east.KindFootnoteList, e.list)
}

func (e footnotes) link(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*east.FootnoteLink)
	num := strconv.Itoa(n.Index)
	before, after := noteRef(e.c.ui[IDFootnoteRef])
	_, _ = w.WriteString(`<sup id="fnref`)
	if n.RefIndex > 0 {
		_, _ = w.WriteString(strconv.Itoa(n.RefIndex))
	}
	_, _ = w.WriteString(`:` + num + `"><a href="#fn:` + num + `" class="footnote-ref" role="doc-noteref" aria-label="`)
	_, _ = w.Write(util.EscapeHTML([]byte(before + num + after)))
	_, _ = w.WriteString(`">` + num + `</a></sup>`)
	return ast.WalkContinue, nil
}

func (e footnotes) backlink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*east.FootnoteBacklink)
	label, more := e.c.ui[IDFootnoteBack], ""
	if n.RefCount > 1 {
		more = strconv.Itoa(n.RefIndex + 1)
		label += " " + more
	}
	_, _ = w.WriteString(`&#160;<a href="#fnref`)
	if n.RefIndex > 0 {
		_, _ = w.WriteString(strconv.Itoa(n.RefIndex))
	}
	_, _ = w.WriteString(`:` + strconv.Itoa(n.Index) + `" class="footnote-backref" role="doc-backlink" aria-label="`)
	_, _ = w.Write(util.EscapeHTML([]byte(label)))
	_, _ = w.WriteString(`">↩︎`)
	if more != "" {
		_, _ = w.WriteString(`<sup>` + more + `</sup>`)
	}
	_, _ = w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}

func (e footnotes) list(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<section class=\"footnotes\" role=\"doc-endnotes\">\n<h2 class=\"footnotes__title\">")
		_, _ = w.Write(util.EscapeHTML([]byte(e.c.ui[IDFootnotesTitle])))
		_, _ = w.WriteString("</h2>\n<ol>\n")
	} else {
		_, _ = w.WriteString("</ol>\n</section>\n")
	}
	return ast.WalkContinue, nil
}
