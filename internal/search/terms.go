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
// page, so counters are reused, each keeping the keys and stems of the
// words it has seen (cache).
type counter struct {
	index map[string]int // stem -> position in terms
	terms []term
	key   []byte
	cache map[string]wordInfo // lower-case word -> its key and stem

	sorted []term // top's scratch
}

type term struct {
	stem  string
	n     int      // occurrences of its words
	first int      // position of its first occurrence among the distinct stems
	unit  bool     // a unit of a script written without spaces
	forms []string // the keys seen with this stem that differ from it
}

type wordInfo struct{ key, stem string }

// maxCache bounds a counter's memory of words on a site with a large
// vocabulary.
const maxCache = 1 << 16

func newCounter() *counter {
	return &counter{index: map[string]int{}, cache: map[string]wordInfo{}}
}

func (c *counter) reset() {
	clear(c.index)
	c.terms = c.terms[:0]
}

// word counts a word from scan.
func (c *counter) word(a *Analyzer, lower []byte) {
	info, ok := c.cache[string(lower)]
	if !ok {
		c.key = a.fold(c.key[:0], lower)
		key := string(c.key)
		info = wordInfo{key, a.stem(lower, key)}
		if len(c.cache) >= maxCache {
			clear(c.cache)
		}
		c.cache[string(lower)] = info
	}
	if utf8.RuneCountInString(info.key) < 3 {
		return
	}
	c.add(info.key, info.stem, false)
}

func (c *counter) add(key, stem string, unit bool) {
	i, ok := c.index[stem]
	if !ok {
		i = len(c.terms)
		c.index[stem] = i
		c.terms = append(c.terms, term{stem: stem, first: i, unit: unit})
	}
	t := &c.terms[i]
	t.n++
	if key != stem && !slices.Contains(t.forms, key) {
		t.forms = append(t.forms, key)
	}
}

// top returns the most frequent stems, the one seen first first among
// stems as frequent: words weigh 2 and units 1 against a budget of 2*max.
func (c *counter) top(max int) Body {
	c.sorted = append(c.sorted[:0], c.terms...)
	slices.SortStableFunc(c.sorted, func(a, b term) int { return b.n - a.n })
	var terms, forms strings.Builder
	budget := 2 * max
	for _, t := range c.sorted {
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
