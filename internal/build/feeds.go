package build

import (
	"slices"

	"github.com/udenmitid/sitegen/internal/atom"
	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
)

// termSlug returns how pages.Input.Slug makes a term's URL segment: as
// headings get their ids by GitHub's rule, in ASCII when [markdown]
// heading_ids = "ascii". Hugo's rules ("github-ascii", "blackfriday") are
// for the anchors of a site moved from Hugo, whose term URLs were never
// made by them, so they give terms GitHub's rule.
func termSlug(cfg *config.Config) func(lang, text string) string {
	if cfg.Markdown.HeadingIDs == config.HeadingIDsASCII {
		return func(lang, text string) string { return markdown.SlugifyASCII(text, lang) }
	}
	return func(_, text string) string { return markdown.Slugify(text) }
}

// TaxonomyMessage is the id of the UI string that names a taxonomy.
func TaxonomyMessage(taxonomy string) string { return "taxonomy_" + taxonomy }

// taxonomyTitle is pages.Input.TaxonomyTitle: the UI string that names a
// taxonomy in a language, or its name while the strings do not load or
// lack it (checkTaxonomies reports that).
func (b *Builder) taxonomyTitle(lang, taxonomy string) string {
	if b.catalog != nil {
		if s, err := b.catalog.T(lang, TaxonomyMessage(taxonomy)); err == nil && s != "" {
			return s
		}
	}
	return taxonomy
}

// checkTaxonomies reports each taxonomy of the site whose pages are made
// (no content/<lang>/<taxonomy>/_index.md) and whose name no language's
// UI strings hold: the theme names tags and categories only.
func checkTaxonomies(site *pages.Site, cat *locale.Catalog) diag.List {
	var diags diag.List
	for _, t := range site.Config.Taxonomies {
		id := TaxonomyMessage(t)
		if cat.Has(id) {
			continue
		}
		for _, p := range site.Pages {
			if p.Kind == pages.Taxonomy && p.Taxonomy() == t && p.File == nil {
				diags.Errorf(config.File, 0, "taxonomy %q has no name in the UI strings: add %s = \"...\" to %s/<lang>.toml of each language (the theme names only tags and categories), or write its page, content/<lang>/%s/_index.md, with its title", t, id, locale.Dir, t)
				break
			}
		}
	}
	return diags
}

// feedBodies keeps the converted HTML of the pages that full-text feeds
// hold, as the build converts them; the rest of a build keeps no page's
// HTML.
type feedBodies struct {
	want map[*pages.Page]bool
	html map[*pages.Page][]byte
}

// newFeedBodies returns the keeper of the site's feeds' pages, or nil when
// feeds hold summaries.
func newFeedBodies(site *pages.Site) *feedBodies {
	if !site.Config.Feeds.FullText {
		return nil
	}
	fb := &feedBodies{want: map[*pages.Page]bool{}, html: map[*pages.Page][]byte{}}
	for _, f := range site.Feeds() {
		for _, p := range f.Entries {
			fb.want[p] = true
		}
	}
	return fb
}

// keep keeps a page's HTML if a feed holds the page. The caller holds the
// build's lock.
func (fb *feedBodies) keep(p *pages.Page, res *markdown.Result) {
	if fb != nil && fb.want[p] && res != nil {
		fb.html[p] = slices.Clone(res.HTML)
	}
}

// get is atom.Options.Content; nil for summaries.
func (fb *feedBodies) get(p *pages.Page) ([]byte, bool) {
	if fb == nil {
		return nil, false
	}
	h, ok := fb.html[p]
	return h, ok
}

// feeds writes every Atom feed of the site (package atom), as written:
// a minifier would join the white space of <pre> blocks in full-text
// entries.
func (w *writer) feeds(site *pages.Site, content func(*pages.Page) ([]byte, bool)) diag.List {
	var diags diag.List
	opts := atom.Options{}
	if site.Config.Feeds.FullText {
		opts.Content = content
	}
	for _, f := range site.Feeds() {
		if err := w.put(f.Path, atom.Feed(site, f, opts)); err != nil {
			diags.Errorf("", 0, "%v", err)
		}
	}
	return diags
}
