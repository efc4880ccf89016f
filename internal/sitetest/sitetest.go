// Package sitetest builds small sites given as txtar archives, for
// integration tests, and compares their output with golden files kept in
// the same archive.
//
// An archive holds a site (sitegen.toml, content/..., and any layouts/,
// i18n/ or static/ files) and, under want/, what the build must produce:
//
//	want/files    every output file, one a line
//	want/stderr   every diagnostic, one a line, as sitegen prints them
//	want/<name>   the output file <name>, byte for byte
//
// Lines at the top of the archive's comment may set options:
//
//	theme: builtin             build on the real built-in layouts (default: a small test theme)
//	base-url: https://x/sub/   replace base_url
//	drafts: on                 include drafts
//	minify: on                 minify (default off, so goldens stay readable)
//
// Run the tests with -update to rewrite the want/ files from the output.
// A want/<name> section that exists is rewritten; when an archive has no
// want/<name> section at all, every HTML file is written.
package sitetest

import (
	"bytes"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/theme"
)

// Config is the sitegen.toml of a site in Danish, English and
// Greenlandic, as a txtar file, for tests to put before their content.
const Config = `-- sitegen.toml --
base_url = "https://example.org/"
[[languages]]
code = "da"
name = "Dansk"
[[languages]]
code = "en"
name = "English"
[[languages]]
code = "kl"
name = "Kalaallisut"
`

var update = flag.Bool("update", false, "rewrite the want/ files of txtar tests from the output")

//go:embed all:theme
var testTheme embed.FS

// Theme returns the small layouts and UI strings test sites build on.
func Theme() fs.FS {
	sub, _ := fs.Sub(testTheme, "theme")
	return sub
}

//go:embed all:nosy
var nosy embed.FS

// Nosy returns layouts that read every field and method of the page
// they render, its parent, children and translations, and some of the
// other pages they reach (ancestors, grandchildren, menus, the search and
// home pages); home pages read every field of every page and file of the
// site. With them come the built-in theme's UI strings and static files. Tests of sitegen serve's rebuilds
// build on it: a rebuild that leaves out a page whose output shows
// something that changed differs from a fresh build here.
func Nosy() fs.FS {
	m := fstest.MapFS{}
	add := func(fsys fs.FS, dirs ...string) {
		for _, dir := range dirs {
			fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					data, _ := fs.ReadFile(fsys, p)
					m[p] = &fstest.MapFile{Data: data}
				}
				return nil
			})
		}
	}
	add(theme.FS(), "i18n", "static")
	sub, _ := fs.Sub(nosy, "nosy")
	add(sub, "layouts")
	return m
}

// A Site is a built test site.
type Site struct {
	Files  map[string][]byte // output files by name
	Result *build.Result     // nil when the build failed
	Diags  diag.List         // errors of a failed build, or warnings
}

// Stderr returns the diagnostics one a line, as sitegen prints them.
func (s *Site) Stderr() string {
	var b strings.Builder
	for _, d := range s.Diags {
		fmt.Fprintln(&b, d)
	}
	return b.String()
}

// Names returns the output file names, sorted.
func (s *Site) Names() []string {
	names := make([]string, 0, len(s.Files))
	for n := range s.Files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Build builds the site held by a txtar archive with the given options.
// Defaults is the test theme unless opts sets it.
func Build(t testing.TB, archive string, opts build.Options) *Site {
	t.Helper()
	fsys := FS(t, []byte(archive))
	return BuildFS(t, fsys, opts)
}

// FS returns the files of a txtar archive, without its want/ files, as a
// file system.
func FS(t testing.TB, archive []byte) fs.FS {
	t.Helper()
	a := txtar.Parse(archive)
	a.Files = slices.DeleteFunc(a.Files, func(f txtar.File) bool { return strings.HasPrefix(f.Name, "want/") })
	fsys, err := txtar.FS(a)
	if err != nil {
		t.Fatalf("txtar: %v", err)
	}
	return fsys
}

// BuildFS builds the site in fsys into memory.
func BuildFS(t testing.TB, fsys fs.FS, opts build.Options) *Site {
	t.Helper()
	if opts.Defaults == nil {
		opts.Defaults = Theme()
	}
	mem := publish.NewMemory()
	res, err := build.Build(fsys, opts, mem)
	s := &Site{Files: mem.Files(), Result: res}
	if err != nil {
		// A failed build's output is thrown away, as sitegen build does.
		s.Files = map[string][]byte{}
		if !errors.As(err, &s.Diags) {
			t.Fatalf("build: %v", err)
		}
		return s
	}
	s.Diags = res.Warnings
	return s
}

// AssertFile fails the test unless the output file name exists and
// contains each of the strings.
func (s *Site) AssertFile(t testing.TB, name string, contains ...string) {
	t.Helper()
	data, ok := s.Files[name]
	if !ok {
		t.Errorf("no output file %s; have %d files: %s", name, len(s.Files), strings.Join(s.Names(), " "))
		return
	}
	for _, c := range contains {
		if !bytes.Contains(data, []byte(c)) {
			t.Errorf("%s does not contain %q; it is:\n%s", name, c, data)
		}
	}
}

// RunGolden builds every testdata/*.txtar archive in dir, each as a
// subtest, and compares the output with its want/ files.
func RunGolden(t *testing.T, dir string) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no txtar archives in %s", dir)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runGolden(t, p)
		})
	}
}

func runGolden(t *testing.T, p string) {
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	a := txtar.Parse(data)
	opts := options(t, a.Comment)
	site := BuildFS(t, FS(t, data), opts)

	got := map[string][]byte{
		"want/files":  []byte(strings.Join(site.Names(), "\n") + "\n"),
		"want/stderr": []byte(site.Stderr()),
	}
	for name, data := range site.Files {
		got["want/"+name] = data
	}
	if *update {
		rewrite(t, p, a, got, site)
		return
	}
	for _, f := range a.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			continue
		}
		g, ok := got[f.Name]
		if !ok {
			t.Errorf("%s: the build wrote no %s", p, strings.TrimPrefix(f.Name, "want/"))
			continue
		}
		if !bytes.Equal(ensureNewline(g), f.Data) {
			t.Errorf("%s: %s differs (run go test -update to accept):\n%s", p, f.Name, diffLines(string(f.Data), string(g)))
		}
	}
	if !slices.ContainsFunc(a.Files, func(f txtar.File) bool { return f.Name == "want/files" }) {
		t.Errorf("%s has no want/files; run go test -update", p)
	}
}

func rewrite(t *testing.T, p string, a *txtar.Archive, got map[string][]byte, site *Site) {
	hasOutputs := slices.ContainsFunc(a.Files, func(f txtar.File) bool {
		return strings.HasPrefix(f.Name, "want/") && f.Name != "want/files" && f.Name != "want/stderr"
	})
	var files []txtar.File
	for _, f := range a.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			files = append(files, f)
		}
	}
	files = append(files, txtar.File{Name: "want/files", Data: got["want/files"]}, txtar.File{Name: "want/stderr", Data: got["want/stderr"]})
	for _, f := range a.Files {
		if f.Name == "want/files" || f.Name == "want/stderr" || !strings.HasPrefix(f.Name, "want/") {
			continue
		}
		if g, ok := got[f.Name]; ok {
			files = append(files, txtar.File{Name: f.Name, Data: ensureNewline(g)})
		}
	}
	if !hasOutputs {
		for _, name := range site.Names() {
			if strings.HasSuffix(name, ".html") {
				files = append(files, txtar.File{Name: "want/" + name, Data: ensureNewline(got["want/"+name])})
			}
		}
	}
	a.Files = files
	if err := os.WriteFile(p, txtar.Format(a), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ensureNewline ends data with a newline, as txtar ends every file, so
// output without one compares equal to its golden file.
func ensureNewline(data []byte) []byte {
	if len(data) > 0 && data[len(data)-1] != '\n' {
		return append(data, '\n')
	}
	return data
}

func options(t *testing.T, comment []byte) build.Options {
	var opts build.Options
	opts.NoMinify = true
	for _, line := range strings.Split(string(comment), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "theme":
			if v == "builtin" {
				opts.Defaults = theme.FS()
			}
		case "base-url":
			opts.BaseURL = v
		case "drafts":
			opts.Drafts = v == "on"
		case "minify":
			opts.NoMinify = v != "on"
		}
	}
	return opts
}

// diffLines shows the lines of want and got that differ, as (-want +got).
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	b.WriteString("(-want +got)\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "%d:\n-%s\n+%s\n", i+1, wl, gl)
		}
	}
	return b.String()
}
