package serve

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/history"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// reportBody is the template the status page was made with before
// reportView, with ids on its headings: the reference a report that fits
// on one page must equal.
var reportBody = template.Must(template.New("report").Parse(`{{ with .Findings }}<h2 id="findings">Findings</h2>
<ul>{{ range . }}<li><code>{{ . }}</code></li>{{ end }}</ul>{{ end }}
{{ $site := .Site }}{{ with .Translations }}{{ if $site }}
<h2 id="translations">Translations</h2>
<table>
<thead><tr><th scope="col">Key</th>{{ range .Languages }}<th scope="col">{{ . }}</th>{{ end }}</tr></thead>
<tbody>
{{ range .Keys }}{{ $k := . }}<tr><th scope="row"><code>{{ .Key }}</code></th>
{{ range $site.Langs }}{{ with $site.Page $k.Key .Code }}<td><a href="{{ $site.URL . }}">{{ index $k.Status .Lang.Code }}</a></td>{{ end }}{{ end }}
</tr>{{ end }}
</tbody>
</table>{{ end }}{{ end }}
{{ with .Outdated }}<h2 id="outdated">Outdated translations: what changed in their sources</h2>
<ul>{{ range . }}<li><code>{{ .Path }}</code>, from <code>{{ .Source }}</code></li>{{ end }}</ul>{{ end }}
{{ with .Readability }}<h2 id="readability">Readability (LIX)</h2>
<ul>{{ range . }}<li><code>{{ .Path }}</code>: {{ .LIX }} ({{ .Band }})</li>{{ end }}</ul>{{ end }}
`))

// TestRenderReport: the status page's report, written out by hand, is
// what the template made, on a report that fits on one page, with
// findings of every kind, quotes and markup in them, a translation table
// and readability.
func TestRenderReport(t *testing.T) {
	site := reportSite + `-- content/da/tegn.md --
---
title: Tegn & "citater" <b>
---
Se [<her>](klage.md#'x') & ![](mangler.png).
`
	r, err := check.Run(sitetest.FS(t, []byte(site)), build.Options{Defaults: sitetest.Theme(), Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*check.Report{r, {Version: 1}} {
		var want bytes.Buffer
		if err := reportBody.Execute(&want, r); err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		newReportView(r).write(&got, nil)
		if got.String() != want.String() {
			t.Errorf("reportView:\n%s\nthe template:\n%s", got.String(), want.String())
		}
	}
}

// TestRenderOutdated: an outdated translation shows what changed in its
// source, folded, with removed and added words in del and ins, and said
// in words for a screen reader (issue 27).
func TestRenderOutdated(t *testing.T) {
	site := sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Du skal klage senest 4 uger efter afgørelsen.

Et nyt afsnit.
-- content/en/_index.md --
---
title: Home
description: The home page.
translated_from: 0123456789ab
---
You must complain within 4 weeks.
-- .sitegen/sources/0123456789ab.md --
---
title: Forside
---
Du skal klage inden 4 uger efter afgørelsen.
`
	old, _ := content.Parse("content/da/_index.md", []byte("---\ntitle: Forside\n---\nDu skal klage inden 4 uger efter afgørelsen.\n"))
	site = strings.ReplaceAll(site, "0123456789ab", old.SourceHash())
	fsys := sitetest.FS(t, []byte(site))
	r, err := check.Run(fsys, build.Options{Defaults: sitetest.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	r.Explain(fsys, history.New(fsys, ""))
	var got strings.Builder
	newReportView(r).write(&got, nil)
	for _, want := range []string{
		"<h2 id=\"outdated\">Outdated translations: what changed in their sources</h2>",
		"<li><code>content/en/_index.md</code>, from <code>content/da/_index.md</code>: 2 paragraphs changed, 4 words since .sitegen/sources/" + old.SourceHash() + ".md\n<details><summary>What changed in <code>content/da/_index.md</code></summary>",
		"<p class=\"where\">paragraph, line 5: rewritten (1 word)</p>\n<p>Du skal klage <del><span class=\"vh\">[removed: </span>inden<span class=\"vh\">]</span></del><ins><span class=\"vh\">[added: </span>senest<span class=\"vh\">]</span></ins> 4 uger efter afgørelsen.</p>",
		"<p class=\"where\">paragraph, line 7: added (3 words)</p>\n<p><ins><span class=\"vh\">[added: </span>Et nyt afsnit.<span class=\"vh\">]</span></ins></p>",
	} {
		if !strings.Contains(got.String(), want) {
			t.Errorf("the status page lacks\n%s\nin\n%s", want, got.String())
		}
	}
}

// pagedSite has 250 Danish pages, each without a description and with a
// vague link text, which check reports as one finding with 250 places,
// and 200 English translations, each reported as outdated (no
// translated_from).
func pagedSite() string {
	var b strings.Builder
	b.WriteString(sitetest.Config)
	for i := range 250 {
		// A hundred words and more, so that each page has a LIX.
		fmt.Fprintf(&b, "-- content/da/p%03d.md --\n---\ntitle: Side %d\n---\nLæs [her](p000.md). %s\n", i, i, strings.Repeat("Her er mange ord. ", 25))
		if i%5 != 0 {
			fmt.Fprintf(&b, "-- content/en/p%03d.md --\n---\ntitle: Page %d\ndescription: Page %d.\n---\nRead on.\n", i, i, i)
		}
	}
	b.WriteString("-- content/da/_index.md --\n---\ntitle: Forside\ndescription: Forsiden.\n---\nHej.\n")
	return b.String()
}

// TestStatusPages: a report longer than a page shows pageSize items of
// each list at a time, with summaries whose counts filter the lists, and
// links between the pages; every finding and key is on some page, in the
// report's order, and a finding's many places fold away without being
// lost.
func TestStatusPages(t *testing.T) {
	r, err := check.Run(sitetest.FS(t, []byte(pagedSite())), build.Options{Defaults: sitetest.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) <= 2*pageSize || len(r.Translations.Keys) <= 2*pageSize || len(r.Readability) <= 2*pageSize {
		t.Fatalf("the site should fill three pages of each list: %d findings, %d keys, %d LIX", len(r.Findings), len(r.Translations.Keys), len(r.Readability))
	}
	v := newReportView(r)
	page := func(query string) string {
		q, err := url.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		v.write(&b, q)
		return b.String()
	}
	var want []string
	for _, f := range r.Findings {
		want = append(want, f.String())
	}

	// Paging through the findings shows each once, in order.
	var got []string
	for n := 1; ; n++ {
		body := page(fmt.Sprintf("findings=%d&wait", n))
		items := statusFindings(body)
		body, _, _ = strings.Cut(body, `<h2 id="translations">`)
		if len(items) > pageSize {
			t.Fatalf("page %d has %d findings", n, len(items))
		}
		got = append(got, items...)
		next := fmt.Sprintf(`<a href="./?findings=%d#findings" rel="next">Next page</a>`, n+1)
		if !strings.Contains(body, next) {
			if strings.Contains(body, `rel="next"`) {
				t.Fatalf("page %d links to the next page wrongly:\n%s", n, body)
			}
			break
		}
		if n > 1 && !strings.Contains(body, fmt.Sprintf(`<a href="./?findings=%d#findings" rel="prev">Previous page</a>`, n-1)) {
			t.Errorf("page %d has no link to the one before", n)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the pages of findings:\n%s\nthe report:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	pages := (len(r.Findings) + pageSize - 1) / pageSize
	for _, tc := range []struct{ query, want string }{
		{"", fmt.Sprintf("Showing findings 1 to 100 of %d (page 1 of %d).", len(r.Findings), pages)},
		{"findings=0", "Showing findings 1 to 100 of"},
		{"findings=x", "Showing findings 1 to 100 of"},
		{"findings=999", fmt.Sprintf("(page %d of %d).", pages, pages)},
		{"findings=2", `<a href="./?findings=1#findings">First page</a>`},
		{"", fmt.Sprintf(`<a href="./?findings=%d#findings">Last page</a>`, pages)},
		// A rule's count filters the findings; the filter keeps the other lists' pages.
		{"translations=2", `<a href="./?rule=link-text&amp;translations=2#findings">link-text</a>`},
		{"rule=nope", "<ul></ul>\n<p>No findings match.</p>"},
		{"rule=link-text&findings=3", `<a href="./#findings">Show every finding</a>`},
		{"", "239 more places</summary>"},
		{"", `<a href="./?lang=en&amp;status=outdated#translations">200</a>`},
		{"lang=en&status=outdated", "Showing keys"},
	} {
		if body := page(tc.query); !strings.Contains(body, tc.want) {
			t.Errorf("?%s lacks %q:\n%.3000s", tc.query, tc.want, body)
		}
	}

	// A rule filter lists that rule's findings, a status filter that
	// status's keys.
	body := page("rule=description")
	n := 0
	for _, f := range statusFindings(body) {
		if first, _, _ := strings.Cut(f, "\n"); !strings.HasSuffix(first, "[description]") {
			t.Errorf("rule=description lists %q", f)
		}
		n++
	}
	if n != min(pageSize, countRule(r, "description")) || n == 0 {
		t.Errorf("rule=description lists %d findings, the report has %d", n, countRule(r, "description"))
	}
	body = page("lang=en&status=outdated")
	if rows := strings.Count(body, "<tr><th scope=\"row\"><code>"); rows != min(pageSize, r.Translations.Totals["en"]["outdated"]) {
		t.Errorf("lang=en&status=outdated shows %d rows, the report counts %d", rows, r.Translations.Totals["en"]["outdated"])
	}
	for _, row := range strings.Split(body, "<tr><th scope=\"row\"><code>")[1:] {
		if !strings.Contains(row, "/en/") || !strings.Contains(row, ">outdated</a>") {
			t.Errorf("lang=en&status=outdated shows a row without it: %s", row)
		}
	}
}

func countRule(r *check.Report, rule string) int {
	n := 0
	for _, f := range r.Findings {
		if f.Rule == rule {
			n++
		}
	}
	return n
}
