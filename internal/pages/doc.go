// Package pages is the site model: every page in every language, its URL,
// its translations, its place in the tree and the main menu, and the files
// published beside pages. It is pure: it reads no files and renders
// nothing, so every rule below is a plain function of the content files
// and the configuration.
//
// # Translation keys, languages and fallback pages
//
// Pages of different languages with the same translation key are
// translations of each other (see package content: the key is
// translation_key: or the file's path below content/<lang>/). The site has
// a page for every key in every language: the translation where it exists,
// and otherwise a fallback page in that language, which says that the page
// is not available in the language and links to the languages it is
// available in. So a reader who picks a language never meets a 404 or text
// in a language they did not pick. A page's translations are of one kind:
// a section's translations are sections, and the home pages are each
// other's translations.
//
// # URLs
//
// A page's URL is /<lang>/<segment>/.../ below the base URL's path, written
// as <lang>/<segment>/.../index.html, where <lang> is the language tag in
// lower case (/pt-br/ for pt-BR): the language's Prefix. With
// default_language_in_subdir = false in sitegen.toml the default language
// has none: its pages, fallback pages and files are at the root below the
// base path (/<segment>/.../), its home page at /, and the other languages
// keep their folders (Site.AtRoot). A page or file of that language whose
// URL would lie in another language's folder (content/en/da.md is /da/,
// the Danish home page) is an error that names both; so is a page whose URL
// needs a folder where the build writes a file (content/en/sitemap.xml.md).
// Each page stands below its section, the
// _index.md of its own folder in its own language, and its segment is the
// name of its file (without .md) or, for a section or page bundle, of its
// folder, unless that language's page sets slug:. So a section's slug
// renames its segment for all its children in that language:
// content/en/hjaelp/_index.md with slug: help puts
// content/en/hjaelp/bibliotek.md at /en/help/bibliotek/. Translations
// paired by translation_key: each follow their own file:
// content/en/checklists/licensing.md is /en/checklists/licensing/ and
// content/sv/checklistor/licenser.md is /sv/checklistor/licenser/.
//
// A page may move out of that tree: url: (Hugo's url:, Zola's path:, a
// slug: starting with "/") gives its path below the language folder,
// /<lang>/<url>/, and a slug: with "/" a path below its section. The
// pages below a moved section follow it. Each page so moved keeps the URL
// its file's and its sections' names give it as an alias (a redirect,
// and a link to it still resolves), unless another page, file or alias
// has that URL. See package content for the fields.
//
// A fallback page stands in for its source, the default language's
// version (else the first language's that exists): it takes the source's
// file name as its segment and stands below its language's version of the
// source's section, real or fallback. So with content/en/checklists/ and
// content/sv/checklistor/ paired as one section, a page only in Swedish,
// content/sv/checklistor/bara.md, has the fallback page /en/checklists/bara/.
// A folder that holds pages needs a section in the page's language, or a
// section of the same path in another language whose fallback page stands
// in for it. A folder of pages with no _index.md in any language gets a
// section made for it in every language (Hugo makes one for a top-level
// folder only; here every page stands below its folder's section): titled
// after the folder ("getting-started" is "Getting started", FolderTitle),
// listing its pages, with one warning for the folder that says to create
// the _index.md. A folder whose _index.md is a draft gets none: its
// published pages are an error.
//
// Two pages with one URL are an error that names both files and says to
// give one another url: or slug:, or to rename its file; so are URLs that
// differ only in case, since some hosts ignore case. When the two are dated
// on different days, as two posts with one slug that Hugo's permalinks
// (/:year/:month/:slug/) tell apart, it says to give each its old URL as
// url:. When the two are a page and the
// fallback page for a file of the same name with another translation key,
// the error says to give the files one translation_key.
//
// Besides the content pages the site has a language chooser at /, a 404
// page in each language at /<lang>/404.html and one in all languages at
// /404.html (Kind Root, NotFound and RootNotFound). With the default
// language at the root there is no chooser, / being that language's home
// page, and /404.html, which hosts serve for any miss outside the other
// languages' folders, is its 404 page (Kind RootNotFound, layout "404").
//
// # Menus
//
// A language's main menu is the pages with menu: main, by weight (a
// fallback page where the page is missing). An entry whose menu: gives a
// parent: (Hugo's menu: {main: {parent: docs}}) stands under the entry it
// names: the one whose identifier: is docs, else whose link title or
// title is. A parent that names no entry is a warning at the page, whose
// entry then stands at the top, and so is an entry whose parents lead
// back to it. A fallback page's entry stands under the translation of its
// source's parent. Site.Menu gives every entry in one list, MenuTop and
// SubMenu the tree. The footer (menu: footer) is one list.
//
// The taxonomy and term pages and numbered pages of long listings are
// described below.
//
// # Order
//
// A listing page (a home or section page, a term page) lists its pages in
// the order its front matter's sort_by: names (a fallback page its
// source's), else, when any of them has date:, by date, else by weight (a
// taxonomy or term page: by title) (SortOrder):
//
//   - weight: lowest weight first (no weight is 0), then by file name;
//   - date: the pages with a weight first, by weight (Hugo's default
//     order), then the newest first, then by title, then by file name;
//   - title: the pages with a weight first, then by title.
//
// Titles are compared by the collation of the listing's language
// (golang.org/x/text/collate: Æ, Ø, Å after Z in Danish) with numbers by
// value; file names (the path below content/<lang>/) in natural order
// (Natural): 2015-10-8 before 2015-10-19, whose bytes say otherwise. A
// date in a file name is no date; only date: is. Fallback pages have
// their source's date, weight and title, so every language lists a
// section in one order.
//
// # Taxonomies
//
// Each taxonomy named in sitegen.toml (taxonomies = ["tags"], the
// default) that a page uses has a page in every language,
// /<lang>/<taxonomy>/ (Kind Taxonomy), titled with its name in the UI
// strings (taxonomy_tags; Input.TaxonomyTitle), which lists its terms,
// and a page for each term, /<lang>/<taxonomy>/<term>/ (Kind Term),
// titled with the term as the pages write it, which lists the pages of
// its language with the term (Members). A term's URL segment is the term
// as headings make ids (Input.Slug): lower case, "-" for spaces and runs
// of other characters, the letters of every script kept ("Ærø & Å" is
// ærø-å); terms with one segment are one term.
//
// Either page may be written: content/<lang>/<taxonomy>/_index.md gives
// the taxonomy page's title, slug and text in that language, and
// content/<lang>/<taxonomy>/<term>/_index.md, the folder named as the
// term's segment, a term's. Written term pages pair across languages by
// translation_key like any page, so "fritagelse" in Danish and
// "exemption" in English are one term; pages written with the same term
// are too. A term that some languages' pages do not use has a fallback
// page in those, which lists its language's versions of its source's
// pages. Any other page in a taxonomy's folder is an error. A page's
// terms, linked, are TermPages.
//
// # Long listings
//
// A listing of more than [pagination] page_size pages of sitegen.toml (a
// section's page_size: overrides it; 0 never splits) is split into
// numbered pages (Pager): the listing page itself shows the first
// page_size pages, and pages at <listing>/page/2/, /page/3/, ... (Hugo's
// form) the rest; they are in Site.Special, with the listing's layout and
// fields. A numbered page's translations are the pages of the same number
// of its translations' listings, or their first page where they have
// fewer; only those of the same number are its alternates
// (Available).
//
// # Feeds
//
// Each listing page with real pages of its language with date: below it
// (at any depth; a term page's its members) has an Atom feed, atom.xml
// in its folder (Feed): the home page's is the whole language's. It
// holds the newest [feeds] entries of them, never a fallback page, a
// draft or a page without date:. Pages link to their own feed, the
// nearest one above them and their language's (Page.Feeds). Package
// atom writes them.
//
// # Files beside pages
//
// A file under content/<lang>/ that is not Markdown (a Resource) is
// published in its folder's URL folder in that language: in a page
// bundle's folder (content/da/faq/skærm.png of faq/index.md is
// /da/faq/skærm.png), in a section's (content/en/hjaelp/brev.pdf is
// /en/help/brev.pdf when the section has slug: help), or, in a folder
// without a page, below its parent folder's URL by its own name. Each
// language publishes its own files only.
//
// # Links
//
// A Markdown link to another content file, relative to the linking file
// ("klage.md", "../hjaelp/_index.md#frist") or from the language folder
// ("/klage.md"), goes to that page in the linking page's language: the
// translation or its fallback page. The file may be any language's: the
// linking page's own language is looked in first, then the default
// language, then the others in order, so a Swedish page may link to an
// English file name and the other way round. faq.md and faq/index.md
// name the same page. A link to a file that exists in no language is an
// error.
//
// Zola's links from the content folder, "@/blog/post.md" and
// "@/support/notes/index.md", are read as "/blog/post.md" is: from the
// language folder. Zola names a translation's file with a language suffix,
// "@/blog/post.fr.md"; when no file has that name, it is fr's
// content/fr/blog/post.md (a dotted name that is no site language, as in
// "@/release-1.0.md", is a name). The link goes to the page in the linking
// page's language, as every link to a file does.
//
// A link written as a URL goes to the page or file with that URL, as the
// site it was written for served it. Percent-escapes are decoded, and a
// folder without its final slash gets it ("../api/viewer" and
// "../api/viewer/" are one, and so are "/docs/v1.2" and "/docs/v1.2/"), as
// every static host redirects the one to the other; a file at the path
// itself comes first. A folder of static/ with an index.html is found as
// a page is. A path from the site root is read below the
// base path with the base path in front ("/udenmitid/en/about/") or without
// it ("/en/about/"); when the base path is in front it is also read as a
// path below the base path, as if it were not (/udenmitid/udenmitid/...),
// and the two readings naming two different pages or files is an error
// that lists both. A path from the root in a
// language's folder names that language's page; any other path names a
// page of the language at the root, or, when every language has its
// folder, the default language's page without its folder ("/about/" for
// /da/about/, as content written for Hugo has it where Hugo serves the
// default language at the root), and goes to that page in the linking
// page's language, as Docusaurus localizes such links. A relative URL
// ("../standards/") is read against the linking page's URL, as a browser
// reads it; when that finds nothing, against the URL without its final
// slash, as Docusaurus serves pages (/docs/elements/layer), where
// "../api/viewer" in docs/elements/layer.md is /docs/api/viewer/: the page
// file's folder. A URL may name a page in any language, or an alias of
// one (an old URL: aliases: in front matter) for the page it redirects
// to, a file beside a page or a file from static/ ("/files/x.pdf"), and
// is written out with the base path in front, its query and #fragment
// kept. A URL that matches nothing is an error, which suggests the .md
// file of the page whose file name or slug matches the URL's last segment
// when exactly one does. A path from the root with a file extension that
// matches nothing is left to sitegen check, which reports it when the
// build lacks the file.
//
// A relative link that is not a .md file is first a file beside the
// linking file: its own language's copy, else the default language's copy
// beside the default language's version of the page, else the default
// language's file of the same path, else, from a fallback page that shows
// its source's text ([fallback] show_default_text), the source's copy. So
// a translation that has no copy of an image uses the default language's.
//
// An absolute URL on the site's own base_url
// ("https://example.org/docs/faq" for base_url https://example.org/, as
// imported sites link to themselves) goes to the page or file at that
// URL, below the base path, whatever the linking page's language (an
// absolute URL names one page, in every generator: a translation's link
// to https://example.org/docs/faq/#q means that page and its heading),
// and is written as its URL; one that names nothing, on another
// scheme, or on the host outside the base path (another site there) is
// left as written, and sitegen check reports the first kind. Scheme and
// host compare without regard to case. A build with another base URL
// (sitegen build -base-url, for a deploy preview) leaves the URLs of the
// configured one as written. Other links with a scheme (https:, mailto:)
// or a host (//cdn.example) and links to an #id on the same page are left
// as written.
//
// # Aliases and other output files
//
// An alias (aliases: in front matter, see content.ParseAlias) is written
// as a small redirect page at its path below the base path: /da/gammel/
// as da/gammel/index.html, /da/gammel.html as that file, and an old
// address with another extension or none (/da/side.php, /da/gammel) as
// its folder's index.html, which hosts serve for it. An alias or a file
// beside a page that would write over any other output file is an error at
// the line or file that made it: a page or fallback page, the language
// chooser, a 404 page, another alias or file, and the files the build
// adds (Input.Reserved: the sitemap, robots.txt, _redirects, _headers, the
// search indexes, the files from static/), also when the alias would need
// a folder where another output is a file (an alias /sitemap.xml would be
// sitemap.xml/index.html). Names are compared as hosts on macOS and
// Windows compare them, ignoring case and Unicode normalization.
package pages
