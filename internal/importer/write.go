package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/udenmitid/sitegen/internal/history"
)

// Write puts a result in the folder dst. dst must not exist, be empty, or
// hold an earlier import (its ReportFile): then the files that import
// wrote are replaced, sitegen.toml, content/, static/ and the stamped
// sources' copies (.sitegen/sources) as a whole, so
// that importing again gives the same folder. Any other folder is refused,
// so that no one's site is written over.
func Write(dst string, r *Result) error {
	entries, err := os.ReadDir(dst)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case len(entries) == 0:
	default:
		if _, err := os.Stat(filepath.Join(dst, ReportFile)); err != nil {
			return fmt.Errorf("%s is not empty and holds no earlier import (%s): give a new folder", dst, ReportFile)
		}
		for _, name := range []string{"content", "static", "sitegen.toml", history.Dir, ReportFile} {
			if err := os.RemoveAll(filepath.Join(dst, name)); err != nil {
				return err
			}
		}
	}
	names := make([]string, 0, len(r.Files))
	for name := range r.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, r.Files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
