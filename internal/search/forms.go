package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A formTable maps each key of a language's index whose stem differs
// from it to its stem: the browser has no stemmer, so it looks a query's
// words up here (see "Stems" in the package doc).
type formTable struct {
	stemOf map[string]string
	cache  map[string]wordInfo // for analyse: lower-case word -> key and stem
}

func newFormTable() *formTable {
	return &formTable{stemOf: map[string]string{}, cache: map[string]wordInfo{}}
}

// add records that key's stem is stem. A key two words share (their folded
// forms meet) keeps the stem it was first seen with.
func (f *formTable) add(key, stem string) {
	if key == stem {
		return
	}
	if _, ok := f.stemOf[key]; !ok {
		f.stemOf[key] = stem
	}
}

// addPairs adds the pairs of a Body's Forms.
func (f *formTable) addPairs(pairs string) {
	for pairs != "" {
		var key, stem string
		key, pairs, _ = strings.Cut(pairs, " ")
		stem, pairs, _ = strings.Cut(pairs, " ")
		f.add(key, stem)
	}
}

// analyse calls yield with the stem of each token of s, in order, as the
// index reads titles, headings, descriptions and sections (with the last
// unit of a run, see scan), and adds their forms to the table.
func (f *formTable) analyse(a *Analyzer, s string, yield func(stem string)) {
	var buf []byte
	a.scan(s, true, func(lower []byte) {
		info, ok := f.cache[string(lower)]
		if !ok {
			buf = a.fold(buf[:0], lower)
			key := string(buf)
			info = wordInfo{key, a.stem(lower, key)}
			f.cache[string(lower)] = info
		}
		if info.key == "" {
			return
		}
		f.add(info.key, info.stem)
		yield(info.stem)
	}, yield)
}

// encode returns the table as the single file holds it: for each stem,
// its forms separated by spaces, each written as the stem's last letters
// to drop ("-" each) and the letters to add: "klag": "e er erne" for
// klage, klager, klagerne; "happi": "-y" for happy.
func (f *formTable) encode() map[string]string {
	byStem := map[string][]string{}
	for key, stem := range f.stemOf {
		byStem[stem] = append(byStem[stem], formItem(key, stem))
	}
	out := make(map[string]string, len(byStem))
	for stem, items := range byStem {
		slices.Sort(items)
		out[stem] = strings.Join(items, " ")
	}
	return out
}

// formItem writes key relative to its stem (encode).
func formItem(key, stem string) string {
	k, s := []rune(key), []rune(stem)
	p := 0
	for p < len(k) && p < len(s) && k[p] == s[p] {
		p++
	}
	return strings.Repeat("-", len(s)-p) + string(k[p:])
}

// MaxSuffixes bounds the endings an index lists (suffixes).
const MaxSuffixes = 64

// suffixes returns the endings the stemmer took off words of the index
// (where the stem begins the key), the most common first, at most
// MaxSuffixes: search.js reads a word that is in no page as one of these
// on a stem that is (see the package doc).
func (f *formTable) suffixes() []string {
	count := map[string]int{}
	for key, stem := range f.stemOf {
		if rest, ok := strings.CutPrefix(key, stem); ok && rest != "" && utf8.RuneCountInString(rest) <= 6 {
			count[rest]++
		}
	}
	var out []string
	for s := range count {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	return out[:min(len(out), MaxSuffixes)]
}
