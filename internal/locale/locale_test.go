package locale

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func testCatalog(t *testing.T) *Catalog {
	t.Helper()
	defaults := fstest.MapFS{
		"i18n/da.toml": {Data: []byte("hello = \"Hej\"\nbye = \"Farvel\"\n[pages]\none = \"{{.Count}} side\"\nother = \"{{.Count}} sider\"\n[date]\nother = \"{{.Day}}. {{.Month}} {{.Year}}\"\n[month_11]\nother = \"november\"\n")},
		"i18n/kl.toml": {Data: []byte("hello = \"Aluu\"\n[pages]\none = \"qupperneq {{.Count}}\"\nother = \"quppernerit {{.Count}}\"\nneeds_review = true\n")},
	}
	site := fstest.MapFS{
		"i18n/da.toml": {Data: []byte("bye = \"Hej hej\"\n[greet]\nother = \"Hej {{.Term}}\"\n")},
	}
	c, diags := Load([]fs.FS{defaults, site}, []string{"da", "kl"}, "da")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return c
}

func TestT(t *testing.T) {
	c := testCatalog(t)
	tests := []struct {
		lang, id string
		args     []any
		want     string
	}{
		{"da", "hello", nil, "Hej"},
		{"kl", "hello", nil, "Aluu"},
		{"da", "bye", nil, "Hej hej"}, // the site's layer wins
		{"kl", "bye", nil, "Hej hej"}, // missing in kl: falls back to da
		{"da", "pages", []any{1}, "1 side"},
		{"da", "pages", []any{2}, "2 sider"},
		{"kl", "pages", []any{1}, "qupperneq 1"},
		{"kl", "pages", []any{0}, "quppernerit 0"},
		{"kl", "pages", []any{21}, "quppernerit 21"},
		{"da", "greet", []any{"Term", "Ane"}, "Hej Ane"},
		{"da", "pages", []any{"Count", 3}, "3 sider"},
	}
	for _, tt := range tests {
		got, err := c.T(tt.lang, tt.id, tt.args...)
		if err != nil || got != tt.want {
			t.Errorf("T(%s, %s, %v) = %q, %v; want %q", tt.lang, tt.id, tt.args, got, err, tt.want)
		}
	}
	for _, bad := range [][]any{{"nope"}, {1, 2, 3}} {
		if _, err := c.T("da", "greet", bad...); err == nil && len(bad) != 1 {
			t.Errorf("T with args %v: no error", bad)
		}
	}
	if _, err := c.T("da", "no_such_id"); err == nil || !strings.Contains(err.Error(), "unknown message id") {
		t.Errorf("unknown id: %v", err)
	}
	// A call that lacks an argument the message shows is an error, not
	// "<no value>" on the page (issue 23).
	for _, tt := range []struct {
		args []any
		want string
	}{
		{nil, `message "greet" in da shows {{.Term}}, which this call does not give (it gives no arguments): give it, as .T "greet" "Term" value, or take it out of the message`},
		{[]any{"Section", "x"}, `message "greet" in da shows {{.Term}}, which this call does not give (it gives .Section)`},
		{[]any{3}, `message "greet" in da shows {{.Term}}, which this call does not give (it gives .Count)`},
		{[]any{"Day", 1, "Month", "x"}, `message "date" in da shows {{.Year}}, which this call does not give (it gives .Day, .Month)`},
	} {
		id := "greet"
		if len(tt.args) == 4 {
			id = "date"
		}
		got, err := c.T("da", id, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("T(da, %s, %v) = %q, %v; want the error %q", id, tt.args, got, err, tt.want)
		}
	}
}

func TestReports(t *testing.T) {
	c := testCatalog(t)
	if got := strings.Join(c.Missing("kl"), " "); got != "bye date greet month_11" {
		t.Errorf("missing in kl: %s", got)
	}
	if got := c.Missing("da"); len(got) != 0 {
		t.Errorf("missing in da: %v", got)
	}
	if got := strings.Join(c.NeedsReview("kl"), " "); got != "pages" {
		t.Errorf("review: %s", got)
	}
	if d, err := c.Date("da", time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)); err != nil || d != "22. november 2026" {
		t.Errorf("date = %q, %v", d, err)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"a = \"x\"\nb = [\n", "i18n/da.toml:2:"},
		{"[a]\notherr = \"x\"\nother = \"y\"\n", `i18n/da.toml:1: message "a": unknown key "otherr"`},
		{"[a]\none = \"x\"\n", `i18n/da.toml:1: message "a" has no "other" form`},
		{"a = 3\n", `i18n/da.toml:1: message "a" must be a string`},
		{"\n[a]\nother = \"{{.X\"\n", `i18n/da.toml:2: message "a":`},
		{"[a]\nother = \"x\"\nneeds_review = \"yes\"\n", "needs_review must be true or false"},
		// A UI string is text with arguments, not a template (issue 23:
		// {{ }} in a string ran, and the page showed "<no value>T").
		{"a = \"{{.T}}T\"\n", `i18n/da.toml:1: message "a": {{.T}}: no layout gives a UI string an argument T; the arguments are {{.Count}}, {{.Date}}, {{.Day}}, {{.Language}}, {{.Month}}, {{.Number}}, {{.Page}}, {{.Section}}, {{.Term}}, {{.Total}} and {{.Year}}`},
		{"a = \"x\"\n[b]\none = \"{{.Count}}\"\nother = \"{{.count}} sider\"\n", `i18n/da.toml:2: message "b": {{.count}}: no layout gives a UI string an argument count`},
		{"a = '{{template \"x\"}}'\n", `message "a": {{template "x"}} is not allowed in a UI string: it may show only its arguments, {{.Count}}, `},
		{"a = '{{range .}}x{{end}}'\n", `message "a": {{range .}}x{{end}} is not allowed`},
		{"a = '{{if .Count}}x{{end}}'\n", `message "a": {{if .Count}}x{{end}} is not allowed`},
		{"a = '{{printf \"%d\" .Count}}'\n", `message "a": {{printf "%d" .Count}} is not allowed`},
		{"a = '{{.Count | print}}'\n", `message "a": {{.Count | print}} is not allowed`},
		{"a = '{{$x := .Count}}'\n", `message "a": {{$x := .Count}} is not allowed`},
		{"a = '{{.}}'\n", `message "a": {{.}} is not allowed`},
		{"a = '{{.Page.Title}}'\n", `message "a": {{.Page.Title}} is not allowed`},
		{"a = '{{define \"b\"}}x{{end}}'\n", `message "a": {{define}} is not allowed`},
		{"a = '{{ }}'\n", `i18n/da.toml:1: message "a": 1: missing value for command`},
	}
	// A named pipe would hang the build.
	if _, diags := Load([]fs.FS{fstest.MapFS{"i18n/da.toml": {Mode: fs.ModeNamedPipe}}}, []string{"da"}, "da"); diags.Error() != "i18n/da.toml: not a regular file; make it a file of UI strings" {
		t.Errorf("a named pipe: %v", diags)
	}
	for _, tt := range tests {
		_, diags := Load([]fs.FS{fstest.MapFS{"i18n/da.toml": {Data: []byte(tt.file)}}}, []string{"da"}, "da")
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%q: got %q, want %q", tt.file, diags.Error(), tt.want)
		}
	}
}

func TestIDsIn(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/da.toml":  {Data: []byte("hello = \"Hej\"\n[pages]\none = \"side\"\nother = \"sider\"\n")},
		"i18n/en.toml":  {Data: []byte("hello = \"Hi\"\nbye = \"Bye\"\n")},
		"i18n/bad.toml": {Data: []byte("broken = [\n")},
		"i18n/notes.md": {Data: []byte("not = \"a message\"\n")},
	}
	if got := strings.Join(IDsIn(fsys), " "); got != "bye hello pages" {
		t.Errorf("IDsIn = %q, want bye hello pages", got)
	}
	if got := IDsIn(nil); got != nil {
		t.Errorf("IDsIn(nil) = %q", got)
	}
}

// TestForms: the plural forms each language needs, written by hand from
// CLDR's tables (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html),
// against what Forms reads from go-i18n's CLDR data (x/text's for fkv).
func TestForms(t *testing.T) {
	tests := []struct {
		lang string
		want string
	}{
		{"da", "one other"},
		{"en", "one other"},
		{"de-CH", "one other"},
		{"ru", "one few many other"}, // other: fractions only
		{"pl", "one few many other"},
		{"uk", "one few many other"},
		{"cs", "one few other"}, // many: fractions only, so other serves them
		{"lt", "one few other"}, // many: fractions only
		{"sr-Latn", "one few other"},
		{"sl", "one two few other"},
		{"lv", "zero one other"},
		{"he", "one two other"},  // many went in CLDR 42
		{"fr", "one many other"}, // many: a million and more
		{"pt-BR", "one many other"},
		{"it", "one many other"},
		{"ar", "zero one two few many other"},
		{"cy", "zero one two few many other"},
		{"ga", "one two few many other"},
		{"ja", "other"},
		{"zh-Hant", "other"},
		{"kmr", "one other"}, // not in CLDR, which counts it under ku
		{"kmr-Arab", "one other"},
		{"pes", "one other"}, // counted under fa
		{"fkv", "other"},     // not in go-i18n's CLDR: x/text's root rules
	}
	for _, tt := range tests {
		if got := strings.Join(Forms(tt.lang), " "); got != tt.want {
			t.Errorf("Forms(%s) = %s, want %s", tt.lang, got, tt.want)
		}
	}
}

// TestFormOf: the category of a count, by CLDR's rules; counts come as
// ints from the layouts, and as floats or decimal strings otherwise.
func TestFormOf(t *testing.T) {
	tests := []struct {
		lang  string
		count any
		want  string
	}{
		{"ru", 1, "one"}, {"ru", 21, "one"}, {"ru", 11, "many"}, {"ru", 2, "few"}, {"ru", 22, "few"},
		{"ru", 12, "many"}, {"ru", 5, "many"}, {"ru", 0, "many"}, {"ru", 100, "many"}, {"ru", 101, "one"},
		{"ru", "1.5", "other"}, {"ru", 1.5, "other"}, {"ru", int64(3), "few"}, {"ru", -21, "one"},
		{"cy", 0, "zero"}, {"cy", 1, "one"}, {"cy", 2, "two"}, {"cy", 3, "few"}, {"cy", 6, "many"}, {"cy", 5, "other"},
		{"en", "1", "one"}, {"en", "1.0", "other"}, // a visible decimal is other in English: "1.0 pages"
		{"pt", "0", "one"}, {"fr", 1.5, "one"}, {"ar", 102, "other"}, {"ar", 111, "many"},
		{"fr", 1_000_000, "many"}, {"fr", 1_000_001, "other"}, {"he", 20, "other"}, {"mk", 11, "other"}, {"mk", 21, "one"},
		{"kmr", 1, "one"}, {"kmr", 2, "other"}, {"fkv", 1, "other"}, {"ru", "123456789012345678901", "one"}, {"ru", "123456789012345678901.5", "other"},
		{"fr", "1000000000000000000000", "many"}, {"ru", "22.0", "other"},
	}
	for _, tt := range tests {
		if got, err := formOf(tt.lang, tt.count); err != nil || got != tt.want {
			t.Errorf("formOf(%s, %v) = %s, %v; want %s", tt.lang, tt.count, got, err, tt.want)
		}
	}
	for _, bad := range []any{"nope", "1.2.3", "", struct{}{}, "1e6"} {
		if _, err := formOf("en", bad); err == nil {
			t.Errorf("formOf(en, %#v): no error", bad)
		}
	}
}

// TestMissingPluralForm: a plural message that lacks a form its language
// needs is one error when the strings load, at the message's line,
// naming the file, the message, the language and the forms. This is
// issue 25's Russian site, whose i18n/ru.toml had English placeholders
// with one and other: it failed only when a section listed 5 pages.
func TestMissingPluralForm(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		langs []string
		want  string
	}{
		{"own file", fstest.MapFS{
			"i18n/en.toml": {Data: []byte("[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n")},
			"i18n/ru.toml": {Data: []byte("hello = \"Привет\"\n\n[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\nneeds_review = true\n")},
		}, []string{"en", "ru"},
			`i18n/ru.toml:3: message "pages" lacks the plural forms few, many, which ru needs (CLDR: one, few, many, other): add them`},
		{"one form", fstest.MapFS{
			"i18n/en.toml": {Data: []byte("[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n")},
			"i18n/cy.toml": {Data: []byte("[pages]\nzero = \"dim tudalennau\"\none = \"{{.Count}} dudalen\"\ntwo = \"{{.Count}} dudalen\"\nfew = \"{{.Count}} tudalen\"\nother = \"{{.Count}} tudalen\"\n")},
		}, []string{"en", "cy"},
			`i18n/cy.toml:1: message "pages" lacks the plural form many, which cy needs (CLDR: zero, one, two, few, many, other): add it`},
		{"count with other alone", fstest.MapFS{
			"i18n/en.toml": {Data: []byte("[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n")},
			"i18n/da.toml": {Data: []byte("pages = \"Sider: {{ .Count }}\"\n")},
		}, []string{"en", "da"},
			`i18n/da.toml:1: message "pages" lacks the plural form one, which da needs (CLDR: one, other): add it`},
		{"parent tag's file", fstest.MapFS{
			"i18n/en.toml": {Data: []byte("[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n")},
			"i18n/pt.toml": {Data: []byte("[pages]\nmany = \"{{.Count}} páginas\"\nother = \"{{.Count}} páginas\"\n")},
		}, []string{"en", "pt-BR"},
			`i18n/pt.toml:1: message "pages" lacks the plural form one, which pt-BR needs (CLDR: one, many, other): add it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, diags := Load([]fs.FS{tt.files}, tt.langs, "en")
			if c != nil || len(diags) != 1 || !diags.HasErrors() || diags.Error() != tt.want {
				t.Errorf("got %v, %q; want no catalog and the one error %q", c != nil, diags.Error(), tt.want)
			}
		})
	}
}

// TestFallbackCountsByItsLanguage: a message a language lacks is shown in
// the default language, and counted by the default language's rules, as
// its words are: a Russian page showing English says "21 pages", where
// Russian rules (21 is one) would pick "21 page", and needs no Russian
// forms of the English message.
func TestFallbackCountsByItsLanguage(t *testing.T) {
	files := fstest.MapFS{
		"i18n/en.toml": {Data: []byte("hello = \"Hello\"\n[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n[results]\none = \"Results: {{.Count}}\"\nother = \"Results: {{.Count}}\"\n")},
		"i18n/ru.toml": {Data: []byte("hello = \"Привет\"\n[results]\none = \"{{.Count}} результат\"\nfew = \"{{.Count}} результата\"\nmany = \"{{.Count}} результатов\"\nother = \"{{.Count}} результата\"\n")},
	}
	c, diags := Load([]fs.FS{files}, []string{"en", "ru"}, "en")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, tt := range []struct {
		id    string
		count int
		want  string
	}{
		{"pages", 1, "1 page"}, {"pages", 21, "21 pages"}, {"pages", 5, "5 pages"}, {"pages", 2, "2 pages"},
		{"results", 1, "1 результат"}, {"results", 5, "5 результатов"}, {"results", 21, "21 результат"}, {"results", 22, "22 результата"},
	} {
		if got, err := c.T("ru", tt.id, tt.count); err != nil || got != tt.want {
			t.Errorf("T(ru, %s, %d) = %q, %v; want %q", tt.id, tt.count, got, err, tt.want)
		}
	}
}
