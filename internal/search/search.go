// Package search makes the site's search index, which
// static/js/search.js loads and searches in the browser, so search needs
// no server and sends nothing anywhere. Each language gets its own index,
// of its own pages, read by the rules of that language (Analysis): one
// small JSON file for a language of at most SplitPages pages, a split
// index for a larger one, of which a query fetches only what it needs.
// When a query finds fewer than a few pages in the reader's language,
// search.js searches the other languages' indexes too (Other languages).
//
// # Analysis
//
// An Analyzer (For) reads text as the language's readers write and type
// it, the same in Go and in search.js (a test runs the same text through
// both, for every language with rules of its own):
//
//   - The text in NFKC, so that decomposed letters (as macOS and PDFs
//     write them), ligatures, and full- and half-width forms are the
//     letters they stand for, and lower case. Turkish and Azerbaijani
//     lower-case I as ı for the stemmer; dotted and dotless i are then one
//     letter, so "KULLANICI", "kullanıcı" and "kullanici" are one word.
//   - Letters, marks and digits make words. Scripts written without spaces
//     (Chinese, Japanese, Korean, Thai, Lao, Khmer, Myanmar) are cut into
//     units as Lucene's CJK analyser does: each pair of characters in a
//     row ("図書館" is 図書, 書館), a character that stands alone by
//     itself; the index also keeps the last character of each run, so
//     that a query of one character finds every run it is in.
//   - Each word folded to its key: the marks readers leave out dropped
//     (accents of Latin, Greek and Cyrillic letters, Hebrew and Arabic
//     vowel points), while marks that make another word are kept (Indic
//     vowel signs and viramas, Thai vowels, kana voicing: で stays で; a
//     Cyrillic й or ї stays a letter); letters without a mark to drop
//     spelt as readers type them (æ ae, ø o, ß ss, ł l, ı i, Russian ё е,
//     Arabic and Persian yeh and kaf as one); then the language's own
//     spellings (digraphs): Danish and Norwegian aa for å and oe for ø,
//     German ae oe ue for ä ö ü. So "frågor", "Frågor" and "fragor" are
//     one key in Swedish, "Åbenrå", "Aabenraa" and "abenra" in Danish,
//     "Müller", "Mueller" and "muller" in German, "büyük" and "buyuk" in
//     Turkish.
//   - Each word's stem: the Snowball stem of the word as written (so
//     marks and dotless i guide the stemmer) and then folded, from
//     github.com/blevesearch/snowballstem (generated from the Snowball
//     sources: 18 languages, see StemLanguages); a language without a
//     stemmer, and every unit, is its own stem.
//
// # Stems
//
// The index holds stems, and the browser has no stemmer: the index has a
// table of forms, each key whose stem differs from it and its stem, and
// search.js looks a query's words up in it. A query word matches the stems
// of the keys it begins ("klag" the stem of klage, klager, klagerne), or,
// for a word that is whole (a split index's words before the last), the
// stem of that key. A word that begins no key of the language is read as
// a stem of the index and one of the endings the stemmer took off the
// language's words (the index lists them, suffixes), so "klagerne" finds
// "klage" on a site that never writes "klagerne". Stemming in the browser
// would cost a script per language (Snowball's stemmers compiled to
// JavaScript are 0.8 to 2.7 KB compressed each), stem the reader's words
// as typed (an unmarked Turkish "buyukler" is not stemmed, "büyükler" is
// büyük), and be a second implementation of 18 stemmers to keep in step;
// the table costs what the README's search section measures.
//
// # The single file
//
//	{"v":3,"lang":"da","fold":{"aa":"a","oe":"o"},"suffixes":"e er en et ...",
//	 "forms":{"klag":"e er erne","afslag":"et ene"},
//	 "pages":[{"u":"/da/klage/","t":"Klag over afslag","d":"Hvornår ...",
//	  "s":"Forside","h":["Hvornår kan du klage?", ...],"b":"klag afslag borgerservic ..."}]}
//
// fold is the language's digraphs; suffixes the endings (above); forms the
// table of forms, for each stem its keys, each written as the stem's last
// letters to drop ("-" each) and the letters to add ("happi":"-y" is
// happy). u is the URL, t the title, d the description, s the title of
// the page's section, h the headings, b the stems of the page's most
// frequent words (Body), most frequent first. search.js reads t, d, s
// and h into stems as Go does (keys, then the table of forms).
// Taxonomy and term pages the site makes are listed too, with their names
// as titles. A page missing in the index's
// language is listed in the language it exists in, with "l" naming it, so
// a reader of a partly translated language still finds every page.
//
// search.js scores a page for each query word by the best field holding
// one of the stems the word matches: the title 100, a heading 30, the
// description 12, the section 10, the body 1 + 4*(1 - at/length), where
// at is where the stem occurs in " "+b (so a page's most frequent words
// count most). A page must match every query word; a title holding
// stems of the query's words in a row adds 200. The best score comes
// first, then the order of translation keys.
//
// # Split index
//
// A language of more than SplitPages pages (300: about 100 KB compressed
// as one file) gets three kinds of files, all JSON. The manifest is the
// file search.html names, fingerprinted as search/<lang>.<hash>.json,
// <lang> in lower case as in the language's URLs, with its Subresource
// Integrity value in the form's data-integrity:
//
//	{"v":3,"lang":"da","fold":{"aa":"a","oe":"o"},"suffixes":"e er en ...",
//	 "n":10000,"dir":"da.800e7184/","chunk":8,"levels":8,
//	 "shards":["aabent","abonnement","afslag",...]}
//
// n is the number of pages, numbered from 0 in the order of the single
// file; dir is the folder, beside the manifest, of the other files. Its
// name holds a hash of all of them, so every file in it can be cached for
// a year (the build gives hosting the pattern search/<lang>.<hash>/*).
//
// A term shard, <dir>t<i>.json, maps each stem to its posting list, the
// pages it is on, and each key of the table of forms to its stem, as an
// array ([stem], or [stem, postings] for a key that is also a stem):
//
//	{"klag":"A3hQ12c","klage":["klag"],"klager":["klag"]}
//
// A posting list is read from page 0: a decimal number skips that many
// pages, then a letter is the stem's place on the next page, the best
// field it is in: A to O the title, the stem being its 1st to 15th word
// (for the phrase bonus), P the title further on, Q a heading, R the
// description, S the section's title, a to h the body by level (the body
// score 1 + 4*(1 - at/length) rounded down to one of Levels steps, h the
// highest). Words of any length are indexed from titles, headings,
// descriptions and sections; the body's are its stems of words of three
// letters or more, as in the single file. Shards hold the terms in code
// point order, each filled to ShardBytes; "shards" lists the first term of
// each. A term is in the last shard whose first term is not after it; the
// terms that begin with a word are there and in the shards after it whose
// first terms begin with it (one shard for a whole word, a few for the
// first letters of one); a key's stem, which sorts before it, may be in
// an earlier shard, fetched next.
//
// A page file, <dir>p<i>.json, holds the pages i*chunk to i*chunk+chunk-1,
// as the single file does without h and b: [{"u":...,"t":..., "d":...,
// "s":...}, ...].
//
// A query fetches the manifest (once), the shard of each query word (or,
// for the last word, the few shards of a word's first letters) and of
// the stems they lead to, and the page files of the results shown.
// Ranking is the single file's, with three differences the split leaves
// no data for: a body score is the middle of its level, so body-only
// hits whose scores differ by less than a level may change places; a
// term on more than half of the pages (DenseShare) scores the middle
// level wherever it is in the body; and only the last query word, the one
// being typed, matches the keys that begin with it (if it has three
// letters or more, or is a unit): the others match only their own key.
// Prefixes of every word would fetch the shards of every word they begin
// ("for" in "frist for klage" fetched eleven common words' postings,
// 322 KB at 100,000 pages). The manifest is checked with Subresource
// Integrity; the shards and page files are not (their digests would
// outweigh the query's download), but their folder's name holds a hash
// of them all.
//
// A split index is made in bounded memory (IndexTo), from entries read
// one at a time: a first pass analyses each page's text, once, finding
// every stem and the length of its posting list, and writes the page's
// stems, as numbers, with their symbols to a Scratch (the build's is a
// temporary file: about 360 bytes a page of the corpus generator's);
// the posting lists are then written from the scratch, the terms in
// ranges of PostingBytes of postings (one range at 100,000 pages), each
// range into one buffer, and the shards as their terms are; a last pass
// over the entries writes the page files.
//
// # Other languages
//
// A language's index holds its own pages only. When a query finds fewer
// than the search form's data-few pages (3 in the built-in search.html),
// search.js loads the indexes of the site's other languages (each once,
// when first needed), reads the query by each one's rules, and lists
// their pages below the reader's own, under "Results in other languages"
// (search_other_languages), each with lang and dir and its language's
// name. A reader of a partly translated language so finds the pages it
// lacks, and a reader who types a word of another language (a Danish
// word from a letter, in the English search) finds that language's
// pages.
package search

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
)

// An Entry is one page in an index.
type Entry struct {
	URL         string   `json:"u"`
	Title       string   `json:"t"`
	Description string   `json:"d,omitempty"`
	Section     string   `json:"s,omitempty"`
	Headings    []string `json:"h,omitempty"`
	Terms       string   `json:"b,omitempty"` // Body.Terms
	Forms       string   `json:"-"`           // Body.Forms, gathered into the index's table of forms
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
		body := For(p.Lang.Code).Body(doc.Text, MaxTerms)
		e.Terms, e.Forms = body.Terms, body.Forms
	}
	return e
}

// Entries returns the entries of a language's index: the language's own
// pages, each that entries holds (it maps each real page to its entry),
// the undated ones first, then those with date: (news, posts), each in
// the order of the site's translation keys. search.js ranks pages of one
// score in this order, so a guide page comes before a news item on the
// same words. Fallback pages are left out: their text is another
// language's, which that language's index holds (see Other languages).
func Entries(site *pages.Site, lang *pages.Lang, entries map[*pages.Page]*Entry) []*Entry {
	var list []*Entry
	for _, p := range Pages(site, lang, func(p *pages.Page) bool { return entries[p] != nil }) {
		list = append(list, entries[p])
	}
	return list
}

// Pages returns the pages of a language's index in the order of Entries:
// the language's own pages for which has reports true (those with an
// entry).
func Pages(site *pages.Site, lang *pages.Lang, has func(*pages.Page) bool) []*pages.Page {
	var list, dated []*pages.Page
	for _, key := range site.Keys() {
		if p := site.Page(key, lang.Code); !p.Fallback && has(p) {
			if p.Date().IsZero() {
				list = append(list, p)
			} else {
				dated = append(dated, p)
			}
		}
	}
	return append(list, dated...)
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
	index, files, _ = IndexFrom(lang, len(list), func(i int) (*Entry, error) { return list[i], nil }, splitPages)
	return index, files
}

// IndexFrom is Index from the n entries of a language's index, in the
// order of Entries, which entry gives one at a time (IndexTo), keeping
// the files of a split index, and its scratch, in memory. An error from
// entry is returned as it is.
func IndexFrom(lang string, n int, entry func(i int) (*Entry, error), splitPages int) (index []byte, files map[string][]byte, err error) {
	kept := map[string][]byte{}
	keep := func(name string, data []byte) error {
		kept[name] = bytes.Clone(data)
		return nil
	}
	index, dir, err := IndexTo(lang, n, entry, splitPages, keep, nil)
	if err != nil || dir == "" {
		return index, nil, err
	}
	return index, prefixed(kept, dir), nil
}

// IndexTo is Index from the n entries of a language's index, in the order
// of Entries, which entry gives one at a time, so that they need not all
// be in memory at once (the build reads them from a temporary file), and
// which gives each file of a split index to file as soon as it is made,
// so that they need not be either. A split index reads each entry twice,
// once to analyse its text, keeping what the posting lists need of it in
// scratch (a nil one is kept in memory), and once for the page files; it
// keeps no entry, nor any file: file gets each one's name in the folder
// ("t0.json", "p3.json") and its bytes, which are its to read only until
// it returns, and the folder, "search/<lang>.<hash>/" below the output
// folder, is returned with the manifest once all are made, since its
// name is a hash of them all. A single file keeps all the entries, and
// its dir is "". An error from entry, file or scratch is returned as it
// is.
func IndexTo(lang string, n int, entry func(i int) (*Entry, error), splitPages int, file func(name string, data []byte) error, scratch Scratch) (index []byte, dir string, err error) {
	if n > splitPages {
		return splitTo(lang, n, entry, file, scratch)
	}
	var list []*Entry
	for i := range n {
		e, err := entry(i)
		if err != nil {
			return nil, "", err
		}
		list = append(list, e)
	}
	return single(lang, list), "", nil
}

func single(lang string, list []*Entry) []byte {
	a := For(lang)
	forms := newFormTable()
	skip := func(string) {}
	for _, e := range list {
		forms.analyse(a, e.Title, skip)
		for _, h := range e.Headings {
			forms.analyse(a, h, skip)
		}
		forms.analyse(a, e.Description, skip)
		forms.analyse(a, e.Section, skip)
		forms.addPairs(e.Forms)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(struct {
		V        int               `json:"v"`
		Lang     string            `json:"lang"`
		Fold     map[string]string `json:"fold,omitempty"`
		Suffixes string            `json:"suffixes,omitempty"`
		Forms    map[string]string `json:"forms"`
		Pages    []*Entry          `json:"pages"`
	}{3, lang, a.Digraphs(), strings.Join(forms.suffixes(), " "), forms.encode(), list})
	return bytes.TrimSpace(b.Bytes())
}

// FileName is the name, below the output folder, of a language's index
// before fingerprinting: the tag in lower case, as in the language's URLs
// ("search/pt-br.json").
func FileName(lang string) string { return "search/" + strings.ToLower(lang) + ".json" }
