package content

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

// markdownExts are the extensions of Markdown pages, in lower case; they
// are matched in any case (klage.MD, indlæg.Markdown).
var markdownExts = []string{".md", ".markdown"}

// IsPage reports whether a file below content/ is a Markdown page by its
// name: .md or .markdown, in any letter case. An HTML file may be a page
// too, by what it begins with (IsPageFile).
func IsPage(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	for _, e := range markdownExts {
		if ext == e {
			return true
		}
	}
	return false
}

// isHTMLName reports whether a file's name ends in .html or .htm, in any
// case.
func isHTMLName(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".html" || ext == ".htm"
}

// IsPageFile reports whether the file at p below content/ is a page: a
// Markdown file (IsPage), or an HTML file that begins with front matter,
// as Hugo reads one (its body is the page's HTML: see File.HTML). Every
// other file is published beside the pages.
func IsPageFile(fsys fs.FS, p string) bool {
	return IsPage(p) || isHTMLName(p) && HTMLPage(peek(fsys, p, 8))
}

// PageKey returns the key of a page file with its extension written
// ".md", so that a page's key, its URL segment and its translations do
// not depend on how its file is spelled: "posts/x.markdown", "x.MD" and
// "x.html" are "posts/x.md", "x.md", "x.md"; "_index.html" is
// "_index.md". Other keys are returned as they are.
func PageKey(key string) string {
	if !IsPage(key) && !isHTMLName(key) || path.Ext(key) == ".md" {
		return key // the key as given, not a copy: the site model keeps it
	}
	return strings.TrimSuffix(key, path.Ext(key)) + ".md"
}

// peek returns the first n bytes of a file, or fewer; nil when it cannot
// be read.
func peek(fsys fs.FS, p string, n int) []byte {
	f, err := fsys.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	buf := make([]byte, n)
	m, _ := io.ReadFull(f, buf)
	return buf[:m]
}

// frontMatterStart matches the start of a file with front matter: a fence
// line, then a field (name: or name =).
var frontMatterStart = regexp.MustCompile(`^(?:\xef\xbb\xbf)?(?:---|\+\+\+)[ \t]*\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*"?[A-Za-z_][A-Za-z0-9_-]*"?[ \t]*[:=]`)

// notAPage says what to do with a file below content/ that is written as
// a page in a form sitegen does not read (p is its path), or "" when it is
// not one: an MDX file, whatever it begins with, and any file other than
// a page that begins with front matter, which would otherwise be
// published as its source, front matter and drafts included.
func notAPage(fsys fs.FS, p string) string {
	ext := strings.ToLower(path.Ext(p))
	if ext == ".mdx" {
		return fmt.Sprintf("MDX (Markdown with JSX components) is not read by sitegen, and the file would be published as its source: rename it to %s and write its imports, exports and components (<Tabs>, <Admonition>, ...) in Markdown, or leave them out",
			strings.TrimSuffix(path.Base(p), path.Ext(p))+".md")
	}
	if IsPage(p) || binaryKinds[ext] || !frontMatterStart.Match(peek(fsys, p, 512)) {
		return ""
	}
	if isHTMLName(p) {
		return "" // an HTML page (IsPageFile)
	}
	convert := "convert it to Markdown (pandoc -t gfm does it for most formats)"
	switch ext {
	case ".txt", ".text", "":
		convert = "rename it to " + strings.TrimSuffix(path.Base(p), path.Ext(p)) + ".md if it is Markdown"
	}
	return fmt.Sprintf("the file starts with front matter, as a page does, but sitegen reads pages from Markdown (.md, .markdown) and HTML (.html) files only, and would publish this one as its source, front matter and drafts included: %s, or remove the front matter if it is a file to publish as it is", convert)
}

// HTMLPage reports whether an HTML file begins with front matter, as a
// Hugo site's HTML pages do: such a file is a page (IsPageFile), not a
// file beside one.
func HTMLPage(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for _, fence := range []string{"---", "+++"} {
		if rest, ok := bytes.CutPrefix(data, []byte(fence)); ok && (bytes.HasPrefix(rest, []byte("\n")) || bytes.HasPrefix(rest, []byte("\r\n"))) {
			return true
		}
	}
	return false
}

// binaryKinds are extensions of files that cannot begin with front matter
// (images other than SVG, audio, video, PDF and office files, fonts,
// archives): notAPage does not open them, as a site may have thousands.
var binaryKinds = map[string]bool{}

func init() {
	text := map[string]bool{"svg": true, "srt": true, "vtt": true, "csv": true, "ics": true, "json": true, "tsv": true, "txt": true, "vcf": true, "rtf": true}
	for _, k := range mediaKinds {
		for _, e := range k.exts {
			if !text[e] {
				binaryKinds["."+e] = true
			}
		}
	}
}
