package importer

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/scaffold"
	"github.com/udenmitid/sitegen/internal/theme"
)

// taxonomyClashes leaves out of the taxonomies each one whose folder,
// content/<lang>/<taxonomy>/, holds pages other than section and term
// pages: sitegen keeps that folder for the taxonomy's own pages (package
// pages), where Zola and Hugo let a section and a taxonomy share it, the
// taxonomy's list written over the section's page at the same URL. The
// pages keep their terms in their front matter, which layouts read.
func (s *site) taxonomyClashes() {
	var keep []string
	for _, t := range s.cfg.taxonomies {
		n, dir := 0, ""
		for _, f := range s.files {
			if !f.page || !strings.HasPrefix(f.dst, langDir(f.lang)+"/"+t+"/") {
				continue
			}
			if name := path.Base(f.dst); strings.TrimSuffix(name, path.Ext(name)) == "_index" {
				continue
			}
			if n++; dir == "" {
				dir = langDir(f.lang) + "/" + t + "/"
			}
		}
		if n == 0 {
			keep = append(keep, t)
			continue
		}
		s.rep.add(siteConfigFile, 0,
			fmt.Sprintf("taxonomy %q left out: %s holds %s, and sitegen keeps a taxonomy's folder for its own pages (the old site wrote the taxonomy's list over the section's page); each page keeps its terms in front matter as %s:", t, dir, count(n, "page"), t),
			"to have term pages, rename that field in those pages and add the new name to taxonomies")
	}
	s.cfg.taxonomies = keep
}

// taxonomyNames names in the default language's UI strings each taxonomy
// the theme does not name (it names tags and categories), from its name:
// "coverage_type" is "Coverage type". The old site's templates named it,
// or showed no name; without one the site does not build (package build).
// The other languages show the default language's name until they have
// their own, as the build warns.
func (s *site) taxonomyNames(out map[string][]byte) {
	named := locale.IDsIn(theme.FS())
	var b strings.Builder
	var names []string
	for _, t := range s.cfg.taxonomies {
		id := "taxonomy_" + t
		if _, ok := slices.BinarySearch(named, id); ok {
			continue
		}
		fmt.Fprintf(&b, "\n[%s]\nother = %s\n", id, scaffold.Quote(readableName(t)))
		names = append(names, t)
	}
	if len(names) == 0 {
		return
	}
	file := "i18n/" + s.cfg.defaultLang + ".toml"
	data, ok := out[file]
	if !ok {
		data = []byte("# Written by sitegen import: the names of the old site's taxonomies, which sitegen's theme does not name.\n")
		s.rep.Added++
	}
	out[file] = append(data, b.String()...)
	what := fmt.Sprintf("taxonomies %s named from their names", strings.Join(names, ", "))
	if len(names) == 1 {
		what = fmt.Sprintf("taxonomy %s named from its name", names[0])
	}
	s.rep.add(file, 0,
		fmt.Sprintf("%s, in %s only (the old site's templates gave the names, if any)", what, s.cfg.defaultLang),
		"check the names, and add them to the other languages' i18n/<lang>.toml (sitegen build warns about each language without them)")
}

// readableName makes a taxonomy's name a title: "coverage_type" is
// "Coverage type".
func readableName(t string) string {
	t = strings.NewReplacer("_", " ", "-", " ").Replace(t)
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}
