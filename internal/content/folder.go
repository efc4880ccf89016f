package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// CheckFolder reports whether dir, a folder at the top of the site
// (content, static, layouts, i18n), can be read, when it is a symbolic
// link: one to a folder inside the site is followed, one that leads
// outside the site's folder, or to nothing, is an error that says so and
// what to do. A site is what is inside its folder: sitegen reads nothing
// outside it (the build opens the site with os.Root, which refuses such a
// link), so a build cannot publish other files of the machine; Hugo, since
// version 0.123, follows no symbolic links at all. dir that is no link, or
// fsys that cannot tell (no fs.ReadLinkFS), is no error.
func CheckFolder(fsys fs.FS, dir string) error {
	links, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return nil
	}
	info, err := links.Lstat(dir)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	target, err := links.ReadLink(dir)
	if err != nil {
		return fmt.Errorf("a symbolic link that cannot be read (%v): make %s a folder", unwrapPath(err), dir)
	}
	resolved := path.Join(path.Dir(dir), target)
	outside := path.IsAbs(target) || strings.HasPrefix(target, `\`) || resolved == ".." || strings.HasPrefix(resolved, "../")
	_, statErr := fs.Stat(fsys, dir)
	switch {
	case statErr == nil:
		return nil // it stays inside the site: followed
	case outside:
		return fmt.Errorf("a symbolic link to %s, outside the site's folder, which sitegen does not read: move that folder into the site (a link to a folder inside the site works)", target)
	case errors.Is(statErr, fs.ErrNotExist):
		return fmt.Errorf("a symbolic link to %s, which does not exist: make %s a folder, or point the link at one inside the site", target, dir)
	}
	return fmt.Errorf("a symbolic link to %s, which cannot be read: %v", target, unwrapPath(statErr))
}
