// Package hosting writes the files static hosts and search engines read
// beside the pages:
//
//	sitemap.xml   every real page, with its translations as xhtml:link
//	              alternates and lastmod from updated:; no fallback pages;
//	              each numbered page of a long listing too. Past 50,000
//	              URLs or 50 MB, the most one file may hold
//	              (MaxSitemapURLs, MaxSitemapBytes), a sitemap index of
//	              parts sitemap-1.xml, sitemap-2.xml... (WriteSitemap)
//	robots.txt    points to the sitemap (sitemap.xml, the index when it is
//	              cut: crawlers find the parts from it)
//	_redirects    Netlify and Cloudflare Pages: aliases: as 301s, and
//	              misses below /<lang>/ to that language's 404 page (Netlify;
//	              Cloudflare Pages finds the nearest 404.html by itself);
//	              any other miss to /404.html, which is the 404 page of the
//	              default language when it is at the root
//	_headers      Netlify and Cloudflare Pages: security headers for every
//	              file, a year's immutable cache for fingerprinted assets
//	              (the CSS and JS copies layouts link to and the search
//	              indexes, whose names hold a hash of their contents) and a
//	              short cache for pages and for the files of static/
//	              published under their own names,
//	              and the Atom feeds beside pages (/<lang>/.../atom.xml), which
//	              hosts serve as XML by their extension
//
// With the default language at the root (default_language_in_subdir =
// false), its pages are no folder's: _headers gives each of its top-level
// folders and files the pages' short cache, and each of its pages its own
// rule where a folder also holds fingerprinted files (a page /search/
// beside search/en.<hash>.json).
//
// Every URL honours the base URL's path, so the files work for a site
// below a sub-path such as https://example.github.io/udenmitid/.
//
// # The site's own files
//
// A file of one of these names in the site's static/ folder is published
// as it is instead of the generated one: the build leaves the generated
// one out, and its summary line names the file. This is Hugo's rule for
// static/robots.txt (copied as it is unless enableRobotsTXT renders the
// robots.txt template): an owner's robots.txt holds rules the site needs
// (Disallow lines for staging paths, blocks of crawlers), which a
// generated file cannot know. sitegen check warns when the own
// robots.txt names no Sitemap: line, or names a sitemap the build does
// not write, with the line to add ("Sitemap: <base_url>sitemap.xml").
// An own sitemap.xml means no parts either. While the build writes the
// sitemap, the names of its parts (SitemapPartPattern) are reserved as
// its other files are, whether or not the sitemap of the moment is cut.
// sitegen import keeps an imported site's static/robots.txt in place for
// the same reason; its other files of these names are moved aside (see
// package importer). A static file at the path of a page, a 404 page or
// the language chooser is an error that names both (package pages); one
// at the path of a theme's file replaces that file (package theme).
package hosting

import (
	"fmt"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/pages"
)

// CSP returns the Content-Security-Policy of every file: only the site's
// own scripts, styles, images and data, no inline script or style, no
// framing. [headers] img_src and connect_src in sitegen.toml add sources
// for a site that embeds images or fetches data from elsewhere.
func CSP(cfg *config.Config) string {
	img := strings.Join(append([]string{"'self'", "data:"}, cfg.Headers.ImgSrc...), " ")
	connect := strings.Join(append([]string{"'self'"}, cfg.Headers.ConnectSrc...), " ")
	return "default-src 'none'; script-src 'self'; style-src 'self'; img-src " + img + "; " +
		"font-src 'self'; connect-src " + connect + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}

// HTMLMaxAge is how long hosts and browsers may cache a page, in seconds:
// short, so a fixed mistake reaches readers soon.
const HTMLMaxAge = 300

// Names are the files a build writes from this package (Small and
// WriteSitemap), at the root of the output folder, but the parts of a
// sitemap cut into parts (SitemapPart). A file of the
// same name in the site's static/ folder is published instead of the
// generated one.
var Names = []string{"sitemap.xml", "robots.txt", "_redirects", "_headers"}

// Describe says what one of Names is, for error messages.
func Describe(name string) string {
	switch name {
	case "sitemap.xml":
		return "the sitemap"
	case "robots.txt":
		return "robots.txt"
	case "_redirects":
		return "the redirect rules"
	case "_headers":
		return "the header rules"
	}
	return name
}

// Assets are the files a build publishes besides pages, as _headers
// caches them.
type Assets struct {
	Fingerprinted []string // output names that hold a hash of their contents, or "<folder>/*" for every file of a folder
	Static        []string // the files of static/, published under their own names
}

// Small returns the hosting files of a site but the sitemap, which grows
// with the site and is written in parts (WriteSitemap): robots.txt,
// _redirects, _headers, by name below the output folder.
func Small(site *pages.Site, assets Assets) map[string][]byte {
	return map[string][]byte{
		"robots.txt": Robots(site),
		"_redirects": Redirects(site),
		"_headers":   Headers(site, assets),
	}
}

// escape writes a URL path as a browser sends it: the bytes of the WHATWG
// URL standard's path percent-encode set (controls, space, " # < > ? `
// { }, and everything above ASCII) percent-encoded, and "%" too, since
// paths here are decoded. Redirect rules compare it with the request, and
// a raw byte above 0x7F is not allowed in a Location header.
func escape(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c <= 0x20 || c >= 0x7f || strings.IndexByte("\"#<>?`{}%", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Redirects writes Netlify's and Cloudflare Pages' _redirects: one 301 for
// each alias, then a 404 rule for each language.
func Redirects(site *pages.Site) []byte {
	base := site.Config.BasePath()
	var b strings.Builder
	b.WriteString("# Old URLs (aliases: in front matter) move permanently to their page.\n")
	var aliases []*pages.Page
	for _, p := range site.Special {
		if p.Kind == pages.Alias {
			aliases = append(aliases, p)
		}
	}
	slices.SortFunc(aliases, func(a, b *pages.Page) int { return strings.Compare(a.Path, b.Path) })
	for _, a := range aliases {
		fmt.Fprintf(&b, "%s %s 301\n", escape(base+a.Path), escape(site.URL(a.Target())))
	}
	b.WriteString("\n# A URL that matches no file gets the 404 page of its language (Netlify;\n# Cloudflare Pages ignores these lines and finds the nearest 404.html).\n")
	for _, l := range site.Langs {
		if l.Prefix != "" { // the root language's misses are the catch-all's
			fmt.Fprintf(&b, "%s%s* %s%s404.html 404\n", base, l.Prefix, base, l.Prefix)
		}
	}
	fmt.Fprintf(&b, "%s* %s404.html 404\n", base, base)
	return []byte(b.String())
}

// Headers writes Netlify's and Cloudflare Pages' _headers. Rules never
// set the same header for one path twice, since hosts join such values.
//
// Pages and the files of static/ published under their own names are
// cached for HTMLMaxAge: a hand-written link names such a file without a
// hash, so a changed file must reach readers soon. Fingerprinted files
// are cached for a year. A folder of static/ that holds no fingerprinted
// file gets one rule ("/vendor/*"); the files of a folder that does, and
// the files at the top, get a rule each.
func Headers(site *pages.Site, assets Assets) []byte {
	base := site.Config.BasePath()
	var b strings.Builder
	fmt.Fprintf(&b, "%s*\n", base)
	fmt.Fprintf(&b, "  Content-Security-Policy: %s\n", CSP(site.Config))
	b.WriteString("  X-Content-Type-Options: nosniff\n")
	b.WriteString("  Referrer-Policy: strict-origin-when-cross-origin\n")
	b.WriteString("  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()\n")
	b.WriteString("  X-Frame-Options: DENY\n")
	pagesCache := fmt.Sprintf("  Cache-Control: public, max-age=%d, must-revalidate\n", HTMLMaxAge)
	for _, p := range []string{"", "index.html", "404.html"} {
		fmt.Fprintf(&b, "\n%s%s\n%s", base, p, pagesCache)
	}
	b.WriteString("\n# The pages of each language, and the Atom feeds (atom.xml) among them.")
	for _, r := range shortRules(site, assets) {
		fmt.Fprintf(&b, "\n%s%s\n%s", base, r, pagesCache)
	}
	sorted := slices.Sorted(slices.Values(assets.Fingerprinted))
	for _, f := range sorted {
		fmt.Fprintf(&b, "\n%s%s\n  Cache-Control: public, max-age=31536000, immutable\n", base, f)
	}
	return []byte(b.String())
}

// shortRules returns the paths below the base path of the _headers rules
// that give pages, the files beside them and the files of static/
// published under their own names the pages' short cache (see Headers):
// each language's folder ("da/*") first, then, sorted, for a language at
// the root each of its top-level folders and files ("about/*",
// "brev.pdf"), and the top-level folders and files of static/ that no
// other rule covers ("vendor/*", "favicon.ico"). A top-level folder that
// also holds fingerprinted files (the search indexes' "search/", the
// layouts' "css/") gets a rule for each page and file in it instead
// ("search/", "css/print.css"), since hosts join the values of two rules
// for one path. index.html, 404.html and the hosting files hosts do not
// serve (_headers, _redirects) get none; nor do robots.txt and the
// sitemap's files (sitemap.xml and its parts sitemap-<n>.xml), which no
// rule names: they have the host's default cache.
func shortRules(site *pages.Site, assets Assets) []string {
	var rules []string
	covered := map[string]bool{"index.html": true, "404.html": true, "_headers": true, "_redirects": true}
	for _, l := range site.Langs {
		if l.Prefix != "" {
			rules = append(rules, l.Prefix+"*")
			top, _, _ := strings.Cut(l.Prefix, "/")
			covered[top] = true
		}
	}
	hashed := map[string]bool{} // top folders that hold a fingerprinted file
	for _, f := range assets.Fingerprinted {
		if top, _, ok := strings.Cut(f, "/"); ok {
			hashed[top] = true
		}
	}
	names := slices.Clone(assets.Static)
	if root := site.AtRoot(); root != nil {
		for _, p := range site.Pages {
			if p.Lang == root && p.Path != "" {
				names = append(names, p.Path)
			}
		}
		for _, r := range site.Resources {
			if r.Lang == root {
				names = append(names, r.Path)
			}
		}
	}
	seen := map[string]bool{}
	var mine []string
	for _, name := range names {
		top, _, inFolder := strings.Cut(name, "/")
		rule := name
		switch {
		case covered[top]:
			continue
		case inFolder && !hashed[top]:
			rule = top + "/*"
		}
		if !seen[rule] {
			seen[rule] = true
			mine = append(mine, rule)
		}
	}
	slices.Sort(mine)
	return append(rules, mine...)
}
