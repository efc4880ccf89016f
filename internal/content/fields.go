package content

import (
	"github.com/udenmitid/sitegen/internal/diag"

	"errors"
	"fmt"
	"strings"
)

// Fields are the front matter fields, in the order the documentation
// lists them.
var Fields = []string{"title", "description", "slug", "weight", "menu", "updated", "date", "lastmod", "draft",
	"aliases", "translation_key", "translated_from", "needs_review", "layout", "params", "sort_by", "page_size"}

// canonicalField returns the name a field is known by. Names are matched
// without regard to case, as Hugo does, and Hugo's translationKey is
// translation_key.
func canonicalField(name string) string {
	n := strings.ToLower(name)
	if n == "translationkey" {
		return "translation_key"
	}
	return n
}

// hugoFields are fields other generators (Hugo, Zola, Jekyll) write that
// sitegen does not take, with what to do instead.
var hugoFields = map[string]string{
	"url":         "sitegen makes a page's URL from its file name: set slug: for the last part, and keep the old URL in aliases:",
	"publishdate": "sitegen publishes every page that is not a draft: use draft: true to hold a page back",
	"expirydate":  "sitegen publishes every page that is not a draft: use draft: true to take a page down",
	"pubdate":     "sitegen publishes every page that is not a draft: use draft: true to hold a page back",
	"summary":     "use description: for the one-sentence summary",
	"linktitle":   "sitegen shows the title everywhere; shorten title:, or put it under params: if a layout reads it",
	"type":        "use layout: to pick the layout",
	"menus":       "write menu: main or menu: footer",
	"tags":        "add \"tags\" to taxonomies = [...] in sitegen.toml to make it a taxonomy, or put it under params: if a layout reads it",
	"categories":  "add \"categories\" to taxonomies = [...] in sitegen.toml to make it a taxonomy, or put it under params: if a layout reads it",
	"keywords":    "search engines ignore keywords; put it under params: if a layout reads it",
	"headless":    "a page without output is not published; use draft: true",
	"cascade":     "sitegen does not pass front matter to other pages; set the field in each file",
	"outputs":     "sitegen writes one HTML page for each file",
	"build":       "sitegen publishes every page that is not a draft: use draft: true to hold a page back",
}

// unknownField explains why name is not a field.
func unknownField(name string) error {
	if msg, ok := hugoFields[name]; ok {
		return errors.New("not a sitegen field: " + msg)
	}
	if s := diag.Closest(name, Fields); s != "" {
		return fmt.Errorf("unknown field (did you mean %q?)", s)
	}
	return fmt.Errorf("unknown field; the fields are %s, and site-specific values go under params:", strings.Join(Fields, ", "))
}
