package search

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

func TestPostings(t *testing.T) {
	list := []*Entry{
		{Title: "Klag over afslag", Description: "Sådan klager du.", Terms: "klag afslag frist"},
		{Title: "Frister", Section: "Klage", Headings: []string{"Over fristen"}, Terms: "frist klag"},
		{Title: "Om os"},
		{Title: "Afslag på afslag", Terms: "afslag"},
	}
	// Stems: klag for "Klag", "klager", "Klage"; frist for "Frister",
	// "fristen", "frist".
	tests := []struct{ term, want string }{
		{"klag", "AS"},    // page 0, title position 0 (and the body's "klage"); page 1's section
		{"afslag", "C2A"}, // title position 2 on page 0, 0 on page 3 (its first), skipping 1 and 2
		{"over", "BQ"},    // title on page 0, a heading on page 1
		{"frist", "cA"},   // the body: at 13 of 19 on page 0 (level 2 of 8); page 1's title
		{"os", "2B"},      // skips pages 0 and 1
		{"om", "2A"},      // words of one or two letters of a title are indexed
		{"pa", "3B"},      // "på", folded
		{"sadan", "R"},    // "Sådan", folded
		{"du", "R"},       // the description's short words too
		{"klage", ""},     // a key, not a stem
	}
	postings := postingsOf(t, For("da"), list, newFormTable())
	for _, tt := range tests {
		if got := postings[tt.term]; got != tt.want {
			t.Errorf("postings of %q = %q, want %q", tt.term, got, tt.want)
		}
	}
}

// A term on more than half of the pages keeps its fields but not its body
// levels (DenseShare).
func TestDensePostings(t *testing.T) {
	list := []*Entry{
		{Title: "Kan du klage", Terms: "klage frist kan"},
		{Title: "Frist", Terms: "kan frist"},
		{Title: "Regler", Terms: "frist regler kan"},
		{Title: "Om os", Description: "Vi kan hjælpe."},
	}
	tests := []struct{ term, want string }{
		{"kan", "AeeR"},  // on all four pages: title, body (levels h, c), description
		{"frist", "eAe"}, // on three of four
		{"klage", "C"},   // on one: its place in the title
		{"regler", "2A"}, // on one
	}
	postings := postingsOf(t, For("kl"), list, newFormTable())
	for _, tt := range tests {
		if got := postings[tt.term]; got != tt.want {
			t.Errorf("postings of %q = %q, want %q", tt.term, got, tt.want)
		}
	}
}

func TestSymbolScore(t *testing.T) {
	tests := []struct {
		sym  byte
		want float64
	}{
		{'A', 100}, {'O', 100}, {'P', 100}, {'Q', 30}, {'R', 12}, {'S', 10},
		{'a', 1.25}, {'h', 4.75}, // the middle of the first and the last of 8 levels of 1 to 5
	}
	for _, tt := range tests {
		if got := symbolScore(tt.sym); got != tt.want {
			t.Errorf("symbolScore(%q) = %v, want %v", tt.sym, got, tt.want)
		}
	}
}

// TestSplitShards checks that each shard holds whole keys, in order, and
// that every term is found in the shard lookup names for it.
func TestSplitShards(t *testing.T) {
	list := entries(3000, 1)
	manifest, files := Split("da", list)
	forms := newFormTable()
	postings := postingsOf(t, For("da"), list, forms)
	ix, err := openSplit(manifest, files)
	if err != nil {
		t.Fatal(err)
	}
	if ix.man.N != len(list) || ix.man.Chunk != ChunkPages || ix.man.Levels != Levels {
		t.Fatalf("manifest %s", manifest)
	}
	if len(ix.man.Shards) < 2 {
		t.Fatalf("%d shards: the test needs more", len(ix.man.Shards))
	}
	if !slices.IsSorted(ix.man.Shards) {
		t.Errorf("shard keys not sorted: %q", ix.man.Shards)
	}
	seen := map[string]int{}
	for i := range ix.man.Shards {
		terms, err := ix.terms(i)
		if err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
		for term := range terms {
			if j, dup := seen[term]; dup {
				t.Errorf("%q in shards %d and %d", term, j, i)
			}
			seen[term] = i
			if got := ix.shards(term, false); !slices.Equal(got, []int{i}) {
				t.Errorf("%q is in shard %d, lookup says %d", term, i, got)
			}
			if got := ix.shards(term, true); got[0] != i {
				t.Errorf("%q is in shard %d, lookup by prefix says %d", term, i, got)
			}
			if term < ix.man.Shards[i] || i+1 < len(ix.man.Shards) && term >= ix.man.Shards[i+1] {
				t.Errorf("%q in shard %d, of terms %q to %q", term, i, ix.man.Shards[i], ix.man.Shards[min(i+1, len(ix.man.Shards)-1)])
			}
		}
	}
	want := len(postings)
	for k := range forms.stemOf {
		if _, ok := postings[k]; !ok {
			want++
		}
	}
	if len(seen) != want {
		t.Errorf("%d terms in the shards, want %d", len(seen), want)
	}
	// A prefix fetches every shard that may hold a term beginning with it.
	for _, w := range []string{"\x00", "k", "kl", "ord1", "ord", "o", "zzzz", "klag"} {
		got := ix.shards(w, true)
		var want []int
		for i := range ix.man.Shards {
			terms, _ := ix.terms(i)
			for term := range terms {
				if strings.HasPrefix(term, w) {
					want = append(want, i)
					break
				}
			}
		}
		for _, i := range want {
			if !slices.Contains(got, i) {
				t.Errorf("prefix %q: shards %v, lacking %d", w, got, i)
			}
		}
		if len(got) > len(want)+1 {
			t.Errorf("prefix %q: shards %v, want %v and at most one more", w, got, want)
		}
	}
	// The page files hold every page, in order.
	var all []pageData
	for i := 0; i*ChunkPages < len(list); i++ {
		var chunk []pageData
		if err := ix.get(fmt.Sprintf("p%d.json", i), &chunk); err != nil {
			t.Fatal(err)
		}
		all = append(all, chunk...)
	}
	for i, e := range list {
		if i >= len(all) || all[i] != (pageData{e.URL, e.Title, e.Description, e.Section}) {
			t.Fatalf("page %d: got %+v, want %+v", i, all[min(i, len(all)-1)], e)
		}
	}
	// Every file is in one folder named by a hash of them all.
	dir := dirOf(files)
	for name := range files {
		if filepath.Dir(name) != dir {
			t.Errorf("%s is not in %s", name, dir)
		}
	}
	if _, files2 := Split("da", entries(3000, 2)); dirOf(files2) == dir {
		t.Errorf("another index has the same folder %s", dir)
	}
	if _, files2 := Split("da", list); dirOf(files2) != dir {
		t.Errorf("the same index has another folder: %s, then %s", dir, dirOf(files2))
	}
}

// TestSplitSearch searches the same pages as one file and split: the same
// pages must match, with scores apart by at most the rounding of body
// scores to Levels steps, and the same first result where the single
// file's first two are further apart than that.
func TestSplitSearch(t *testing.T) {
	list := entries(2000, 3)
	one, err := openSingle(single("da", list))
	if err != nil {
		t.Fatal(err)
	}
	manifest, files := Split("da", list)
	ix, err := openSplit(manifest, files)
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"klage", "kla", "afslag klage", "digital post", "fritagelse", "om", "om fritagelse",
		"borgerservice", "søg", "SØG OM", "zzz", "klage zzz", "på", "aeldre", "ældre", "handbog", "i", "post digital", "bor"}
	for _, q := range queries {
		t.Run(q, func(t *testing.T) {
			want := one.search(q)
			got, err := ix.search(q)
			if err != nil {
				t.Fatal(err)
			}
			keys := strings.Fields(For("da").Normalize(q))
			short := slices.ContainsFunc(keys, func(w string) bool { return len([]rune(w)) < 3 })
			if short {
				// Words of one or two letters match their own key only:
				// the hits are among the single file's, which reads every
				// word as a prefix.
				inWant := map[int]bool{}
				for _, h := range want {
					inWant[h.page] = true
				}
				for _, h := range got {
					if !inWant[h.page] {
						t.Errorf("page %d hit split, not in the single file", h.page)
					}
				}
				return
			}
			if len(got) != len(want) {
				t.Fatalf("%d hits split, %d in the single file", len(got), len(want))
			}
			// A body score is the middle of its level (within half a
			// level, 2/Levels), or of all levels for a dense term (within
			// 2 + 2/Levels).
			tol := 0.0
			postings := postingsOf(t, For("da"), list, newFormTable())
			for _, w := range keys {
				tol += 2.0 / Levels
				for term, p := range postings {
					if strings.HasPrefix(term, w[:min(len(w), 3)]) && onPages(p)*DenseShare > len(list) {
						tol += 2
						break
					}
				}
			}
			tol += 1e-9
			byPage := map[int]float64{}
			for _, h := range want {
				byPage[h.page] = h.score
			}
			for _, h := range got {
				w, ok := byPage[h.page]
				if !ok || math.Abs(w-h.score) > tol {
					t.Errorf("page %d: score %v split, %v in the single file", h.page, h.score, w)
				}
			}
			if len(want) > 1 && want[0].score-want[1].score > 2*tol && got[0].page != want[0].page {
				t.Errorf("first result page %d split, page %d in the single file", got[0].page, want[0].page)
			}
		})
	}
}

// TestSplitDownload reports what queries download from the indexes of
// a built site: SITEGEN_SEARCH_OUT=/dev/shm/out go test -run
// SplitDownload -v ./internal/search (the folder sitegen build wrote).
// For each language, a query's own download (the manifest, shards and
// page files of the first 20 results; a single file whole), and with the
// other languages' when it finds fewer than few pages, as search.js then
// loads them too.
func TestSplitDownload(t *testing.T) {
	out := os.Getenv("SITEGEN_SEARCH_OUT")
	if out == "" {
		t.Skip("set SITEGEN_SEARCH_OUT to a built site's folder")
	}
	const few = 3 // search.html's data-few
	type index struct {
		name  string
		data  []byte // the file search.html names
		one   *singleIndex
		split *splitIndex
	}
	// query returns what a query downloads from ix, gzipped, its hits and
	// files, and a description of the files.
	query := func(ix *index, q string) (size, hits, files int) {
		if ix.one != nil {
			return gzipSize(ix.data), len(ix.one.search(q)), 1
		}
		hs, err := ix.split.search(q)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ix.split.pages(hs[:min(20, len(hs))]); err != nil {
			t.Fatal(err)
		}
		size, n := ix.split.download()
		return size + gzipSize(ix.data), len(hs), n + 1
	}
	manifests, _ := filepath.Glob(filepath.Join(out, "search", "*.*.json"))
	var all []*index
	for _, m := range manifests {
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		ix := &index{name: filepath.Base(m), data: data}
		all = append(all, ix)
		if !strings.Contains(string(data), `"shards"`) {
			if ix.one, err = openSingle(data); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: one file, %d bytes, %d gzipped", m, len(data), gzipSize(data))
			continue
		}
		var man struct{ Dir string }
		json.Unmarshal(data, &man)
		names, _ := filepath.Glob(filepath.Join(out, "search", man.Dir, "*.json"))
		files := map[string][]byte{}
		total := 0
		for _, n := range names {
			d, _ := os.ReadFile(n)
			rel, _ := filepath.Rel(out, n)
			files[filepath.ToSlash(rel)] = d
			total += len(d)
		}
		if ix.split, err = openSplit(data, files); err != nil {
			t.Fatal(err)
		}
		var sizes []int
		var worst string
		for _, q := range benchQueries {
			size, hits, n := query(ix, q)
			if len(sizes) == 0 || size > slices.Max(sizes) {
				worst = fmt.Sprintf("%q (%d hits, %d files)", q, hits, n)
			}
			sizes = append(sizes, size)
		}
		sort.Ints(sizes)
		over := len(sizes) - sort.SearchInts(sizes, 100_001)
		t.Logf("%s: %d files, %d bytes; manifest %d bytes gzipped; per query (gzip -9, first 20 results): median %d, largest %d for %s; %d of %d queries over 100 KB",
			ix.name, len(files)+1, total+len(data), gzipSize(data), sizes[len(sizes)/2], sizes[len(sizes)-1], worst, over, len(sizes))
	}
	for _, ix := range all {
		most, n := 0, 0
		var worst string
		for _, q := range benchQueries {
			size, hits, _ := query(ix, q)
			if hits >= few {
				continue
			}
			n++
			for _, o := range all {
				if o != ix {
					s, _, _ := query(o, q)
					size += s
				}
			}
			if size > most {
				most, worst = size, fmt.Sprintf("%q (%d hits)", q, hits)
			}
		}
		if n > 0 {
			t.Logf("%s with the other languages' indexes: %d of %d queries find fewer than %d pages and load them; at most %d bytes gzipped, for %s",
				ix.name, n, len(benchQueries), few, most, worst)
		}
	}
}

// benchQueries are typical queries of one to three words, from the words
// of the corpus generator and of the bundled site.
var benchQueries = []string{"borger", "klage", "skat", "pension", "digital post", "kan", "tilskud", "opholdstilladelse",
	"klage afslag", "hjælp til ansøgning", "fritagelse", "sygesikring", "ældre", "brev", "frist for klage",
	"national budget", "boligstøtte", "mitid", "kontakt", "skal jeg", "help", "pension application", "letter",
	"qanoq", "ikiorneq", "varig ydelse", "personlig tillæg", "job"}

// entries makes n pages of words like the bundled site's.
func entries(n int, seed uint64) []*Entry {
	r := rand.New(rand.NewPCG(seed, 17))
	vocab := strings.Fields("klage afslag frist fritagelse digital post borgerservice søg hjælp ansøgning ældre " +
		"håndbog bibliotek brev kommune regler borger bolig støtte pension skat kontakt adresse telefon sikkerhed " +
		"tilskud ydelse læge apotek bank netbank fuldmagt værge barn forælder skole uddannelse job arbejde over under " +
		"kan skal vil også når sådan for til det der disse hvis eller hos om på i at en et og af med mitid nemid kode")
	for i := range 200 {
		vocab = append(vocab, fmt.Sprintf("ord%dx%c", i, 'a'+rune(i%26)))
	}
	words := func(lo, hi int) string {
		k := lo + r.IntN(hi-lo+1)
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[min(r.IntN(len(vocab)), r.IntN(len(vocab)))] // the first words are more common
		}
		return strings.Join(w, " ")
	}
	list := make([]*Entry, n)
	for i := range list {
		e := &Entry{URL: fmt.Sprintf("/da/side-%d/", i), Title: words(1, 6), Description: words(0, 12), Section: words(0, 2)}
		for range r.IntN(4) {
			e.Headings = append(e.Headings, words(1, 4))
		}
		body := For("da").Body([]string{words(20, 300)}, MaxTerms)
		e.Terms, e.Forms = body.Terms, body.Forms
		list[i] = e
	}
	return list
}

// BenchmarkQuery searches 10,000 pages, in one file as search.js did
// before indexes were split (the whole index loaded and prepared; the
// search alone is timed) and split (the
// shards of the query's words and the page files of the first 20 results
// read and searched, as in the browser). download-bytes is what the split
// search fetched, gzipped.
func BenchmarkQuery(b *testing.B) {
	list := entries(10000, 1)
	b.Run("single", func(b *testing.B) {
		one, _ := openSingle(single("da", list))
		for b.Loop() {
			one.search("klage afslag")
		}
		b.ReportMetric(float64(gzipSize(single("da", list))), "download-bytes")
	})
	b.Run("split", func(b *testing.B) {
		manifest, files := Split("da", list)
		size := 0
		for b.Loop() {
			ix, _ := openSplit(manifest, files)
			hits, _ := ix.search("klage afslag")
			ix.pages(hits[:min(20, len(hits))])
			if size == 0 {
				size, _ = ix.download()
				size += gzipSize(manifest)
			}
		}
		b.ReportMetric(float64(size), "download-bytes")
	})
}

// postingsOf returns the posting list of every stem of list, as the
// split index holds them.
func postingsOf(t testing.TB, a *Analyzer, list []*Entry, forms *formTable) map[string]string {
	t.Helper()
	entry := func(i int) (*Entry, error) { return list[i], nil }
	v, err := sizePostings(a, len(list), entry, forms, &memScratch{})
	if err != nil {
		t.Fatal(err)
	}
	size := 0
	for _, b := range v.bytes {
		size += int(b)
	}
	get, err := v.fill(v.terms, size)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, term := range v.terms {
		out[term], _ = get(term)
	}
	return out
}

// onPages returns the number of pages a posting list holds: its symbols.
func onPages(list string) int {
	n := 0
	for _, c := range list {
		if c < '0' || c > '9' {
			n++
		}
	}
	return n
}
