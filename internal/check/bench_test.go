package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/theme"
)

// BenchmarkCheck is sitegen check of the generated corpus:
// go test ./internal/check -run XXX -bench Check -benchtime 3x
func BenchmarkCheck(b *testing.B) {
	for _, pages := range []int{1000} {
		b.Run(fmt.Sprint(pages), func(b *testing.B) {
			fsys := corpus.MapFS(pages, 1)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Run(fsys, build.Options{Defaults: theme.FS()}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScan reads one rendered page of the corpus for its ids and
// URLs, from its tokens (scanHTML) and from its parsed tree (ParseHTML):
// go test ./internal/check -run XXX -bench Scan
func BenchmarkScan(b *testing.B) {
	out := publish.NewMemory()
	if _, err := build.Build(corpus.MapFS(50, 1), build.Options{Defaults: theme.FS(), NoMinify: true}, out); err != nil {
		b.Fatal(err)
	}
	var page []byte
	for name, data := range out.Files() {
		if strings.HasSuffix(name, ".html") && len(data) > len(page) {
			page = data
		}
	}
	if _, _, _, ok, _ := tokenScan(page); !ok {
		b.Fatal("the page is parsed, not read from its tokens")
	}
	b.Run("tokens", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		tab := newTable()
		for b.Loop() {
			scanHTML(page, tab)
		}
	})
	b.Run("tree", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			treeScan(page)
		}
	})
}
