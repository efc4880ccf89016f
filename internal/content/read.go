package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// A tooLarge error says that a file is over the size limit of its kind:
// by its size on disk (Grew false), or by the bytes it gave while it was
// read (Grew true: a file that grows, or whose size is not what its
// stat says, such as a device).
type tooLarge struct {
	Size  int64 // bytes on disk; at least Limit+1 when Grew
	Limit int64
	Grew  bool
}

func (e *tooLarge) Error() string {
	if e.Grew {
		return fmt.Sprintf("it grew past %d MB while it was read", e.Limit>>20)
	}
	return fmt.Sprintf("it is %.1f MB", float64(e.Size)/1e6)
}

// readLimited reads the file p of fsys, at most limit bytes of it: a file
// whose size is over the limit is refused before a byte is read, and the
// reading stops at limit+1 bytes whatever the size said, so that no file
// takes more memory than its kind's limit (issue 23: a 1 GB page took
// 1 GB before it was refused). The error is a *tooLarge, or the file
// system's.
func readLimited(fsys fs.FS, p string, limit int64) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if info.Size() > limit {
		return nil, &tooLarge{Size: info.Size(), Limit: limit}
	}
	data := make([]byte, 0, info.Size()+1)
	lr := io.LimitReader(f, limit+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > limit {
		return nil, &tooLarge{Size: int64(len(data)), Limit: limit, Grew: true}
	}
	return data, nil
}
