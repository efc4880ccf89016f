package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/history"
)

func runStamp(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("stamp", "[-src dir] content/<lang>/<file>.md ...", stderr)
	src := fs.String("src", ".", "the site folder, holding sitegen.toml and content/")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "sitegen stamp: name the translation files to stamp, e.g. sitegen stamp content/en/klage.md")
		fs.Usage()
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
	failed := false
	hist := history.New(root.FS(), *src)
	for _, arg := range fs.Args() {
		if err := stamp(root, *src, cfg, hist, arg, stdout); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", arg, err)
			failed = true
		}
	}
	if err := pruneCopies(root, cfg, stdout); err != nil {
		fmt.Fprintf(stderr, "sitegen stamp: %v\n", err)
		failed = true
	}
	if failed {
		return errFailed
	}
	return nil
}

// stamp records in one translation the hash of its default-language
// source, and keeps a copy of that version of the source where the site's
// git history does not have it (package history).
func stamp(root *os.Root, src string, cfg *config.Config, hist *history.History, arg string, stdout io.Writer) error {
	rel, err := siteRel(src, arg)
	if err != nil {
		return err
	}
	langKey, ok := strings.CutPrefix(rel, content.Dir+"/")
	lang, _, ok2 := strings.Cut(langKey, "/")
	if !ok || !ok2 || cfg.Language(lang) == nil {
		return fmt.Errorf("not a content file: expected %s/<lang>/...md", content.Dir)
	}
	if cfg.Language(lang).Code == cfg.DefaultLanguage {
		return fmt.Errorf("%s is the default language: its pages are the sources; stamp their translations", lang)
	}
	if _, err := root.Stat(rel); errors.Is(err, fs.ErrNotExist) {
		return errors.New("there is no such file: stamp a translation once it is written")
	}
	f, diags := content.Read(root.FS(), rel, cfg.Taxonomies...)
	if f == nil {
		return fmt.Errorf("it does not build:\n%v", diags)
	}
	// The source is the default-language page with the same translation
	// key: the same path, unless translation_key: pairs other names.
	source, err := content.Source(root.FS(), f, cfg.DefaultLanguage, cfg.Codes(), cfg.Taxonomies...)
	if err != nil {
		return err
	}
	data, err := root.ReadFile(rel)
	if err != nil {
		return err
	}
	hash := source.SourceHash()
	out, err := content.Stamp(data, hash)
	if err != nil {
		return err
	}
	info, err := root.Stat(rel)
	if err != nil {
		return err
	}
	tmp := rel + ".stamp.tmp"
	if err := root.WriteFile(tmp, out, info.Mode().Perm()); err != nil {
		return err
	}
	if err := root.Rename(tmp, rel); err != nil {
		root.Remove(tmp)
		return err
	}
	fmt.Fprintf(stdout, "%s: translated_from: %s (from %s)\n", diag.QuotePath(rel), hash, diag.QuotePath(source.Path))
	return keepSource(root, hist, source, stdout)
}

// keepSource keeps a copy of the version of source a translation is
// stamped with, for sitegen diff and check to show what changed since.
func keepSource(root *os.Root, hist *history.History, source *content.File, stdout io.Writer) error {
	data, err := root.ReadFile(source.Path)
	if err != nil {
		return err
	}
	hash := source.SourceHash()
	kept, err := hist.Keep(root, source.Path, hash, data)
	if err != nil {
		return fmt.Errorf("keeping a copy of %s: %w", diag.QuotePath(source.Path), err)
	}
	if kept {
		fmt.Fprintf(stdout, "%s: kept as %s/%s.md, to show what changes in it (commit it with the translation)\n", diag.QuotePath(source.Path), history.Dir, hash)
	}
	return nil
}

// pruneCopies removes the copies of sources that no translation's
// translated_from names any more.
func pruneCopies(root *os.Root, cfg *config.Config, stdout io.Writer) error {
	pairs, _, _ := content.Pairs(root.FS(), cfg.DefaultLanguage, cfg.Codes())
	used := map[string]bool{}
	for _, p := range pairs {
		if h := p.Translation.Meta.TranslatedFrom; h != "" {
			used[h] = true
		}
	}
	removed, err := history.Prune(root, used)
	for _, name := range removed {
		fmt.Fprintf(stdout, "%s: removed, no translation is stamped with it now\n", diag.QuotePath(name))
	}
	return err
}

// siteRel returns the slash-separated path from the site folder src to a
// file named on the command line. The file is named as the shell sees it,
// relative to the current folder or absolute, whether src is absolute or
// relative; a relative name that is not inside the site from here is
// taken from the site folder, as sitegen check prints them
// ("content/en/klage.md").
func siteRel(src, arg string) (string, error) {
	site, err := realPath(src)
	if err != nil {
		return "", err
	}
	file, err := realPath(arg)
	if err != nil {
		return "", err
	}
	if rel, err := filepath.Rel(site, file); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel), nil
	}
	if !filepath.IsAbs(arg) && filepath.IsLocal(arg) {
		return filepath.ToSlash(filepath.Clean(arg)), nil
	}
	return "", fmt.Errorf("not a file of the site in %s", src)
}

// realPath makes p absolute and follows symbolic links in the folders
// that hold it, so that two names of one folder compare equal.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r, nil
	}
	dir, base := filepath.Split(abs)
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(r, base), nil
	}
	return abs, nil
}
