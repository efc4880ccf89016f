package serve

import (
	"html"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// write writes the page of the view that query q asks for: the findings,
// of rule q["rule"] when it is set; the translation rows, those whose
// language q["lang"] has status q["status"] when both are set; and the
// readability figures. Each list shows page q[id] of pageSize items, where
// id is the section's id ("findings", "translations", "readability"),
// with links to the others. A list longer than a page, or filtered, has a
// summary above it whose counts link to the filtered lists. The links keep
// the rest of the query, except wait.
func (v *reportView) write(b *strings.Builder, q url.Values) {
	w := pageWriter{b, q}
	if len(v.findings) > 0 {
		w.findings(v)
	}
	b.WriteString("\n")
	if len(v.langs) > 0 {
		w.translations(v)
	}
	b.WriteString("\n")
	if len(v.outdated) > 0 {
		b.WriteString("<h2 id=\"outdated\">Outdated translations: what changed in their sources</h2>\n<ul>")
		w.list("outdated", "outdated translations", v.outdated, "</ul>")
	}
	b.WriteString("\n")
	if len(v.lix) > 0 {
		b.WriteString("<h2 id=\"readability\">Readability (LIX)</h2>\n<ul>")
		w.list("readability", "pages", v.lix, "</ul>")
	}
	b.WriteString("\n")
}

// A pageWriter writes one page of the status page's report for query q.
type pageWriter struct {
	b *strings.Builder
	q url.Values
}

func (w pageWriter) esc(s string) { w.b.WriteString(html.EscapeString(s)) }
func (w pageWriter) num(n int)    { w.b.WriteString(strconv.Itoa(n)) }

// href writes a link to the status page with the query changed by set
// (see link), escaped for an attribute.
func (w pageWriter) href(set ...string) { w.esc(link(w.q, set...)) }

// head writes a table's head row: first, then a column for each language.
func (w pageWriter) head(first string, langs []string) {
	w.b.WriteString(`<thead><tr><th scope="col">` + first + "</th>")
	for _, l := range langs {
		w.b.WriteString(`<th scope="col">`)
		w.esc(l)
		w.b.WriteString("</th>")
	}
	w.b.WriteString("</tr></thead>\n<tbody>\n")
}

// findings writes the findings, of q's rule when it is set, with the
// summary by rule when the list is longer than a page or filtered.
func (w pageWriter) findings(v *reportView) {
	b := w.b
	b.WriteString("<h2 id=\"findings\">Findings</h2>\n")
	list, rule := v.findings, w.q.Get("rule")
	if rule != "" {
		list = filter(list, rule)
	}
	if len(v.findings) > pageSize || rule != "" {
		b.WriteString("<table><caption>Findings by rule</caption>\n")
		b.WriteString(`<thead><tr><th scope="col">Rule</th><th scope="col">Errors</th><th scope="col">Warnings</th></tr></thead>` + "\n<tbody>\n")
		for _, c := range v.rules {
			b.WriteString(`<tr><th scope="row"><a href="`)
			w.href("rule", c.rule, "findings", "", "#findings")
			b.WriteString(`">`)
			w.esc(c.rule)
			b.WriteString("</a></th><td>")
			w.num(c.errors)
			b.WriteString("</td><td>")
			w.num(c.warnings)
			b.WriteString("</td></tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
		if rule != "" {
			b.WriteString("<p>Only the findings of rule <code>")
			w.esc(rule)
			b.WriteString(`</code>. <a href="`)
			w.href("rule", "", "findings", "", "#findings")
			b.WriteString(`">Show every finding</a>.</p>` + "\n")
		}
	}
	b.WriteString("<ul>")
	w.list("findings", "findings", list, "</ul>")
}

// translations writes the translation rows, of q's language and status
// when both are set, with the summary by status when the table is longer
// than a page or filtered.
func (w pageWriter) translations(v *reportView) {
	b := w.b
	b.WriteString("\n<h2 id=\"translations\">Translations</h2>\n")
	list, lang, status := v.keys, w.q.Get("lang"), w.q.Get("status")
	filtered := lang != "" && status != ""
	if filtered {
		list = filter(list, lang+" "+status)
	}
	if len(v.keys) > pageSize || filtered {
		b.WriteString("<table><caption>Pages by translation status</caption>\n")
		w.head("Status", v.langs)
		for _, st := range statuses {
			if !slices.ContainsFunc(v.langs, func(l string) bool { return v.totals[l][st] > 0 }) {
				continue
			}
			b.WriteString(`<tr><th scope="row">`)
			w.esc(st)
			b.WriteString("</th>")
			for _, l := range v.langs {
				b.WriteString("<td>")
				if n := v.totals[l][st]; n > 0 {
					b.WriteString(`<a href="`)
					w.href("lang", l, "status", st, "translations", "", "#translations")
					b.WriteString(`">`)
					w.num(n)
					b.WriteString("</a>")
				} else {
					b.WriteString("0")
				}
				b.WriteString("</td>")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
		if filtered {
			b.WriteString("<p>Only the keys whose page in <code>")
			w.esc(lang)
			b.WriteString("</code> is <code>")
			w.esc(status)
			b.WriteString(`</code>. <a href="`)
			w.href("lang", "", "status", "", "translations", "", "#translations")
			b.WriteString(`">Show every key</a>.</p>` + "\n")
		}
	}
	b.WriteString("<table>\n")
	w.head("Key", v.langs)
	w.list("translations", "keys", list, "\n</tbody>\n</table>")
}

// list writes the page of list that q[id] asks for, then end, which closes
// the element that holds it, and after it a pager when the list is longer
// than a page; noun names its items.
func (w pageWriter) list(id, noun string, list []item, end string) {
	b := w.b
	pages := max(1, (len(list)+pageSize-1)/pageSize)
	page, err := strconv.Atoi(w.q.Get(id))
	if err != nil || page < 1 {
		page = 1
	}
	page = min(page, pages)
	from, to := (page-1)*pageSize, min(page*pageSize, len(list))
	for _, it := range list[from:to] {
		b.WriteString(it.html)
	}
	b.WriteString(end)
	if len(list) == 0 {
		b.WriteString("\n<p>No " + noun + " match.</p>")
	}
	if pages == 1 {
		return
	}
	num := strconv.Itoa
	b.WriteString("\n<nav aria-label=\"" + noun + ", by page\"><p>Showing " + noun + " " + num(from+1) + " to " + num(to) + " of " + num(len(list)) + " (page " + num(page) + " of " + num(pages) + ").</p>\n<p>")
	pageLink := func(label string, p int, rel string) {
		b.WriteString(`<a href="`)
		w.href(id, num(p), "#"+id)
		b.WriteString(`"`)
		if rel != "" {
			b.WriteString(` rel="` + rel + `"`)
		}
		b.WriteString(">" + label + "</a> ")
	}
	if page > 1 {
		pageLink("First page", 1, "")
		pageLink("Previous page", page-1, "prev")
	}
	if page < pages {
		pageLink("Next page", page+1, "next")
		pageLink("Last page", pages, "")
	}
	b.WriteString("</p></nav>")
}

// filter returns the items of list with tag.
func filter(list []item, tag string) []item {
	var out []item
	for _, it := range list {
		if slices.Contains(it.tags, tag) {
			out = append(out, it)
		}
	}
	return out
}

// link returns a link to the status page with query q, changed by set:
// pairs of a name and its value ("" removes it), and last the fragment.
// wait is left out: a link is followed later.
func link(q url.Values, set ...string) string {
	v := url.Values{}
	for k, vs := range q {
		if k != "wait" {
			v[k] = vs
		}
	}
	for i := 0; i+1 < len(set); i += 2 {
		if set[i+1] == "" {
			v.Del(set[i])
		} else {
			v.Set(set[i], set[i+1])
		}
	}
	s := "./"
	if e := v.Encode(); e != "" {
		s += "?" + e
	}
	if len(set)%2 == 1 {
		s += set[len(set)-1]
	}
	return s
}
