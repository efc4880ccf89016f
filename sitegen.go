// Package sitegen holds the built-in layouts, UI strings and static files
// that every site starts from. A site's own layouts/, i18n/ and static/
// files replace built-in files of the same name; the bundled site in this
// repository is exactly these files plus its content.
//
// The generator itself is the command in cmd/sitegen and the packages in
// internal/.
package sitegen

import (
	"embed"
	"io/fs"
)

//go:embed layouts i18n static
var defaults embed.FS

// Defaults returns the built-in files: layouts/, i18n/ and static/.
func Defaults() fs.FS { return defaults }
