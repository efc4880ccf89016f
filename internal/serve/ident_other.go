//go:build !unix

package serve

import "io/fs"

// A fileID tells a folder wherever it is moved. Here the system offers
// none: a moved folder's watches are dropped by its rename event alone.
type fileID struct{}

// identity returns false: this system has no identity for folders.
func identity(fs.FileInfo) (fileID, bool) { return fileID{}, false }
