package serve

import (
	"cmp"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/udenmitid/sitegen/internal/check"
)

// pageSize is how many findings, translation rows and readability figures
// the status page shows at a time: at 10,000 pages the whole report is
// 12 MB of HTML, which Chromium took 11 s to show.
const pageSize = 100

// morePlaces is how many further places of a finding show before the rest
// fold away (in a details element).
const morePlaces = 10

// A reportView is a report as the status page shows it, made once for each
// report (Reporter): each finding, translation row and readability figure
// as HTML, and the counts the summaries show. It is written out by hand,
// not with html/template: at 10,000 pages a template took over a second.
// A request picks one page of each list (view.write); TestRenderReport
// holds a report that fits on one page to the template the status page
// was first made with.
type reportView struct {
	findings []item // in the report's order; filter: the rule
	rules    []ruleCount
	langs    []string
	keys     []item // one row for each translation key; filter: "lang status" for each language
	totals   map[string]map[string]int
	lix      []item
	outdated []item // each outdated translation, with what changed in its source
}

// An item is one entry of a list, as HTML, and the values a filter of the
// list picks it by.
type item struct {
	html string
	tags []string
}

// A ruleCount is how many errors and warnings a rule found.
type ruleCount struct {
	rule             string
	errors, warnings int
}

// statuses orders the translation statuses in the summary.
var statuses = []string{check.StatusOK, check.StatusMissing, check.StatusOutdated, check.StatusOrphan, check.StatusNeedsReview, check.StatusError}

// newReportView makes the view of r; r.Site gives the translation rows'
// links, and the view keeps nothing of it.
func newReportView(r *check.Report) *reportView {
	v := &reportView{}
	var b strings.Builder
	esc := func(s string) { b.WriteString(html.EscapeString(s)) }
	counts := map[string]*ruleCount{}
	for _, f := range r.Findings {
		b.Reset()
		b.WriteString("<li><code>")
		g := f
		if len(f.Places) > 1+morePlaces {
			g.Places = f.Places[:1+morePlaces]
		}
		esc(g.String())
		b.WriteString("</code>")
		if rest := f.Places[len(g.Places):]; len(rest) > 0 {
			b.WriteString("<details><summary>")
			b.WriteString(strconv.Itoa(len(rest)))
			b.WriteString(" more places</summary><code>")
			for i, p := range rest {
				if i > 0 {
					b.WriteString("\n")
				}
				esc("  also at " + p.String())
			}
			b.WriteString("</code></details>")
		}
		b.WriteString("</li>")
		v.findings = append(v.findings, item{b.String(), []string{f.Rule}})
		c := counts[f.Rule]
		if c == nil {
			c = &ruleCount{rule: f.Rule}
			counts[f.Rule] = c
		}
		if f.Severity == check.Error {
			c.errors++
		} else {
			c.warnings++
		}
	}
	for _, c := range counts {
		v.rules = append(v.rules, *c)
	}
	slices.SortFunc(v.rules, func(a, b ruleCount) int { // most errors, then most warnings, then by name
		return cmp.Or(b.errors-a.errors, b.warnings-a.warnings, strings.Compare(a.rule, b.rule))
	})
	if t, site := r.Translations, r.Site; t != nil && site != nil {
		v.langs, v.totals = t.Languages, t.Totals
		for _, k := range t.Keys {
			b.Reset()
			b.WriteString(`<tr><th scope="row"><code>`)
			esc(k.Key)
			b.WriteString("</code></th>\n")
			var tags []string
			for _, l := range site.Langs {
				p := site.Page(k.Key, l.Code)
				if p == nil {
					continue
				}
				st := k.Status[p.Lang.Code]
				b.WriteString(`<td><a href="`)
				esc(site.URL(p))
				b.WriteString(`">`)
				esc(st)
				b.WriteString("</a></td>")
				tags = append(tags, p.Lang.Code+" "+st)
			}
			b.WriteString("\n</tr>")
			v.keys = append(v.keys, item{b.String(), tags})
		}
	}
	for i := range r.Outdated {
		v.outdated = append(v.outdated, item{html: outdatedHTML(&r.Outdated[i])})
	}
	for _, p := range r.Readability {
		b.Reset()
		b.WriteString("<li><code>")
		esc(p.Path)
		b.WriteString("</code>: ")
		b.WriteString(strconv.FormatFloat(p.LIX, 'g', -1, 64))
		b.WriteString(" (")
		esc(p.Band)
		b.WriteString(")</li>")
		v.lix = append(v.lix, item{html: b.String()})
	}
	return v
}

// outdatedHTML shows an outdated translation, and what changed in its
// source folded in a details element: removed text in del, added text in
// ins, each also said in words for a screen reader, which does not
// announce del and ins.
func outdatedHTML(o *check.Outdated) string {
	var b strings.Builder
	esc := func(s string) { b.WriteString(html.EscapeString(s)) }
	b.WriteString("<li><code>")
	esc(o.Path)
	b.WriteString("</code>, from <code>")
	esc(o.Source)
	b.WriteString("</code>")
	if o.Change == nil {
		if o.NotFound != "" {
			b.WriteString(": ")
			esc(o.NotFound)
		}
		b.WriteString("</li>")
		return b.String()
	}
	b.WriteString(": ")
	esc(o.Summary())
	if len(o.Change.Blocks) == 0 {
		b.WriteString("</li>")
		return b.String()
	}
	b.WriteString("\n<details><summary>What changed in <code>")
	esc(o.Source)
	b.WriteString("</code></summary>\n<div class=\"diff\">")
	for _, bl := range o.Change.Blocks {
		fmt.Fprintf(&b, "<p class=\"where\">%s, line %d: %s (%d %s)</p>\n<p>", html.EscapeString(bl.Kind), bl.Line, bl.Op, bl.Words, map[bool]string{true: "word", false: "words"}[bl.Words == 1])
		switch bl.Op {
		case "added":
			b.WriteString(insHTML(bl.New))
		case "removed":
			b.WriteString(delHTML(bl.Old))
		default:
			for _, sp := range bl.Diff {
				switch sp.Op {
				case "-":
					b.WriteString(delHTML(sp.Text))
				case "+":
					b.WriteString(insHTML(sp.Text))
				default:
					esc(sp.Text)
				}
			}
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("</div></details></li>")
	return b.String()
}

func delHTML(s string) string {
	return `<del><span class="vh">[removed: </span>` + html.EscapeString(s) + `<span class="vh">]</span></del>`
}

func insHTML(s string) string {
	return `<ins><span class="vh">[added: </span>` + html.EscapeString(s) + `<span class="vh">]</span></ins>`
}
