package build

import (
	"io/fs"
	"strings"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
)

// layersFor returns the layers to load the top folder dir from (the
// theme's, then the site's), and an error at dir when the site's is a
// symbolic link that cannot be followed (content.CheckFolder). Then the
// site's layer holds no dir, so that the one error says what is wrong,
// instead of Go's "statat: path escapes from parent" at each file.
func (b *Builder) layersFor(dir string) ([]fs.FS, diag.List) {
	var diags diag.List
	if err := content.CheckFolder(b.src, dir); err != nil {
		diags.Errorf(dir, 0, "%v", err)
		return []fs.FS{b.opts.Defaults, without{b.src, dir}}, diags
	}
	return b.layers(), nil
}

// without is a file system with one top folder left out.
type without struct {
	fs.FS
	dir string
}

func (w without) Open(name string) (fs.File, error) {
	if name == w.dir || strings.HasPrefix(name, w.dir+"/") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.FS.Open(name)
}
