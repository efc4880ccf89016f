// Command searchdl prints how much a search on a built site downloads at
// most, gzipped (as a host compresses it): for each language, the search
// index files one query fetches, the largest of them over the languages.
//
//	searchdl PUBLIC_DIR
//
// It prints KiB with one decimal. bench/run.sh's scaling table uses it.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: searchdl PUBLIC_DIR")
		os.Exit(2)
	}
	most, err := largest(os.DirFS(os.Args[1]))
	if err != nil {
		fmt.Fprintln(os.Stderr, "searchdl:", err)
		os.Exit(1)
	}
	fmt.Printf("%.1f\n", float64(most)/1024)
}

// largest returns the gzipped size in bytes of the largest download of
// one query: a language's whole index, one file in search/.
func largest(fsys fs.FS) (int, error) {
	most := 0
	err := fs.WalkDir(fsys, "search", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") || strings.Count(p, "/") != 1 {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		most = max(most, gzipped(data))
		_ = path.Base(p)
		return nil
	})
	return most, err
}

func gzipped(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}
