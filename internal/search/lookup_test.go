package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file holds, for the tests, what search.js does in the browser: a
// search of the single file (singleSearch) and of a split index
// (splitIndex), step by step as search.js does them.

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

// singlePage is a page of a single-file index as search.js prepares it
// when the index is loaded: each field's words, each after a space.
type singlePage struct{ t, h, d, s, b string }

func prepareSingle(list []*Entry) []singlePage {
	field := func(s string) string { return " " + strings.Join(strings.Fields(Normalize(s)), " ") }
	out := make([]singlePage, len(list))
	for i, e := range list {
		out[i] = singlePage{field(e.Title), field(strings.Join(e.Headings, " ")), field(e.Description), field(e.Section), " " + e.Terms}
	}
	return out
}

// singleSearch is search.js's search of a single-file index.
func singleSearch(list []singlePage, q string) []hit {
	qw := strings.Fields(Normalize(q))
	phrase := " " + strings.Join(qw, " ")
	var hits []hit
	for i, e := range list {
		t, h, d, s, b := e.t, e.h, e.d, e.s, e.b
		score := 0.0
		for _, w := range qw {
			k := " " + w
			var sc float64
			switch {
			case strings.Contains(t, k):
				sc = 100
			case strings.Contains(h, k):
				sc = 30
			case strings.Contains(d, k):
				sc = 12
			case strings.Contains(s, k):
				sc = 10
			default:
				at := strings.Index(b, k)
				if at < 0 {
					score = -1
				} else {
					sc = 1 + 4*(1-float64(utf16Len(b[:at]))/float64(utf16Len(b)))
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
		if len(qw) > 1 && strings.Contains(t, phrase) {
			score += 200
		}
		hits = append(hits, hit{score, i})
	}
	sortHits(hits)
	return hits
}

// A splitIndex searches the files of a split index as search.js does, and
// counts what it fetches.
type splitIndex struct {
	man struct {
		N      int      `json:"n"`
		Dir    string   `json:"dir"`
		Chunk  int      `json:"chunk"`
		Levels int      `json:"levels"`
		Shards []string `json:"shards"`
	}
	files   map[string][]byte         // by name below the output folder
	cache   map[int]map[string]string // the shards read
	fetched map[string]bool           // the files a search has fetched
}

func openSplit(manifest []byte, files map[string][]byte) (*splitIndex, error) {
	ix := &splitIndex{files: files, cache: map[int]map[string]string{}, fetched: map[string]bool{}}
	return ix, json.Unmarshal(manifest, &ix.man)
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

func (ix *splitIndex) terms(i int) (map[string]string, error) {
	if t, ok := ix.cache[i]; ok {
		return t, nil
	}
	var t map[string]string
	err := ix.get("t"+strconv.Itoa(i)+".json", &t)
	ix.cache[i] = t
	return t, err
}

// search is search.js's splitSearch.
func (ix *splitIndex) search(q string) ([]hit, error) {
	qw := strings.Fields(Normalize(q))
	n := ix.man.N
	total := make([]float64, n)
	count := make([]int, n)
	phrase := make([]uint32, n)
	for i := range phrase {
		phrase[i] = 0x7fff
	}
	for k, w := range qw {
		sc := make([]float64, n)
		pm := make([]uint32, n)
		prefix := k == len(qw)-1 && utf8.RuneCountInString(w) >= 3
		terms := map[string]string{}
		for _, i := range ix.shards(w, prefix) {
			t, err := ix.terms(i)
			if err != nil {
				return nil, err
			}
			maps.Copy(terms, t)
		}
		for t, post := range terms {
			if prefix && !strings.HasPrefix(t, w) || !prefix && t != w {
				continue
			}
			exact := t == w || k == len(qw)-1
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
				if exact && c < titleFar {
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
			phrase[i] &= pm[i] >> k
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

// pages is search.js's entries: the data of the pages of hits.
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
