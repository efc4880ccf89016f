package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
)

var translatedFromLine = map[string]*regexp.Regexp{
	YAML: regexp.MustCompile(`(?m)^translated_from:[^\r\n]*`),
	TOML: regexp.MustCompile(`(?m)^translated_from\s*=[^\r\n]*`),
}

var tomlTable = regexp.MustCompile(`(?m)^[ \t]*\[`)

// Stamp returns data with translated_from: set to hash in its front matter,
// and every other byte as it was: a byte order mark, CRLF line endings,
// comments and the order of fields survive. YAML and TOML front matter
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
	var out bytes.Buffer
	out.Write(bom)
	out.Write(data[:start])
	if loc := translatedFromLine[format].FindIndex(fm); loc != nil {
		out.Write(fm[:loc[0]])
		out.Write(field)
		out.Write(fm[loc[1]:])
	} else {
		// A TOML key after a [table] header belongs to the table.
		at := len(fm)
		if loc := tomlTable.FindIndex(fm); format == TOML && loc != nil {
			at = loc[0]
		}
		out.Write(fm[:at])
		out.Write(field)
		out.Write(nl)
		out.Write(fm[at:])
	}
	out.Write(data[end:])
	return out.Bytes(), nil
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
		if !IsPage(p) || LangOf(lang, langs) != def {
			continue
		}
		folder = lang
		if Name(key) == f.Key {
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
