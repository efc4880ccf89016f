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
