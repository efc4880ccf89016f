package build_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/theme"
)

// BenchmarkShapes builds and checks one-page sites of the shapes that
// once hung or swelled the build (issue 23): a page of a million list
// items, a page of 100,000 equal headings, and a 1 GB page, which is
// refused before it is read. Each reports its time and the peak of the
// heap's live objects while it ran (peak-heap-MB), beside the bytes it
// allocated in all (B/op):
//
//	go test ./internal/build -run XXX -bench Shapes -benchtime 1x
func BenchmarkShapes(b *testing.B) {
	shapes := []struct {
		name string
		body func() string
	}{
		{"list-1M", func() string { return strings.Repeat("- a\n", 1_000_000) }},
		{"list-100k", func() string { return strings.Repeat("- a\n", 100_000) }},
		{"headings-100k", func() string { return strings.Repeat("## Heading\n", 100_000) }},
	}
	for _, s := range shapes {
		fsys := fstest.MapFS{
			"sitegen.toml":         {Data: []byte("base_url = \"https://example.org/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n")},
			"content/da/_index.md": {Data: []byte("---\ntitle: Forside\ndescription: Forsiden.\n---\n")},
			"content/da/stor.md":   {Data: []byte("---\ntitle: Stor\ndescription: En stor side.\n---\n" + s.body())},
		}
		benchShape(b, s.name, fsys)
	}
	dir := b.TempDir()
	for name, data := range map[string]string{
		"sitegen.toml":         "base_url = \"https://example.org/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n",
		"content/da/_index.md": "---\ntitle: Forside\ndescription: Forsiden.\n---\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	// A sparse file: 1 GB long, no disk used.
	f, err := os.Create(filepath.Join(dir, "content/da/stor.md"))
	if err != nil {
		b.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		b.Fatal(err)
	}
	f.Close()
	root, err := os.OpenRoot(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	benchShape(b, "file-1GB", root.FS())
}

// benchShape benchmarks build and check of the site in fsys, and logs
// how the build ends: with the page, or with the error that refuses it.
func benchShape(b *testing.B, name string, fsys fs.FS) {
	b.Run(name+"/build", func(b *testing.B) {
		b.ReportAllocs()
		peak := watchHeap()
		var err error
		for b.Loop() {
			_, err = build.Build(fsys, build.Options{Defaults: theme.FS()}, &discard{})
		}
		b.ReportMetric(peak()/1e6, "peak-heap-MB")
		if msg := fmt.Sprint(err); len(msg) > 200 {
			err = errors.New(msg[:200] + "…")
		}
		b.Logf("build error: %v", err)
	})
	b.Run(name+"/check", func(b *testing.B) {
		b.ReportAllocs()
		peak := watchHeap()
		for b.Loop() {
			if _, err := check.Run(fsys, build.Options{Defaults: theme.FS()}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(peak()/1e6, "peak-heap-MB")
	})
}

// watchHeap samples the bytes of live and not yet swept heap objects
// every millisecond until the returned function is called, which returns
// the largest sample. It starts from a collected heap, so the figure is
// what the work itself held at its peak, garbage not yet collected
// included: what the process needs from the system for it.
func watchHeap() (peak func() float64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var mu sync.Mutex
	var most uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			mu.Lock()
			most = max(most, sample[0].Value.Uint64())
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() float64 {
		close(done)
		<-stopped
		mu.Lock()
		defer mu.Unlock()
		return float64(most)
	}
}
