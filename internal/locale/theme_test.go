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
var themeLangs = []string{"da", "en", "kl", "sv", "nb", "de", "pl", "uk", "tr", "ar",
	"fa", "ps", "ckb", "ku", "ur", "he", "so", "ti", "am", "sw",
	"hi", "bn", "ta", "te", "ne", "si", "th", "vi", "fil", "id", "ms", "zh", "zh-Hant", "ja", "ko", "hy", "ka", "az", "uz", "kk", "mn",
	"nn", "fo", "is", "fi", "et", "lv", "lt",
	"fr", "es", "it", "pt", "pt-BR", "nl", "ca", "gl", "eu", "ro",
	"cs", "sk", "sl", "hr", "bs", "sr", "sr-Latn", "sq", "hu", "el", "bg", "mk", "be",
}

// themeRegional are the theme's files for a language with a region or
// script that hold only what it says differently from its parent tags
// (Chain): they are checked through the chain, not alone.
var themeRegional = []string{"fa-AF"}

// cldrPlurals are the categories of each language's cardinal plural rules in
// CLDR (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html),
// in CLDR's order.
var cldrPlurals = map[string][]string{
	"da":      {"one", "other"},
	"en":      {"one", "other"},
	"kl":      {"one", "other"},
	"sv":      {"one", "other"},
	"nb":      {"one", "other"},
	"de":      {"one", "other"},
	"tr":      {"one", "other"},
	"pl":      {"one", "few", "many", "other"},
	"uk":      {"one", "few", "many", "other"},
	"ar":      {"zero", "one", "two", "few", "many", "other"},
	"fa":      {"one", "other"},
	"ps":      {"one", "other"},
	"ckb":     {"one", "other"},
	"ku":      {"one", "other"},
	"ur":      {"one", "other"},
	"he":      {"one", "two", "other"},
	"so":      {"one", "other"},
	"ti":      {"one", "other"},
	"am":      {"one", "other"},
	"sw":      {"one", "other"},
	"hi":      {"one", "other"},
	"bn":      {"one", "other"},
	"ta":      {"one", "other"},
	"te":      {"one", "other"},
	"ne":      {"one", "other"},
	"si":      {"one", "other"},
	"th":      {"other"},
	"vi":      {"one", "other"},
	"fil":     {"one", "other"},
	"id":      {"other"},
	"ms":      {"other"},
	"zh":      {"other"},
	"zh-Hant": {"other"},
	"ja":      {"other"},
	"ko":      {"other"},
	"hy":      {"one", "other"},
	"ka":      {"one", "other"},
	"az":      {"one", "other"},
	"uz":      {"one", "other"},
	"kk":      {"one", "other"},
	"mn":      {"one", "other"},
	"nn":      {"one", "other"},
	"fo":      {"one", "other"},
	"is":      {"one", "other"},
	"fi":      {"one", "other"},
	"et":      {"one", "other"},
	"lv":      {"zero", "one", "other"},
	"lt":      {"one", "few", "many", "other"},
	"fr":      {"one", "many", "other"},
	"es":      {"one", "many", "other"},
	"it":      {"one", "many", "other"},
	"pt":      {"one", "many", "other"},
	"nl":      {"one", "other"},
	"ca":      {"one", "many", "other"},
	"gl":      {"one", "many", "other"},
	"eu":      {"one", "other"},
	"ro":      {"one", "few", "other"},
	"cs":      {"one", "few", "many", "other"},
	"sk":      {"one", "few", "many", "other"},
	"sl":      {"one", "two", "few", "other"},
	"hr":      {"one", "few", "other"},
	"bs":      {"one", "few", "other"},
	"sr":      {"one", "few", "other"},
	"sq":      {"one", "other"},
	"hu":      {"one", "other"},
	"el":      {"one", "other"},
	"bg":      {"one", "other"},
	"mk":      {"one", "other"},
	"be":      {"one", "few", "many", "other"},

	// pt-BR takes what it lacks from pt, but counts by its own rules.
	"pt-BR": {"one", "many", "other"},
	// sr-Latn reads only its own file, and counts as sr does.
	"sr-Latn": {"one", "few", "other"},
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

// TestThemeRegional checks the theme's regional files (themeRegional):
// each holds only ids of en.toml, in the plural forms its language needs,
// and together with its parent tags' files it defines every id, so that
// nothing falls back to the default language.
func TestThemeRegional(t *testing.T) {
	langs := append([]string{"en"}, themeRegional...)
	forms := probeForms(t, langs)
	c, diags := Load([]fs.FS{theme.FS()}, langs, "en")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	ref := map[string]*i18n.Message{}
	data, err := fs.ReadFile(theme.FS(), path.Join(Dir, "en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	msgs, _, _ := parseFile("en.toml", data)
	for _, m := range msgs {
		ref[m.ID] = m
	}
	for _, l := range themeRegional {
		p := path.Join(Dir, l+".toml")
		data, err := fs.ReadFile(theme.FS(), p)
		if err != nil {
			t.Fatal(err)
		}
		msgs, _, d := parseFile(p, data)
		if d.HasErrors() {
			t.Fatal(d)
		}
		for _, m := range msgs {
			r := ref[m.ID]
			if r == nil {
				t.Errorf("%s: message %q is not in en.toml", p, m.ID)
				continue
			}
			needs := []string{"other"}
			if isPlural(r) {
				needs = formSet(forms[l])
			}
			if got := formsOf(m); !slices.Equal(got, needs) {
				t.Errorf("%s: message %q has the plural forms %v; %s needs %v", p, m.ID, got, l, needs)
			}
			if got, w := fieldsOf(m), fieldsOf(r); !slices.Equal(got, w) {
				t.Errorf("%s: message %q uses the fields %v; en.toml's uses %v", p, m.ID, got, w)
			}
			if file, _ := c.Origin(l, m.ID); file != p {
				t.Errorf("%s: message %q comes from %s", l, m.ID, file)
			}
		}
		for id := range ref {
			if !c.Defined(l, id) {
				t.Errorf("%s: message %q is in none of the files of %v", l, id, Chain(l))
			}
		}
	}
}

// TestThemeOldTags checks that a site language written with a tag that
// x/text reads as another language's gets that language's theme strings
// through Chain: tl is Filipino (fil.toml), iw Hebrew, in Indonesian; and
// that a Chinese region takes the strings of its script: zh-TW Traditional.
func TestThemeOldTags(t *testing.T) {
	tests := map[string]string{"tl": "fil", "iw": "he", "in": "id", "zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-CN": "zh"}
	langs := []string{"en"}
	for tag := range tests {
		langs = append(langs, tag)
	}
	c, diags := Load([]fs.FS{theme.FS()}, langs, "en")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for tag, lang := range tests {
		if missing := c.Missing(tag); len(missing) > 0 {
			t.Errorf("%s: missing %v", tag, missing)
		}
		if file, _ := c.Origin(tag, "fallback_title"); file != path.Join(Dir, lang+".toml") {
			t.Errorf("%s: fallback_title comes from %q, want %s.toml", tag, file, lang)
		}
	}
}

// TestThemeKurmanji checks that a site language "kmr" (Kurmanji) reads the
// theme's ku.toml and counts by Kurdish's CLDR rules, one and other, which
// go-i18n has for ku and not for kmr; and that a site with both tags,
// which would count one language twice, is an error.
func TestThemeKurmanji(t *testing.T) {
	c, diags := Load([]fs.FS{theme.FS()}, []string{"en", "kmr"}, "en")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if missing := c.Missing("kmr"); len(missing) > 0 {
		t.Errorf("kmr: missing %v", missing)
	}
	if file, _ := c.Origin("kmr", "fallback_title"); file != "i18n/ku.toml" {
		t.Errorf("kmr: fallback_title comes from %q, want i18n/ku.toml", file)
	}
	for n, want := range map[int]string{1: "Di vê beşê de 1 rûpel heye", 2: "Di vê beşê de 2 rûpel hene", 0: "Di vê beşê de 0 rûpel hene"} {
		if got, err := c.T("kmr", "section_children", n); err != nil || got != want {
			t.Errorf("kmr: section_children %d = %q, %v; want %q", n, got, err, want)
		}
	}
	_, diags = Load([]fs.FS{theme.FS()}, []string{"en", "ku", "kmr"}, "en")
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "ku and kmr") {
		t.Errorf("a site in ku and kmr: %v; want an error naming both", diags)
	}
}

// TestCheckMessagesFinds feeds checkMessages files with one defect each, so
// that TestThemeMessages is known to fail when the theme has such a defect.
func TestCheckMessagesFinds(t *testing.T) {
	langs := []string{"en", "pl", "ar", "ja"}
	forms := probeForms(t, langs)
	en := "hello = \"Hello\"\nupdated = \"Updated {{.Date}}\"\n[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n"
	pl := "hello = \"Cześć\"\nupdated = \"Zaktualizowano {{.Date}}\"\n[pages]\none = \"{{.Count}} strona\"\nfew = \"{{.Count}} strony\"\nmany = \"{{.Count}} stron\"\nother = \"{{.Count}} strony\"\n"
	ar := "hello = \"مرحبا\"\nupdated = \"آخر تحديث: {{.Date}}\"\n[pages]\nzero = \"لا صفحات\"\none = \"صفحة واحدة\"\ntwo = \"صفحتان\"\nfew = \"{{.Count}} صفحات\"\nmany = \"{{.Count}} صفحة\"\nother = \"{{.Count}} صفحة\"\n"
	ja := "hello = \"こんにちは\"\nupdated = \"{{.Date}}更新\"\n[pages]\nother = \"{{.Count}}ページ\"\n"
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
		{"template error", "ar", strings.Replace(ar, "{{.Date}}", "{{.Date.Year}}", 1), `ar.toml: message "updated": template: :1:26: executing "" at <.Date.Year>: can't evaluate field Year`},
		{"no file", "ar", "", `ar.toml: open i18n/ar.toml: file does not exist`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"en": en, "pl": pl, "ar": ar, "ja": ja}
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
// language ref: every language defines exactly ref's ids, itself or through
// a parent tag among langs (pt-BR through pt); a message is
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
			if have[id] == nil && !parentHas(files, l, id) {
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
			m := files[l][id]
			plural := isPlural(m) || (want[id] != nil && isPlural(want[id]))
			for _, p := range renderProblems(c, l, m, plural, forms[l]) {
				report(l, "message %q%s", id, p)
			}
		}
	}
	return problems
}

// parentHas reports whether a file of a parent tag in lang's Chain defines
// id: a regional file such as pt-BR holds only what differs from pt.
func parentHas(files map[string]map[string]*i18n.Message, lang, id string) bool {
	for _, tag := range Chain(lang)[1:] {
		if files[tag][id] != nil {
			return true
		}
	}
	return false
}

// sampleArgs are the named arguments messages are rendered with.
var sampleArgs = []any{"Date", "‹date›", "Day", 22, "Month", "‹month›", "Year", 2026, "Section", "‹section›",
	"Language", "‹language›", "Term", "‹term›", "Page", 3, "Total", 17, "Number", 5}

var sampleCounts = []string{"0", "1", "2", "3", "5", "11", "22", "101", "1.5"}

// renderProblems renders one message of lang with sample data and says what
// is wrong with the result, each problem starting with the sample. plural
// says whether layouts give the message a count: the reference language's
// message has plural forms, even where lang's has only other (ja, zh).
func renderProblems(c *Catalog, lang string, m *i18n.Message, plural bool, forms map[string]string) []string {
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
	if !plural {
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
	langs := slices.Concat(themeLangs, themeRegional)
	c, diags := Load([]fs.FS{theme.FS()}, langs, "da")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := map[string]string{
		"da":      "1. december 2026",
		"en":      "1 December 2026",
		"kl":      "1. decembari 2026",
		"sv":      "1 december 2026",
		"nb":      "1. desember 2026",
		"de":      "1. Dezember 2026",
		"pl":      "1 grudnia 2026",
		"uk":      "1 грудня 2026",
		"tr":      "1 Aralık 2026",
		"ar":      "1 ديسمبر 2026",
		"fa":      "1 دسامبر 2026",
		"fa-AF":   "1 دسمبر 2026",
		"ps":      "2026 دسمبر 1",
		"ckb":     "1ی کانوونی یەکەمی 2026",
		"ku":      "1ê berfanbara 2026an",
		"ur":      "1 دسمبر، 2026",
		"he":      "1 בדצמבר 2026",
		"so":      "1 Diseembar 2026",
		"ti":      "1 ታሕሳስ 2026",
		"am":      "1 ዲሴምበር 2026",
		"sw":      "1 Desemba 2026",
		"hi":      "1 दिसंबर 2026",
		"bn":      "1 ডিসেম্বর, 2026",
		"ta":      "1 டிசம்பர், 2026",
		"te":      "1 డిసెంబర్, 2026",
		"ne":      "2026 डिसेम्बर 1",
		"si":      "2026 දෙසැම්බර් 1",
		"th":      "1 ธันวาคม ค.ศ. 2026",
		"vi":      "1 tháng 12, 2026",
		"fil":     "Disyembre 1, 2026",
		"id":      "1 Desember 2026",
		"ms":      "1 Disember 2026",
		"zh":      "2026年12月1日",
		"zh-Hant": "2026年12月1日",
		"ja":      "2026年12月1日",
		"ko":      "2026년 12월 1일",
		"hy":      "1 դեկտեմբերի, 2026 թ.",
		"ka":      "1 დეკემბერი, 2026",
		"az":      "1 dekabr 2026",
		"uz":      "1-dekabr, 2026",
		"kk":      "2026 ж. 1 желтоқсан",
		"mn":      "2026 оны арван хоёрдугаар сарын 1",
		"nn":      "1. desember 2026",
		"fo":      "1. desember 2026",
		"is":      "1. desember 2026",
		"fi":      "1. joulukuuta 2026",
		"et":      "1. detsember 2026",
		"lv":      "2026. gada 1. decembris",
		"lt":      "2026 m. gruodžio 1 d.",
		"fr":      "1er décembre 2026",
		"es":      "1 de diciembre de 2026",
		"it":      "1º dicembre 2026",
		"pt":      "1 de dezembro de 2026",
		"nl":      "1 december 2026",
		"ca":      "1 de desembre de 2026",
		"gl":      "1 de decembro de 2026",
		"eu":      "2026ko abenduaren 1a",
		"ro":      "1 decembrie 2026",
		"cs":      "1. prosince 2026",
		"sk":      "1. decembra 2026",
		"sl":      "1. decembra 2026",
		"hr":      "1. prosinca 2026.",
		"bs":      "1. decembra 2026.",
		"sr":      "1. децембра 2026.",
		"sq":      "1 dhjetor 2026",
		"hu":      "2026. december 1.",
		"el":      "1 Δεκεμβρίου 2026",
		"bg":      "1 декември 2026 г.",
		"mk":      "1 декември 2026",
		"be":      "1 снежня 2026 г.",

		"pt-BR":   "1 de dezembro de 2026", // through pt
		"sr-Latn": "1. decembra 2026.",
	}
	for _, l := range langs {
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

// TestThemeDateTemplates checks the date patterns that do more than put
// day, month and year in order: French and Italian mark the first of the
// month, Catalan elides "de" before a vowel, Basque suffixes the year with
// -ko or -eko by how it is read and the day with -a unless its name ends in a.
func TestThemeDateTemplates(t *testing.T) {
	c, diags := Load([]fs.FS{theme.FS()}, themeLangs, "da")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	tests := []struct {
		lang    string
		y, m, d int
		want    string
	}{
		{"fr", 2026, 12, 2, "2 décembre 2026"},
		{"fr", 2027, 1, 1, "1er janvier 2027"},
		{"it", 2026, 12, 2, "2 dicembre 2026"},
		{"ca", 2026, 4, 1, "1 d’abril de 2026"},
		{"ca", 2026, 10, 12, "12 d’octubre de 2026"},
		{"eu", 2021, 3, 11, "2021eko martxoaren 11"},
		{"eu", 2025, 5, 1, "2025eko maiatzaren 1a"},
		{"eu", 2030, 1, 31, "2030eko urtarrilaren 31"},
		{"eu", 2000, 9, 22, "2000ko irailaren 22a"},
		{"eu", 2027, 12, 10, "2027ko abenduaren 10a"},
		{"eu", 2041, 6, 2, "2041eko ekainaren 2a"},
		{"eu", 2100, 6, 2, "2100eko ekainaren 2a"},
	}
	for _, tt := range tests {
		got, err := c.Date(tt.lang, time.Date(tt.y, time.Month(tt.m), tt.d, 0, 0, 0, 0, time.UTC))
		if err != nil || got != tt.want {
			t.Errorf("%s %d-%02d-%02d: %q, %v; want %q", tt.lang, tt.y, tt.m, tt.d, got, err, tt.want)
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
