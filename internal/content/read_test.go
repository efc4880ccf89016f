package content

import (
	"io/fs"
	"testing"
	"time"
)

// endless is a file system of files that give zeros for ever and count
// what was read: each says it has size bytes, like a device, a file that
// grows, or a file that is as large as it says.
type endless struct {
	size int64
	read *int64
}

func (e endless) Open(name string) (fs.File, error) { return &zeros{e, name}, nil }

type zeros struct {
	endless
	name string
}

func (z *zeros) Stat() (fs.FileInfo, error) { return z, nil }
func (z *zeros) Read(b []byte) (int, error) {
	clear(b)
	*z.read += int64(len(b))
	return len(b), nil
}
func (z *zeros) Close() error       { return nil }
func (z *zeros) Name() string       { return z.name }
func (z *zeros) Size() int64        { return z.size }
func (z *zeros) Mode() fs.FileMode  { return 0o644 }
func (z *zeros) ModTime() time.Time { return time.Time{} }
func (z *zeros) IsDir() bool        { return false }
func (z *zeros) Sys() any           { return nil }

// TestReadLimits: a page or a file beside one over its size limit is
// refused before it is read when its size says so, and after limit+1
// bytes when its size lies, by every path that reads content: the build's
// read, the body read again for conversion, check's partial read of a
// file that does not load, and a file beside a page (issue 23: a 1 GB page
// took 1 GB of memory before it was refused).
func TestReadLimits(t *testing.T) {
	const page, res = "content/da/stor.md", "content/da/stor.pdf"
	tests := []struct {
		name   string
		size   int64
		read   func(fsys fs.FS) string // the error, or "" for none
		limit  int64
		refuse string
	}{
		{"page", 1 << 30, func(fsys fs.FS) string { _, d := Read(fsys, page); return d.Error() }, MaxFileSize, "content/da/stor.md: the file is 1073.7 MB; a page may be at most 4 MB: split it into several pages"},
		{"page that lies", 10, func(fsys fs.FS) string { _, d := Read(fsys, page); return d.Error() }, MaxFileSize, "content/da/stor.md: the file grew past 4 MB while it was read: split it into several pages"},
		{"body read again", 1 << 30, func(fsys fs.FS) string {
			_, _, err := (&File{Path: page, Released: true}).ReadBody(fsys)
			return err.Error()
		}, MaxFileSize, "content/da/stor.md changed while the site was built and no longer reads (it is 1073.7 MB): build again"},
		{"body read again, lying", 10, func(fsys fs.FS) string {
			_, _, err := (&File{Path: page, Released: true}).ReadBody(fsys)
			return err.Error()
		}, MaxFileSize, "content/da/stor.md changed while the site was built and no longer reads (it grew past 4 MB while it was read): build again"},
		{"partial", 1 << 30, func(fsys fs.FS) string { return string(Partial(fsys, page).Body) }, MaxFileSize, ""},
		{"partial, lying", 10, func(fsys fs.FS) string { return string(Partial(fsys, page).Body) }, MaxFileSize, ""},
		{"file beside a page", 1 << 30, func(fsys fs.FS) string { _, d := ReadResource(fsys, res); return d.Error() }, MaxResourceSize, "content/da/stor.pdf: the file is 1074 MB; a file beside a page may be at most 100 MB: make it smaller or link to it elsewhere"},
		{"any file that lies", 10, func(fsys fs.FS) string { _, err := readLimited(fsys, res, 1000); return err.Error() }, 1000, "it grew past 0 MB while it was read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var read int64
			got := tt.read(endless{tt.size, &read})
			if got != tt.refuse {
				t.Errorf("got %q, want %q", got, tt.refuse)
			}
			switch {
			case tt.size > tt.limit && read > 0:
				t.Errorf("read %d bytes of a file whose size is over the limit", read)
			case read > tt.limit+1+512:
				t.Errorf("read %d bytes, limit %d", read, tt.limit)
			}
		})
	}
}
