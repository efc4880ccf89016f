package hosting_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/hosting"
	"github.com/udenmitid/sitegen/internal/minifier"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// BenchmarkSitemap writes the sitemap of the benchmark corpus (1,000 and
// 10,000 Danish pages: about 2,100 and 21,000 URLs, most with alternates
// in two or three languages), minified and not, as the build writes it
// ("new") and as it wrote it before, with encoding/xml and the minifier
// ("old", hosting.WriteSitemapReference). The pages' text is left out:
// the sitemap needs only their names and front matter.
//
//	go test ./internal/hosting -run XXX -bench Sitemap -benchmem
func BenchmarkSitemap(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		fsys := corpus.MapFS(n, 1)
		for name, f := range fsys {
			if i := bytes.Index(f.Data, []byte("\n---\n")); i >= 0 {
				fsys[name] = &fstest.MapFile{Data: f.Data[:i+5]}
			}
		}
		built := sitetest.BuildFS(b, fsys, build.Options{Defaults: theme.FS(), NoSearch: true})
		if built.Result == nil {
			b.Fatalf("build failed:\n%s", built.Stderr())
		}
		site := built.Result.Site
		min := minifier.New()
		minify := func(w io.Writer, piece []byte) error { return min.MinifyTo(w, hosting.SitemapFile, piece) }
		var size int64
		write := func(name string, parts [][]byte) error {
			for _, p := range parts {
				size += int64(len(p))
			}
			return nil
		}
		for _, minified := range []bool{true, false} {
			filter := minify
			if !minified {
				filter = nil
			}
			b.Run(fmt.Sprintf("pages=%d/minified=%v/old", n, minified), func(b *testing.B) {
				for b.Loop() {
					size = 0
					if err := hosting.WriteSitemapReference(site, filter, write, hosting.MaxSitemapURLs, hosting.MaxSitemapBytes); err != nil {
						b.Fatal(err)
					}
				}
				b.SetBytes(size)
			})
			b.Run(fmt.Sprintf("pages=%d/minified=%v/new", n, minified), func(b *testing.B) {
				for b.Loop() {
					size = 0
					if err := hosting.WriteSitemap(site, minified, write); err != nil {
						b.Fatal(err)
					}
				}
				b.SetBytes(size)
			})
		}
	}
}
