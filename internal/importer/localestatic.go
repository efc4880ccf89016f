package importer

import (
	"path"
	"regexp"
	"strings"
)

// staticRef matches a URL that raw HTML (src=, href=) or a Markdown link
// or image holds: the URL is group 1, 2 or 3.
var staticRef = regexp.MustCompile(`\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')|\]\(\s*([^)\s]+)`)

// localeStatic rewrites the relative URLs of a page in another language
// than the default that reach a file of static/ through the language's
// folder: Docusaurus copies static/ into every locale's build, so from
// /fr/docs/elements/extent/ the demo ../../../demo/x/ is /fr/demo/x/, a copy
// of static/demo/x/. sitegen publishes static/ once, at the root, so the
// URL gets one more step up: ../../../../demo/x/, the same file under any
// base path. A URL that names a file beside the page, or a page, is left
// alone; so is code.
func (s *site) localeStatic(f *file, body string) string {
	if f.lang == s.cfg.defaultLang || f.oldURL == "" {
		return body
	}
	locale := "/" + strings.ToLower(f.lang) + "/"
	newURL := s.newURL(f)
	prot := protected(body)
	var b strings.Builder
	last := 0
	for _, m := range staticRef.FindAllStringSubmatchIndex(body, -1) {
		g := 2
		for g < len(m) && m[g] < 0 {
			g += 2
		}
		if g >= len(m) || inRanges(prot, m[g]) {
			continue
		}
		u := body[m[g]:m[g+1]]
		p, suffix := u, ""
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			p, suffix = u[:i], u[i:]
		}
		if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, ":") || strings.HasPrefix(p, "@") {
			continue
		}
		if f.src != "" && s.byOldSrc(path.Join(path.Dir(f.src), p)) {
			continue // a file beside the page, which sitegen finds by its path
		}
		abs := path.Join(path.Dir(f.oldURL+"x"), p)
		rest, ok := strings.CutPrefix(abs+"/", locale)
		if !ok {
			continue
		}
		rest = strings.TrimSuffix(rest, "/")
		if !s.isStatic(rest) {
			continue
		}
		nu := relURL(newURL, "/"+rest)
		if strings.HasSuffix(p, "/") {
			nu += "/"
		}
		if nu == p {
			continue
		}
		b.WriteString(body[last:m[g]])
		b.WriteString(nu + suffix)
		last = m[g+1]
	}
	if last == 0 {
		return body
	}
	b.WriteString(body[last:])
	return b.String()
}

// byOldSrc reports whether the source has a file at p.
func (s *site) byOldSrc(p string) bool {
	for _, f := range s.files {
		if f.src == p {
			return true
		}
	}
	return false
}

// isStatic reports whether static/<rest> is a file of the new site, or a
// folder of it that holds an index.html.
func (s *site) isStatic(rest string) bool {
	return s.byDst["static/"+rest] != nil || s.byDst["static/"+rest+"/index.html"] != nil
}

// relURL is the URL of the path to, relative to the folder URL from
// ("/fr/docs/x/"): as many "../" as from has segments below what they
// share, then the rest of to.
func relURL(from, to string) string {
	fs := strings.Split(strings.Trim(from, "/"), "/")
	if fs[0] == "" {
		fs = nil
	}
	ts := strings.Split(strings.TrimPrefix(to, "/"), "/")
	i := 0
	for i < len(fs) && i < len(ts)-1 && fs[i] == ts[i] {
		i++
	}
	return strings.Repeat("../", len(fs)-i) + strings.Join(ts[i:], "/")
}
