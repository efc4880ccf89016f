// Package search makes the site's search index, which
// static/js/search.js loads and searches in the browser, so search needs
// no server and sends nothing anywhere. A language of at most SplitPages
// pages gets one small JSON file; a larger one a split index, of which a
// query fetches only what it needs (Files).
//
// # The single file
//
//	{"v":1,"lang":"da","pages":[
//	  {"u":"/da/klage/","t":"Klag over afslag","d":"Hvornår ...","s":"Forside",
//	   "h":["Hvornår kan du klage?", ...],"b":"klage afslag borgerservice ..."}]}
//
// u is the URL, t the title, d the description, s the title of the page's
// section, h the headings, b the page's distinctive words, normalized (see
// Normalize) and most frequent first. Taxonomy and term pages the site
// makes are listed too, with their names as titles. A page missing in the index's
// language is listed in the language it exists in, with "l" naming it, so
// a reader of a partly translated language still finds every page.
//
// search.js scores a page for each query word by the best field a word of
// it begins with: the title 100, a heading 30, the description 12, the
// section 10, the body 1 + 4*(1 - at/length), where at is where the word
// first occurs in " "+b (so a page's most frequent words count most). A
// page must match every query word; a title holding the query's words in a
// row, the last one begun, adds 200. The best score comes first, then the
// order of translation keys.
//
// # Split index
//
// A language of more than SplitPages pages (300: about 100 KB compressed
// as one file) gets three kinds of files, all JSON. The manifest is the
// file search.html names, fingerprinted as search/<lang>.<hash>.json with
// its Subresource Integrity value in the form's data-integrity:
//
//	{"v":2,"lang":"da","n":10000,"dir":"da.800e7184/","chunk":8,"levels":8,
//	 "shards":["aabent","abonnement","afslag",...]}
//
// n is the number of pages, numbered from 0 in the order of the single
// file; dir is the folder, beside the manifest, of the other files. Its
// name holds a hash of all of them, so every file in it can be cached for
// a year (the build gives hosting the pattern search/<lang>.<hash>/*).
//
// A term shard, <dir>t<i>.json, maps each term (a normalized word) to its
// posting list, the pages it is on:
//
//	{"klage":"A3hQ12c","klager":"R"}
//
// A posting list is read from page 0: a decimal number skips that many
// pages, then a letter is the term's place on the next page, the best
// field it is in: A to O the title, the term being its 1st to 15th word
// (for the phrase bonus), P the title further on, Q a heading, R the
// description, S the section's title, a to h the body by level (the body
// score 1 + 4*(1 - at/length) rounded down to one of Levels steps, h the
// highest). Words of any length are indexed from titles, headings,
// descriptions and sections; the body's are its MaxTerms words of three
// letters or more, as in the single file. Shards hold the terms in code
// point order, each filled to ShardBytes; "shards" lists the first term of
// each. A word is in the last shard whose first term is not after it; the
// terms that begin with it are there and in the shards after it whose
// first terms begin with it (one shard for a whole word, a few for the
// first letters of one).
//
// A page file, <dir>p<i>.json, holds the pages i*chunk to i*chunk+chunk-1,
// as the single file does without h and b: [{"u":...,"t":...,"l":...,
// "d":...,"s":...}, ...].
//
// A query fetches the manifest (once), the shard of each query word (or,
// for the last word, the few shards of a word's first letters), and the
// page files of the results shown. Ranking is the single file's, with
// three differences the split leaves no data for: a body score is the
// middle of its level, so body-only hits whose scores differ by less than
// a level may change places; a term on more than half of the pages
// (DenseShare) scores the middle level wherever it is in the body; and
// only the last query word, the one being typed, matches the words that
// begin with it (if it has three letters or more): the others match only
// themselves. Prefixes of every word would fetch the shards of every word
// they begin ("for" in "frist for klage" fetched eleven common words'
// postings, 322 KB at 100,000 pages). A term repeated in a title
// counts at its first place for the phrase bonus. The manifest is checked
// with Subresource Integrity; the shards and page files are not (their
// digests would outweigh the query's download), but their folder's name
// holds a hash of them all.
package search

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
)

// MaxTerms is how many distinct words of a page's body the index keeps.
const MaxTerms = 120

// TextWords is how many words of a page Terms reads: enough to find a
// long page's own words, without counting every word of every page.
const TextWords = 600

// An Entry is one page in an index.
type Entry struct {
	URL         string   `json:"u"`
	Title       string   `json:"t"`
	Lang        string   `json:"l,omitempty"` // set when the page is in another language than the index
	Description string   `json:"d,omitempty"`
	Section     string   `json:"s,omitempty"`
	Headings    []string `json:"h,omitempty"`
	Terms       string   `json:"b,omitempty"`
}

// NewEntry makes the entry of a real page from its converted Markdown.
func NewEntry(site *pages.Site, p *pages.Page, doc *markdown.Result) *Entry {
	e := &Entry{URL: site.URL(p), Title: p.Title, Description: p.Description}
	if p.Parent != nil && p.Parent.Kind != pages.Home {
		e.Section = p.Parent.Title
	}
	if doc != nil {
		for _, h := range doc.Headings {
			if h.Level <= 3 {
				e.Headings = append(e.Headings, h.Text)
			}
		}
		e.Terms = Terms(doc.Text, MaxTerms)
	}
	return e
}

// Terms returns the distinct normalized words (see Normalize) of a text, most frequent
// first, at most max of them. Words shorter than three letters are left
// out: a search matches prefixes of at least that length.
func Terms(blocks []string, max int) string {
	c := counters.Get().(*counter)
	defer counters.Put(c)
	c.reset()
	scanned := 0
	for _, b := range blocks {
		b = nfc(b)
		for i := 0; i < len(b); {
			// ASCII as appendNormalized folds it, without decoding.
			inWord, size := true, 1
			switch ch := b[i]; {
			case 'a' <= ch && ch <= 'z' || '0' <= ch && ch <= '9':
				c.word = append(c.word, ch)
			case 'A' <= ch && ch <= 'Z':
				c.word = append(c.word, ch+'a'-'A')
			case ch < utf8.RuneSelf:
				inWord = false
			default:
				var r rune
				r, size = utf8.DecodeRuneInString(b[i:])
				c.word, inWord = appendNormalized(c.word, r)
			}
			i += size
			if !inWord && len(c.word) > 0 {
				c.flush()
				scanned++
			}
		}
		c.flush()
		scanned++
		if scanned >= TextWords {
			break
		}
	}
	return c.top(max)
}

// A counter counts the words of one page. Building the index runs Terms
// for every page of the site, so counters are reused (counters).
type counter struct {
	index  map[string]int // word -> position in terms
	terms  []term
	word   []byte            // the word being read
	intern map[string]string // the words of the pages counted before, so that a page's words are not allocated again

	starts []int  // top's scratch: where each count's words go
	sorted []term // top's scratch: terms by count
}

type term struct {
	word  string
	n     int // occurrences
	first int // position of the first occurrence among the distinct words
}

// maxIntern bounds a counter's memory of words on a site with a large
// vocabulary.
const maxIntern = 1 << 16

var counters = sync.Pool{New: func() any { return &counter{index: map[string]int{}, intern: map[string]string{}} }}

func (c *counter) reset() {
	clear(c.index)
	c.terms = c.terms[:0]
	c.word = c.word[:0]
}

// flush counts the word read so far, if it has at least three letters.
func (c *counter) flush() {
	if utf8.RuneCount(c.word) >= 3 {
		if i, ok := c.index[string(c.word)]; ok {
			c.terms[i].n++
		} else {
			w, ok := c.intern[string(c.word)]
			if !ok {
				if len(c.intern) >= maxIntern {
					clear(c.intern)
				}
				w = string(c.word)
				c.intern[w] = w
			}
			c.index[w] = len(c.terms)
			c.terms = append(c.terms, term{w, 1, len(c.terms)})
		}
	}
	c.word = c.word[:0]
}

// top returns the limit most frequent words, the one seen first first among
// words as frequent, separated by spaces.
func (c *counter) top(limit int) string {
	// A counting sort by count, most first: terms holds the words in the
	// order of their first appearance, and so does each count's run.
	most := 0
	for _, t := range c.terms {
		most = max(most, t.n)
	}
	c.starts = append(c.starts[:0], make([]int, most+1)...)
	for _, t := range c.terms {
		c.starts[most-t.n]++
	}
	at := 0
	for i, n := range c.starts {
		c.starts[i] = at
		at += n
	}
	c.sorted = append(c.sorted[:0], c.terms...)
	for _, t := range c.terms {
		c.sorted[c.starts[most-t.n]] = t
		c.starts[most-t.n]++
	}
	var out strings.Builder
	for i, t := range c.sorted[:min(limit, len(c.sorted))] {
		if i > 0 {
			out.WriteByte(' ')
		}
		out.WriteString(t.word)
	}
	return out.String()
}

// Normalize folds text for search, so that "Fritagelse", "fritagelse"
// and "FRITAGELSE" match, and so do "før" and "foer": the text in NFC
// (so that decomposed "å", as macOS and PDFs write it, and the Ångström
// sign U+212B are the letter å), lower-cased, æ ø å ä ö ü ß spelt ae oe
// aa ae oe ue ss, final ς as σ, and other accents dropped. Letters, marks
// and digits make words; everything else becomes a space. search.js
// folds queries and titles in the same steps (norm and words there), and
// a test runs the same words through both.
func Normalize(s string) string {
	var b []byte
	for _, r := range nfc(s) {
		var inWord bool
		b, inWord = appendNormalized(b, r)
		if !inWord {
			b = append(b, ' ')
		}
	}
	return string(b)
}

// nfc returns s in Unicode normalization form C.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// appendNormalized appends the folded form of r, a rune of text in NFC,
// to b, and reports whether r belongs to a word. Combining marks that
// are accents (Mn) are dropped within words; spacing marks (Mc, as in
// Devanagari) are kept.
func appendNormalized(b []byte, r rune) ([]byte, bool) {
	switch {
	case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		return append(b, byte(r)), true
	case r >= 'A' && r <= 'Z':
		return append(b, byte(r+'a'-'A')), true
	case r < 0x80:
		return b, false
	}
	r = unicode.ToLower(r)
	switch r {
	case 'æ', 'ä':
		return append(b, "ae"...), true
	case 'ø', 'ö':
		return append(b, "oe"...), true
	case 'å':
		return append(b, "aa"...), true
	case 'ü':
		return append(b, "ue"...), true
	case 'ß':
		return append(b, "ss"...), true
	case 'ς':
		r = 'σ'
	}
	if unicode.Is(unicode.Mn, r) {
		return b, true
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
		return b, false
	}
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			b = utf8.AppendRune(b, d)
		}
	}
	return b, true
}

// Entries returns the entries of a language's index, in the order of the
// site's translation keys: for every key the page in lang where it exists,
// else the version entries holds for the default language (or the first
// that exists), with Lang naming its language. entries maps each real page
// to its entry.
func Entries(site *pages.Site, lang *pages.Lang, entries map[*pages.Page]*Entry) []*Entry {
	var list []*Entry
	for _, key := range site.Keys() {
		p := site.Page(key, lang.Code)
		if p.Fallback {
			p = p.Translations[site.Default.Index]
			if p.Fallback {
				p = p.Available()[0]
			}
		}
		e := entries[p]
		if e == nil {
			continue
		}
		if p.Lang != lang {
			c := *e
			c.Lang = p.Lang.Code
			e = &c
		}
		list = append(list, e)
	}
	return list
}

// Files returns a language's index: the file search.html names (FileName,
// to be fingerprinted) and, when the language has more than splitPages
// pages, the other files of the split index by their names below the
// output folder. The build passes SplitPages.
func Files(site *pages.Site, lang *pages.Lang, entries map[*pages.Page]*Entry, splitPages int) (index []byte, files map[string][]byte) {
	return Index(lang.Code, Entries(site, lang, entries), splitPages)
}

// Index is Files from a language's entries as Entries gives them: one
// file when there are splitPages or fewer, else a split index (Split).
// It only reads list.
func Index(lang string, list []*Entry, splitPages int) (index []byte, files map[string][]byte) {
	if len(list) <= splitPages {
		return single(lang, list), nil
	}
	return Split(lang, list)
}

func single(lang string, list []*Entry) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(struct {
		V     int      `json:"v"`
		Lang  string   `json:"lang"`
		Pages []*Entry `json:"pages"`
	}{1, lang, list})
	return bytes.TrimSpace(b.Bytes())
}

// FileName is the name, below the output folder, of a language's index
// before fingerprinting.
func FileName(lang string) string { return "search/" + lang + ".json" }
