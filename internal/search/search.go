// Package search makes the site's search index: one small JSON file per
// language that static/js/search.js loads and searches in the browser, so
// search needs no server and sends nothing anywhere.
//
// # Format
//
//	{"v":1,"lang":"da","pages":[
//	  {"u":"/da/klage/","t":"Klag over afslag","d":"Hvornår ...","s":"Forside",
//	   "h":["Hvornår kan du klage?", ...],"b":"klage afslag borgerservice ..."}]}
//
// u is the URL, t the title, d the description, s the title of the page's
// section, h the headings, b the page's distinctive words, normalized (see
// Normalize) and most frequent first. A page missing in the index's
// language is listed in the language it exists in, with "l" naming it, so
// a reader of a partly translated language still finds every page.
package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
)

// MaxTerms is how many distinct words of a page's body the index keeps.
const MaxTerms = 120

// An Entry is one page in an index.
type Entry struct {
	URL         string   `json:"u"`
	Title       string   `json:"t"`
	Lang        string   `json:"l,omitempty"` // set when the page is in another language than the index
	Description string   `json:"d,omitempty"`
	Section     string   `json:"s,omitempty"`
	Headings    []string `json:"h,omitempty"`
	Terms       string   `json:"b,omitempty"`
}

// NewEntry makes the entry of a real page from its converted Markdown.
func NewEntry(site *pages.Site, p *pages.Page, doc *markdown.Result) *Entry {
	e := &Entry{URL: site.URL(p), Title: p.Title, Description: p.Description}
	if p.Parent != nil && p.Parent.Kind != pages.Home {
		e.Section = p.Parent.Title
	}
	if doc != nil {
		for _, h := range doc.Headings {
			if h.Level <= 3 {
				e.Headings = append(e.Headings, h.Text)
			}
		}
		e.Terms = Terms(doc.Text, MaxTerms)
	}
	return e
}

// Terms returns the distinct normalized words of a text, most frequent
// first, at most max of them. Words shorter than three letters are left
// out: a search matches prefixes of at least that length.
func Terms(blocks []string, max int) string {
	count := map[string]int{}
	var order []string
	for _, b := range blocks {
		for _, w := range Words(b) {
			if len([]rune(w)) < 3 {
				continue
			}
			if count[w] == 0 {
				order = append(order, w)
			}
			count[w]++
		}
	}
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(count[b], count[a]) })
	if len(order) > max {
		order = order[:max]
	}
	return strings.Join(order, " ")
}

// Words splits text into normalized words.
func Words(text string) []string {
	return strings.FieldsFunc(Normalize(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

var danish = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// Normalize lower-cases text, spells æ ø å as ae oe aa and drops accents,
// so that "Fritagelse", "fritagelse" and "FRITAGELSE" match, and so do
// "før" and "foer". search.js normalizes queries the same way.
func Normalize(s string) string {
	s = danish.Replace(strings.ToLower(norm.NFC.String(s)))
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Index returns the JSON index of a language: an entry for every key, the
// page in lang where it exists, else the version entries holds for the
// default language (or the first that exists). entries maps each real page
// to its entry.
func Index(site *pages.Site, lang *pages.Lang, entries map[*pages.Page]*Entry) []byte {
	var list []*Entry
	for _, key := range site.Keys() {
		p := site.Page(key, lang.Code)
		if p.Fallback {
			p = p.Translations[site.Default.Index]
			if p.Fallback {
				p = p.Available()[0]
			}
		}
		e := entries[p]
		if e == nil {
			continue
		}
		if p.Lang != lang {
			c := *e
			c.Lang = p.Lang.Code
			e = &c
		}
		list = append(list, e)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(struct {
		V     int      `json:"v"`
		Lang  string   `json:"lang"`
		Pages []*Entry `json:"pages"`
	}{1, lang.Code, list})
	return bytes.TrimSpace(b.Bytes())
}

// FileName is the name, below the output folder, of a language's index
// before fingerprinting.
func FileName(lang string) string { return "search/" + lang + ".json" }
