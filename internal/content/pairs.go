package content

import (
	"io/fs"
	"strings"

	"github.com/udenmitid/sitegen/internal/diag"
)

// A Pair is a translation and the default-language page it translates.
type Pair struct {
	Translation *File
	Source      *File // nil when the default language has no page with its key (an orphan)
}

// Outdated reports whether the translation's translated_from is not its
// source's hash now (or is not set). An orphan is not outdated.
func (p Pair) Outdated() bool {
	return p.Source != nil && p.Translation.Meta.TranslatedFrom != p.Source.SourceHash()
}

// Pairs reads every page below content/ and returns each page of a
// language other than def with its source, in the order of Walk, the
// pages of def, and the problems of the files that do not read (which
// are left out). langs are the site's language tags. sitegen diff and
// sitegen xliff use it where a whole build is not needed.
func Pairs(fsys fs.FS, def string, langs []string) ([]Pair, []*File, diag.List) {
	paths, diags := Walk(fsys, langs)
	sources := map[string]*File{}
	var defs, translations []*File
	for _, p := range paths {
		if !IsPage(p) {
			continue
		}
		f, d := Read(fsys, p)
		diags = append(diags, d...)
		if f == nil {
			continue
		}
		folder, _, _ := strings.Cut(strings.TrimPrefix(p, Dir+"/"), "/")
		if LangOf(folder, langs) == def {
			sources[f.TranslationKey()] = f
			defs = append(defs, f)
		} else {
			translations = append(translations, f)
		}
	}
	out := make([]Pair, 0, len(translations))
	for _, f := range translations {
		out = append(out, Pair{Translation: f, Source: sources[f.TranslationKey()]})
	}
	return out, defs, diags
}
