// Package content reads a site's content folder: it finds every Markdown
// file, knows its language and key, and splits and checks its front matter.
// It knows nothing of URLs or layouts; package pages builds the site from
// the files it returns.
//
// # Files
//
//	content/<lang>/_index.md             the home page of a language
//	content/<lang>/<dir>/_index.md       a section: a page that lists its children
//	content/<lang>/<dir>/<name>.md       a page
//
// <lang> is one of the languages in sitegen.toml. A file's key is its path
// below content/<lang>/, such as "hjaelp/_index.md" or "klage.md". Files
// with the same key in different languages are translations of each other.
// Every folder that holds pages has an _index.md in at least one language.
//
// File and folder names become URL segments, so they may hold letters (any
// script), digits, "-" and "_" only. Files that are not Markdown belong in
// static/. Symbolic links are refused: the site is what is inside its
// folder.
//
// # Ignored files
//
// The files editors, merge tools and operating systems leave beside the
// ones you edit are ignored in every folder of the site, by sitegen build,
// check and serve alike, and never published: hidden names (".DS_Store",
// ".#klage.md"), backups ("klage.md~", "klage.md.bak", "klage.md.orig",
// "klage.md.rej"), autosaves and swap files ("#klage.md#", ".klage.md.swp",
// "klage.md.tmp") and a few more; Ignored lists them all.
//
// # Front matter
//
// Every file starts with YAML front matter between two lines of "---":
//
//	---
//	title: Klag over et afslag          # required: the page's h1 and <title>
//	description: Sådan klager du ...    # required: listings, search, <meta>
//	slug: complaints                    # URL segment in this language (default: the file name)
//	weight: 20                          # order among siblings, lowest first (default 0, then by key)
//	menu: main                          # show in the main navigation; footer: in the footer; or [main, footer]
//	updated: 2026-11-22                 # date shown on the page and in the sitemap
//	draft: true                         # only shown by sitegen serve
//	aliases: [/da/gammel-side/]         # old URLs that redirect here
//	translated_from: 3f9a1c2b0d4e       # hash of the default-language page this translates (sitegen stamp)
//	needs_review: true                  # the translation awaits review by a native speaker
//	layout: letter                      # use layouts/letter.html instead of page.html
//	---
//
// An unknown field is an error, so a typo such as "titel:" is caught. YAML
// anchors and aliases are refused (they can expand without bound). The
// file must be UTF-8; a byte order mark and CRLF line endings are accepted.
package content
