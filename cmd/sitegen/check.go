package main

import (
	"fmt"
	"io"
	"os"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/history"
	"github.com/udenmitid/sitegen/internal/progress"
	"github.com/udenmitid/sitegen/internal/theme"
)

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "[-src dir] [-strict] [-drafts] [-format text|json]", stderr)
	src := fs.String("src", ".", "the site folder, holding sitegen.toml and content/")
	strict := fs.Bool("strict", false, "fail on warnings too")
	drafts := fs.Bool("drafts", false, "check the site with its drafts, as sitegen serve shows it (its status page is this report); a published page's link to a draft is an error")
	format := fs.String("format", "text", "text, or json for tools and CI dashboards (see README)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the check to this file (go tool pprof)")
	if err := parse(fs, args); err != nil {
		return err
	}
	stopProfile, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stopProfile()
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "sitegen check: -format must be text or json, not %q\n", *format)
		return errUsage
	}
	if info, err := os.Stat(*src); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "sitegen check: %s is not a folder; -src names the site folder, which holds sitegen.toml\n", diag.QuotePath(*src))
		return errUsage
	}
	root, err := os.OpenRoot(*src)
	if err != nil {
		return err
	}
	defer root.Close()
	tuneMemory()
	counts := &progress.Counts{}
	stop := progress.Show(stderr, "checking", counts)
	report, err := check.Run(root.FS(), build.Options{Defaults: theme.FS(), Drafts: *drafts, Progress: counts})
	stop()
	if err != nil {
		return err
	}
	report.Src = *src // the text's sitegen stamp hints then work where check was run
	report.Explain(root.FS(), history.New(root.FS(), *src))
	if *format == "json" {
		if err := report.WriteJSON(stdout); err != nil {
			return err
		}
	} else {
		report.WriteText(stdout)
	}
	if report.Failed(*strict) {
		return errFailed
	}
	return nil
}
