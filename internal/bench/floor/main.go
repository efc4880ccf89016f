// Command floor measures the least any build of a site must do: read every
// Markdown file, parse its front matter and run goldmark over its body,
// with the same extensions sitegen uses, on all cores, keeping nothing. bench/run.sh runs it beside
// sitegen and Hugo, to show how far a full build is from this floor.
//
//	go run ./internal/bench/floor -src DIR
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/markdown"
)

func main() {
	src := flag.String("src", ".", "the site folder")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	var paths []string
	filepath.WalkDir(filepath.Join(*src, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return nil
	})
	converters := map[string]*markdown.Converter{}
	for _, l := range []string{"da", "en", "kl"} {
		converters[l] = markdown.New(markdown.Options{Lang: l})
	}
	var next, bytes atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				data, err := os.ReadFile(paths[i])
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
				rel := "content/" + strings.SplitN(filepath.ToSlash(paths[i]), "/content/", 2)[1]
				f, diags := content.Parse(rel, data)
				if f == nil {
					fmt.Fprintln(os.Stderr, diags)
					os.Exit(1)
				}
				c := converters[f.Lang]
				if c == nil {
					c = converters["da"]
				}
				res, _ := c.Convert(f.Body, f.BodyLine, nil, 0)
				bytes.Add(int64(len(res.HTML)))
			}
		})
	}
	wg.Wait()
	fmt.Printf("floor: read and converted %d files (%d bytes of HTML) in %d ms\n", len(paths), bytes.Load(), time.Since(start).Milliseconds())
}
