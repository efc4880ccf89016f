package markdown

import (
	"strings"
	"testing"
)

var labels = map[string]string{"note": "Bemærk", "tip": "Tip", "important": "Vigtigt", "warning": "Advarsel", "caution": "Pas på"}

func TestTaskLists(t *testing.T) {
	tests := []struct {
		name, src, want string
		problems        []Problem
	}{
		{name: "tight", src: "- [ ] Køb mælk\n- [x] Betal regning\n- [X] Ring\n",
			want: "<ul class=\"task-list\">\n" +
				"<li class=\"task-list-item\"><label><input type=\"checkbox\" disabled> Køb mælk</label></li>\n" +
				"<li class=\"task-list-item\"><label><input type=\"checkbox\" disabled checked> Betal regning</label></li>\n" +
				"<li class=\"task-list-item\"><label><input type=\"checkbox\" disabled checked> Ring</label></li>\n</ul>\n"},
		{name: "loose, with a link and a second paragraph", src: "1. [ ] Læs [reglerne](regler.md)\n\n   Mere tekst.\n\n2. [x] Klag\n",
			want: "<ol class=\"task-list\">\n" +
				"<li class=\"task-list-item\">\n<p><label><input type=\"checkbox\" disabled> Læs <a href=\"regler.md\">reglerne</a></label></p>\n<p>Mere tekst.</p>\n</li>\n" +
				"<li class=\"task-list-item\">\n<p><label><input type=\"checkbox\" disabled checked> Klag</label></p>\n</li>\n</ol>\n"},
		{name: "nested", src: "- [ ] Ydre\n  - [x] Indre\n",
			want: "<ul class=\"task-list\">\n<li class=\"task-list-item\"><label><input type=\"checkbox\" disabled> Ydre</label>\n" +
				"<ul class=\"task-list\">\n<li class=\"task-list-item\"><label><input type=\"checkbox\" disabled checked> Indre</label></li>\n</ul>\n</li>\n</ul>\n"},
		{name: "not a task: brackets later in the item", src: "- Køb [ ] mælk\n",
			want: "<ul>\n<li>Køb [ ] mælk</li>\n</ul>\n"},
		{name: "mixed list", src: "- [ ] Opgave\n- Punkt\n",
			want: "<ul class=\"task-list\">\n<li class=\"task-list-item\"><label><input type=\"checkbox\" disabled> Opgave</label></li>\n<li>Punkt</li>\n</ul>\n"},
		{name: "no text", src: "Tekst.\n\n- [ ]\n",
			want:     "<p>Tekst.</p>\n<ul class=\"task-list\">\n<li class=\"task-list-item\"><label><input type=\"checkbox\" disabled> </label></li>\n</ul>\n",
			problems: []Problem{{Line: 3, Warning: true, Msg: "task list item without text: write what is to be done after the [ ], so that the checkbox has a name"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := New(Options{Lang: "da"}).Convert([]byte(tt.src), 1, nil, AllText)
			if string(res.HTML) != tt.want {
				t.Errorf("html:\n%s\nwant:\n%s", res.HTML, tt.want)
			}
			checkProblems(t, problems, tt.problems)
		})
	}
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
			problems: []Problem{{Line: 1, Msg: "Hugo shortcode {{< /details >}} is not supported, as sitegen runs no templates in Markdown: write plain Markdown instead: a heading and the text under it" + after}}},
		{name: "in code: fine", src: "Skriv `{{< callout >}}` eller:\n\n```\n{{< callout >}}\n{% raw %}\n```\n\n    {{% indrykket %}}\n"},
		{name: "escaped: fine", src: "Skriv \\{{< callout >}} og \\{% x %}.\n"},
		{name: "issue 24: in an HTML comment: fine", src: "<!-- {{< callout >}} -->\n\nTekst <!-- {% include x %} --> og mere.\n\n<!--\n{{< figure src=\"a.png\" >}}\n-->\n\nEfter {{< ref x >}}.\n",
			problems: []Problem{{Line: 9, Msg: "Hugo shortcode {{< ref >}} is not supported, as sitegen runs no templates in Markdown: write a Markdown link to the page's .md file instead, e.g. [text](page.md)" + after}}},
		{name: "other braces: fine", src: "En mængde {a, b} og {{ title }} og {%}.\n",
			problems: []Problem{{Line: 1, Msg: "template tag {% is not supported, as sitegen runs no templates in Markdown: write plain Markdown instead" + after}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := New(Options{Lang: "da"}).Convert([]byte(tt.src), 1, nil, 0)
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
