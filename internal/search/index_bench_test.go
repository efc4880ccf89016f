package search

import (
	"fmt"
	"slices"
	"testing"
)

// BenchmarkIndex makes the Danish index of 1,000, 10,000 and 100,000 pages
// of words like the bundled site's (entries) and reports its size and what
// one query downloads from it (issue 28: stems and a table of forms must
// keep a query of a 100,000-page site at about 100 KB or less):
//
//	go test ./internal/search -run XXX -bench Index -benchtime 1x
//
// single-bytes is the index as one file (gzip -9 in single-gz-bytes),
// split-bytes the split index's files together; query-median-bytes and
// query-max-bytes what the queries of benchQueries download from the split
// index (manifest, shards and the page files of the first 20 results,
// gzip -9, as a host sends them). The same file runs against the code
// before a change, for the figures before and after.
func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			list := entries(n, 1)
			var manifest []byte
			var files map[string][]byte
			for b.Loop() {
				manifest, files = Split("da", list)
			}
			total := len(manifest)
			for _, f := range files {
				total += len(f)
			}
			one := single("da", list)
			var sizes []int
			worst, most := "", 0
			for _, q := range benchQueries {
				ix, err := openSplit(manifest, files)
				if err != nil {
					b.Fatal(err)
				}
				hits, err := ix.search(q)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := ix.pages(hits[:min(20, len(hits))]); err != nil {
					b.Fatal(err)
				}
				size, _ := ix.download()
				size += gzipSize(manifest)
				if size > most {
					worst, most = fmt.Sprintf("%q (%d hits)", q, len(hits)), size
				}
				sizes = append(sizes, size)
			}
			slices.Sort(sizes)
			b.Logf("%d pages: the largest download is %d bytes, for %s", n, most, worst)
			b.ReportMetric(float64(len(one)), "single-bytes")
			b.ReportMetric(float64(gzipSize(one)), "single-gz-bytes")
			b.ReportMetric(float64(total), "split-bytes")
			b.ReportMetric(float64(len(files)+1), "split-files")
			b.ReportMetric(float64(sizes[len(sizes)/2]), "query-median-bytes")
			b.ReportMetric(float64(sizes[len(sizes)-1]), "query-max-bytes")
		})
	}
}
