package locale

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// formNames are the CLDR plural categories in CLDR's order, as message
// files name them.
var formNames = []string{"zero", "one", "two", "few", "many", "other"}

var categoryName = map[plural.Form]string{
	plural.Zero: "zero", plural.One: "one", plural.Two: "two",
	plural.Few: "few", plural.Many: "many", plural.Other: "other",
}

// wholeCounts are the counts whose categories make up what a language
// needs: every number below 110, since CLDR's rules for whole numbers look
// at small numbers one by one and at larger ones by their last two digits
// (a residue's category shows below 100, or it is other, as in Arabic
// 100), and the few thousands and millions some languages look at the
// last three to six digits of (Cornish thousands; the French, Spanish and
// Breton million). Asking go-i18n costs a few microseconds a count, once
// a language; TestPluralRules holds the sample to every count to a
// thousand in every theme language.
var wholeCounts = func() []int {
	var out []int
	for n := 0; n < 110; n++ {
		out = append(out, n)
	}
	return append(out, 1000, 2000, 20_000, 21_000, 100_000, 1_000_000, 2_000_000)
}()

// A ruleSet picks the CLDR plural category of a count in one language.
type ruleSet struct {
	lang  string
	probe *i18n.Localizer // go-i18n's rules, or nil
	tag   language.Tag    // for x/text's rules, when go-i18n has none
	forms []string        // Forms
}

var ruleSets sync.Map // language tag as written -> *ruleSet

// rulesOf returns lang's plural rules: go-i18n's, the CLDR release it
// carries (2025), asked through a message whose forms are the categories'
// names. A language go-i18n has no rules for, which CLDR counts under a
// macrolanguage it has rules for, counts by the macrolanguage's (rulesTag:
// Kurmanji, kmr, as Kurdish, ku, one and other); another (Kven, fkv) by
// golang.org/x/text's, whose CLDR release (32, 2017) gives a language it
// does not know CLDR's root rules: other alone.
func rulesOf(lang string) *ruleSet {
	if r, ok := ruleSets.Load(lang); ok {
		return r.(*ruleSet)
	}
	r := &ruleSet{lang: lang, tag: rulesTag(lang)}
	b := i18n.NewBundle(r.tag)
	probe := &i18n.Message{ID: "form", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(r.tag, probe); err == nil {
		r.probe = i18n.NewLocalizer(b, r.tag.String())
	}
	seen := map[string]bool{"other": true}
	for _, n := range wholeCounts {
		f, _ := r.form(int64(n), "")
		seen[f] = true
	}
	for _, f := range formNames {
		if seen[f] {
			r.forms = append(r.forms, f)
		}
	}
	v, _ := ruleSets.LoadOrStore(lang, r)
	return v.(*ruleSet)
}

// form returns the category of a count given as a whole number n, or, when
// dec is not empty, as the decimal dec ("1.50").
func (r *ruleSet) form(n int64, dec string) (string, error) {
	if r.probe != nil {
		var count any = n
		if dec != "" {
			count = dec
		}
		return r.probe.Localize(&i18n.LocalizeConfig{MessageID: "form", PluralCount: count})
	}
	i, v, f := int(n%10_000_000), 0, 0
	if dec != "" {
		whole, frac, _ := strings.Cut(dec, ".")
		i, v, f = digits(whole), len(frac), digits(frac)
	}
	return categoryName[plural.Cardinal.MatchPlural(r.tag, i, v, v, f, f)], nil
}

// Forms returns the plural forms a message that counts things needs in
// lang, in CLDR's order: the CLDR categories its cardinal rules give whole
// numbers, and other, which every message has (it serves fractions in
// Polish or Russian, and counts a language does not tell apart). Danish
// needs one and other, Russian one, few, many and other, Arabic and Welsh
// all six, French one, many (a million and more: 1 000 000 de pages) and
// other, Japanese only other.
//
// The rules are those T picks a form by, so a message with these forms
// has one for every count: CLDR's as go-i18n carries them (a 2025
// release), or, for a language go-i18n has no rules for, as
// golang.org/x/text/feature/plural does (CLDR 32, whose root rules, other
// alone, serve a language it does not know either). A tag with a region
// or script has its own rules where CLDR gives it some (pt-PT), else its
// language's.
func Forms(lang string) []string { return rulesOf(lang).forms }

// formOf returns the CLDR category of count in lang: "one", "few", ...
// count is an integer, a float or a decimal string ("1.50": its trailing
// zero counts, as CLDR's operand v does).
func formOf(lang string, count any) (string, error) {
	n, dec, err := normalize(count)
	if err != nil {
		return "", err
	}
	return rulesOf(lang).form(n, dec)
}

// normalize returns a count as a whole number, or as a decimal string
// with its sign left out when it has a fractional part or does not fit.
func normalize(count any) (int64, string, error) {
	var s string
	switch n := count.(type) {
	case int:
		if n == math.MinInt {
			return 0, strconv.Itoa(n)[1:], nil
		}
		return int64(max(n, -n)), "", nil
	case int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		s = fmt.Sprint(n)
	case float32:
		s = strconv.FormatFloat(float64(n), 'f', -1, 32)
	case float64:
		if math.IsInf(n, 0) || math.IsNaN(n) {
			return 0, "", fmt.Errorf("%v is not a count", n)
		}
		s = strconv.FormatFloat(n, 'f', -1, 64)
	case string:
		s = n
	default:
		return 0, "", fmt.Errorf("%v (%T) is not a count: give a number", count, count)
	}
	s = strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" || dot && frac == "" {
		return 0, "", fmt.Errorf("%q is not a count: give a number", s)
	}
	if len(whole) > 18 {
		// Past what go-i18n reads: CLDR's rules look at the last six
		// digits and at whether a number is large, which these keep.
		whole = "1" + whole[len(whole)-7:]
		s = whole
		if dot {
			s += "." + frac
		}
	}
	if i, err := strconv.ParseInt(whole, 10, 64); err == nil && !dot {
		return i, "", nil
	}
	return 0, s, nil
}

// digits reads a string of decimal digits, modulo 10,000,000 when longer,
// as x/text's MatchPlural allows.
func digits(s string) int {
	if len(s) > 7 {
		s = s[len(s)-7:]
	}
	n, _ := strconv.Atoi("0" + s)
	return n
}

// formsOf returns the plural forms a message defines, in CLDR's order.
func formsOf(m *i18n.Message) []string {
	var out []string
	for i, s := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if s != "" {
			out = append(out, formNames[i])
		}
	}
	return out
}

// isPlural reports whether a message counts: it has any form but other,
// or its text shows .Count. Either way a count picks its form, so it needs
// every form its language has.
func isPlural(m *i18n.Message) bool {
	return m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "" || countRE.MatchString(m.Other)
}

// countRE finds .Count in a template action.
var countRE = regexp.MustCompile(`\{\{[^}]*\.Count\b`)

// missingForms returns the forms lang needs (Forms) that a plural message
// lacks, or nil for a message that does not count.
func missingForms(lang string, m *i18n.Message) []string {
	if !isPlural(m) {
		return nil
	}
	have := formsOf(m)
	var out []string
	for _, f := range Forms(lang) {
		if !slices.Contains(have, f) {
			out = append(out, f)
		}
	}
	return out
}

// formText returns a message's text in form, or its other text when it has
// none in that form: a fraction may fall in a category whole numbers do
// not reach, and a message that does not count has other alone.
func formText(m *i18n.Message, form string) string {
	s := map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many}[form]
	if s == "" {
		return m.Other
	}
	return s
}
