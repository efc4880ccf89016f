package markdown

import (
	"strings"
	"testing"
)

var labels = map[string]string{"note": "Bemærk", "tip": "Tip", "important": "Vigtigt", "warning": "Advarsel", "caution": "Pas på"}

// daUI are the Danish UI strings the converter writes, as the build
// gives them (footnote_ref rendered with NumberSlot as its number).
var daUI = map[string]string{
	IDCodeLabel: "Kode", IDFootnotesTitle: "Noter", IDFootnoteRef: "Fodnote " + NumberSlot,
	IDFootnoteBack: "Tilbage til teksten", IDTaskDone: "Udført:", IDTaskTodo: "Ikke udført:",
}

// TestTaskLists: issue 29, "13 disabled checkboxes per language look
// tickable and do nothing": task list items are list items with marks the
// theme draws and words for screen readers, no form controls.
func TestTaskLists(t *testing.T) {
	const (
		todo = `<span class="visually-hidden">Ikke udført:</span> `
		done = `<span class="visually-hidden">Udført:</span> `
	)
	tests := []struct {
		name, src, want string
		problems        []Problem
	}{
		{name: "tight", src: "- [ ] Køb mælk\n- [x] Betal regning\n- [X] Ring\n",
			want: "<ul class=\"task-list\">\n" +
				"<li class=\"task-list-item task-list-item--todo\">" + todo + "Køb mælk</li>\n" +
				"<li class=\"task-list-item task-list-item--done\">" + done + "Betal regning</li>\n" +
				"<li class=\"task-list-item task-list-item--done\">" + done + "Ring</li>\n</ul>\n"},
		{name: "loose, with a link and a second paragraph", src: "1. [ ] Læs [reglerne](regler.md)\n\n   Mere tekst.\n\n2. [x] Klag\n",
			want: "<ol class=\"task-list\">\n" +
				"<li class=\"task-list-item task-list-item--todo\">\n<p>" + todo + "Læs <a href=\"regler.md\">reglerne</a></p>\n<p>Mere tekst.</p>\n</li>\n" +
				"<li class=\"task-list-item task-list-item--done\">\n<p>" + done + "Klag</p>\n</li>\n</ol>\n"},
		{name: "nested", src: "- [ ] Ydre\n  - [x] Indre\n",
			want: "<ul class=\"task-list\">\n<li class=\"task-list-item task-list-item--todo\">" + todo + "Ydre\n" +
				"<ul class=\"task-list\">\n<li class=\"task-list-item task-list-item--done\">" + done + "Indre</li>\n</ul>\n</li>\n</ul>\n"},
		{name: "not a task: brackets later in the item", src: "- Køb [ ] mælk\n",
			want: "<ul>\n<li>Køb [ ] mælk</li>\n</ul>\n"},
		{name: "mixed list", src: "- [ ] Opgave\n- Punkt\n",
			want: "<ul class=\"task-list\">\n<li class=\"task-list-item task-list-item--todo\">" + todo + "Opgave</li>\n<li>Punkt</li>\n</ul>\n"},
		{name: "no text", src: "Tekst.\n\n- [ ]\n",
			want:     "<p>Tekst.</p>\n<ul class=\"task-list\">\n<li class=\"task-list-item task-list-item--todo\">" + todo + "</li>\n</ul>\n",
			problems: []Problem{{Line: 3, Warning: true, Msg: "task list item without text: write what is to be done after the [ ]"}}},
		{name: "the words are escaped", src: "- [x] A & B\n",
			want: "<ul class=\"task-list\">\n<li class=\"task-list-item task-list-item--done\">" + done + "A &amp; B</li>\n</ul>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := New(Options{Lang: "da", UI: daUI}).Convert([]byte(tt.src), 1, nil, AllText)
			if string(res.HTML) != tt.want {
				t.Errorf("html:\n%s\nwant:\n%s", res.HTML, tt.want)
			}
			checkProblems(t, problems, tt.problems)
		})
	}
}

// TestUIMissing: a page that needs a UI string its language lacks gets
// one error for each string, at the first place that needs it.
func TestUIMissing(t *testing.T) {
	src := "- [ ] En\n- [ ] To\n- [x] Tre\n\nTekst[^1].\n\n```go\nx\n```\n\n[^1]: Note.\n"
	_, problems := New(Options{Lang: "sv", UI: map[string]string{IDTaskDone: "Klar:"}}).Convert([]byte(src), 1, nil, 0)
	checkProblems(t, problems, []Problem{
		{Line: 1, Msg: "no UI string task_todo in this language, which the page needs for its task list: add it to i18n/sv.toml"},
		{Line: 5, Msg: "no UI string footnote_ref in this language, which the page needs for its footnotes: add it to i18n/sv.toml"},
		{Line: 8, Msg: "no UI string code_label in this language, which the page needs for its code blocks: add it to i18n/sv.toml"},
		{Line: 11, Msg: "no UI string footnotes_title in this language, which the page needs for its footnotes: add it to i18n/sv.toml"},
		{Line: 11, Msg: "no UI string footnote_back in this language, which the page needs for its footnotes: add it to i18n/sv.toml"},
	})
}

func TestAlerts(t *testing.T) {
	tests := []struct {
		name, src, want string
		problems        []Problem
	}{
		{name: "note", src: "> [!NOTE]\n> Husk fristen.\n",
			want: "<div class=\"callout callout--note\" role=\"note\">\n<p class=\"callout__label\">Bemærk</p>\n<p>Husk fristen.</p>\n</div>\n"},
		{name: "any case, blank line after the marker", src: "> [!tip]\n>\n> Spørg på biblioteket.\n",
			want: "<div class=\"callout callout--tip\" role=\"note\">\n<p class=\"callout__label\">Tip</p>\n<p>Spørg på biblioteket.</p>\n</div>\n"},
		{name: "text on the marker's line", src: "> [!Important] Klag inden fire uger.\n> Ellers mister du retten.\n",
			want: "<div class=\"callout callout--important\" role=\"note\">\n<p class=\"callout__label\">Vigtigt</p>\n<p>Klag inden fire uger.\nEllers mister du retten.</p>\n</div>\n"},
		{name: "warning with a list", src: "> [!WARNING]\n> Giv aldrig:\n>\n> - dit bruger-ID\n> - dine koder\n",
			want: "<div class=\"callout callout--warning\" role=\"note\">\n<p class=\"callout__label\">Advarsel</p>\n<p>Giv aldrig:</p>\n<ul>\n<li>dit bruger-ID</li>\n<li>dine koder</li>\n</ul>\n</div>\n"},
		{name: "caution, quotes in it", src: "> [!CAUTION]\n> Sig \"nej\".\n",
			want: "<div class=\"callout callout--caution\" role=\"note\">\n<p class=\"callout__label\">Pas på</p>\n<p>Sig »nej«.</p>\n</div>\n"},
		{name: "a plain quotation", src: "> Citat [!NOTE]\n",
			want: "<blockquote>\n<p>Citat [!NOTE]</p>\n</blockquote>\n"},
		{name: "no space after the marker", src: "> [!NOTE]tekst\n",
			want: "<blockquote>\n<p>[!NOTE]tekst</p>\n</blockquote>\n"},
		{name: "unknown type", src: "> [!INFO]\n> Tekst.\n",
			want:     "<blockquote>\n<p>[!INFO]\nTekst.</p>\n</blockquote>\n",
			problems: []Problem{{Line: 1, Warning: true, Msg: "[!INFO] is not a GitHub alert type, so this stays a quotation: write [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]"}}},
		{name: "no text", src: "> [!NOTE]\n",
			want:     "<div class=\"callout callout--note\" role=\"note\">\n<p class=\"callout__label\">Bemærk</p>\n</div>\n",
			problems: []Problem{{Line: 1, Warning: true, Msg: "[!NOTE] alert without text: write the text on the lines after it, each starting with >"}}},
		{name: "text that starts with a dash", src: "> [!NOTE]\n> -- som loven siger...\n\n> [!TIP]  \n> ... og mere.\n",
			want: "<div class=\"callout callout--note\" role=\"note\">\n<p class=\"callout__label\">Bemærk</p>\n<p>– som loven siger…</p>\n</div>\n<div class=\"callout callout--tip\" role=\"note\">\n<p class=\"callout__label\">Tip</p>\n<p>… og mere.</p>\n</div>\n"},
		{name: "in a list item", src: "- Punkt\n\n  > [!NOTE]\n  > Tekst.\n",
			want: "<ul>\n<li>\n<p>Punkt</p>\n<div class=\"callout callout--note\" role=\"note\">\n<p class=\"callout__label\">Bemærk</p>\n<p>Tekst.</p>\n</div>\n</li>\n</ul>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := New(Options{Lang: "da", AlertLabels: labels}).Convert([]byte(tt.src), 1, nil, AllText)
			if string(res.HTML) != tt.want {
				t.Errorf("html:\n%s\nwant:\n%s", res.HTML, tt.want)
			}
			checkProblems(t, problems, tt.problems)
		})
	}
}

func TestAlertLabelMissing(t *testing.T) {
	res, problems := New(Options{Lang: "sv"}).Convert([]byte("Tekst.\n\n> [!WARNING]\n> Tekst.\n"), 1, nil, 0)
	checkProblems(t, problems, []Problem{{Line: 3, Msg: "no label for [!WARNING] alerts in this language: add the UI string alert_warning to i18n/sv.toml"}})
	if !strings.Contains(string(res.HTML), `<p class="callout__label"></p>`) {
		t.Errorf("html = %s", res.HTML)
	}
}

func TestAlertLabelEscaped(t *testing.T) {
	res, _ := New(Options{Lang: "en", AlertLabels: map[string]string{"note": "<b>Note</b>"}}).Convert([]byte("> [!NOTE]\n> x\n"), 1, nil, 0)
	if !strings.Contains(string(res.HTML), "&lt;b&gt;Note&lt;/b&gt;") {
		t.Errorf("label not escaped: %s", res.HTML)
	}
}

func TestShortcodes(t *testing.T) {
	const after = ". To show the tag as text, put it in `code`"
	alert := func(tag, typ string) string {
		return "Hugo shortcode " + tag + " is not supported, as sitegen runs no templates in Markdown: write a GitHub alert instead, a quotation whose first line is \"> [!" + typ + "]\" followed by the text on lines that start with \">\" (the types are NOTE, TIP, IMPORTANT, WARNING and CAUTION)" + after
	}
	tests := []struct {
		name, src string
		problems  []Problem
	}{
		{name: "issue 14: a callout", src: "Tekst.\n\n{{< callout >}}\nHusk det.\n{{< /callout >}}\n",
			problems: []Problem{{Line: 3, Msg: alert("{{< callout >}}", "NOTE")}}},
		{name: "a callout's type gives the alert's", src: "{{< callout type=\"warning\" >}}Pas på{{< /callout >}}\n\n{{% notice tip %}}x{{% /notice %}}\n\n{{< alert context=\"danger\" >}}\n",
			problems: []Problem{{Line: 1, Msg: alert("{{< callout >}}", "WARNING")}, {Line: 3, Msg: "Hugo shortcode {{% notice %}} is not supported, as sitegen runs no templates in Markdown: write a GitHub alert instead, a quotation whose first line is \"> [!TIP]\" followed by the text on lines that start with \">\" (the types are NOTE, TIP, IMPORTANT, WARNING and CAUTION)" + after},
				{Line: 5, Msg: alert("{{< alert >}}", "CAUTION")}}},
		{name: "a ref in a link", src: "Se [klage]({{< ref \"klage.md\" >}}).\n",
			problems: []Problem{{Line: 1, Msg: "Hugo shortcode {{< ref >}} is not supported, as sitegen runs no templates in Markdown: write a Markdown link to the page's .md file instead, e.g. [text](page.md)" + after}}},
		{name: "figure", src: "{{< figure src=\"a.png\" >}}\n",
			problems: []Problem{{Line: 1, Msg: "Hugo shortcode {{< figure >}} is not supported, as sitegen runs no templates in Markdown: write a Markdown image instead, e.g. ![what the image shows](picture.png)" + after}}},
		{name: "a Liquid tag", src: "a\nb\n{% include footer.html %}\n",
			problems: []Problem{{Line: 3, Msg: "template tag {% include %} is not supported, as sitegen runs no templates in Markdown: write plain Markdown instead" + after}}},
		{name: "a lone closing tag", src: "{{< /details >}}\n",
			problems: []Problem{{Line: 1, Msg: "Hugo shortcode {{< /details >}} is not supported, as sitegen runs no templates in Markdown: write a disclosure instead, the summary on a line \"::: details Summary\", the text below it, and a line \":::\" after it" + after}}},
		{name: "in code: fine", src: "Skriv `{{< callout >}}` eller:\n\n```\n{{< callout >}}\n{% raw %}\n```\n\n    {{% indrykket %}}\n"},
		{name: "escaped: fine", src: "Skriv \\{{< callout >}} og \\{% x %}.\n"},
		{name: "issue 24: in an HTML comment: fine", src: "<!-- {{< callout >}} -->\n\nTekst <!-- {% include x %} --> og mere.\n\n<!--\n{{< figure src=\"a.png\" >}}\n-->\n\nEfter {{< ref x >}}.\n",
			problems: []Problem{{Line: 9, Msg: "Hugo shortcode {{< ref >}} is not supported, as sitegen runs no templates in Markdown: write a Markdown link to the page's .md file instead, e.g. [text](page.md)" + after}}},
		{name: "other braces: fine", src: "En mængde {a, b} og {{ title }} og {%}.\n",
			problems: []Problem{{Line: 1, Msg: "template tag {% is not supported, as sitegen runs no templates in Markdown: write plain Markdown instead" + after}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := New(Options{Lang: "da", UI: daUI}).Convert([]byte(tt.src), 1, nil, 0)
			checkProblems(t, problems, tt.problems)
		})
	}
}

func checkProblems(t *testing.T, got, want []Problem) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("problems:\n%+v\nwant:\n%+v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("problem %d:\n%+v\nwant:\n%+v", i, got[i], want[i])
		}
	}
}

// TestCodeBlocks: issue 26, "55 fenced blocks with a language ... are plain
// text": code with a known language is highlighted with classes, never a
// style attribute; every block is one focusable, named box.
func TestCodeBlocks(t *testing.T) {
	const box = `<pre class="code" dir="ltr" tabindex="0" role="group" aria-label="Kode">`
	tests := []struct {
		name, src string
		highlight bool
		want      string
	}{
		{name: "go", highlight: true, src: "```go\nfunc main() { // start\n\tfmt.Println(\"hej\", 42)\n}\n```\n",
			want: box + `<code class="language-go"><span class="k">func</span> <span class="nf">main</span>() { <span class="c">// start</span>
	fmt.<span class="nf">Println</span>(<span class="s">&quot;hej&quot;</span>, <span class="m">42</span>)
}
</code></pre>
`},
		{name: "an alias and an extension name the language too", highlight: true, src: "```golang\nvar x\n```\n\n```py\nNone\n```\n",
			want: box + `<code class="language-golang"><span class="k">var</span> x
</code></pre>
` + box + `<code class="language-py"><span class="k">None</span>
</code></pre>
`},
		{name: "a shell session", highlight: true, src: "```console\n$ sitegen build\n```\n",
			want: box + `<code class="language-console"><span class="gp">$</span> sitegen build
</code></pre>
`},
		{name: "yaml keys and html tags", highlight: true, src: "```yaml\ntitle: \"Klage\"\n```\n\n```html\n<a href=\"x\">&amp;</a>\n```\n",
			want: box + `<code class="language-yaml"><span class="nt">title</span>: <span class="s">&quot;Klage&quot;</span>
</code></pre>
` + box + `<code class="language-html">&lt;<span class="nt">a</span> <span class="na">href</span>=<span class="s">&quot;x&quot;</span>&gt;&amp;amp;&lt;/<span class="nt">a</span>&gt;
</code></pre>
`},
		{name: "an unknown language: plain and escaped", highlight: true, src: "```dansk\n<b> & \"x\"\n```\n",
			want: box + `<code class="language-dansk">&lt;b&gt; &amp; &quot;x&quot;
</code></pre>
`},
		{name: "no language", highlight: true, src: "```\nfunc main()\n```\n",
			want: box + "<code>func main()\n</code></pre>\n"},
		{name: "indented code", highlight: true, src: "Tekst.\n\n    func main()\n",
			want: "<p>Tekst.</p>\n" + box + "<code>func main()\n</code></pre>\n"},
		{name: "plain text has nothing to colour", highlight: true, src: "```text\nfunc main()\n```\n",
			want: box + `<code class="language-text">func main()
</code></pre>
`},
		{name: "highlight off", highlight: false, src: "```go\nfunc main() {}\n```\n",
			want: box + `<code class="language-go">func main() {}
</code></pre>
`},
		{name: "in a list item", highlight: true, src: "- Kør:\n\n  ```sh\n  echo hej\n  ```\n",
			want: "<ul>\n<li>\n<p>Kør:</p>\n" + box + `<code class="language-sh"><span class="nb">echo</span> hej
</code></pre>
</li>
</ul>
`},
		{name: "a language with quotes in its name", highlight: true, src: "```a\"b\nx\n```\n",
			want: box + `<code class="language-a&quot;b">x
</code></pre>
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := New(Options{Lang: "da", UI: daUI, Highlight: tt.highlight}).Convert([]byte(tt.src), 1, nil, 0)
			got := string(res.HTML)
			if got != tt.want {
				t.Errorf("html:\n%s\nwant:\n%s", got, tt.want)
			}
			if strings.Contains(got, "style=") {
				t.Errorf("a style attribute: %s", got)
			}
			checkProblems(t, problems, nil)
		})
	}
}

// TestHighlightClasses: every class a span may get is one of
// HighlightClasses, which the theme colours, and each of those is used.
func TestHighlightClasses(t *testing.T) {
	known := map[string]bool{}
	for _, c := range HighlightClasses {
		known[c.Class] = true
	}
	used := map[string]bool{}
	for _, c := range tokenClasses {
		if !known[c] {
			t.Errorf("tokens get class %q, which is not in HighlightClasses", c)
		}
		used[c] = true
	}
	for c := range known {
		if !used[c] {
			t.Errorf("HighlightClasses has %q, which no token gets", c)
		}
	}
}

// TestFootnotes: issue 29, "footnote links are read as »1« and »↩︎«": the
// reference is named "Fodnote 1", the link back "Tilbage til teksten", and
// the notes have a heading, all from the UI strings.
func TestFootnotes(t *testing.T) {
	tests := []struct {
		name, src string
		ui        map[string]string
		want      string
	}{
		{name: "one note", ui: daUI, src: "Loven siger det.[^1]\n\n[^1]: Forvaltningsloven § 22.\n",
			want: `<p>Loven siger det.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref" aria-label="Fodnote 1">1</a></sup></p>
<section class="footnotes" role="doc-endnotes">
<h2 class="footnotes__title">Noter</h2>
<ol>
<li id="fn:1">
<p>Forvaltningsloven § 22.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink" aria-label="Tilbage til teksten">↩︎</a></p>
</li>
</ol>
</section>
`},
		{name: "a note referred to twice has two ways back", ui: daUI, src: "A[^n] og B[^n].\n\n[^n]: Note.\n",
			want: `<p>A<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref" aria-label="Fodnote 1">1</a></sup> og B<sup id="fnref1:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref" aria-label="Fodnote 1">1</a></sup>.</p>
<section class="footnotes" role="doc-endnotes">
<h2 class="footnotes__title">Noter</h2>
<ol>
<li id="fn:1">
<p>Note.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink" aria-label="Tilbage til teksten 1">↩︎<sup>1</sup></a>&#160;<a href="#fnref1:1" class="footnote-backref" role="doc-backlink" aria-label="Tilbage til teksten 2">↩︎<sup>2</sup></a></p>
</li>
</ol>
</section>
`},
		{name: "the number where the language puts it; escaped", ui: map[string]string{
			IDFootnoteRef: "注" + NumberSlot + " <", IDFootnoteBack: "本文へ戻る", IDFootnotesTitle: "注 & 参照"},
			src: "本文[^a]。\n\n[^a]: 注。\n",
			want: `<p>本文<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref" aria-label="注1 &lt;">1</a></sup>。</p>
<section class="footnotes" role="doc-endnotes">
<h2 class="footnotes__title">注 &amp; 参照</h2>
<ol>
<li id="fn:1">
<p>注。&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink" aria-label="本文へ戻る">↩︎</a></p>
</li>
</ol>
</section>
`},
		{name: "a message without the number has it after", ui: map[string]string{
			IDFootnoteRef: "Note", IDFootnoteBack: "Back", IDFootnotesTitle: "Notes"},
			src: "Text[^1].\n\n[^1]: N.\n",
			want: `<p>Text<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref" aria-label="Note 1">1</a></sup>.</p>
<section class="footnotes" role="doc-endnotes">
<h2 class="footnotes__title">Notes</h2>
<ol>
<li id="fn:1">
<p>N.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink" aria-label="Back">↩︎</a></p>
</li>
</ol>
</section>
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := New(Options{Lang: "da", UI: tt.ui}).Convert([]byte(tt.src), 1, nil, AllText)
			if string(res.HTML) != tt.want {
				t.Errorf("html:\n%s\nwant:\n%s", res.HTML, tt.want)
			}
			checkProblems(t, problems, nil)
		})
	}
}

// TestDisclosures: issue 26, "<details> works only as raw HTML": a
// "::: details Summary" block is a <details> with raw HTML off, and holds
// any Markdown.
func TestDisclosures(t *testing.T) {
	tests := []struct {
		name, src, want string
		problems        []Problem
	}{
		{name: "summary and text", src: "::: details Hvad siger *loven*?\nForvaltningsloven § 22.\n:::\n",
			want: "<details class=\"disclosure\">\n<summary>Hvad siger <em>loven</em>?</summary>\n<p>Forvaltningsloven § 22.</p>\n</details>\n"},
		{name: "lists, code and quotes inside; text after", src: "Før.\n::: details Mere\n- En\n- To\n\n```sh\n:::\n```\n\n> Citat \"her\".\n:::\nEfter.\n",
			want: "<p>Før.</p>\n<details class=\"disclosure\">\n<summary>Mere</summary>\n<ul>\n<li>En</li>\n<li>To</li>\n</ul>\n" +
				"<pre class=\"code\" dir=\"ltr\" tabindex=\"0\" role=\"group\" aria-label=\"Kode\"><code class=\"language-sh\">:::\n</code></pre>\n" +
				"<blockquote>\n<p>Citat »her«.</p>\n</blockquote>\n</details>\n<p>Efter.</p>\n"},
		{name: "nested with equal fences", src: "::: details Ydre\nA\n::: details Indre\nB\n:::\nC\n:::\n",
			want: "<details class=\"disclosure\">\n<summary>Ydre</summary>\n<p>A</p>\n<details class=\"disclosure\">\n<summary>Indre</summary>\n<p>B</p>\n</details>\n<p>C</p>\n</details>\n"},
		{name: "nested with a longer outer fence", src: ":::: details Ydre\n::: details Indre\nB\n:::\n::::\n",
			want: "<details class=\"disclosure\">\n<summary>Ydre</summary>\n<details class=\"disclosure\">\n<summary>Indre</summary>\n<p>B</p>\n</details>\n</details>\n"},
		{name: "any case, no space, a summary in brackets, indented", src: "  :::DETAILS[Læs mere]\n  Tekst.\n  :::\n",
			want: "<details class=\"disclosure\">\n<summary>Læs mere</summary>\n<p>Tekst.</p>\n</details>\n"},
		{name: "in a list item, not closed", src: "- Punkt\n\n  ::: details Mere\n  Tekst.\n- Næste\n",
			want: "<ul>\n<li>\n<p>Punkt</p>\n<details class=\"disclosure\">\n<summary>Mere</summary>\n<p>Tekst.</p>\n</details>\n</li>\n<li>\n<p>Næste</p>\n</li>\n</ul>\n"},
		{name: "not closed at the top of the page: the fence glued to a list item", src: "Før.\n\n::: details Mere\n\n- en\n- to :::\n\nEfter.\n",
			want:     "<p>Før.</p>\n<details class=\"disclosure\">\n<summary>Mere</summary>\n<ul>\n<li>en</li>\n<li>to :::</li>\n</ul>\n<p>Efter.</p>\n</details>\n",
			problems: []Problem{{Line: 3, Warning: true, Msg: "::: details is not closed, so the rest of the page is inside it: end it with a line of ::: alone (a ::: at the end of a line of text closes nothing)"}}},
		{name: "a heading inside", src: "::: details Detaljer\n## Frist\n:::\n",
			want: "<details class=\"disclosure\">\n<summary>Detaljer</summary>\n<h2 id=\"frist\">Frist</h2>\n</details>\n"},
		{name: "no summary", src: "Tekst.\n\n::: details\nMere.\n:::\n",
			want:     "<p>Tekst.</p>\n<details class=\"disclosure\">\n<summary></summary>\n<p>Mere.</p>\n</details>\n",
			problems: []Problem{{Line: 3, Warning: true, Msg: "::: details without a summary: write what the block holds after details, e.g. \"::: details What the law says\""}}},
		{name: "an admonition stays text", src: ":::tip Husk\nTekst.\n:::\n",
			want: "<p>:::tip Husk\nTekst.\n:::</p>\n",
			problems: []Problem{
				{Line: 1, Warning: true, Msg: ":::tip is not supported, so it is shown as text: write a GitHub alert instead, a quotation whose first line is \"> [!TIP]\" followed by the text on lines that start with \">\"; for a block that opens and closes, write \"::: details Summary\""},
				{Line: 3, Warning: true, Msg: "this ::: line closes no ::: details block, so it is shown as text: remove it, or open the block with a line \"::: details Summary\""}}},
		{name: "another name stays text", src: "::: tabs\n",
			want:     "<p>::: tabs</p>\n",
			problems: []Problem{{Line: 1, Warning: true, Msg: ":::tabs is not supported, so it is shown as text: the one fenced block is \"::: details Summary\", which opens and closes"}}},
		{name: "details as the first word of text is text", src: "::: detailsfoo\n\nTo kolon: a::b.\n",
			want:     "<p>::: detailsfoo</p>\n<p>To kolon: a::b.</p>\n",
			problems: []Problem{{Line: 1, Warning: true, Msg: ":::detailsfoo is not supported, so it is shown as text: the one fenced block is \"::: details Summary\", which opens and closes"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := New(Options{Lang: "da", UI: daUI}).Convert([]byte(tt.src), 1, nil, AllText)
			if string(res.HTML) != tt.want {
				t.Errorf("html:\n%s\nwant:\n%s", res.HTML, tt.want)
			}
			checkProblems(t, problems, tt.problems)
		})
	}
}

// TestDisclosureText: a disclosure's summary and text count for search
// and readability, and a heading in it gets an id and is listed.
func TestDisclosureText(t *testing.T) {
	res, _ := New(Options{Lang: "da", UI: daUI}).Convert([]byte("::: details Hvad siger loven\n## Frist\nFire uger.\n:::\n"), 1, nil, AllText)
	if got, want := strings.Join(res.Text, "|"), "Hvad siger loven|Frist|Fire uger."; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if len(res.Headings) != 1 || res.Headings[0].ID != "frist" || res.Headings[0].Line != 2 {
		t.Errorf("headings = %+v", res.Headings)
	}
}
