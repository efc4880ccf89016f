package serve

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/udenmitid/sitegen/internal/check"
)

// renderReport makes the part of the status page that shows a report:
// the findings, the translation table, each linking to the page in its
// language, and the readability of each page. It is made once for each
// report (Reporter). It is written out by hand, not with html/template:
// at 10,000 pages a template took over a second, most of the time the
// status page needs after an edit; TestRenderReport holds it to the
// template it replaces.
func renderReport(r *check.Report) (template.HTML, error) {
	var b strings.Builder
	esc := func(s string) { b.WriteString(html.EscapeString(s)) }
	if len(r.Findings) > 0 {
		b.WriteString("<h2>Findings</h2>\n<ul>")
		for _, f := range r.Findings {
			b.WriteString("<li><code>")
			esc(f.String())
			b.WriteString("</code></li>")
		}
		b.WriteString("</ul>")
	}
	b.WriteString("\n")
	if t, site := r.Translations, r.Site; t != nil && site != nil {
		b.WriteString("\n<h2>Translations</h2>\n<table>\n<thead><tr><th scope=\"col\">Key</th>")
		for _, l := range t.Languages {
			b.WriteString(`<th scope="col">`)
			esc(l)
			b.WriteString("</th>")
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		for _, k := range t.Keys {
			b.WriteString(`<tr><th scope="row"><code>`)
			esc(k.Key)
			b.WriteString("</code></th>\n")
			for _, l := range site.Langs {
				p := site.Page(k.Key, l.Code)
				if p == nil {
					continue
				}
				b.WriteString(`<td><a href="`)
				esc(site.URL(p))
				b.WriteString(`">`)
				esc(k.Status[p.Lang.Code])
				b.WriteString("</a></td>")
			}
			b.WriteString("\n</tr>")
		}
		b.WriteString("\n</tbody>\n</table>")
	}
	b.WriteString("\n")
	if len(r.Readability) > 0 {
		b.WriteString("<h2>Readability (LIX)</h2>\n<ul>")
		for _, p := range r.Readability {
			b.WriteString("<li><code>")
			esc(p.Path)
			b.WriteString("</code>: ")
			b.WriteString(strconv.FormatFloat(p.LIX, 'g', -1, 64))
			b.WriteString(" (")
			esc(p.Band)
			b.WriteString(")</li>")
		}
		b.WriteString("</ul>")
	}
	b.WriteString("\n")
	return template.HTML(b.String()), nil
}
