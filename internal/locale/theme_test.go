package locale

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/udenmitid/sitegen/internal/theme"
)

// themeLangs are the languages the built-in theme has UI strings for.
var themeLangs = []string{"da", "en", "kl", "sv", "nb", "de", "pl", "uk", "tr", "ar"}

// cldrPlurals are the categories of each language's cardinal plural rules in
// CLDR (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html),
// in CLDR's order.
var cldrPlurals = map[string][]string{
	"da": {"one", "other"},
	"en": {"one", "other"},
	"kl": {"one", "other"},
	"sv": {"one", "other"},
	"nb": {"one", "other"},
	"de": {"one", "other"},
	"tr": {"one", "other"},
	"pl": {"one", "few", "many", "other"},
	"uk": {"one", "few", "many", "other"},
	"ar": {"zero", "one", "two", "few", "many", "other"},
}

// comingIDs are ids that languages may define before the reference
// language does: the callout labels, which en.toml gains with GitHub alerts
// on another branch. They are only tolerated while the reference lacks
// them; once it has them, every language must.
var comingIDs = []string{"alert_note", "alert_tip", "alert_important", "alert_warning", "alert_caution"}

var formOrder = []string{"zero", "one", "two", "few", "many", "other"}

// probeCounts are the counts whose plural form the probe asks go-i18n for:
// every integer to 1000 and a few decimals, which have their own form in
// some languages (pl, uk: 1.5 is "other").
func probeCounts() []string {
	var out []string
	for i := 0; i <= 1000; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return append(out, "1000000", "0.5", "1.0", "1.5", "2.5", "3.5", "11.5", "100.5")
}

// probeForms returns, for each language, the plural form go-i18n picks for
// each of probeCounts, by localizing a message whose forms are their names.
func probeForms(t *testing.T, langs []string) map[string]map[string]string {
	t.Helper()
	var probe strings.Builder
	probe.WriteString("[probe]\n")
	for _, f := range formOrder {
		fmt.Fprintf(&probe, "%s = %q\n", f, f)
	}
	fsys := fstest.MapFS{}
	for _, l := range langs {
		fsys[path.Join(Dir, l+".toml")] = &fstest.MapFile{Data: []byte(probe.String())}
	}
	c, diags := Load([]fs.FS{fsys}, langs, langs[0])
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	out := map[string]map[string]string{}
	for _, l := range langs {
		out[l] = map[string]string{}
		for _, n := range probeCounts() {
			form, err := c.T(l, "probe", n)
			if err != nil {
				t.Fatalf("probe %s %s: %v", l, n, err)
			}
			out[l][n] = form
		}
	}
	return out
}

// formSet returns the distinct forms among a language's probe results, in
// CLDR's order.
func formSet(byCount map[string]string) []string {
	var out []string
	for _, f := range formOrder {
		for _, g := range byCount {
			if g == f {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

func TestPluralRulesAreCLDRs(t *testing.T) {
	forms := probeForms(t, themeLangs)
	for _, l := range themeLangs {
		if got := formSet(forms[l]); !slices.Equal(got, cldrPlurals[l]) {
			t.Errorf("%s: go-i18n uses the plural forms %v, CLDR has %v", l, got, cldrPlurals[l])
		}
	}
}

func TestThemeMessages(t *testing.T) {
	forms := probeForms(t, themeLangs)
	for _, p := range checkMessages(theme.FS(), themeLangs, "en", forms) {
		t.Error(p)
	}
}

// TestCheckMessagesFinds feeds checkMessages files with one defect each, so
// that TestThemeMessages is known to fail when the theme has such a defect.
func TestCheckMessagesFinds(t *testing.T) {
	langs := []string{"en", "pl", "ar"}
	forms := probeForms(t, langs)
	en := "hello = \"Hello\"\nupdated = \"Updated {{.Date}}\"\n[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n"
	pl := "hello = \"Cześć\"\nupdated = \"Zaktualizowano {{.Date}}\"\n[pages]\none = \"{{.Count}} strona\"\nfew = \"{{.Count}} strony\"\nmany = \"{{.Count}} stron\"\nother = \"{{.Count}} strony\"\n"
	ar := "hello = \"مرحبا\"\nupdated = \"آخر تحديث: {{.Date}}\"\n[pages]\nzero = \"لا صفحات\"\none = \"صفحة واحدة\"\ntwo = \"صفحتان\"\nfew = \"{{.Count}} صفحات\"\nmany = \"{{.Count}} صفحة\"\nother = \"{{.Count}} صفحة\"\n"
	tests := []struct {
		name, lang, file, want string
	}{
		{"good", "", "", ""},
		{"missing id", "pl", strings.Replace(pl, "hello = \"Cześć\"\n", "", 1), `pl.toml: missing message "hello"`},
		{"extra id", "pl", "bye = \"Pa\"\n" + pl, `pl.toml: message "bye" is not in en.toml`},
		{"coming id tolerated", "pl", "alert_note = \"Informacja\"\n" + pl, ""},
		{"missing form", "pl", strings.Replace(pl, "few = \"{{.Count}} strony\"\n", "", 1), `pl.toml: message "pages" has the plural forms [one many other]; pl needs [one few many other]`},
		{"form the language lacks", "pl", strings.Replace(pl, "[pages]\n", "[pages]\ntwo = \"{{.Count}} strony\"\n", 1), `pl.toml: message "pages" has the plural forms [one two few many other]`},
		{"plural where en has none", "pl", strings.Replace(pl, "hello = \"Cześć\"\n", "", 1) + "[hello]\none = \"Cześć\"\nother = \"Cześć\"\n", `pl.toml: message "hello" has the plural forms [one other]; pl needs [other]`},
		{"other field", "pl", strings.Replace(pl, "{{.Date}}", "{{.Day}}", 1), `pl.toml: message "updated" uses the fields [Day]; en.toml's uses [Date]`},
		{"count left out", "ar", strings.Replace(ar, "many = \"{{.Count}} صفحة\"", "many = \"صفحة\"", 1), `ar.toml: message "pages" with count 11: "صفحة" does not show the count`},
		{"template error", "ar", strings.Replace(ar, "{{.Date}}", "{{.Date.Year}}", 1), `ar.toml: i18n/ar.toml:2: message "updated": {{.Date.Year}} is not allowed in a UI string`},
		{"no file", "ar", "", `ar.toml: open i18n/ar.toml: file does not exist`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"en": en, "pl": pl, "ar": ar}
			if tt.lang != "" {
				files[tt.lang] = tt.file
			}
			fsys := fstest.MapFS{}
			for l, f := range files {
				if f != "" {
					fsys[path.Join(Dir, l+".toml")] = &fstest.MapFile{Data: []byte(f)}
				}
			}
			problems := checkMessages(fsys, langs, "en", forms)
			if tt.want == "" {
				if len(problems) > 0 {
					t.Errorf("problems in good files: %q", problems)
				}
				return
			}
			if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, tt.want) }) {
				t.Errorf("got %q, want one containing %q", problems, tt.want)
			}
		})
	}
}

// checkMessages checks the message files of langs against the reference
// language ref: every language defines exactly ref's ids; a message is
// plural where ref's is, with exactly the language's plural forms; it uses
// the template fields ref's does; and it renders, for plurals with counts
// 0 to 101 and 1.5, showing the count wherever the form serves more than
// one number. forms is probeForms for langs.
func checkMessages(fsys fs.FS, langs []string, ref string, forms map[string]map[string]string) []string {
	var problems []string
	report := func(lang, format string, args ...any) {
		problems = append(problems, lang+".toml: "+fmt.Sprintf(format, args...))
	}
	files := map[string]map[string]*i18n.Message{}
	for _, l := range langs {
		p := path.Join(Dir, l+".toml")
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			report(l, "%v", err)
			continue
		}
		msgs, _, diags := parseFile(p, data)
		if diags.HasErrors() {
			report(l, "%v", diags)
			continue
		}
		files[l] = map[string]*i18n.Message{}
		for _, m := range msgs {
			files[l][m.ID] = m
		}
	}
	want := files[ref]
	if want == nil {
		return problems
	}
	for _, l := range langs {
		have := files[l]
		if have == nil {
			continue
		}
		for _, id := range sortedIDs(want) {
			if have[id] == nil {
				report(l, "missing message %q", id)
			}
		}
		for _, id := range sortedIDs(have) {
			m, r := have[id], want[id]
			if r == nil && !slices.Contains(comingIDs, id) {
				report(l, "message %q is not in %s.toml", id, ref)
				continue
			}
			needs := []string{"other"}
			if r != nil && isPlural(r) {
				needs = formSet(forms[l])
			}
			if got := formsOf(m); !slices.Equal(got, needs) {
				report(l, "message %q has the plural forms %v; %s needs %v", id, got, l, needs)
			}
			if r != nil {
				if got, w := fieldsOf(m), fieldsOf(r); !slices.Equal(got, w) {
					report(l, "message %q uses the fields %v; %s.toml's uses %v", id, got, ref, w)
				}
			}
		}
	}
	if len(problems) > 0 {
		return problems // rendering would only repeat them
	}
	c, diags := Load([]fs.FS{fsys}, langs, ref)
	if diags.HasErrors() {
		return append(problems, diags.Error())
	}
	for _, l := range langs {
		for _, id := range sortedIDs(files[l]) {
			for _, p := range renderProblems(c, l, files[l][id], forms[l]) {
				report(l, "message %q%s", id, p)
			}
		}
	}
	return problems
}

// sampleArgs are the named arguments messages are rendered with.
var sampleArgs = []any{"Date", "‹date›", "Day", 22, "Month", "‹month›", "Year", 2026, "Section", "‹section›",
	"Language", "‹language›", "Term", "‹term›", "Page", 3, "Total", 17, "Number", 5}

var sampleCounts = []string{"0", "1", "2", "3", "5", "11", "22", "101", "1.5"}

// renderProblems renders one message of lang with sample data and says what
// is wrong with the result, each problem starting with the sample.
func renderProblems(c *Catalog, lang string, m *i18n.Message, forms map[string]string) []string {
	var out []string
	check := func(sample, s string, err error) bool {
		switch {
		case err != nil:
			out = append(out, fmt.Sprintf("%s: %v", sample, err))
		case strings.TrimSpace(s) == "":
			out = append(out, fmt.Sprintf("%s: renders empty", sample))
		case strings.Contains(s, "<no value>"):
			out = append(out, fmt.Sprintf("%s: %q names a field it is not given", sample, s))
		default:
			return true
		}
		return false
	}
	if !isPlural(m) {
		s, err := c.T(lang, m.ID, sampleArgs...)
		if !check("", s, err) {
			return out
		}
		for i := 0; i < len(sampleArgs); i += 2 {
			if slices.Contains(fieldsOf(m), sampleArgs[i].(string)) && !strings.Contains(s, fmt.Sprint(sampleArgs[i+1])) {
				out = append(out, fmt.Sprintf(": %q does not show .%s", s, sampleArgs[i]))
			}
		}
		return out
	}
	for _, n := range sampleCounts {
		var count any = n
		if i, err := strconv.Atoi(n); err == nil {
			count = i // as the layouts pass it
		}
		s, err := c.T(lang, m.ID, count)
		if check(" with count "+n, s, err) && servesMany(forms, forms[n]) && !strings.Contains(s, n) {
			out = append(out, fmt.Sprintf(" with count %s: %q does not show the count", n, s))
		}
	}
	return out
}

// servesMany reports whether more than one whole probe count has the form,
// so that a message in that form must say which number it means. Only whole
// numbers count: the layouts pass lengths and limits.
func servesMany(forms map[string]string, form string) bool {
	seen := 0
	for n, f := range forms {
		if _, err := strconv.Atoi(n); err == nil && f == form {
			seen++
		}
	}
	return seen > 1
}

func isPlural(m *i18n.Message) bool { return !slices.Equal(formsOf(m), []string{"other"}) }

// formsOf returns the plural forms a message defines, in CLDR's order.
func formsOf(m *i18n.Message) []string {
	var out []string
	for i, s := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if s != "" {
			out = append(out, formOrder[i])
		}
	}
	return out
}

var fieldRE = regexp.MustCompile(`\{\{-?\s*\.(\w+)`)

// fieldsOf returns the template fields any form of a message uses, sorted.
func fieldsOf(m *i18n.Message) []string {
	var out []string
	for _, s := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		for _, sub := range fieldRE.FindAllStringSubmatch(s, -1) {
			if !slices.Contains(out, sub[1]) {
				out = append(out, sub[1])
			}
		}
	}
	slices.Sort(out)
	return out
}

func sortedIDs(msgs map[string]*i18n.Message) []string {
	var out []string
	for id := range msgs {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// TestThemeDates formats a date in every theme language, and one in every
// month: the pattern and the month names fit together.
func TestThemeDates(t *testing.T) {
	c, diags := Load([]fs.FS{theme.FS()}, themeLangs, "da")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := map[string]string{
		"da": "1. december 2026",
		"en": "1 December 2026",
		"kl": "1. decembari 2026",
		"sv": "1 december 2026",
		"nb": "1. desember 2026",
		"de": "1. Dezember 2026",
		"pl": "1 grudnia 2026",
		"uk": "1 грудня 2026",
		"tr": "1 Aralık 2026",
		"ar": "1 ديسمبر 2026",
	}
	for _, l := range themeLangs {
		if got, err := c.Date(l, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil || got != want[l] {
			t.Errorf("%s: date = %q, %v; want %q", l, got, err, want[l])
		}
		for m := time.January; m <= time.December; m++ {
			month, err := c.T(l, fmt.Sprintf("month_%d", m))
			if err != nil || month == "" || !c.Defined(l, fmt.Sprintf("month_%d", m)) {
				t.Errorf("%s: month_%d = %q, %v", l, m, month, err)
			}
			got, err := c.Date(l, time.Date(2026, m, 22, 0, 0, 0, 0, time.UTC))
			if err != nil || !strings.Contains(got, "22") || !strings.Contains(got, month) || !strings.Contains(got, "2026") {
				t.Errorf("%s: date in %s = %q, %v", l, m, got, err)
			}
		}
	}
}

// TestPluralForms checks the forms a page script gets for counting search
// results: every CLDR category of the language, with %d for the number
// where the form shows it.
func TestPluralForms(t *testing.T) {
	c, diags := Load([]fs.FS{theme.FS()}, themeLangs, "da")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	tests := []struct {
		lang string
		want []string // categories, sorted
	}{
		{"da", []string{"one", "other"}},
		{"pl", []string{"few", "many", "one", "other"}},
		{"uk", []string{"few", "many", "one", "other"}},
		{"ar", []string{"few", "many", "one", "other", "two", "zero"}},
	}
	for _, tt := range tests {
		forms, err := c.PluralForms(tt.lang, "search_results", "%d")
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Sorted(maps.Keys(forms)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: categories %v, want %v", tt.lang, got, tt.want)
		}
		if !strings.Contains(forms["other"], "%d") || !strings.Contains(forms["few"]+forms["one"], "%d") {
			t.Errorf("%s: forms lack the count: %q", tt.lang, forms)
		}
		if strings.Contains(fmt.Sprint(forms), "{{") {
			t.Errorf("%s: a form was not rendered: %q", tt.lang, forms)
		}
	}
	if _, err := c.PluralForms("da", "no_such_id", "%d"); err == nil {
		t.Error("an unknown id gave no error")
	}
}
