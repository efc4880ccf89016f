package pages

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
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
// path a link went through.
const (
	FileDep  = "file:"
	AliasDep = "alias:"
)

// Link resolves a link destination written in from's Markdown. See the
// package documentation for the rules.
func (s *Site) Link(from *Page, dest string) (Link, error) {
	if dest == "" || strings.HasPrefix(dest, "//") || scheme.MatchString(dest) {
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
	case strings.HasSuffix(p, ".md"):
		l, err = s.linkFile(from, dest, p)
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
	l := Link{Deps: []string{FileDep + key}}
	g := s.groupOfFile(from.Lang, key)
	if g == nil {
		g = s.byKey[content.PathKey(key)] // faq.md for faq/index.md and back
		if g == nil && strings.HasSuffix(key, ".md") {
			g = s.byKey[strings.TrimSuffix(key, ".md")+"/"+content.BundleName]
		}
	}
	if g == nil {
		if s.drafts[key] {
			return l, fmt.Errorf("link to %q goes to a draft, which is not published; publish it or remove the link", dest)
		}
		return l, fmt.Errorf("link to %q: no such page in any language (looked for %s/<lang>/%s)", dest, content.Dir, key)
	}
	target := g[from.Lang.Index]
	l.Deps = append(l.Deps, target.Key)
	l.Page, l.URL = target, target.URL
	return l, nil
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

// linkRoot resolves a path from the site root: a page's URL (/en/about/),
// with or without the base path in front, a file beside a page or a file
// from static/.
func (s *Site) linkRoot(from *Page, dest, p string) (Link, error) {
	rel := strings.TrimPrefix(p, "/")
	if base := strings.TrimPrefix(s.Config.BasePath(), "/"); base != "" {
		if r, ok := strings.CutPrefix(rel, base); ok && !s.exists(rel) {
			rel = r
		}
	}
	if l, ok := s.lookup(rel); ok {
		return l, nil
	}
	if l, ok := s.lookupUnprefixed(from, rel); ok {
		return l, nil
	}
	if ext := path.Ext(rel); ext != "" && ext != ".html" && !strings.HasSuffix(rel, "/") {
		// A file the model does not know, such as one a later step of the
		// deployment adds; sitegen check reports it when the build lacks it.
		return Link{URL: s.Config.BasePath() + rel}, nil
	}
	return Link{}, s.noURL(from, dest, "/"+rel)
}

// lookupUnprefixed reads a path from the root without a language folder
// ("/about/") as Hugo serves it: in the default language, which Hugo puts
// at the root. The link goes to that page's version in from's language.
func (s *Site) lookupUnprefixed(from *Page, rel string) (Link, bool) {
	first, _, _ := strings.Cut(rel, "/")
	for _, l := range s.Langs {
		if first == l.Folder {
			return Link{}, false
		}
	}
	l, ok := s.lookup(s.Default.Folder + "/" + rel)
	if !ok || l.Page == nil || l.Page.Translations == nil || l.Page.Kind == NotFound {
		return Link{}, false
	}
	t := l.Page.Translations[from.Lang.Index]
	return Link{URL: t.URL, Page: t, Deps: append(l.Deps, t.Key)}, true
}

// linkRelative resolves a relative path that is not a .md file: first as a
// file beside from's file (an image in its page bundle), then as a URL
// relative to from's URL, as a browser would read it.
func (s *Site) linkRelative(from *Page, dest, p string) (Link, error) {
	if key := fileKey(from, p); key != "" && !strings.HasSuffix(p, "/") {
		if r := s.resourceFor(from, key, p); r != nil {
			return Link{URL: r.URL, Resource: r, Deps: []string{FileDep + key}}, nil
		}
	}
	base := &url.URL{Path: "/" + from.Path}
	resolved := base.ResolveReference(&url.URL{Path: p}).Path
	rel := strings.TrimPrefix(resolved, "/")
	if l, ok := s.lookup(rel); ok {
		return l, nil
	}
	if key := fileKey(from, p); key != "" && !strings.HasSuffix(p, "/") && path.Ext(p) != "" {
		also := ""
		if from.Lang != s.Default {
			also = fmt.Sprintf(" nor %s/%s/%s", content.Dir, s.Default.Folder, key)
		}
		return Link{Deps: []string{FileDep + key}}, fmt.Errorf("link to %q: there is no file %s/%s/%s%s, and no page has the URL %s; put the file beside the page", dest, content.Dir, from.Lang.Folder, key, also, resolved)
	}
	return Link{}, s.noURL(from, dest, resolved)
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

// exists reports whether a path below the base path is a page or a file.
func (s *Site) exists(rel string) bool {
	_, ok := s.lookup(rel)
	return ok
}

// lookup finds the page or file at a URL path below the base path. An
// alias's path finds the page it redirects to.
func (s *Site) lookup(rel string) (Link, bool) {
	candidates := []string{rel}
	if !strings.HasSuffix(rel, "/") && path.Ext(rel) == "" {
		candidates = append(candidates, rel+"/")
	}
	if strings.HasSuffix(rel, "/index.html") {
		candidates = append(candidates, strings.TrimSuffix(rel, "index.html"))
	}
	for _, c := range candidates {
		p := s.byPath[c]
		if p != nil && p.Kind == Alias {
			t := p.Target // an old URL: link to where it redirects
			return Link{URL: t.URL, Page: t, Deps: []string{t.Key, AliasDep + p.Path}}, true
		}
		if p != nil {
			return Link{URL: p.URL, Page: p, Deps: []string{p.Key}}, true
		}
	}
	if r := s.resPath[rel]; r != nil {
		return Link{URL: r.URL, Resource: r, Deps: []string{FileDep + r.Key}}, true
	}
	if s.static[rel] {
		return Link{URL: s.Config.BasePath() + rel, Static: rel}, true
	}
	return Link{}, false
}

// noURL explains a link to a URL that no page or file has, suggesting the
// .md file of the page it most likely meant.
func (s *Site) noURL(from *Page, dest, resolved string) error {
	msg := fmt.Sprintf("link to %q: no page or file has the URL %s", dest, resolved)
	if resolved != dest && !strings.HasPrefix(dest, "/") {
		msg = fmt.Sprintf("link to %q: no page or file has the URL %s (the link read from this page's URL /%s)", dest, resolved, from.Path)
	}
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
	target := s.byKey[found[0]][from.Lang.Index]
	if target.Fallback {
		target = target.source
	}
	rel := relPath(path.Dir(from.FileKey), target.FileKey)
	return rel
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
