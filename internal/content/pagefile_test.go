package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestPageForms: which files below content/ are pages, their keys, and
// the files written as pages in a form sitegen does not read (issue 24).
func TestPageForms(t *testing.T) {
	fm := "---\ntitle: T\n---\nBody\n"
	fsys := fstest.MapFS{
		"content/en/_index.md":          {Data: []byte(fm)},
		"content/en/a.markdown":         {Data: []byte(fm)},
		"content/en/b.MD":               {Data: []byte(fm)},
		"content/en/c.Markdown":         {Data: []byte(fm)},
		"content/en/d.html":             {Data: []byte(fm)},
		"content/en/e.htm":              {Data: []byte("\xef\xbb\xbf+++\r\ntitle = 'T'\r\n+++\r\n<p>x</p>")},
		"content/en/plain.html":         {Data: []byte("<!DOCTYPE html><p>x</p>")},
		"content/en/f.mdx":              {Data: []byte("import X from 'x';\n")},
		"content/en/g.rst":              {Data: []byte(fm)},
		"content/en/h.txt":              {Data: []byte("+++\n# a comment\ntitle = \"T\"\n+++\n")},
		"content/en/dashes.txt":         {Data: []byte("----------\ntext\n")},
		"content/en/rule.txt":           {Data: []byte("---\n\nJust a rule.\n")},
		"content/en/pic.png":            {Data: []byte("\x89PNG")},
		"content/en/faq/index.markdown": {Data: []byte(fm)},
		"content/en/faq/inner.md":       {Data: []byte(fm)},
	}
	paths, diags := Walk(fsys, []string{"en"})
	want := []string{"content/en/_index.md", "content/en/a.markdown", "content/en/b.MD", "content/en/c.Markdown", "content/en/d.html",
		"content/en/dashes.txt", "content/en/e.htm", "content/en/faq/index.markdown", "content/en/pic.png", "content/en/plain.html", "content/en/rule.txt"}
	if !slices.Equal(paths, want) {
		t.Errorf("Walk = %q\nwant %q", paths, want)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	wantDiags := []string{
		"content/en/f.mdx:1: MDX (Markdown with JSX components) is not read by sitegen",
		"content/en/g.rst:1: the file starts with front matter, as a page does",
		"content/en/h.txt:1: the file starts with front matter, as a page does, but sitegen reads pages from Markdown (.md, .markdown) and HTML (.html) files only, and would publish this one as its source, front matter and drafts included: rename it to h.md if it is Markdown",
		"content/en/faq/inner.md: content/en/faq/ is a page bundle (content/en/faq/index.markdown is its page), which holds files, not pages: move the page out of the folder, or make the folder a section by renaming index.markdown to _index.markdown",
	}
	if len(got) != len(wantDiags) {
		t.Fatalf("diagnostics:\n%s\nwant %d", strings.Join(got, "\n"), len(wantDiags))
	}
	for i, w := range wantDiags {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("diagnostic %d = %q\nwant it to start %q", i, got[i], w)
		}
	}
	pageFiles := map[string]bool{"content/en/_index.md": true, "content/en/a.markdown": true, "content/en/b.MD": true, "content/en/c.Markdown": true,
		"content/en/d.html": true, "content/en/e.htm": true, "content/en/faq/index.markdown": true}
	for _, p := range paths {
		if IsPageFile(fsys, p) != pageFiles[p] {
			t.Errorf("IsPageFile(%s) = %v", p, !pageFiles[p])
		}
	}
	for key, want := range map[string]string{"a.markdown": "a.md", "b.MD": "b.md", "x/_index.html": "x/_index.md", "faq/index.Markdown": "faq/index.md", "pic.png": "pic.png", "x.md": "x.md"} {
		if got := PageKey(key); got != want {
			t.Errorf("PageKey(%q) = %q, want %q", key, got, want)
		}
	}
	f, d := Read(fsys, "content/en/e.htm")
	if f == nil || !f.HTML || f.Key != "e.md" || string(f.Body) != "<p>x</p>" {
		t.Errorf("Read(e.htm) = %+v, %v", f, d)
	}
}
