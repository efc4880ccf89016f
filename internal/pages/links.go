package pages

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/content"
)

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// A Link is where a link destination written in a page's Markdown goes.
type Link struct {
	URL      string    // to emit: the base path, the path, and the query and fragment as written
	Page     *Page     // the page it goes to, or nil
	Resource *Resource // the file beside a page it goes to, or nil
	Static   string    // the file from static/ it goes to, or ""
	Fragment string    // the #id, without "#"

	// Deps are what the resolution depended on, for rebuilding after a
	// change: translation keys, and "file:" and a file key for files looked
	// up by name. They are set also when the link does not resolve.
	Deps []string
}

// Resolve turns a link destination written in from's Markdown into the
// URL to emit. See the package documentation for the rules.
func (s *Site) Resolve(from *Page, dest string) (string, error) {
	l, err := s.Link(from, dest)
	return l.URL, err
}

// Prefixes of Link.Deps entries: a file key looked up by name, an alias
// path a link went through, a URL path below the base path that a link
// looked up and found nothing at.
const (
	FileDep  = "file:"
	AliasDep = "alias:"
	URLDep   = "url:"
)

// Link resolves a link destination written in from's Markdown. See the
// package documentation for the rules.
func (s *Site) Link(from *Page, dest string) (Link, error) {
	if dest == "" || strings.HasPrefix(dest, "//") || scheme.MatchString(dest) {
		if rel, ok := s.ownPath(dest); ok {
			return s.linkOwn(from, dest, rel), nil
		}
		return Link{URL: dest}, nil
	}
	if frag, ok := strings.CutPrefix(dest, "#"); ok {
		return Link{URL: dest, Page: from, Fragment: frag}, nil
	}
	raw, suffix := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		raw, suffix = dest[:i], dest[i:]
	}
	_, frag, _ := strings.Cut(suffix, "#")
	p, err := url.PathUnescape(raw)
	if err != nil {
		return Link{}, fmt.Errorf("link to %q: %q is not a valid URL path (a %% must start an escape like %%20)", dest, raw)
	}
	p = content.Name(p)
	var l Link
	switch {
	case strings.HasPrefix(p, "@/"):
		key := p[1:]
		if content.IsPage(key) {
			key = content.PageKey(key) // @/x.markdown is the page x.md
		}
		l, err = s.linkContentRoot(from, dest, key)
	case content.IsPage(p):
		l, err = s.linkFile(from, dest, content.PageKey(p)) // x.markdown and x.MD are the page x.md
	case strings.HasPrefix(p, "/"):
		l, err = s.linkRoot(from, dest, p)
	default:
		l, err = s.linkRelative(from, dest, p)
	}
	l.Fragment = frag
	if err == nil {
		l.URL += suffix
	}
	return l, err
}

// fileKey is the key below content/<lang>/ that a path written in from
// names: relative to from's file, or from the language folder when it
// starts with "/". It is "" when the path leaves the language folder.
func fileKey(from *Page, p string) string {
	var key string
	if strings.HasPrefix(p, "/") {
		key = path.Clean(p[1:])
	} else {
		key = path.Join(path.Dir(from.FileKey), p)
	}
	if key == ".." || strings.HasPrefix(key, "../") || key == "." {
		return ""
	}
	return key
}

// linkFile resolves a link to a content file: the page in from's language
// whose translation has that file in some language.
func (s *Site) linkFile(from *Page, dest, p string) (Link, error) {
	key := fileKey(from, p)
	if key == "" {
		return Link{}, fmt.Errorf("link to %q goes outside %s/%s/: link to the file as it would be in this folder (the link goes to its translation, or its fallback page), or to the page's URL from the site root to name another language's version, e.g. /%s/side/", dest, content.Dir, from.Lang.Folder, from.Lang.Folder)
	}
	l, g := s.fileGroup(from.Lang, key)
	if g == nil {
		if s.drafts[key] {
			return l, fmt.Errorf("link to %q goes to a draft, which is not published; publish it or remove the link", dest)
		}
		return l, fmt.Errorf("link to %q: no such page in any language (looked for %s/<lang>/%s)", dest, content.Dir, key)
	}
	return s.toGroup(l, g, from.Lang), nil
}

// fileGroup finds the versions of the page whose file is at key below
// content/<lang>/ in some language, looking in lang first (see
// groupOfFile); g is nil when there is none. l holds the dependencies.
func (s *Site) fileGroup(lang *Lang, key string) (l Link, g []*Page) {
	l = Link{Deps: []string{FileDep + key}}
	g = s.groupOfFile(lang, key)
	if g == nil {
		g = s.byKey[content.PathKey(key)] // faq.md for faq/index.md and back
		if g == nil && strings.HasSuffix(key, ".md") {
			g = s.byKey[strings.TrimSuffix(key, ".md")+"/"+content.BundleName]
		}
	}
	return l, g
}

// toGroup completes a link to the version in lang of a page's versions.
func (s *Site) toGroup(l Link, g []*Page, lang *Lang) Link {
	target := g[lang.Index]
	l.Deps = append(l.Deps, target.Key)
	l.Page, l.URL = target, target.URL
	return l
}

// linkContentRoot resolves Zola's link to a content file, "@/blog/post.md"
// (p is "/blog/post.md"): a path from the language folder, where Zola has
// the content root. A language suffix as Zola names translations
// ("@/blog/post.fr.md") says which language's file is meant when no file
// has that name; the link goes to the page in from's language, as every
// link to a file does.
func (s *Site) linkContentRoot(from *Page, dest, p string) (Link, error) {
	if !strings.HasSuffix(p, ".md") {
		return Link{}, fmt.Errorf("link to %q: a link starting with @/ (as Zola writes them) names a .md file below %s/<lang>/, such as @/blog/post.md; add the file name", dest, content.Dir)
	}
	key := fileKey(from, p)
	if key == "" {
		return Link{}, fmt.Errorf("link to %q goes outside %s/<lang>/", dest, content.Dir)
	}
	l, g := s.fileGroup(from.Lang, key)
	if g == nil {
		stem := strings.TrimSuffix(key, ".md")
		if i := strings.LastIndexByte(stem, '.'); i > strings.LastIndexByte(stem, '/') {
			if lang := s.Lang(stem[i+1:]); lang != nil {
				var more Link
				more, g = s.fileGroup(lang, stem[:i]+".md")
				l.Deps = append(l.Deps, more.Deps...)
			}
		}
	}
	if g == nil {
		if s.drafts[key] {
			return l, fmt.Errorf("link to %q goes to a draft, which is not published; publish it or remove the link", dest)
		}
		return l, fmt.Errorf("link to %q: no such page in any language (looked for %s/<lang>/%s, as Zola reads @/ from the content folder)", dest, content.Dir, key)
	}
	return s.toGroup(l, g, from.Lang), nil
}

// groupOfFile returns the versions of the page whose file is at key in
// lang, else in the default language, else in the first language that has
// one.
func (s *Site) groupOfFile(lang *Lang, key string) []*Page {
	order := append([]*Lang{lang, s.Default}, s.Langs...)
	for _, l := range order {
		if p := s.FilePage(l, key); p != nil {
			return p.Translations
		}
	}
	return nil
}

// A reading is one way to read a URL written in a link: the path below
// the base path it names, and how it was read, for error messages.
type reading struct {
	rel string
	how string
}

// linkRoot resolves a path from the site root: a page's URL (/en/about/),
// with or without the base path in front, a file beside a page or a file
// from static/. Both readings of a path that starts with the base path
// count; see resolveReadings.
func (s *Site) linkRoot(from *Page, dest, p string) (Link, error) {
	rel := strings.TrimPrefix(p, "/")
	readings := []reading{{rel, ""}}
	if base := strings.TrimPrefix(s.Config.BasePath(), "/"); base != "" {
		r, ok := strings.CutPrefix(rel, base)
		if rel == strings.TrimSuffix(base, "/") {
			r, ok = "", true
		}
		if ok {
			readings = []reading{{r, "the link's " + s.Config.BasePath() + " read as the base path"}, {rel, "the link read below the base path, as " + s.Config.BasePath() + rel}}
		}
	}
	l, found, err := s.resolveReadings(from, dest, readings, s.findRoot)
	if found || err != nil {
		return l, err
	}
	first := readings[0].rel
	if ext := path.Ext(first); ext != "" && ext != ".html" && !strings.HasSuffix(first, "/") {
		// A file the model does not know, such as one a later step of the
		// deployment adds; sitegen check reports it when the build lacks it.
		return Link{URL: s.Config.BasePath() + first, Deps: l.Deps}, nil
	}
	return l, s.noURL(from, dest, "/"+first)
}

// findRoot finds what a path from the root below the base path names. A
// path in a language's folder names that language's page. Any other path
// names a page of the language at the root, or, when every language has
// its folder, the default language's page without its folder ("/about/"
// for /da/about/, as content written for Hugo has it where Hugo serves the
// default language at the root); the link goes to that page in from's
// language. A file from static/ or beside a page is found as it is.
func (s *Site) findRoot(from *Page, rel string) (Link, bool) {
	if s.langOfFolder(rel) != nil {
		return s.lookup(rel)
	}
	l, ok := s.lookup(rel)
	if !ok && s.AtRoot() == nil {
		l, ok = s.lookup(s.Default.Prefix + rel)
		for _, c := range candidates(rel) {
			l.Deps = append(l.Deps, URLDep+c) // a page or file that appears there takes the link
		}
	}
	if ok && l.Page != nil && l.Page.Translations != nil && isContent(l.Page) {
		t := l.Page.Translations[from.Lang.Index]
		l.Page, l.URL, l.Deps = t, t.URL, append(l.Deps, t.Key)
	}
	return l, ok
}

// ownPath returns the path below the base path of an absolute URL on the
// site's own base URL ("https://example.org/sub/docs/faq" for base_url
// https://example.org/sub/ is "docs/faq"), percent-escapes decoded; ok is
// false for any other URL, one on the same host outside the base path
// included (another site there). Scheme and host compare without regard
// to case, as URLs do.
func (s *Site) ownPath(dest string) (rel string, ok bool) {
	u, err := url.Parse(dest)
	if err != nil || u.User != nil || u.Opaque != "" || !strings.EqualFold(u.Scheme+"://"+u.Host, s.Config.Origin()) {
		return "", false
	}
	base := s.Config.BasePath()
	p := u.Path
	if p == "" || p+"/" == base {
		p = base
	}
	rel, ok = strings.CutPrefix(p, base)
	return content.Name(rel), ok
}

// linkOwn resolves an absolute URL on the site's own base URL, rel being
// its path below the base path: the link goes to the page or file at that
// URL (or at it with its final slash), whatever from's language, as an
// absolute URL names one page in every generator (a translation linking
// https://example.org/docs/faq/#q means the default language's page and
// its heading), written as its URL (site-relative), query and fragment
// kept. A URL that names nothing is left as written: the site may share
// its host with other things, and sitegen check reports it when the
// build does not write the file.
func (s *Site) linkOwn(from *Page, dest, rel string) Link {
	atURL := func(_ *Page, rel string) (Link, bool) { return s.lookup(rel) }
	l, found, _ := s.resolveReadings(from, dest, []reading{{rel, ""}}, atURL)
	if !found {
		return Link{URL: dest, Deps: l.Deps}
	}
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		l.URL += dest[i:]
		_, l.Fragment, _ = strings.Cut(dest[i:], "#")
	}
	return l
}

// isContent reports whether a page is one of content/: a home, section or
// page, real or fallback.
func isContent(p *Page) bool { return p.Kind == Home || p.Kind == Section || p.Kind == Regular }

// linkRelative resolves a relative path that is not a .md file: first as a
// file beside from's file (an image in its page bundle), then as a URL
// relative to from's URL, as a browser would read it, and, when that finds
// nothing, relative to from's URL without its final slash, as Docusaurus
// serves a page (/docs/elements/layer for docs/elements/layer.md), where a
// relative URL is read from the page file's folder.
func (s *Site) linkRelative(from *Page, dest, p string) (Link, error) {
	key := fileKey(from, p)
	if key != "" && !strings.HasSuffix(p, "/") {
		if r := s.resourceFor(from, key, p); r != nil {
			return Link{URL: r.URL, Resource: r, Deps: []string{FileDep + key}}, nil
		}
	}
	page := "/" + from.Path
	readings := []reading{{resolveURL(page, p), "read from this page's URL " + page}}
	if from.Kind != Home && strings.HasSuffix(page, "/") {
		bare := strings.TrimSuffix(page, "/")
		if r := resolveURL(bare, p); r != readings[0].rel {
			readings = append(readings, reading{r, "read from " + bare + ", the page's URL without its final slash, as Docusaurus serves pages"})
		}
	}
	// The readings are tried in order, not weighed against each other:
	// "../" from a page is its section to a browser and the section above
	// to Docusaurus, and content written for sitegen, Hugo or Zola means
	// the first.
	var l Link
	for _, r := range readings {
		got, found, _ := s.resolveReadings(from, dest, []reading{r}, func(_ *Page, rel string) (Link, bool) { return s.lookup(rel) })
		if found {
			got.Deps = append(l.Deps, got.Deps...)
			return got, nil
		}
		l.Deps = append(l.Deps, got.Deps...)
	}
	resolved := "/" + readings[0].rel
	if key != "" && !strings.HasSuffix(p, "/") && path.Ext(p) != "" {
		also := ""
		if from.Lang != s.Default {
			also = fmt.Sprintf(" nor %s/%s/%s", content.Dir, s.Default.Folder, key)
		}
		l.Deps = append(l.Deps, FileDep+key)
		return l, fmt.Errorf("link to %q: there is no file %s/%s/%s%s, and no page has the URL %s; put the file beside the page", dest, content.Dir, from.Lang.Folder, key, also, resolved)
	}
	return l, s.noURLRelative(from, dest, readings)
}

// resolveURL resolves a relative URL path against the page URL base, as
// a browser does, and returns it below the site's root without its
// leading slash.
func resolveURL(base, p string) string {
	u := (&url.URL{Path: base}).ResolveReference(&url.URL{Path: p})
	return strings.TrimPrefix(u.Path, "/")
}

// resolveReadings looks up each reading of a link with find. A link
// resolves when its readings name exactly one page or file (several
// readings may name the same one); when they name more, the link is
// ambiguous, an error that lists them. found is false when none names
// anything; l then holds the dependencies.
func (s *Site) resolveReadings(from *Page, dest string, readings []reading, find func(*Page, string) (Link, bool)) (l Link, found bool, err error) {
	var hits []Link
	var hows []string
	var deps []string
	for _, r := range readings {
		got, ok := find(from, r.rel)
		deps = append(deps, got.Deps...)
		if !ok {
			for _, c := range candidates(r.rel) {
				deps = append(deps, URLDep+c)
			}
			continue
		}
		if i := slices.IndexFunc(hits, func(h Link) bool { return sameTarget(h, got) }); i >= 0 {
			continue
		}
		hits, hows = append(hits, got), append(hows, r.how)
	}
	switch len(hits) {
	case 0:
		return Link{Deps: deps}, false, nil
	case 1:
		l = hits[0]
		l.Deps = deps
		return l, true, nil
	}
	return Link{Deps: deps}, true, s.ambiguous(from, dest, hits, hows)
}

// sameTarget reports whether two links go to the same page or file.
func sameTarget(a, b Link) bool {
	return a.Page == b.Page && a.Resource == b.Resource && a.Static == b.Static
}

// ambiguous explains a link whose readings name different pages or files.
func (s *Site) ambiguous(from *Page, dest string, hits []Link, hows []string) error {
	var names, files []string
	for i, h := range hits {
		names = append(names, fmt.Sprintf("%s (%s, %s)", h.URL, s.describeTarget(h), hows[i]))
		if h.Page != nil && isContent(h.Page) {
			files = append(files, s.fileLink(from, h.Page))
		}
	}
	msg := fmt.Sprintf("link to %q names more than one page or file: %s", dest, strings.Join(names, " and "))
	if len(files) > 0 {
		return fmt.Errorf("%s; link to the file of the one it means instead: %s", msg, strings.Join(files, " or "))
	}
	return fmt.Errorf("%s; write the URL of the one it means", msg)
}

// describeTarget names the file behind a link's target.
func (s *Site) describeTarget(l Link) string {
	switch {
	case l.Resource != nil:
		return l.Resource.Src.Path
	case l.Static != "":
		return "static/" + l.Static
	case l.Page.Fallback:
		return "the fallback page for " + l.Page.source.File.Path
	case l.Page.File != nil:
		return l.Page.File.Path
	}
	return s.pageWhat(l.Page)
}

// candidates are the output paths a URL path below the base path may be
// served from: itself, a folder's for a path without its final slash (a
// static host redirects /docs/faq to /docs/faq/, whatever dots the name
// has), and the folder for its index.html.
func candidates(rel string) []string {
	c := []string{rel}
	if !strings.HasSuffix(rel, "/") && rel != "" && path.Base(rel) != "index.html" {
		c = append(c, rel+"/")
	}
	if strings.HasSuffix(rel, "/index.html") || rel == "index.html" {
		c = append(c, strings.TrimSuffix(rel, "index.html"))
	}
	return c
}

// lookup finds the page or file at a URL path below the base path: a
// page, a file beside a page or a file from static/ at the path itself,
// else a page or a folder of static/ with its index.html at another of
// its candidates: a file at the path comes before the folder a host would
// redirect to (/files/notes.v2 is that file, not a page notes.v2/). An
// alias's path finds the page it redirects to.
func (s *Site) lookup(rel string) (Link, bool) {
	cs := candidates(rel)
	if l, ok := s.pageAt(cs[0]); ok {
		return l, true
	}
	if r := s.resPath[rel]; r != nil {
		return Link{URL: r.URL, Resource: r, Deps: []string{FileDep + r.Key}}, true
	}
	if s.static[rel] {
		return Link{URL: s.Config.BasePath() + rel, Static: rel}, true
	}
	for _, c := range cs[1:] {
		if l, ok := s.pageAt(c); ok {
			return l, true
		}
	}
	for _, c := range cs {
		if (c == "" || strings.HasSuffix(c, "/")) && s.static[c+"index.html"] {
			return Link{URL: s.Config.BasePath() + c, Static: c + "index.html"}, true
		}
	}
	return Link{}, false
}

// pageAt finds the page whose URL path below the base path is p; an
// alias finds the page it redirects to.
func (s *Site) pageAt(p string) (Link, bool) {
	switch pg := s.byPath[p]; {
	case pg == nil:
		return Link{}, false
	case pg.Kind == Alias:
		t := pg.Target() // an old URL: link to where it redirects
		return Link{URL: t.URL, Page: t, Deps: []string{t.Key, AliasDep + pg.Path}}, true
	default:
		return Link{URL: pg.URL, Page: pg, Deps: []string{pg.Key}}, true
	}
}

// noURL explains a link from the root to a URL that no page or file has,
// suggesting the .md file of the page it most likely meant.
func (s *Site) noURL(from *Page, dest, resolved string) error {
	return s.suggest(from, resolved, fmt.Sprintf("link to %q: no page or file has the URL %s", dest, resolved))
}

// noURLRelative explains a relative link that no reading finds.
func (s *Site) noURLRelative(from *Page, dest string, readings []reading) error {
	first := "/" + readings[0].rel
	msg := fmt.Sprintf("link to %q: no page or file has the URL %s (the link %s)", dest, first, readings[0].how)
	for _, r := range readings[1:] {
		msg += fmt.Sprintf(" nor %s (%s)", "/"+r.rel, r.how)
	}
	return s.suggest(from, first, msg)
}

// suggest ends a message about a URL that matches nothing with the .md
// file of the page it most likely meant, or the rule.
func (s *Site) suggest(from *Page, resolved, msg string) error {
	if sug := s.suggestFile(from, resolved); sug != "" {
		return fmt.Errorf("%s; link to the page's file instead: %s", msg, sug)
	}
	return fmt.Errorf("%s; link to the page's .md file, relative to this file", msg)
}

// suggestFile finds the page a broken URL most likely meant, by its last
// segment (a file name or slug), and returns a link to its file relative
// to from's file, or "".
func (s *Site) suggestFile(from *Page, resolved string) string {
	last := strings.ToLower(path.Base(strings.TrimSuffix(strings.TrimSuffix(resolved, "/"), "/index.html")))
	if last == "" || last == "." || last == "/" {
		return ""
	}
	var found []string
	for _, key := range s.keys {
		for _, p := range s.byKey[key] {
			if p.File != nil && (strings.ToLower(segment(p.FileKey)) == last || strings.ToLower(p.File.Meta.Slug) == last) {
				found = append(found, key)
				break
			}
		}
	}
	if len(found) != 1 {
		return ""
	}
	return s.fileLink(from, s.byKey[found[0]][from.Lang.Index])
}

// fileLink returns a link to the file of target (of its source, for a
// fallback page) relative to from's file.
func (s *Site) fileLink(from, target *Page) string {
	if target.Fallback {
		target = target.source
	}
	return relPath(path.Dir(from.FileKey), target.FileKey)
}

// resourceFor finds the file a page links to by a relative path: its own
// language's copy, else the default language's (beside the default
// language's version of the page, then at the same path), else, for a
// fallback page, which shows its source's text, the source's copy.
func (s *Site) resourceFor(from *Page, key, p string) *Resource {
	if r := s.Resource(from.Lang, key); r != nil {
		return r
	}
	if d := from.Translations[s.Default.Index]; d != nil && !d.Fallback {
		if k := fileKey(d, p); k != "" {
			if r := s.Resource(s.Default, k); r != nil {
				return r
			}
		}
	}
	if r := s.Resource(s.Default, key); r != nil {
		return r
	}
	if from.source != nil {
		return s.Resource(from.source.Lang, key)
	}
	return nil
}

// relPath returns target relative to the folder dir, both below the
// language folder.
func relPath(dir, target string) string {
	if dir == "." {
		return target
	}
	from := strings.Split(dir, "/")
	to := strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}
