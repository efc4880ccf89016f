package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/udenmitid/sitegen/internal/importer"
)

// runImport converts another generator's site into a sitegen site.
func runImport(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitegen import hugo|zola|docusaurus|jekyll SRC DST")
		fmt.Fprintln(stderr, "\nConverts the site in SRC, once, into a sitegen site in DST (a new or empty folder,")
		fmt.Fprintln(stderr, "or one an earlier import wrote). SRC is only read. What could not be converted is")
		fmt.Fprintln(stderr, "listed in DST/"+importer.ReportFile+"; see go doc ./internal/importer.")
	}
	if err := fl.Parse(args); err != nil {
		return errUsage
	}
	if fl.NArg() != 3 {
		fl.Usage()
		return errUsage
	}
	gen, src, dst := fl.Arg(0), fl.Arg(1), fl.Arg(2)
	known := false
	for _, g := range importer.Generators {
		known = known || g == gen
	}
	if !known {
		fmt.Fprintf(stderr, "sitegen import: unknown generator %q: give one of %s\n", gen, strings.Join(importer.Generators, ", "))
		return errUsage
	}
	if st, err := os.Stat(src); err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a folder", src)
	}
	res, err := importer.Import(gen, os.DirFS(src), src)
	if err != nil {
		return fmt.Errorf("%s: %v", src, err)
	}
	if err := importer.Write(dst, res); err != nil {
		return err
	}
	r := res.Report
	fmt.Fprintf(stdout, "imported %d pages in %d languages into %s: %d files changed, %d copied as they are, %d added; %d URLs kept, %d changed (aliases)\n",
		r.Pages, r.Languages, dst, r.Changed, r.Copied, r.Added, r.URLsKept, r.Aliases)
	if n := r.StampedCurrent + r.StampedOutdated; n > 0 {
		from := "no git history: against the source as it is"
		if r.StampedFromGit {
			from = "from git history"
		}
		what := "translations"
		if n == 1 {
			what = "translation"
		}
		fmt.Fprintf(stdout, "%d %s stamped (translated_from), %s: %d current, %d outdated\n", n, what, from, r.StampedCurrent, r.StampedOutdated)
	}
	if n := r.ToCheck(); n > 0 {
		what := "things"
		if n == 1 {
			what = "thing"
		}
		fmt.Fprintf(stdout, "%d %s to check by hand: see %s\n", n, what, filepath.Join(dst, importer.ReportFile))
	}
	return nil
}
