package importer

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

// docusaurus reads a Docusaurus site: docusaurus.config.js, docs/ and
// blog/ with their translations under i18n/<locale>/, sidebars.js and
// _category_.json for the sections' labels, src/pages/ and static/.
type docusaurus struct {
	s         *site
	docsRoute string
	blogRoute string
	labels    map[string]string // "<lang>:<dir below docs>" -> section title
	weights   map[string]int    // section dir or doc id -> order in the sidebar
}

func (d *docusaurus) read() error {
	s := d.s
	var src string
	for _, name := range []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs"} {
		if b := s.readFile(name); b != nil {
			src = string(b)
			break
		}
	}
	if src == "" {
		return fmt.Errorf("no docusaurus.config.js here: is this a Docusaurus site?")
	}
	var cfg map[string]any
	for _, marker := range []string{"module.exports", "export default", "const config", "config ="} {
		if m, ok := parseJSValue(src, marker).(map[string]any); ok && m["title"] != nil {
			cfg = m
			break
		}
	}
	if cfg == nil {
		return fmt.Errorf("docusaurus.config.js: found no configuration object with a title")
	}
	s.cfg.title = lookupStr(cfg, "title")
	s.cfg.description = lookupStr(cfg, "tagline")
	s.cfg.baseURL = strings.TrimSuffix(lookupStr(cfg, "url"), "/") + "/" + strings.TrimPrefix(firstNonEmpty(lookupStr(cfg, "baseUrl"), "/"), "/")
	s.cfg.defaultLang = firstNonEmpty(lookupStr(cfg, "i18n.defaultLocale"), "en")
	s.cfg.unsafeHTML, s.cfg.unsafeWhy = true, "Docusaurus (MDX) renders as it is"
	s.addLang(langConf{code: s.cfg.defaultLang})
	locales, _ := lookup(cfg, "i18n.locales").([]any)
	for _, l := range locales {
		code := fmt.Sprint(l)
		lc := lookupMap(cfg, "i18n.localeConfigs."+code)
		s.addLang(langConf{code: code, name: lookupStr(lc, "label"), dir: lookupStr(lc, "direction"), weight: 1})
	}
	d.docsRoute, d.blogRoute = "docs", "blog"
	docsPath, blogPath := "docs", "blog"
	// The docs plugin shows a sidebar and previous/next links on every doc
	// unless the site turns the plugin off (docs: false).
	s.cfg.sidebar = true
	for _, p := range presetOptions(cfg) {
		if lookup(p, "docs") == false {
			s.cfg.sidebar = false
		}
		if r, ok := lookup(p, "docs.routeBasePath").(string); ok {
			d.docsRoute = strings.Trim(r, "/")
		}
		if r, ok := lookup(p, "docs.path").(string); ok {
			docsPath = strings.Trim(r, "./")
		}
		if r, ok := lookup(p, "blog.routeBasePath").(string); ok {
			d.blogRoute = strings.Trim(r, "/")
		}
		if r, ok := lookup(p, "blog.path").(string); ok {
			blogPath = strings.Trim(r, "./")
		}
	}
	d.readSidebars()
	d.readTree(docsPath, s.cfg.defaultLang, d.docsRoute)
	d.readTree(blogPath, s.cfg.defaultLang, d.blogRoute)
	for _, l := range s.cfg.langs[1:] {
		d.readTree("i18n/"+l.code+"/docusaurus-plugin-content-docs/current", l.code, d.docsRoute)
		d.readTree("i18n/"+l.code+"/docusaurus-plugin-content-blog", l.code, d.blogRoute)
		d.readTree("i18n/"+l.code+"/docusaurus-plugin-content-pages", l.code, "")
		for _, name := range []string{"code.json", "docusaurus-theme-classic"} {
			if ok, _ := exists(s, "i18n/"+l.code+"/"+name); ok {
				s.rep.add("i18n/"+l.code+"/"+name, 0, "the theme's translated UI strings are not imported: sitegen's theme has its own", "")
			}
		}
	}
	s.walk("src/pages", func(p string, data []byte) {
		rel := strings.TrimPrefix(p, "src/pages/")
		switch strings.ToLower(path.Ext(p)) {
		case ".md", ".mdx":
			d.addDoc(p, langDir(s.cfg.defaultLang)+"/"+rel, s.cfg.defaultLang, "", data)
		case ".js", ".jsx", ".ts", ".tsx":
			what := "a React page, not converted"
			if strings.TrimSuffix(rel, path.Ext(rel)) == "index" {
				what = "the home page is a React page, not converted; each language's content/<lang>/_index.md is titled from the site's title"
			}
			s.rep.add(p, 0, what, "write its text in Markdown in content/<lang>/"+strings.TrimSuffix(rel, path.Ext(rel))+".md")
		}
	})
	s.walk("static", func(p string, data []byte) { s.addCopy(p, p, data) })
	if ok, _ := exists(s, "src/css"); ok {
		s.rep.add("src/css", 0, "the site's stylesheet is not imported: sitegen's theme has its own", "put rules the pages need in static/ and a layout that links them")
	}
	return nil
}

// presetOptions returns the options objects of the presets and plugins.
func presetOptions(cfg map[string]any) []map[string]any {
	var out []map[string]any
	for _, key := range []string{"presets", "plugins"} {
		list, _ := cfg[key].([]any)
		for _, p := range list {
			if pair, ok := p.([]any); ok && len(pair) == 2 {
				if m, ok := pair[1].(map[string]any); ok {
					out = append(out, m)
				}
			}
		}
	}
	return out
}

var numberPrefix = regexp.MustCompile(`^\d+[-_.]`)

// readTree reads a docs or blog folder of lang into content/<lang>/<route>/.
func (d *docusaurus) readTree(dir, lang, route string) {
	s := d.s
	s.walk(dir, func(p string, data []byte) {
		rel := strings.TrimPrefix(p, dir+"/")
		if path.Base(rel) == "_category_.json" || path.Base(rel) == "_category_.yml" || (dir != "docs" && path.Base(rel) == "options.json") || path.Base(rel) == "authors.yml" {
			return
		}
		dst := path.Join(langDir(lang), route, rel)
		if !isPageFile(p, data) {
			s.addCopy(p, dst, data)
			return
		}
		d.addDoc(p, dst, lang, route, data)
	})
}

func (d *docusaurus) addDoc(p, dst, lang, route string, data []byte) {
	s := d.s
	if strings.EqualFold(path.Ext(dst), ".mdx") {
		dst = strings.TrimSuffix(dst, path.Ext(dst)) + ".md"
	}
	name := strings.TrimSuffix(path.Base(dst), ".md")
	dir := path.Dir(dst)
	if name == "index" || strings.EqualFold(name, "readme") {
		dst = dir + "/_index.md"
	}
	if fm, _, _, err := splitFrontMatter(string(data)); err == nil && route != "" && strings.Trim(fm.str("slug"), "/") == "" && fm.has("slug") {
		// slug: / is the front page of the docs: their section's page here.
		if root := path.Join(langDir(lang), route, "_index.md"); s.byDst[root] == nil && !d.hasIndex(lang, route) {
			dst = root
		}
	}
	f := s.addPage(p, dst, lang, data)
	if !f.page {
		return
	}
	if dst != strings.TrimSuffix(p, path.Ext(p))+".md" {
		f.changed = strings.EqualFold(path.Ext(p), ".mdx") || path.Base(dst) == "_index.md"
	}
	f.oldURL = d.oldURL(f, route, name)
	d.frontMatter(f, route, name)
	if path.Base(f.dst) == "_index.md" && f.fm.has("id") {
		// A section's id would rename its folder; its URL is the folder's.
		f.fm.remove("id")
		f.changed = true
	}
}

// hasIndex reports whether the source has an index.md or README.md at the
// top of a language's docs.
func (d *docusaurus) hasIndex(lang, route string) bool {
	dir := "docs"
	if lang != d.s.cfg.defaultLang {
		dir = "i18n/" + lang + "/docusaurus-plugin-content-docs/current"
	}
	for _, n := range []string{"index.md", "index.mdx", "README.md", "readme.md"} {
		if ok, _ := exists(d.s, dir+"/"+n); ok {
			return true
		}
	}
	return false
}

// oldURL is the URL Docusaurus gave a doc: the route, then its slug (from
// the route when it starts with "/") or its folders and id or name
// without a number prefix; other languages below /<locale>/.
func (d *docusaurus) oldURL(f *file, route, name string) string {
	prefix := "/" + strings.ToLower(f.lang)
	if f.lang == d.s.cfg.defaultLang {
		prefix = ""
	}
	base := prefix + "/" + route
	if route == "" {
		base = prefix
	}
	key := strings.TrimPrefix(f.key(), route+"/")
	if route == "" || key == route {
		key = strings.TrimPrefix(f.key(), route)
	}
	dir := path.Dir(key)
	if path.Base(key) == "_index" {
		dir = path.Dir(dir)
	}
	var segs []string
	for _, seg := range strings.Split(dir, "/") {
		if seg != "." && seg != "" {
			segs = append(segs, numberPrefix.ReplaceAllString(seg, ""))
		}
	}
	slug := f.fm.str("slug")
	switch {
	case strings.HasPrefix(slug, "/"):
		return strings.TrimSuffix(base+slug, "/") + "/"
	case path.Base(key) == "_index":
		if len(segs) > 0 || key != "_index" {
			segs = append(segs, numberPrefix.ReplaceAllString(path.Base(path.Dir(key)), ""))
		}
	case slug != "":
		segs = append(segs, slug)
	case f.fm.str("id") != "":
		segs = append(segs, f.fm.str("id"))
	default:
		segs = append(segs, numberPrefix.ReplaceAllString(name, ""))
	}
	segs = cleanSegs(segs)
	return strings.TrimSuffix(base+"/"+strings.Join(segs, "/"), "/") + "/"
}

func cleanSegs(segs []string) []string {
	var out []string
	for _, s := range segs {
		if s != "" && s != "." {
			out = append(out, s)
		}
	}
	return out
}

// frontMatter rewrites a slug from the docs route ("/elements/x/") as a
// url: from the site's language folder, leaves it out where it says what
// the file's place says, and keeps the URL of a number-prefixed name.
func (d *docusaurus) frontMatter(f *file, route, name string) {
	slug := f.fm.str("slug")
	if strings.HasPrefix(slug, "/") {
		f.fm.remove("slug")
		if strings.Trim(slug, "/") == "" {
			if route != "" && f.key() != route+"/_index" {
				d.s.rep.add(f.src, 0, "slug: / made this page the docs' front page, which another page is already; it keeps its own URL", "")
			}
		} else if d.s.newURL(f) != d.oldURLWithPrefix(f, route, slug) {
			f.fm.set("url", "/"+path.Join(route, strings.Trim(slug, "/"))+"/")
		}
		f.changed = true
	} else if numberPrefix.MatchString(name) && slug == "" && f.fm.str("id") == "" {
		f.fm.set("slug", numberPrefix.ReplaceAllString(name, ""))
		f.changed = true
	}
	if w, ok := d.weights[f.lang+":"+docID(f, route)]; ok && !f.fm.has("weight") && !f.fm.has("sidebar_position") {
		f.fm.set("weight", w)
		f.changed = true
	}
}

func (d *docusaurus) oldURLWithPrefix(f *file, route, slug string) string {
	prefix := "/" + strings.ToLower(f.lang)
	if f.lang == d.s.cfg.defaultLang {
		prefix = ""
	}
	return prefix + "/" + path.Join(route, strings.Trim(slug, "/")) + "/"
}

// docID is a doc's id as sidebars.js names it: its folders and its id:
// or file name, without the docs route.
func docID(f *file, route string) string {
	key := strings.TrimPrefix(f.key(), route+"/")
	dir := path.Dir(key)
	name := path.Base(key)
	if id := f.fm.str("id"); id != "" {
		name = id
	}
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

// readSidebars reads the labels and order of sidebars.js: each category's
// label is the title of the folder its docs share, and the order of items
// is the docs' weight. A locale's current.json gives its labels.
func (d *docusaurus) readSidebars() {
	d.labels, d.weights = map[string]string{}, map[string]int{}
	src := ""
	for _, name := range []string{"sidebars.js", "sidebars.ts", "sidebars.mjs", "sidebars.cjs"} {
		if b := d.s.readFile(name); b != nil {
			src = string(b)
			break
		}
	}
	sb, _ := parseJSValue(src, "=").(map[string]any)
	if sb == nil {
		sb, _ = parseJSValue(src, "export default").(map[string]any)
	}
	translations := map[string]map[string]string{}
	for _, l := range d.s.cfg.langs[1:] {
		var m map[string]struct{ Message string }
		if b := d.s.readFile("i18n/" + l.code + "/docusaurus-plugin-content-docs/current.json"); b != nil {
			if json.Unmarshal(b, &m) == nil {
				tr := map[string]string{}
				for k, v := range m {
					tr[k] = v.Message
				}
				translations[l.code] = tr
			}
		}
	}
	for _, name := range sortedKeys(sb) {
		if strings.HasPrefix(name, "\x00") {
			continue
		}
		d.walkSidebar(name, sb[name], translations)
	}
	// _category_.json labels win over the sidebar's.
	for _, l := range d.s.cfg.langs {
		dir := "docs"
		if l.code != d.s.cfg.defaultLang {
			dir = "i18n/" + l.code + "/docusaurus-plugin-content-docs/current"
		}
		fs.WalkDir(d.s.src, dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.Name() != "_category_.json" {
				return nil
			}
			var c struct {
				Label    string
				Position float64
			}
			if json.Unmarshal(d.s.readFile(p), &c) == nil {
				rel := strings.TrimPrefix(path.Dir(p), dir)
				rel = strings.Trim(rel, "/")
				if c.Label != "" {
					d.labels[l.code+":"+rel] = c.Label
					if l.code == d.s.cfg.defaultLang {
						for _, o := range d.s.cfg.langs[1:] {
							if _, ok := d.labels[o.code+":"+rel]; !ok {
								d.labels[o.code+":"+rel] = c.Label
							}
						}
					}
				}
				if c.Position != 0 {
					d.weights["dir:"+rel] = int(c.Position)
				}
			}
			return nil
		})
	}
}

// walkSidebar reads one sidebar's items (an array) or categories (an
// object of label -> items).
func (d *docusaurus) walkSidebar(sidebar string, v any, tr map[string]map[string]string) {
	// named counts the docs of the category of this sidebar that named
	// each folder: a category with more of them, one that holds the
	// others, names it instead (User Guide, not its first nested
	// category, Getting Started).
	named := map[string]int{}
	var visit func(label, key string, items any) []string
	pos := 0
	visit = func(label, key string, items any) []string {
		start := pos
		var ids []string
		var each func(x any)
		each = func(x any) {
			switch x := x.(type) {
			case string:
				ids = append(ids, x)
				pos++
				for _, l := range d.s.cfg.langs {
					d.weights[l.code+":"+x] = pos
				}
			case []any:
				for _, y := range x {
					each(y)
				}
			case map[string]any:
				switch lookupStr(x, "type") {
				case "category":
					ids = append(ids, visit(lookupStr(x, "label"), lookupStr(x, "key"), x["items"])...)
				case "doc", "ref":
					each(lookupStr(x, "id"))
				case "":
					for _, k := range orderOf(x) {
						ids = append(ids, visit(k, "", x[k])...)
					}
				}
			}
		}
		each(items)
		if label == "" {
			return ids
		}
		dir := commonDir(ids)
		if dir == "" {
			return ids
		}
		// The folder stands where its category's first doc stands, among
		// the docs and categories beside it (a nested category of the same
		// folder, visited first, has the same first doc).
		if _, ok := d.weights["dir:"+dir]; !ok && pos > start {
			d.weights["dir:"+dir] = start + 1
		}
		if n, ok := named[dir]; ok && n >= len(ids) {
			return ids
		} else if _, other := d.labels[d.s.cfg.defaultLang+":"+dir]; !ok && other {
			return ids // another sidebar named it
		}
		named[dir] = len(ids)
		for _, l := range d.s.cfg.langs {
			t := label
			if m := tr[l.code]; m != nil {
				if x := m["sidebar."+sidebar+".category."+firstNonEmpty(key, label)]; x != "" {
					t = x
				}
			}
			d.labels[l.code+":"+dir] = t
		}
		return ids
	}
	visit("", "", v)
}

// orderOf is an object's keys in the order written.
func orderOf(m map[string]any) []string {
	if o, ok := m["\x00order"].([]string); ok {
		return o
	}
	return sortedKeys(m)
}

// commonDir is the folder every id is directly in, or "".
func commonDir(ids []string) string {
	dir := ""
	for i, id := range ids {
		d := path.Dir(id)
		if d == "." {
			return ""
		}
		if i == 0 {
			dir = d
		} else if d != dir {
			return ""
		}
	}
	return dir
}

func (d *docusaurus) sectionTitle(lang, dir string) (string, int) {
	rel := strings.TrimPrefix(dir, d.docsRoute)
	rel = strings.Trim(rel, "/")
	if !strings.HasPrefix(dir, d.docsRoute) {
		return "", 0
	}
	w := d.weights["dir:"+rel]
	if t := d.labels[lang+":"+rel]; t != "" {
		return t, w
	}
	return "", w
}

// menus puts the navbar's links to pages in the main menu.
func (d *docusaurus) menus() {}

// convert turns admonitions, <details>, tabs and MDX comments into
// Markdown, and keeps imports, exports and other components as code.
func (d *docusaurus) convert(f *file) string {
	out := mdxConvert(f.body, func(line int, what, todo string) {
		d.s.rep.add(f.src, f.bodyLine-1+line, what, todo)
	})
	return d.s.localeStatic(f, out)
}
