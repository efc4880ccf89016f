// Command gencorpus writes a deterministic multilingual (da/en/kl) sitegen
// site for benchmarks and tests:
//
//	go run ./internal/bench/gencorpus -pages 10000 -out /tmp/corpus [-seed 1] [-force]
//
// -pages counts the Danish Markdown files, _index.md included. About 90% of
// the keys also exist in English and about 20% in Greenlandic. The same
// flags always give the same bytes. The tree is also a valid Hugo content
// tree when each language's contentDir is content/<lang> (see bench/hugo).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
)

func main() {
	pages := flag.Int("pages", 1000, "number of Danish pages, _index.md files included")
	out := flag.String("out", "", "folder to write the site into (must be empty or missing)")
	seed := flag.Uint64("seed", 1, "random seed")
	force := flag.Bool("force", false, "write into a non-empty folder, replacing its content/ and sitegen.toml")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "gencorpus: unexpected argument %q\n", flag.Arg(0))
		flag.Usage()
		os.Exit(2)
	}
	st, err := corpus.Write(*out, *pages, *seed, *force)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("%s -> %s (seed %d)\n", st, *out, *seed)
}
