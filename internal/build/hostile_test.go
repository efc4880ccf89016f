package build_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

const hostileConfig = "-- sitegen.toml --\nbase_url = \"https://example.org/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n"

func page(title, body string) string {
	return "---\ntitle: " + title + "\ndescription: En side.\n---\n" + body + "\n"
}

// TestHostileInput: odd and hostile input, each with the exact error or
// the exact accepted output.
func TestHostileInput(t *testing.T) {
	tests := []struct {
		name    string
		archive string
		file    string // an output file that must exist and contain want
		want    []string
		stderr  string // the exact diagnostics
	}{
		{
			name:    "bom and crlf",
			archive: hostileConfig + "-- content/da/_index.md --\n\ufeff---\r\ntitle: Forside\r\ndescription: Forsiden.\r\n---\r\nFørste linje.\r\nAnden linje.\r\n",
			file:    "da/index.html", want: []string{"<h1>Forside</h1>", "<p>Første linje.\nAnden linje.</p>"},
		},
		{
			name:    "empty content folder",
			archive: hostileConfig + "-- content/.keep --\n",
			stderr:  "content: no pages: create content/da/_index.md with a title and description\n",
		},
		{
			name:    "no content folder",
			archive: hostileConfig,
			stderr:  "content: missing: the site has no content folder; create content/<lang>/_index.md\n",
		},
		{
			name:    "file name with spaces",
			archive: hostileConfig + "-- content/da/_index.md --\n" + page("Forside", "") + "-- content/da/min side.md --\n" + page("Min side", ""),
			stderr:  "content/da/min side.md: file name cannot be a URL segment: \"min side\" has U+0020 SPACE; use only letters, digits, \"-\", \"_\" and \".\"; rename the file\n",
		},
		{
			name:    "non-ascii file name",
			archive: hostileConfig + "-- content/da/_index.md --\n" + page("Forside", "[sø](søg.md)") + "-- content/da/søg.md --\n" + page("Søg", ""),
			file:    "da/index.html", want: []string{`<a href="/da/s%C3%B8g/">sø</a>`},
		},
		{
			name:    "slugs that try to escape",
			archive: hostileConfig + "-- content/da/_index.md --\n" + page("Forside", "") + "-- content/da/a.md --\n---\ntitle: A\ndescription: A.\nslug: ../x\n---\n-- content/da/b.md --\n---\ntitle: B\ndescription: B.\nslug: \"%2e%2e\"\n---\n-- content/da/c.md --\n---\ntitle: C\ndescription: C.\nslug: /etc/../../x\n---\n-- content/da/d.md --\n---\ntitle: D\ndescription: D.\nurl: \"/da/..\\\\..\\\\x/\"\n---\n",
			// A slug with "/" and url: are paths (issue 24), each of whose
			// segments is checked as a slug is.
			stderr: "content/da/a.md:4: slug: \"..\" starts or ends with \".\"; a \".\" may only stand inside a name, as in release-1.0\ncontent/da/b.md:4: slug: \"%2e%2e\" has U+0025 PERCENT SIGN \"%\"; use only letters, digits, \"-\", \"_\" and \".\"\ncontent/da/c.md:4: slug: \"..\" starts or ends with \".\"; a \".\" may only stand inside a name, as in release-1.0\ncontent/da/d.md:4: url: \"..\\\\..\\\\x\" has U+005C REVERSE SOLIDUS \"\\\"; use only letters, digits, \"-\", \"_\" and \".\"\n",
		},
		{
			name:    "yaml alias bomb",
			archive: hostileConfig + "-- content/da/_index.md --\n---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ntitle: T\ndescription: D\n---\n",
			stderr:  "content/da/_index.md:3: YAML aliases (*name) are not allowed in front matter; write the value out\n",
		},
		{
			name:    "script and javascript links",
			archive: hostileConfig + "-- content/da/_index.md --\n" + page("Forside", "<script>alert(1)</script>\n\nTekst <img src=x onerror=alert(1)> [klik](javascript:alert(1)) og [data](data:text/html,<b>x</b>) og [vb](VBScript:x).\n\n## Overskrift {onclick=\"alert(1)\" style=\"color:red\"}"),
			file:    "da/index.html", want: []string{"<!-- raw HTML omitted -->", "Tekst <!-- raw HTML omitted --> klik og data og vb.", `<h2 id="overskrift">Overskrift</h2>`},
			stderr: "content/da/_index.md:5: warning: raw HTML is off, so this HTML is left out of the page: write it in Markdown, or put it in `code` to show it as text\ncontent/da/_index.md:7: warning: link to \"VBScript:x\" is left out: links may not run script or embed data\ncontent/da/_index.md:7: warning: link to \"data:text/html,<b>x</b>\" is left out: links may not run script or embed data\ncontent/da/_index.md:7: warning: link to \"javascript:alert(1)\" is left out: links may not run script or embed data\ncontent/da/_index.md:7: warning: raw HTML is off, so this HTML is left out of the page: write it in Markdown, or put it in `code` to show it as text\n",
		},
		{
			name:    "autolinks that run script",
			archive: hostileConfig + "-- content/da/_index.md --\n" + page("Forside", "Se <javascript:alert(1)>,\n<VBScript:x> og <data:text/html;base64,PHNjcmlwdD4=>."),
			file:    "da/index.html", want: []string{"<p>Se javascript:alert(1),\nVBScript:x og data:text/html;base64,PHNjcmlwdD4=.</p>"},
			stderr: "content/da/_index.md:5: warning: link to \"javascript:alert(1)\" is left out: links may not run script or embed data\n" +
				"content/da/_index.md:6: warning: link to \"VBScript:x\" is left out: links may not run script or embed data\n" +
				"content/da/_index.md:6: warning: link to \"data:text/html;base64,PHNjcmlwdD4=\" is left out: links may not run script or embed data\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := sitetest.Build(t, tt.archive, build.Options{NoMinify: true})
			if got := site.Stderr(); got != tt.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, tt.stderr)
			}
			if tt.file != "" {
				site.AssertFile(t, tt.file, tt.want...)
				for name, data := range site.Files {
					low := bytes.ToLower(data)
					// A URL that runs script may stay as text, never as a link
					// (nor as goldmark's empty one).
					if bytes.Contains(low, []byte("<script")) || bytes.Contains(low, []byte(`"javascript:`)) || bytes.Contains(low, []byte(`"vbscript:`)) ||
						bytes.Contains(low, []byte(`href=""`)) || bytes.Contains(low, []byte("onerror=")) || bytes.Contains(low, []byte("onclick")) {
						t.Errorf("%s carries script:\n%s", name, data)
					}
				}
			}
		})
	}
}

// TestHTMLInTitlesEscaped: HTML in a title and a description comes out
// escaped in every output that carries them, and in check's JSON report.
func TestHTMLInTitlesEscaped(t *testing.T) {
	const evil = `<script>alert("x")</script><b>fed</b> & 'citat'`
	archive := hostileConfig + "-- content/da/_index.md --\n---\ntitle: '" + strings.ReplaceAll(evil, "'", "''") + "'\ndescription: '" + strings.ReplaceAll(evil, "'", "''") + "'\n---\nTekst.\n" +
		"-- content/da/a.md --\n---\ntitle: 'A " + strings.ReplaceAll(evil, "'", "''") + "'\ndescription: 'Side " + strings.ReplaceAll(evil, "'", "''") + "'\n---\n"
	site := sitetest.Build(t, archive, build.Options{Defaults: theme.FS()})
	if site.Result == nil {
		t.Fatal(site.Stderr())
	}
	checked := 0
	for name, data := range site.Files {
		if !bytes.Contains(data, []byte("fed")) {
			continue
		}
		checked++
		switch {
		case strings.HasSuffix(name, ".html"):
			// Parsed as a browser does: the title must be text, not
			// elements. (In attribute values "<" needs no escaping.)
			doc, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			for n := range doc.Descendants() {
				if n.Type == html.ElementNode && (n.Data == "b" || n.Data == "script" && len(n.Attr) == 0) {
					t.Errorf("%s: the title became a <%s> element", name, n.Data)
				}
			}
		case strings.HasSuffix(name, ".xml"):
			if bytes.Contains(data, []byte("<script>")) || bytes.Contains(data, []byte("<b>")) {
				t.Errorf("%s carries the title's markup unescaped", name)
			}
		case strings.HasSuffix(name, ".json"):
			if bytes.Contains(data, []byte("<")) || !json.Valid(data) {
				t.Errorf("%s carries \"<\" unescaped or is not JSON", name)
			}
		}
	}
	if checked < 4 {
		t.Errorf("the title shows in only %d files", checked)
	}
	for _, name := range []string{"sitemap.xml", "da/index.html", "da/a/index.html"} {
		site.AssertFile(t, name)
	}
	// The search index is JSON with HTML escaped; the JSON report too.
	report, err := check.Run(sitetest.FS(t, []byte(archive)), build.Options{Defaults: theme.FS()})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	report.WriteJSON(&b)
	if bytes.Contains(b.Bytes(), []byte("<script>")) || !json.Valid(b.Bytes()) {
		t.Errorf("JSON report carries raw HTML or is invalid:\n%s", b.String())
	}
}

// TestLargeFiles: a 20 MB page is refused with a clear error, without
// being read into memory.
func TestLargeFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sitegen.toml", strings.TrimPrefix(hostileConfig, "-- sitegen.toml --\n"))
	write("content/da/_index.md", page("Forside", ""))
	write("content/da/stor.md", page("Stor", strings.Repeat("Ord og flere ord. ", 20<<20/18)))
	root, _ := os.OpenRoot(dir)
	defer root.Close()
	site := sitetest.BuildFS(t, root.FS(), build.Options{})
	want := "content/da/stor.md: the file is 21.0 MB; a page may be at most 4 MB: split it into several pages\n"
	if got := site.Stderr(); got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
}

// TestManyFilesInOneFolder builds 10,000 pages in one folder.
func TestManyFilesInOneFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 files")
	}
	var b strings.Builder
	b.WriteString(hostileConfig + "-- content/da/_index.md --\n" + page("Forside", ""))
	for i := range 10000 {
		fmt.Fprintf(&b, "-- content/da/side-%05d.md --\n---\ntitle: Side %d\ndescription: Side %d.\n---\nTekst %d.\n", i, i, i, i)
	}
	site := sitetest.Build(t, b.String(), build.Options{})
	if site.Result == nil {
		t.Fatal(site.Stderr())
	}
	if n := len(site.Result.Site.Pages); n != 10001 {
		t.Errorf("%d pages", n)
	}
	site.AssertFile(t, "da/side-09999/index.html", "Tekst 9999.")
}

// TestSymlinks: links out of the site and link loops are refused.
func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte(page("Hemmelig", "hemmeligt")), 0o644)
	os.WriteFile(filepath.Join(dir, "sitegen.toml"), []byte(strings.TrimPrefix(hostileConfig, "-- sitegen.toml --\n")), 0o644)
	os.MkdirAll(filepath.Join(dir, "content", "da"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "da", "_index.md"), []byte(page("Forside", "")), 0o644)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "content", "da", "secret.md")))
	must(os.Symlink(outside, filepath.Join(dir, "content", "da", "ude")))
	must(os.Symlink("loop", filepath.Join(dir, "content", "da", "loop")))
	root, err := os.OpenRoot(dir)
	must(err)
	defer root.Close()
	site := sitetest.BuildFS(t, root.FS(), build.Options{})
	want := "content/da/loop: symbolic links are not allowed in content (they can point outside the site or loop); copy the file here instead\n" +
		"content/da/secret.md: symbolic links are not allowed in content (they can point outside the site or loop); copy the file here instead\n" +
		"content/da/ude: symbolic links are not allowed in content (they can point outside the site or loop); copy the file here instead\n"
	if got := site.Stderr(); got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
	for _, data := range site.Files {
		if bytes.Contains(data, []byte("hemmeligt")) {
			t.Error("content from outside the site was built")
		}
	}
}
