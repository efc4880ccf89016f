// Package theme is sitegen's built-in theme: the layouts, UI strings,
// stylesheet and search script every site starts from. It belongs to no
// site: the site's name, description and logo come from sitegen.toml, and
// its footer links from the pages with menu: footer.
//
// A site changes the theme file by file: its own layouts/<name>.html,
// i18n/<lang>.toml and static/<name> replace the theme's file of the same
// name (an i18n file replaces the theme's messages one id at a time).
//
// # Layouts
//
//	layouts/base.html               the skeleton: head, skip link, header, breadcrumbs, main, footer
//	layouts/home.html               a language's home page
//	layouts/section.html            a section and the list of its pages
//	layouts/page.html               a page
//	layouts/search.html             a search page (layout: search)
//	layouts/fallback.html           a page that is missing in the language
//	layouts/404.html                /<lang>/404.html; with the default language at the root, also its /404.html, with a line in each other language
//	layouts/root.html               the language chooser at / and the root 404.html (when every language has its folder)
//	layouts/alias.html              the redirect page of an old URL (aliases:)
//	layouts/partials/*.html         header, menu, switcher, breadcrumbs, hreflang links, table of contents, listing, footer
//	layouts/partials/footer_note.html  empty: a site's own line at the bottom of every page
//
// # UI strings
//
// i18n/<lang>.toml holds the strings of the layouts, and the labels of
// callouts (alert_note ... alert_caution, for GitHub alerts in Markdown),
// for the languages go doc ./internal/locale lists. Every string but the
// Danish and English ones is marked needs_review, as no native speaker has
// checked it yet; sitegen check lists them in its UI string status (the
// build warns only about a site's own marks). A site whose language the
// theme does not know writes its own i18n/<lang>.toml (a region or script
// of a language it knows, such as de-CH or sv-FI, uses that language's
// file: see locale.Chain); the build names every message id it needs. The
// locale package's tests hold every file here to en.toml's message ids, to
// the plural forms its language needs by CLDR, and its fallback notice to
// its own language, and find the files themselves: a file added here is
// tested and listed without being named anywhere.
package theme

import (
	"embed"
	"io/fs"
)

//go:embed layouts i18n static
var files embed.FS

// FS returns the theme's files: layouts/, i18n/ and static/.
func FS() fs.FS { return files }
