package importer

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// zola reads a Zola site: config.toml, content/ with translations named
// page.<lang>.md and _index.<lang>.md, and static/.
type zola struct {
	s   *site
	cfg map[string]any
}

func (z *zola) read() error {
	s := z.s
	cfg, err := s.readConfig("config.toml", "Zola")
	if err != nil {
		return err
	}
	z.cfg = cfg
	s.cfg.baseURL = lookupStr(cfg, "base_url")
	if !strings.HasSuffix(s.cfg.baseURL, "/") {
		s.cfg.baseURL += "/"
	}
	s.cfg.title = lookupStr(cfg, "title")
	s.cfg.description = lookupStr(cfg, "description")
	s.cfg.defaultLang = firstNonEmpty(lookupStr(cfg, "default_language"), "en")
	s.cfg.unsafeHTML, s.cfg.unsafeWhy = true, "Zola renders as it is"
	s.addLang(langConf{code: s.cfg.defaultLang, title: s.cfg.title, description: s.cfg.description})
	langs := lookupMap(cfg, "languages")
	var raw struct{ Languages map[string]any }
	toml.Decode(string(s.readFile("config.toml")), &raw) // the codes as written: zh-Hant, not zh-hant
	for _, code := range sortedKeys(raw.Languages) {
		lc, _ := langs[strings.ToLower(code)].(map[string]any)
		s.addLang(langConf{code: code, title: lookupStr(lc, "title"), description: lookupStr(lc, "description"), weight: 1})
	}
	if tx, ok := lookup(cfg, "taxonomies").([]any); ok {
		for _, t := range tx {
			if tm, ok := t.(map[string]any); ok && lookupStr(tm, "name") != "" {
				s.cfg.taxonomies = append(s.cfg.taxonomies, lookupStr(tm, "name"))
			}
		}
	}
	s.cfg.setTaxonomies = true
	z.headingIDs()
	codes := map[string]string{}
	for _, l := range s.cfg.langs {
		codes[strings.ToLower(l.code)] = l.code
	}
	s.walk("content", func(p string, data []byte) {
		rel := strings.TrimPrefix(p, "content/")
		lang := s.cfg.defaultLang
		name := path.Base(rel)
		if parts := strings.Split(name, "."); len(parts) >= 3 && strings.EqualFold(parts[len(parts)-1], "md") {
			if code, ok := codes[strings.ToLower(parts[len(parts)-2])]; ok {
				lang = code
				name = strings.Join(append(parts[:len(parts)-2:len(parts)-2], parts[len(parts)-1]), ".")
				rel = path.Join(path.Dir(rel), name)
			}
		}
		dst := langDir(lang) + "/" + rel
		if !isPageFile(p, data) {
			// A bundle's file serves every language of its page.
			s.addCopy(p, langDir(s.cfg.defaultLang)+"/"+rel, data)
			return
		}
		f := s.addPage(p, dst, lang, data)
		if f.page {
			z.frontMatter(f)
			f.oldURL = z.oldURL(f)
			z.aliases(f)
		}
	})
	z.indexBesideSection()
	s.walk("static", func(p string, data []byte) { s.addCopy(p, p, data) })
	for _, d := range []string{"templates", "themes", "sass", "data"} {
		if data := s.readFile(d); data == nil {
			if ok, _ := exists(s, d); ok {
				s.rep.add(d, 0, "not imported: sitegen uses its own layouts and stylesheet", "see README.md on layouts/ and static/ to bring a part of the old theme over")
			}
		}
	}
	if lookup(cfg, "translations") != nil {
		s.rep.add("config.toml", 0, "[translations] (the theme's UI strings) not imported: sitegen's theme has its own", "")
	}
	z.extraText()
	z.transparent()
	if lookup(cfg, "generate_feeds") == true || lookup(cfg, "generate_feed") == true {
		var other []string
		for _, n := range anyStrings(lookup(cfg, "feed_filenames")) {
			if n != "atom.xml" {
				other = append(other, n)
			}
		}
		if n := lookupStr(cfg, "feed_filename"); n != "" && n != "atom.xml" {
			other = append(other, n)
		}
		if len(other) > 0 {
			s.rep.add("config.toml", 0,
				fmt.Sprintf("the old site's feeds %s are not written: sitegen writes Atom feeds, atom.xml, in the same folders", strings.Join(other, ", ")),
				fmt.Sprintf("so that subscribers keep them, redirect the old feed URLs at your host (\"/%s /atom.xml 301\", on Netlify in netlify.toml: a static/_redirects would replace the one sitegen writes for aliases)", other[0]))
		}
	}
	return nil
}

// transparent reports, in one line, the sections with transparent: true,
// whose pages Zola lists in the parent section's list: sitegen has no such
// sections, and lists each as a section of the parent's (its feed still
// holds their pages).
func (z *zola) transparent() {
	var files []string
	for _, f := range z.s.files {
		if f.page && path.Base(f.dst) == "_index.md" && f.fm.get("transparent") == true {
			files = append(files, f.src)
		}
	}
	if len(files) == 0 {
		return
	}
	more := ""
	if len(files) > 3 {
		more = ", ..."
	}
	z.s.rep.add(files[0], 0,
		fmt.Sprintf("%s transparent: true (%s%s): Zola listed their pages in the parent section's list; sitegen lists each as a section, and only the parent's feed and term pages hold their pages together",
			map[bool]string{true: "1 section has", false: count(len(files), "section") + " have"}[len(files) == 1], strings.Join(files[:min(3, len(files))], ", "), more),
		"to list the pages in the parent, move them into its folder (each keeps its URL with url: or an alias)")
}

// extraText reports, in one line, the pages whose extra: holds text that
// the old site's templates showed (a landing page's sections, a history):
// it stays in their front matter, which layouts read as .Page.Params, but
// sitegen's theme shows none of it, so a reader would not see it.
func (z *zola) extraText() {
	var files []string
	words := 0
	for _, f := range z.s.files {
		if !f.page {
			continue
		}
		if n := textWords(f.fm.get("extra")); n > 0 {
			files = append(files, f.src)
			words += n
		}
	}
	if len(files) == 0 {
		return
	}
	more := ""
	if len(files) > 3 {
		more = ", ..."
	}
	z.s.rep.add(files[0], 0,
		fmt.Sprintf("%s text in extra: (%s; %s%s), which the old site's templates showed; it stays in their front matter, readable by layouts as .Page.Params.extra, but sitegen's theme shows none of it",
			map[bool]string{true: "1 page holds", false: count(len(files), "page") + " hold"}[len(files) == 1], count(words, "word"), strings.Join(files[:min(3, len(files))], ", "), more),
		"write a layout that shows it (layouts/), or move the text into the pages")
}

// textWords counts the words of the text a front matter value holds: its
// strings with a space in them, at any depth. A path, a URL or a single
// word (an icon's name) is not text a reader is shown.
func textWords(v any) int {
	n := 0
	switch v := v.(type) {
	case string:
		if strings.ContainsAny(strings.TrimSpace(v), " \t\n") {
			n = len(strings.Fields(v))
		}
	case map[string]any:
		for _, x := range v {
			n += textWords(x)
		}
	case []any:
		for _, x := range v {
			n += textWords(x)
		}
	case []map[string]any: // TOML's [[tables]]
		for _, x := range v {
			n += textWords(x)
		}
	}
	return n
}

// indexBesideSection renames an index.md that stands beside an
// _index.md: in Zola the folder is a section and index.md one of its
// pages; in sitegen index.md would make the folder a bundle too. The page
// is named after its slug (or "page"), its files stay where they are.
func (z *zola) indexBesideSection() {
	s := z.s
	for _, f := range append([]*file(nil), s.files...) {
		if !f.page || path.Base(f.dst) != "index.md" || s.byDst[path.Dir(f.dst)+"/_index.md"] == nil {
			continue
		}
		name := strings.Trim(servableName(strings.Trim(f.fm.str("slug"), "/")), "-")
		if name == "" {
			name = "page"
		}
		dst := path.Dir(f.dst) + "/" + name + ".md"
		if s.byDst[dst] != nil {
			continue
		}
		delete(s.byDst, f.dst)
		f.dst = dst
		s.byDst[dst] = f
		f.changed = true
		f.oldURL = z.oldURL(f)
	}
}

var datePrefix = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[-_]`)

// frontMatter moves what Zola writes in its own places where sitegen
// reads it: [taxonomies] terms as top-level fields, and the date a file
// name starts with as date: (Zola's URL leaves the date out).
func (z *zola) frontMatter(f *file) {
	if tx, ok := f.fm.get("taxonomies").(map[string]any); ok {
		f.fm.removeTable("taxonomies")
		for _, k := range sortedKeys(tx) {
			if !f.fm.has(k) {
				f.fm.set(k, anyStrings(tx[k]))
			}
		}
		f.changed = true
	}
	base := path.Base(f.key())
	if base == "index" {
		base = path.Base(path.Dir(f.key()))
	}
	if m := datePrefix.FindStringSubmatch(base); m != nil && base != "_index" {
		if !f.fm.has("date") {
			f.fm.set("date", m[1])
		}
		if !f.fm.has("slug") && path.Base(f.key()) != "index" {
			f.fm.set("slug", strings.TrimPrefix(base, m[0]))
		}
		f.changed = true
	}
}

// aliases writes Zola's aliases, which are paths from the site root
// written with or without the first "/", from the root.
func (z *zola) aliases(f *file) {
	old := f.fm.strs("aliases")
	var out []string
	changed := false
	for _, a := range old {
		if !strings.HasPrefix(a, "/") && !strings.Contains(a, "://") {
			a = "/" + a
			changed = true
		}
		if strings.EqualFold(strings.Trim(a, "/"), strings.Trim(f.oldURL, "/")) {
			// The page's own URL in other letter case, which hosts that
			// ignore case serve as the page: sitegen refuses it.
			z.s.rep.add(f.src, 0, "alias "+a+" left out: it is the page's URL in other letter case", "")
			changed = true
			continue
		}
		out = append(out, a)
	}
	if changed && len(out) == 0 {
		f.fm.remove("aliases")
		f.changed = true
	} else if changed {
		f.fm.set("aliases", out)
		f.changed = true
	}
}

func exists(s *site, name string) (bool, error) {
	_, err := fsStat(s, name)
	return err == nil, err
}

// oldURL is the URL Zola gave a page: its path:, else its folders and its
// slug or name, in its language's folder (none for the default language).
func (z *zola) oldURL(f *file) string {
	prefix := "/" + strings.ToLower(f.lang)
	if f.lang == z.s.cfg.defaultLang {
		prefix = ""
	}
	if p := f.fm.str("path"); p != "" {
		return prefix + "/" + strings.Trim(p, "/") + "/"
	}
	key := f.key()
	dir, name := path.Split(key)
	if name == "_index" || name == "index" {
		dir, name = path.Split(strings.TrimSuffix(dir, "/"))
	}
	if m := datePrefix.FindString(name); m != "" {
		name = strings.TrimPrefix(name, m)
	}
	if slug := f.fm.str("slug"); slug != "" && path.Base(key) != "_index" {
		// Zola's "safe" slugs leave out what a file name may not hold.
		name = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`<>:"/\|?*#`, r) || r < 0x20 {
				return -1
			}
			return r
		}, slug)
	}
	u := "/" + path.Join(dir, name)
	if u != "/" {
		u += "/"
	}
	return prefix + u
}

func (z *zola) sectionTitle(lang, dir string) (string, int) { return "", 0 }

func (z *zola) menus() {}

// convert turns Zola shortcodes with a Markdown form into Markdown and
// keeps the others as code; {{ }} without a call is text Zola leaves as
// it is.
func (z *zola) convert(f *file) string {
	var tags []*tag
	for _, t := range findTags(f.body, zolaSyntax) {
		if !strings.HasPrefix(t.name, "{{") {
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 {
		return f.body
	}
	body := f.body
	out := render(buildTree(body, tags), func(n *node, inner string) string {
		t := n.open
		line := f.bodyLine - 1 + lineAt(body, t.start)
		if t.closing {
			z.s.rep.add(f.src, line, fmt.Sprintf("%s without a shortcode to end", t.raw), "kept as code; remove it")
			return markTag(t)
		}
		if s, ok := commonShortcode(strings.ToLower(t.name), t, n, inner, body); ok {
			return s
		}
		z.s.rep.add(f.src, line, fmt.Sprintf("Zola shortcode %q not converted: a template of the old site made it, and it has no Markdown form", t.name),
			"it is kept as code in the page; write what it showed in Markdown, or make it a layout (layouts/)")
		return keepAsCode(n, inner)
	})
	return tidy(out)
}

// headingIDs keeps what it can of the rule Zola made heading ids with
// (slugify.anchors). "on", the default, is Zola's slug: by its
// documentation a-z, 0-9 and "-", with no two "-" in a row and none at
// the ends, other scripts spelt in ASCII first. On ASCII text that is
// Blackfriday's rule, which sitegen has; a heading in other letters keeps
// them (sitegen check finds the links to such an #anchor that lead
// nowhere). "safe" and "off" keep the text, with "_"
// for spaces, which no sitegen rule makes.
func (z *zola) headingIDs() {
	switch a := strings.ToLower(lookupStr(z.cfg, "slugify.anchors")); a {
	case "", "on":
		z.s.cfg.headingIDs = "blackfriday"
		z.s.cfg.headingIDsWhy = "Zola's ids (slugify.anchors = \"on\") for headings in ASCII; other letters are kept, where Zola spelt them in ASCII"
	default:
		z.s.rep.add("config.toml", 0, fmt.Sprintf("heading ids: Zola kept each heading's text as its id (slugify.anchors = %q, \"_\" for spaces), which no sitegen rule does; sitegen makes GitHub's ids", a),
			"check the links to #anchors (sitegen check lists those that lead nowhere), or set an id by hand: ## Title {#Title_as_before}")
	}
}
