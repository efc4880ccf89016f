package check

import "strings"

// targets resolves the URLs of the rendered pages to the output files and
// ids they name (Target), once for each version of each page: a Checker
// makes a report after every edit (sitegen serve), and at 10,000 pages
// resolving every URL of every page again would take most of a report's
// time. A URL that is the same on many pages, as layouts' links are, is
// one entry of the table.
type targets struct {
	keep         bool // keep each file's URLs for the next report
	origin, base string
	table        []target         // by id
	ids          map[string]int32 // url, file and fragment -> id
	files        map[string]fileTargets
}

// A target is an internal URL as a page holds it, and what it names.
type target struct {
	url  string
	file string // the output file
	frag string
	key  string // file#frag
}

// fileTargets are the internal URLs of one version of an output file,
// other than mailto: and tel:.
type fileTargets struct {
	scan *scan
	ids  []int32
}

// of returns the internal URLs of the output file name as scanned in s.
func (t *targets) of(name string, s *scan, origin, base string) []int32 {
	if t.files == nil || t.origin != origin || t.base != base {
		*t = targets{keep: t.keep, origin: origin, base: base, ids: map[string]int32{}, files: map[string]fileTargets{}}
	}
	if ft, ok := t.files[name]; ok && ft.scan == s {
		return ft.ids
	}
	ft := fileTargets{scan: s}
	for _, u := range s.urls() {
		if strings.HasPrefix(u, "mailto:") || strings.HasPrefix(u, "tel:") {
			continue
		}
		file, frag, internal := Target(u, name, origin, base)
		if !internal {
			continue
		}
		k := u + "\x00" + file + "#" + frag
		id, ok := t.ids[k]
		if !ok {
			id = int32(len(t.table))
			t.table = append(t.table, target{url: u, file: file, frag: frag, key: k[len(u)+1:]})
			t.ids[k] = id
		}
		ft.ids = append(ft.ids, id)
	}
	if t.keep {
		t.files[name] = ft
	}
	return ft.ids
}

// forget drops the files that are no longer scanned.
func (t *targets) forget(scans map[string]*scan) {
	for name := range t.files {
		if scans[name] == nil {
			delete(t.files, name)
		}
	}
}
