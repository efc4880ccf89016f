package check

import (
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/markdown"
)

// translations fills the translation table and reports outdated and
// orphan translations.
func (c *checker) translations() {
	t := &Translations{Totals: map[string]map[string]int{}}
	for _, l := range c.site.Langs {
		t.Languages = append(t.Languages, l.Code)
		t.Totals[l.Code] = map[string]int{}
	}
	def := c.site.Default
	for _, key := range c.site.Keys() {
		ks := KeyStatus{Key: key, Status: map[string]string{}}
		source := c.site.Page(key, def.Code)
		for _, l := range c.site.Langs {
			p := c.site.Page(key, l.Code)
			var status string
			switch {
			case p.Fallback:
				status = StatusMissing
			case source.Fallback:
				status = StatusOrphan
				c.r.add("translation", Warning, p.File.Path, 1, "orphan: %s has no %s version (content/%s/%s) to translate from", key, def.Code, def.Code, key)
			case l == def:
				status = StatusOK
			default:
				status = StatusOK
				want := source.File.SourceHash()
				switch got := p.File.Meta.TranslatedFrom; {
				case got == "":
					status = StatusOutdated
					c.r.add("translation", Warning, p.File.Path, 1, "outdated: no translated_from; after checking the translation against %s, run: sitegen stamp %s", source.File.Path, p.File.Path)
				case got != want:
					status = StatusOutdated
					c.r.add("translation", Warning, p.File.Path, p.File.Meta.Lines["translated_from"], "outdated: %s changed since this was translated (translated_from %s, now %s); update the translation, then run: sitegen stamp %s", source.File.Path, got, want, p.File.Path)
				}
			}
			if status == StatusOK && p.NeedsReview {
				status = StatusNeedsReview
			}
			ks.Status[l.Code] = status
			t.Totals[l.Code][status]++
		}
		t.Keys = append(t.Keys, ks)
	}
	c.r.Translations = t
}

// implicitMessages are message ids the generator itself uses.
var implicitMessages = []string{"date", "month_1", "month_2", "month_3", "month_4", "month_5", "month_6",
	"month_7", "month_8", "month_9", "month_10", "month_11", "month_12"}

// uiStrings reports messages missing per language and defined but unused.
func (c *checker) uiStrings() {
	cat := c.res.Catalog
	u := &UIStrings{Missing: map[string][]string{}, NeedsReview: map[string][]string{}}
	for _, l := range c.site.Langs {
		if m := cat.Missing(l.Code); len(m) > 0 {
			u.Missing[l.Code] = m
			c.r.add("ui-string", Warning, "i18n/"+l.Code+".toml", 0, "%d UI %s missing, shown in %s instead: %s", len(m), map[bool]string{true: "string", false: "strings"}[len(m) == 1], c.site.Default.Code, strings.Join(m, ", "))
		}
		if rv := cat.NeedsReview(l.Code); len(rv) > 0 {
			u.NeedsReview[l.Code] = rv
		}
	}
	used := append(c.res.Layouts.MessageIDs(), markdown.AlertMessageIDs()...) // alert labels are used by Markdown
	for _, id := range cat.IDs() {
		if !slices.Contains(used, id) && !slices.Contains(implicitMessages, id) {
			u.Unused = append(u.Unused, id)
		}
	}
	if len(u.Unused) > 0 {
		c.r.add("ui-string", Warning, "i18n/"+c.site.Default.Code+".toml", 0, "defined but used by no layout: %s", strings.Join(u.Unused, ", "))
	}
	c.r.UIStrings = u
}
