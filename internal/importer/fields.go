package importer

import (
	"path"
	"strings"
	"unicode/utf8"
)

// maxSlug is the longest URL segment sitegen takes, in bytes.
const maxSlug = 100

// fields gives what the other generators may leave out and sitegen needs:
// a title (a section's from its folder's name, a page's from its first
// heading or its name), and a slug: that is a URL segment (an empty one
// goes; spaces and other characters no segment holds become "-"; one
// longer than sitegen takes is cut, and the old URL kept as an alias).
func (s *site) fields() {
	for _, f := range s.files {
		if !f.page || f.added {
			continue
		}
		if f.fm.str("title") == "" {
			f.fm.set("title", s.titleFor(f))
			f.changed = true
		}
		if !f.fm.has("slug") {
			continue
		}
		slug := f.fm.str("slug")
		if strings.TrimSpace(slug) == "" {
			f.fm.remove("slug")
			f.changed = true
			continue
		}
		if strings.Contains(slug, "/") && s.gen == "docusaurus" {
			continue // a path, which Docusaurus allows (see docusaurus.frontMatter)
		}
		good := strings.Trim(servableName(strings.Trim(slug, "/")), "-")
		for len(good) > maxSlug {
			_, size := utf8.DecodeLastRuneInString(good)
			good = strings.TrimRight(good[:len(good)-size], "-")
		}
		if good != slug && good != "" {
			f.fm.set("slug", good)
			f.changed = true
		}
	}
}

// titleFor is a title for a page that has none.
func (s *site) titleFor(f *file) string {
	key := f.key()
	if path.Base(key) == "_index" {
		return s.titleFromName(f.lang, path.Dir(key))
	}
	if path.Base(key) == "index" {
		key = path.Dir(key)
	}
	for _, line := range strings.Split(stripCode(f.body), "\n") {
		if n := run(line, '#'); n >= 1 && n <= 6 && len(line) > n && line[n] == ' ' {
			return strings.TrimSpace(strings.Trim(line[n:], "# "))
		}
	}
	return s.titleFromName(f.lang, key)
}
