// Package pages is the site model: every page in every language, its URL,
// its translations, its place in the tree and the main menu. It is pure: it
// reads no files and renders nothing, so every rule below is a plain
// function of the content files and the configuration.
//
// # Keys, languages and fallback pages
//
// A page's key is its path below content/<lang>/ ("hjaelp/bibliotek.md").
// Files with the same key are translations of each other. The site has a
// page for every key in every language: the translation where it exists,
// and otherwise a fallback page in that language, which says that the page
// is not available in the language and links to the languages it is
// available in. So a reader who picks a language never meets a 404 or text
// in a language they did not pick.
//
// # URLs
//
// A page's URL is /<lang>/<segment>/.../ below the base URL's path, written
// as <lang>/<segment>/.../index.html. Each segment is the name of the folder
// or file (without .md) unless that language's page sets slug:. A
// section's slug renames its segment for all its children in that
// language, so content/en/hjaelp/_index.md with slug: help puts
// content/en/hjaelp/bibliotek.md at /en/help/bibliotek/. A fallback page
// has the URL the page would have in its language. Two pages with one URL
// are an error, and so are URLs that differ only in case, since some hosts
// ignore case.
//
// Besides the content pages the site has a language chooser at /, a 404
// page in each language at /<lang>/404.html and one in all languages at
// /404.html.
//
// # Links
//
// A Markdown link to another content file, relative to the linking file
// ("klage.md", "../hjaelp/_index.md#frist") or from the language folder
// ("/klage.md"), goes to that key in the linking page's language: the
// translation or its fallback page. A link to a key that exists in no
// language is an error. Links with a scheme are left alone; a path from
// the site root ("/filer/brev.pdf") gets the base path in front.
package pages
