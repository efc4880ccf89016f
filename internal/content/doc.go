// Package content reads a site's content folder: it finds every Markdown
// file and every file beside one, knows each file's language and key, and
// splits and checks front matter. It knows nothing of URLs or layouts;
// package pages builds the site from the files it returns.
//
// # Files
//
//	content/<lang>/_index.md             the home page of a language
//	content/<lang>/<dir>/_index.md       a section: a page that lists its children
//	content/<lang>/<dir>/<name>.md       a page
//	content/<lang>/<dir>/<name>/index.md a page bundle: the page <name> and its files
//	content/<lang>/<dir>/<file>          any other file, published beside its page
//
// <lang> is one of the language tags in sitegen.toml, in any case
// (content/pt-BR/ or content/pt-br/). A file's key is its path below
// content/<lang>/, such as "hjaelp/_index.md" or "klage.md". Every folder
// that holds pages has an _index.md in its language or in the language
// whose version stands in for it (see package pages).
//
// A page bundle, as Hugo and Zola write it, is a folder with an index.md:
// faq/index.md is the page faq, like faq.md would be, and the images and
// other files in faq/ (and its subfolders) are its files. A bundle holds
// no other pages and no _index.md. Files that are not Markdown may also
// stand in a section's folder or in a folder of their own; package pages
// says where each is published.
//
// # Names
//
// File and folder names become URL segments, so they may hold letters and
// combining marks of any script, digits, "-", "_" and "." (release-1.0.md),
// with "." neither first nor last. Names are read in Unicode normalization
// form C (NFC): a name macOS saved decomposed, "a" and a combining ring,
// is the name "å", and its URL is NFC. A character a name may not hold is
// named in the error by its code point and Unicode name (U+0020 SPACE,
// U+2013 EN DASH "–"). Symbolic links are refused: the site is what
// is inside its folder. content/ itself may be a link to a folder inside
// the site, not to one outside it (CheckFolder).
//
// # Text
//
// A file must be UTF-8; a byte order mark and CRLF line endings are
// accepted. Its text is put in NFC as it is read, once: text pasted from
// macOS or a PDF often spells "å" decomposed, and from here on names,
// headings, ids, links and the search index all see one spelling.
//
// # Files beside pages
//
// A file beside a page is media or a document: an image, audio, video,
// subtitles, an office document or PDF, a data file (CSV, JSON, text,
// calendar, vCard), a font or an archive, by its extension in any case
// (MediaExtensions lists them). Editors of content/ may not run script on
// the site (SECURITY.md), and the site's own files may (script-src 'self'),
// so HTML and JavaScript files are errors at the file, and so is an SVG
// that holds script, event handlers, javascript: URLs, <foreignObject> or
// references to other hosts, at its line (CheckResource). Scripts belong
// in static/, which the site's developers own. A file of any other kind is
// an error too. A site that sets unsafe_html = true under [markdown] in
// sitegen.toml trusts every editor, and publishes any file as it is.
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
// Every page starts with front matter: YAML between two lines of "---",
// or TOML between two lines of "+++" (as Hugo and Zola write it), with the
// same fields:
//
//	---
//	title: Klag over et afslag          # required: the page's h1 and <title>
//	description: Sådan klager du ...    # listings, search, <meta>; check warns without it
//	slug: complaints                    # URL segment in this language (default: the file name)
//	weight: 20                          # order among siblings, lowest first (default 0, then by key)
//	menu: main                          # show in the main navigation; footer: in the footer; or [main, footer]
//	updated: 2026-11-22                 # date shown on the page and in the sitemap
//	draft: true                         # only shown by sitegen serve
//	aliases: [/da/gammel-side/]         # old URLs that redirect here (see ParseAlias)
//	translation_key: complaints         # pairs the page with the other languages' pages with this key
//	translated_from: 3f9a1c2b0d4e       # hash of the default-language page this translates (sitegen stamp)
//	needs_review: true                  # the translation awaits review by a native speaker; the page says so at its top
//	layout: letter                      # use layouts/letter.html instead of page.html
//	params:                             # site-specific values for the site's own layouts
//	  icon: star                        #   read as {{ .Page.Params.icon }}
//	---
//
// Field names are matched without regard to case, as Hugo matches them.
// Fields other generators write are understood where they mean something
// here: date: and lastmod: are dates like updated:, and the newest of the
// three is the page's date (a moment such as 2024-03-01T10:00:00+01:00
// counts as its day); translationKey: is translation_key:; Hugo's menu:
// {main: {weight: 10}} is menu: main, its weight the page's when weight:
// is not set. Fields that
// mean nothing here (url, tags, categories, publishDate, summary, type,
// ...) are errors that say what to write instead; values only the site's
// layouts use belong under params:. Any other unknown field is an error
// with a "did you mean" for a near miss (titel: -> title), so a typo is
// caught. YAML anchors and aliases are refused (they can expand without
// bound).
//
// # Translation keys
//
// A page's translation key (File.TranslationKey) pairs it with its
// translations: pages of different languages with the same key are
// translations of each other. The key is translation_key: when it is set,
// and the file's key otherwise, with a bundle's faq/index.md written
// faq.md. So content/da/klage.md and content/en/klage.md are translations
// without a word said, and content/en/checklists/licensing.md with
// translation_key: licensing pairs with content/sv/checklistor/licenser.md
// with the same line. A translation_key: may name another file's key
// (translation_key: klage.md) to pair with a file that sets none. Two
// pages of one language with the same key are an error.
package content
