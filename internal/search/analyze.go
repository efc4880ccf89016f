package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/arabic"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/hungarian"
	"github.com/blevesearch/snowballstem/irish"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/norwegian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/romanian"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
	"github.com/blevesearch/snowballstem/swedish"
	"github.com/blevesearch/snowballstem/tamil"
	"github.com/blevesearch/snowballstem/turkish"
	"golang.org/x/text/unicode/norm"
)

// An Analyzer reads the text of one language into search terms, as the
// package doc's "Analysis" describes. For returns the one of a language;
// it is safe for concurrent use.
type Analyzer struct {
	lang     string
	base     string                       // the tag's language subtag, lower case: "pt" for "pt-BR"
	digraphs []string                     // old, new pairs: the language's spellings of letters without marks
	replacer *strings.Replacer            // of digraphs, or nil
	stemmer  func(*snowballstem.Env) bool // nil when Snowball has none for the language
	turkic   bool                         // dotted and dotless i as in Turkish and Azerbaijani

	counters sync.Pool // of *counter, each with its own words' keys and stems
}

// stemmers are the Snowball stemmers of github.com/blevesearch/snowballstem
// (generated from the Snowball sources, so they are the reference
// algorithms) by language subtag.
var stemmers = map[string]func(*snowballstem.Env) bool{
	"ar": arabic.Stem, "da": danish.Stem, "nl": dutch.Stem, "en": english.Stem, "fi": finnish.Stem,
	"fr": french.Stem, "de": german.Stem, "hu": hungarian.Stem, "ga": irish.Stem, "it": italian.Stem,
	"nb": norwegian.Stem, "nn": norwegian.Stem, "no": norwegian.Stem, "pt": portuguese.Stem,
	"ro": romanian.Stem, "ru": russian.Stem, "es": spanish.Stem, "sv": swedish.Stem, "ta": tamil.Stem,
	"tr": turkish.Stem,
}

// digraphs are the spellings that readers of a language type for its
// letters with marks, besides the letter without its mark (which every
// language folds to): "aa" for å and "oe" for ø in Danish and Norwegian,
// "ae" "oe" "ue" for ä ö ü in German. Each is folded to the letter
// without its mark, in the index and in the query alike.
var digraphs = map[string][]string{
	"da": {"aa", "a", "oe", "o"},
	"nb": {"aa", "a", "oe", "o"},
	"nn": {"aa", "a", "oe", "o"},
	"no": {"aa", "a", "oe", "o"},
	"de": {"ae", "a", "oe", "o", "ue", "u"},
}

// StemLanguages lists the language subtags that have a stemmer.
func StemLanguages() []string {
	var out []string
	for l := range stemmers {
		out = append(out, l)
	}
	return out
}

var analyzers sync.Map // tag -> *Analyzer

// For returns the Analyzer of a language, by its BCP 47 tag as the site
// configures it ("da", "pt-BR", "zh-Hans"): the rules of its language
// subtag. A language without rules of its own gets the rules every
// language shares (case, marks, scripts written without spaces).
func For(lang string) *Analyzer {
	if a, ok := analyzers.Load(lang); ok {
		return a.(*Analyzer)
	}
	base, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	a := &Analyzer{lang: lang, base: base, digraphs: digraphs[base], stemmer: stemmers[base], turkic: base == "tr" || base == "az"}
	if len(a.digraphs) > 0 {
		a.replacer = strings.NewReplacer(a.digraphs...)
	}
	a.counters.New = func() any { return newCounter() }
	v, _ := analyzers.LoadOrStore(lang, a)
	return v.(*Analyzer)
}

// Lang returns the tag the Analyzer was made for.
func (a *Analyzer) Lang() string { return a.lang }

// Digraphs returns the language's digraph folds as a map, for the index:
// search.js folds queries with them.
func (a *Analyzer) Digraphs() map[string]string {
	if len(a.digraphs) == 0 {
		return nil
	}
	m := map[string]string{}
	for i := 0; i < len(a.digraphs); i += 2 {
		m[a.digraphs[i]] = a.digraphs[i+1]
	}
	return m
}

// A Token is one searchable unit of a text.
type Token struct {
	Key  string // the folded form readers' queries are matched against
	Unit bool   // a character or pair of characters of a script written without spaces
}

// Keys returns the tokens of a text as a query is read: the key of each
// word, and for a script written without spaces its pairs of characters
// (or the character, when it stands alone). search.js reads queries and
// titles the same way (its analyser), and a test runs the same text
// through both.
func (a *Analyzer) Keys(s string) []Token { return a.tokens(s, false) }

// tokens is Keys, with index as scan has it.
func (a *Analyzer) tokens(s string, index bool) []Token {
	var out []Token
	var buf []byte
	a.scan(s, index, func(lower []byte) {
		buf = a.fold(buf[:0], lower)
		if len(buf) > 0 {
			out = append(out, Token{Key: string(buf)})
		}
	}, func(u string) { out = append(out, Token{Key: u, Unit: true}) })
	return out
}

// Normalize returns the keys of s (Keys) separated by spaces.
func (a *Analyzer) Normalize(s string) string {
	var b strings.Builder
	for i, t := range a.Keys(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Key)
	}
	return b.String()
}

// Stem returns the stem of a word as the index holds it: the Snowball
// stem of the word in lower case (dotless ı kept for Turkish), folded as
// its key is; for a language without a stemmer, or a word without
// letters, the key. lower is the word as scan gives it.
func (a *Analyzer) stem(lower []byte, key string) string {
	if a.stemmer == nil || !hasLetter(lower) {
		return key
	}
	env := snowballstem.NewEnv(string(lower))
	if !safeStem(a.stemmer, env) {
		return key
	}
	s := a.fold(nil, []byte(env.Current()))
	if len(s) == 0 {
		return key
	}
	return string(s)
}

// safeStem runs a generated stemmer, which is not this project's code:
// a panic on an odd word leaves the word unstemmed rather than failing
// the build.
func safeStem(f func(*snowballstem.Env) bool, env *snowballstem.Env) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	f(env)
	return true
}

func hasLetter(b []byte) bool {
	for _, r := range string(b) {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// The classes of a character for scan.
const (
	classSep    = iota // not part of a word
	classMark          // a combining mark: part of the character before it
	classDigit         // a decimal digit: part of a word
	classUnit          // a letter of a script written without spaces
	classCommon        // a letter of no script (ー): joins the word or run before it
	classLetter        // a letter of a script written with spaces
)

// unitScripts are the scripts written without spaces between words, cut
// into pairs of characters as Lucene's CJK analyser does (Korean too,
// whose words carry their particles).
var unitScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
	unicode.Bopomofo, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tai_Tham,
	unicode.New_Tai_Lue, unicode.Tai_Le, unicode.Tai_Viet}

func classOf(r rune) int {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return classLetter
		}
		if '0' <= r && r <= '9' {
			return classDigit
		}
		return classSep
	case unicode.IsMark(r):
		return classMark
	case unicode.Is(unicode.Nd, r):
		return classDigit
	case !unicode.IsLetter(r):
		return classSep
	case unicode.In(r, unitScripts...):
		return classUnit
	case unicode.In(r, unicode.Common, unicode.Inherited):
		return classCommon
	}
	return classLetter
}

// scan reads s in NFKC and lower case and calls word with each word (in
// lower case, not folded) and unit with each unit of a script written
// without spaces: a run of n characters (each with its marks) gives its
// n-1 pairs and, when index is set, its last character, so that every
// character of the run begins a unit and a query of one character
// finds it; a run of one character gives that character.
func (a *Analyzer) scan(s string, index bool, word func(lower []byte), unit func(string)) {
	s = nfkc(s)
	var w []byte
	var units []string
	var cur []byte // the unit being read: a character and its marks
	seg := classSep
	flushWord := func() {
		if len(w) > 0 {
			word(w)
			w = w[:0]
		}
	}
	flushUnits := func() {
		if len(cur) > 0 {
			units = append(units, string(cur))
			cur = cur[:0]
		}
		switch {
		case len(units) == 1:
			unit(units[0])
		case len(units) > 1:
			for i := 0; i+1 < len(units); i++ {
				unit(units[i] + units[i+1])
			}
			if index {
				unit(units[len(units)-1])
			}
		}
		units = units[:0]
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if a.turkic {
			r = unicode.TurkishCase.ToLower(r)
		} else if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		} else if r >= 0x80 {
			r = unicode.ToLower(r)
		}
		c := classOf(r)
		if c == classCommon {
			c = classLetter
			if seg == classUnit {
				c = classUnit
			}
		}
		switch c {
		case classSep:
			flushWord()
			flushUnits()
			seg = classSep
		case classMark:
			if seg == classUnit {
				cur = utf8.AppendRune(cur, r)
			} else {
				w = utf8.AppendRune(w, r)
				seg = classLetter
			}
		case classUnit:
			if seg != classUnit {
				flushWord()
				seg = classUnit
			}
			if len(cur) > 0 {
				units = append(units, string(cur))
				cur = cur[:0]
			}
			cur = utf8.AppendRune(cur, r)
		default: // a letter or digit of a word
			if seg == classUnit {
				flushUnits()
			}
			seg = classLetter
			w = utf8.AppendRune(w, r)
		}
	}
	flushWord()
	flushUnits()
}

// letterFolds are the letters, in lower case, that readers type as other
// letters and that have no decomposition to drop a mark from: æ and œ
// spelt out, the Scandinavian ø and the Polish ł without their strokes,
// the dotless ı (so that Turkish "Işık", "ışık" and "isik" are one word),
// the old Greenlandic ĸ as q, final ς as σ, Russian ё as е; in Arabic
// script the forms of yeh, kaf and heh that Arabic and Persian keyboards
// write differently as one, tatweel (a stretch of the line) dropped, and
// Arabic-Indic digits as digits.
var letterFolds = map[rune]string{
	'æ': "ae", 'ø': "o", 'œ': "oe", 'ß': "ss", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
	'ħ': "h", 'ŧ': "t", 'ĸ': "q", 'ς': "σ", 'ё': "е", 'ѐ': "е", 'ѝ': "и",
	'ى': "ی", 'ي': "ی", 'ك': "ک", 'ة': "ه", 'ۀ': "ه", 'ـ': "",
	'٠': "0", '١': "1", '٢': "2", '٣': "3", '٤': "4", '٥': "5", '٦': "6", '٧': "7", '٨': "8", '٩': "9",
	'۰': "0", '۱': "1", '۲': "2", '۳': "3", '۴': "4", '۵': "5", '۶': "6", '۷': "7", '۸': "8", '۹': "9",
}

// markScripts are the scripts whose marks readers leave out: accents of
// Latin, Greek and Cyrillic letters, vowel points of Hebrew, Arabic and
// Syriac. Their marks are dropped; a Cyrillic letter written with a mark
// (й, ї, ў) is a letter of its own and stays. Marks of other scripts
// (Indic vowel signs and viramas, Thai vowels, kana voicing marks) change
// the word and are kept.
var markScripts = []*unicode.RangeTable{unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Armenian,
	unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Common}

// fold appends the key of a word in lower case (from scan) to b: letters
// folded (letterFolds), marks dropped where markScripts says, then the
// language's digraphs.
func (a *Analyzer) fold(b []byte, lower []byte) []byte {
	start := len(b)
	drop := true // the marks after the last letter are dropped
	for i := 0; i < len(lower); {
		r, size := utf8.DecodeRune(lower[i:])
		i += size
		if r < 0x80 {
			b = append(b, byte(r))
			drop = true
			continue
		}
		if f, ok := letterFolds[r]; ok {
			b = append(b, f...)
			drop = true
			continue
		}
		if unicode.In(r, unicode.Mn, unicode.Me) {
			if !drop {
				b = utf8.AppendRune(b, r)
			}
			continue
		}
		if unicode.IsMark(r) || !unicode.In(r, markScripts...) {
			b = utf8.AppendRune(b, r)
			drop = unicode.IsMark(r) && drop
			continue
		}
		drop = true
		if unicode.Is(unicode.Cyrillic, r) {
			b = utf8.AppendRune(b, r)
			continue
		}
		// The letter without its marks, folded too: Arabic ئ is ي, then ی.
		for _, p := range norm.NFD.String(string(r)) {
			if f, ok := letterFolds[p]; ok {
				b = append(b, f...)
			} else if !unicode.Is(unicode.Mn, p) {
				b = utf8.AppendRune(b, p)
			}
		}
	}
	if a.replacer != nil && len(b) > start+1 {
		folded := a.replacer.Replace(string(b[start:]))
		b = append(b[:start], folded...)
	}
	return b
}

// nfkc returns s in Unicode normalization form KC: decomposed letters
// composed (as macOS and PDFs write them), and compatibility forms as
// what they stand for: ligatures (ﬁ), full- and half-width forms
// (ＭｉｔＩＤ, ｶﾞ), Arabic presentation forms.
func nfkc(s string) string {
	if norm.NFKC.IsNormalString(s) {
		return s
	}
	return norm.NFKC.String(s)
}
