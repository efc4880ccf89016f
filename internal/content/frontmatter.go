package content

import (
	"bytes"
	"errors"
	"fmt"
	"path"
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
	LinkTitle      string // link_title:, Hugo's linkTitle:, Docusaurus's sidebar_label:; "" when not set
	Summary        string // summary:, for listings; "" when not set
	Slug           string // slug: without "/", or id: (Docusaurus); a slug: with "/" inside is a path below the page's section ("a/b")
	URL            string // url:, Zola's path: or a slug: starting with "/": the page's path below its language folder ("docs/x"); "" when not set
	Weight         int
	Menus          []string  // the menus the page is in: "main", "footer"
	Updated        time.Time // the newest of updated:, date: and lastmod:
	Date           time.Time // date:, the first publication: a day at midnight UTC, or a moment with its offset; zero when not set
	Draft          bool
	TranslationKey string // translation_key: as written; "" when not set (see File.TranslationKey)
	TranslatedFrom string
	NeedsReview    bool
	Params         map[string]any // params:, extra: and the fields sitegen does not use, for layouts; nil when there are none

	// Terms are the page's terms by taxonomy ("tags" -> ["MitID",
	// "Digital Post"]), as written, in order, each once; from the fields
	// named by the taxonomies the file was parsed with, and from Zola's
	// taxonomies: {tags: [...]}. nil when the page has none.
	Terms map[string][]string

	parse *metaParse // while the fields are read; nil after
	rare  *metaRare  // the fields few pages set; nil when none is set

	// Lines gives the line of the file each field is on, by its
	// canonical name (Lines.Line("title")), so that later stages can
	// report problems with a value where it was written.
	Lines FieldLines
}

// metaParse is what reading the fields needs besides the Meta they give,
// kept apart so that every page's Meta, which the site model keeps, does
// not carry it (issue 30).
type metaParse struct {
	menuWeight  *int // from Hugo's menu: {main: {weight: 10}}
	id          string
	fieldParams map[string]any // the values of Unused, merged beneath params: and extra:
	taxonomies  []string       // the taxonomies the file is parsed with
}

// metaRare holds the fields few pages set: every page's Meta is kept for
// the whole build, and with these in it a Meta and its File took two
// allocations of 384 and 112 bytes a page, where they now take one of
// 384 (issue 30). The methods of the same names give them.
type metaRare struct {
	publish, expiry time.Time
	menuParents     map[string]string
	menuIDs         map[string]string
	sortBy          string
	pageSize        *int
	aliases         []Alias
	layout          string
	unused          []string
}

// more returns the page's rare fields, making them when none was set.
func (m *Meta) more() *metaRare {
	if m.rare == nil {
		m.rare = &metaRare{}
	}
	return m.rare
}

// rareOr returns the page's rare fields, or empty ones.
func (m *Meta) rareOr() *metaRare {
	if m.rare == nil {
		return &noRare
	}
	return m.rare
}

var noRare metaRare // what rareOr gives for a page with none; never written

// MenuParents gives, by menu, the identifier of the entry the page's
// entry stands under (Hugo's parent:); nil when none is set.
func (m *Meta) MenuParents() map[string]string { return m.rareOr().menuParents }

// MenuIDs gives, by menu, the page's entry's identifier: (Hugo's); nil
// when none is set.
func (m *Meta) MenuIDs() map[string]string { return m.rareOr().menuIDs }

// SortBy returns sort_by: of a section, how it orders its pages:
// SortWeight, SortDate or SortTitle; "" when not set.
func (m *Meta) SortBy() string { return m.rareOr().sortBy }

// PageSize returns page_size: of a section, the most pages a page of its
// listing shows (0: never split); nil when not set.
func (m *Meta) PageSize() *int { return m.rareOr().pageSize }

// Aliases returns aliases:, the page's old paths with their lines; nil
// when not set.
func (m *Meta) Aliases() []Alias { return m.rareOr().aliases }

// Layout returns layout:, the layout the page is rendered with; "" when
// not set.
func (m *Meta) Layout() string { return m.rareOr().layout }

// Unused returns the fields sitegen does not use, by their names as
// written, in the order of the file; their values are in Params under
// their names in lower case. The fields of a menu entry that sitegen does
// not use (Hugo's name:, pre:, ...) are named "menu.main.name", and are
// not in Params.
func (m *Meta) Unused() []string { return m.rareOr().unused }

// PublishDate returns publish_date:, the moment from which the page is
// published; zero when not set.
func (m *Meta) PublishDate() time.Time {
	return m.rareOr().publish
}

// ExpiryDate returns expiry_date:, the moment from which the page is not
// published; zero when not set.
func (m *Meta) ExpiryDate() time.Time {
	return m.rareOr().expiry
}

// Held reports whether the page is not published at now: a draft, a page
// whose publish_date is still to come or whose expiry_date has come.
func (m *Meta) Held(now time.Time) bool {
	publish, expiry := m.PublishDate(), m.ExpiryDate()
	return m.Draft || !publish.IsZero() && publish.After(now) || !expiry.IsZero() && !expiry.After(now)
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
		return Front{}, nil, 0, &LineError{1, `the file must start with front matter: a line "---", then title: (required) and description: (sitegen check asks for one), then "---"`}
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

// ParseMeta parses and checks YAML front matter. line is the file line on
// which yml starts; errors carry file lines. taxonomies are as for
// ParseFront.
func ParseMeta(yml []byte, line int, taxonomies ...string) (*Meta, []*LineError) {
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		return nil, []*LineError{yamlError(err, yml, line)}
	}
	if len(doc.Content) == 0 {
		return nil, []*LineError{{line - 1, "front matter is empty: title: is required (and description:, which sitegen check asks for)"}}
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
	m := &Meta{parse: &metaParse{taxonomies: taxonomies}}
	var lines fieldLines
	lineOf := map[string]int{} // canonical name -> its line
	var errs []*LineError
	fail := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &LineError{line - 1 + n.Line, fmt.Sprintf(format, args...)})
	}
	written := map[string]string{} // canonical name -> the name it was written as
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		name := canonicalField(k.Value)
		if first, dup := written[name]; dup {
			if strings.EqualFold(first, k.Value) {
				fail(k, "field %q is given twice", name)
			} else {
				fail(k, "%s: is the field %s: is, given already on line %d; keep one", k.Value, first, lineOf[name])
			}
			continue
		}
		written[name] = k.Value
		lineOf[name] = line - 1 + k.Line
		lines.add(name, line-1+k.Line)
		err := m.set(name, k.Value, v, line)
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
	m.Lines = lines.done()
	if !m.Lines.Has("weight") && m.parse.menuWeight != nil {
		m.Weight = *m.parse.menuWeight
	}
	if m.Slug == "" && m.URL == "" && m.parse.id != "" {
		m.Slug = m.parse.id // Docusaurus: the doc id is the last URL segment
	}
	m.mergeParams()
	m.parse = nil
	// Only the title is required. A page without a description builds
	// (pages from other generators often have none); sitegen check warns.
	if !m.Lines.Has("title") {
		errs = append(errs, &LineError{line - 1, "title: is required"})
	}
	return m, errs
}

// set reads the field name (canonical; written is its name as in the
// file) from v. line is the file line on which the front matter starts.
func (m *Meta) set(name, written string, v *yaml.Node, line int) error {
	switch name {
	case "title":
		return text(v, &m.Title)
	case "description":
		if err := scalar(v, &m.Description); err != nil {
			return err
		}
		m.Description = strings.TrimSpace(m.Description)
	case "link_title":
		return text(v, &m.LinkTitle)
	case "summary":
		if err := scalar(v, &m.Summary); err != nil {
			return err
		}
		m.Summary = strings.Join(strings.Fields(m.Summary), " ")
	case "slug":
		return m.setSlug(v)
	case "url":
		var s string
		if err := scalar(v, &s); err != nil {
			return err
		}
		p, err := urlPath(s)
		m.URL = p
		return err
	case "id":
		// Docusaurus's doc id: the last URL segment of a page without a
		// slug. A value that can be no segment is the site's own.
		var s string
		if scalar(v, &s) == nil && CheckSegment(Name(s)) == nil {
			m.parse.id = Name(s)
			return nil
		}
		m.keep(written, v)
	case "weight":
		return m.setWeight(written, v)
	case "menu":
		return m.setMenus(v)
	case "date":
		if err := m.setDate(v); err != nil {
			return err
		}
		m.Date, _ = parseMoment(v.Value)
	case "updated", "lastmod":
		return m.setDate(v)
	case "publish_date":
		return moment(v, &m.more().publish)
	case "expiry_date":
		return moment(v, &m.more().expiry)
	case "sort_by":
		if err := scalar(v, &m.more().sortBy); err != nil {
			return err
		}
		if !slices.Contains(SortOrders, m.rare.sortBy) {
			return fmt.Errorf("%q is no order: write weight (lowest weight first), date (newest first) or title (by the language's alphabet)", m.rare.sortBy)
		}
	case "page_size":
		n, err := strconv.Atoi(v.Value)
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil || n < 0 {
			return errors.New("must be a whole number of pages, e.g. page_size: 20, or 0 to never split the listing")
		}
		m.more().pageSize = &n
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
		if err := scalar(v, &m.more().layout); err != nil {
			return err
		}
		return CheckSegment(m.rare.layout)
	case "params", "extra":
		return m.setParams(name, v)
	default:
		if slices.Contains(m.parse.taxonomies, name) {
			return m.setTerms(name, v, line)
		}
		if err := unknownField(name); err != nil {
			return err
		}
		m.keep(written, v)
	}
	return nil
}

// keep keeps a field sitegen does not use, for layouts (Params) and for
// sitegen check's list of such fields (Unused).
func (m *Meta) keep(written string, v *yaml.Node) {
	var val any
	if v.Decode(&val) != nil {
		val = v.Value
	}
	if m.parse.fieldParams == nil {
		m.parse.fieldParams = map[string]any{}
	}
	m.parse.fieldParams[strings.ToLower(written)] = val
	m.more().unused = append(m.more().unused, written)
}

// mergeParams makes Params of params:, extra: (Zola's params) and the
// fields sitegen does not use, the first of them winning where two give
// a value of one name.
func (m *Meta) mergeParams() {
	for name, v := range m.parse.fieldParams {
		if _, ok := m.Params[name]; ok {
			continue
		}
		if m.Params == nil {
			m.Params = map[string]any{}
		}
		m.Params[name] = v
	}
}

// setWeight reads weight:, or Docusaurus's sidebar_position:.
func (m *Meta) setWeight(written string, v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if w, err := strconv.Atoi(v.Value); err == nil {
			m.Weight = w
			return nil
		}
	}
	if strings.EqualFold(written, "sidebar_position") && v.Kind == yaml.ScalarNode && v.Tag == "!!float" {
		return errors.New("sitegen orders pages by whole numbers: renumber the pages of this folder 1, 2, 3 ... (the weight: of each page)")
	}
	return errors.New("must be a whole number, e.g. weight: 10")
}

// setSlug reads slug:. A slug with "/" is a path, as Docusaurus reads it:
// from the language folder when it starts with "/" (URL), else below the
// page's section ("a/b").
func (m *Meta) setSlug(v *yaml.Node) error {
	var s string
	if err := scalar(v, &s); err != nil {
		return err
	}
	s = Name(strings.TrimSpace(s))
	if strings.HasPrefix(s, "/") {
		p, err := urlPath(s)
		m.URL = p
		return err
	}
	s = strings.TrimSuffix(s, "/")
	for _, seg := range strings.Split(s, "/") {
		if err := CheckSegment(seg); err != nil {
			return err
		}
	}
	m.Slug = s
	return nil
}

// urlPath reads a page's URL path as url:, path: and a slug: starting
// with "/" give it: "/docs/x/" is "docs/x". It must be a folder's path of
// URL segments (see CheckSegment), without a query or #fragment.
func urlPath(s string) (string, error) {
	s = Name(strings.TrimSpace(s))
	if strings.ContainsAny(s, "?#") {
		return "", fmt.Errorf("%q has a query or #fragment; give the page's path only, e.g. /docs/x/", s)
	}
	p := strings.Trim(s, "/")
	if p == "" {
		return "", fmt.Errorf("%q is the home page's URL; give the page a path of its own, e.g. /docs/x/, or leave the field out", s)
	}
	if ext := path.Ext(p); ext == ".html" || ext == ".htm" {
		return "", fmt.Errorf("%q names a file; a page's URL is a folder: write %s/ and keep %s in aliases:", s, "/"+strings.TrimSuffix(p, ext), s)
	}
	for _, seg := range strings.Split(p, "/") {
		if err := CheckSegment(seg); err != nil {
			return "", err
		}
	}
	return p, nil
}

// moment reads publish_date: or expiry_date:, a date (its midnight, UTC)
// or a moment with or without an offset (UTC without one).
func moment(v *yaml.Node, dst *time.Time) error {
	var s string
	if err := scalar(v, &s); err != nil {
		return err
	}
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			*dst = t
			return nil
		}
	}
	return notADate(s)
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
	kept := false
	defer func() {
		if kept {
			m.keep("taxonomies", v)
		}
	}()
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, terms := v.Content[i], v.Content[i+1]
		name := strings.ToLower(k.Value)
		if !slices.Contains(m.parse.taxonomies, name) {
			// Another generator's taxonomy the site does not have: kept
			// in params with the rest of the field, as any field sitegen
			// does not use is (check says how to make it a taxonomy).
			kept = true
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
	return time.Time{}, notADate(s)
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
	return time.Time{}, notADate(s)
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
		m.more().aliases = append(m.more().aliases, Alias{Path: p, Line: line - 1 + item.Line})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// itemErrors are problems with the items of a list, each at its line.
type itemErrors []*LineError

func (e itemErrors) Error() string { return e[0].Msg }

// setParams reads params: or Zola's extra:, maps of values for the
// site's own layouts; what both give is merged, params: winning.
func (m *Meta) setParams(name string, v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return fmt.Errorf("must be fields (name: value) on the lines below it, indented, e.g. %s:\n  icon: star", name)
	}
	var params map[string]any
	if err := v.Decode(&params); err != nil {
		return fmt.Errorf("cannot be read: %v", err)
	}
	if m.Params == nil {
		m.Params = map[string]any{}
	}
	for k, val := range params {
		if _, ok := m.Params[k]; !ok || name == "params" {
			m.Params[k] = val
		}
	}
	return nil
}

// Menus are the menus a page can be in: "main", the site's navigation,
// and "footer", the links at the bottom of every page.
var Menus = []string{"main", "footer"}

// setMenus reads menu: main, menu: footer or menu: [main, footer], and
// Hugo's map form, menu: {main: {weight: 10, parent: help}}, whose weight
// orders the page when weight: is not set and whose parent: and
// identifier: nest the menu (see package pages). Hugo's menus: is menu:.
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
	for i, e := range entries {
		if err := m.setMenuEntry(items[i].Value, e); err != nil {
			return err
		}
	}
	return nil
}

// setMenuEntry reads the {weight: 10, parent: help} of Hugo's menu:
// {main: {...}}. Entries sitegen does not use (name:, pre:, params: ...)
// are kept in Unused as "menu.main.name".
func (m *Meta) setMenuEntry(menu string, e *yaml.Node) error {
	if e.Kind == yaml.ScalarNode && (e.Tag == "!!null" || e.Value == "") {
		return nil
	}
	if e.Kind != yaml.MappingNode {
		return fmt.Errorf("a menu entry gives fields, as in menu: {%s: {weight: 10}}", menu)
	}
	for i := 0; i+1 < len(e.Content); i += 2 {
		k, v := e.Content[i], e.Content[i+1]
		switch strings.ToLower(k.Value) {
		case "weight":
			w, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil {
				return fmt.Errorf("the menu weight must be a whole number, e.g. menu: {%s: {weight: 10}}", menu)
			}
			m.parse.menuWeight = &w
		case "parent", "identifier":
			var s string
			if err := text(v, &s); err != nil {
				return fmt.Errorf("%s: %v", k.Value, err)
			}
			dst := &m.more().menuParents
			if strings.EqualFold(k.Value, "identifier") {
				dst = &m.rare.menuIDs
			}
			if *dst == nil {
				*dst = map[string]string{}
			}
			(*dst)[menu] = s
		default:
			m.more().unused = append(m.more().unused, "menu."+menu+"."+k.Value)
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
