package check

import (
	"fmt"
	"testing"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
	"github.com/udenmitid/sitegen/internal/build"
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
