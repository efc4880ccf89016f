// Command sitegen builds a multilingual static site in which every page
// exists in every language: as its translation, or as a fallback page in
// that language that links to the languages it is available in.
//
// Usage:
//
//	sitegen init DIR [-langs sv,en]
//	sitegen build [-src dir] [-out dir] [-base-url url]
//	sitegen serve [-src dir] [-addr host:port] [-allow-host name,...] [-drafts=false] [-open]
//	sitegen check [-src dir] [-strict] [-drafts] [-format text|json]
//	sitegen stamp [-src dir] content/<lang>/<file>.md ...
//	sitegen diff [-src dir] [-color auto|always|never] [content/<lang>/<file>.md ...]
//	sitegen xliff export [-src dir] [-copy-source] -lang LANG -out DIR [content/<lang>/<file>.md ...]
//	sitegen xliff import [-src dir] [-force] FILE.xlf ...
//	sitegen import hugo|zola|docusaurus|jekyll SRC DST
//	sitegen version
//	sitegen help
//
// Run "sitegen help" for the details of each command.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// exitUsage is the exit code for a wrong command line; problems with the
// site exit 1.
const exitUsage = 2

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) error
}

var commands []command

func init() {
	commands = []command{
		{"init", "write a new site into a folder: config, a home page per language, a first page", runInit},
		{"build", "build the site into a folder (default public/)", runBuild},
		{"serve", "preview the site: build into memory, serve, rebuild and reload on every edit", runServe},
		{"check", "check links, translations, readability and content; write nothing", runCheck},
		{"import", "convert a Hugo, Zola, Docusaurus or Jekyll site into a sitegen site, once", runImport},
		{"stamp", "record in translations that they match their source page now", runStamp},
		{"diff", "show what changed in the sources of outdated translations", runDiff},
		{"xliff", "export pages to translate as XLIFF, import their translations", runXLIFF},
		{"version", "print the version", runVersion},
		{"help", "show help for a command", runHelp},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks errors in the command line.
var errUsage = errors.New("usage")

// errFailed marks a failure already reported to the user.
var errFailed = errors.New("failed")

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(args[1:], stdout, stderr)
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				return exitUsage
			case errors.Is(err, errFailed), errors.Is(err, errOutdated):
				return 1
			default:
				fmt.Fprintf(stderr, "sitegen %s: %v\n", c.name, err)
				return 1
			}
		}
	}
	fmt.Fprintf(stderr, "sitegen: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "sitegen builds a multilingual static site with fallback pages.\n\nUsage:\n\n\tsitegen <command> [flags]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"sitegen help <command>\" for a command's flags.")
}

func runHelp(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stdout)
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] && c.name != "help" {
			return c.run([]string{"-h"}, stdout, stdout)
		}
	}
	fmt.Fprintf(stderr, "sitegen help: unknown command %q\n", args[0])
	return errUsage
}

// newFlags returns a flag set that reports errors as usage errors.
func newFlags(name, args string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: sitegen %s %s\n\nFlags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, turning errors into usage errors.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "sitegen %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	return nil
}
