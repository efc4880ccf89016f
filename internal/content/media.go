package content

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// The kinds of files published beside pages, each with its extensions
// (lower case, without the dot). A file beside a page is media or a
// document a reader downloads or a page embeds: none of these runs script
// in a browser when the host serves it by its extension. SVG runs script
// when it holds some, so an SVG is read first (checkSVG).
var mediaKinds = []struct {
	kind string
	exts []string
}{
	{"images", []string{"avif", "bmp", "gif", "ico", "jpeg", "jpg", "png", "svg", "tif", "tiff", "webp"}},
	{"audio", []string{"aac", "flac", "m4a", "mp3", "oga", "ogg", "opus", "wav", "weba"}},
	{"video", []string{"m4v", "mov", "mp4", "ogv", "webm"}},
	{"subtitles", []string{"srt", "vtt"}},
	{"documents", []string{"doc", "docx", "epub", "odg", "odp", "ods", "odt", "pdf", "ppt", "pptx", "rtf", "xls", "xlsx"}},
	{"data", []string{"csv", "ics", "json", "tsv", "txt", "vcf"}},
	{"fonts", []string{"otf", "ttf", "woff", "woff2"}},
	{"archives", []string{"7z", "bz2", "gz", "tar", "tgz", "xz", "zip"}},
}

// MediaExtensions returns the extensions a file beside a page may have
// (see CheckResource), sorted.
func MediaExtensions() []string {
	var all []string
	for _, k := range mediaKinds {
		all = append(all, k.exts...)
	}
	slices.Sort(all)
	return all
}

// isMedia reports whether ext (lower case, no dot) is a published kind.
func isMedia(ext string) bool {
	for _, k := range mediaKinds {
		if slices.Contains(k.exts, ext) {
			return true
		}
	}
	return false
}

// runsScript lists extensions of files a browser runs script from, with
// what to call them in an error.
var runsScript = map[string]string{
	"htm": "HTML", "html": "HTML", "shtml": "HTML", "xht": "XHTML", "xhtml": "XHTML",
	"js": "JavaScript", "mjs": "JavaScript", "cjs": "JavaScript",
}

// whereScriptGoes ends the errors about script in content/: where it
// belongs instead, and how a site whose editors are all trusted says so.
const whereScriptGoes = "scripts and HTML belong in static/, which the site's developers own; " +
	"if every editor is trusted, set unsafe_html = true under [markdown] in sitegen.toml"

// CheckResource says why a file beside a page (key is its path below
// content/<lang>/, data its bytes) must not be published, with the line
// to point at (0 for the whole file), or returns nil. The rule, from
// SECURITY.md: content/ may come from editors who are not trusted to run
// script on the site, and the site's Content-Security-Policy lets the
// site's own files run script (script-src 'self'). So a file beside a
// page is one of the kinds of media and documents MediaExtensions lists,
// by its extension in any case; HTML and JavaScript are refused, and so
// is an SVG that holds script, event handlers, javascript: URLs,
// <foreignObject> or references to other hosts (checkSVG). The build
// skips this check when sitegen.toml sets unsafe_html = true under
// [markdown]: every editor is trusted then.
func CheckResource(key string, data []byte) *LineError {
	name := path.Base(key)
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
	if what, ok := runsScript[ext]; ok {
		return &LineError{0, fmt.Sprintf("%s in content/ would run as the site's own script in readers' browsers: write pages in Markdown; %s", what, whereScriptGoes)}
	}
	if ext == "svg" {
		return checkSVG(data)
	}
	if isMedia(ext) {
		return nil
	}
	var kinds []string
	for _, k := range mediaKinds {
		kinds = append(kinds, k.kind+" ("+strings.Join(k.exts, ", ")+")")
	}
	what := "." + ext + " is none of them"
	if ext == "" {
		what = "a file without an extension is none of them, and a host cannot tell its type"
	}
	return &LineError{0, fmt.Sprintf("a file beside a page is published only when it is one of the %s; %s: "+
		"convert it to one, or put it in static/ if the site's developers own it (if every editor is trusted, set unsafe_html = true under [markdown] in sitegen.toml)",
		strings.Join(kinds, ", "), what)}
}
