package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// A Field is a front matter field to set: Value is a string, a bool, or
// nil to remove the field.
type Field struct {
	Name  string
	Value any
}

// SetFields returns data with the front matter fields set (or removed)
// and every other byte as it was, as Stamp does: the other fields, their
// order and comments, a byte order mark and CRLF line endings survive. A
// field's value may span lines (a YAML block scalar, a TOML multi-line
// string); all its lines are replaced. A field that is not there is added
// at the end of the front matter (in TOML, before the first [table] and
// the blank lines above it).
// sitegen xliff import writes a translation's title, description,
// translated_from and needs_review with it.
func SetFields(data []byte, fields []Field) ([]byte, error) {
	bom := []byte{}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		bom, data = data[:3], data[3:]
	}
	nl := "\n"
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		nl = "\r\n"
	}
	lines := strings.SplitAfter(string(data), "\n")
	if len(lines) == 0 {
		return nil, errors.New("the file has no front matter")
	}
	fence := strings.TrimRight(lines[0], " \t\r\n")
	format := YAML
	switch fence {
	case "---":
	case "+++":
		format = TOML
	default:
		return nil, errors.New("the file has no front matter")
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t\r\n") == fence {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, errors.New("the front matter is not closed")
	}
	fm := lines[1:end]
	for _, f := range fields {
		var err error
		fm, err = setField(fm, f, format, nl)
		if err != nil {
			return nil, err
		}
	}
	var out strings.Builder
	out.Write(bom)
	out.WriteString(lines[0])
	for _, l := range fm {
		out.WriteString(l)
	}
	for _, l := range lines[end:] {
		out.WriteString(l)
	}
	return []byte(out.String()), nil
}

// setField sets one field in the front matter's lines.
func setField(fm []string, f Field, format, nl string) ([]string, error) {
	key := regexp.MustCompile(`(?i)^` + regexp.QuoteMeta(f.Name) + `[ \t]*:`)
	if format == TOML {
		key = regexp.MustCompile(`(?i)^[ \t]*` + regexp.QuoteMeta(f.Name) + `[ \t]*=`)
	}
	top := len(fm) // TOML keys after a [table] header are the table's
	if format == TOML {
		for i, l := range fm {
			if tomlTable.MatchString(l) {
				top = i
				break
			}
		}
	}
	start := -1
	for i := range top {
		if key.MatchString(fm[i]) {
			start = i
			break
		}
	}
	var line string
	if f.Value != nil {
		v, err := formatValue(f.Value, format)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.Name, err)
		}
		name := f.Name
		if start >= 0 { // keep the name as written
			name = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(key.FindString(fm[start])), ":="))
		}
		if format == TOML {
			line = name + " = " + v + nl
		} else {
			line = name + ": " + v + nl
		}
	}
	if start < 0 {
		if line == "" {
			return fm, nil
		}
		at := top
		for at < len(fm) && at > 0 && strings.TrimSpace(fm[at-1]) == "" {
			at-- // before the blank lines above a TOML [table], with the fields they end
		}
		out := append([]string{}, fm[:at]...)
		if len(out) > 0 && !strings.HasSuffix(out[len(out)-1], "\n") {
			out[len(out)-1] += nl
		}
		out = append(out, line)
		return append(out, fm[at:]...), nil
	}
	end := valueEnd(fm, start, format)
	out := append([]string{}, fm[:start]...)
	if line != "" {
		out = append(out, line)
	}
	return append(out, fm[end:]...), nil
}

// valueEnd returns the index of the line after the value that starts on
// line start: in YAML the lines indented below it, in TOML up to the
// close of a multi-line string.
func valueEnd(fm []string, start int, format string) int {
	if format == TOML {
		_, rest, _ := strings.Cut(fm[start], "=")
		rest = strings.TrimSpace(rest)
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, q) && !strings.Contains(rest[3:], q) {
				for i := start + 1; i < len(fm); i++ {
					if strings.Contains(fm[i], q) {
						return i + 1
					}
				}
			}
		}
		return start + 1
	}
	end := start + 1
	for i := start + 1; i < len(fm); i++ {
		l := strings.TrimRight(fm[i], "\r\n")
		if l == "" || strings.TrimSpace(l) == "" {
			continue // blank: the value's only if an indented line follows
		}
		if !unicode.IsSpace(rune(l[0])) {
			break
		}
		end = i + 1
	}
	return end
}

// formatValue writes a string or bool as a YAML or TOML value.
func formatValue(v any, format string) (string, error) {
	switch v := v.(type) {
	case bool:
		if v {
			return "true", nil
		}
		return "false", nil
	case string:
		v = strings.Join(strings.Fields(v), " ") // one line
		if format == TOML {
			var b strings.Builder
			b.WriteByte('"')
			for _, r := range v {
				switch {
				case r == '"' || r == '\\':
					b.WriteByte('\\')
					b.WriteRune(r)
				case r < 0x20 || r == 0x7f:
					fmt.Fprintf(&b, `\u%04X`, r)
				default:
					b.WriteRune(r)
				}
			}
			b.WriteByte('"')
			return b.String(), nil
		}
		out, err := yaml.Marshal(v)
		if err != nil {
			return "", err
		}
		return strings.TrimSuffix(string(out), "\n"), nil
	}
	return "", fmt.Errorf("cannot write a %T", v)
}
