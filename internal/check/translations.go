package check

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
)

// translations fills the translation table and reports outdated and
// orphan translations. The sections sitegen makes for folders without an
// _index.md have no file, and no row. A file left out of the build for its errors has
// status error, and so have its translations when it is the default
// language's: whether they are up to date cannot be known.
func (c *checker) translations() {
	t := &Translations{Totals: map[string]map[string]int{}}
	for _, l := range c.site.Langs {
		t.Languages = append(t.Languages, l.Code)
		t.Totals[l.Code] = map[string]int{}
	}
	keys := slices.Clone(c.site.Keys())
	for key := range c.omitted {
		if !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	// In the order of file names everywhere else (pages.Natural): item-2
	// before item-10.
	slices.SortFunc(keys, pages.Natural)
	for _, key := range keys {
		if c.made(key) {
			continue
		}
		if p := c.site.Page(key, c.site.Default.Code); p != nil && p.File != nil && p.File.Generated {
			continue // a section sitegen made for a folder without _index.md: no file to translate
		}
		ks := KeyStatus{Key: key, Status: map[string]string{}}
		for _, l := range c.site.Langs {
			status := c.status(key, l)
			ks.Status[l.Code] = status
			t.Totals[l.Code][status]++
		}
		t.Keys = append(t.Keys, ks)
	}
	c.r.Translations = t
}

// status is the translation status of key in language l, reporting
// orphan and outdated translations as it finds them.
func (c *checker) status(key string, l *pages.Lang) string {
	def := c.site.Default
	p := c.site.Page(key, l.Code)
	source := c.site.Page(key, def.Code)
	switch {
	case c.omitted[key][l.Code], c.stubbed(p):
		return StatusError
	case p == nil || p.Fallback:
		return StatusMissing
	case p.File == nil:
		return StatusOK // a taxonomy or term page the site makes: nothing to translate
	case c.omitted[key][def.Code], c.stubbed(source):
		return StatusError
	case source.File == nil && !source.Fallback:
		return StatusOK // the default language's is made, so nothing dates this one
	case source.Fallback:
		want := fmt.Sprintf("content/%s/%s", def.Folder, p.FileKey)
		if p.File.Meta.TranslationKey != "" {
			want = fmt.Sprintf("a page in content/%s/ with translation_key: %s", def.Folder, key)
		}
		c.r.add("translation", Warning, p.File.Path, 1, "orphan: %s has no %s version (%s) to translate from", key, def.Code, want)
		return StatusOrphan
	case l != def:
		want := c.sourceHash(source)
		got := p.File.Meta.TranslatedFrom
		if got != want {
			c.r.Outdated = append(c.r.Outdated, Outdated{Path: p.File.Path, Source: source.File.Path, TranslatedFrom: got, SourceHash: want})
		}
		switch {
		case got == "":
			c.r.addStamp(p.File.Path, 1, fmt.Sprintf("outdated: no translated_from; after checking the translation against %s, ", source.File.Path))
			return StatusOutdated
		case got != want:
			c.r.addStamp(p.File.Path, p.File.Meta.Lines.Line("translated_from"), fmt.Sprintf("outdated: %s changed since this was translated (translated_from %s, now %s); update the translation, then ", source.File.Path, got, want))
			return StatusOutdated
		}
	}
	if p.NeedsReview {
		return StatusNeedsReview
	}
	return StatusOK
}

// made reports whether every version of key is a page the site makes
// (a taxonomy or term page without a file) or a fallback page: no file
// to translate, so the table leaves it out.
func (c *checker) made(key string) bool {
	for _, l := range c.site.Langs {
		if p := c.site.Page(key, l.Code); p == nil || p.File != nil {
			return false
		}
	}
	return true
}

// addStamp reports an outdated translation at file and line: msg, then
// the command that records the source's hash, "run: sitegen stamp
// content/en/a.md", named from the site folder as every path in the report
// is (WriteText adds the -src that check was given).
func (r *Report) addStamp(file string, line int, msg string) {
	f := finding("translation", Warning, file, line, "%srun: %s", msg, stampCommand("", file))
	f.stamp = file
	r.Findings = append(r.Findings, f)
}

// stampCommand is the sitegen stamp command line for a translation, run in
// the folder from which src names the site folder ("" or "." for the site
// folder itself).
func stampCommand(src, file string) string {
	cmd := "sitegen stamp "
	if src != "" && filepath.Clean(src) != "." {
		cmd += "-src " + shellQuote(src) + " "
	}
	return cmd + shellQuote(file)
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and -_./:@+=,.
func shellQuote(s string) string {
	plain := s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_./:@+=,", r)
	})
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// stubbed reports whether p stands in for a file that does not load
// (build.Result.Omitted). c.omitted knows the file by the key its path
// gives, which is not p's key when the file sets translation_key:.
func (c *checker) stubbed(p *pages.Page) bool {
	return p != nil && !p.Fallback && p.File != nil && c.leftOut(p.File.Path)
}

// implicitMessages are message ids the generator itself uses.
var implicitMessages = []string{"date", "month_1", "month_2", "month_3", "month_4", "month_5", "month_6",
	"month_7", "month_8", "month_9", "month_10", "month_11", "month_12"}

// uiStrings reports messages missing per language and defined but unused.
func (c *checker) uiStrings() {
	cat := c.res.Catalog
	if cat == nil {
		return // i18n/ does not load: its errors are findings
	}
	u := &UIStrings{Missing: map[string][]string{}, NeedsReview: map[string][]string{}}
	for _, l := range c.site.Langs {
		if m := cat.Missing(l.Code); len(m) > 0 {
			u.Missing[l.Code] = m
			// A language with no strings at all is the build's one error,
			// which lists them for a file to create.
			if cat.HasFile(l.Code) {
				c.r.add("ui-string", Warning, "i18n/"+l.Code+".toml", 0, "%d UI %s missing, shown in %s instead: %s", len(m), map[bool]string{true: "string", false: "strings"}[len(m) == 1], c.site.Default.Code, strings.Join(m, ", "))
			}
		}
		if rv := cat.NeedsReview(l.Code); len(rv) > 0 {
			u.NeedsReview[l.Code] = rv
		}
	}
	if c.res.Layouts != nil { // else no layout could be read to say what is used
		used := slices.Concat(c.res.Layouts.MessageIDs(), markdown.AlertMessageIDs(), markdown.UIMessageIDs()) // alert labels and the converter's words are used by Markdown
		for _, t := range c.site.Config.Taxonomies {
			used = append(used, build.TaxonomyMessage(t)) // a taxonomy's page is titled with it
		}
		for _, id := range cat.IDs() {
			// A message the built-in theme defines too is the theme's: the
			// site translates it (sitegen init writes every one for a
			// language the theme lacks), and whether a layout shows it is
			// the theme's concern, not a stale string of the site's.
			if cat.SiteDefines(id) && !c.themeIDs[id] && !slices.Contains(used, id) && !slices.Contains(implicitMessages, id) {
				u.Unused = append(u.Unused, id)
			}
		}
	}
	if len(u.Unused) > 0 {
		c.r.add("ui-string", Warning, "i18n/"+c.site.Default.Code+".toml", 0, "defined but used by no layout: %s", strings.Join(u.Unused, ", "))
	}
	c.r.UIStrings = u
}

// sourceHash returns content.File.SourceHash of a default-language page,
// taken as the page was converted: the build drops its body after that.
func (c *checker) sourceHash(p *pages.Page) string {
	if pr := c.pages[p]; pr != nil && pr.hash != "" {
		return pr.hash
	}
	return p.File.SourceHash()
}
