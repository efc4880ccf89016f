package content

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/diag"
)

// Dir is the folder below the site root that holds content.
const Dir = "content"

// MaxFileSize is the largest Markdown file accepted. A citizen's page is a
// few kilobytes; a file this large is a mistake, and refusing it keeps the
// build's memory bounded.
const MaxFileSize = 4 << 20

// IndexName is the file name of home and section pages.
const IndexName = "_index.md"

// BundleName is the file name of a page bundle's page: "faq/index.md" is
// the page /<lang>/faq/, and the other files in faq/ are its files.
const BundleName = "index.md"

// A File is one parsed Markdown file.
type File struct {
	Path     string // "content/da/hjaelp/_index.md", as on disk
	Lang     string // "da"
	Key      string // "hjaelp/_index.md", NFC-normalized, its extension written ".md" (PageKey)
	Meta     *Meta
	Body     []byte // Markdown after the front matter, "\n" line endings; HTML for an HTML page
	BodyLine int    // the file line on which Body starts
	HTML     bool   // an HTML page (IsPageFile): Body is the page's HTML, used as it is

	// Generated says that no file is behind this one: package pages made
	// it for a folder of pages without an _index.md in any language, and
	// Path is where that file would be.
	Generated bool

	// Released says that Body was let go after reading, so that a large
	// site's bodies need not all be in memory at once; ReadBody reads it
	// again when the page is converted.
	Released bool
	hash     [6]byte // SourceHash's bytes, kept by Release
}

// Release lets go of the body, keeping its SourceHash; ReadBody reads it
// again.
func (f *File) Release() {
	if f.Released {
		return
	}
	f.hash = f.sourceSum()
	f.Body, f.Released = nil, true
}

// ReadBody returns the file's body as Read would, reading the file
// again if Release let go of it. The error says when the file changed
// in between so that it no longer reads.
func (f *File) ReadBody(fsys fs.FS) (body []byte, line int, err error) {
	if !f.Released {
		return f.Body, f.BodyLine, nil
	}
	data, err := readLimited(fsys, f.Path, MaxFileSize)
	if err == nil {
		data, err = normalize(data)
	}
	if err == nil {
		_, body, line, err = Split(data)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("%s changed while the site was built and no longer reads (%v): build again", f.Path, unwrapPath(err))
	}
	return body, line, nil
}

// IsIndex reports whether the file is a home or section page.
func (f *File) IsIndex() bool { return IsIndexKey(f.Key) }

// IsIndexKey reports whether key names a home or section page.
func IsIndexKey(key string) bool { return path.Base(key) == IndexName }

// IsBundleKey reports whether key names the page of a page bundle,
// "<dir>/index.md".
func IsBundleKey(key string) bool { return path.Base(key) == BundleName && strings.Contains(key, "/") }

// TranslationKey returns the key that pairs the file with its
// translations: translation_key: when it is set, else the file's key,
// with a bundle's "faq/index.md" written "faq.md", since both are the page
// faq. Files of different languages with the same translation key are
// translations of each other.
func (f *File) TranslationKey() string {
	if f.Meta.TranslationKey != "" {
		return f.Meta.TranslationKey
	}
	return PathKey(f.Key)
}

// PathKey returns the translation key a file at key has when it sets no
// translation_key.
func PathKey(key string) string {
	if IsBundleKey(key) {
		return path.Dir(key) + ".md"
	}
	return key
}

// SourceHash is a short hash of the page's title and body. A translation
// records the hash of the default-language page it was made from in
// translated_from; when the hashes differ the translation is outdated.
func (f *File) SourceHash() string {
	sum := f.hash
	if !f.Released {
		sum = f.sourceSum()
	}
	return hex.EncodeToString(sum[:])
}

// sourceSum is the start of the hash SourceHash shows: the file keeps
// these 6 bytes, not the 12 characters, once its body is let go (a
// string of them took 64 bytes a page; issue 30).
func (f *File) sourceSum() (sum [6]byte) {
	h := sha256.New()
	h.Write([]byte(f.Meta.Title))
	h.Write([]byte{0})
	h.Write(bytes.TrimSpace(f.Body))
	copy(sum[:], h.Sum(nil))
	return sum
}

// Parse parses one content file. p is its path from the site root
// ("content/da/klage.md"); it must be below a language folder. taxonomies
// names the front matter fields that list terms (see ParseFront).
func Parse(p string, data []byte, taxonomies ...string) (*File, diag.List) {
	var diags diag.List
	rest, ok := strings.CutPrefix(p, Dir+"/")
	lang, key, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || key == "" {
		diags.Errorf(p, 0, "content files belong in a language folder, content/<lang>/...")
		return nil, diags
	}
	data, err := normalize(data)
	if err != nil {
		var le *LineError
		errors.As(err, &le)
		diags.Errorf(p, le.Line, "%s", le.Msg)
		return nil, diags
	}
	front, body, bodyLine, err := Split(data)
	if err != nil {
		le := err.(*LineError)
		diags.Errorf(p, le.Line, "%s", le.Msg)
		return nil, diags
	}
	meta, errs := ParseFront(front, taxonomies...)
	for _, e := range errs {
		diags.Errorf(p, e.Line, "%s", e.Msg)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return newFile(p, lang, PageKey(Name(key)), meta, body, bodyLine), diags
}

// Partial reads as much of a content file that does not parse as it can,
// for a report that goes on past its errors (sitegen check, and a failed
// build's list of errors): the body, when the front matter can be told
// from it, and the fields that are right (title, translation_key, ...).
// The title is the file's name when it cannot be read. It returns nil when
// not even the language folder is known.
func Partial(fsys fs.FS, p string, taxonomies ...string) *File {
	rest, ok := strings.CutPrefix(p, Dir+"/")
	lang, key, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || key == "" {
		return nil
	}
	f := &File{Path: p, Lang: lang, Key: PageKey(Name(key)), HTML: isHTMLName(p)}
	if data, err := readLimited(fsys, p, MaxFileSize); err == nil {
		if data, err = normalize(data); err == nil {
			if front, body, bodyLine, err := Split(data); err == nil {
				f.Body, f.BodyLine = body, bodyLine
				f.Meta, _ = ParseFront(front, taxonomies...)
			}
		}
	}
	if f.Meta == nil {
		f.Meta = &Meta{}
	}
	name := strings.TrimSuffix(path.Base(f.Key), ".md")
	if IsIndexKey(f.Key) || name == "index" {
		name = path.Base(path.Dir(f.Key))
	}
	f.Meta.Title = cmp.Or(f.Meta.Title, name)
	f.Meta.Description = cmp.Or(f.Meta.Description, f.Meta.Title)
	return f
}

// normalize strips a byte order mark, turns CRLF and CR into LF, checks
// that the text is UTF-8 and puts it in Unicode normalization form C. Text
// pasted from macOS or a PDF often spells "å" as "a" and a combining ring
// (NFD); from here on every name, heading, link and word of the page has
// one spelling, so ids, links and the search index agree.
func normalize(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			bad += size
		}
		line := 1 + bytes.Count(data[:bad], []byte("\n"))
		return nil, &LineError{line, fmt.Sprintf("the file is not UTF-8 (byte 0x%02x at offset %d); save it as UTF-8", data[bad], bad)}
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if !norm.NFC.IsNormal(data) {
		data = norm.NFC.Bytes(data)
	}
	return data, nil
}

// Ignored reports whether a file or folder name is one that editors,
// tools and operating systems leave behind, which the build and sitegen
// serve's watcher never read and the build never publishes, in every
// folder of the site (content/, layouts/, i18n/, static/):
//
//   - hidden files and folders, ".DS_Store", ".git" and Emacs's lock files
//     ".#name" among them: names starting with ".";
//   - backups: "name~", "name.bak" (sed -i.bak and many editors),
//     "name.orig" and "name.rej" (merge tools and patch);
//   - autosaves and swap files: "#name#" (Emacs), "name.swp", "name.swo",
//     "name.swn" and "name.swx" (Vim), "name.tmp", Vim's write test "4913",
//     JetBrains' safe-write "name___jb_tmp___";
//   - Windows' "Thumbs.db" and "desktop.ini".
//
// Suffixes are compared without regard to case ("SIDE.MD.BAK").
func Ignored(name string) bool {
	lower := strings.ToLower(name)
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || name == "4913" || // vim's write test
		strings.Contains(name, "___jb_") || // JetBrains' safe write
		lower == "thumbs.db" || lower == "desktop.ini" || sedTemp.MatchString(name) {
		return true
	}
	for _, ext := range ignoredSuffixes {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// sedTemp matches the temporary file GNU sed -i writes beside the file it
// edits ("sedzbE62R").
var sedTemp = regexp.MustCompile(`^sed[A-Za-z0-9]{6}$`)

// ignoredSuffixes are the endings of backup, swap and reject files.
var ignoredSuffixes = []string{".bak", ".orig", ".rej", ".swp", ".swo", ".swn", ".swx", ".tmp"}

// Read reads and parses one content file; taxonomies are as for Parse.
// A file over MaxFileSize is refused before it is read, and reading stops
// at MaxFileSize+1 bytes whatever its size said.
func Read(fsys fs.FS, p string, taxonomies ...string) (*File, diag.List) {
	var diags diag.List
	data, err := readLimited(fsys, p, MaxFileSize)
	var big *tooLarge
	switch {
	case errors.As(err, &big) && big.Grew:
		diags.Errorf(p, 0, "the file grew past %d MB while it was read: split it into several pages", MaxFileSize>>20)
		return nil, diags
	case errors.As(err, &big):
		diags.Errorf(p, 0, "the file is %.1f MB; a page may be at most %d MB: split it into several pages", float64(big.Size)/1e6, MaxFileSize>>20)
		return nil, diags
	case err != nil:
		diags.Errorf(p, 0, "%v", unwrapPath(err))
		return nil, diags
	}
	return Parse(p, data, taxonomies...)
}

// unwrapPath drops the path from an *fs.PathError: diagnostics name the
// file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
