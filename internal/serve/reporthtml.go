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
	esc := func(s string) { b.WriteString(html.EscapeString(s)) }
	num := func(n int) { b.WriteString(strconv.Itoa(n)) }
	href := func(set ...string) { b.WriteString(html.EscapeString(link(q, set...))) }

	if len(v.findings) > 0 {
		b.WriteString("<h2 id=\"findings\">Findings</h2>\n")
		list, rule := v.findings, q.Get("rule")
		if rule != "" {
			list = filter(list, rule)
		}
		if len(v.findings) > pageSize || rule != "" {
			b.WriteString(`<table><caption>Findings by rule</caption>` + "\n" + `<thead><tr><th scope="col">Rule</th><th scope="col">Errors</th><th scope="col">Warnings</th></tr></thead>` + "\n<tbody>\n")
			for _, c := range v.rules {
				b.WriteString(`<tr><th scope="row"><a href="`)
				href("rule", c.rule, "findings", "", "#findings")
				b.WriteString(`">`)
				esc(c.rule)
				b.WriteString("</a></th><td>")
				num(c.errors)
				b.WriteString("</td><td>")
				num(c.warnings)
				b.WriteString("</td></tr>\n")
			}
			b.WriteString("</tbody>\n</table>\n")
			if rule != "" {
				b.WriteString("<p>Only the findings of rule <code>")
				esc(rule)
				b.WriteString(`</code>. <a href="`)
				href("rule", "", "findings", "", "#findings")
				b.WriteString(`">Show every finding</a>.</p>` + "\n")
			}
		}
		b.WriteString("<ul>")
		writeList(b, q, "findings", "findings", list)
	}
	b.WriteString("\n")
	if len(v.langs) > 0 {
		b.WriteString("\n<h2 id=\"translations\">Translations</h2>\n")
		list, lang, status := v.keys, q.Get("lang"), q.Get("status")
		filtered := lang != "" && status != ""
		if filtered {
			list = filter(list, lang+" "+status)
		}
		if len(v.keys) > pageSize || filtered {
			b.WriteString("<table><caption>Pages by translation status</caption>\n<thead><tr><th scope=\"col\">Status</th>")
			for _, l := range v.langs {
				b.WriteString(`<th scope="col">`)
				esc(l)
				b.WriteString("</th>")
			}
			b.WriteString("</tr></thead>\n<tbody>\n")
			for _, st := range statuses {
				any := false
				for _, l := range v.langs {
					any = any || v.totals[l][st] > 0
				}
				if !any {
					continue
				}
				b.WriteString(`<tr><th scope="row">`)
				esc(st)
				b.WriteString("</th>")
				for _, l := range v.langs {
					b.WriteString("<td>")
					if n := v.totals[l][st]; n > 0 {
						b.WriteString(`<a href="`)
						href("lang", l, "status", st, "translations", "", "#translations")
						b.WriteString(`">`)
						num(n)
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
				esc(lang)
				b.WriteString("</code> is <code>")
				esc(status)
				b.WriteString(`</code>. <a href="`)
				href("lang", "", "status", "", "translations", "", "#translations")
				b.WriteString(`">Show every key</a>.</p>` + "\n")
			}
		}
		b.WriteString("<table>\n<thead><tr><th scope=\"col\">Key</th>")
		for _, l := range v.langs {
			b.WriteString(`<th scope="col">`)
			esc(l)
			b.WriteString("</th>")
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		writeList(b, q, "translations", "keys", list)
	}
	b.WriteString("\n")
	if len(v.lix) > 0 {
		b.WriteString("<h2 id=\"readability\">Readability (LIX)</h2>\n<ul>")
		writeList(b, q, "readability", "pages", v.lix)
	}
	b.WriteString("\n")
}

// writeList writes the page of list that q[id] asks for, ends the list
// element that holds it (ul, or table and tbody), and after it a pager
// when the list is longer than a page; noun names its items.
func writeList(b *strings.Builder, q url.Values, id, noun string, list []item) {
	pages := max(1, (len(list)+pageSize-1)/pageSize)
	page, err := strconv.Atoi(q.Get(id))
	if err != nil || page < 1 {
		page = 1
	}
	page = min(page, pages)
	from, to := (page-1)*pageSize, min(page*pageSize, len(list))
	for _, it := range list[from:to] {
		b.WriteString(it.html)
	}
	if id == "translations" {
		b.WriteString("\n</tbody>\n</table>")
	} else {
		b.WriteString("</ul>")
	}
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
		b.WriteString(html.EscapeString(link(q, id, num(p), "#"+id)))
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
