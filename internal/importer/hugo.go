package importer

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/udenmitid/sitegen/internal/hosting"
)

// hugo reads a Hugo site: hugo.toml (or config.toml, .yaml, .json) and
// config/_default/, content/ or each language's contentDir.
type hugo struct {
	s         *site
	cfg       map[string]any
	unmatched map[string][]string // menu, entry id, link -> languages
	names     map[string]string   // entry id -> its name
	matched   map[string]bool     // entry ids that name a page in some language
	oldURLs   map[string]*file    // "<lang>:<old URL without its final slash>" -> the page
}

func (h *hugo) read() error {
	s := h.s
	h.cfg = map[string]any{}
	found := false
	for _, name := range []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"} {
		if data := s.readFile(name); data != nil {
			m, err := decodeConfig(name, data)
			if err != nil {
				return err
			}
			merge(h.cfg, m)
			found = true
			break
		}
	}
	if entries, err := fs.ReadDir(s.src, "config/_default"); err == nil {
		for _, e := range entries {
			name := e.Name()
			ext := path.Ext(name)
			if e.IsDir() || (ext != ".toml" && ext != ".yaml" && ext != ".yml" && ext != ".json") {
				continue
			}
			m, err := decodeConfig(name, s.readFile("config/_default/"+name))
			if err != nil {
				return fmt.Errorf("config/_default/%v", err)
			}
			found = true
			base := strings.TrimSuffix(name, ext)
			key, lang, _ := strings.Cut(base, ".")
			switch {
			case key == "hugo" || key == "config":
				merge(h.cfg, m)
			case lang != "" && key == "languages":
				merge(h.cfg, map[string]any{"languages": map[string]any{lang: m}})
			case lang != "":
				if key == "menu" {
					key = "menus"
				}
				merge(h.cfg, map[string]any{"languages": map[string]any{lang: map[string]any{key: m}}})
			default:
				if key == "menu" {
					key = "menus"
				}
				merge(h.cfg, map[string]any{key: m})
			}
		}
	}
	if !found {
		return fmt.Errorf("no hugo.toml, config.toml or config/_default/ here: is this a Hugo site?")
	}
	c := h.cfg
	s.cfg.baseURL = lookupStr(c, "baseurl")
	s.cfg.title = lookupStr(c, "title")
	s.cfg.defaultLang = lookupStr(c, "defaultcontentlanguage")
	if s.cfg.defaultLang == "" {
		s.cfg.defaultLang = "en"
	}
	s.cfg.inSubdir = lookup(c, "defaultcontentlanguageinsubdir") == true
	if lookup(c, "markup.goldmark.renderer.unsafe") == true {
		s.cfg.unsafeHTML, s.cfg.unsafeWhy = true, "the Hugo site allowed (markup.goldmark.renderer.unsafe)"
	}
	h.headingIDs()
	h.taxonomies()
	h.feeds()
	contentDir := lookupStr(c, "contentdir")
	if contentDir == "" {
		contentDir = "content"
	}
	langs := lookupMap(c, "languages")
	if len(langs) == 0 {
		langs = map[string]any{s.cfg.defaultLang: map[string]any{}}
	}
	dirs := map[string]string{} // content folder -> language
	for _, code := range sortedKeys(langs) {
		lc, _ := langs[code].(map[string]any)
		if lookup(lc, "disabled") == true {
			continue
		}
		l := langConf{code: code, weight: toInt(lookup(lc, "weight"))}
		l.name = firstNonEmpty(lookupStr(lc, "languagename"), lookupStr(lc, "label"))
		l.dir = firstNonEmpty(lookupStr(lc, "languagedirection"), lookupStr(lc, "direction"))
		l.title = lookupStr(lc, "title")
		l.description = stripTags(lookupStr(lc, "params.description"))
		s.addLang(l)
		if d := lookupStr(lc, "contentdir"); d != "" {
			dirs[strings.Trim(d, "/")] = code
		}
	}
	if s.cfg.title == "" {
		for _, l := range s.cfg.langs {
			if l.code == s.cfg.defaultLang {
				s.cfg.title = l.title
			}
		}
	}
	codes := map[string]string{}
	for _, l := range s.cfg.langs {
		codes[strings.ToLower(l.code)] = l.code
	}
	if len(dirs) > 0 {
		for _, d := range sortedKeys(dirs) {
			h.readContent(d, dirs[d], codes)
		}
		if entries, err := fs.ReadDir(s.src, contentDir); err == nil {
			for _, e := range entries {
				if _, used := dirs[contentDir+"/"+e.Name()]; !used && !strings.HasPrefix(e.Name(), ".") {
					s.rep.add(contentDir+"/"+e.Name(), 0, "no language's contentDir reads it, so the Hugo site did not publish it; not imported", "")
				}
			}
		}
	} else {
		h.readContent(contentDir, "", codes)
	}
	h.readStatic()
	h.robotsTemplate()
	for _, d := range []string{"layouts", "themes", "i18n", "assets", "data"} {
		if _, err := fs.Stat(s.src, d); err == nil {
			s.rep.add(d, 0, "not imported: sitegen uses its own layouts, UI strings and no data files", "see README.md on layouts/ and i18n/ to bring a part of the old theme over")
		}
	}
	return nil
}

// robotsTemplate reports an old site's robots.txt template: with
// enableRobotsTXT, Hugo renders layouts/robots.txt (or its theme's) as
// the site's robots.txt, and the import brings no layouts over. Without
// such a file Hugo's own template writes "User-agent: *", which the
// robots.txt sitegen writes covers.
func (h *hugo) robotsTemplate() {
	s := h.s
	if on, _ := lookup(h.cfg, "enablerobotstxt").(bool); !on {
		return
	}
	tmpl := "layouts/robots.txt"
	if s.readFile(tmpl) == nil {
		theme := lookupStr(h.cfg, "theme")
		tmpl = "themes/" + theme + "/layouts/robots.txt"
		if theme == "" || s.readFile(tmpl) == nil {
			return
		}
	}
	s.rep.add(tmpl, 0, "not imported: enableRobotsTXT made it the old site's robots.txt; sitegen writes one that allows everything and names the sitemap",
		fmt.Sprintf("to keep its rules, write them in static/robots.txt with the line %q: the build publishes that file in place of its own", hosting.SitemapLine(s.baseURL())))
}

// headingIDs keeps the rule Hugo made heading ids with
// (markup.goldmark.parser.autoHeadingIDType), so that the #anchors the
// site's pages, and other sites, link to stay. Hugo's default, "github",
// is sitegen's.
func (h *hugo) headingIDs() {
	const key = "markup.goldmark.parser.autoHeadingIDType"
	switch t := lookupStr(h.cfg, strings.ToLower(key)); strings.ToLower(t) {
	case "", "github":
	case "github-ascii", "blackfriday":
		h.s.cfg.headingIDs = strings.ToLower(t)
		h.s.cfg.headingIDsWhy = "the old site's " + key + ", which its #anchors were made with"
	default:
		h.s.rep.add("config ("+key+")", 0, fmt.Sprintf("%q, which Hugo does not know, not imported", t), "sitegen makes GitHub's ids")
	}
}

// feeds reports the old site's RSS feeds, which Hugo writes as
// <baseName>.xml (outputFormats.RSS.baseName, default index) in the folder
// of the home page and of listings, unless disableKinds turns RSS off:
// sitegen writes Atom feeds, atom.xml, and a subscriber of an old feed URL
// would get a 404.
func (h *hugo) feeds() {
	for _, k := range anyStrings(lookup(h.cfg, "disablekinds")) {
		if strings.EqualFold(k, "rss") {
			return
		}
	}
	base := firstNonEmpty(lookupStr(h.cfg, "outputformats.rss.basename"), "index")
	h.s.rep.add("config (outputFormats.RSS)", 0,
		fmt.Sprintf("the old site's RSS feeds, %s.xml in the folder of the home page and of listings, are not written: sitegen writes Atom feeds, atom.xml in the same folders", base),
		fmt.Sprintf("so that subscribers keep them, redirect the old feed URLs at your host (\"/%s.xml /atom.xml 301\", on Netlify in netlify.toml: a static/_redirects would replace the one sitegen writes for aliases)", base))
}

// taxonomies sets the site's taxonomies from Hugo's [taxonomies] (default
// tags and categories), unless disableKinds switches them off.
func (h *hugo) taxonomies() {
	s := h.s
	for _, k := range anyStrings(lookup(h.cfg, "disablekinds")) {
		if strings.EqualFold(k, "taxonomy") || strings.EqualFold(k, "term") {
			s.cfg.setTaxonomies = true
			return
		}
	}
	if t := lookupMap(h.cfg, "taxonomies"); t != nil {
		for _, k := range sortedKeys(t) {
			s.cfg.taxonomies = append(s.cfg.taxonomies, fmt.Sprint(t[k]))
		}
		slices.Sort(s.cfg.taxonomies)
	} else {
		s.cfg.taxonomies = []string{"categories", "tags"}
	}
	s.cfg.setTaxonomies = true
}

func anyStrings(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			out = append(out, fmt.Sprint(x))
		}
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// stripTags removes HTML tags from a one-line description.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// readContent reads a content folder of language lang, or, when lang is
// "", of every language, each file's language from its name
// (about.fr.md) or the default.
func (h *hugo) readContent(dir, lang string, codes map[string]string) {
	s := h.s
	s.walk(dir, func(p string, data []byte) {
		rel := strings.TrimPrefix(p, dir+"/")
		fl := lang
		name := path.Base(rel)
		if parts := strings.Split(name, "."); len(parts) >= 3 {
			if code, ok := codes[strings.ToLower(parts[len(parts)-2])]; ok {
				fl = code
				name = strings.Join(append(parts[:len(parts)-2:len(parts)-2], parts[len(parts)-1]), ".")
				rel = path.Join(path.Dir(rel), name)
			}
		}
		if fl == "" {
			fl = s.cfg.defaultLang
		}
		dst := langDir(fl) + "/" + rel
		if !isPageFile(p, data) {
			s.addCopy(p, dst, data)
			return
		}
		f := s.addPage(p, dst, fl, data)
		if f.page {
			f.oldURL = h.oldURL(f)
			h.keepPermalink(f)
		}
	})
}

// readStatic copies static/ as it is.
func (h *hugo) readStatic() {
	h.s.walk("static", func(p string, data []byte) { h.s.addCopy(p, p, data) })
}

// oldURL is the URL Hugo gave a page: its url:, else its section's
// permalink pattern, else its path, lower-cased, in its language's folder.
func (h *hugo) oldURL(f *file) string {
	s := h.s
	prefix := "/" + strings.ToLower(f.lang)
	if f.lang == s.cfg.defaultLang && !s.cfg.inSubdir {
		prefix = ""
	}
	if u := f.fm.str("url"); u != "" {
		return "/" + strings.TrimPrefix(u, "/")
	}
	key := f.key()
	dir, name := path.Split(key)
	dir = strings.Trim(dir, "/")
	bundle := name == "index" || name == "_index"
	if bundle {
		dir, name = path.Split(dir)
		dir = strings.Trim(dir, "/")
	}
	section, _, _ := strings.Cut(key, "/")
	kind := "page"
	if path.Base(key) == "_index" {
		kind = "section"
	}
	if strings.Contains(key, "/") && (kind == "page" || key == section+"/_index") {
		if pat := h.permalinkPat(f.lang, section, kind); pat != "" {
			u := h.permalink(pat, f, section, name)
			if lookup(h.cfg, "uglyurls."+strings.ToLower(section)) == true || lookup(h.cfg, "uglyurls") == true {
				u = strings.TrimSuffix(u, "/") + ".html"
			}
			return prefix + u
		}
	}
	if slug := f.fm.str("slug"); slug != "" && path.Base(key) != "_index" {
		name = slug
	}
	u := "/" + path.Join(dir, name)
	if path.Base(key) == "_index" && name == "" {
		u = "/" + dir
	}
	if u != "/" {
		u += "/"
	}
	u = strings.ReplaceAll(u, "//", "/")
	if lookup(h.cfg, "disablepathtolower") != true {
		u = strings.ToLower(u)
	}
	return prefix + urlize(u)
}

// keepPermalink gives a page that a permalink pattern put elsewhere than
// its folder (/:year/:month/:slug/) that URL as its url:, so it stays
// where it was; a URL that ended in .html (uglyURLs) is the folder of the
// same name now, and the old one an alias.
func (h *hugo) keepPermalink(f *file) {
	section, _, _ := strings.Cut(f.key(), "/")
	if f.fm.has("url") || path.Base(f.key()) == "_index" || !strings.Contains(f.key(), "/") {
		return
	}
	if h.permalinkPat(f.lang, section, "page") == "" {
		return
	}
	prefix := "/" + strings.ToLower(f.lang)
	if f.lang == h.s.cfg.defaultLang && !h.s.cfg.inSubdir {
		prefix = ""
	}
	u := strings.TrimPrefix(strings.TrimSuffix(f.oldURL, ".html"), prefix)
	f.fm.set("url", strings.TrimSuffix(u, "/")+"/")
	f.changed = true
}

// permalinkPat is the permalink pattern Hugo gave the pages (kind "page")
// or the top folder itself (kind "section") of a section in language
// lang, "" for none: the language's own [languages.<lang>.permalinks]
// before the site's [permalinks]; in each, the pattern by kind
// (permalinks.page.news, Hugo 0.112 and later) before the flat form
// (permalinks.news), which is the pages'.
func (h *hugo) permalinkPat(lang, section, kind string) string {
	section = strings.ToLower(section)
	for _, base := range []string{"languages." + lang + ".permalinks", "permalinks"} {
		if p, ok := lookup(h.cfg, base+"."+kind+"."+section).(string); ok && p != "" {
			return p
		}
		if p, ok := lookup(h.cfg, base+"."+section).(string); ok && p != "" && kind == "page" {
			return p
		}
	}
	return ""
}

// permalink fills a Hugo permalink pattern ("/:year/:month/:slug/").
func (h *hugo) permalink(pat string, f *file, section, name string) string {
	date := pageDate(f.fm)
	slug := f.fm.str("slug")
	title := urlize(strings.ToLower(f.fm.str("title")))
	if slug == "" {
		slug = title
	}
	r := strings.NewReplacer(
		":year", date.Format("2006"), ":month", date.Format("01"), ":day", date.Format("02"),
		":monthname", strings.ToLower(date.Format("January")),
		":slugorfilename", firstNonEmpty(f.fm.str("slug"), name),
		":slugorcontentbasename", firstNonEmpty(f.fm.str("slug"), name),
		":slug", slug, ":title", title, ":filename", name, ":contentbasename", name,
		":sections", path.Dir(f.key()), ":section", section)
	u := r.Replace(pat)
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	if lookup(h.cfg, "disablepathtolower") != true {
		u = strings.ToLower(u)
	}
	return urlize(u)
}

// pageDate is the page's date: field, or the zero time.
func pageDate(fm *frontMatter) time.Time {
	switch v := fm.get("date").(type) {
	case time.Time:
		return v
	case string:
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, v); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

// urlize writes a path as Hugo writes URLs: spaces as "-", and characters
// a URL may not hold left out.
func urlize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || strings.ContainsRune("-_./~", r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (h *hugo) sectionTitle(lang, dir string) (string, int) { return "", 0 }

// convert turns Hugo shortcodes with a Markdown form into Markdown and
// keeps the others as code, each with a line in the report.
func (h *hugo) convert(f *file) string {
	body := h.pathLinks(f, f.body)
	tags := findTags(body, hugoSyntax)
	if len(tags) == 0 {
		return body
	}
	out := render(buildTree(body, tags), func(n *node, inner string) string {
		return h.shortcode(f, body, n, inner)
	})
	return tidy(out)
}

// pathLinks rewrites links from the root that name a page by its path in
// content/ rather than by its URL ([x](/docs/cert-compat) for a page
// whose slug: makes its URL /docs/certificate-compatibility/), which
// Hugo's link render hook resolves as it resolves ref, as links to the
// page's file. A link that is some page's URL is left alone: sitegen
// resolves those.
func (h *hugo) pathLinks(f *file, body string) string {
	if h.oldURLs == nil {
		h.oldURLs = map[string]*file{}
		for _, x := range h.s.files {
			if x.page && x.oldURL != "" {
				h.oldURLs[x.lang+":"+strings.TrimSuffix(x.oldURL, "/")] = x
				if x.fm.has("url") {
					h.oldURLs[x.lang+":"+strings.TrimSuffix(h.s.newURL(x), "/")] = x
				}
			}
		}
	}
	prot := protected(body)
	var b strings.Builder
	last := 0
	matches := append(inlineLink.FindAllStringSubmatchIndex(body, -1), refLink.FindAllStringSubmatchIndex(body, -1)...)
	sortMatches(matches)
	for _, m := range matches {
		dest := body[m[2]:m[3]]
		if m[2] < last || inRanges(prot, m[2]) || !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
			continue
		}
		p, anchor, hasAnchor := strings.Cut(dest, "#")
		p = strings.TrimSuffix(p, "/")
		if p == "" {
			continue
		}
		var to *file
		if old := firstFile(h.oldURLs[f.lang+":"+p], h.oldURLs[h.s.cfg.defaultLang+":"+p]); old != nil {
			// A page's old URL: sitegen reads it where the page keeps it,
			// not where url: or a permalink pattern moved the page.
			if !old.fm.has("url") {
				continue
			}
			to = old
		} else if strings.Contains(path.Base(p), ".") {
			continue
		} else if to = h.s.page(f.lang, p); to == nil {
			to = h.s.page(h.s.cfg.defaultLang, p)
		}
		if to == nil {
			continue
		}
		link := relLink(f.dst, to.dst)
		if to.lang != f.lang {
			// The file in the linking page's language, which sitegen reads
			// as the page in that language, its fallback page if need be.
			link = relLink(strings.TrimPrefix(f.dst, langDir(f.lang)+"/"), strings.TrimPrefix(to.dst, langDir(to.lang)+"/"))
		}
		if hasAnchor {
			link += "#" + anchor
		}
		b.WriteString(body[last:m[2]])
		b.WriteString(link)
		last = m[3]
	}
	if last == 0 {
		return body
	}
	b.WriteString(body[last:])
	return b.String()
}

func (h *hugo) shortcode(f *file, body string, n *node, inner string) string {
	t := n.open
	line := f.bodyLine - 1 + lineAt(body, t.start)
	name := strings.ToLower(t.name)
	if t.closing {
		h.s.rep.add(f.src, line, fmt.Sprintf("closing shortcode %s without its opening one", t.raw), "kept as code; remove it")
		return markTag(t)
	}
	if s, ok := commonShortcode(name, t, n, inner, body); ok {
		return s
	}
	switch name {
	case "ref", "relref":
		target := t.arg(0, "path", "page")
		lang := firstNonEmpty(t.named["lang"], f.lang)
		p, anchor, _ := strings.Cut(target, "#")
		var to *file
		if p == "" {
			to = f
		} else if strings.HasPrefix(p, "/") {
			to = h.s.page(lang, p)
		} else {
			to = h.s.page(lang, path.Join(path.Dir(f.key()), p))
			if to == nil {
				to = h.s.page(lang, p)
			}
			if to == nil {
				to = h.findByName(lang, p)
			}
		}
		if to == nil {
			h.s.rep.add(f.src, line, fmt.Sprintf("%s: no page %q", t.raw, target), "kept as code; write a link to the page's file")
			return markTag(t)
		}
		link := relLink(f.dst, to.dst)
		if to == f {
			link = ""
		}
		if anchor != "" {
			link += "#" + anchor
		}
		return link
	}
	h.s.rep.add(f.src, line, fmt.Sprintf("Hugo shortcode %q not converted: a layout of the old site made it (data, HTML or script), and it has no Markdown form", t.name),
		"it is kept as code in the page; write what it showed in Markdown, or make it a layout (layouts/)")
	return keepAsCode(n, inner)
}

func firstMap(ms ...map[string]any) map[string]any {
	for _, m := range ms {
		if m != nil {
			return m
		}
	}
	return nil
}

func firstFile(fs ...*file) *file {
	for _, f := range fs {
		if f != nil {
			return f
		}
	}
	return nil
}

// findByName finds a page of lang by its file name alone, as Hugo's ref
// does when the name is unique.
func (h *hugo) findByName(lang, p string) *file {
	var found *file
	want := strings.TrimSuffix(path.Base(p), path.Ext(p))
	for _, f := range h.s.files {
		if f.page && f.lang == lang && path.Base(f.key()) == want {
			if found != nil {
				return nil
			}
			found = f
		}
	}
	return found
}

// commonShortcode converts the shortcodes Hugo, Zola and Jekyll themes
// share, whose Markdown form is clear: callouts, disclosures, figures,
// tabs and quotes.
func commonShortcode(name string, t *tag, n *node, inner, body string) (string, bool) {
	switch name {
	case "callout", "notice", "hint", "alert", "admonition", "admonish", "box", "message":
		return alert(t.arg(0, "type", "kind", "style", "context", "class", "theme", "level"), t.arg(-1, "title", "heading", "header", "icon-title"), inner), true
	case "note", "tip", "info", "warning", "important", "caution", "danger", "warn", "attention":
		return alert(name, t.arg(0, "title", "heading", "header"), inner), true
	case "details", "collapse", "expand", "expander", "spoiler", "accordion", "toggle":
		return disclosure(t.arg(0, "summary", "title", "label", "heading", "header"), inner), true
	case "figure", "image", "img":
		src := t.arg(0, "src", "path", "url")
		if src == "" {
			return "", false
		}
		s := figure(src, t.arg(1, "alt"), t.arg(-1, "title"), t.arg(-1, "caption"))
		if n.close != nil {
			s += inner
		}
		return s, true
	case "tabs", "tabpane", "tabgroup", "codetabs":
		return blank + strings.Trim(inner, "\n") + blank, true
	case "tab", "tabitem":
		title := t.arg(0, "name", "title", "header", "label", "value")
		level := headingLevelAt(body, t.start)
		if title == "" {
			title = "Tab"
		}
		return blank + strings.Repeat("#", level) + " " + title + blank + strings.Trim(inner, "\n") + blank, true
	case "quote", "blockquote", "pullquote":
		q := quoteBlock(inner)
		if a := t.arg(0, "author", "cite", "by", "source"); a != "" {
			q += "\n>\n> — " + a
		}
		return blank + q + blank, true
	}
	return "", false
}

// menus puts the pages named in the configuration's menus in sitegen's
// main and footer menus; entries for other sites are report lines.
func (h *hugo) menus() {
	s := h.s
	h.unmatched = map[string][]string{}
	for _, l := range s.cfg.langs {
		// Hugo takes both spellings, menus and menu, in a language and at
		// the top.
		menus := firstMap(lookupMap(h.cfg, "languages."+l.code+".menus"), lookupMap(h.cfg, "languages."+l.code+".menu"))
		if menus == nil && l.code == s.cfg.defaultLang {
			menus = firstMap(lookupMap(h.cfg, "menus"), lookupMap(h.cfg, "menu"))
		}
		for _, menu := range sortedKeys(menus) {
			entries, _ := menus[menu].([]any)
			for _, e := range entries {
				em, _ := e.(map[string]any)
				h.menuEntry(l.code, menu, em)
			}
		}
	}
	for _, k := range sortedKeys(h.unmatched) {
		menu, rest, _ := strings.Cut(k, "\x00")
		id, link, _ := strings.Cut(rest, "\x00")
		name := h.names[id]
		if h.matched[id] {
			continue // a page in other languages: their fallback pages stand in
		}
		langs := h.unmatched[k]
		in := "in " + strings.Join(langs, ", ")
		if len(langs) == len(s.cfg.langs) && len(langs) > 1 {
			in = "in every language"
		}
		s.rep.add("config (menus."+menu+")", 0, fmt.Sprintf("menu entry %q (%s), %s, is not a page of the site; sitegen's menus list pages", name, link, in),
			"add the link to your copy of the theme's header layout if it is needed")
	}
	h.parents()
}

// parents takes out of the pages' menu: the parents that are entries of
// the configuration only, headings with no page: sitegen's menus hold
// pages, so such a page stands at the top of the menu.
func (h *hugo) parents() {
	s := h.s
	headings := map[string]bool{}
	for id, name := range h.names {
		if !h.matched[id] {
			headings[id] = true
			headings[name] = true
		}
	}
	pages := map[string][]string{}
	for _, f := range s.files {
		if !f.page {
			continue
		}
		for _, key := range []string{"menu", "menus"} {
			m, ok := f.fm.get(key).(map[string]any)
			if !ok {
				continue
			}
			changed := false
			for _, menu := range sortedKeys(m) {
				e, ok := m[menu].(map[string]any)
				if !ok {
					continue
				}
				if p, ok := e["parent"].(string); ok && headings[p] {
					delete(e, "parent")
					pages[p] = append(pages[p], f.src)
					changed = true
				}
			}
			if changed {
				f.fm.set(key, m)
				f.changed = true
			}
		}
	}
	for _, p := range sortedKeys(pages) {
		files := pages[p]
		s.rep.add(files[0], 0, fmt.Sprintf("menu parent %q, a heading of the old menu with no page, left out of %s: they stand at the top of the menu", p, count(len(files), "page")), "")
	}
}

func (h *hugo) menuEntry(lang, menu string, e map[string]any) {
	s := h.s
	name := lookupStr(e, "name")
	src := "config (menus." + menu + " of " + lang + ")"
	var target *file
	u := lookupStr(e, "url")
	if ref := lookupStr(e, "pageref"); ref != "" {
		target = s.page(lang, ref)
		u = ref
	}
	if u != "" && !strings.HasPrefix(u, "/") && !strings.Contains(u, ":") {
		// Hugo reads a relative menu URL ("about/", ".") from the
		// language's home page.
		u = "/" + strings.TrimPrefix(strings.TrimPrefix(u, "."), "/")
	}
	if target == nil && strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
		// A URL as the old site served it, a permalink pattern's
		// included, with or without the language's folder.
		prefixed := "/" + strings.ToLower(lang) + u
		trim := func(x string) string { return strings.TrimSuffix(x, "/") }
		for _, f := range s.files {
			if f.page && f.lang == lang && (sameURL(trim(f.oldURL), trim(u)) || sameURL(trim(s.newURL(f)), trim(u)) || sameURL(trim(f.oldURL), trim(prefixed)) || sameURL(trim(s.newURL(f)), trim(prefixed))) {
				target = f
				break
			}
		}
	}
	if target == nil {
		// Entries are named by the default language's name where it has
		// the entry, and reported once for all the languages that have it.
		id := firstNonEmpty(lookupStr(e, "identifier"), lookupStr(e, "url"), lookupStr(e, "pageref"), name)
		link := firstNonEmpty(lookupStr(e, "url"), lookupStr(e, "pageref"), "no link: a heading for the entries under it")
		if h.names == nil {
			h.names = map[string]string{}
		}
		if _, ok := h.names[id]; !ok || lang == s.cfg.defaultLang {
			h.names[id] = name
		}
		k := menu + "\x00" + id + "\x00" + link
		h.unmatched[k] = append(h.unmatched[k], lang)
		return
	}
	if h.matched == nil {
		h.matched = map[string]bool{}
	}
	h.matched[firstNonEmpty(lookupStr(e, "identifier"), lookupStr(e, "url"), lookupStr(e, "pageref"), name)] = true
	if menu != "main" && menu != "footer" {
		s.rep.add(src, 0, fmt.Sprintf("menu %q has no place in sitegen's theme; entry %q not set", menu, name), "")
		return
	}
	if target.fm.has("menu") || target.fm.has("menus") {
		return
	}
	target.fm.set("menu", menu)
	if w := toInt(lookup(e, "weight")); w != 0 && !target.fm.has("weight") {
		target.fm.set("weight", w)
	}
	if p := lookupStr(e, "parent"); p != "" {
		s.rep.add(src, 0, fmt.Sprintf("menu entry %q stood under %q; in sitegen it is a top-level entry", name, p), "")
	}
	target.changed = true
}
