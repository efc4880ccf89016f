package build

import (
	"fmt"
	"slices"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
)

// shownText is what the text a fallback page shows was made from: its
// source's content file, and the link dependencies (pages.Link.Deps) of
// the text as resolved from the fallback page. An Update renders the page
// again when either changed (fallbackStale).
type shownText struct {
	src   string
	links []string
}

// showsText reports whether p is a fallback page that shows its source's
// text below its notice: [fallback] show_default_text in sitegen.toml.
func (b *Builder) showsText(p *pages.Page) bool {
	// A listing's numbered pages after the first show its list, not its
	// text, in every language.
	return p.Fallback && b.cfg.Fallback.ShowDefaultText && p.Source() != nil && p.Source().File != nil && p.PageNumber() == 1
}

// convertFallback converts the text of fallback page p's source for p to
// show: in the source's language, with its typography, callout labels and
// heading ids (so #anchors into p work as into the source), but with its
// links resolved from p, so that they go to the pages of p's language as a
// translation's would, and its images to the source's files where p's
// language has no copy. A link that resolves from the source but not from
// p is an error at the source's file and line, naming p; the source's own
// problems are reported by its own conversion, not again here.
func (b *Builder) convertFallback(site *pages.Site, p *pages.Page) *doc {
	src := p.Source()
	d := &doc{}
	links := map[string]pages.Link{}
	written := map[string]string{} // URL -> the destination as written
	ours := map[string]bool{}      // the errors of resolving from p alone
	resolve := func(dest string) (string, error) {
		l, err := site.Link(p, dest)
		d.links = append(d.links, l.Deps...)
		if err == nil {
			links[l.URL] = l
			written[l.URL] = dest
			return l.URL, nil
		}
		if _, srcErr := site.Link(src, dest); srcErr != nil || b.omittedLink(l) {
			return dest, nil // the source's error, reported at its file
		}
		msg := fmt.Sprintf("%v (in the fallback page /%s, which shows this text: [fallback] show_default_text in sitegen.toml)", err, p.Path)
		ours[msg] = true
		return dest, fmt.Errorf("%s", msg)
	}
	body, line, err := src.File.ReadBody(b.src)
	if err != nil {
		d.diags.Errorf(src.File.Path, 0, "%v", err)
		d.res = &markdown.Result{}
		return d
	}
	size := markdown.Measure(body)
	weight := min(size.Elements, markdown.MaxElements)
	b.budget.take(weight)
	res, problems := b.converters[src.Lang.Code].ConvertSized(body, line, size,
		markdown.Hooks{Resolve: resolve, Images: b.imageAttrs(links, written), Links: linkLangs(src.Lang, links)}, 0)
	b.budget.give(weight)
	d.res = res
	for _, pr := range problems {
		if ours[pr.Msg] {
			d.diags.Errorf(src.File.Path, pr.Line, "%s", pr.Msg)
		}
	}
	slices.Sort(d.links)
	d.links = slices.Compact(d.links)
	return d
}

// linkLangs returns the LinkAttrs of text in lang whose links resolved to
// links: a link whose text is the title of the page it goes to, written in
// another language (a Greenlandic page's "[Afslag på MitID](/da/afslag/)",
// or a link to a fallback page that shows the Danish title), gets that
// language's lang, and dir when it runs the other way, as the layouts mark
// titles (render.Context.LangAttr). Other link texts are taken to be in
// the page's language.
func linkLangs(lang *pages.Lang, links map[string]pages.Link) markdown.LinkAttrs {
	return func(url, text string) [][2]string {
		l, ok := links[url]
		if !ok || l.Page == nil {
			return nil
		}
		t := l.Page.TitleLang
		if t == nil || t == lang || norm.NFC.String(text) != l.Page.Title {
			return nil
		}
		if t.Dir != lang.Dir {
			return [][2]string{{"lang", t.Code}, {"dir", t.Dir}}
		}
		return [][2]string{{"lang", t.Code}}
	}
}
