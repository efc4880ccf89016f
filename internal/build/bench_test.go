package build_test

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/theme"
)

var corpora sync.Map // pages -> fstest.MapFS

func benchCorpus(pages int) fstest.MapFS {
	if m, ok := corpora.Load(pages); ok {
		return m.(fstest.MapFS)
	}
	m := corpus.MapFS(pages, 1)
	corpora.Store(pages, m)
	return m
}

// discard is an Output that keeps nothing, so the benchmark measures the
// build, not the disk.
type discard struct{ bytes atomic.Int64 }

func (d *discard) Write(name string, data []byte) error {
	d.bytes.Add(int64(len(data)))
	return nil
}

// BenchmarkBuild is a full build with minification of the generated
// corpus: go test ./internal/build -run XXX -bench Build -benchtime 3x
func BenchmarkBuild(b *testing.B) {
	for _, pages := range []int{1000, 10000} {
		b.Run(fmt.Sprint(pages), func(b *testing.B) {
			fsys := benchCorpus(pages)
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				out := &discard{}
				if _, err := build.Build(fsys, build.Options{Defaults: theme.FS()}, out); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(out.bytes.Load())
			}
			reportCPU(b, cpu)
		})
	}
}

// reportCPU reports the CPU time per build since start (cpuTime), as
// cpu-ms/op.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/1e6/float64(b.N), "cpu-ms/op")
}

// BenchmarkBuildDated is BenchmarkBuild with every page of the corpus
// dated (date: for updated:) and given two of 50 tags, so that every
// section lists by date and has a feed, and the tags have term pages and
// feeds in every language (issue 26): the cost of those on the build path.
func BenchmarkBuildDated(b *testing.B) {
	for _, pages := range []int{1000} {
		b.Run(fmt.Sprint(pages), func(b *testing.B) {
			fsys := fstest.MapFS{}
			i := 0
			for _, name := range slices.Sorted(maps.Keys(benchCorpus(pages))) {
				data := string(benchCorpus(pages)[name].Data)
				if strings.HasSuffix(name, ".md") {
					i++
					data = strings.Replace(data, "\nupdated: ", fmt.Sprintf("\ntags: [emne %d, emne %d]\ndate: ", i%50, (i*7)%50), 1)
				}
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				out := &discard{}
				res, err := build.Build(fsys, build.Options{Defaults: theme.FS()}, out)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Site.Feeds()) < 100 {
					b.Fatalf("%d feeds", len(res.Site.Feeds()))
				}
				b.SetBytes(out.bytes.Load())
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkUpdateBody is sitegen serve's rebuild after one page's body
// was edited: re-read, convert, render and minify that page.
func BenchmarkUpdateBody(b *testing.B) {
	benchUpdate(b, func(original string, i int) string {
		return strings.Replace(original, "\n\n", fmt.Sprintf("\n\nRettelse %d.\n\n", i), 1)
	}, func(written []string) bool { return len(written) == 1 })
}

// benchUpdate measures Update after edit changes a typical page of the
// corpus (the i-th time), at 1,000 and 10,000 pages; ok judges what it
// wrote.
func benchUpdate(b *testing.B, edit func(original string, i int) string, ok func(written []string) bool) {
	for _, pages := range []int{1000, 10000} {
		b.Run(fmt.Sprint(pages), func(b *testing.B) {
			fsys := fstest.MapFS{}
			for k, v := range benchCorpus(pages) {
				fsys[k] = &fstest.MapFile{Data: v.Data}
			}
			target := typicalPage(fsys)
			original := string(fsys[target].Data)
			builder := build.NewBuilder(fsys, build.Options{Defaults: theme.FS(), Dev: true, Drafts: true, Incremental: true})
			if _, err := builder.Build(publish.NewMemory()); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				fsys[target] = &fstest.MapFile{Data: []byte(edit(original, i))}
				_, ch, err := builder.Update([]string{target}, publish.NewMemory())
				if err != nil {
					b.Fatal(err)
				}
				if !ok(ch.Written) {
					b.Fatalf("wrote %v", ch.Written)
				}
			}
		})
	}
}

// typicalPage returns the first regular Danish page two sections deep.
func typicalPage(fsys fstest.MapFS) string {
	var names []string
	for n := range fsys {
		if strings.HasPrefix(n, "content/da/") && strings.Count(n, "/") == 4 && !strings.HasSuffix(n, "_index.md") {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names[0]
}

// BenchmarkSearchFiles is what sitegen serve adds to each rebuild for
// its search indexes: each page's entry, taken under the build lock, so
// that the indexes can be made on request while the next build runs.
func BenchmarkSearchFiles(b *testing.B) {
	for _, pages := range []int{1000, 10000} {
		b.Run(fmt.Sprint(pages), func(b *testing.B) {
			builder := build.NewBuilder(benchCorpus(pages), build.Options{Defaults: theme.FS(), Dev: true, Drafts: true, Incremental: true})
			if _, err := builder.Build(publish.NewMemory()); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if builder.SearchFiles() == nil {
					b.Fatal("no SearchFiles")
				}
			}
		})
	}
}

// BenchmarkUpdateTitle is sitegen serve's rebuild after one page's title
// was edited: the model is resolved again, and the pages that show the
// title (its section's listing, its translations' fallback pages, the
// search pages) are rendered again.
func BenchmarkUpdateTitle(b *testing.B) {
	benchUpdate(b, func(original string, i int) string {
		return strings.Replace(original, "\ntitle: ", fmt.Sprintf("\ntitle: Rettet %d ", i), 1)
	}, func(written []string) bool { return len(written) >= 2 })
}

// BenchmarkBuildPerPage is a whole build of the corpus, as sitegen build
// makes it (minified, with the search indexes), per page written: CPU
// time and CPU time, on all cores (ns/page, cpu-ns/page), bytes and
// allocations (B/page, allocs/page), and what the finished build keeps
// live of the site, per page of the model (live-B/page). A site's
// pages should cost the same at any size, so the figures at 1,000 and
// 4,000 pages should be alike:
//
//	go test ./internal/build -run XXX -bench BuildPerPage -benchtime 2x
func BenchmarkBuildPerPage(b *testing.B) {
	for _, pages := range []int{1000, 4000} {
		b.Run(fmt.Sprint(pages), func(b *testing.B) {
			fsys := benchCorpus(pages)
			var before, after runtime.MemStats
			files := 0
			runtime.GC()
			runtime.ReadMemStats(&before)
			cpu := cpuTime()
			var res *build.Result
			for b.Loop() {
				var err error
				res, err = build.Build(fsys, build.Options{Defaults: theme.FS(), KeepGoing: true}, &discard{})
				if err != nil {
					b.Fatal(err)
				}
				files += res.Files
			}
			cpu = cpuTime() - cpu
			runtime.ReadMemStats(&after)
			// What a build keeps of the site once it is done (the model
			// the Result holds), per page of the site: the live heap of
			// a build grows with it.
			var live runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&live)
			b.ReportMetric(float64(int64(live.HeapAlloc)-int64(before.HeapAlloc))/float64(len(res.Site.Pages)+len(res.Site.Special)), "live-B/page")
			runtime.KeepAlive(res)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(files), "ns/page")
			if cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(files), "cpu-ns/page")
			}
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(files), "B/page")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(files), "allocs/page")
		})
	}
}
