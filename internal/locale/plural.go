package locale

import (
	"fmt"
	"math"
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
// needs: x/text's rules look at a whole number below 100 as it is and at
// a larger one by its last two digits, with two hard-wired exceptions
// (Azerbaijani hundreds below 1000, Breton millions), so these counts
// reach every category any language gives a whole number.
var wholeCounts = func() []int {
	var out []int
	for n := 0; n <= 1000; n++ {
		out = append(out, n)
	}
	return append(out, 1_000_000, 2_000_000)
}()

var formsCache sync.Map // language tag -> []string

// Forms returns the plural forms a message that counts things needs in
// lang, in CLDR's order: the CLDR categories its cardinal rules give whole
// numbers, and other, which every message has (it serves fractions in
// Polish or Russian, and counts a language does not tell apart). Danish
// needs one and other, Russian one, few, many and other, Arabic and Welsh
// all six, Japanese only other.
//
// The rules are CLDR's as golang.org/x/text/feature/plural holds them
// (CLDR 32), the same rules T picks a form by, so a message with these
// forms has one for every count. A tag with a region or script has its
// own rules where CLDR gives it some (pt-PT), else its language's; a tag
// CLDR does not know gets CLDR's root rules: other alone.
func Forms(lang string) []string {
	if f, ok := formsCache.Load(lang); ok {
		return f.([]string)
	}
	tag := language.Make(lang)
	seen := map[string]bool{"other": true}
	for _, n := range wholeCounts {
		seen[categoryName[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]] = true
	}
	var out []string
	for _, f := range formNames {
		if seen[f] {
			out = append(out, f)
		}
	}
	formsCache.Store(lang, out)
	return out
}

// formOf returns the CLDR category of count in lang: "one", "few", ...
// count is an integer, a float or a decimal string ("1.50": its trailing
// zero counts, as CLDR's operand v does).
func formOf(lang string, count any) (string, error) {
	i, v, f, err := operands(count)
	if err != nil {
		return "", err
	}
	return categoryName[plural.Cardinal.MatchPlural(language.Make(lang), i, v, v, f, f)], nil
}

// operands returns CLDR's plural operands of a count: i, the integer
// digits; v, the number of visible fraction digits; f, those digits as a
// number. Values past what an int holds are taken modulo 10,000,000, as
// x/text's MatchPlural allows.
func operands(count any) (i, v, f int, err error) {
	var s string
	switch n := count.(type) {
	case int:
		return abs(n), 0, 0, nil
	case int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		s = fmt.Sprint(n)
	case float32:
		s = strconv.FormatFloat(float64(n), 'f', -1, 32)
	case float64:
		if math.IsInf(n, 0) || math.IsNaN(n) {
			return 0, 0, 0, fmt.Errorf("%v is not a count", n)
		}
		s = strconv.FormatFloat(n, 'f', -1, 64)
	case string:
		s = n
	default:
		return 0, 0, 0, fmt.Errorf("%v (%T) is not a count: give a number", count, count)
	}
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return 0, 0, 0, fmt.Errorf("%q is not a count: give a number", s)
	}
	return digits(whole), len(frac), digits(frac), nil
}

// digits reads a string of decimal digits, modulo 10,000,000 when longer.
func digits(s string) int {
	if len(s) > 7 {
		s = s[len(s)-7:]
	}
	n, _ := strconv.Atoi("0" + s)
	return n
}

func abs(n int) int {
	if n < 0 {
		if n == math.MinInt {
			return math.MaxInt % 10_000_000
		}
		return -n
	}
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

// isPlural reports whether a message has plural forms: any form but
// other. A message with other alone is one text for every count.
func isPlural(m *i18n.Message) bool {
	return m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != ""
}

// missingForms returns the forms lang needs (Forms) that a plural message
// lacks, or nil for a message with other alone.
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
// not reach, and a message with other alone serves every count.
func formText(m *i18n.Message, form string) string {
	s := map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many}[form]
	if s == "" {
		return m.Other
	}
	return s
}
