package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// SplitPages is the number of pages above which a language's index is
// split (see the package doc): at the sizes of pages the corpus generator
// writes, 300 pages make a single file of about 100 KB compressed, what
// one query on a split index downloads at most.
const SplitPages = 300

// ChunkPages is how many pages' data one page file of a split index holds:
// the 20 results shown are on up to 20 files, of about 750 bytes
// compressed each at the corpus generator's page sizes.
const ChunkPages = 8

// ShardBytes is the size a term shard of a split index is filled to before
// the next one starts with the next term: at most a few KB compressed
// besides its last term, which may be larger.
const ShardBytes = 8 << 10

// Levels is how many steps a split index keeps of a body word's score.
const Levels = 8

// A term on more than a DenseShare-th of the pages ("og", "for", "kan")
// keeps no body level: its body postings all have the middle one. Such a
// word tells pages apart by little but their levels would make most of
// the download of any query holding it.
const DenseShare = 2

// The symbols of a posting: which field of the page the term is in, the
// best first. Title symbols carry the term's word position in the title,
// for the phrase bonus; titleFar is a title word at position 15 or later.
const (
	titleSym   = 'A' // 'A'+position, positions 0 to 14
	titleFar   = 'P'
	headingSym = 'Q'
	descSym    = 'R'
	sectionSym = 'S'
	bodySym    = 'a' // 'a'+level, level 0 (last) to Levels-1 (first)
)

// symbolScore is the score search.js gives a word found as sym.
func symbolScore(sym byte) float64 {
	switch {
	case sym >= titleSym && sym <= titleFar:
		return 100
	case sym == headingSym:
		return 30
	case sym == descSym:
		return 12
	case sym == sectionSym:
		return 10
	}
	return 1 + 4*(float64(sym-bodySym)+0.5)/Levels
}

// Split makes the split index of a language from its entries, in the
// order Entries gives them: the manifest, and the other files by their
// names below the output folder, all in the folder search/<lang>.<hash>/
// (the tag in lower case) whose hash covers all of them.
func Split(lang string, list []*Entry) (manifest []byte, files map[string][]byte) {
	manifest, files, _ = splitFrom(lang, len(list), func(i int) (*Entry, error) { return list[i], nil })
	return manifest, files
}

// splitFrom is Split from n entries that entry gives one at a time (see
// IndexFrom).
func splitFrom(lang string, n int, entry func(i int) (*Entry, error)) (manifest []byte, files map[string][]byte, err error) {
	a := For(lang)
	forms := newFormTable()
	postings, err := splitPostings(a, n, entry, forms)
	if err != nil {
		return nil, nil, err
	}
	terms := make([]string, 0, len(postings)+len(forms.stemOf))
	for t := range postings {
		terms = append(terms, t)
	}
	for k := range forms.stemOf {
		if postings[k] == nil {
			terms = append(terms, k)
		}
	}
	slices.Sort(terms) // code point order, as search.js compares keys

	var shards [][]byte
	var firsts []string
	var cur bytes.Buffer
	for _, t := range terms {
		if cur.Len() >= ShardBytes {
			shards = append(shards, closeShard(&cur))
		}
		if cur.Len() == 0 {
			firsts = append(firsts, t)
			cur.WriteByte('{')
		} else {
			cur.WriteByte(',')
		}
		writeJSON(&cur, t)
		cur.WriteByte(':')
		p := postings[t]
		switch stem, form := forms.stemOf[t]; {
		case form && p != nil:
			writeJSON(&cur, []string{stem, p.String()})
		case form:
			writeJSON(&cur, []string{stem})
		default:
			writeJSON(&cur, p.String())
		}
	}
	if cur.Len() > 0 {
		shards = append(shards, closeShard(&cur))
	}

	var chunks [][]byte
	for i := 0; i < n; i += ChunkPages {
		var b bytes.Buffer
		b.WriteByte('[')
		for j := i; j < min(i+ChunkPages, n); j++ {
			e, err := entry(j)
			if err != nil {
				return nil, nil, err
			}
			if j > i {
				b.WriteByte(',')
			}
			writeJSON(&b, pageData{e.URL, e.Title, e.Description, e.Section})
		}
		b.WriteByte(']')
		chunks = append(chunks, b.Bytes())
	}

	h := sha256.New()
	for _, f := range append(shards, chunks...) {
		h.Write(f)
		h.Write([]byte{0})
	}
	dir := strings.ToLower(lang) + "." + hex.EncodeToString(h.Sum(nil)[:4]) + "/"
	files = make(map[string][]byte, len(shards)+len(chunks))
	for i, f := range shards {
		files["search/"+dir+"t"+strconv.Itoa(i)+".json"] = f
	}
	for i, f := range chunks {
		files["search/"+dir+"p"+strconv.Itoa(i)+".json"] = f
	}
	var m bytes.Buffer
	writeJSON(&m, struct {
		V        int               `json:"v"`
		Lang     string            `json:"lang"`
		Fold     map[string]string `json:"fold,omitempty"`
		Suffixes string            `json:"suffixes,omitempty"`
		Pages    int               `json:"n"`
		Dir      string            `json:"dir"`
		Chunk    int               `json:"chunk"`
		Levels   int               `json:"levels"`
		Shards   []string          `json:"shards"`
	}{3, lang, a.Digraphs(), strings.Join(forms.suffixes(), " "), n, dir, ChunkPages, Levels, firsts})
	return m.Bytes(), files, nil
}

// pageData is what a page file of a split index holds of a page.
type pageData struct {
	URL         string `json:"u"`
	Title       string `json:"t"`
	Description string `json:"d,omitempty"`
	Section     string `json:"s,omitempty"`
}

func closeShard(b *bytes.Buffer) []byte {
	b.WriteByte('}')
	out := bytes.Clone(b.Bytes())
	b.Reset()
	return out
}

func writeJSON(b *bytes.Buffer, v any) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
	b.Truncate(b.Len() - 1) // Encode's newline
}

// A posting list is built page by page: the pages not holding the term
// since the last one are a decimal skip count, then the page's symbol.
type postingList struct {
	b    strings.Builder
	next int // the page after the last one written
	n    int // pages
}

func (p *postingList) add(page int, sym byte) {
	if skip := page - p.next; skip > 0 {
		p.b.WriteString(strconv.Itoa(skip))
	}
	p.b.WriteByte(sym)
	p.next = page + 1
	p.n++
}

func (p *postingList) String() string { return p.b.String() }

// flatten gives every body posting the middle level (DenseShare).
func (p *postingList) flatten() {
	b := []byte(p.b.String())
	for i, c := range b {
		if c >= bodySym {
			b[i] = bodySym + Levels/2
		}
	}
	p.b.Reset()
	p.b.Write(b)
}

// splitPostings returns every stem's posting list over the pages of
// list, and fills forms with the table of forms of their words. A stem's
// symbol on a page is the best field it is in, as search.js scores it:
// the title, a heading, the description, the section's title, else its
// place among the page's most frequent stems.
func splitPostings(a *Analyzer, n int, entry func(i int) (*Entry, error), forms *formTable) (map[string]*postingList, error) {
	postings := map[string]*postingList{}
	best := map[string]byte{}
	var order []string
	set := func(t string, sym byte) {
		old, ok := best[t]
		if !ok {
			order = append(order, t)
			best[t] = sym
			return
		}
		if better(sym, old) {
			best[t] = sym
		}
	}
	for i := range n {
		e, err := entry(i)
		if err != nil {
			return nil, err
		}
		clear(best)
		order = order[:0]
		pos := 0
		forms.analyse(a, e.Title, func(stem string) {
			set(stem, titleSym+byte(min(pos, titleFar-titleSym)))
			pos++
		})
		for _, h := range e.Headings {
			forms.analyse(a, h, func(stem string) { set(stem, headingSym) })
		}
		forms.analyse(a, e.Description, func(stem string) { set(stem, descSym) })
		forms.analyse(a, e.Section, func(stem string) { set(stem, sectionSym) })
		forms.addPairs(e.Forms)
		// search.js scores a body stem by where " stem" first occurs in
		// " "+b, in UTF-16 code units: 1 + 4*(1 - at/length).
		length := 1 + utf16Len(e.Terms)
		at := 0
		for _, w := range strings.Fields(e.Terms) {
			frac := 1 - float64(at)/float64(length)
			level := min(int(frac*Levels), Levels-1)
			set(w, bodySym+byte(level))
			at += 1 + utf16Len(w)
		}
		for _, t := range order {
			p := postings[t]
			if p == nil {
				p = &postingList{}
				postings[t] = p
			}
			p.add(i, best[t])
		}
	}
	for _, p := range postings {
		if p.n*DenseShare > n {
			p.flatten()
		}
	}
	return postings, nil
}

// better reports whether a is a better symbol than b: it scores more, or
// as much at an earlier title position.
func better(a, b byte) bool {
	sa, sb := symbolScore(a), symbolScore(b)
	if sa != sb {
		return sa > sb
	}
	return a < b
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
