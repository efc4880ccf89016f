package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/history"
	"github.com/udenmitid/sitegen/internal/xliff"
)

func runXLIFF(args []string, stdout, stderr io.Writer) error {
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "Usage:\n\tsitegen xliff export [-src dir] [-copy-source] -lang LANG -out DIR [content/<lang>/<file>.md ...]\n\tsitegen xliff import [-src dir] [-force] FILE.xlf ...\n\nRun \"sitegen xliff export -h\" or \"sitegen xliff import -h\" for the flags.")
	}
	if len(args) == 0 {
		usage(stderr)
		return errUsage
	}
	switch args[0] {
	case "export":
		return runXLIFFExport(args[1:], stdout, stderr)
	case "import":
		return runXLIFFImport(args[1:], stdout, stderr)
	case "-h", "-help", "--help":
		usage(stdout)
		return flag.ErrHelp
	}
	fmt.Fprintf(stderr, "sitegen xliff: unknown command %q: export or import\n", args[0])
	usage(stderr)
	return errUsage
}

// openSite opens the site folder and reads its configuration.
func openSite(src string, stderr io.Writer) (*os.Root, *config.Config, error) {
	root, err := os.OpenRoot(src)
	if err != nil {
		return nil, nil, err
	}
	cfg, diags := config.Load(root.FS())
	if cfg == nil {
		root.Close()
		printDiags(stderr, diags)
		return nil, nil, errFailed
	}
	return root, cfg, nil
}

func runXLIFFExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("xliff export", "[-src dir] [-copy-source] -lang LANG -out DIR [content/<lang>/<file>.md ...]", stderr)
	src := fs.String("src", ".", "the site folder, holding sitegen.toml and content/")
	lang := fs.String("lang", "", "the language to translate into (required)")
	out := fs.String("out", "", "the folder to write the XLIFF files into, one a page (required)")
	copySource := fs.Bool("copy-source", false, "give units without a translation the source as their target (state needs-translation), for tools that translate targets, as OmegaT's own XLIFF filter does")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if *lang == "" || *out == "" {
		fmt.Fprintln(stderr, "sitegen xliff export: -lang and -out are required, e.g. sitegen xliff export -lang en -out xliff/en")
		fs.Usage()
		return errUsage
	}
	root, cfg, err := openSite(*src, stderr)
	if err != nil {
		return err
	}
	defer root.Close()
	l := cfg.Language(*lang)
	if l == nil || l.Code == cfg.DefaultLanguage {
		fmt.Fprintf(stderr, "sitegen xliff export: -lang %s: give one of the site's languages other than %s (the language of the sources): %s\n", *lang, cfg.DefaultLanguage, strings.Join(cfg.Codes(), ", "))
		return errUsage
	}
	pairs, sources, _ := content.Pairs(root.FS(), cfg.DefaultLanguage, cfg.Codes())
	reqs, err := exportRequests(root, *src, cfg, l, pairs, sources, fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "sitegen xliff export: %v\n", err)
		return errFailed
	}
	if len(reqs) == 0 {
		fmt.Fprintf(stdout, "Nothing to translate into %s: no page is missing or outdated.\n", l.Code)
		return nil
	}
	failed := false
	for _, r := range reqs {
		r.CopySource = *copySource
		data, err := xliff.Export(r)
		if err == nil {
			name := filepath.Join(*out, filepath.FromSlash(strings.TrimSuffix(strings.TrimPrefix(r.Source.Path, content.Dir+"/"+firstSegment(r.Source.Path)+"/"), ".md")+".xlf"))
			if err = os.MkdirAll(filepath.Dir(name), 0o755); err == nil {
				err = os.WriteFile(name, data, 0o644)
			}
			if err == nil {
				what := "missing"
				if r.Translation != nil {
					what = "to update: " + diag.QuotePath(r.Target)
				}
				fmt.Fprintf(stdout, "%s: %s (%s)\n", diag.QuotePath(name), diag.QuotePath(r.Source.Path), what)
				continue
			}
		}
		fmt.Fprintf(stderr, "%s: %v\n", diag.QuotePath(r.Source.Path), err)
		failed = true
	}
	if failed {
		return errFailed
	}
	return nil
}

// firstSegment is the language folder of a content path.
func firstSegment(p string) string {
	rest := strings.TrimPrefix(p, content.Dir+"/")
	folder, _, _ := strings.Cut(rest, "/")
	return folder
}

// exportRequests chooses the pages to export into language l: those
// named (sources, or translations in l), or every source that is missing
// in l or whose translation is outdated (drafts left out).
func exportRequests(root *os.Root, src string, cfg *config.Config, l *config.Language, pairs []content.Pair, sources []*content.File, args []string) ([]xliff.Request, error) {
	byKey := map[string]content.Pair{} // the translations into l, by translation key
	folder := l.Folder()
	for _, p := range pairs {
		if strings.EqualFold(p.Translation.Lang, l.Code) || strings.EqualFold(p.Translation.Lang, folder) {
			byKey[p.Translation.TranslationKey()] = p
			folder = p.Translation.Lang // as the folder is named on disk
		}
	}
	var chosen []*content.File
	if len(args) == 0 {
		for _, s := range sources {
			p, ok := byKey[s.TranslationKey()]
			if !s.Meta.Draft && (!ok || p.Outdated()) {
				chosen = append(chosen, s)
			}
		}
	}
	for _, arg := range args {
		rel, err := siteRel(src, arg)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", arg, err)
		}
		rel = norm.NFC.String(rel)
		found := false
		for _, s := range sources {
			if norm.NFC.String(s.Path) == rel {
				chosen, found = append(chosen, s), true
			}
		}
		for key, p := range byKey {
			if norm.NFC.String(p.Translation.Path) == rel && p.Source != nil {
				for _, s := range sources {
					if s.TranslationKey() == key {
						chosen, found = append(chosen, s), true
					}
				}
			}
		}
		if !found {
			return nil, fmt.Errorf("%s: not a page of %s, nor a translation of one into %s", arg, cfg.DefaultLanguage, l.Code)
		}
	}
	hist := history.New(root.FS(), src)
	var reqs []xliff.Request
	for _, s := range chosen {
		data, err := root.ReadFile(s.Path)
		if err != nil {
			return nil, err
		}
		r := xliff.Request{Lang: l.Code, Source: s, SourceData: data, Tool: version(),
			Target: path.Join(content.Dir, folder, s.Key)}
		if p, ok := byKey[s.TranslationKey()]; ok {
			t := p.Translation
			r.Target, r.Translation = t.Path, t
			if r.TranslationData, err = root.ReadFile(t.Path); err != nil {
				return nil, err
			}
			switch from := t.Meta.TranslatedFrom; {
			case from == s.SourceHash():
				r.Stamped = s
			case from != "":
				if f, err := hist.Find(s.Path, from); err == nil {
					r.Stamped, _ = content.Parse(s.Path, f.Data)
				}
			}
		}
		reqs = append(reqs, r)
	}
	return reqs, nil
}

func runXLIFFImport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("xliff import", "[-src dir] [-force] FILE.xlf ...", stderr)
	src := fs.String("src", ".", "the site folder, holding sitegen.toml and content/")
	force := fs.Bool("force", false, "write over a translation that changed since the export")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "sitegen xliff import: name the translated XLIFF files, e.g. sitegen xliff import xliff/en/klage.xlf")
		fs.Usage()
		return errUsage
	}
	root, cfg, err := openSite(*src, stderr)
	if err != nil {
		return err
	}
	defer root.Close()
	// Every file is checked before any is written.
	var results []*xliff.Result
	var names []string
	failed := false
	written := map[string]string{}
	for _, name := range fs.Args() {
		res, err := importOne(root, cfg, name, *force)
		if err == nil && written[res.Path] != "" {
			err = fmt.Errorf("%s is also translated by %s", diag.QuotePath(res.Path), written[res.Path])
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			failed = true
			continue
		}
		written[res.Path] = name
		results = append(results, res)
		names = append(names, name)
	}
	if failed {
		fmt.Fprintln(stderr, "sitegen xliff import: nothing was written")
		return errFailed
	}
	hist := history.New(root.FS(), *src)
	for i, res := range results {
		if err := writeSiteFile(root, res.Path, res.Data); err != nil {
			return err
		}
		review := ""
		if res.NeedsReview > 0 {
			review = fmt.Sprintf(", needs_review: %d %s not final", res.NeedsReview, map[bool]string{true: "unit", false: "units"}[res.NeedsReview == 1])
		}
		fmt.Fprintf(stdout, "%s: written from %s (translated_from: %s%s)\n", diag.QuotePath(res.Path), names[i], res.Hash, review)
		if kept, err := hist.Keep(root, res.Source, res.Hash, res.SourceData); err != nil {
			return err
		} else if kept {
			fmt.Fprintf(stdout, "%s: kept as %s/%s.md, to show what changes in it (commit it with the translation)\n", diag.QuotePath(res.Source), history.Dir, res.Hash)
		}
	}
	return pruneCopies(root, cfg, stdout)
}

// importOne reads and checks one translated file.
func importOne(root *os.Root, cfg *config.Config, name string, force bool) (*xliff.Result, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	res, err := xliff.Import(data, xliff.Options{Current: root.ReadFile, Force: force})
	if err != nil {
		return nil, err
	}
	l := cfg.Language(res.Lang)
	srcFolder := firstSegment(res.Source)
	if l == nil || l.Code == cfg.DefaultLanguage || content.LangOf(srcFolder, cfg.Codes()) != cfg.DefaultLanguage ||
		content.LangOf(firstSegment(res.Path), cfg.Codes()) != l.Code || !filepath.IsLocal(res.Path) || !strings.HasPrefix(res.Path, content.Dir+"/") {
		return nil, fmt.Errorf("it translates %s into %s as %s, which does not fit this site's languages (%s, sources in %s)", res.Source, res.Lang, res.Path, strings.Join(cfg.Codes(), ", "), cfg.DefaultLanguage)
	}
	return res, nil
}

// writeSiteFile writes a file of the site whole or not at all.
func writeSiteFile(root *os.Root, name string, data []byte) error {
	if err := root.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if info, err := root.Stat(name); err == nil {
		mode = info.Mode().Perm()
	}
	tmp := name + ".import.tmp"
	if err := root.WriteFile(tmp, data, mode); err != nil {
		return err
	}
	if err := root.Rename(tmp, name); err != nil {
		root.Remove(tmp)
		return err
	}
	return nil
}
