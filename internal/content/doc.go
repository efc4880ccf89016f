// Package content reads a site's content folder: it finds every page
// (Markdown, and HTML with front matter) and every file beside one, knows each file's language and key, and
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
// that holds pages has a section: an _index.md in its language or in the
// language whose version stands in for it, or, where no language has one,
// one that package pages makes.
//
// A page bundle, as Hugo and Zola write it, is a folder with an index.md:
// faq/index.md is the page faq, like faq.md would be, and the images and
// other files in faq/ (and its subfolders) are its files. A bundle holds
// no other pages and no _index.md. Files that are not Markdown may also
// stand in a section's folder or in a folder of their own; package pages
// says where each is published.
//
// # Pages and other files
//
// Every file below content/<lang>/ is a page, a file beside a page, or an
// error; none is published as a copy of a page's source:
//
//   - .md and .markdown files, in any letter case (klage.MD,
//     indlæg.Markdown), are Markdown pages. A page's key is written with
//     ".md" whatever its file's extension (PageKey), so posts/x.markdown
//     pairs with another language's posts/x.md, a link may name either,
//     and two spellings of one page in one folder are an error.
//   - An .html or .htm file that begins with front matter is an HTML page,
//     as Hugo reads one (File.HTML): its body is the page's HTML, used as
//     it is. That is raw HTML, which a site allows only where every editor
//     is trusted (SECURITY.md), as it allows raw HTML in Markdown: without
//     [markdown] unsafe_html = true in sitegen.toml an HTML page is an
//     error that says so.
//   - An .mdx file (Markdown with JSX) is an error that says to rename it
//     to .md and write its components in Markdown; any other file that
//     begins with front matter (reStructuredText, AsciiDoc, a .txt) is an
//     error that says to convert it to Markdown or remove the front matter.
//   - Every other file is published beside the pages (see CheckResource
//     for the kinds a site that does not trust every editor publishes).
//
// Drafts (draft: true, or a publish_date to come) are left out in every
// form.
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
//	link_title: Klage                   # the label in menus, listings and breadcrumbs (default: title)
//	summary: Frister og adresser.       # in listings, in place of the description
//	slug: complaints                    # URL segment in this language (default: the file name)
//	url: /hjaelp/klage/                 # the page's URL below its language folder (see URLs below)
//	weight: 20                          # order among siblings, lowest first (default 0, then by key)
//	menu: main                          # show in the main navigation; footer: in the footer; or [main, footer]
//	updated: 2026-11-22                 # date shown on the page and in the sitemap
//	publish_date: 2026-12-01            # not published before this day (or moment)
//	expiry_date: 2027-06-30             # not published from this day (or moment) on
//	draft: true                         # only shown by sitegen serve
//	aliases: [/da/gammel-side/]         # old URLs that redirect here (see ParseAlias)
//	translation_key: complaints         # pairs the page with the other languages' pages with this key
//	translated_from: 3f9a1c2b0d4e       # hash of the default-language page this translates (sitegen stamp)
//	needs_review: true                  # the translation awaits review by a native speaker
//	layout: letter                      # use layouts/letter.html instead of page.html
//	params:                             # site-specific values for the site's own layouts
//	  icon: star                        #   read as {{ .Page.Params.icon }}
//	---
//
// Field names are matched without regard to case, as Hugo matches them.
//
// # Front matter from other generators
//
// A site moved from Hugo, Zola, Docusaurus or Jekyll keeps its front
// matter. Fields with a meaning here are used under any of their names:
//
//	Hugo        translationKey      -> translation_key
//	            linkTitle           -> link_title
//	            publishDate         -> publish_date (pubDate too)
//	            expiryDate          -> expiry_date
//	            date, lastmod       -> dates like updated (the newest is the page's)
//	            url, summary        -> url, summary
//	            menus               -> menu
//	            menu: {main: {weight: 10, parent: docs, identifier: faq}}
//	                                -> menu: main, weight (when weight is not set),
//	                                   under the entry named docs (package pages)
//	Zola        extra               -> params (params wins where both name a value)
//	            path                -> url
//	Docusaurus  sidebar_position    -> weight (a whole number)
//	            sidebar_label       -> link_title
//	            slug: /a/b/         -> url; slug: a/b is a path below the section
//	            id                  -> the URL segment when there is no slug
//
// Every other field is kept, not refused: it is a value for layouts in
// .Page.Params under its name in lower case (Hugo's toc: is
// {{ .Page.Params.toc }}), and sitegen check lists such fields once a name
// with the number of files (Meta.Unused); the build says nothing of them.
// Taxonomies (tags:, categories:, Zola's taxonomies:) are kept in params
// until sitegen has taxonomies of its own (issue 26). A field one edit
// from a sitegen field's name (two for names of five letters or more, and
// two neighbouring letters swapped count as one) that no other generator
// defines is a misspelling: an error with a "did you mean" (titel: ->
// title:, descripton: -> description:), which a value of the site's own of
// such a name avoids by standing under params:. Two names of one field
// (linkTitle: and sidebar_label:) in one file are an error. YAML anchors
// and aliases are refused (they can expand without bound).
//
// A page whose publish_date: is still to come, or whose expiry_date: has
// come, is held back as a draft is (Meta.Held): sitegen build leaves it
// out, sitegen serve shows it with the draft banner.
//
// # URLs
//
// A page's URL follows its file's name and its sections' (package pages).
// slug: renames the page's own segment. url: (Hugo's, Zola's path:, or a
// slug: that starts with "/", as Docusaurus writes it) is the whole path
// below the language folder: url: /docs/x/ on an English page is
// /en/docs/x/; the language folder may lead it (url: /en/docs/x/, as a
// Hugo site writes it for a language other than its default one). A slug:
// with "/" that does not start with one is a path below the page's
// section. Each segment of either is a URL segment (see CheckSegment); a
// url: that names a file (/about.html) or the home page (/) is an error
// that says what to write. The URL the page had by its file's name becomes
// an alias of the new one (package pages).
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
