package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/udenmitid/sitegen/internal/scaffold"
	"github.com/udenmitid/sitegen/internal/theme"
)

func runInit(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("init", "DIR [-langs sv,en]", stderr)
	langs := fs.String("langs", "en", "the site's languages, comma-separated, the default language first")
	// The folder may come before or after the flags: sitegen init DIR -langs sv,en.
	var dirs []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return errUsage
		}
		if fs.NArg() == 0 {
			break
		}
		dirs = append(dirs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(dirs) != 1 {
		fmt.Fprintln(stderr, "sitegen init: name one folder for the new site, e.g. sitegen init my-site -langs sv,en")
		fs.Usage()
		return errUsage
	}
	dir := dirs[0]
	files, err := scaffold.Write(dir, scaffold.Langs(*langs), theme.FS())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created a site in %s:\n", dir)
	for _, f := range files {
		fmt.Fprintf(stdout, "  %s\n", f.Path)
	}
	fmt.Fprintf(stdout, "\nNext: cd %s && sitegen serve, and open http://127.0.0.1:1313/\n", dir)
	return nil
}
