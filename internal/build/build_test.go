package build_test

import (
	"testing"

	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestGolden builds each site in testdata/*.txtar and compares the output
// with the archive's want/ files. See package sitetest for the format.
func TestGolden(t *testing.T) {
	sitetest.RunGolden(t, "testdata")
}
