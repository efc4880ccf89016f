package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/progress"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/theme"
)

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "[-src dir] [-out dir] [-base-url url]", stderr)
	src := fs.String("src", ".", "the site folder, holding sitegen.toml and content/")
	out := fs.String("out", "", "the output folder, replaced as a whole when the build succeeds, but for hidden entries such as .git (default <src>/public)")
	baseURL := fs.String("base-url", "", "the site's address, replacing base_url from sitegen.toml (for deploy previews)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile of the build to this file (go tool pprof): what it allocated")
	if err := parse(fs, args); err != nil {
		return err
	}
	stopProfile, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stopProfile()
	if info, err := os.Stat(*src); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "sitegen build: %s is not a folder; -src names the site folder, which holds sitegen.toml\n", diag.QuotePath(*src))
		return errUsage
	}
	if *out == "" {
		*out = filepath.Join(*src, "public")
	}
	tuneMemory()
	if err := publish.CheckOutput(*out, *src); err != nil {
		fmt.Fprintf(stderr, "sitegen build: %v\n", err)
		return errUsage
	}
	root, err := os.OpenRoot(*src)
	if err != nil {
		return err
	}
	defer root.Close()
	dir, err := publish.Begin(*out)
	if err != nil {
		return err
	}
	// Ctrl-C throws the unfinished build away at once, instead of leaving
	// its temporary folder for the next build to remove.
	interrupted := make(chan os.Signal, 1)
	signal.Notify(interrupted, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(interrupted)
	finished := make(chan struct{})
	defer close(finished)
	go func() {
		select {
		case <-interrupted:
			dir.Abort()
			fmt.Fprintln(stderr, "\nsitegen build: interrupted; the output folder is as it was")
			os.Exit(130)
		case <-finished:
		}
	}()
	counts := &progress.Counts{}
	stop := progress.Show(stderr, "building", counts)
	// KeepGoing: a site with errors in several stages (front matter, then
	// layouts, then links) reports them all in one run; nothing of a failed
	// build is kept.
	res, err := build.Build(root.FS(), build.Options{BaseURL: *baseURL, Defaults: theme.FS(), Progress: counts, KeepGoing: true}, dir)
	stop()
	if err := writeMemProfile(*memProfile); err != nil {
		fmt.Fprintf(stderr, "sitegen build: -memprofile: %v\n", err)
	}
	if err != nil {
		dir.Abort()
		if res != nil {
			printDiags(stderr, res.Warnings) // what else to fix, seen in the same run
		}
		return reportFailure(stderr, err)
	}
	var left *publish.LeftoverError
	if err := dir.Commit(); err != nil && !errors.As(err, &left) {
		return err // the output folder is as it was
	}
	fmt.Fprintln(stdout, res.Summary())
	printDiags(stderr, res.Warnings)
	if left != nil {
		fmt.Fprintf(stderr, "warning: %v\n", left)
	}
	return nil
}

// reportFailure prints every problem of a failed build, one a line.
func reportFailure(stderr io.Writer, err error) error {
	var l diag.List
	if !errors.As(err, &l) {
		return err
	}
	printDiags(stderr, l)
	n := len(l.Errors())
	fmt.Fprintf(stderr, "build failed: %d %s; nothing was written\n", n, map[bool]string{true: "error", false: "errors"}[n == 1])
	return errFailed
}

func printDiags(w io.Writer, l diag.List) {
	for _, d := range l {
		fmt.Fprintln(w, d)
	}
}
