package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file holds, for the tests, what search.js does in the browser: a
// search of the single file (singleIndex) and of a split index
// (splitIndex), step by step as search.js does them, from the files the
// browser downloads. The analysis is the Analyzer's, which
// TestAnalyseLikeJavaScript holds to search.js's.

type hit struct {
	score float64
	page  int
}

func sortHits(hits []hit) {
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.page - b.page
	})
}

// A stemSet is the stems a query word matches.
type stemSet map[string]bool

// suffixList is search.js's suffixList: the shortest endings first.
func suffixList(s string) []string {
	out := strings.Fields(s)
	slices.SortStableFunc(out, func(a, b string) int {
		if d := utf8.RuneCountInString(a) - utf8.RuneCountInString(b); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return out
}

// fallbackStems is search.js's fallbackStems.
func fallbackStems(w string, suffixes []string, find func(string) string) []string {
	for _, x := range suffixes {
		if strings.HasSuffix(w, x) && utf8.RuneCountInString(w)-utf8.RuneCountInString(x) >= 3 {
			if s := find(strings.TrimSuffix(w, x)); s != "" {
				return []string{s}
			}
		}
	}
	return nil
}

// singlePage is a page of a single-file index as search.js prepares it
// when the index is loaded: each field's stems.
type singlePage struct {
	entry      pageData
	t, h, d, s []string
	b          []string
	at         []int
	blen       int
}

type singleIndex struct {
	a        *Analyzer
	stemOf   map[string]string
	words    map[string]bool
	sorted   []string
	suffixes []string
	pages    []singlePage
}

// openSingle reads a single file as search.js's single does.
func openSingle(data []byte) (*singleIndex, error) {
	var ix struct {
		Lang     string
		Fold     map[string]string
		Suffixes string
		Forms    map[string]string
		Pages    []*Entry
	}
	if err := json.Unmarshal(data, &ix); err != nil {
		return nil, err
	}
	s := &singleIndex{a: For(ix.Lang), stemOf: map[string]string{}, words: map[string]bool{}, suffixes: suffixList(ix.Suffixes)}
	for stem, items := range ix.Forms {
		chars := []rune(stem)
		for _, it := range strings.Split(items, " ") {
			drop := len(it) - len(strings.TrimLeft(it, "-"))
			s.stemOf[string(chars[:len(chars)-drop])+it[drop:]] = stem
		}
	}
	for k := range s.stemOf {
		s.words[k] = true
	}
	stems := func(text string) []string {
		var out []string
		for _, tk := range s.a.tokens(text, true) {
			st := s.stem(tk.Key)
			s.words[st] = true
			out = append(out, st)
		}
		return out
	}
	for _, e := range ix.Pages {
		p := singlePage{entry: pageData{e.URL, e.Title, e.Description, e.Section},
			t: stems(e.Title), h: stems(strings.Join(e.Headings, " ")), d: stems(e.Description), s: stems(e.Section)}
		o := 0
		for _, st := range strings.Fields(e.Terms) {
			p.b = append(p.b, st)
			p.at = append(p.at, o)
			s.words[st] = true
			o += 1 + utf16Len(st)
		}
		p.blen = max(o, 1)
		s.pages = append(s.pages, p)
	}
	for w := range s.words {
		s.sorted = append(s.sorted, w)
	}
	// search.js sorts by UTF-16 code units; the binary search needs only
	// an order it agrees with.
	slices.Sort(s.sorted)
	return s, nil
}

func (s *singleIndex) stem(key string) string {
	if st, ok := s.stemOf[key]; ok {
		return st
	}
	return key
}

func (s *singleIndex) match(w string, unit bool) stemSet {
	out := stemSet{}
	i := sort.SearchStrings(s.sorted, w)
	for ; i < len(s.sorted) && strings.HasPrefix(s.sorted[i], w); i++ {
		out[s.stem(s.sorted[i])] = true
	}
	if len(out) == 0 && !unit {
		for _, st := range fallbackStems(w, s.suffixes, func(c string) string {
			if s.words[c] {
				return s.stem(c)
			}
			return ""
		}) {
			out[st] = true
		}
	}
	return out
}

// search is search.js's single search.
func (s *singleIndex) search(q string) []hit {
	var ms []stemSet
	for _, tk := range s.a.Keys(q) {
		ms = append(ms, s.match(tk.Key, tk.Unit))
	}
	has := func(f []string, m stemSet) bool { return slices.ContainsFunc(f, func(x string) bool { return m[x] }) }
	var hits []hit
	for i, e := range s.pages {
		score := 0.0
		for _, m := range ms {
			var sc float64
			switch {
			case has(e.t, m):
				sc = 100
			case has(e.h, m):
				sc = 30
			case has(e.d, m):
				sc = 12
			case has(e.s, m):
				sc = 10
			default:
				j := slices.IndexFunc(e.b, func(x string) bool { return m[x] })
				if j < 0 {
					score = -1
				} else {
					sc = 1 + 4*(1-float64(e.at[j])/float64(e.blen))
				}
			}
			if score < 0 {
				break
			}
			score += sc
		}
		if score < 0 {
			continue
		}
		if len(ms) > 1 {
			for j := range e.t {
				in := true
				for k, m := range ms {
					if j+k >= len(e.t) || !m[e.t[j+k]] {
						in = false
						break
					}
				}
				if in {
					score += 200
					break
				}
			}
		}
		hits = append(hits, hit{score, i})
	}
	sortHits(hits)
	return hits
}

// A splitIndex searches the files of a split index as search.js does, and
// counts what it fetches.
type splitIndex struct {
	a   *Analyzer
	man struct {
		Lang     string   `json:"lang"`
		Suffixes string   `json:"suffixes"`
		N        int      `json:"n"`
		Dir      string   `json:"dir"`
		Chunk    int      `json:"chunk"`
		Levels   int      `json:"levels"`
		Shards   []string `json:"shards"`
	}
	files   map[string][]byte           // by name below the output folder
	cache   map[int]map[string]shardVal // the shards read
	fetched map[string]bool             // the files a search has fetched
}

// A shardVal is a term's value in a shard: its postings, or its stem as
// a key of the table of forms (with postings when it is a stem too).
type shardVal struct {
	stem     string
	postings string
}

func (v *shardVal) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '[' {
		var a []string
		if err := json.Unmarshal(b, &a); err != nil {
			return err
		}
		v.stem = a[0]
		if len(a) > 1 {
			v.postings = a[1]
		}
		return nil
	}
	return json.Unmarshal(b, &v.postings)
}

func openSplit(manifest []byte, files map[string][]byte) (*splitIndex, error) {
	ix := &splitIndex{files: files, cache: map[int]map[string]shardVal{}, fetched: map[string]bool{}}
	err := json.Unmarshal(manifest, &ix.man)
	ix.a = For(ix.man.Lang)
	return ix, err
}

func (ix *splitIndex) get(name string, v any) error {
	name = "search/" + ix.man.Dir + name
	ix.fetched[name] = true
	return json.Unmarshal(ix.files[name], v)
}

// shards is search.js's shards.
func (ix *splitIndex) shards(w string, prefix bool) []int {
	lo, found := slices.BinarySearch(ix.man.Shards, w)
	if found {
		lo++
	}
	out := []int{max(lo-1, 0)}
	for ; prefix && lo < len(ix.man.Shards) && strings.HasPrefix(ix.man.Shards[lo], w); lo++ {
		out = append(out, lo)
	}
	return out
}

func (ix *splitIndex) terms(i int) (map[string]shardVal, error) {
	if t, ok := ix.cache[i]; ok {
		return t, nil
	}
	var t map[string]shardVal
	err := ix.get("t"+strconv.Itoa(i)+".json", &t)
	ix.cache[i] = t
	return t, err
}

// entry is search.js's entry: a term's value, and whether there is one.
func (ix *splitIndex) entry(t string) (shardVal, bool, error) {
	terms, err := ix.terms(ix.shards(t, false)[0])
	v, ok := terms[t]
	return v, ok, err
}

func stemOfVal(t string, v shardVal) string {
	if v.stem != "" {
		return v.stem
	}
	return t
}

// match is search.js's split match.
func (ix *splitIndex) match(w string, prefix, unit bool) (stemSet, error) {
	out := stemSet{}
	for _, i := range ix.shards(w, prefix) {
		t, err := ix.terms(i)
		if err != nil {
			return nil, err
		}
		for k, v := range t {
			if prefix && strings.HasPrefix(k, w) || !prefix && k == w {
				out[stemOfVal(k, v)] = true
			}
		}
	}
	if len(out) == 0 && !unit {
		var err error
		for _, s := range fallbackStems(w, suffixList(ix.man.Suffixes), func(c string) string {
			v, ok, e := ix.entry(c)
			if e != nil {
				err = e
			}
			if !ok {
				return ""
			}
			return stemOfVal(c, v)
		}) {
			out[s] = true
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// search is search.js's split search.
func (ix *splitIndex) search(q string) ([]hit, error) {
	qw := ix.a.Keys(q)
	n := ix.man.N
	total := make([]float64, n)
	count := make([]int, n)
	phrase := make([]uint32, n)
	for i := range phrase {
		phrase[i] = 0x7fff
	}
	for k, tk := range qw {
		prefix := k == len(qw)-1 && (tk.Unit || utf8.RuneCountInString(tk.Key) >= 3)
		m, err := ix.match(tk.Key, prefix, tk.Unit)
		if err != nil {
			return nil, err
		}
		sc := make([]float64, n)
		pm := make([]uint32, n)
		for s := range m {
			v, _, err := ix.entry(s)
			if err != nil {
				return nil, err
			}
			post := v.postings
			page, skip := 0, 0
			for j := 0; j < len(post); j++ {
				c := post[j]
				if c >= '0' && c <= '9' {
					skip = skip*10 + int(c-'0')
					continue
				}
				page += skip
				skip = 0
				if s := symbolScore(c); s > sc[page] {
					sc[page] = s
				}
				if c < titleFar {
					pm[page] |= 1 << (c - titleSym)
				}
				page++
			}
		}
		for i := range n {
			if sc[i] == 0 {
				continue
			}
			total[i] += sc[i]
			count[i]++
			if k < 15 {
				phrase[i] &= pm[i] >> k
			} else {
				phrase[i] = 0
			}
		}
	}
	var hits []hit
	for i := range n {
		if count[i] != len(qw) {
			continue
		}
		s := total[i]
		if len(qw) > 1 && phrase[i] != 0 {
			s += 200
		}
		hits = append(hits, hit{s, i})
	}
	sortHits(hits)
	return hits, nil
}

// pages is the page data search.js fetches for hits.
func (ix *splitIndex) pages(hits []hit) ([]pageData, error) {
	var out []pageData
	for _, h := range hits {
		var chunk []pageData
		if err := ix.get("p"+strconv.Itoa(h.page/ix.man.Chunk)+".json", &chunk); err != nil {
			return nil, err
		}
		out = append(out, chunk[h.page%ix.man.Chunk])
	}
	return out, nil
}

// download returns the size, compressed with gzip -9, of the files a
// search has fetched since the last call, and how many they are.
func (ix *splitIndex) download() (size, files int) {
	for name := range ix.fetched {
		size += gzipSize(ix.files[name])
		files++
	}
	clear(ix.fetched)
	clear(ix.cache)
	return size, files
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

// dirOf returns the folder of a split index's files.
func dirOf(files map[string][]byte) string {
	for name := range files {
		return path.Dir(name)
	}
	return ""
}
