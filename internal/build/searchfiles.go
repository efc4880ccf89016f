package build

import (
	"maps"
	"strings"
	"sync"

	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/search"
)

// SearchFiles are the search index files of one build, for sitegen serve,
// which makes them when they are asked for rather than with every build
// (Options.Dev): one language's index takes about a second at 10,000
// pages. SearchFiles holds what they are made of, each page's entry in
// each language's order, taken from the build when Builder.SearchFiles is
// called, so an index made later, while the Builder runs the next build,
// is the index of this one. It is safe for concurrent use.
type SearchFiles struct {
	langs map[string]*langIndex // by language tag in lower case, as in the files' names
}

// langIndex is the index of one language, made once, when first asked.
type langIndex struct {
	code  string
	list  []*search.Entry // as search.Entries gives them; read only
	once  sync.Once
	files map[string][]byte // search.FileName(code) and a split index's other files
}

// SearchFiles returns the search index files of the latest successful
// build, or nil when there is none or the Builder keeps no pages
// (Options.Incremental). It makes every page's entry from its kept doc
// (no Markdown is converted): about 70 ms of CPU at 10,000 pages and 6 ms
// at 1,000 (BenchmarkSearchFiles, on a busy 2-core machine). The files
// themselves are made on request (SearchFiles.File).
func (b *Builder) SearchFiles() *SearchFiles {
	if !b.built || !b.keep {
		return nil
	}
	entries := map[*pages.Page]*search.Entry{}
	for _, p := range b.site.Pages {
		if made(p) {
			entries[p] = search.NewEntry(b.site, p, nil)
		}
		if p.File == nil {
			continue
		}
		if d := b.docs[p.File.Path]; d != nil {
			e := search.NewEntry(b.site, p, d.res)
			e.Terms, e.Forms = d.body.Terms, d.body.Forms
			entries[p] = e
		}
	}
	s := &SearchFiles{langs: make(map[string]*langIndex, len(b.site.Langs))}
	for _, l := range b.site.Langs {
		s.langs[l.Folder] = &langIndex{code: l.Code, list: search.Entries(b.site, l, entries)}
	}
	return s
}

// File returns a file of a search index by its name below the output
// folder: "search/<lang>.json" (the index the search page names) or a
// file of a split index, "search/<lang>.<hash>/t0.json". The first request
// for a language makes its files; requests for it meanwhile wait for them.
func (s *SearchFiles) File(name string) ([]byte, bool) {
	l := s.lang(name)
	if l == nil {
		return nil, false
	}
	data, ok := l.make()[name]
	return data, ok
}

// lang returns the index a file name belongs to, or nil.
func (s *SearchFiles) lang(name string) *langIndex {
	rest, ok := strings.CutPrefix(name, "search/")
	code, _, dot := strings.Cut(rest, ".")
	if s == nil || !ok || !dot {
		return nil
	}
	return s.langs[code]
}

// make makes the language's files once and returns them.
func (l *langIndex) make() map[string][]byte {
	l.once.Do(func() {
		index, files := search.Index(l.code, l.list, search.SplitPages)
		l.files = map[string][]byte{search.FileName(l.code): index}
		maps.Copy(l.files, files)
	})
	return l.files
}

// SearchIndex returns the search index of a language as it is now. Builds
// with Options.Dev leave the indexes out of the output, since they change
// with every edit; sitegen serve makes them on request (SearchFiles).
func (b *Builder) SearchIndex(lang string) ([]byte, bool) {
	if !b.built || !b.keep || b.site.Lang(lang) == nil {
		return nil, false
	}
	return b.SearchFile(search.FileName(lang))
}

// SearchFile returns a file of a search index as it is now, by its name
// below the output folder (SearchFiles.File). The files are kept until the
// next build or Update.
func (b *Builder) SearchFile(name string) ([]byte, bool) {
	if !b.built || !b.keep {
		return nil, false
	}
	if data, ok := b.indexes[name]; ok {
		return data, true
	}
	l := b.SearchFiles().lang(name)
	if l == nil {
		return nil, false
	}
	if _, made := b.indexes[search.FileName(l.code)]; made {
		return nil, false // this language's files are made, and name is none of them
	}
	maps.Copy(b.indexes, l.make())
	data, ok := b.indexes[name]
	return data, ok
}
