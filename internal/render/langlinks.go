package render

import (
	"html/template"

	"github.com/udenmitid/sitegen/internal/pages"
)

// A LangLink is a version of the page in one language as the language
// switcher and a fallback page's list of versions link to it. Its values
// are fields, which a layout reads for much less than it calls a method
// (each call goes through reflection: a layout's calls were a tenth of a
// build's CPU, issue 30).
type LangLink struct {
	Page    *PageView
	URL     string            // Page.URL
	Lang    *pages.Lang       // Page.Lang
	Attrs   template.HTMLAttr // LangDir of Lang: lang="..", and dir="..." when Lang runs the other way than the page's language
	Current bool              // Lang is the language of the page being rendered
}

// LangLinks returns a LangLink for each of ps, versions of a page such as
// .Page.Translations or .Page.Versions, in their order:
// {{ range .LangLinks .Page.Translations }}. It reads of each what a
// layout linking it by hand would: its URL and language.
func (c *Context) LangLinks(ps []*PageView) []LangLink {
	if len(ps) == 0 {
		return nil
	}
	own := c.Page.Lang()
	out := make([]LangLink, len(ps))
	for i, p := range ps {
		l := p.Lang()
		out[i] = LangLink{Page: p, URL: p.URL(), Lang: l, Attrs: c.LangDir(l), Current: l.Code == own.Code}
	}
	return out
}
