package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkEqualHeadings converts a page of n equal headings (issue 23: 100,000
// "## Heading" lines, 1.2 MB, took minutes when each repeat counted its
// suffix from 1). Time and memory per heading must stay flat as n grows:
//
//	go test ./internal/markdown -run XXX -bench EqualHeadings -benchtime 1x
func BenchmarkEqualHeadings(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		src := []byte(strings.Repeat("## Heading\n", n))
		conv := New(Options{Lang: "da"})
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				res, _ := conv.Convert(src, 1, nil, 0)
				if len(res.Headings) != n || res.Headings[n-1].ID != fmt.Sprintf("heading-%d", n-1) {
					b.Fatalf("last heading: %+v", res.Headings[len(res.Headings)-1])
				}
			}
		})
	}
}
