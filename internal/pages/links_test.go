package pages

import (
	"testing"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
)

// rawFile makes a content file from its front matter's fields.
func rawFile(t *testing.T, p, fields string) *content.File {
	t.Helper()
	f, diags := content.Parse(p, []byte("---\ndescription: d\n"+fields+"---\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return f
}

// movedSite is a site as it comes from Docusaurus and Zola: English at the
// root below the base path /web-map-doc/, French in /fr/, sections of
// docs, page bundles, and old URLs in aliases:.
func movedSite(t *testing.T) *Site {
	t.Helper()
	cfg, diags := config.Parse([]byte(`base_url = "https://maps4html.org/web-map-doc/"
default_language_in_subdir = false
[[languages]]
code = "en"
name = "English"
[[languages]]
code = "fr"
name = "Français"
`))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files := []*content.File{
		rawFile(t, "content/en/_index.md", "title: Home\n"),
		rawFile(t, "content/fr/_index.md", "title: Accueil\n"),
		rawFile(t, "content/en/docs/_index.md", "title: Docs\n"),
		rawFile(t, "content/en/docs/elements/_index.md", "title: Elements\n"),
		rawFile(t, "content/en/docs/elements/layer.md", "title: Layer\n"),
		rawFile(t, "content/fr/docs/elements/layer.md", "title: Couche\nslug: couche\n"),
		rawFile(t, "content/en/docs/api/_index.md", "title: API\n"),
		rawFile(t, "content/en/docs/api/mapml-viewer-api.md", "title: Viewer API\naliases: [/docs/old-api/]\n"),
		rawFile(t, "content/en/support/_index.md", "title: Support\n"),
		rawFile(t, "content/en/support/editing/index.md", "title: Editing\n"),
		rawFile(t, "content/en/support/osm-notes/index.md", "title: OSM notes\n"),
		rawFile(t, "content/en/blog/_index.md", "title: Blog\n"),
		rawFile(t, "content/en/blog/post.md", "title: Post\naliases: [/web-map-doc/docs/api/]\n"),
		rawFile(t, "content/fr/blog/post.md", "title: Billet\n"),
		rawFile(t, "content/fr/blog/seul.md", "title: Seul en français\n"),
		rawFile(t, "content/en/blog/release.1.0.md", "title: Release 1.0\n"),
	}
	s, diags := New(cfg, Input{Files: files, Drafts: []string{"blog/draft.md"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return s
}

// TestLinkForms: links the way Zola, Docusaurus and Hugo sites write them
// resolve to the page they name, in the linking page's language.
func TestLinkForms(t *testing.T) {
	s := movedSite(t)
	layer := s.Page("docs/elements/layer.md", "en")
	layerFR := s.Page("docs/elements/layer.md", "fr")
	editing := s.Page("support/editing.md", "en")
	post := s.Page("blog/post.md", "en")
	postFR := s.Page("blog/post.md", "fr")
	elements := s.Page("docs/elements/_index.md", "en")
	tests := []struct {
		name      string
		from      *Page
		dest, url string
	}{
		// Zola: a path from the content folder, with a language suffix for
		// a translation's file; the link goes to the linking page's
		// language.
		{"zola bundle", editing, "@/support/osm-notes/index.md", "/web-map-doc/support/osm-notes/"},
		{"zola bundle as a page", editing, "@/support/osm-notes.md", "/web-map-doc/support/osm-notes/"},
		{"zola page", editing, "@/blog/post.md", "/web-map-doc/blog/post/"},
		{"zola page with anchor", editing, "@/blog/post.md#top", "/web-map-doc/blog/post/#top"},
		{"zola section", post, "@/docs/api/_index.md", "/web-map-doc/docs/api/"},
		{"zola home", post, "@/_index.md", "/web-map-doc/"},
		{"zola suffix, from the language", postFR, "@/blog/post.fr.md", "/web-map-doc/fr/blog/post/"},
		{"zola suffix, from another language", post, "@/blog/post.fr.md", "/web-map-doc/blog/post/"},
		{"zola suffix, only in that language", post, "@/blog/seul.fr.md", "/web-map-doc/blog/seul/"},
		{"zola default file from a translation", postFR, "@/blog/post.md", "/web-map-doc/fr/blog/post/"},
		{"zola dotted name is no suffix", post, "@/blog/release.1.0.md", "/web-map-doc/blog/release.1.0/"},
		// Docusaurus: relative URLs without and with their final slash,
		// read from the page's URL without its slash, as Docusaurus
		// serves /docs/elements/layer.
		{"slash-less", layer, "../api/mapml-viewer-api", "/web-map-doc/docs/api/mapml-viewer-api/"},
		{"trailing slash", layer, "../api/mapml-viewer-api/", "/web-map-doc/docs/api/mapml-viewer-api/"},
		{"slash-less with anchor", layer, "../api/mapml-viewer-api#attributes", "/web-map-doc/docs/api/mapml-viewer-api/#attributes"},
		{"slash-less sibling", layer, "../elements", "/web-map-doc/docs/elements/"},
		{"slash-less from a translation", layerFR, "../api/mapml-viewer-api", "/web-map-doc/fr/docs/api/mapml-viewer-api/"},
		{"a browser's reading comes first", layer, "../", "/web-map-doc/docs/elements/"},
		{"from a section", elements, "layer", "/web-map-doc/docs/elements/layer/"},
		// From the root, with and without the base path, slash-less too.
		{"root with base path", post, "/web-map-doc/docs/elements/layer/", "/web-map-doc/docs/elements/layer/"},
		{"root without base path", post, "/docs/elements/layer/", "/web-map-doc/docs/elements/layer/"},
		{"root slash-less", post, "/docs/elements/layer", "/web-map-doc/docs/elements/layer/"},
		{"root from a translation", postFR, "/docs/elements/layer/", "/web-map-doc/fr/docs/elements/couche/"},
		{"root with base path from a translation", postFR, "/web-map-doc/docs/elements/layer", "/web-map-doc/fr/docs/elements/couche/"},
		{"root naming the language", post, "/fr/docs/elements/couche/", "/web-map-doc/fr/docs/elements/couche/"},
		// An old URL (aliases:) goes to its page, read in any of the ways.
		{"alias from the root", post, "/docs/old-api/", "/web-map-doc/docs/api/mapml-viewer-api/"},
		{"alias with base path", post, "/web-map-doc/docs/old-api", "/web-map-doc/docs/api/mapml-viewer-api/"},
		{"alias relative", layer, "../old-api/", "/web-map-doc/docs/api/mapml-viewer-api/"},
		{"alias from a translation", postFR, "/docs/old-api/", "/web-map-doc/fr/docs/api/mapml-viewer-api/"},
		// A page's URL without its final slash, whatever dots its name
		// has, as a static host redirects it to the folder.
		{"root slash-less, dotted name", post, "/blog/release.1.0", "/web-map-doc/blog/release.1.0/"},
		{"relative slash-less, dotted name", post, "release.1.0#notes", "/web-map-doc/blog/release.1.0/#notes"},
		// An absolute URL on the site's own base URL, as imported sites
		// link to themselves, is a path from the root.
		{"own base URL", post, "https://maps4html.org/web-map-doc/docs/elements/layer", "/web-map-doc/docs/elements/layer/"},
		{"own base URL, query and fragment", post, "https://Maps4HTML.org/web-map-doc/docs/elements/layer/?v=2#attributes", "/web-map-doc/docs/elements/layer/?v=2#attributes"},
		{"own base URL, escaped", post, "https://maps4html.org/web-map-doc/docs/elements/l%61yer", "/web-map-doc/docs/elements/layer/"},
		{"own base URL from a translation", postFR, "https://maps4html.org/web-map-doc/docs/elements/layer", "/web-map-doc/docs/elements/layer/"},
		{"own base URL of a translation", post, "https://maps4html.org/web-map-doc/fr/docs/elements/couche", "/web-map-doc/fr/docs/elements/couche/"},
		{"own base URL, its home", post, "https://maps4html.org/web-map-doc", "/web-map-doc/"},
		{"own base URL, an alias", post, "https://maps4html.org/web-map-doc/docs/old-api", "/web-map-doc/docs/api/mapml-viewer-api/"},
		// Other URLs, and URLs of the site that name nothing, are left
		// as written.
		{"own base URL naming nothing", post, "https://maps4html.org/web-map-doc/stats/", "https://maps4html.org/web-map-doc/stats/"},
		{"same host, outside the base path", post, "https://maps4html.org/docs/elements/layer", "https://maps4html.org/docs/elements/layer"},
		{"same host, other scheme", post, "http://maps4html.org/web-map-doc/docs/elements/layer", "http://maps4html.org/web-map-doc/docs/elements/layer"},
		{"other host", post, "https://example.org/web-map-doc/docs/elements/layer", "https://example.org/web-map-doc/docs/elements/layer"},
		// sitegen's own forms are unchanged.
		{"file", layer, "../api/mapml-viewer-api.md", "/web-map-doc/docs/api/mapml-viewer-api/"},
		{"file from the language folder", layer, "/blog/post.md", "/web-map-doc/blog/post/"},
	}
	for _, tt := range tests {
		got, err := s.Resolve(tt.from, tt.dest)
		if err != nil || got != tt.url {
			t.Errorf("%s: Resolve(%s %q) = %q, %v; want %q", tt.name, tt.from.Lang.Code, tt.dest, got, err, tt.url)
		}
	}
}

// TestLinkFormErrors: a link that names nothing, or more than one page,
// says so and what to write.
func TestLinkFormErrors(t *testing.T) {
	s := movedSite(t)
	layer := s.Page("docs/elements/layer.md", "en")
	post := s.Page("blog/post.md", "en")
	tests := []struct {
		from      *Page
		dest, err string
	}{
		{post, "@/blog/nope.md", `link to "@/blog/nope.md": no such page in any language (looked for content/<lang>/blog/nope.md, as Zola reads @/ from the content folder)`},
		{post, "@/blog/nope.fr.md", `link to "@/blog/nope.fr.md": no such page in any language (looked for content/<lang>/blog/nope.fr.md, as Zola reads @/ from the content folder)`},
		{post, "@/blog/", `link to "@/blog/": a link starting with @/ (as Zola writes them) names a .md file below content/<lang>/, such as @/blog/post.md; add the file name`},
		{post, "@/../x.md", `link to "@/../x.md" goes outside content/<lang>/`},
		{post, "@/blog/draft.md", `link to "@/blog/draft.md" goes to a draft, which is not published; publish it or remove the link`},
		{layer, "../api/nope", `link to "../api/nope": no page or file has the URL /docs/elements/api/nope (the link read from this page's URL /docs/elements/layer/) nor /docs/api/nope (read from /docs/elements/layer, the page's URL without its final slash, as Docusaurus serves pages); link to the page's .md file, relative to this file`},
		{layer, "../api/viewer-api", `link to "../api/viewer-api": no page or file has the URL /docs/elements/api/viewer-api (the link read from this page's URL /docs/elements/layer/) nor /docs/api/viewer-api (read from /docs/elements/layer, the page's URL without its final slash, as Docusaurus serves pages); link to the page's .md file, relative to this file`},
		{layer, "../posts/post", `link to "../posts/post": no page or file has the URL /docs/elements/posts/post (the link read from this page's URL /docs/elements/layer/) nor /docs/posts/post (read from /docs/elements/layer, the page's URL without its final slash, as Docusaurus serves pages); link to the page's file instead: ../../blog/post.md`},
		{post, "/web-map-doc/docs/api/", `link to "/web-map-doc/docs/api/" names more than one page or file: /web-map-doc/docs/api/ (content/en/docs/api/_index.md, the link's /web-map-doc/ read as the base path) and /web-map-doc/blog/post/ (content/en/blog/post.md, the link read below the base path, as /web-map-doc/web-map-doc/docs/api/); link to the file of the one it means instead: ../docs/api/_index.md or post.md`},
	}
	for _, tt := range tests {
		got, err := s.Resolve(tt.from, tt.dest)
		if err == nil || err.Error() != tt.err {
			t.Errorf("Resolve(%q) = %q, %v\nwant error %s", tt.dest, got, err, tt.err)
		}
	}
}

// TestLinkFileWins: a link to a path without its final slash goes to a
// folder of static/ that has an index.html, as it goes to a page; a file
// at the path itself comes first.
func TestLinkFileWins(t *testing.T) {
	cfg, diags := config.Parse([]byte(`base_url = "https://example.org/"
[[languages]]
code = "en"
name = "English"
`))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files := []*content.File{
		rawFile(t, "content/en/_index.md", "title: Home\n"),
		rawFile(t, "content/en/notes.md", "title: Notes\n"),
	}
	static := []string{"guide/index.html", "en/notes.v2", "en/notes.v2.txt"}
	s, diags := New(cfg, Input{Files: files, Static: static})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	home := s.Page("_index.md", "en")
	tests := []struct {
		dest, url, static string
	}{
		{"/guide", "/guide/", "guide/index.html"},
		{"/guide/#top", "/guide/#top", "guide/index.html"},
		{"https://example.org/guide?x", "/guide/?x", "guide/index.html"},
		{"/en/notes.v2", "/en/notes.v2", "en/notes.v2"},
		{"notes", "/en/notes/", ""},
	}
	for _, tt := range tests {
		l, err := s.Link(home, tt.dest)
		if err != nil || l.URL != tt.url || l.Static != tt.static {
			t.Errorf("Link(%q) = %q, static %q, %v; want %q, static %q", tt.dest, l.URL, l.Static, err, tt.url, tt.static)
		}
	}
}
