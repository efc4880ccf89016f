package content

import (
	"bytes"
	"errors"
	"regexp"
)

var translatedFromLine = regexp.MustCompile(`(?m)^translated_from:[^\r\n]*`)

// Stamp returns data with translated_from: set to hash in its front matter,
// and every other byte as it was: a byte order mark, CRLF line endings,
// comments and the order of fields survive. A translator runs it (sitegen
// stamp) after bringing a translation up to date with its source.
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
	if !ok || string(bytes.TrimRight(first, " \t")) != "---" {
		return nil, errors.New("the file has no front matter")
	}
	start := len(first) + len(nl)
	end := -1
	for off := 0; off < len(rest); {
		line, _, _ := bytes.Cut(rest[off:], nl)
		if string(bytes.TrimRight(line, " \t\r")) == "---" {
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
	field := []byte("translated_from: " + hash)
	var out bytes.Buffer
	out.Write(bom)
	out.Write(data[:start])
	if loc := translatedFromLine.FindIndex(fm); loc != nil {
		out.Write(fm[:loc[0]])
		out.Write(field)
		out.Write(fm[loc[1]:])
	} else {
		out.Write(fm)
		out.Write(field)
		out.Write(nl)
	}
	out.Write(data[end:])
	return out.Bytes(), nil
}
