package content

import (
	"io/fs"
	"strings"

	"github.com/udenmitid/sitegen/internal/diag"
)

// MaxResourceSize is the largest file published beside a page. Readers
// download it, often on a phone: a file this large belongs somewhere else.
const MaxResourceSize = 100 << 20

// A Resource is a file below content/<lang>/ that is not a page, such as
// an image or a PDF. It is published beside its page (see package pages).
type Resource struct {
	Path string // "content/da/faq/skærmbillede.png", as on disk
	Lang string // the language folder's name, as on disk
	Key  string // "faq/skærmbillede.png", below content/<lang>/, NFC
	Data []byte
}

// ReadResource reads a file that is not a page.
func ReadResource(fsys fs.FS, p string) (*Resource, diag.List) {
	var diags diag.List
	rest, _ := strings.CutPrefix(p, Dir+"/")
	lang, key, ok := strings.Cut(rest, "/")
	if !ok || key == "" {
		diags.Errorf(p, 0, "files belong in a language folder, content/<lang>/...")
		return nil, diags
	}
	info, err := fs.Stat(fsys, p)
	if err != nil {
		diags.Errorf(p, 0, "%v", unwrapPath(err))
		return nil, diags
	}
	if info.Size() > MaxResourceSize {
		diags.Errorf(p, 0, "the file is %.0f MB; a file beside a page may be at most %d MB: make it smaller or link to it elsewhere", float64(info.Size())/1e6, MaxResourceSize>>20)
		return nil, diags
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		diags.Errorf(p, 0, "%v", unwrapPath(err))
		return nil, diags
	}
	return &Resource{Path: p, Lang: lang, Key: Name(key), Data: data}, diags
}
