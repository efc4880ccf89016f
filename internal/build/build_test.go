package build_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestGolden builds each site in testdata/*.txtar and compares the output
// with the archive's want/ files. See package sitetest for the format.
func TestGolden(t *testing.T) {
	sitetest.RunGolden(t, "testdata")
}

// TestDeterministic builds the bundled site twice, on all cores, and
// requires identical bytes.
func TestDeterministic(t *testing.T) {
	root, err := os.OpenRoot("../..")
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	opts := build.Options{Defaults: theme.FS()}
	a := sitetest.BuildFS(t, root.FS(), opts)
	b := sitetest.BuildFS(t, root.FS(), opts)
	if a.Result == nil {
		t.Fatalf("bundled site does not build:\n%s", a.Stderr())
	}
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}
