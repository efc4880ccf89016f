package importer

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/udenmitid/sitegen/internal/scaffold"
)

// fmKind is the syntax of a page's front matter.
type fmKind int

const (
	fmNone fmKind = iota
	fmYAML        // between lines of "---"
	fmTOML        // between lines of "+++"
)

// A frontMatter is a page's front matter as lines of text, so that an
// edit changes only the fields the import sets and every other line,
// comments and quoting included, stays as the editor wrote it.
type frontMatter struct {
	kind   fmKind
	lines  []string       // between the delimiter lines
	values map[string]any // the parsed fields, keys in lower case
}

// splitFrontMatter splits a page into its front matter and body. The
// body's first line is line bodyLine of the file (1-based). Text without
// front matter has kind fmNone and is all body; front matter that does
// not parse is an error naming what the parser said.
func splitFrontMatter(src string) (fm *frontMatter, body string, bodyLine int, err error) {
	src = strings.TrimPrefix(src, "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	fm = &frontMatter{values: map[string]any{}}
	var delim string
	switch {
	case strings.HasPrefix(src, "---\n"):
		fm.kind, delim = fmYAML, "---"
	case strings.HasPrefix(src, "+++\n"):
		fm.kind, delim = fmTOML, "+++"
	default:
		return fm, src, 1, nil
	}
	rest := src[4:]
	var lines []string
	for n := 2; ; n++ {
		line, after, found := strings.Cut(rest, "\n")
		if strings.TrimRight(line, " \t") == delim {
			fm.lines = lines
			if err := fm.parse(); err != nil {
				return nil, "", 0, err
			}
			return fm, after, n + 1, nil
		}
		if !found {
			return nil, "", 0, fmt.Errorf("front matter opened with %q on line 1 is not closed", delim)
		}
		if fm.kind == fmYAML && (strings.HasPrefix(line, "---") || strings.HasPrefix(line, "...")) {
			return nil, "", 0, fmt.Errorf("front matter: line %d starts another YAML document (%q)", n, line)
		}
		lines = append(lines, line)
		rest = after
	}
}

func (fm *frontMatter) parse() error {
	for _, l := range fm.lines {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		if l[0] == ' ' || l[0] == '\t' {
			return fmt.Errorf("front matter: its first field %q is indented; write its fields at the start of their lines", strings.TrimSpace(l))
		}
		break
	}
	text := strings.Join(fm.lines, "\n")
	raw := map[string]any{}
	var err error
	if fm.kind == fmYAML {
		// Aliases are refused before they are expanded: a few lines of
		// them can stand for more text than any memory holds.
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
			return fmt.Errorf("front matter: %v", err)
		}
		if hasAlias(&doc) {
			return fmt.Errorf("front matter: YAML aliases (*name) are not read; write the values out")
		}
		err = doc.Decode(&raw)
		if doc.Kind == 0 {
			err = nil
		}
	} else {
		_, err = toml.Decode(text, &raw)
	}
	if err != nil {
		return fmt.Errorf("front matter: %v", err)
	}
	if len(raw) == 0 {
		for _, l := range fm.lines {
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
				return fmt.Errorf("front matter: %q is not a field (name: value)", t)
			}
		}
	}
	fm.values = map[string]any{}
	for k, v := range raw {
		fm.values[strings.ToLower(k)] = v
	}
	return nil
}

func hasAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range n.Content {
		if hasAlias(c) {
			return true
		}
	}
	return false
}

// get returns the field named key (any case), or nil.
func (fm *frontMatter) get(key string) any { return fm.values[strings.ToLower(key)] }

// str returns the field as a string: a string, or a number or date
// written as text; "" when it is not set.
func (fm *frontMatter) str(key string) string {
	switch v := fm.get(key).(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// strs returns a field that holds a list of strings (or one string).
func (fm *frontMatter) strs(key string) []string {
	switch v := fm.get(key).(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, fmt.Sprint(x))
		}
		return out
	case []string:
		return v
	}
	return nil
}

// has reports whether the field is set, in any case.
func (fm *frontMatter) has(key string) bool {
	_, ok := fm.values[strings.ToLower(key)]
	return ok
}

// set writes the top-level field key with value (a string, an int, a bool
// or a []string), replacing the lines of a field of that name in any case.
// A new field goes last in YAML and before the first table in TOML, where
// it is still a top-level key.
func (fm *frontMatter) set(key string, value any) {
	if fm.kind == fmNone {
		fm.kind = fmYAML
	}
	line := key + ": " + fm.encode(value)
	if fm.kind == fmTOML {
		line = key + " = " + fm.encode(value)
	}
	at := fm.remove(key)
	if at < 0 {
		at = len(fm.lines)
		if fm.kind == fmTOML {
			for i, l := range fm.lines {
				if strings.HasPrefix(strings.TrimSpace(l), "[") {
					at = i
					break
				}
			}
		}
	}
	fm.lines = slices.Insert(fm.lines, at, line)
	fm.values[strings.ToLower(key)] = value
}

// remove deletes the top-level field key (any case) and the lines its
// value takes, and returns the index of its first line, or -1.
func (fm *frontMatter) remove(key string) int {
	table := false
	for i, l := range fm.lines {
		if fm.kind == fmTOML && strings.HasPrefix(strings.TrimSpace(l), "[") && !strings.Contains(l, "=") {
			table = true
		}
		name, ok := fm.topKey(l)
		if table || !ok || !strings.EqualFold(name, key) {
			continue
		}
		end := i + 1
		if fm.kind == fmYAML {
			for end < len(fm.lines) {
				next := fm.lines[end]
				if next == "" || next[0] == ' ' || next[0] == '\t' || strings.HasPrefix(next, "- ") || next == "-" {
					end++
					continue
				}
				break
			}
			// Blank lines after the value belong to what follows.
			for end > i+1 && strings.TrimSpace(fm.lines[end-1]) == "" {
				end--
			}
		} else {
			depth := bracketDepth(l[strings.Index(l, "=")+1:])
			for depth > 0 && end < len(fm.lines) {
				depth += bracketDepth(fm.lines[end])
				end++
			}
		}
		fm.lines = slices.Delete(fm.lines, i, end)
		delete(fm.values, strings.ToLower(key))
		return i
	}
	return -1
}

// topKey returns the field a line starts, when it starts a top-level one.
func (fm *frontMatter) topKey(l string) (string, bool) {
	if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '#' {
		return "", false
	}
	sep := ":"
	if fm.kind == fmTOML {
		sep = "="
		// Keys after a [table] header are not top-level.
		if strings.HasPrefix(l, "[") {
			return "", false
		}
	}
	name, _, ok := strings.Cut(l, sep)
	if !ok {
		return "", false
	}
	name = strings.TrimSpace(name)
	if len(name) >= 2 && (name[0] == '"' || name[0] == '\'') && name[len(name)-1] == name[0] {
		name = name[1 : len(name)-1]
	}
	return name, true
}

// removeTable deletes a TOML [name] table (header and keys) or a YAML
// top-level field name, and reports whether there was one.
func (fm *frontMatter) removeTable(name string) bool {
	if fm.kind != fmTOML {
		return fm.remove(name) >= 0
	}
	for i, l := range fm.lines {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "[") || strings.HasPrefix(t, "[[") || !strings.EqualFold(strings.Trim(t, "[] "), name) {
			continue
		}
		end := i + 1
		for end < len(fm.lines) && !strings.HasPrefix(strings.TrimSpace(fm.lines[end]), "[") {
			end++
		}
		fm.lines = slices.Delete(fm.lines, i, end)
		delete(fm.values, strings.ToLower(name))
		return true
	}
	return false
}

// bracketDepth counts [ minus ] outside quoted strings.
func bracketDepth(s string) int {
	d := 0
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '[':
			d++
		case r == ']':
			d--
		case r == '#':
			return d
		}
	}
	return d
}

// encode writes a value in the front matter's syntax: a map as a YAML
// flow mapping or a TOML inline table, keys in order; anything else as
// encodeValue does.
func (fm *frontMatter) encode(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return encodeValue(v)
	}
	sep := ": "
	if fm.kind == fmTOML {
		sep = " = "
	}
	var parts []string
	for _, k := range sortedKeys(m) {
		parts = append(parts, k+sep+fm.encode(m[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// encodeValue writes a value as both YAML and TOML read it.
func encodeValue(v any) string {
	switch v := v.(type) {
	case string:
		return scaffold.Quote(v)
	case []string:
		q := make([]string, len(v))
		for i, s := range v {
			q[i] = scaffold.Quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case bool, int, int64, float64:
		return fmt.Sprint(v)
	}
	panic(fmt.Sprintf("importer: cannot write front matter value %T", v))
}

// bytes writes the page back: front matter (if any) and body.
func (fm *frontMatter) bytes(body string) []byte {
	var b bytes.Buffer
	if fm.kind != fmNone {
		delim := "---"
		if fm.kind == fmTOML {
			delim = "+++"
		}
		b.WriteString(delim + "\n")
		for _, l := range fm.lines {
			b.WriteString(l + "\n")
		}
		b.WriteString(delim + "\n")
	}
	b.WriteString(body)
	return b.Bytes()
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
