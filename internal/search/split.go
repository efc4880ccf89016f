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
	files = map[string][]byte{}
	keep := func(name string, data []byte) error {
		files[name] = bytes.Clone(data)
		return nil
	}
	manifest, dir, _ := splitTo(lang, len(list), func(i int) (*Entry, error) { return list[i], nil }, keep, nil)
	return manifest, prefixed(files, dir)
}

// prefixed returns files with dir before each name.
func prefixed(files map[string][]byte, dir string) map[string][]byte {
	out := make(map[string][]byte, len(files))
	for name, data := range files {
		out[dir+name] = data
	}
	return out
}

// PostingBytes bounds the posting lists a split index holds in memory at
// once: the terms are taken in ranges of about this many bytes of
// postings, each range in one more pass over the entries (a range is
// never smaller than one term's list). The 100,000 Danish pages of the
// benchmark corpus have some 20 MB of postings: one range.
const PostingBytes = 32 << 20

// splitTo is Split from n entries that entry gives one at a time (see
// IndexTo), giving each file but the manifest to file as it is made, by
// its name in the folder ("t0.json", "p3.json"); data is file's to read
// only until it returns. It returns the manifest and the folder below the
// output folder, "search/<lang>.<hash>/". It keeps no file and no entry:
// in memory are the terms, the posting lists of one range of them
// (PostingBytes) and the table of forms. It reads each entry twice: once
// to analyse it, writing what the posting lists need of it to scratch
// (read back once for each range of terms), and once for the page files.
// An error from entry, file or scratch is returned as it is.
func splitTo(lang string, n int, entry func(i int) (*Entry, error), file func(name string, data []byte) error, scratch Scratch) (manifest []byte, dir string, err error) {
	a := For(lang)
	forms := newFormTable()
	if scratch == nil {
		scratch = &memScratch{}
	}
	v, err := sizePostings(a, n, entry, forms, scratch)
	if err != nil {
		return nil, "", err
	}
	terms := make([]string, 0, len(v.terms)+len(forms.stemOf))
	terms = append(terms, v.terms...)
	for k := range forms.stemOf {
		if _, ok := v.id[k]; !ok {
			terms = append(terms, k)
		}
	}
	slices.Sort(terms) // code point order, as search.js compares keys

	h := sha256.New()
	emit := func(name string, data []byte) error {
		h.Write(data)
		h.Write([]byte{0})
		return file(name, data)
	}
	var firsts []string
	var cur bytes.Buffer
	shard := 0
	closeShard := func() error {
		cur.WriteByte('}')
		err := emit("t"+strconv.Itoa(shard)+".json", cur.Bytes())
		cur.Reset()
		shard++
		return err
	}
	for lo := 0; lo < len(terms); {
		hi, size := lo, 0
		for hi < len(terms) && (hi == lo || size+v.size(terms[hi]) <= PostingBytes) {
			size += v.size(terms[hi])
			hi++
		}
		postings, err := v.fill(terms[lo:hi], size)
		if err != nil {
			return nil, "", err
		}
		for _, t := range terms[lo:hi] {
			if cur.Len() >= ShardBytes {
				if err := closeShard(); err != nil {
					return nil, "", err
				}
			}
			if cur.Len() == 0 {
				firsts = append(firsts, t)
				cur.WriteByte('{')
			} else {
				cur.WriteByte(',')
			}
			writeJSON(&cur, t)
			cur.WriteByte(':')
			p, has := postings(t)
			switch stem, form := forms.stemOf[t]; {
			case form && has:
				writeJSON(&cur, []string{stem, p})
			case form:
				writeJSON(&cur, []string{stem})
			default:
				writeJSON(&cur, p)
			}
		}
		lo = hi
	}
	if cur.Len() > 0 {
		if err := closeShard(); err != nil {
			return nil, "", err
		}
	}

	var b bytes.Buffer
	for i := 0; i < n; i += ChunkPages {
		b.Reset()
		b.WriteByte('[')
		for j := i; j < min(i+ChunkPages, n); j++ {
			e, err := entry(j)
			if err != nil {
				return nil, "", err
			}
			if j > i {
				b.WriteByte(',')
			}
			writeJSON(&b, pageData{e.URL, e.Title, e.Description, e.Section})
		}
		b.WriteByte(']')
		if err := emit("p"+strconv.Itoa(i/ChunkPages)+".json", b.Bytes()); err != nil {
			return nil, "", err
		}
	}

	folder := strings.ToLower(lang) + "." + hex.EncodeToString(h.Sum(nil)[:4]) + "/"
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
	}{3, lang, a.Digraphs(), strings.Join(forms.suffixes(), " "), n, folder, ChunkPages, Levels, firsts})
	return m.Bytes(), "search/" + folder, nil
}

// pageData is what a page file of a split index holds of a page.
type pageData struct {
	URL         string `json:"u"`
	Title       string `json:"t"`
	Description string `json:"d,omitempty"`
	Section     string `json:"s,omitempty"`
}

func writeJSON(b *bytes.Buffer, v any) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
	b.Truncate(b.Len() - 1) // Encode's newline
}

// A posting list is written page by page: the pages not holding the term
// since the last one are a decimal skip count, then the page's symbol.
// The lists are made in passes (vocab): the first reads the entries,
// finds every term and the length of its list, and writes each page's
// terms, as numbers, with their symbols to the scratch; each next pass
// reads the scratch back and writes the lists of a range of terms into
// one buffer of their total length.
type vocab struct {
	id    map[string]int32 // term -> its number, in the order first met
	terms []string         // by number
	bytes []int32          // the length of each term's list
	pages []int32          // the pages each term is on
	next  []int32          // while a pass runs: the page after the last one written

	n          int     // pages
	scratch    Scratch // each page's terms and symbols (recordWriter)
	scratchLen int64
}

// size returns the length of a term's list, 0 for a key of the table of
// forms that is no stem.
func (v *vocab) size(t string) int {
	if id, ok := v.id[t]; ok {
		return int(v.bytes[id])
	}
	return 0
}

// skipLen is the length of the skip count before a posting of page after
// next, the page after the last one written.
func skipLen(page, next int32) int32 {
	n := int32(0)
	for skip := page - next; skip > 0; skip /= 10 {
		n++
	}
	return n
}

// sizePostings reads every entry once, finding each stem the index holds
// and the length of its posting list, and fills forms with the table of
// forms of their words. It writes each page's stems and their symbols to
// scratch, for fill.
func sizePostings(a *Analyzer, n int, entry func(i int) (*Entry, error), forms *formTable, scratch Scratch) (*vocab, error) {
	v := &vocab{id: map[string]int32{}}
	w := newRecordWriter(scratch)
	var s pageScan
	for i := range n {
		e, err := entry(i)
		if err != nil {
			return nil, err
		}
		forms.addPairs(e.Forms)
		s.scan(a, e, forms)
		w.page(len(s.order))
		for _, t := range s.order {
			id, ok := v.id[t]
			if !ok {
				id = int32(len(v.terms))
				v.id[t] = id
				v.terms = append(v.terms, t)
				v.bytes = append(v.bytes, 0)
				v.pages = append(v.pages, 0)
				v.next = append(v.next, 0)
			}
			v.bytes[id] += skipLen(int32(i), v.next[id]) + 1
			v.pages[id]++
			v.next[id] = int32(i) + 1
			w.stem(id, s.best[t])
		}
		if err := w.end(); err != nil {
			return nil, err
		}
	}
	size, err := w.flush()
	v.n, v.scratch, v.scratchLen = n, scratch, size
	return v, err
}

// fill writes the posting lists of terms, a range of the sorted terms
// whose lists take size bytes, from the pages' stems sizePostings wrote
// to the scratch. It returns a function that gives a term's list, and
// whether it has one. A term on more than a DenseShare-th of the pages
// has its body postings at the middle level.
func (v *vocab) fill(terms []string, size int) (func(string) (string, bool), error) {
	buf := make([]byte, size)
	at := make([]int, len(v.terms)) // by number: where the term's list begins in buf, -1 outside terms
	for i := range at {
		at[i] = -1
	}
	off := 0
	for _, t := range terms {
		if id, ok := v.id[t]; ok {
			at[id] = off
			off += int(v.bytes[id])
		}
	}
	end := slices.Clone(at) // where the term's next posting goes
	clear(v.next)
	r := newRecordReader(v.scratch, v.scratchLen, len(v.terms))
	for i := range int32(v.n) {
		for range r.page() {
			id, sym := r.stem()
			o := end[id]
			if o < 0 {
				continue
			}
			if skip := i - v.next[id]; skip > 0 {
				o += len(strconv.AppendInt(buf[o:o], int64(skip), 10))
			}
			buf[o] = sym
			end[id] = o + 1
			v.next[id] = i + 1
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	for id, o := range at {
		if o >= 0 && int(v.pages[id])*DenseShare > v.n {
			flatten(buf[o : o+int(v.bytes[id])])
		}
	}
	return func(t string) (string, bool) {
		id, ok := v.id[t]
		if !ok {
			return "", false
		}
		o := at[id]
		return string(buf[o : o+int(v.bytes[id])]), true
	}, nil
}

// flatten gives every body posting of a list the middle level
// (DenseShare).
func flatten(list []byte) {
	for i, c := range list {
		if c >= bodySym {
			list[i] = bodySym + Levels/2
		}
	}
}

// A pageScan finds the stems of one entry and the symbol of each, for the
// posting lists. A stem's symbol on a page is the best field it is in,
// as search.js scores it: the title, a heading, the description, the
// section's title, else its place among the page's most frequent stems.
type pageScan struct {
	best  map[string]byte
	order []string // the stems in the order first met
}

// scan reads e, adding the forms of its title, headings, description and
// section to forms.
func (s *pageScan) scan(a *Analyzer, e *Entry, forms *formTable) {
	if s.best == nil {
		s.best = map[string]byte{}
	}
	clear(s.best)
	s.order = s.order[:0]
	set := func(t string, sym byte) {
		old, ok := s.best[t]
		if !ok {
			s.order = append(s.order, t)
			s.best[t] = sym
			return
		}
		if better(sym, old) {
			s.best[t] = sym
		}
	}
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
