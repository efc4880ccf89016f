package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
)

// translatedFromKey finds the key of a translated_from line, in any case
// (field names ignore case), up to its ":" or "=".
var translatedFromKey = map[string]*regexp.Regexp{
	YAML: regexp.MustCompile(`(?mi)^translated_from[ \t]*:`),
	TOML: regexp.MustCompile(`(?mi)^[ \t]*translated_from[ \t]*=`),
}

var tomlTable = regexp.MustCompile(`(?m)^[ \t]*\[`)

// Stamp returns data with translated_from: set to hash in its front matter,
// and every other byte as it was: a byte order mark, CRLF line endings,
// comments (one on the translated_from line too), the value's quotes, the
// field name's case and the order of fields survive. YAML and TOML front matter
// are both stamped. A translator runs it (sitegen stamp) after bringing a
// translation up to date with its source.
func Stamp(data []byte, hash string) ([]byte, error) {
	bom := []byte{}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		bom, data = data[:3], data[3:]
	}
	nl := []byte("\n")
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		nl = []byte("\r\n")
	}
	first, rest, ok := bytes.Cut(data, nl)
	fence := string(bytes.TrimRight(first, " \t"))
	format, field := YAML, []byte("translated_from: "+hash)
	switch {
	case !ok:
		return nil, errors.New("the file has no front matter")
	case fence == "+++":
		format, field = TOML, []byte(`translated_from = "`+hash+`"`)
	case fence != "---":
		return nil, errors.New("the file has no front matter")
	}
	start := len(first) + len(nl)
	end := -1
	for off := 0; off < len(rest); {
		line, _, _ := bytes.Cut(rest[off:], nl)
		if string(bytes.TrimRight(line, " \t\r")) == fence {
			end = start + off
			break
		}
		i := bytes.Index(rest[off:], nl)
		if i < 0 {
			break
		}
		off += i + len(nl)
	}
	if end < 0 {
		return nil, errors.New("the front matter is not closed")
	}
	fm := data[start:end]
	// A TOML key after a [table] header belongs to the table.
	top := len(fm)
	if loc := tomlTable.FindIndex(fm); format == TOML && loc != nil {
		top = loc[0]
	}
	var out bytes.Buffer
	out.Write(bom)
	out.Write(data[:start])
	if loc := translatedFromKey[format].FindIndex(fm[:top]); loc != nil {
		lineEnd := loc[1] + len(bytes.TrimRight(lineAt(fm[loc[1]:]), "\r"))
		out.Write(fm[:loc[1]])
		out.Write(replaceValue(fm[loc[1]:lineEnd], hash, format))
		out.Write(fm[lineEnd:])
	} else {
		out.Write(fm[:top])
		out.Write(field)
		out.Write(nl)
		out.Write(fm[top:])
	}
	out.Write(data[end:])
	return out.Bytes(), nil
}

// lineAt returns b up to its first newline.
func lineAt(b []byte) []byte {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	return line
}

// replaceValue returns the rest of a translated_from line after its ":" or
// "=" with the value replaced by hash, keeping what the editor wrote
// around it: the spaces, the quotes (double or single, YAML and TOML
// alike), and a # comment. An empty value gets hash, quoted in TOML.
func replaceValue(rest []byte, hash, format string) []byte {
	ws := len(rest) - len(bytes.TrimLeft(rest, " \t"))
	val := rest[ws:]
	var out []byte
	if len(val) > 0 && (val[0] == '"' || val[0] == '\'') {
		if n := closingQuote(val); n > 0 {
			out = append(out, rest[:ws+1]...)
			out = append(out, hash...)
			return append(out, val[n-1:]...) // the closing quote on
		}
	}
	// A plain value ends where a comment starts: a # at its start or
	// after a space.
	n := len(val)
	for i := range val {
		if val[i] == '#' && (i == 0 || val[i-1] == ' ' || val[i-1] == '\t') {
			n = i
			break
		}
	}
	n = len(bytes.TrimRight(val[:n], " \t"))
	if format == TOML {
		hash = `"` + hash + `"`
	}
	if ws == 0 {
		ws, rest = 1, append([]byte(" "), rest...)
		val = rest[1:]
	}
	out = append(out, rest[:ws]...)
	out = append(out, hash...)
	if n == 0 && len(val) > 0 {
		out = append(out, ' ') // translated_from: # comment
	}
	return append(out, val[n:]...)
}

// closingQuote returns the index just past the quote that closes the
// string val starts with, or 0 when it is not closed. In double quotes a
// backslash escapes; in single quotes two quotes are one (YAML).
func closingQuote(val []byte) int {
	q := val[0]
	for i := 1; i < len(val); i++ {
		switch {
		case q == '"' && val[i] == '\\':
			i++
		case val[i] == q && q == '\'' && i+1 < len(val) && val[i+1] == '\'':
			i++
		case val[i] == q:
			return i + 1
		}
	}
	return 0
}

// Source finds the page that a translation f was made from: the page of
// language def with f's translation key (see File.TranslationKey). langs
// are the site's language tags, for finding def's folder.
func Source(fsys fs.FS, f *File, def string, langs []string) (*File, error) {
	paths, diags := Walk(fsys, langs)
	var folder string
	var candidates []string
	for _, p := range paths {
		rest := strings.TrimPrefix(p, Dir+"/")
		lang, key, _ := strings.Cut(rest, "/")
		if LangOf(lang, langs) != def || !IsPageFile(fsys, p) {
			continue
		}
		folder = lang
		if PageKey(Name(key)) == f.Key {
			candidates = append([]string{p}, candidates...) // the same path is the likeliest
		} else {
			candidates = append(candidates, p)
		}
	}
	want := f.TranslationKey()
	for _, p := range candidates {
		src, d := Read(fsys, p)
		if src == nil {
			if Name(p) == Name(Dir+"/"+folder+"/"+f.Key) {
				return nil, fmt.Errorf("its source does not build:\n%v", d)
			}
			continue
		}
		if src.TranslationKey() == want {
			return src, nil
		}
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("no page of %s has translation key %q, and content/ has errors:\n%v", def, want, diags.Errors())
	}
	return nil, fmt.Errorf("no page of %s has translation key %q (content/%s/%s, or a page with translation_key: %s) to translate from", def, want, def, f.Key, want)
}
