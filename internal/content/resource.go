package content

import (
	"errors"
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

// ReadResource reads a file that is not a page. A file over
// MaxResourceSize is refused before it is read, and reading stops at
// MaxResourceSize+1 bytes whatever its size said.
func ReadResource(fsys fs.FS, p string) (*Resource, diag.List) {
	var diags diag.List
	rest, _ := strings.CutPrefix(p, Dir+"/")
	lang, key, ok := strings.Cut(rest, "/")
	if !ok || key == "" {
		diags.Errorf(p, 0, "files belong in a language folder, content/<lang>/...")
		return nil, diags
	}
	data, err := readLimited(fsys, p, MaxResourceSize)
	var big *tooLarge
	switch {
	case errors.As(err, &big) && big.Grew:
		diags.Errorf(p, 0, "the file grew past %d MB while it was read; a file beside a page may be at most %d MB", MaxResourceSize>>20, MaxResourceSize>>20)
		return nil, diags
	case errors.As(err, &big):
		diags.Errorf(p, 0, "the file is %.0f MB; a file beside a page may be at most %d MB: make it smaller or link to it elsewhere", float64(big.Size)/1e6, MaxResourceSize>>20)
		return nil, diags
	case err != nil:
		diags.Errorf(p, 0, "%v", unwrapPath(err))
		return nil, diags
	}
	return &Resource{Path: p, Lang: lang, Key: Name(key), Data: data}, diags
}
