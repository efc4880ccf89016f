package markdown

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestHeadingAttributesOnlyID(t *testing.T) {
	res, _ := New(Options{Lang: "en"}).Convert([]byte("## A {#a .big style=\"color:red\" onclick=\"x()\"}\n"), 1, nil, 0)
	if got := string(res.HTML); got != "<h2 id=\"a\">A</h2>\n" {
		t.Errorf("html = %q", got)
	}
}

func TestLinks(t *testing.T) {
	src := "Første [a](a.md).\n\nAnden linje med\n[b](b.md#x) og ![billede](/img.png).\n\n[farlig](javascript:alert(1)) og <https://x.dk>\n"
	var seen []string
	resolve := func(dest string) (string, error) {
		seen = append(seen, dest)
		if dest == "b.md#x" {
			return "", errors.New("no b")
		}
		return "/da/" + strings.TrimSuffix(dest, ".md") + "/", nil
	}
	res, problems := New(Options{Lang: "da"}).Convert([]byte(src), 10, resolve, 0)
	if got := strings.Join(seen, " "); got != "a.md b.md#x /img.png" {
		t.Errorf("resolved %s", got)
	}
	want := []Problem{
		{Line: 13, Msg: "no b"},
		{Line: 15, Msg: `link to "javascript:alert(1)" is left out: links may not run script or embed data`, Warning: true},
	}
	if len(problems) != len(want) {
		t.Fatalf("problems = %+v", problems)
	}
	for i := range want {
		if problems[i] != want[i] {
			t.Errorf("problem %d = %+v, want %+v", i, problems[i], want[i])
		}
	}
	html := string(res.HTML)
	for _, w := range []string{`<a href="/da/a/">a</a>`, `<img src="/da//img.png/" alt="billede">`, `farlig og`, `<a href="https://x.dk">https://x.dk</a>`} {
		if !strings.Contains(html, w) {
			t.Errorf("html lacks %s:\n%s", w, html)
		}
	}
	if strings.Contains(html, "javascript") {
		t.Errorf("javascript link emitted:\n%s", html)
	}
}

func TestRawHTMLOff(t *testing.T) {
	src := "<script>alert(1)</script>\n\nText <b onclick=x>bold</b>.\n"
	res, problems := New(Options{Lang: "da"}).Convert([]byte(src), 1, nil, 0)
	if strings.Contains(string(res.HTML), "<script") || strings.Contains(string(res.HTML), "onclick") {
		t.Errorf("raw HTML emitted: %s", res.HTML)
	}
	if len(problems) != 3 || !problems[0].Warning || problems[0].Line != 1 {
		t.Errorf("problems = %+v", problems)
	}
	res, problems = New(Options{Lang: "da", UnsafeHTML: true}).Convert([]byte(src), 1, nil, 0)
	if !strings.Contains(string(res.HTML), "<script>") || len(problems) != 0 {
		t.Errorf("unsafe_html: %s %v", res.HTML, problems)
	}
}

func TestExtensions(t *testing.T) {
	src := "| A | B |\n|:--|--:|\n| 1 | 2 |\n\n~~gammel~~\n\nTekst[^1]\n\n[^1]: Lov nr. 783.\n\nTerm\n: Forklaring\n"
	res, _ := New(Options{Lang: "da"}).Convert([]byte(src), 1, nil, AllText)
	html := string(res.HTML)
	for _, w := range []string{`<th class="align-left">A</th>`, `<td class="align-right">2</td>`, "<del>gammel</del>", `href="#fn:1"`, "<dl>", "<dd>Forklaring</dd>"} {
		if !strings.Contains(html, w) {
			t.Errorf("html lacks %s:\n%s", w, html)
		}
	}
	if strings.Contains(html, "style=") {
		t.Errorf("inline style would break the CSP:\n%s", html)
	}
	if len(res.Tables) != 1 || !res.Tables[0].HasHeader {
		t.Errorf("tables = %+v", res.Tables)
	}
	if strings.Join(res.IDs, " ") != "fn:1 fnref:1" {
		t.Errorf("ids = %v", res.IDs)
	}
	if got := strings.Join(res.Text, "|"); got != "A|B|1|2|gammel|Tekst|Term|Forklaring|Lov nr. 783." {
		t.Errorf("text = %s", got)
	}
}

func FuzzConvert(f *testing.F) {
	f.Add("[a](a.md) ![b](b.png) <https://x> [c](javascript:x)")
	f.Add("## H {#id onclick=x}\n\n| a |\n|---|\n| b |\n\n[^1]\n\n[^1]: x")
	f.Add("> [!NOTE] x\n> - [ ] a\n>   - [x] b\n\n> [!foo]\n\n{{< callout >}} `{{%` \\{% x %}\n\n## Main\n\n## Main {#main}\n\n\"'x'\" Jens'")
	f.Fuzz(func(t *testing.T, src string) {
		resolve := func(dest string) (string, error) { return "/x/", nil }
		res, problems := New(Options{Lang: "da", AlertLabels: map[string]string{"note": "<b>"}, LayoutIDs: map[string]string{"main": "x"}}).Convert([]byte(src), 1, resolve, AllText)
		for _, p := range problems {
			if p.Line < 1 || p.Line > strings.Count(src, "\n")+1 {
				t.Fatalf("problem at line %d of %d-line input", p.Line, strings.Count(src, "\n")+1)
			}
		}
		// Without errors, every id is unique and none is a layout's.
		errs := false
		for _, p := range problems {
			errs = errs || !p.Warning
		}
		ids := map[string]bool{"main": true}
		if !errs {
			for _, id := range res.IDs {
				if ids[id] {
					t.Fatalf("id %q twice or a layout's, without an error: %q", id, src)
				}
				ids[id] = true
			}
		}
		// Parsed as a browser does: no script element, no event handler,
		// no link or image that runs script.
		doc, err := html.Parse(strings.NewReader(string(res.HTML)))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			if n.Data == "script" || n.Data == "iframe" || n.Data == "object" {
				t.Fatalf("<%s> in output %q", n.Data, res.HTML)
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" ||
					(a.Key == "href" || a.Key == "src") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:text")) {
					t.Fatalf("unsafe attribute %s=%q in output %q", a.Key, a.Val, res.HTML)
				}
			}
		}
	})
}

// TestLinkAttrs: the Links hook sees each link's resolved destination and
// its visible text (typographic, without images), and its attributes go on
// the <a>; images do not ask it.
func TestLinkAttrs(t *testing.T) {
	c := New(Options{Lang: "da"})
	var seen []string
	hooks := Hooks{
		Resolve: func(dest string) (string, error) { return "/x/" + dest, nil },
		Links: func(url, text string) [][2]string {
			seen = append(seen, url+" "+text)
			if text == "Afslag – på MitID" {
				return [][2]string{{"lang", "da"}, {"dir", "ltr"}}
			}
			return nil
		},
	}
	res, problems := c.ConvertHooks([]byte("[Afslag -- på *MitID*](a.md) og [andet](b.md) ![billede](c.png)\n"), 1, hooks, 0)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	want := `<p><a href="/x/a.md" lang="da" dir="ltr">Afslag – på <em>MitID</em></a> og <a href="/x/b.md">andet</a> <img src="/x/c.png" alt="billede"></p>` + "\n"
	if string(res.HTML) != want {
		t.Errorf("got  %s\nwant %s", res.HTML, want)
	}
	if strings.Join(seen, "|") != "/x/a.md Afslag – på MitID|/x/b.md andet" {
		t.Errorf("the hook saw %q", seen)
	}
}

// TestScriptURLs: a link or an autolink whose URL would run script or
// open a document of its own is left out with a warning at its line,
// its text kept, however the URL is spelt: any case, character
// references, escapes, and the spaces, control characters, tabs and line
// breaks browsers drop (issue 23: <javascript:…> became <a href=""> with
// no word said).
func TestScriptURLs(t *testing.T) {
	tests := []struct {
		src, html, dest string // dest: the URL named in the warning; "" for none
	}{
		{"<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n", "javascript:alert(1)"},
		{"<JaVaScRiPt:alert(1)>", "<p>JaVaScRiPt:alert(1)</p>\n", "JaVaScRiPt:alert(1)"},
		{"<vbscript:msgbox(1)>", "<p>vbscript:msgbox(1)</p>\n", "vbscript:msgbox(1)"},
		{"<DATA:text/html;base64,PHNjcmlwdD4=>", "<p>DATA:text/html;base64,PHNjcmlwdD4=</p>\n", "DATA:text/html;base64,PHNjcmlwdD4="},
		{"<file:///etc/passwd>", "<p>file:///etc/passwd</p>\n", "file:///etc/passwd"},
		{"Se <javascript:a&b> her", "<p>Se javascript:a&amp;b her</p>\n", "javascript:a&b"},
		{"[a](jav&#x61;script:alert(1))", "<p>a</p>\n", "jav&#x61;script:alert(1)"},
		{"[a](javascript&colon;alert(1))", "<p>a</p>\n", "javascript&colon;alert(1)"},
		{"[a](java&#x09;script:alert(1))", "<p>a</p>\n", "java&#x09;script:alert(1)"},
		{"[a](&#x01;javascript:alert(1))", "<p>a</p>\n", "&#x01;javascript:alert(1)"},
		{"[a](<java\tscript:alert(1)>)", "<p>a</p>\n", "java\tscript:alert(1)"},
		{"[a](<\x01javascript:alert(1)>)", "<p>a</p>\n", "\x01javascript:alert(1)"},
		{"[a](javascript\\:alert(1))", "<p>a</p>\n", "javascript\\:alert(1)"},
		{"![a](data:image/svg+xml;base64,PHN2Zz4=)", "<p>a</p>\n", "data:image/svg+xml;base64,PHN2Zz4="},
		// Kept: images as data, what is no URL of a scheme, and text.
		{"<data:image/png;base64,AAA>", "<p><a href=\"data:image/png;base64,AAA\">data:image/png;base64,AAA</a></p>\n", ""},
		{"<https://x.dk/javascript:x>", "<p><a href=\"https://x.dk/javascript:x\">https://x.dk/javascript:x</a></p>\n", ""},
		{"<mailto:javascript@x.dk>", "<p><a href=\"mailto:javascript@x.dk\">mailto:javascript@x.dk</a></p>\n", ""},
		{"www.x.dk", "<p><a href=\"http://www.x.dk\">www.x.dk</a></p>\n", ""},
		{"<java&#x61;script:alert(1)>", "<p>&lt;javaascript:alert(1)&gt;</p>\n", ""},
		{"[a](<\u00a0javascript:alert(1)>)", "<p><a href=\"%C2%A0javascript:alert(1)\">a</a></p>\n", ""},
	}
	for _, tt := range tests {
		src := "Første linje.\n\nAnden linje\nog " + tt.src + "\n"
		res, problems := New(Options{Lang: "da"}).Convert([]byte(src), 10, nil, 0)
		got := strings.TrimPrefix(string(res.HTML), "<p>Første linje.</p>\n")
		want := strings.Replace(tt.html, "<p>", "<p>Anden linje\nog ", 1)
		if got != want {
			t.Errorf("%q: html = %q, want %q", tt.src, got, want)
		}
		var wantProblems []Problem
		if tt.dest != "" {
			wantProblems = []Problem{{Line: 13, Warning: true, Msg: fmt.Sprintf("link to %q is left out: links may not run script or embed data", tt.dest)}}
		}
		if !slices.Equal(problems, wantProblems) {
			t.Errorf("%q: problems = %+v, want %+v", tt.src, problems, wantProblems)
		}
		if tt.dest == "" {
			continue
		}
		// With unsafe_html the site trusts its editors: the link stays.
		if _, problems := New(Options{Lang: "da", UnsafeHTML: true}).Convert([]byte(src), 10, nil, 0); len(problems) > 0 {
			t.Errorf("%q with UnsafeHTML: %+v", tt.src, problems)
		}
	}
}
