package check

import (
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/content"
)

// An UnusedField is a front matter field sitegen does not use, which the
// pages that have it keep for layouts in .Page.Params (see package
// content): fields of other generators (Hugo's toc:, Zola's template:)
// and the site's own. Check lists each name once, with how many files have
// it, so that an editor moving a site sees what its old theme read and
// sitegen's does not.
type UnusedField struct {
	Name  string `json:"name"`           // in lower case, as .Page.Params has it; "menu.main.name" for a menu entry's field
	Files int    `json:"files"`          // the Markdown pages that have it
	First Place  `json:"first"`          // the first of them, at the field's line
	Hint  string `json:"hint,omitempty"` // what it is, or what to write for sitegen, where there is a word to say
}

// unusedFields lists the front matter fields the checked pages have that
// sitegen does not use, by name.
func (c *checker) unusedFields() {
	byName := map[string]*UnusedField{}
	for _, p := range c.realPages() {
		m := p.File.Meta
		seen := map[string]bool{}
		for _, written := range m.Unused() {
			name := strings.ToLower(written)
			if seen[name] {
				continue
			}
			seen[name] = true
			f := byName[name]
			if f == nil {
				field, _, _ := strings.Cut(name, ".")
				f = &UnusedField{Name: name, First: Place{p.File.Path, m.Lines.Line(field)}, Hint: content.FieldHint(field)}
				if field != name {
					f.Hint = "sitegen labels a menu entry with its page's link_title: and places it by weight: and parent:"
				}
				byName[name] = f
			}
			f.Files++
		}
	}
	for _, name := range sortedKeys(byName) {
		c.r.UnusedFields = append(c.r.UnusedFields, *byName[name])
	}
	slices.SortStableFunc(c.r.UnusedFields, func(a, b UnusedField) int { return b.Files - a.Files })
}
