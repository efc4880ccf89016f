package build_test

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestStaticAsIs: every file of static/, the site's and the theme's, is
// published at its own name byte for byte, minified build or not, in
// sitegen build and in sitegen serve's builds (Dev); a file a layout asks
// for is published fingerprinted as well, except in Dev (issue 24).
func TestStaticAsIs(t *testing.T) {
	data, err := os.ReadFile("testdata/static-vendor.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := sitetest.FS(t, data)
	for _, opts := range []build.Options{
		{Defaults: theme.FS()},
		{Defaults: theme.FS(), NoMinify: true},
		{Defaults: theme.FS(), Dev: true, Incremental: true, Drafts: true},
	} {
		site := sitetest.BuildFS(t, fsys, opts)
		if site.Result == nil {
			t.Fatalf("build failed:\n%s", site.Stderr())
		}
		want := map[string][]byte{}
		for _, layer := range []fs.FS{theme.FS(), fsys} {
			fs.WalkDir(layer, "static", func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					want[strings.TrimPrefix(p, "static/")], _ = fs.ReadFile(layer, p)
				}
				return nil
			})
		}
		for name, src := range want {
			if got, ok := site.Files[name]; !ok || !bytes.Equal(got, src) {
				t.Errorf("Dev %v, NoMinify %v: %s is not published as it is in static/", opts.Dev, opts.NoMinify, name)
			}
		}
		for _, name := range []string{"css/site.css", "vendor/x.js"} {
			a := site.Result.Assets[name]
			switch {
			case a == nil:
				t.Errorf("Dev %v: the layouts asked for %s, which is not among the assets", opts.Dev, name)
			case opts.Dev && (a.File != name || a.Integrity != ""):
				t.Errorf("Dev: %s is published as %s (integrity %q), want its own name, so serve can swap it in place", name, a.File, a.Integrity)
			case !opts.Dev && (a.File == name || a.Integrity == "" || site.Files[a.File] == nil):
				t.Errorf("%s is published as %s (integrity %q), want a fingerprinted copy", name, a.File, a.Integrity)
			}
		}
		if a := site.Result.Assets["vendor/x.css"]; a != nil {
			t.Errorf("vendor/x.css, which no layout asks for, has an asset %+v", a)
		}
	}
}

// TestStaticCopyClash: a file of static/ that has the very name of the
// fingerprinted copy a layout asks for is an error naming both, unless it
// is that copy (an earlier build's output copied into static/).
func TestStaticCopyClash(t *testing.T) {
	data, err := os.ReadFile("testdata/static-vendor.txtar")
	if err != nil {
		t.Fatal(err)
	}
	opts := build.Options{Defaults: theme.FS()}
	first := sitetest.Build(t, string(data), opts)
	if first.Result == nil {
		t.Fatalf("build failed:\n%s", first.Stderr())
	}
	copyName := first.Result.Assets["vendor/x.js"].File
	with := func(extra []byte) *sitetest.Site {
		fsys := fstest.MapFS{"static/" + copyName: {Data: extra}}
		a := txtar.Parse(data)
		for _, f := range a.Files {
			if !strings.HasPrefix(f.Name, "want/") {
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
		return sitetest.BuildFS(t, fsys, opts)
	}
	if same := with(first.Files[copyName]); same.Result == nil {
		t.Errorf("the copy itself in static/ fails the build:\n%s", same.Stderr())
	}
	other := with([]byte("something else\n"))
	want := "static/vendor/x.js: its fingerprinted copy for layouts is " + copyName + ", which static/" + copyName + " is too; rename that file"
	if other.Result != nil || !strings.Contains(other.Stderr(), want) {
		t.Errorf("a different file named like the copy: got\n%s\nwant an error containing %q", other.Stderr(), want)
	}
}
