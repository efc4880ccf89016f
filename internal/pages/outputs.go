package pages

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
)

// fold is the form in which two output names are the same file: hosts on
// macOS and Windows file systems ignore case and Unicode normalization.
func fold(name string) string { return strings.ToLower(norm.NFC.String(name)) }

// index fills byPath and reports content and generated pages that share
// a URL, also when the URLs differ only in case.
func (s *Site) index(diags *diag.List) {
	folded := map[string]*Page{}
	unpaired := map[string]bool{}
	reported := map[string]bool{} // pairs of files whose pages clash
	for _, p := range slices.Concat(s.Pages, s.Special) {
		if p.Kind == Alias {
			continue // checkOutputs
		}
		if p.Lang.Prefix == "" && isContent(p) && s.langOfFolder(p.Path) != nil {
			continue // in another language's folder: checkLangFolders
		}
		k := fold(p.Path)
		if other := folded[k]; other != nil {
			a, b := other, p
			if s.describe(a) > s.describe(b) {
				a, b = b, a
			}
			if real, src := s.unpaired(a, b); real != nil {
				pair := min(real.File.Path, src.File.Path) + "\x00" + max(real.File.Path, src.File.Path)
				if !unpaired[pair] {
					unpaired[pair] = true
					unpairedError(real, src, a.Path, diags)
				}
				continue
			}
			pair := sourcePath(a) + "\x00" + sourcePath(b)
			if reported[pair] {
				continue // the same two files clash in another language: one error is enough
			}
			reported[pair] = true
			same := "the same URL as"
			if a.Path != b.Path {
				same = "a URL that differs only in case (some hosts ignore case) from"
			}
			hint := "give one of the two another url: or slug:, or rename its file"
			if datedApart(a, b) {
				hint += fmt.Sprintf("; where the old site told them apart by a date in their URLs (Hugo's permalinks such as /:year/:month/:slug/), give each its old URL as url:, e.g. url: /%s/%s/ in %s",
					a.Updated().Format("2006/01"), path.Base(strings.TrimSuffix(a.Path, "/")), a.File.Path)
			}
			diags.Errorf(s.describe(a), slugLine(a), "has URL /%s, %s %s (/%s); %s", a.Path, same, s.describe(b), b.Path, hint)
			continue
		}
		folded[k] = p
		s.byPath[p.Path] = p
	}
	for _, p := range s.Special {
		if p.Kind == Alias && s.byPath[p.Path] == nil {
			s.byPath[p.Path] = p
		}
	}
	for _, f := range s.feeds {
		if p := folded[fold(f.Path+"/")]; p != nil {
			diags.Errorf(s.describe(p), slugLine(p), "has URL /%s, a folder where the build writes the Atom feed of /%s (%s); change a slug: or rename the file", p.Path, f.Page.Path, f.Path)
		}
	}
}

// datedApart reports whether two content pages are dated (date:,
// updated: or lastmod:) on different days: two posts that share a slug,
// which a site whose URLs hold the date had at different URLs.
func datedApart(a, b *Page) bool {
	if a.File == nil || b.File == nil || a.Updated().IsZero() || b.Updated().IsZero() {
		return false
	}
	return a.Updated().Format(time.DateOnly) != b.Updated().Format(time.DateOnly)
}

// unpaired returns, when a and b are a real page and a fallback page
// standing in for another file of the same name, the real page and the
// fallback's source: two files that look like translations but have
// different translation keys.
func (s *Site) unpaired(a, b *Page) (real, src *Page) {
	real, fb := a, b
	if real.Fallback {
		real, fb = b, a
	}
	if real.File == nil || !fb.Fallback || fb.source.FileKey != real.FileKey {
		return nil, nil
	}
	return real, fb.source
}

// unpairedError reports two files of the same name that are not
// translations of each other, blaming the one without a translation key.
func unpairedError(real, src *Page, url string, diags *diag.List) {
	a, b := real, src
	if a.File.Meta.TranslationKey != "" && b.File.Meta.TranslationKey == "" {
		a, b = b, a
	}
	if a.File.Meta.TranslationKey == "" {
		diags.Errorf(a.File.Path, 1, "has no translation_key, so it is not the translation of %s (translation_key: %s), yet the two share the URL /%s in some language (one page, and the fallback page for the other): add translation_key: %s, or rename the file", b.File.Path, b.Key, url, b.Key)
		return
	}
	diags.Errorf(a.File.Path, keyLine(a), "translation_key: %s differs from that of %s (%s), so they are not translations of each other, yet the two share the URL /%s in some language (one page, and the fallback page for the other): give them the same translation_key, or rename one", a.Key, b.File.Path, b.Key, url)
}

// sourcePath is the file behind a content page, or "": a fallback page's
// source's.
func sourcePath(p *Page) string {
	switch {
	case p.File != nil:
		return p.File.Path
	case p.Fallback:
		return p.source.File.Path
	}
	return ""
}

// slugLine is the line to blame for a page's URL: its slug, or the top.
func slugLine(p *Page) int {
	if p.Kind == Alias {
		return int(p.AliasLine)
	}
	if p.File == nil {
		return 0
	}
	return cmp.Or(p.File.Meta.Lines.Line("url"), p.File.Meta.Lines.Line("slug"), 1)
}

// describe names the file behind a page for error messages.
func (s *Site) describe(p *Page) string {
	if p.Kind == Alias {
		return p.Target().File.Path + " (aliases: /" + p.Path + ")"
	}
	if p.File != nil {
		return p.File.Path
	}
	if p.Fallback && p.source.File != nil {
		return fmt.Sprintf("%s (fallback page for %s/%s/%s)", p.source.File.Path, content.Dir, p.Lang.Folder, p.FileKey)
	}
	if p.Kind == Term {
		return fmt.Sprintf("the page of the term %q of %s in %s (/%s)", p.Title, p.Taxonomy(), p.Lang.Code, p.Path)
	}
	return p.OutputFile()
}

// A claim is an output file and what writes it, for checkOutputs.
type claim struct {
	name   string // output file, or a path.Match pattern
	what   string // "the page content/da/_index.md (/da/)"
	self   string // what, when the error is at the claim's own file: "alias /da/x/"
	file   string // the file and line to blame, when an editor wrote the claim
	line   int
	fix    string
	page   bool // a content or generated page: page-to-page clashes are index's
	static bool // Reserved.Static
	weight int  // the weaker of two clashing claims is blamed: aliases, then files beside pages
}

// checkOutputs reports aliases and files beside pages that would write
// over another output file, or would need a folder where another output
// is a file (an alias /sitemap.xml is written as sitemap.xml/index.html),
// however they are spelled: names are compared as hosts compare them
// (fold).
func (s *Site) checkOutputs(reserved []Reserved, diags *diag.List) {
	var claims []claim
	for _, r := range reserved {
		shown := strings.ReplaceAll(r.Name, strings.Repeat("[0-9a-f]", 8), "<hash>")
		c := claim{name: r.Name, what: fmt.Sprintf("%s (%s)", r.What, shown), weight: 3, static: r.Static}
		if r.File != "" {
			c.what, c.file, c.fix, c.weight = fmt.Sprintf("%s (/%s)", r.File, shown), r.File, "rename or move the file", 2
			if shown != r.Name {
				c.what = fmt.Sprintf("%s (/%s)", r.What, shown)
			}
			c.self = "published as /" + shown + ", it"
		}
		claims = append(claims, c)
	}
	for _, p := range slices.Concat(s.Pages, s.Special) {
		if p.Kind == Alias {
			continue
		}
		c := claim{name: p.OutputFile(), what: s.pageWhat(p), page: true, weight: 3}
		// With the default language at the root, a page's URL may need a
		// folder where the build writes a file (content/en/sitemap.xml.md).
		switch {
		case p.File != nil:
			c.file, c.line, c.self, c.fix = p.File.Path, slugLine(p), "its URL /"+p.Path, "give the page another slug:, or rename the file"
		case p.Fallback && p.source.File != nil: // not a term page sitegen made
			c.file, c.line, c.fix = p.source.File.Path, 1, "rename the file"
			c.self = fmt.Sprintf("its fallback page in %s, at /%s,", p.Lang.Code, p.Path)
		}
		claims = append(claims, c)
	}
	for _, f := range s.feeds {
		claims = append(claims, claim{name: f.Path, what: fmt.Sprintf("the Atom feed of /%s (/%s)", f.Page.Path, f.Path), page: true, weight: 3})
	}
	for _, r := range s.Resources {
		claims = append(claims, claim{name: r.Path, what: fmt.Sprintf("the file %s (/%s)", r.Src.Path, r.Path), file: r.Src.Path,
			self: "published as /" + r.Path + ", it",
			fix:  "rename the file", weight: 2})
	}
	for _, p := range s.Special {
		if p.Kind == Alias {
			claims = append(claims, claim{name: p.OutputFile(), what: fmt.Sprintf("the alias /%s of %s", p.Path, p.Target().File.Path),
				self: "alias /" + p.Path, file: p.Target().File.Path, line: int(p.AliasLine), weight: 1,
				fix: "an alias is an old URL that nothing else has now: remove it"})
		}
	}
	files := map[string]*claim{}
	var patterns []*claim
	for i := range claims {
		c := &claims[i]
		if strings.ContainsAny(c.name, "*?[") {
			patterns = append(patterns, c)
		}
	}
	report := func(a, b *claim, how string) {
		// Two pages with one URL are index's to report; a page that needs
		// a folder where another is a file (content/da/404.html.md) is not.
		if a.page && b.page && how == "write over" || a.file == "" && b.file == "" {
			return
		}
		weak, strong := b, a
		if a.weight < b.weight || b.file == "" {
			weak, strong = a, b
		}
		diags.Errorf(weak.file, weak.line, "%s would %s %s; %s", weak.self, how, strong.what, weak.fix)
	}
	for i := range claims {
		c := &claims[i]
		if strings.ContainsAny(c.name, "*?[") {
			continue
		}
		k := fold(c.name)
		if other := files[k]; other != nil {
			report(other, c, "write over")
			continue
		}
		for _, p := range patterns {
			if ok, _ := path.Match(fold(p.name), k); ok && !(p.static && c.static) {
				report(p, c, "write over")
			}
		}
		files[k] = c
	}
	for i := range claims {
		c := &claims[i]
		for dir := path.Dir(c.name); dir != "." && !strings.ContainsAny(c.name, "*?["); dir = path.Dir(dir) {
			if other := files[fold(dir)]; other != nil {
				report(other, c, "need a folder "+dir+"/ where the build writes")
				break
			}
			for _, p := range patterns {
				if ok, _ := path.Match(fold(p.name), fold(dir)); ok {
					report(p, c, "need a folder "+dir+"/ where the build writes")
				}
			}
		}
	}
}

func (s *Site) pageWhat(p *Page) string {
	switch {
	case p.Kind == Root:
		return "the language chooser (/index.html)"
	case p.Kind == RootNotFound:
		return "the 404 page (/404.html)"
	case p.Kind == NotFound:
		return fmt.Sprintf("the 404 page of %s (/%s)", p.Lang.Code, p.Path)
	case p.Fallback && p.source.File != nil:
		return fmt.Sprintf("the fallback page in %s for %s (/%s)", p.Lang.Code, p.source.File.Path, p.Path)
	case p.File == nil || p.PageNumber() > 1:
		return fmt.Sprintf("the page /%s", p.Path)
	}
	return fmt.Sprintf("the page %s (/%s)", p.File.Path, p.Path)
}

// addMovedAliases gives each real page that url: or a slug: with "/"
// moves away from the URL its file's name gives it (naturalPath), and
// each page below a section so moved, an alias at that URL, so that links
// written to it keep working: unless a page, a file or another alias
// has the URL, or an output the build writes would be in the way.
func (s *Site) addMovedAliases(reserved []Reserved, static []string) {
	taken := map[string]bool{}
	for _, p := range slices.Concat(s.Pages, s.Special) {
		taken[fold(p.Path)] = true
		taken[fold(p.OutputFile())] = true
	}
	for _, r := range s.Resources {
		taken[fold(r.Path)] = true
	}
	for _, r := range reserved {
		taken[fold(r.Name)] = true
	}
	for _, n := range static {
		taken[fold(n)] = true
	}
	for _, p := range s.Pages {
		if p.Fallback || p.File == nil || p.Kind == Home {
			continue
		}
		old := naturalPath(p)
		if old == p.Path || taken[fold(old)] || taken[fold(old+"index.html")] || taken[fold(strings.TrimSuffix(old, "/"))] {
			continue
		}
		taken[fold(old)] = true
		a := &Page{Kind: Alias, Path: old, Lang: p.Lang, TitleLang: p.Lang, Title: p.Title, more: &pageMore{target: p}, AliasLine: int32(urlLine(p)), site: s}
		s.Special = append(s.Special, a)
		s.byPath[old] = a
	}
}

// urlLine is the line of the field that moved a page: its url: or slug:,
// else its first (a section above it moved).
func urlLine(p *Page) int {
	return cmp.Or(p.File.Meta.Lines.Line("url"), p.File.Meta.Lines.Line("slug"), 1)
}
