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
	Menus          []string  // the menus the page is in: "main", "footer"
	Updated        time.Time // the newest of updated:, date: and lastmod:
	Date           time.Time // date:, the first publication: a day at midnight UTC, or a moment with its offset; zero when not set
	SortBy         string    // sort_by: of a section, how it orders its pages: SortWeight, SortDate or SortTitle; "" when not set
	PageSize       *int      // page_size: of a section, the most pages a page of its listing shows (0: never split); nil when not set
	Draft          bool
	Aliases        []Alias
	TranslationKey string // translation_key: as written; "" when not set (see File.TranslationKey)
	TranslatedFrom string
	NeedsReview    bool
	Layout         string
	Params         map[string]any // params: site-specific values for layouts; nil when not set

	// Terms are the page's terms by taxonomy ("tags" -> ["MitID",
	// "Digital Post"]), as written, in order, each once; from the fields
	// named by the taxonomies the file was parsed with, and from Zola's
	// taxonomies: {tags: [...]}. nil when the page has none.
	Terms map[string][]string

	menuWeight *int     // from Hugo's menu: {main: {weight: 10}}
	taxonomies []string // the taxonomies the file is parsed with

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

// Front matter formats.
const (
	YAML = "yaml" // between two lines of "---"
	TOML = "toml" // between two lines of "+++", as Hugo and Zola write it
)

// Front is a file's front matter before it is parsed.
type Front struct {
	Text   []byte // between the fences
	Format string // YAML or TOML
	Line   int    // the file line on which Text starts
}

// Split separates front matter from body. It returns the front matter, the
// body and the 1-based line on which the body starts. Line endings must
// already be "\n".
func Split(data []byte) (front Front, body []byte, bodyLine int, err error) {
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	fence := string(bytes.TrimRight(first, " \t"))
	switch fence {
	case "---":
		front.Format = YAML
	case "+++":
		front.Format = TOML
	default:
		return Front{}, nil, 0, &LineError{1, `the file must start with front matter: a line "---", then at least title: and description:, then "---"`}
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := off + end + 1
		if end < 0 {
			end, next = len(rest)-off, len(rest)+1
		}
		l := bytes.TrimRight(rest[off:off+end], " \t")
		if string(l) == fence {
			front.Text, front.Line = rest[:off], 2
			return front, rest[min(next, len(rest)):], line + 1, nil
		}
		off = next
		line++
	}
	return Front{}, nil, 0, &LineError{1, fmt.Sprintf("front matter is not closed: add a line %q after the last field", fence)}
}

// ParseFront parses and checks front matter in either format. taxonomies
// names the fields that list a page's terms (sitegen.toml's taxonomies);
// any other field of that kind is an error that says how to make it one.
func ParseFront(front Front, taxonomies ...string) (*Meta, []*LineError) {
	if front.Format == TOML {
		return ParseTOMLMeta(front.Text, front.Line, taxonomies...)
	}
	return ParseMeta(front.Text, front.Line, taxonomies...)
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// ParseMeta parses and checks YAML front matter. line is the file line on
// which yml starts; errors carry file lines. taxonomies are as for
// ParseFront.
func ParseMeta(yml []byte, line int, taxonomies ...string) (*Meta, []*LineError) {
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
	return metaFromNode(root, line, taxonomies)
}

// metaFromNode checks the fields of a mapping node whose lines count from
// line (TOML front matter is turned into such a node too).
func metaFromNode(root *yaml.Node, line int, taxonomies []string) (*Meta, []*LineError) {
	m := &Meta{Lines: map[string]int{}, taxonomies: taxonomies}
	var errs []*LineError
	fail := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &LineError{line - 1 + n.Line, fmt.Sprintf(format, args...)})
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		name := canonicalField(k.Value)
		if _, dup := m.Lines[name]; dup {
			fail(k, "field %q is given twice", name)
			continue
		}
		m.Lines[name] = line - 1 + k.Line
		err := m.set(name, v, line)
		var items itemErrors
		switch {
		case errors.As(err, &items):
			for _, e := range items {
				errs = append(errs, &LineError{e.Line, k.Value + ": " + e.Msg})
			}
		case err != nil:
			fail(v, "%s: %v", k.Value, err)
		}
	}
	if _, ok := m.Lines["weight"]; !ok && m.menuWeight != nil {
		m.Weight = *m.menuWeight
	}
	// Only the title is required. A page without a description builds
	// (pages from other generators often have none); sitegen check warns.
	if _, ok := m.Lines["title"]; !ok {
		errs = append(errs, &LineError{line - 1, "title: is required"})
	}
	return m, errs
}

func (m *Meta) set(name string, v *yaml.Node, line int) error {
	switch name {
	case "title":
		return text(v, &m.Title)
	case "description":
		if err := scalar(v, &m.Description); err != nil {
			return err
		}
		m.Description = strings.TrimSpace(m.Description)
	case "slug":
		if err := scalar(v, &m.Slug); err != nil {
			return err
		}
		m.Slug = Name(m.Slug)
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
	case "date":
		if err := m.setDate(v); err != nil {
			return err
		}
		m.Date, _ = parseMoment(v.Value)
	case "updated", "lastmod":
		return m.setDate(v)
	case "sort_by":
		if err := scalar(v, &m.SortBy); err != nil {
			return err
		}
		if !slices.Contains(SortOrders, m.SortBy) {
			return fmt.Errorf("%q is no order: write weight (lowest weight first), date (newest first) or title (by the language's alphabet)", m.SortBy)
		}
	case "page_size":
		n, err := strconv.Atoi(v.Value)
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil || n < 0 {
			return errors.New("must be a whole number of pages, e.g. page_size: 20, or 0 to never split the listing")
		}
		m.PageSize = &n
	case "taxonomies":
		return m.setTaxonomies(v, line)
	case "draft":
		return boolean(v, &m.Draft)
	case "needs_review":
		return boolean(v, &m.NeedsReview)
	case "aliases":
		return m.setAliases(v, line)
	case "translation_key":
		if err := text(v, &m.TranslationKey); err != nil {
			return err
		}
	case "translated_from":
		return scalar(v, &m.TranslatedFrom)
	case "layout":
		if err := scalar(v, &m.Layout); err != nil {
			return err
		}
		return CheckSegment(m.Layout)
	case "params":
		return m.setParams(v)
	default:
		if slices.Contains(m.taxonomies, name) {
			return m.setTerms(name, v, line)
		}
		return unknownField(name)
	}
	return nil
}

// The orders of sort_by:.
const (
	SortWeight = "weight" // weight, lowest first, then file name
	SortDate   = "date"   // pages with a weight first, then date, newest first, then title, then file name
	SortTitle  = "title"  // pages with a weight first, then title, then file name
)

// SortOrders are the values of sort_by:.
var SortOrders = []string{SortWeight, SortDate, SortTitle}

// setTerms reads the terms of a taxonomy: a list of terms, or one term
// (tags: MitID). Each is kept once, as written first.
func (m *Meta) setTerms(taxonomy string, v *yaml.Node, line int) error {
	items := v.Content
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag != "!!null":
		items = []*yaml.Node{v}
	case v.Kind == yaml.ScalarNode:
		items = nil
	case v.Kind != yaml.SequenceNode:
		return fmt.Errorf("must be a list of terms, e.g. %s: [MitID, Digital Post]", taxonomy)
	}
	var errs itemErrors
	for _, item := range items {
		var term string
		if err := text(item, &term); err != nil {
			errs = append(errs, &LineError{line - 1 + item.Line, "a term " + err.Error() + fmt.Sprintf(": write each term as text, e.g. %s: [MitID, Digital Post]", taxonomy)})
			continue
		}
		if m.Terms == nil {
			m.Terms = map[string][]string{}
		}
		if !slices.Contains(m.Terms[taxonomy], term) {
			m.Terms[taxonomy] = append(m.Terms[taxonomy], term)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// setTaxonomies reads Zola's taxonomies: {tags: [...], categories: [...]},
// each of whose names must be one of the site's taxonomies.
func (m *Meta) setTaxonomies(v *yaml.Node, line int) error {
	if v.Kind != yaml.MappingNode {
		return errors.New("must be fields naming taxonomies, each with its terms, e.g. taxonomies: {tags: [MitID]}; or write tags: [MitID]")
	}
	var errs itemErrors
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, terms := v.Content[i], v.Content[i+1]
		name := strings.ToLower(k.Value)
		if !slices.Contains(m.taxonomies, name) {
			errs = append(errs, &LineError{line - 1 + k.Line, fmt.Sprintf("%s is not one of the site's taxonomies (%s): add it to taxonomies = [...] in sitegen.toml", k.Value, strings.Join(m.taxonomies, ", "))})
			continue
		}
		if _, dup := m.Terms[name]; dup {
			errs = append(errs, &LineError{line - 1 + k.Line, fmt.Sprintf("the terms of %s are given twice; keep one list", k.Value)})
			continue
		}
		var items itemErrors
		if err := m.setTerms(name, terms, line); errors.As(err, &items) {
			errs = append(errs, items...)
		} else if err != nil {
			errs = append(errs, &LineError{line - 1 + terms.Line, k.Value + ": " + err.Error()})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// setDate reads updated:, date: or lastmod: and keeps the newest date, as
// Hugo shows the newer of date and lastmod.
func (m *Meta) setDate(v *yaml.Node) error {
	var s string
	if err := scalar(v, &s); err != nil {
		return err
	}
	t, err := parseDate(s)
	if err != nil {
		return err
	}
	if t.After(m.Updated) {
		m.Updated = t
	}
	return nil
}

// dateLayouts are the ways front matter writes a date: a day, or a moment
// as YAML, TOML and Hugo write one (RFC 3339, with or without an offset,
// "T" or a space).
var dateLayouts = []string{time.DateOnly, time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02 15:04:05.999999999 -07:00"}

// parseMoment reads a date, at midnight UTC, or a moment, with its offset
// (UTC when it has none), as date: gives a page's first publication.
func parseMoment(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date written as YYYY-MM-DD (or YYYY-MM-DDThh:mm:ss), e.g. 2026-11-22", s)
}

// parseDate reads a date or a moment and returns its day, as written (a
// moment's own offset decides the day), at midnight UTC.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date written as YYYY-MM-DD (or YYYY-MM-DDThh:mm:ss), e.g. 2026-11-22", s)
}

func (m *Meta) setAliases(v *yaml.Node, line int) error {
	items := v.Content
	if v.Kind != yaml.SequenceNode {
		if v.Kind != yaml.ScalarNode || !strings.HasPrefix(v.Value, "/") {
			return errors.New("must be a list of old paths, e.g. aliases: [/da/gammel-side/]")
		}
		items = []*yaml.Node{v} // aliases: /da/x/ is one old path
	}
	var errs itemErrors
	for _, item := range items {
		var s string
		err := scalar(item, &s)
		p := ""
		if err == nil {
			p, err = ParseAlias(s)
		}
		if err != nil {
			errs = append(errs, &LineError{line - 1 + item.Line, err.Error()})
			continue
		}
		m.Aliases = append(m.Aliases, Alias{Path: p, Line: line - 1 + item.Line})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// itemErrors are problems with the items of a list, each at its line.
type itemErrors []*LineError

func (e itemErrors) Error() string { return e[0].Msg }

// setParams reads params:, a map of values for the site's own layouts.
func (m *Meta) setParams(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return errors.New("must be fields (name: value) on the lines below it, indented, e.g. params:\n  icon: star")
	}
	var params map[string]any
	if err := v.Decode(&params); err != nil {
		return fmt.Errorf("cannot be read: %v", err)
	}
	m.Params = params
	return nil
}

// Menus are the menus a page can be in: "main", the site's navigation,
// and "footer", the links at the bottom of every page.
var Menus = []string{"main", "footer"}

// setMenus reads menu: main, menu: footer or menu: [main, footer], and
// Hugo's map form, menu: {main: {weight: 10}}, whose weight orders the
// page when weight: is not set.
func (m *Meta) setMenus(v *yaml.Node) error {
	bad := errors.New(`the menus are "main" and "footer": write menu: main, menu: footer or menu: [main, footer], or leave the field out`)
	items := []*yaml.Node{v}
	var entries []*yaml.Node
	switch v.Kind {
	case yaml.SequenceNode:
		items = v.Content
	case yaml.MappingNode:
		items = nil
		for i := 0; i+1 < len(v.Content); i += 2 {
			items = append(items, v.Content[i])
			entries = append(entries, v.Content[i+1])
		}
	}
	for _, item := range items {
		if item.Kind != yaml.ScalarNode || !slices.Contains(Menus, item.Value) {
			return bad
		}
		if !slices.Contains(m.Menus, item.Value) {
			m.Menus = append(m.Menus, item.Value)
		}
	}
	for _, e := range entries {
		if err := m.setMenuEntry(e); err != nil {
			return err
		}
	}
	return nil
}

// setMenuEntry reads the {weight: 10} of Hugo's menu: {main: {weight: 10}}.
func (m *Meta) setMenuEntry(e *yaml.Node) error {
	if e.Kind == yaml.ScalarNode && (e.Tag == "!!null" || e.Value == "") {
		return nil
	}
	if e.Kind != yaml.MappingNode {
		return errors.New("a menu entry may only give a weight, as in menu: {main: {weight: 10}}")
	}
	for i := 0; i+1 < len(e.Content); i += 2 {
		k, v := e.Content[i], e.Content[i+1]
		if strings.ToLower(k.Value) != "weight" {
			return fmt.Errorf("a menu entry may only give a weight, not %s: sitegen names a menu item by its page's title and places it by the page's section", k.Value)
		}
		w, err := strconv.Atoi(v.Value)
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil {
			return errors.New("the menu weight must be a whole number, e.g. menu: {main: {weight: 10}}")
		}
		m.menuWeight = &w
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
