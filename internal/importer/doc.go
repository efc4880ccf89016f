// Package importer converts a site made for Hugo, Zola, Docusaurus or
// Jekyll into a sitegen site, once: sitegen import GENERATOR SRC DST.
//
// It converts only what sitegen cannot read as it is, and leaves the rest
// as the editors wrote it: front matter from other generators (linkTitle,
// url, extra, sidebar_position, id, ...), .markdown and .html pages,
// static files, links written the old site's way (Zola's @/, links from
// the root with the base path, slash-less URLs) are all sitegen's to read
// (see package content and package pages). SRC is only read. DST is a new
// or empty folder, or one an earlier import wrote, whose sitegen.toml,
// content/, static/, .sitegen/sources/ and report it replaces: importing
// again gives the same files, byte for byte.
//
// # Languages
//
// Every page goes to content/<lang>/ at its path in its language, so that
// translations pair by path, as sitegen pairs them:
//
//	Hugo        content/<lang>/ of each languages.<lang>.contentDir, or
//	            content/ with translations named about.<lang>.md
//	Zola        content/ with about.<lang>.md and _index.<lang>.md
//	Docusaurus  docs/ and i18n/<locale>/docusaurus-plugin-content-docs/current/
//	            (content/<lang>/docs/), blog/ and
//	            i18n/<locale>/docusaurus-plugin-content-blog/ (content/<lang>/blog/),
//	            src/pages/*.md
//	Jekyll      pages anywhere with lang: (jekyll-polyglot; the default
//	            language without; about.<lang>.md is about.md),
//	            _posts/ (content/<lang>/posts/)
//
// Pages whose paths differ pair by translation_key: Jekyll's page_id
// becomes one, and so does the permalink that pages of several languages
// share, as polyglot pairs them; Hugo's translationKey is read as it is.
// Of two files at one URL (Jekyll's index.html and index.md) the first
// by path is kept, the other left out with a report line. Jekyll's
// description per language (description: {en: ..., de: ...}) goes to
// each language; links that start with {{ site.baseurl }} or
// {{ site.url }} are written from the root. A content folder
// no language reads (Hugo's contentDir) is not imported, with a report
// line. Files beside pages go with them; a bundle's files in Zola serve
// every language and go to the default language's folder, which sitegen
// uses for translations that have no copy of their own.
//
// # Configuration
//
// sitegen.toml gets base_url (Docusaurus: url and baseUrl; where the old
// one is no absolute http(s) URL, as Hugo's baseURL "/", the placeholder
// https://example.org/ with the old base path, a comment and a report
// line to set it: sitegen builds only with an address), title,
// description, default_language, the languages in the source's order
// (weight) with their names (the source's, else the language's name in
// itself) and direction (Hugo's languageDirection, Docusaurus's
// localeConfigs direction; sitegen knows right-to-left scripts without
// it), each language's own title, and default_language_in_subdir = false
// where the default language was at the root (Hugo's default; Zola,
// Docusaurus and Jekyll always). Taxonomies: Hugo's [taxonomies] (tags and
// categories by default, none where disableKinds leaves them out), Zola's
// taxonomies; a Zola page's [taxonomies] terms become top-level fields, as
// sitegen reads terms. A taxonomy whose folder holds a section's pages
// (content/support/ with pages, and a taxonomy support: Zola writes the
// taxonomy's list over the section's page) is left out, with a report line:
// sitegen keeps a taxonomy's folder for its term pages, and the pages keep
// their terms in front matter. A taxonomy the theme has no name for (it
// names tags and categories) is named from its name in the default
// language's i18n/<lang>.toml (coverage_type: "Coverage type"), with a
// report line. Raw HTML in pages, which all four render, sets
// unsafe_html = true under [markdown], with a report line: sitegen allows
// it only where every editor is trusted. The rule the old site made
// heading ids with becomes heading_ids, so that #anchors into its pages
// still lead somewhere: Hugo's autoHeadingIDType ("blackfriday",
// "github-ascii"; its default "github" is sitegen's), and Zola's
// slugify.anchors = "on", its default, as "blackfriday", which gives
// Zola's ids to headings in ASCII (Zola spelt other letters in ASCII;
// sitegen keeps them). Zola's "safe" and "off" (the text, "_" for spaces)
// have no sitegen rule: a report line.
//
// A Docusaurus site with docs (the docs plugin not turned off with
// docs: false) gets [theme] sidebar = true and prev_next = true: each doc
// showed its section's sidebar and previous/next links there, and sitegen
// makes both from the sections and weights the import writes.
//
// Menus: an entry of Hugo's menus (main or footer; menus or menu, at the
// top or in a language) that names a page (url or pageRef, by its path or
// by its URL on the old site, a relative URL read from the language's home
// page) puts menu: and weight: in that page's front matter. An entry
// for another site, or a heading with no link, is a report line (sitegen's
// menus list pages). Docusaurus's sidebar order becomes weight: on the docs
// that set no sidebar_position.
//
// # Shortcodes and components
//
// What has a plain-Markdown form is converted; the shortcode's text inside
// is converted too, so they nest:
//
//	callout, notice, hint, alert, admonition, note, tip, warning, ...
//	    (Hugo, Zola)  and :::note, :::tip, :::info, :::warning, :::danger,
//	    :::caution (Docusaurus), <Admonition>
//	        a GitHub alert: > [!NOTE], [!TIP], [!IMPORTANT], [!WARNING],
//	        [!CAUTION]; a title is its first line, in bold
//	details, collapse, expand, spoiler (Hugo, Zola), <details> with
//	    <summary> (Docusaurus)
//	        a disclosure: ::: details Summary ... :::
//	figure, image, img with src (Hugo, Zola)
//	        an image, with its caption on the line below in emphasis
//	tabs, tab (Hugo, Zola), <Tabs>, <TabItem label> (Docusaurus)
//	        a heading for each tab, one level below the heading before it
//	quote, blockquote (Zola, Hugo)
//	        a block quote, its author on its last line
//	ref, relref (Hugo)
//	        a link to the page's file, relative to the linking page
//	{% highlight lang %} (Jekyll)
//	        a fenced code block
//	{/* comment */} (MDX)
//	        an HTML comment
//
// Imports of the components it converts (Tabs, TabItem) are removed.
// Shortcodes and tags in code and in HTML comments are left alone.
//
// Nothing is dropped. What has no Markdown form (a shortcode a theme's
// layout makes from data or HTML, a React component, an MDX import or
// export, a Liquid include or variable) stays in the page as code, where
// the reader sees it and no template runs it: a block of code when it
// stands on lines of its own, a code span inside a line. Each is a line of
// the report. Text a Zola page holds in extra: (a landing page's sections),
// which the old templates showed, stays in its front matter, where layouts
// read it, but sitegen's theme does not show it: one report line counts
// those pages and their words. So does one line for Zola's sections with
// transparent: true, whose pages Zola listed in the parent's list and
// sitegen lists as a section of their own. The old site's RSS feeds (Hugo's
// index.xml or outputFormats.RSS.baseName, Zola's feed_filenames other than
// atom.xml) are a report line too: sitegen writes Atom feeds, atom.xml, and
// the old feed URLs need a redirect at the host.
//
// # Files, sections and URLs
//
// An .mdx file is written .md. A Docusaurus index.md or README.md is its
// folder's _index.md, and the doc with slug: / the docs' front page,
// docs/_index.md; a file or folder name a URL may not hold (a space) is
// renamed with "-", and the pages that link or embed it follow. Links from
// one page's file to another's that the import moved (about.fr.md,
// api.mdx) are rewritten to the file's new place.
//
// Docusaurus copies static/ into every locale's build, so a translated doc
// may reach static/demo/x/ as ../../demo/x/ from /fr/docs/page/ (that is
// /fr/demo/x/); sitegen publishes static/ once, at the root, and such a
// relative URL, in raw HTML (src=, href=) or a Markdown link, gets one
// more step up per folder of the locale, so that it reaches the file at
// the root under any base path.
//
// Every folder of pages gets an _index.md where the source has none:
// titled from Docusaurus's _category_.json or the sidebar category whose
// docs are all in that folder (in another language from its
// current.json), a taxonomy's folder (categories/) from the old site's
// word for it in that language (Hugo's i18n/<lang>.toml) or else the
// theme's UI string (taxonomy_categories), else from the folder's name.
// Another language gets its own only when the title is in that language;
// elsewhere sitegen's fallback page stands in for it. Drafts (draft:
// true) stay drafts; the report counts them.
//
// Every page's URL is worked out as the old site made it (Hugo: url:,
// permalinks, uglyURLs, lower case; Zola: path:, slug:, a date before the
// name; Docusaurus: slug: from the docs route, id:, number prefixes;
// Jekyll: permalink:, posts' dates) and as sitegen will make it. Where they
// differ, the old URL is added to the page's aliases:, unless another page
// has it now (a report line). A Docusaurus slug: from the docs route
// becomes url: (the route in front) or, where the file's place gives the
// same URL, goes. A Hugo page a permalink pattern placed (/:year/:month/
// :day/:slug/) keeps that URL as its url:, its .html form (uglyURLs) an
// alias; a language's own [languages.<lang>.permalinks] comes before the
// site's, and a section's pattern (permalinks.section) makes the
// section's old URL an alias. "URLs kept" in the report counts the pages
// whose old URL, so worked out, is their new one. A date at the start of
// a Zola or Jekyll post's name becomes its date: and the rest its slug:
// (Jekyll's permalink: pretty: its URL ends in "/", not ".html").
//
// A static file at the path of a static file of the built-in theme
// (css/site.css) or of a file the build writes (sitemap.xml, _redirects,
// _headers, index.html, 404.html, atom.xml) is moved aside to
// name.old.ext in its folder, with a report line: published as it is it
// would take that file's place (an unstyled site, a feed that never
// changes). A part of an old sitemap in parts at the root
// (sitemap-1.xml: the build reserves these names for its own, see package
// hosting) is moved aside to old-sitemap-1.xml, since sitemap-1.old.xml
// is such a name too. The pages' root links to a theme file follow it;
// links to /sitemap.xml or /atom.xml stay, for they mean the file
// sitegen writes.
// static/robots.txt stays where it is, with a report line: it holds the
// owner's rules (Disallow lines, crawler blocks), and the build publishes
// it in place of the generated one, as Hugo copies static/robots.txt
// (package hosting). The line asks for "Sitemap: <base_url>sitemap.xml"
// when the file names no sitemap or names another. A Hugo site's
// robots.txt template (enableRobotsTXT with layouts/robots.txt, or its
// theme's) is not imported, as no layout is: a report line says to write
// its rules in static/robots.txt.
//
// # Which version a translation was made from
//
// sitegen records in a translation's translated_from the hash of the
// default-language page it was made from (package content); the old site
// kept no such record, and without one every translation would be
// reported outdated. So every translation gets one:
//
//   - When SRC is in a git work tree (and git is installed), each is
//     stamped with its source as it was when the translation last
//     changed: the source file committed at the translation's last commit
//     that changed its title or text (a commit that only moved it, or only
//     changed its other front matter, as one sweeping through every
//     language does, is not when it was translated; a file moved with its
//     text is followed through its old names), converted as the import
//     converts the page now; an old version whose other front matter
//     sitegen refuses (a date Hugo read) with its title and text only. A translation older than its source
//     is then outdated, and that older source is written to
//     .sitegen/sources/<hash>.md, where sitegen check and sitegen diff
//     find what changed since (package history). A translation changed
//     since the last commit, or never committed, is stamped against the
//     source as it is; one made before its source's file existed, against
//     the source's first version.
//   - Without git history, each is stamped against its source as it is,
//     and a report line says how many.
//
// The report counts the translations stamped as current and as outdated.
// As everywhere in sitegen, the hash covers a page's title and text: a
// source whose other front matter changed (text in Zola's extra:) does
// not make its translations outdated. A commit that changed a
// translation's text without translating it (a fixed link in every
// language) still makes it look as new as that commit.
//
// # The report
//
// DST/import-report.txt (ReportFile), also summed up on the terminal,
// counts the pages, the files changed, copied as they are and added, the
// URLs kept and changed, the translations stamped as current and as
// outdated, and lists what to check by hand, one line each,
// as path:line: what; what to do. One thing found at several lines of a
// file is one line naming the others. Not imported, each with a line:
// layouts, themes, stylesheets, data files and UI strings (sitegen's theme
// has its own), the old menu entries that are not pages, and React pages
// (a Docusaurus home page: each language's home is titled from the site's
// title).
package importer
