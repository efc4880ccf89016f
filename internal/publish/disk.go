package publish

import "os"

// A disk is what a Dir does to the file system, so that tests can make
// it fail as disks fail (full, read-only) where running as root or on a
// roomy disk cannot.
type disk struct {
	mkdir     func(name string) error
	writeFile func(name string, data []byte) error
	// writeParts is writeFile of a file whose bytes are parts, one after
	// the other; nil joins them for writeFile.
	writeParts func(name string, parts [][]byte) error
	rename     func(from, to string) error
	exchange   func(a, b string) error // swap two folders in one step, or errors.ErrUnsupported
	removeAll  func(p string) error
	writable   func(dir string) error // whether this process may add and remove dir's entries
}

var osDisk = disk{
	mkdir:      func(name string) error { return os.Mkdir(name, 0o755) },
	writeFile:  func(name string, data []byte) error { return os.WriteFile(name, data, 0o644) },
	writeParts: writeParts,
	rename:     os.Rename,
	exchange:   exchange,
	removeAll:  os.RemoveAll,
	writable:   writable,
}

// writeParts writes a file whose bytes are parts, one after the other, as
// os.WriteFile writes one slice.
func writeParts(name string, parts [][]byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	for _, p := range parts {
		if _, err := f.Write(p); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}
