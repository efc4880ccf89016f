package content

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/diag"
)

// Fields are the front matter fields sitegen uses, by the names it knows
// them by, in the order the documentation lists them.
var Fields = []string{"title", "description", "link_title", "summary", "slug", "url", "weight", "menu",
	"updated", "date", "lastmod", "publish_date", "expiry_date", "draft", "aliases", "translation_key",
	"translated_from", "needs_review", "layout", "params", "extra", "id"}

// fieldNames are the other names of fields sitegen uses: Hugo's camelCase,
// Zola's, Docusaurus's and Jekyll's, by their lower-case spelling.
var fieldNames = map[string]string{
	"translationkey":   "translation_key",
	"linktitle":        "link_title",
	"sidebar_label":    "link_title", // Docusaurus
	"publishdate":      "publish_date",
	"pubdate":          "publish_date",
	"expirydate":       "expiry_date",
	"menus":            "menu",
	"sidebar_position": "weight", // Docusaurus
	"path":             "url",    // Zola
}

// canonicalField returns the name a field is known by. Names are matched
// without regard to case, as Hugo does, and other generators' names for a
// field sitegen uses are that field (fieldNames).
func canonicalField(name string) string {
	n := strings.ToLower(name)
	if c, ok := fieldNames[n]; ok {
		return c
	}
	return n
}

// Taxonomies are the fields that list a page's terms in Hugo, Zola and
// Jekyll. sitegen keeps them in params until it has taxonomies of its own
// (issue 26).
var Taxonomies = []string{"tags", "categories", "taxonomies", "category"}

// otherFields are front matter fields other generators (Hugo, Zola,
// Docusaurus, Jekyll) define that sitegen does not use, with a word on
// what to do where there is one. They are kept in params like any field
// sitegen does not know; they are listed so that one that is a small edit
// away from a sitegen field (Zola's path:, Hugo's type:) is not taken for
// a misspelling of it.
var otherFields = map[string]string{
	// Hugo
	"type":              "sitegen picks a layout with layout:",
	"keywords":          "search engines ignore keywords",
	"headless":          "a page sitegen should not publish is a draft: draft: true",
	"cascade":           "sitegen does not pass front matter to other pages; set the field in each file",
	"outputs":           "sitegen writes one HTML page for each file",
	"build":             "a page sitegen should not publish is a draft: draft: true",
	"images":            "",
	"videos":            "",
	"audio":             "",
	"series":            "",
	"markup":            "",
	"resources":         "",
	"sitemap":           "",
	"iscjklanguage":     "",
	"toc":               "",
	"author":            "",
	"authors":           "",
	"comments":          "",
	"math":              "",
	"mermaid":           "",
	"featured_image":    "",
	"show_reading_time": "",
	// Zola
	"template":            "sitegen picks a layout with layout:",
	"page_template":       "",
	"sort_by":             "",
	"paginate_by":         "",
	"paginate_path":       "",
	"paginate_reversed":   "",
	"transparent":         "",
	"render":              "",
	"redirect_to":         "",
	"in_search_index":     "",
	"insert_anchor_links": "",
	"generate_feeds":      "",
	// Docusaurus
	"hide_title":             "",
	"hide_table_of_contents": "",
	"sidebar_class_name":     "",
	"sidebar_custom_props":   "",
	"displayed_sidebar":      "",
	"pagination_label":       "",
	"pagination_next":        "",
	"pagination_prev":        "",
	"parse_number_prefixes":  "",
	"custom_edit_url":        "",
	"image":                  "",
	"unlisted":               "",
	"last_update":            "",
	"toc_min_heading_level":  "",
	"toc_max_heading_level":  "",
	"sidebar_collapsed":      "",
	"sidebar_collapsible":    "",
	// Jekyll
	"permalink":          "sitegen makes a page's URL from its file name: set url: or slug:, and keep the old URL in aliases:",
	"published":          "a page sitegen should not publish is a draft: draft: true",
	"excerpt":            "",
	"excerpt_separator":  "",
	"lang":               "a page's language is its folder's, content/<lang>/",
	"page_id":            "",
	"ref":                "",
	"redirect_from":      "",
	"render_with_liquid": "",
}

// FieldHint returns a word on an unused field other generators define:
// what it does there, or what to write for sitegen; "" when there is
// nothing to say.
func FieldHint(name string) string {
	name = strings.ToLower(name)
	if slices.Contains(Taxonomies, name) {
		return "taxonomies come with issue 26; until then the terms are kept in params"
	}
	return otherFields[name]
}

// unknownField decides what a field sitegen does not use is: nil when it
// is kept in params (a field of another generator, or one of the site's
// own), or an error for a near miss of a sitegen field, which is a typo
// that would otherwise be lost without a word. A near miss is a name one
// edit from a field's (two for names of five letters or more: titel:,
// descripton:; two letters swapped count as one: sulg:), that no other
// generator defines (Zola's path: is no misspelling of date:).
func unknownField(name string) error {
	if _, other := otherFields[name]; other || slices.Contains(Taxonomies, name) {
		return nil
	}
	var s string
	for _, f := range slices.Concat(Fields, slices.Sorted(maps.Keys(fieldNames))) {
		if d := diag.Distance(name, f); d <= 1 || d == 2 && (len(name) >= 5 || swapped(name, f)) {
			s = f
			break
		}
	}
	if s == "" {
		return nil
	}
	return fmt.Errorf("unknown field (did you mean %q?); a value of the site's own that is no misspelling goes under params:", canonicalField(s))
}

// swapped reports whether a is b with two neighbouring letters swapped.
func swapped(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i+1 < len(a); i++ {
		if a[i] != b[i] {
			return a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
		}
	}
	return false
}
