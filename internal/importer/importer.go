package importer

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/udenmitid/sitegen/internal/scaffold"
	"github.com/udenmitid/sitegen/internal/theme"
)

// Generators are the names Import accepts, in the order the manual lists them.
var Generators = []string{"hugo", "zola", "docusaurus", "jekyll"}

// ReportFile is the name of the report Import writes at the new site's root.
const ReportFile = "import-report.txt"

// A Result is a converted site: every file of it by its path from the new
// site's folder ("sitegen.toml", "content/en/docs/x.md", "static/app.js"),
// and the report, which Files also holds as ReportFile.
type Result struct {
	Files  map[string][]byte
	Report *Report
}

// Import reads a site that generator gen ("hugo", "zola", "docusaurus" or
// "jekyll") builds from src and returns it as a sitegen site. dir is
// src's folder on disk, whose git history, when it is a git checkout and
// git is installed, tells which version of its source each translation
// was made from; "" for none. It reads only; Write puts the result in a
// folder. The error is for a source that is not a site of that generator
// (no configuration file); everything Import cannot convert in a site it
// reads is an item of the report.
func Import(gen string, src fs.FS, dir string) (*Result, error) {
	s := &site{gen: gen, src: src, rep: &Report{Generator: gen}, byDst: map[string]*file{}, renamedDirs: map[string]string{}}
	var g generator
	switch gen {
	case "hugo":
		g = &hugo{s: s}
	case "zola":
		g = &zola{s: s}
	case "docusaurus":
		g = &docusaurus{s: s}
	case "jekyll":
		g = &jekyll{s: s}
	default:
		return nil, fmt.Errorf("unknown generator %q: give one of %s", gen, strings.Join(Generators, ", "))
	}
	if err := g.read(); err != nil {
		return nil, err
	}
	if len(s.cfg.langs) == 0 {
		return nil, fmt.Errorf("%s site: no language found in its configuration", gen)
	}
	s.index()
	s.dropStubs()
	s.renameUnservable()
	s.index()
	for _, f := range s.files {
		if f.page {
			before := f.body
			f.body = g.convert(f)
			if f.body != before {
				f.changed = true
			}
		}
	}
	s.moveStaticClashes()
	s.rewriteLinks()
	s.layouts()
	s.fields()
	s.sections(g)
	s.urls()
	g.menus()
	return s.result(g, dir), nil
}

// A generator reads one generator's sites.
type generator interface {
	// read fills the site's configuration and files.
	read() error
	// convert returns a page's body with what cannot stay converted.
	convert(f *file) string
	// sectionTitle is the title of a folder that has no _index.md, or "".
	sectionTitle(lang, dir string) (title string, weight int)
	// menus puts the old site's configured menus on the pages.
	menus()
}

type site struct {
	gen   string
	src   fs.FS
	rep   *Report
	cfg   siteConfig
	files []*file
	byDst map[string]*file
	// byKey finds a page by its language and its key below content/<lang>/
	// written without extension ("docs/intro", "docs/_index").
	byKey map[string]*file
	// byOld finds a page by its URL on the old site.
	byOld map[string]*file
	// renamedDirs are the folders renameFolders renamed, old path below
	// content/<lang>/ -> new name.
	renamedDirs map[string]string
	// renamed are the files renameUnservable renamed.
	renamed []renamed
}

type siteConfig struct {
	title, description, baseURL string
	defaultLang                 string
	inSubdir                    bool // the default language has its folder, as the others
	langs                       []langConf
	taxonomies                  []string
	setTaxonomies               bool // write taxonomies =, also when empty
	unsafeHTML                  bool
	unsafeWhy                   string
	headingIDs                  string // heading_ids, "" for sitegen's default
	headingIDsWhy               string // the old setting it comes from
	sidebar                     bool   // [theme] sidebar and prev_next: the old site showed both
}

type langConf struct {
	code, name, dir, title, description string
	weight                              int
}

// A file is one file of the new site.
type file struct {
	src      string // its path in the source folder; "" for a file the import adds
	dst      string // its path in the new site
	lang     string // the language of a file in content/
	page     bool
	fm       *frontMatter
	body     string
	bodyLine int    // the source line of the body's first line
	data     []byte // a file that is not a page, or a page as it was read
	oldURL   string // a page's URL on the old site, from the site root below the base path
	changed  bool   // its text changed
	added    bool   // the import wrote it
}

// layouts takes layout: out of the pages: it names a layout of the old
// theme, which the import does not bring over, and sitegen stops at a
// layout it cannot find. Each name is a report line with its pages.
func (s *site) layouts() {
	byName := map[string][]string{}
	for _, f := range s.files {
		if !f.page || !f.fm.has("layout") {
			continue
		}
		name := f.fm.str("layout")
		f.fm.remove("layout")
		f.changed = true
		byName[name] = append(byName[name], f.src)
	}
	for _, name := range sortedKeys(byName) {
		files := byName[name]
		s.rep.add(files[0], 0, fmt.Sprintf("layout: %q, the old theme's, taken out of %s, which sitegen shows with its page layout", name, count(len(files), "page")),
			"to keep a layout of your own, write layouts/"+name+".html and put the line back")
	}
}

var htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)

// dropStubs leaves out the pages of other languages that have no title
// and no text (an HTML comment for translators at most) where the default language has the page: placeholders an
// old theme filled with the default language's text (Hugo sites mark them
// untranslated: 1). sitegen's fallback page stands in for each, saying
// that it is not translated; nothing is lost.
func (s *site) dropStubs() {
	var kept []*file
	var dropped []string
	for _, f := range s.files {
		if f.page && f.lang != s.cfg.defaultLang && f.fm.str("title") == "" && strings.TrimSpace(htmlComment.ReplaceAllString(f.body, "")) == "" &&
			s.byKey[s.cfg.defaultLang+":"+f.key()] != nil {
			delete(s.byDst, f.dst)
			dropped = append(dropped, f.src)
			continue
		}
		kept = append(kept, f)
	}
	s.files = kept
	if len(dropped) > 0 {
		s.rep.add(dropped[0], 0, fmt.Sprintf("%s with no title and no text, placeholders for a translation (%s), not imported: sitegen's fallback page stands in for each",
			count(len(dropped), "page"), strings.Join(dropped[:min(3, len(dropped))], ", ")+map[bool]string{true: ", ...", false: ""}[len(dropped) > 3]), "")
	}
}

// addPage adds a page read from src at dst in lang. A page whose front
// matter does not parse is copied as it is, with a report line.
func (s *site) addPage(src, dst, lang string, data []byte) *file {
	f := &file{src: src, dst: dst, lang: lang, page: true, data: data}
	fm, body, line, err := splitFrontMatter(string(data))
	if err != nil {
		s.rep.add(src, 1, err.Error(), "fix the front matter; the file is copied as it was")
		f.page = false
		s.addFile(f)
		return f
	}
	f.fm, f.body, f.bodyLine = fm, body, line
	if strings.Contains(string(data), "\r\n") || strings.HasPrefix(string(data), "\ufeff") {
		f.changed = true
	}
	s.addFile(f)
	return f
}

// addCopy adds a file copied byte for byte from src to dst.
func (s *site) addCopy(src, dst string, data []byte) {
	s.addFile(&file{src: src, dst: dst, data: data})
}

func (s *site) addFile(f *file) {
	if rest, ok := strings.CutPrefix(f.dst, "content/"); ok && f.lang == "" {
		f.lang, _, _ = strings.Cut(rest, "/")
	}
	if old, ok := s.byDst[f.dst]; ok {
		s.rep.add(f.src, 0, fmt.Sprintf("would be written at %s, as %s is", f.dst, old.src),
			"it is left out; rename one of them in the source and import again")
		return
	}
	s.byDst[f.dst] = f
	s.files = append(s.files, f)
}

// langDir is content/<lang>.
func langDir(lang string) string { return "content/" + lang }

// key is a content file's path below content/<lang>/, without extension.
func (f *file) key() string {
	k := strings.TrimPrefix(f.dst, langDir(f.lang)+"/")
	return strings.TrimSuffix(k, path.Ext(k))
}

// index indexes the pages by key. Of two pages with one key (about.md
// and about.html, both published at one URL), the first is kept and the
// other left out with a report line: sitegen refuses the pair.
func (s *site) index() {
	s.byKey = map[string]*file{}
	kept := s.files[:0]
	for _, f := range s.files {
		if f.page {
			k := f.lang + ":" + f.key()
			if old := s.byKey[k]; old != nil {
				s.rep.add(f.src, 0, fmt.Sprintf("left out: %s would be %s, at the URL of %s (%s)", f.src, f.dst, old.dst, old.src), "merge what it holds into that page")
				delete(s.byDst, f.dst)
				continue
			}
			s.byKey[k] = f
		}
		kept = append(kept, f)
	}
	s.files = kept
}

// page finds a page of lang by its key without extension, or nil.
func (s *site) page(lang, key string) *file {
	key = strings.TrimSuffix(strings.Trim(key, "/"), path.Ext(key))
	for _, k := range []string{key, key + "/_index", key + "/index"} {
		if f := s.byKey[lang+":"+strings.TrimPrefix(k, "/")]; f != nil {
			return f
		}
	}
	if key == "" {
		return s.byKey[lang+":_index"]
	}
	return nil
}

// relLink is the link from page from to the file to, relative to from's
// folder, as sitegen resolves links to files.
func relLink(from, to string) string {
	from, to = strings.TrimPrefix(from, "/"), strings.TrimPrefix(to, "/")
	fromDir := path.Dir(from)
	up := ""
	for fromDir != "." && !strings.HasPrefix(to, fromDir+"/") {
		fromDir = path.Dir(fromDir)
		up += "../"
	}
	rest := to
	if fromDir != "." {
		rest = strings.TrimPrefix(to, fromDir+"/")
	}
	return up + rest
}

// servable matches the characters a sitegen file or folder name may hold.
func servableName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || r == '-' || r == '_' || r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	n := strings.Trim(b.String(), ".")
	if n == "" {
		n = "-"
	}
	return n
}

// renameUnservable renames files in content/ whose names hold characters
// no URL segment may hold (a space, "&"), and rewrites the references of
// the pages beside them.
func (s *site) renameUnservable() {
	s.renameFolders()
	for _, f := range s.files {
		if f.lang == "" || f.page {
			continue
		}
		base := path.Base(f.dst)
		good := servableName(base)
		if good == base {
			continue
		}
		dir := path.Dir(f.dst)
		newDst := dir + "/" + good
		if _, taken := s.byDst[newDst]; taken {
			s.rep.add(f.src, 0, "its name has characters a URL may not hold, and "+good+" is taken", "rename it by hand")
			continue
		}
		delete(s.byDst, f.dst)
		f.dst = newDst
		s.byDst[newDst] = f
		f.changed = true
		r := renamed{old: dir + "/" + base, new: newDst}
		s.renamed = append(s.renamed, r)
		for _, p := range s.files {
			if p.page {
				s.followRename(p, r)
			}
		}
		s.rep.add(f.src, 0, "renamed "+good+": a URL may not hold "+strings.Join(badRunes(base), " "), "")
	}
}

// A renamed is a file renameUnservable renamed, from its path in the new
// site to its new one.
type renamed struct{ old, new string }

// followRename rewrites page p's references to a renamed file, when p is
// in its folder or above, in any language (a file serves the
// translations that have no copy of their own).
func (s *site) followRename(p *file, r renamed) {
	inLang := func(p string) string {
		return strings.TrimPrefix(p, langDir(strings.Split(strings.TrimPrefix(p, "content/"), "/")[0])+"/")
	}
	pdir := inLang(path.Dir(p.dst)) + "/"
	if !strings.HasPrefix(inLang(r.new), pdir) {
		return
	}
	rel := strings.TrimPrefix(inLang(r.old), pdir)
	newRel := strings.TrimPrefix(inLang(r.new), pdir)
	body := p.body
	for _, form := range []string{rel, strings.ReplaceAll(rel, " ", "%20"), (&url.URL{Path: rel}).EscapedPath()} {
		body = strings.ReplaceAll(body, "("+form, "("+newRel)
		body = strings.ReplaceAll(body, "<"+form+">", newRel)
		body = strings.ReplaceAll(body, `"`+form+`"`, `"`+newRel+`"`)
	}
	if body != p.body {
		p.body = body
		p.changed = true
	}
}

// renameFolders renames the folders in content/ whose names no URL
// segment may be (a space, more than 100 bytes), in every language alike;
// links to the files in them follow (rewriteLinks), and the pages' old
// URLs become aliases.
func (s *site) renameFolders() {
	for _, f := range s.files {
		if f.lang == "" {
			continue
		}
		rest := strings.TrimPrefix(f.dst, langDir(f.lang)+"/")
		segs := strings.Split(rest, "/")
		changed := false
		for i, seg := range segs[:len(segs)-1] {
			good := strings.Trim(servableName(seg), "-")
			for len(good) > maxSlug {
				_, size := utf8.DecodeLastRuneInString(good)
				good = strings.TrimRight(good[:len(good)-size], "-")
			}
			if good != seg && good != "" {
				s.renamedDirs[strings.Join(strings.Split(rest, "/")[:i+1], "/")] = good
				segs[i] = good
				changed = true
			}
		}
		if !changed {
			continue
		}
		newDst := langDir(f.lang) + "/" + strings.Join(segs, "/")
		if s.byDst[newDst] != nil {
			continue
		}
		delete(s.byDst, f.dst)
		f.dst = newDst
		s.byDst[newDst] = f
		f.changed = true
	}
	for _, d := range sortedKeys(s.renamedDirs) {
		why := "more than 100 bytes"
		if bad := badRunes(path.Base(d)); len(bad) > 0 {
			why = strings.Join(bad, " ")
		}
		s.rep.add("content/"+d, 0, "folder renamed "+s.renamedDirs[d]+": a URL segment may not hold "+why, "")
	}
}

func badRunes(name string) []string {
	var out []string
	for _, r := range name {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || r == '-' || r == '_' || r == '.') {
			out = append(out, fmt.Sprintf("%q", r))
		}
	}
	return slices.Compact(out)
}

// sections writes an _index.md for every folder of pages in a language
// that has none, titled from the source's labels where it has them.
func (s *site) sections(g generator) {
	need := map[string]bool{}
	for _, f := range s.files {
		if !f.page {
			continue
		}
		dir := path.Dir(f.key())
		if path.Base(f.key()) == "index" {
			dir = path.Dir(dir) // a bundle stands in its parent's folder
		}
		if path.Base(f.key()) == "_index" {
			dir = path.Dir(dir)
		}
		for dir != "." && dir != "/" {
			need[f.lang+":"+dir] = true
			dir = path.Dir(dir)
		}
		need[f.lang+":"] = true
	}
	for _, k := range sortedKeys(need) {
		lang, dir, _ := strings.Cut(k, ":")
		if s.byDst[langDir(lang)+"/"+path.Join(dir, "index.md")] != nil {
			continue // a bundle, not a section
		}
		if title, _ := g.sectionTitle(lang, dir); title == "" && s.taxonomyTitle(lang, dir) == "" && lang != s.cfg.defaultLang && !(dir == "" && s.langTitle(lang) != "") {
			// Another language's version would be a translation in the
			// default language's words: its fallback page says so instead.
			lang = s.cfg.defaultLang
		}
		s.addSection(g, lang, dir)
	}
}

// addSection writes the _index.md of dir in lang unless there is one.
func (s *site) addSection(g generator, lang, dir string) {
	dst := langDir(lang) + "/" + path.Join(dir, "_index.md")
	if s.byDst[dst] != nil || s.byKey[lang+":"+path.Join(dir, "_index")] != nil {
		return // the folder has its page, perhaps as _index.html
	}
	title, weight := g.sectionTitle(lang, dir)
	if title == "" {
		title = firstNonEmpty(s.taxonomyTitle(lang, dir), s.titleFromName(lang, dir))
	}
	fm := &frontMatter{kind: fmYAML, values: map[string]any{}}
	fm.set("title", title)
	if weight != 0 {
		fm.set("weight", weight)
	}
	f := &file{dst: dst, lang: lang, page: true, fm: fm, added: true}
	s.byDst[dst] = f
	s.files = append(s.files, f)
	s.byKey[lang+":"+f.key()] = f
}

// langTitle is the site's title a language sets for itself, or "".
func (s *site) langTitle(lang string) string {
	for _, l := range s.cfg.langs {
		if l.code == lang {
			return l.title
		}
	}
	return ""
}

func (s *site) titleFromName(lang, dir string) string {
	if dir == "" || dir == "." {
		return firstNonEmpty(s.langTitle(lang), s.cfg.title)
	}
	name := path.Base(dir)
	if strings.IndexFunc(name, unicode.IsLetter) >= 0 {
		name = strings.NewReplacer("-", " ", "_", " ").Replace(name)
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// newURL is the URL sitegen gives a page, from the site root below the
// base path: the language folder (none for the default language at the
// root), then each folder's segment (a section's slug renames its folder)
// and the page's own (its slug or its name); url: replaces all of it.
func (s *site) newURL(f *file) string {
	prefix := "/" + strings.ToLower(f.lang)
	if f.lang == s.cfg.defaultLang && !s.cfg.inSubdir {
		prefix = ""
	}
	if u := f.fm.str("url"); u != "" {
		u = strings.TrimPrefix(u, prefix+"/")
		return prefix + "/" + strings.Trim(u, "/") + "/"
	}
	if slug := f.fm.str("slug"); strings.HasPrefix(slug, "/") {
		return prefix + "/" + strings.Trim(slug, "/") + "/"
	}
	key := f.key()
	segs := strings.Split(key, "/")
	last := segs[len(segs)-1]
	segs = segs[:len(segs)-1]
	if last == "_index" || last == "index" {
		last = ""
	}
	var out []string
	for i := range segs {
		seg := segs[i]
		if sec := s.byKey[f.lang+":"+strings.Join(segs[:i+1], "/")+"/_index"]; sec != nil && sec != f {
			if sl := sec.fm.str("slug"); sl != "" && !strings.Contains(sl, "/") {
				seg = sl
			}
		}
		out = append(out, seg)
	}
	if last == "" && len(out) > 0 {
		// The section's or bundle's own slug renames its folder.
		if sl := f.fm.str("slug"); sl != "" && !strings.Contains(sl, "/") {
			out[len(out)-1] = sl
		}
	}
	if last != "" {
		switch sl := f.fm.str("slug"); {
		case sl != "" && !strings.Contains(sl, "/"):
			last = sl
		case sl != "":
			last = strings.Trim(sl, "/")
		case f.fm.str("id") != "" && s.gen == "docusaurus":
			last = f.fm.str("id")
		}
		out = append(out, last)
	}
	u := prefix + "/" + strings.Join(out, "/")
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// sameURL compares two URLs as a host serves them: decoded.
func sameURL(a, b string) bool {
	da, err1 := url.PathUnescape(a)
	db, err2 := url.PathUnescape(b)
	if err1 != nil || err2 != nil {
		return a == b
	}
	return da == db
}

// urls gives every page whose URL changes its old URL as an alias, and
// counts the URLs kept.
func (s *site) urls() {
	taken := map[string]bool{}
	for _, f := range s.files {
		if f.page {
			u, _ := url.PathUnescape(s.newURL(f))
			taken[u] = true
		}
	}
	for _, f := range s.files {
		if !f.page || f.added || f.oldURL == "" {
			continue
		}
		nu := s.newURL(f)
		if sameURL(nu, f.oldURL) || sameURL(nu, f.oldURL+"/") {
			s.rep.URLsKept++
			continue
		}
		old, _ := url.PathUnescape(f.oldURL)
		if taken[old] || taken[old+"/"] {
			s.rep.add(f.src, 0, fmt.Sprintf("its URL changes from %s to %s, and another page has the old one", f.oldURL, nu), "no alias is written; check the links to it")
			continue
		}
		aliases := f.fm.strs("aliases")
		if !slices.Contains(aliases, f.oldURL) {
			f.fm.set("aliases", append(aliases, f.oldURL))
			f.changed = true
		}
		taken[old] = true
		s.rep.Aliases++
	}
}

var rawHTML = regexp.MustCompile(`(?m)^\s*</?[a-zA-Z][a-zA-Z0-9-]*[\s>/]|<(a|span|div|br|img|sup|sub|em|strong|b|i|iframe|script|p|kbd|abbr|small)[\s>/]`)

// result stamps the translations and writes the files, the stamped
// sources' copies, sitegen.toml and the report.
func (s *site) result(g generator, dir string) *Result {
	out := map[string][]byte{}
	s.stamp(g, dir, out)
	s.rep.Added += len(out)
	htmlPages := 0
	for _, f := range s.files {
		if !f.page {
			out[f.dst] = f.data
			switch {
			case f.changed:
				s.rep.Changed++
			default:
				s.rep.Copied++
			}
			continue
		}
		s.rep.Pages++
		data := f.fm.bytes(f.body)
		out[f.dst] = data
		if rawHTML.MatchString(stripCode(f.body)) || strings.HasSuffix(f.dst, ".html") {
			htmlPages++
		}
		switch {
		case f.added:
			s.rep.Added++
		case f.changed || !bytes.Equal(data, f.data):
			s.rep.Changed++
		default:
			s.rep.Copied++
		}
	}
	if drafts := s.drafts(); drafts > 0 {
		s.rep.add("content", 0, fmt.Sprintf("%d of %s are drafts (draft: true), kept as drafts: sitegen build leaves them out, sitegen serve shows them", drafts, count(s.rep.Pages, "page")),
			"take draft: true out of those to publish")
	}
	if htmlPages > 0 && s.cfg.unsafeHTML {
		s.rep.add(siteConfigFile, 0, fmt.Sprintf("unsafe_html = true: raw HTML in %s, which %s", count(htmlPages, "page"), s.cfg.unsafeWhy),
			"set it false if not every editor of content/ is trusted (SECURITY.md), and write those pages in Markdown")
	} else {
		s.cfg.unsafeHTML = false
	}
	s.taxonomyClashes()
	if u, ok := s.placeholderBaseURL(); ok {
		s.rep.add(siteConfigFile, 0, fmt.Sprintf("base_url is the placeholder %s: the old site's (%q) is no address", u, s.cfg.baseURL), "set base_url to the site's address")
	}
	out[siteConfigFile] = s.sitegenTOML()
	s.rep.Added++
	s.uiStrings(out)
	s.taxonomyNames(out)
	s.rep.Languages = len(s.cfg.langs)
	out[ReportFile] = []byte(s.rep.String())
	return &Result{Files: out, Report: s.rep}
}

// drafts counts the pages marked draft: true.
func (s *site) drafts() int {
	n := 0
	for _, f := range s.files {
		if f.page && f.fm.get("draft") == true {
			n++
		}
	}
	return n
}

// uiStrings writes i18n/<lang>.toml for each language the theme has no
// UI strings for, as sitegen init does: the English strings, each marked
// needs_review, to translate. Without them the site does not build.
func (s *site) uiStrings(out map[string][]byte) {
	var codes []string
	for _, l := range s.cfg.langs {
		codes = append(codes, l.code)
	}
	files, err := scaffold.Files(codes, theme.FS())
	if err != nil {
		s.rep.add(siteConfigFile, 0, "no UI strings written: "+err.Error(), "")
		return
	}
	for _, f := range files {
		if !strings.HasPrefix(f.Path, "i18n/") {
			continue
		}
		out[f.Path] = f.Data
		s.rep.Added++
		s.rep.add(f.Path, 0, "written with the theme's English UI strings, each marked needs_review: sitegen's theme has none in this language", "translate them (sitegen check lists those still to do)")
	}
}

// siteConfigFile is sitegen's configuration file.
const siteConfigFile = "sitegen.toml"

// sortLangs puts the default language first, then by weight and code.
func (s *site) sortLangs() {
	sort.SliceStable(s.cfg.langs, func(i, j int) bool {
		a, b := s.cfg.langs[i], s.cfg.langs[j]
		if (a.code == s.cfg.defaultLang) != (b.code == s.cfg.defaultLang) {
			return a.code == s.cfg.defaultLang
		}
		if a.weight != b.weight {
			return a.weight < b.weight
		}
		return a.code < b.code
	})
}

// readFile reads a file of the source, or nil when it is not there.
func (s *site) readFile(name string) []byte {
	b, err := fs.ReadFile(s.src, name)
	if err != nil {
		return nil
	}
	return b
}

// walk calls fn for every regular file below dir in the source, in
// lexical order, leaving out hidden files and folders.
func (s *site) walk(dir string, fn func(p string, data []byte)) {
	fs.WalkDir(s.src, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			data, err := fs.ReadFile(s.src, p)
			if err == nil {
				fn(p, data)
			}
		}
		return nil
	})
}

// isPageFile reports whether a file in a content folder is a page.
func isPageFile(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".mdx":
		return true
	case ".html", ".htm":
		return bytes.HasPrefix(data, []byte("---\n")) || bytes.HasPrefix(data, []byte("+++\n")) ||
			bytes.HasPrefix(data, []byte("---\r\n"))
	}
	return false
}

func fsStat(s *site, name string) (fs.FileInfo, error) { return fs.Stat(s.src, name) }

// count writes n and a noun, plural when n is not 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
