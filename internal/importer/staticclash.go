package importer

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/hosting"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/theme"
)

// builtName reports whether rel is a file the build writes that a static
// file of the same path would take the place of, other than the theme's
// static files: the root's hosting files (hosting.Names; robots.txt is
// kept, see keepRobots) and the parts of a large sitemap (sitemap-1.xml,
// hosting.SitemapPartPattern), 404 pages, Atom feeds and the root
// index.html (the language chooser, or the default language's home).
func builtName(rel string) bool {
	base := path.Base(rel)
	return slices.Contains(hosting.Names, rel) || sitemapPart(rel) || rel == "index.html" || base == "404.html" || base == pages.FeedFile
}

// sitemapPart reports whether rel is a name the build reserves for the
// parts of a large sitemap.
func sitemapPart(rel string) bool {
	ok, _ := path.Match(hosting.SitemapPartPattern, rel)
	return ok
}

// moveStaticClashes moves aside each static file of the old site whose
// path is a file of sitegen's built-in theme (static/css/site.css) or a
// file the build writes (atom.xml, sitemap.xml, 404.html...): published
// as it is, it would take the place of that file (a site with the old
// theme's stylesheet in place of sitegen's is unstyled; an old atom.xml
// is a feed that no longer changes). It becomes name.old.ext in the same
// folder: the extension keeps its media type, the folder keeps the
// relative links in it (url(../img/x.png)) working, and ".old" says where
// it came from. The pages' links to a theme file follow it (the old
// layouts, which linked to most such files, are not imported); links to
// a file the build writes stay, for they mean that file. Each is a
// report line.
func (s *site) moveStaticClashes() {
	themeFS := theme.FS()
	for _, f := range s.files {
		rel, ok := strings.CutPrefix(f.dst, "static/")
		if !ok || f.page {
			continue
		}
		_, err := fs.Stat(themeFS, "static/"+rel)
		inTheme := err == nil
		if rel == robotsFile {
			s.keepRobots(f)
			continue
		}
		if !inTheme && !builtName(rel) {
			continue
		}
		ext := path.Ext(rel)
		stem := strings.TrimSuffix(rel, ext)
		moved := stem + ".old" + ext
		if sitemapPart(moved) { // sitemap-1.old.xml is reserved too
			stem = path.Join(path.Dir(stem), "old-"+path.Base(stem))
			moved = stem + ext
		}
		for i := 2; s.byDst["static/"+moved] != nil; i++ {
			moved = fmt.Sprintf("%s.old%d%s", stem, i, ext)
		}
		what, todo := "the file the build writes there", "carry over what the site still needs of the old one, then delete it"
		if inTheme {
			what, todo = "the built-in theme's file of that path", "the old layouts used it; delete it if no page needs it"
		}
		delete(s.byDst, f.dst)
		f.dst = "static/" + moved
		s.byDst[f.dst] = f
		// A link to a theme file meant the old one; a link to /atom.xml or
		// /sitemap.xml means the file of that name, which sitegen writes.
		links := "links to /" + rel + " reach sitegen's"
		if inTheme {
			links = "no page links to it"
			if n := s.relinkStatic("/"+rel, "/"+moved); n > 0 {
				links = "the links to it of " + count(n, "page") + " follow"
			}
		}
		s.rep.add(f.src, 0, fmt.Sprintf("moved aside to static/%s: published as /%s it would take the place of %s; %s", moved, rel, what, links), todo)
	}
}

// robotsFile is robots.txt's name in static/ and in the output.
const robotsFile = "robots.txt"

// keepRobots keeps the old site's static/robots.txt where it is: the build
// publishes it in place of the generated one, as Hugo does (package
// hosting), and it holds the owner's rules. It is a report line, which
// asks for the Sitemap: line of the new site when the file names no
// sitemap or names another.
func (s *site) keepRobots(f *file) {
	want := hosting.SitemapLine(s.baseURL())
	what := "kept: the build publishes it in place of the robots.txt sitegen generates, so its rules stay"
	todo := ""
	lines := hosting.Sitemaps(f.data)
	switch {
	case len(lines) == 0:
		todo = fmt.Sprintf("it names no sitemap: add the line %q (sitegen check warns until it has one)", want)
	case !slices.ContainsFunc(lines, func(l hosting.RobotsSitemap) bool { return "Sitemap: "+l.URL == want }):
		var urls []string
		for _, l := range lines {
			urls = append(urls, l.URL)
		}
		todo = fmt.Sprintf("it names the sitemap %s; sitegen writes one sitemap, so make the line %q", strings.Join(urls, " and "), want)
	}
	s.rep.add(f.src, 0, what, todo)
}

// baseURL is the base URL the import writes to sitegen.toml, with its
// final slash.
func (s *site) baseURL() string {
	if u, ok := s.placeholderBaseURL(); ok {
		return u
	}
	return strings.TrimSuffix(s.cfg.baseURL, "/") + "/"
}

// relinkStatic points the pages' links to the root path from (in Markdown
// and raw HTML, after any base path; not another host's) at to, and returns how many pages
// changed.
func (s *site) relinkStatic(from, to string) int {
	re := regexp.MustCompile(`([("'=\s]|^)((?:/[^"'()\s/:]+)*)` + regexp.QuoteMeta(from) + `([?#"')\s]|$)`)
	n := 0
	for _, f := range s.files {
		if !f.page {
			continue
		}
		body := re.ReplaceAllString(f.body, "${1}${2}"+to+"${3}")
		if body != f.body {
			f.body = body
			f.changed = true
			n++
		}
	}
	return n
}
