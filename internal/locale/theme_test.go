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
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/udenmitid/sitegen/internal/theme"
)

// themeLangs returns the languages the built-in theme has UI strings for:
// every i18n/<lang>.toml it holds, so that a language file added to the
// theme is held to every test here without being named.
func themeLangs(t testing.TB) []string {
	t.Helper()
	names, err := fs.Glob(theme.FS(), Dir+"/*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no theme message files: %v", err)
	}
	var out []string
	for _, n := range names {
		out = append(out, strings.TrimSuffix(path.Base(n), ".toml"))
	}
	return out
}

// notEnglish are the messages of a fallback page's notice: a reader who
// does not read the page's language must at least be told, in theirs, that
// the page is not in it, so a language's own text may not be English.
var notEnglish = []string{"fallback_title", "not_in_language"}

// TestThemeMessages holds every theme language to en.toml (checkMessages)
// and its notice to its own language.
func TestThemeMessages(t *testing.T) {
	langs := themeLangs(t)
	for _, p := range checkMessages(theme.FS(), langs, "en") {
		t.Error(p)
	}
	c, diags := Load([]fs.FS{theme.FS()}, langs, "en")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, l := range langs {
		if base, _ := language.Make(l).Base(); base.String() == "en" {
			continue
		}
		for _, id := range notEnglish {
			got, _ := c.T(l, id)
			en, _ := c.T("en", id)
			if got == en {
				t.Errorf("%s.toml: %s is English (%q): write it in the language", l, id, got)
			}
		}
	}
}

// newerCLDR are the languages whose plural rules in go-i18n, which
// sitegen follows (Forms, T), differ from golang.org/x/text's: x/text
// carries CLDR 32 (2017), go-i18n a 2025 release, and CLDR changed these
// between them. Each entry says how sitegen's differ from x/text's;
// TestPluralRules requires the difference, so that an entry goes once
// x/text catches up.
var newerCLDR = map[string]string{
	"fr":    "many for a million and more (1 000 000 de pages)",
	"es":    "many for a million and more",
	"it":    "many for a million and more",
	"pt":    "many for a million and more",
	"pt-BR": "many for a million and more",
	"ca":    "many for a million and more",
	"gl":    "many for a million and more",
	"he":    "no many (x/text: 20, 30, ... 100, ...)",
	"mk":    "11, 111, ... are other, not one",
	"vi":    "one for 0 and 1",
}

// noGoI18nRules are the languages go-i18n has no plural rules for, nor for
// a macrolanguage of theirs, whose rules sitegen takes from x/text instead:
// CLDR's root rules, other alone. Kurmanji (kmr) counts as Kurdish (ku),
// which go-i18n has (TestForms).
var noGoI18nRules = []string{"fkv"}

// TestPluralRules holds, for every theme language and every language the
// lists above name, and Kurmanji, where sitegen's plural rules come from:
// go-i18n's unless noGoI18nRules lists the language, and equal over whole
// counts to a thousand and a few millions to x/text's for the same tag
// (rulesTag: ku for kmr) unless newerCLDR lists it. The
// forms a language needs (Forms, from a sample of counts) are the forms
// those counts take.
func TestPluralRules(t *testing.T) {
	var counts []int
	for n := 0; n <= 1000; n++ {
		counts = append(counts, n)
	}
	counts = append(counts, 1_000_000, 2_000_000, 10_000_000)
	langs := themeLangs(t)
	for _, l := range append(slices.Sorted(maps.Keys(newerCLDR)), append(noGoI18nRules, "kmr")...) {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	for _, l := range langs {
		if fromXText := rulesOf(l).probe == nil; fromXText != slices.Contains(noGoI18nRules, l) {
			t.Errorf("%s: rules from x/text %v, but noGoI18nRules lists it: %v", l, fromXText, !fromXText)
		}
		var diffs []string
		taken := map[string]bool{"other": true}
		for _, n := range counts {
			theirs := categoryName[plural.Cardinal.MatchPlural(rulesTag(l), n, 0, 0, 0, 0)]
			ours, _ := formOf(l, n)
			taken[ours] = true
			if ours != theirs {
				diffs = append(diffs, fmt.Sprintf("%d is %s, x/text says %s", n, ours, theirs))
			}
		}
		if got := Forms(l); len(got) != len(taken) {
			t.Errorf("%s: Forms = %v, but counts take %v", l, got, slices.Sorted(maps.Keys(taken)))
		}
		switch why, listed := newerCLDR[l]; {
		case listed && len(diffs) == 0:
			t.Errorf("%s: x/text's rules are now sitegen's; remove %q from newerCLDR", l, why)
		case !listed && len(diffs) > 0:
			t.Errorf("%s: sitegen's rules differ from x/text's: %s", l, strings.Join(diffs[:min(len(diffs), 5)], "; "))
		}
	}
}

// TestThemeKurmanji checks that a site language "kmr" (Kurmanji) reads the
// theme's ku.toml and counts by Kurdish's CLDR rules, one and other, which
// go-i18n has for ku and not for kmr; a site may have both tags.
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
	if _, diags = Load([]fs.FS{theme.FS()}, []string{"en", "ku", "kmr"}, "en"); diags.HasErrors() {
		t.Errorf("a site in ku and kmr: %v", diags)
	}
}

// TestCheckMessagesFinds feeds checkMessages files with one defect each, so
// that TestThemeMessages is known to fail when the theme has such a defect.
func TestCheckMessagesFinds(t *testing.T) {
	langs := []string{"en", "pl", "ar"}
	en := "hello = \"Hello\"\nupdated = \"Updated {{.Date}}\"\n[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n"
	pl := "hello = \"Cześć\"\nupdated = \"Zaktualizowano {{.Date}}\"\n[pages]\none = \"{{.Count}} strona\"\nfew = \"{{.Count}} strony\"\nmany = \"{{.Count}} stron\"\nother = \"{{.Count}} strony\"\n"
	ar := "hello = \"مرحبا\"\nupdated = \"آخر تحديث: {{.Date}}\"\n[pages]\nzero = \"لا صفحات\"\none = \"صفحة واحدة\"\ntwo = \"صفحتان\"\nfew = \"{{.Count}} صفحات\"\nmany = \"{{.Count}} صفحة\"\nother = \"{{.Count}} صفحة\"\n"
	tests := []struct {
		name, lang, file, want string
	}{
		{"good", "", "", ""},
		{"missing id", "pl", strings.Replace(pl, "hello = \"Cześć\"\n", "", 1), `pl.toml: missing message "hello"`},
		{"extra id", "pl", "bye = \"Pa\"\n" + pl, `pl.toml: message "bye" is not in en.toml`},
		{"missing form", "pl", strings.Replace(pl, "few = \"{{.Count}} strony\"\n", "", 1), `pl.toml: message "pages" has the plural forms [one many other]; pl needs [one few many other]`},
		{"form the language lacks", "pl", strings.Replace(pl, "[pages]\n", "[pages]\ntwo = \"{{.Count}} strony\"\n", 1), `pl.toml: message "pages" has the plural forms [one two few many other]`},
		{"plural where en has none", "pl", strings.Replace(pl, "hello = \"Cześć\"\n", "", 1) + "[hello]\none = \"Cześć\"\nother = \"Cześć\"\n", `pl.toml: message "hello" has the plural forms [one other]; pl needs [other]`},
		{"other field", "pl", strings.Replace(pl, "{{.Date}}", "{{.Day}}", 1), `pl.toml: message "updated" uses the fields [Day]; en.toml's uses [Date]`},
		{"unknown field", "en", strings.Replace(en, "{{.Date}}", "{{.When}}", 1), `en.toml: i18n/en.toml:2: message "updated": {{.When}}: no layout gives a UI string an argument When`},
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
			problems := checkMessages(fsys, langs, "en")
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
// a parent tag among langs (pt-BR through pt, fa-AF through fa); a message is
// plural where ref's is, with exactly the forms its language needs
// (Forms); it uses the template fields ref's does, which are fields the
// layouts pass (sampleArgs); and it renders, for plurals with counts 0 to
// 101 and 1.5, showing the count wherever the form serves more than one
// whole number.
func checkMessages(fsys fs.FS, langs []string, ref string) []string {
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
	var known []string
	for i := 0; i < len(sampleArgs); i += 2 {
		known = append(known, sampleArgs[i].(string))
	}
	for _, id := range sortedIDs(want) {
		for _, f := range fieldsOf(want[id]) {
			if f != "Count" && !slices.Contains(known, f) {
				report(ref, "message %q uses the fields %v; layouts pass only Count, %s", id, fieldsOf(want[id]), strings.Join(known, ", "))
				break
			}
		}
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
			if r == nil {
				report(l, "message %q is not in %s.toml", id, ref)
				continue
			}
			needs := []string{"other"}
			if r != nil && isPlural(r) {
				needs = Forms(l)
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
			for _, p := range renderProblems(c, l, files[l][id]) {
				report(l, "message %q%s", id, p)
			}
		}
	}
	return problems
}

// sampleArgs are the named arguments the layouts pass to messages, with
// sample values to render them with. A message may use these and Count.
var sampleArgs = []any{"Date", "‹date›", "Day", 22, "Month", "‹month›", "Year", 2026, "Section", "‹section›",
	"Language", "‹language›", "Term", "‹term›", "Page", 3, "Total", 17, "Number", 5}

var sampleCounts = []string{"0", "1", "2", "3", "5", "11", "22", "101", "1.5"}

// renderProblems renders one message of lang with sample data and says what
// is wrong with the result, each problem starting with the sample.
func renderProblems(c *Catalog, lang string, m *i18n.Message) []string {
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
		form, _ := formOf(lang, count)
		if check(" with count "+n, s, err) && servesMany(lang, form) && !strings.Contains(s, n) {
			out = append(out, fmt.Sprintf(" with count %s: %q does not show the count", n, s))
		}
	}
	return out
}

// servesMany reports whether more than one whole number has the form in
// lang, so that a message in that form must say which number it means.
// Only whole numbers count: the layouts pass lengths and limits.
func servesMany(lang, form string) bool {
	seen := 0
	for _, n := range wholeCounts {
		if f, _ := formOf(lang, n); f == form {
			seen++
		}
	}
	return seen > 1
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
	return slices.Sorted(maps.Keys(msgs))
}

// TestThemeDates formats a date in every theme language, and one in every
// month: the pattern and the month names fit together.
func TestThemeDates(t *testing.T) {
	langs := themeLangs(t)
	c, diags := Load([]fs.FS{theme.FS()}, langs, "da")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := map[string]string{ // written by hand from each language's usage
		"da":      "1. december 2026",
		"en":      "1 December 2026",
		"kl":      "1. decembari 2026",
		"sv":      "1 december 2026",
		"nb":      "1. desember 2026",
		"de":      "1. Dezember 2026",
		"pl":      "1 grudnia 2026",
		"uk":      "1 грудня 2026",
		"ru":      "1 декабря 2026",
		"tr":      "1 Aralık 2026",
		"ar":      "1 ديسمبر 2026",
		"cy":      "1 Rhagfyr 2026",
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
		"fr":      "1 décembre 2026",
		"es":      "1 de diciembre de 2026",
		"it":      "1 dicembre 2026",
		"pt":      "1 de dezembro de 2026",
		"nl":      "1 december 2026",
		"ca":      "1 de desembre de 2026",
		"gl":      "1 de decembro de 2026",
		"eu":      "2026(e)ko abenduaren 1(a)",
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
		got, err := c.Date(l, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
		if w, ok := want[l]; err != nil || ok && got != w {
			t.Errorf("%s: date = %q, %v; want %q", l, got, err, w)
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
	c, diags := Load([]fs.FS{theme.FS()}, themeLangs(t), "da")
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
