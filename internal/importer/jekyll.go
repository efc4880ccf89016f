package importer

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// jekyll reads a Jekyll site with jekyll-polyglot: _config.yml
// (languages, default_lang), pages anywhere outside folders that start
// with "_" with lang: and page_id: in their front matter, _posts/, and
// every other file, which Jekyll publishes as it is.
type jekyll struct {
	s   *site
	cfg map[string]any
}

func (j *jekyll) read() error {
	s := j.s
	cfg, err := s.readConfig("_config.yml", "Jekyll")
	if err != nil {
		return err
	}
	j.cfg = cfg
	s.cfg.title = lookupStr(cfg, "title")
	s.cfg.description = lookupStr(cfg, "description")
	s.cfg.baseURL = strings.TrimSuffix(lookupStr(cfg, "url"), "/") + "/" + strings.Trim(lookupStr(cfg, "baseurl"), "/")
	if !strings.HasSuffix(s.cfg.baseURL, "/") {
		s.cfg.baseURL += "/"
	}
	s.cfg.defaultLang = firstNonEmpty(lookupStr(cfg, "default_lang"), lookupStr(cfg, "lang"), "en")
	s.cfg.unsafeHTML, s.cfg.unsafeWhy = true, "Jekyll (kramdown) renders as it is"
	// A description may be one per language (description: {en: ..., de: ...}).
	descs, _ := lookup(cfg, "description").(map[string]any)
	if descs != nil {
		s.cfg.description = ""
	}
	desc := func(code string) string {
		if d, ok := descs[strings.ToLower(code)].(string); ok {
			return d
		}
		return ""
	}
	s.addLang(langConf{code: s.cfg.defaultLang, description: desc(s.cfg.defaultLang)})
	for _, l := range anyStrings(lookup(cfg, "languages")) {
		s.addLang(langConf{code: l, weight: 1, description: desc(l)})
	}
	exclude := map[string]bool{"Gemfile": true, "Gemfile.lock": true, "node_modules": true, "vendor": true, "README.md": true, "LICENSE": true, "package.json": true, "package-lock.json": true}
	for _, e := range anyStrings(lookup(cfg, "exclude")) {
		exclude[strings.Trim(e, "/")] = true
	}
	codes := map[string]string{}
	for _, l := range s.cfg.langs {
		codes[strings.ToLower(l.code)] = l.code
	}
	s.walk(".", func(p string, data []byte) {
		top, _, _ := strings.Cut(p, "/")
		if exclude[p] || exclude[top] || p == "_config.yml" {
			return
		}
		switch {
		case top == "_posts":
			j.post(p, data, codes)
			return
		case strings.HasPrefix(top, "_"):
			return
		}
		if !isPageFile(p, data) || !(strings.HasPrefix(string(data), "---")) {
			s.addCopy(p, "static/"+p, data)
			return
		}
		fm, _, _, err := splitFrontMatter(string(data))
		lang := s.cfg.defaultLang
		if err == nil {
			if l := codes[strings.ToLower(fm.str("lang"))]; l != "" {
				lang = l
			}
		}
		rel := p
		if strings.EqualFold(path.Ext(p), ".html") && !strings.HasSuffix(p, "index.html") {
			rel = p // an .html page stays one (sitegen reads front matter in it)
		}
		if parts := strings.Split(path.Base(rel), "."); len(parts) >= 3 && codes[strings.ToLower(parts[len(parts)-2])] == lang {
			// Polyglot's about.de.md: the language is the page's, the
			// name its translations share.
			rel = path.Join(path.Dir(rel), strings.Join(append(parts[:len(parts)-2:len(parts)-2], parts[len(parts)-1]), "."))
		}
		if base := path.Base(rel); strings.TrimSuffix(base, path.Ext(base)) == "index" {
			rel = path.Join(path.Dir(rel), "_index"+path.Ext(base))
		}
		f := s.addPage(p, langDir(lang)+"/"+strings.TrimPrefix(rel, "./"), lang, data)
		if f.page {
			j.frontMatter(f)
			f.oldURL = j.oldURL(f, p)
		}
	})
	j.pairByPermalink()
	for _, d := range []string{"_layouts", "_includes", "_sass", "_data"} {
		if ok, _ := exists(s, d); ok {
			s.rep.add(d, 0, "not imported: sitegen uses its own layouts and stylesheet", "see README.md on layouts/ to bring a part of the old theme over")
		}
	}
	return nil
}

// pairByPermalink pairs the pages that polyglot pairs by their permalink:
// pages of different languages with one permalink and no page_id, whose
// paths differ, get the permalink as their translation_key.
func (j *jekyll) pairByPermalink() {
	groups := map[string][]*file{}
	for _, f := range j.s.files {
		if !f.page {
			continue
		}
		if pl := strings.Trim(f.fm.str("permalink"), "/"); pl != "" && !strings.Contains(pl, ":") {
			groups[pl] = append(groups[pl], f)
		}
	}
	for pl, fs := range groups {
		langs, keys := map[string]bool{}, map[string]bool{}
		for _, f := range fs {
			langs[f.lang] = true
			keys[firstNonEmpty(f.fm.str("translation_key"), strings.TrimPrefix(f.dst, langDir(f.lang)+"/"))] = true
		}
		if len(langs) < 2 || len(langs) != len(fs) || len(keys) < 2 {
			continue
		}
		for _, f := range fs {
			if !f.fm.has("translation_key") {
				f.fm.set("translation_key", pl)
				f.changed = true
			}
		}
	}
}

// post reads a post of _posts/ (YYYY-MM-DD-title.md) into posts/, its
// date from its name.
func (j *jekyll) post(p string, data []byte, codes map[string]string) {
	s := j.s
	name := path.Base(p)
	fm, _, _, err := splitFrontMatter(string(data))
	lang := s.cfg.defaultLang
	if err == nil {
		if l := codes[strings.ToLower(fm.str("lang"))]; l != "" {
			lang = l
		}
	}
	f := s.addPage(p, langDir(lang)+"/posts/"+name, lang, data)
	if !f.page {
		return
	}
	j.frontMatter(f)
	m := datePrefix.FindStringSubmatch(name)
	if m == nil {
		return
	}
	if !f.fm.has("date") {
		f.fm.set("date", m[1])
	}
	title := strings.TrimSuffix(strings.TrimPrefix(name, m[0]), path.Ext(name))
	if !f.fm.has("slug") {
		f.fm.set("slug", title)
	}
	f.changed = true
	prefix := ""
	if lang != s.cfg.defaultLang {
		prefix = "/" + strings.ToLower(lang)
	}
	if pl := f.fm.str("permalink"); pl != "" {
		f.oldURL = prefix + pl
		return
	}
	d := strings.ReplaceAll(m[1], "-", "/")
	f.oldURL = prefix + "/" + d + "/" + title + j.ext()
	if cats := f.fm.strs("categories"); len(cats) > 0 {
		f.oldURL = prefix + "/" + strings.Join(cats, "/") + "/" + d + "/" + title + j.ext()
	}
}

// frontMatter makes polyglot's page_id the translation key, and the
// permalink the page's url:.
func (j *jekyll) frontMatter(f *file) {
	if id := f.fm.str("page_id"); id != "" && !f.fm.has("translation_key") && !f.fm.has("translationkey") {
		f.fm.set("translation_key", id)
		f.changed = true
	}
	if f.fm.str("lang") != "" {
		f.fm.remove("lang")
		f.changed = true
	}
	if pl := f.fm.str("permalink"); pl != "" && !strings.Contains(pl, ":") && strings.Trim(pl, "/") != "" && !f.fm.has("url") {
		if !strings.HasSuffix(pl, ".html") {
			f.fm.set("url", "/"+strings.Trim(pl, "/")+"/")
			f.changed = true
		}
	}
}

// oldURL is the URL Jekyll gave a page: its permalink, or its path with
// .html (index.html as its folder); other languages below /<lang>/.
func (j *jekyll) oldURL(f *file, p string) string {
	prefix := ""
	if f.lang != j.s.cfg.defaultLang {
		prefix = "/" + strings.ToLower(f.lang)
	}
	if pl := f.fm.str("permalink"); pl != "" && !strings.Contains(pl, ":") {
		return prefix + "/" + strings.TrimPrefix(pl, "/")
	}
	base := strings.TrimSuffix(p, path.Ext(p))
	if path.Base(base) == "index" {
		d := path.Dir(base)
		if d == "." {
			return prefix + "/"
		}
		return prefix + "/" + d + "/"
	}
	return prefix + "/" + base + j.ext()
}

// ext ends a URL Jekyll made from a file's name: ".html", or "/" with
// permalink: pretty in _config.yml.
func (j *jekyll) ext() string {
	if lookupStr(j.cfg, "permalink") == "pretty" {
		return "/"
	}
	return ".html"
}

// liquidSite finds {{ site.url }} and {{ site.baseurl }} at the start of a
// link (followed by "/").
var liquidSite = regexp.MustCompile(`\{\{-?\s*site\.(url|baseurl)\s*-?\}\}(\{\{-?\s*site\.baseurl\s*-?\}\})?/`)

// siteURLs writes the links that start with {{ site.url }} or
// {{ site.baseurl }}, in Markdown and raw HTML, from the root: the base
// path ({{ site.url }} alone: none), then the rest ({{site.baseurl}}/seo/
// is /seo/), which sitegen resolves as the page it names.
func (j *jekyll) siteURLs(body string) string {
	base := strings.Trim(lookupStr(j.cfg, "baseurl"), "/")
	if base != "" {
		base = "/" + base
	}
	return liquidSite.ReplaceAllStringFunc(body, func(m string) string {
		if sub := liquidSite.FindStringSubmatch(m); sub[1] == "url" && sub[2] == "" {
			return "/" // the host alone: Jekyll's URL has no base path then
		}
		return base + "/"
	})
}

func (j *jekyll) sectionTitle(lang, dir string) (string, int) { return "", 0 }

func (j *jekyll) menus() {}

// convert turns Liquid's highlight blocks into fenced code, unwraps raw
// blocks, and keeps every other tag and variable as code.
func (j *jekyll) convert(f *file) string {
	f.body = j.siteURLs(f.body)
	var tags []*tag
	inRaw := false
	all := findTags(f.body, liquidSyntax)
	for i, t := range all {
		// What stands between {% raw %} and {% endraw %} is text.
		switch {
		case t.name == "raw" && !t.closing && !inRaw:
			inRaw = hasClose(all[i+1:], "raw")
		case t.name == "raw" && t.closing:
			inRaw = false
		case inRaw:
			continue
		}
		tags = append(tags, t)
	}
	if len(tags) == 0 {
		return f.body
	}
	body := f.body
	out := render(buildTree(body, tags), func(n *node, inner string) string {
		t := n.open
		line := f.bodyLine - 1 + lineAt(body, t.start)
		switch name := strings.ToLower(t.name); {
		case name == "highlight" && n.close != nil:
			return blank + "```" + t.arg(0) + "\n" + strings.Trim(inner, "\n") + "\n```" + blank
		case name == "raw" && n.close != nil:
			return codeMarker(inner, n.open.block)
		case !t.closing:
			if s, ok := commonShortcode(name, t, n, inner, body); ok {
				return s
			}
		}
		j.s.rep.add(f.src, line, fmt.Sprintf("Liquid %s not converted: a layout or include of the old site made it", strings.Join(strings.Fields(t.raw), " ")),
			"it is kept as code in the page; write what it showed in Markdown")
		return keepAsCode(n, inner)
	})
	return tidy(out)
}
