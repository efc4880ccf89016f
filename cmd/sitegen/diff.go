package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/history"
)

// errOutdated is sitegen diff's exit 1: it showed outdated translations.
var errOutdated = errors.New("outdated")

func runDiff(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("diff", "[-src dir] [-color auto|always|never] [content/<lang>/<file>.md ...]", stderr)
	src := fs.String("src", ".", "the site folder, holding sitegen.toml and content/")
	colorFlag := fs.String("color", "auto", "colour the changes: auto (on a terminal, unless NO_COLOR is set), always or never")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	color, ok := map[string]bool{"always": true, "never": false, "auto": isTerminal(stdout)}[*colorFlag]
	if !ok {
		fmt.Fprintf(stderr, "sitegen diff: -color must be auto, always or never, not %q\n", *colorFlag)
		return errUsage
	}
	root, err := os.OpenRoot(*src)
	if err != nil {
		return err
	}
	defer root.Close()
	cfg, diags := config.Load(root.FS())
	if cfg == nil {
		printDiags(stderr, diags)
		return errFailed
	}
	pairs, _, _ := content.Pairs(root.FS(), cfg.DefaultLanguage, cfg.Codes())
	selected, err := selectPairs(pairs, *src, cfg, fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "sitegen diff: %v\n", err)
		return errFailed
	}
	hist := history.New(root.FS(), *src)
	shown := 0
	for _, p := range selected {
		t := p.Translation
		if !p.Outdated() {
			fmt.Fprintf(stdout, "%s: up to date with %s\n", diag.QuotePath(t.Path), diag.QuotePath(p.Source.Path))
			continue
		}
		if shown > 0 {
			fmt.Fprintln(stdout)
		}
		shown++
		o := check.Outdated{Path: t.Path, Source: p.Source.Path, TranslatedFrom: t.Meta.TranslatedFrom, SourceHash: p.Source.SourceHash()}
		o.Change, o.Found, o.NotFound = check.Explain(root.FS(), hist, o.Source, o.TranslatedFrom)
		fmt.Fprintf(stdout, "%s: outdated, %s changed since it was translated\n", diag.QuotePath(t.Path), diag.QuotePath(p.Source.Path))
		if o.Change == nil {
			fmt.Fprintf(stdout, "  %s does not read: sitegen check says why\n", diag.QuotePath(p.Source.Path))
			continue
		}
		fmt.Fprintf(stdout, "  %s\n", o.Summary())
		o.Change.WriteText(stdout, color)
	}
	if len(selected) == 0 {
		fmt.Fprintln(stdout, "No translation is outdated.")
	}
	if shown > 0 {
		return errOutdated
	}
	return nil
}

// selectPairs returns the translations named in args, or every outdated
// one when args is empty.
func selectPairs(pairs []content.Pair, src string, cfg *config.Config, args []string) ([]content.Pair, error) {
	if len(args) == 0 {
		var out []content.Pair
		for _, p := range pairs {
			if p.Outdated() {
				out = append(out, p)
			}
		}
		return out, nil
	}
	var out []content.Pair
	for _, arg := range args {
		rel, err := siteRel(src, arg)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", arg, err)
		}
		found := false
		for _, p := range pairs {
			if norm.NFC.String(p.Translation.Path) == norm.NFC.String(rel) {
				if p.Source == nil {
					return nil, fmt.Errorf("%s: no page of %s has its translation key, so it translates nothing", arg, cfg.DefaultLanguage)
				}
				out, found = append(out, p), true
			}
		}
		if !found {
			return nil, fmt.Errorf("%s: not a translation that reads (a page of content/<lang>/ of a language other than %s; sitegen check lists the files that do not read)", arg, cfg.DefaultLanguage)
		}
	}
	return out, nil
}

// isTerminal reports whether w is a terminal that takes colours.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}
