package content

import (
	"os"
	"path/filepath"
	"testing"
)

// addContentSeeds adds the bundled site's content files to a fuzz corpus.
func addContentSeeds(f *testing.F) {
	paths, _ := filepath.Glob("../../content/*/*.md")
	more, _ := filepath.Glob("../../content/*/*/*.md")
	for _, p := range append(paths, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
}
