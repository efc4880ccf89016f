package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Meta is a file's front matter.
type Meta struct {
	Title          string
	Description    string
	Slug           string
	Weight         int
	Menus          []string // the menus the page is in: "main", "footer"
	Updated        time.Time
	Draft          bool
	Aliases        []string
	TranslatedFrom string
	NeedsReview    bool
	Layout         string

	// Lines maps a field name to the line of the file it is on, so that
	// later stages can report problems with a value where it was written.
	Lines map[string]int
}

// A LineError is a problem at a line of the file being parsed.
type LineError struct {
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%d: %s", e.Line, e.Msg) }

// Split separates front matter from body. It returns the YAML between the
// "---" lines, the body, and the 1-based line numbers on which the YAML and
// the body start. Line endings must already be "\n".
func Split(data []byte) (yml, body []byte, ymlLine, bodyLine int, err error) {
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != "---" {
		return nil, nil, 0, 0, &LineError{1, `the file must start with front matter: a line "---", then at least title: and description:, then "---"`}
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := off + end + 1
		if end < 0 {
			end, next = len(rest)-off, len(rest)+1
		}
		l := bytes.TrimRight(rest[off:off+end], " \t")
		if string(l) == "---" {
			b := rest[min(next, len(rest)):]
			return rest[:off], b, 2, line + 1, nil
		}
		off = next
		line++
	}
	return nil, nil, 0, 0, &LineError{1, `front matter is not closed: add a line "---" after the last field`}
}

// fields lists the front matter fields, for error messages and suggestions.
var fields = []string{"title", "description", "slug", "weight", "menu", "updated", "draft", "aliases", "translated_from", "needs_review", "layout"}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// ParseMeta parses and checks front matter. line is the file line on which
// yml starts; errors carry file lines.
func ParseMeta(yml []byte, line int) (*Meta, []*LineError) {
	m := &Meta{Lines: map[string]int{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		return nil, []*LineError{yamlError(err, yml, line)}
	}
	if len(doc.Content) == 0 {
		return nil, []*LineError{{line - 1, "front matter is empty: title: and description: are required"}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, []*LineError{{line - 1 + root.Line, "front matter must be fields (name: value), one a line"}}
	}
	if n := findAlias(root); n != nil {
		return nil, []*LineError{{line - 1 + n.Line, "YAML aliases (*name) are not allowed in front matter; write the value out"}}
	}
	var errs []*LineError
	fail := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &LineError{line - 1 + n.Line, fmt.Sprintf(format, args...)})
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		name := k.Value
		if _, dup := m.Lines[name]; dup {
			fail(k, "field %q is given twice", name)
			continue
		}
		m.Lines[name] = line - 1 + k.Line
		if err := m.set(name, v); err != nil {
			fail(v, "%s: %v", name, err)
		}
	}
	for _, req := range []string{"title", "description"} {
		if _, ok := m.Lines[req]; !ok {
			errs = append(errs, &LineError{line - 1, fmt.Sprintf("%s: is required", req)})
		}
	}
	return m, errs
}

func (m *Meta) set(name string, v *yaml.Node) error {
	switch name {
	case "title":
		return text(v, &m.Title)
	case "description":
		return text(v, &m.Description)
	case "slug":
		if err := scalar(v, &m.Slug); err != nil {
			return err
		}
		return CheckSegment(m.Slug)
	case "weight":
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
			return errors.New("must be a whole number, e.g. weight: 10")
		}
		w, err := strconv.Atoi(v.Value)
		if err != nil {
			return errors.New("must be a whole number, e.g. weight: 10")
		}
		m.Weight = w
	case "menu":
		return m.setMenus(v)
	case "updated":
		var s string
		if err := scalar(v, &s); err != nil {
			return err
		}
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return fmt.Errorf("%q is not a date written as YYYY-MM-DD, e.g. updated: 2026-11-22", s)
		}
		m.Updated = t
	case "draft":
		return boolean(v, &m.Draft)
	case "needs_review":
		return boolean(v, &m.NeedsReview)
	case "aliases":
		if v.Kind != yaml.SequenceNode {
			return errors.New("must be a list of old paths, e.g. aliases: [/da/gammel-side/]")
		}
		for _, item := range v.Content {
			var s string
			if err := scalar(item, &s); err != nil {
				return err
			}
			if err := CheckAlias(s); err != nil {
				return err
			}
			m.Aliases = append(m.Aliases, s)
		}
	case "translated_from":
		return scalar(v, &m.TranslatedFrom)
	case "layout":
		if err := scalar(v, &m.Layout); err != nil {
			return err
		}
		return CheckSegment(m.Layout)
	default:
		msg := fmt.Sprintf("unknown field; the fields are %s", strings.Join(fields, ", "))
		if s := suggest(name); s != "" {
			msg = fmt.Sprintf("unknown field (did you mean %q?)", s)
		}
		return errors.New(msg)
	}
	return nil
}

// Menus are the menus a page can be in: "main", the site's navigation,
// and "footer", the links at the bottom of every page.
var Menus = []string{"main", "footer"}

// setMenus reads menu: main, menu: footer or menu: [main, footer].
func (m *Meta) setMenus(v *yaml.Node) error {
	bad := errors.New(`the menus are "main" and "footer": write menu: main, menu: footer or menu: [main, footer], or leave the field out`)
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	for _, item := range items {
		if item.Kind != yaml.ScalarNode || !slices.Contains(Menus, item.Value) {
			return bad
		}
		if !slices.Contains(m.Menus, item.Value) {
			m.Menus = append(m.Menus, item.Value)
		}
	}
	return nil
}

func scalar(v *yaml.Node, dst *string) error {
	if v.Kind != yaml.ScalarNode {
		return errors.New("must be a single value, not a list or fields")
	}
	*dst = v.Value
	return nil
}

func text(v *yaml.Node, dst *string) error {
	if err := scalar(v, dst); err != nil {
		return err
	}
	*dst = strings.TrimSpace(*dst)
	if *dst == "" {
		return errors.New("must not be empty")
	}
	return nil
}

func boolean(v *yaml.Node, dst *bool) error {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		return errors.New("must be true or false")
	}
	*dst = v.Value == "true" || v.Value == "True" || v.Value == "TRUE"
	return nil
}

func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}

func yamlError(err error, yml []byte, line int) *LineError {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return &LineError{line, "front matter is not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
	}
	n, _ := strconv.Atoi(m[1])
	// yaml.v3 reports an unclosed [ or { at a line that depends on what
	// follows it; the line that opens it is what the editor must fix.
	for _, pair := range []string{"[]", "{}"} {
		if strings.Contains(m[2], "'"+pair[1:]+"'") {
			if open := unclosedLine(yml, pair[0], pair[1]); open > 0 {
				n = open
			}
		}
	}
	return &LineError{line - 1 + n, "front matter is not valid YAML: " + m[2]}
}

// unclosedLine returns the first 1-based line of yml that opens more
// brackets than it closes, or 0.
func unclosedLine(yml []byte, open, close byte) int {
	for i, l := range strings.Split(string(yml), "\n") {
		if strings.Count(l, string(open)) > strings.Count(l, string(close)) {
			return i + 1
		}
	}
	return 0
}

// suggest returns the field closest to a misspelt name, or "".
func suggest(name string) string {
	best, bestD := "", 3
	for _, f := range fields {
		if d := distance(strings.ToLower(name), f); d < bestD {
			best, bestD = f, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
