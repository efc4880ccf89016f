package importer

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/history"
)

// stamp gives every translation its translated_from: the hash of its
// default-language page (content.File.SourceHash) as it was when the
// translation was made, so that sitegen check tells the translations
// made before their source last changed from those made after it.
//
// With the source's git history (git log), that is the source file as it
// was committed when the translation last changed, converted as the
// import converts the page now. Where it differs from the page now, the
// translation is outdated, and the version is kept in
// .sitegen/sources/<hash>.md (package history), where sitegen diff
// finds what changed since. A translation changed since the last commit
// (or never committed) is stamped against the page now; one older than
// its source's file, against the source's first version. Without git
// history, every translation is stamped against its page now, with a
// report line: the old site kept no record of which version each was
// made from.
func (s *site) stamp(g generator, dir string, out map[string][]byte) {
	type pair struct{ tr, src *file }
	var pairs []pair
	defaults := map[string]*file{} // by translation key
	parsed := map[*file]*content.File{}
	for _, f := range s.files {
		if !f.page {
			continue
		}
		cf, _ := content.Parse(f.dst, f.fm.bytes(f.body), s.cfg.taxonomies...)
		if cf == nil {
			continue
		}
		parsed[f] = cf
		if f.lang == s.cfg.defaultLang {
			defaults[cf.TranslationKey()] = f
		}
	}
	for _, f := range s.files {
		cf := parsed[f]
		if cf == nil || f.lang == s.cfg.defaultLang || f.fm.has("translated_from") {
			continue
		}
		if src := defaults[cf.TranslationKey()]; src != nil {
			pairs = append(pairs, pair{f, src})
		}
	}
	if len(pairs) == 0 {
		return
	}
	now := map[*file]string{}  // the hash of each source as the import writes it
	roots := map[string]bool{} // the source's folders of pages
	for _, p := range pairs {
		now[p.src] = parsed[p.src].SourceHash()
		for _, f := range []*file{p.tr, p.src} {
			if f.src != "" {
				root, _, _ := strings.Cut(f.src, "/")
				roots[root] = true
			}
		}
	}
	gl := readGitLog(dir, sortedKeys(roots))
	if gl == nil {
		for _, p := range pairs {
			p.tr.fm.set("translated_from", now[p.src])
			p.tr.changed = true
		}
		s.rep.StampedCurrent = len(pairs)
		s.rep.add("translations", 0, fmt.Sprintf("%s stamped as translated from the default language's page as it is now (translated_from): the old site kept no record of the version each was made from, and its folder is not a git checkout", count(len(pairs), "translation")),
			"check them against their source; sitegen check reports each as outdated when its source changes from now on")
		return
	}
	// Each translation's source version: a commit and the source's name
	// then, read from git in one go.
	var trs []string
	for _, p := range pairs {
		if p.tr.src != "" {
			trs = append(trs, p.tr.src)
		}
	}
	last := gl.lastChanges(trs, pageText)
	reqs := make([]gitReq, len(pairs))
	ok := make([]bool, len(pairs))
	for i, p := range pairs {
		if p.src.src == "" || p.tr.src == "" {
			continue // a page the import wrote: made now
		}
		at := last[p.tr.src]
		if at < 0 {
			continue // changed since the last commit: made against the source now
		}
		if name, found := gl.nameAt(p.src.src, at); found {
			reqs[i], ok[i] = gitReq{at, name}, true
		} else if at, name, found := gl.first(p.src.src); found {
			reqs[i], ok[i] = gitReq{at, name}, true
		}
	}
	var asked []gitReq
	for i := range reqs {
		if ok[i] {
			asked = append(asked, reqs[i])
		}
	}
	data := gl.show(asked)
	rep := s.rep
	s.rep = &Report{} // converting old versions again says nothing new
	idx := s.linkIndex()
	kept := map[string][]byte{}
	j := 0
	for i, p := range pairs {
		hash := now[p.src]
		if ok[i] {
			old := data[j]
			j++
			if old != nil {
				if conv, h := s.convertVersion(g, idx, p.src, old); conv != nil {
					hash = h
					if hash != now[p.src] {
						kept[hash] = conv
					}
				}
			}
		}
		p.tr.fm.set("translated_from", hash)
		p.tr.changed = true
		if hash == now[p.src] {
			rep.StampedCurrent++
		} else {
			rep.StampedOutdated++
		}
	}
	s.rep = rep
	names := make([]string, 0, len(kept))
	for h := range kept {
		names = append(names, h)
	}
	sort.Strings(names)
	for _, h := range names {
		out[path.Join(history.Dir, h+".md")] = kept[h]
	}
	s.rep.StampedFromGit = true
}

// convertVersion converts an older version (data) of the page f as the
// import converted f: the same renamed files followed, shortcodes
// converted, links rewritten, a title given where it has none. It
// returns the file as the import would write it, and its hash, or nil
// when its front matter does not parse. A version whose other front
// matter sitegen refuses (a date Hugo read and sitegen does not, since
// fixed in the source) is returned with its title and body only, which
// are all its hash and sitegen diff read.
func (s *site) convertVersion(g generator, idx *linkIndex, f *file, data []byte) ([]byte, string) {
	fm, body, line, err := splitFrontMatter(string(data))
	if err != nil {
		return nil, ""
	}
	v := &file{src: f.src, dst: f.dst, lang: f.lang, page: true, fm: fm, body: body, bodyLine: line, data: data}
	for _, r := range s.renamed {
		s.followRename(v, r)
	}
	v.body = g.convert(v)
	s.rewriteFileLinks(v, idx)
	if v.fm.str("title") == "" {
		v.fm.set("title", s.titleFor(v))
	}
	out := v.fm.bytes(v.body)
	if cf, _ := content.Parse(f.dst, out, s.cfg.taxonomies...); cf != nil {
		return out, cf.SourceHash()
	}
	bare := &frontMatter{kind: fmYAML, values: map[string]any{}}
	bare.set("title", v.fm.str("title"))
	out = bare.bytes(v.body)
	if cf, _ := content.Parse(f.dst, out, s.cfg.taxonomies...); cf != nil {
		return out, cf.SourceHash()
	}
	return nil, ""
}

// pageText is a page file's title and body, what a translation's text is
// for lastChange.
func pageText(data []byte) string {
	fm, body, _, err := splitFrontMatter(string(data))
	if err != nil {
		return string(data)
	}
	return fm.str("title") + "\x00" + strings.TrimSpace(body)
}
