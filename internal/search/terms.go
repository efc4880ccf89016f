package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxTerms is how many distinct stems of a page's body the index keeps; a
// unit of a script written without spaces counts as half of one, so a
// Chinese or Japanese page keeps up to twice as many of its pairs.
const MaxTerms = 120

// TextWords is how many words of a page Body reads (a unit counts as half
// a word): enough to find a long page's own words, without counting every
// word of every page.
const TextWords = 600

// A Body is what the index keeps of a page's text.
type Body struct {
	// Terms are the stems of the page's most frequent words, most frequent
	// first, separated by spaces.
	Terms string
	// Forms are the words of the text whose key is not their stem, for the
	// stems in Terms: "key stem" pairs, separated by spaces. The index
	// gathers them into its table of forms.
	Forms string
}

// Body returns the distinct stems of a text, most frequent first (the
// counts of all the words of one stem added up), at most max of them, and
// their forms. Words shorter than three letters are left out: a search
// matches prefixes of at least that length. Units are all kept.
func (a *Analyzer) Body(blocks []string, max int) Body {
	c := a.counters.Get().(*counter)
	defer a.counters.Put(c)
	c.reset()
	scanned := 0 // in half words
	for _, b := range blocks {
		a.scan(b, true, func(lower []byte) {
			scanned += 2
			c.word(a, lower)
		}, func(u string) {
			scanned++
			c.add(u, u, true)
		})
		if scanned >= 2*TextWords {
			break
		}
	}
	return c.top(max)
}

// A counter counts the stems of one page. Building the index reads every
// page, so counters are reused, each keeping what it learnt of the words
// it has seen (words): their keys and stems, and which term of the page
// being read each one counts for, so that a word seen again on the page
// costs one map lookup.
type counter struct {
	index map[string]int32 // stem -> position in terms
	terms []term
	key   []byte
	byLow map[string]int32 // lower-case word -> position in words
	words []word
	page  uint32 // the page being read, for word.page

	sorted []int32 // top's scratch: positions in terms
	starts []int32 // order's scratch
}

type term struct {
	stem  string
	n     int      // occurrences of its words
	unit  bool     // a unit of a script written without spaces
	forms []string // the keys seen with this stem that differ from it
}

// A word is a lower-case word a counter has seen.
type word struct {
	key, stem string
	short     bool   // the key has fewer than three characters: not counted
	page      uint32 // the page on which term was set
	term      int32  // the word's term on that page
}

type wordInfo struct{ key, stem string }

// maxCache bounds a counter's memory of words on a site with a large
// vocabulary.
const maxCache = 1 << 16

func newCounter() *counter {
	return &counter{index: map[string]int32{}, byLow: map[string]int32{}}
}

func (c *counter) reset() {
	clear(c.index)
	c.terms = c.terms[:0]
	c.page++
	if c.page == 0 { // wrapped: no word may look seen on this page
		for i := range c.words {
			c.words[i].page = 0
		}
		c.page = 1
	}
}

// word counts a word from scan.
func (c *counter) word(a *Analyzer, lower []byte) {
	i, ok := c.byLow[string(lower)]
	if !ok {
		if len(c.words) >= maxCache {
			clear(c.byLow)
			c.words = c.words[:0]
		}
		c.key = a.fold(c.key[:0], lower)
		key := string(c.key)
		i = int32(len(c.words))
		c.words = append(c.words, word{key: key, stem: a.stem(lower, key), short: utf8.RuneCountInString(key) < 3})
		c.byLow[string(lower)] = i
	}
	w := &c.words[i]
	if w.short {
		return
	}
	if w.page == c.page {
		// Seen on this page: its key is among its term's forms already.
		c.terms[w.term].n++
		return
	}
	w.page, w.term = c.page, c.add(w.key, w.stem, false)
}

// add counts an occurrence of key, whose stem is stem, and returns the
// position of stem's term.
func (c *counter) add(key, stem string, unit bool) int32 {
	i, ok := c.index[stem]
	if !ok {
		i = int32(len(c.terms))
		c.index[stem] = i
		if len(c.terms) < cap(c.terms) {
			// Reuse the forms of the term that stood here on an earlier page.
			c.terms = c.terms[:i+1]
			c.terms[i] = term{stem: stem, unit: unit, forms: c.terms[i].forms[:0]}
		} else {
			c.terms = append(c.terms, term{stem: stem, unit: unit})
		}
	}
	t := &c.terms[i]
	t.n++
	if key != stem && !slices.Contains(t.forms, key) {
		t.forms = append(t.forms, key)
	}
	return i
}

// top returns the most frequent stems, the one seen first first among
// stems as frequent: words weigh 2 and units 1 against a budget of 2*max.
func (c *counter) top(max int) Body {
	c.order()
	var terms, forms strings.Builder
	budget := 2 * max
	for _, i := range c.sorted {
		t := &c.terms[i]
		w := 2
		if t.unit {
			w = 1
		}
		if budget < w {
			break
		}
		budget -= w
		if terms.Len() > 0 {
			terms.WriteByte(' ')
		}
		terms.WriteString(t.stem)
		for _, k := range t.forms {
			if forms.Len() > 0 {
				forms.WriteByte(' ')
			}
			forms.WriteString(k)
			forms.WriteByte(' ')
			forms.WriteString(t.stem)
		}
	}
	return Body{terms.String(), forms.String()}
}

// order sets sorted to the positions of the terms, the most frequent
// first and, among terms as frequent, in the order their stems were first
// seen (the order of terms): a counting sort, since counts are small (a
// page is read up to TextWords words).
func (c *counter) order() {
	most := 0
	for i := range c.terms {
		most = max(most, c.terms[i].n)
	}
	// starts[most-n] is where the next term seen n times goes.
	c.starts = slices.Grow(c.starts[:0], most+1)[:most+1]
	clear(c.starts)
	for i := range c.terms {
		c.starts[most-c.terms[i].n]++
	}
	var at int32
	for i, n := range c.starts {
		c.starts[i] = at
		at += n
	}
	c.sorted = slices.Grow(c.sorted[:0], len(c.terms))[:len(c.terms)]
	for i := range c.terms {
		b := most - c.terms[i].n
		c.sorted[c.starts[b]] = int32(i)
		c.starts[b]++
	}
}
