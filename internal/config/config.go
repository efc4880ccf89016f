// Package config reads a site's configuration file, sitegen.toml, at the
// root of the site.
//
// # The file
//
//	base_url = "https://example.github.io/udenmitid/"  # may have a path
//	default_language = "da"
//	default_language_in_subdir = true  # false: the default language's pages at /x/, the others' at /<lang>/x/
//	title = "Uden MitID"     # the site's name: header, <title>, language chooser (default: each home page's title)
//	description = "..."      # optional: one sentence about the site, for the language chooser
//	logo = "img/logo.svg"    # optional: a file in static/, shown before the name in the header
//
//	[[languages]]            # in the order the site shows them
//	code = "da"              # folder content/da/, i18n/da.toml, URL /da/
//	name = "Dansk"           # the language's name in itself
//
//	[[languages]]
//	code = "pt-BR"           # a BCP 47 tag may name a region or script
//	name = "Português (Brasil)"
//
//	[[languages]]
//	code = "kl"
//	name = "Kalaallisut"
//	title = "MitID-eqanngitsunut"  # the site's name in this language (default: the top-level title)
//	description = "..."            # likewise
//	dir = "ltr"                    # ltr or rtl (default: by the language's script; see Direction)
//
//	[params]                 # free strings for layouts: {{ .Site.Params.contact_email }}
//	contact_email = "..."
//
//	[headers]                # more sources in the Content-Security-Policy of _headers
//	img_src = ["https://images.example.org"]   # images embedded from elsewhere
//	connect_src = ["https://api.example.org"]  # data fetched by a site's own script
//
//	[markdown]
//	unsafe_html = false      # raw HTML in Markdown; keep it off unless every editor is trusted
//	heading_ids = "github"   # or "ascii", "github-ascii", "blackfriday"; see below
//	highlight = true         # colour fenced code that names its language (```go), with CSS classes
//
//	[theme]                  # the built-in theme's navigation within a section
//	sidebar = false          # the tree of the current section beside the text (a closed disclosure on phones)
//	prev_next = false        # links to the previous and next page in the section's reading order
//
//	[check]
//	lix_max = 40             # sitegen check warns above this LIX on default-language pages
//
//	[search]
//	list_all_max = 500       # the search page lists every page up to this many pages a language; above, the main sections
//
//	taxonomies = ["tags", "categories"]  # top level, before any table: the taxonomies (default ["tags"])
//
//	[feeds]                  # Atom feeds of dated pages
//	enabled = true           # false writes no feeds and links none
//	entries = 20             # the newest this many pages in each feed
//	full_text = false        # true puts each page's whole text in its entry, not its description
//
//	[pagination]
//	page_size = 0            # a listing of more pages is split into numbered pages; 0 never splits
//	[fallback]
//	show_default_text = false  # fallback pages show the default language's text below their notice
//
// An unknown key is an error, so a typo does not silently do nothing.
//
// # The default language at the root
//
// With default_language_in_subdir = true, the default, every language has
// its folder: /da/x/, /en/x/, and / is a language chooser. With false, as
// Hugo's defaultContentLanguageInSubdir = false has it (Hugo's default),
// the default language's pages are at the root below the base path (/x/,
// its home page at /) and the other languages' in their folders
// (/en/x/); / is then the default language's home page and /404.html its
// 404 page. See package pages for what else follows.
//
// # Language tags
//
// A language's code is a BCP 47 tag (RFC 5646): a language from ISO 639
// ("da", "kl"), optionally with a script ("zh-Hans", "sr-Latn"), a region
// ("pt-BR", "es-419") or a variant. The tag is kept as configured for the
// lang= and hreflang= attributes, where its case is conventional (pt-BR).
// Everything that is a name in a path uses the tag in lower case (Folder):
// the URL folder /pt-br/ and the output folder public/pt-br/, since URLs
// are case-sensitive and some hosts are not. The content folder may be
// written in either case (content/pt-BR/ or content/pt-br/: tags are
// case-insensitive, and so are the file systems of macOS and Windows); the
// UI strings are i18n/<tag>.toml, the tag as configured (i18n/pt-BR.toml),
// as translation tools name them. Two languages whose tags differ only in
// case are the same language.
//
// # The search page's list
//
// Without JavaScript, a language's search page lists the language's pages
// by section. It lists every page when the language has at most
// list_all_max pages (default DefaultListAllMax), and only the home page's
// children, the main sections, above that: on a large site a list of every
// page would be the heaviest page of the site, and the sections list their
// own pages. What is counted is the language's pages, its translations and
// fallback pages together, which is the number of the site's translation
// keys: every language has a page for each key, so the search pages of all
// languages make the same choice. 0 lists the main sections on any site.
// Layouts ask with {{ .SearchListAll }} (see the render package), so a
// site's own search.html follows the same rule.
//
// The threshold is not the search index's split (search.SplitPages, 300):
// that one weighs what a query downloads, this one the HTML of one page.
//
// # Taxonomies
//
// Each name in taxonomies is a taxonomy and the front matter field that
// lists a page's terms: with taxonomies = ["tags", "categories"], a page
// with tags: [MitID, Digital Post] is on the term pages of both tags. A
// name is lower case letters, digits, "_" and "-", and not a front matter
// field of its own (title, date, ...). A taxonomy other than tags and
// categories needs its name in the UI strings, taxonomy_<name> (see
// package pages and the README).
//
// # Feeds
//
// Every listing page (a home, section or term page) with dated pages
// (date: in front matter) below it gets an Atom feed, atom.xml in its
// folder, of its newest [feeds] entries pages (default DefaultFeedEntries).
// Its author is [params] author when set (as Hugo's feed templates read
// it), else the site's title in the feed's language. See package atom.
//
// # Pagination
//
// A listing of more than [pagination] page_size pages is split into
// numbered pages of that many: the listing's own URL, then page/2/,
// page/3/, ... below it (Hugo's form). A section's page_size: in front
// matter overrides it for that section; 0, the default, never splits.
// # Fallback pages
//
// A page missing in a language is a fallback page there: its title, a
// notice in the language that the page is not available in it, and links
// to the versions that exist, the default language's first. That is all,
// by default, as on mitid.dk. With show_default_text = true under
// [fallback], the fallback page also shows the default language's version
// of the text below the notice, marked with that language (lang and dir),
// so that a reader who reads it reads on, and links to #anchors of the page
// work (its headings keep their ids). Its links go to the pages in the
// fallback page's language, as a translation's would, and its images are
// the default language's. Fallback pages are never indexed by search
// engines (noindex), with or without the text: it is the default
// language's page's, which is indexed at its own address.
//
// # Heading ids
//
// Headings get ids from their text, which is what #anchors in links
// name. With heading_ids = "github", the default, ids keep the letters of
// every language, lower-cased, as GitHub and Hugo make them: "Sårbarhet
// och säkerhet" is #sårbarhet-och-säkerhet ("unicode", its old name, is
// read as "github"). With heading_ids = "ascii",
// letters are spelt in ASCII the way the page's language writes them
// without its own letters, and other characters are left out: "Sådan
// klager du" is #saadan-klager-du in Danish, "Größe" #groesse in German,
// "Överklaga" #overklaga in Swedish; a letter with more accents, or one
// Unicode does not split into letter and accent, is spelt as its base
// letter ("Ǻlborg" #aalborg in Danish, "Ǣ" #ae).
//
// A site moved from Hugo keeps the ids its pages and other sites link to
// with Hugo's rule, which sitegen import writes from Hugo's
// markup.goldmark.parser.autoHeadingIDType: "github-ascii" is GitHub's
// rule with accents taken off and every other character outside ASCII
// left out ("Café" #cafe, "Straße" #strae); "blackfriday", the rule of
// the renderer Hugo used before 0.60, keeps letters and numbers of every
// script and makes each run of other characters one "-", none at the ends
// ("Let's go" #let-s-go, "main.go" #main-go, where GitHub's rule gives
// #lets-go and #maingo). Either way "## Frist {#frist}" sets an id by
// hand. See the markdown package for the whole rule.
//
// # Highlighted code
//
// With highlight = true, the default, a fenced code block that names its
// language (```go, ```yaml, ```sh) is coloured when the site is built, by
// chroma (the library Hugo uses): each token is a <span> with a class, and
// the theme's stylesheet gives the classes their colours, so no page needs
// inline styles. Code in a language chroma does not know, or with no
// language, is shown as it is, in the same box. highlight = false leaves
// every block plain.
//
// # The section sidebar and previous/next links
//
// [theme] sidebar = true shows, on every page inside a section, the tree of
// the main section it is in (the home page's child it is below): beside the
// text on a wide screen, and as a closed disclosure on a phone. [theme]
// prev_next = true adds links to the previous and next page in that
// section's reading order. Both follow the sections and their order
// (weight, then file name): there are no menu entries to write. Both are
// off unless turned on. See the render package for what they show.
package config

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/udenmitid/sitegen/internal/diag"
)

// File is the name of the configuration file at the site root.
const File = "sitegen.toml"

// Config is a site's configuration.
type Config struct {
	BaseURL         string `toml:"base_url"`
	DefaultLanguage string `toml:"default_language"`
	// DefaultLanguageInSubdir puts the default language's pages in its
	// folder (/da/x/) like the others', as when true (the default); false
	// puts them at the root (/x/). See "The default language at the root".
	DefaultLanguageInSubdir bool              `toml:"default_language_in_subdir"`
	Title                   string            `toml:"title"`
	Description             string            `toml:"description"`
	Logo                    string            `toml:"logo"`
	Languages               []Language        `toml:"languages"`
	Params                  map[string]string `toml:"params"`
	Markdown                Markdown          `toml:"markdown"`
	Headers                 Headers           `toml:"headers"`
	Check                   Check             `toml:"check"`
	Search                  Search            `toml:"search"`
	Taxonomies              []string          `toml:"taxonomies"`
	Feeds                   Feeds             `toml:"feeds"`
	Pagination              Pagination        `toml:"pagination"`
	Theme                   Theme             `toml:"theme"`
	Fallback                Fallback          `toml:"fallback"`

	base *url.URL
}

// A Language is one of the site's languages.
type Language struct {
	Code        string `toml:"code"`        // BCP 47 tag as configured: "da", "pt-BR"
	Name        string `toml:"name"`        // the language's own name: "Kalaallisut"
	Title       string `toml:"title"`       // the site's name in the language; the top-level title if empty, and then the home page's
	Description string `toml:"description"` // the site's description in the language; likewise
	Dir         string `toml:"dir"`         // "ltr" or "rtl"; set from the code when empty
}

// Markdown holds Markdown options.
type Markdown struct {
	UnsafeHTML bool   `toml:"unsafe_html"`
	HeadingIDs string `toml:"heading_ids"` // one of HeadingIDStyles; "github" when unset
	Highlight  bool   `toml:"highlight"`   // highlight fenced code by its language; true when unset
}

// Theme switches parts of the built-in theme on. A site's own layouts
// read them as {{ .Site.Config.Theme.Sidebar }}.
type Theme struct {
	Sidebar  bool `toml:"sidebar"`   // the section sidebar
	PrevNext bool `toml:"prev_next"` // previous and next links
}

// Headers extends the security headers the build writes in _headers.
type Headers struct {
	ImgSrc     []string `toml:"img_src"`     // more sources for images, e.g. "https://images.example.org"
	ConnectSrc []string `toml:"connect_src"` // more sources for fetch and XMLHttpRequest
}

// The values of heading_ids (package markdown's IDStyle has the rules).
// "unicode", the old name of "github", is read as "github".
const (
	HeadingIDsGitHub      = "github"
	HeadingIDsASCII       = "ascii"
	HeadingIDsGitHubASCII = "github-ascii"
	HeadingIDsBlackfriday = "blackfriday"
)

// HeadingIDStyles are the values heading_ids may have.
var HeadingIDStyles = []string{HeadingIDsGitHub, HeadingIDsASCII, HeadingIDsGitHubASCII, HeadingIDsBlackfriday}

// Check holds thresholds for sitegen check.
type Check struct {
	LIXMax float64 `toml:"lix_max"`
}

// Search holds options of the search page.
type Search struct {
	// ListAllMax is the most pages a language may have for its search page
	// to list every page; above it, the list stops at the main sections.
	// See "The search page's list" in the package documentation.
	ListAllMax int `toml:"list_all_max"`
}

// Feeds holds the options of the Atom feeds.
type Feeds struct {
	Enabled  bool `toml:"enabled"`   // default true
	Entries  int  `toml:"entries"`   // the newest this many pages a feed; default DefaultFeedEntries
	FullText bool `toml:"full_text"` // each entry holds the page's whole text, not its description
}

// DefaultFeedEntries is [feeds] entries when sitegen.toml does not set it,
// as in Hugo and Zola's usual templates.
const DefaultFeedEntries = 20

// Pagination holds the options of long listings.
type Pagination struct {
	// PageSize is the most pages one page of a listing shows; a longer
	// listing is split into numbered pages. 0 never splits.
	PageSize int `toml:"page_size"`
}

// DefaultTaxonomies are the taxonomies of a site whose sitegen.toml names
// none.
var DefaultTaxonomies = []string{"tags"}

// Fallback holds options of fallback pages; see "Fallback pages" in the
// package documentation.
type Fallback struct {
	ShowDefaultText bool `toml:"show_default_text"` // show the default language's text below the notice
}

// DefaultListAllMax is list_all_max when sitegen.toml does not set it: the
// theme's search page listing 500 pages whose titles and URLs are about 40
// characters each is 54 KB of minified HTML.
const DefaultListAllMax = 500

// cspSource matches a CSP host-source or scheme-source (CSP Level 3,
// section 2.3.1): "https:", "https://example.org", "https://*.example.org:8443/path/".
// Keywords such as 'unsafe-inline' are refused: they would undo the policy.
var cspSource = regexp.MustCompile(`^(?:[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d+|\*))?(?:/[^\s;,']*)?)$`)

// langTag is the shape of a BCP 47 tag: letters, digits and "-", starting
// with the language. language.Parse then checks the subtags.
var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// Folder returns the name a language tag has in paths: the URL folder
// /pt-br/ and the output folder. It is the tag in lower case.
func Folder(tag string) string { return strings.ToLower(tag) }

// Folder returns the language's name in paths; see the package
// documentation.
func (l *Language) Folder() string { return Folder(l.Code) }

// CheckTag reports whether tag is a well-formed BCP 47 tag of a known
// language, script and region, as a language's code must be; the error
// names the tag, and no file.
func CheckTag(tag string) error {
	bad := fmt.Errorf("language code %q is not a BCP 47 language tag like \"da\", \"pt-BR\" or \"zh-Hans\"", tag)
	if !langTag.MatchString(tag) {
		return bad
	}
	if _, err := language.Parse(tag); err != nil {
		var ve language.ValueError
		if errors.As(err, &ve) {
			return fmt.Errorf("language code %q: %q is not a known subtag (ISO 639 language, ISO 15924 script, ISO 3166 region); Danish is \"da\", Brazilian Portuguese \"pt-BR\"", tag, ve.Subtag())
		}
		return bad
	}
	return nil
}

// Load reads and validates sitegen.toml from the root of fsys.
func Load(fsys fs.FS) (*Config, diag.List) {
	var diags diag.List
	if info, err := fs.Stat(fsys, File); err == nil && !info.Mode().IsRegular() {
		// A named pipe or a device would hang the build.
		diags.Errorf(File, 0, "not a regular file; make it the site's configuration file")
		return nil, diags
	}
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(File, 0, "missing: every site needs a %s at its root naming base_url and languages; run sitegen in the site's folder, or name it with -src (sitegen init DIR makes a new site)", File)
		} else {
			diags.Errorf(File, 0, "%v", err)
		}
		return nil, diags
	}
	return Parse(data)
}

// Parse parses and validates the contents of sitegen.toml.
func Parse(data []byte) (*Config, diag.List) {
	var diags diag.List
	var c Config
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			diags.Errorf(File, perr.Position.Line, "%s", perr.Message)
		} else if line, msg, ok := typeError(err); ok {
			diags.Errorf(File, line, "%s", msg)
		} else {
			diags.Errorf(File, 0, "%v", err)
		}
		return nil, diags
	}
	for _, k := range md.Undecoded() {
		if len(k) > 0 && k[0] == "params" {
			continue
		}
		diags.Errorf(File, lineOf(data, k[len(k)-1]), "unknown key %q%s", k.String(), suggestKey(k))
	}
	if !md.IsDefined("default_language_in_subdir") {
		c.DefaultLanguageInSubdir = true
	}
	if !md.IsDefined("search", "list_all_max") {
		c.Search.ListAllMax = DefaultListAllMax
	}
	if !md.IsDefined("taxonomies") {
		c.Taxonomies = slices.Clone(DefaultTaxonomies)
	}
	if !md.IsDefined("feeds", "enabled") {
		c.Feeds.Enabled = true
	}
	if !md.IsDefined("feeds", "entries") {
		c.Feeds.Entries = DefaultFeedEntries
	}
	if !md.IsDefined("markdown", "highlight") {
		c.Markdown.Highlight = true
	}
	c.validate(data, &diags)
	if diags.HasErrors() {
		return nil, diags
	}
	return &c, diags
}

func (c *Config) validate(data []byte, diags *diag.List) {
	if c.BaseURL == "" {
		diags.Errorf(File, 0, `base_url is missing; set it to the site's address, e.g. base_url = "https://example.org/"`)
	} else if err := c.SetBaseURL(c.BaseURL); err != nil {
		diags.Errorf(File, lineOf(data, "base_url"), "%v", err)
	}
	if len(c.Languages) == 0 {
		diags.Errorf(File, 0, "no [[languages]]: name at least one language")
	}
	seen := map[string]bool{}
	for _, l := range c.Languages {
		line := lineOf(data, `"`+l.Code+`"`)
		if err := CheckTag(l.Code); err != nil {
			diags.Errorf(File, line, "%v", err)
			continue
		}
		switch {
		case seen[Folder(l.Code)]:
			diags.Errorf(File, line, "language %q is listed twice (tags ignore case)", l.Code)
		case l.Name == "":
			diags.Errorf(File, line, "language %q has no name; give its name in the language itself, e.g. name = \"Dansk\"", l.Code)
		case l.Dir != "" && l.Dir != "ltr" && l.Dir != "rtl":
			diags.Errorf(File, lineOf(data, "dir"), "language %q: dir must be \"ltr\" or \"rtl\", not %q", l.Code, l.Dir)
		}
		seen[Folder(l.Code)] = true
	}
	for i := range c.Languages {
		l := &c.Languages[i]
		l.Title = cmp.Or(l.Title, c.Title)
		l.Description = cmp.Or(l.Description, c.Description)
		l.Dir = cmp.Or(l.Dir, Direction(l.Code))
	}
	for _, src := range slices.Concat(c.Headers.ImgSrc, c.Headers.ConnectSrc) {
		if !cspSource.MatchString(src) {
			diags.Errorf(File, lineOf(data, src), "[headers]: %q is not a Content-Security-Policy source like \"https://images.example.org\", \"https://*.example.org\" or \"https:\"", src)
		}
	}
	if strings.HasPrefix(c.Logo, "/") || strings.Contains(c.Logo, "..") {
		diags.Errorf(File, lineOf(data, "logo"), "logo %q must be a path below static/, like \"img/logo.svg\"", c.Logo)
	}
	if c.DefaultLanguage == "" && len(c.Languages) > 0 {
		c.DefaultLanguage = c.Languages[0].Code
	}
	if d := c.Language(c.DefaultLanguage); d != nil {
		c.DefaultLanguage = d.Code
	} else if len(c.Languages) > 0 && !diags.HasErrors() {
		diags.Errorf(File, lineOf(data, "default_language"), "default_language %q is not one of the [[languages]]", c.DefaultLanguage)
	}
	switch {
	case c.Markdown.HeadingIDs == "" || c.Markdown.HeadingIDs == "unicode":
		c.Markdown.HeadingIDs = HeadingIDsGitHub
	case slices.Contains(HeadingIDStyles, c.Markdown.HeadingIDs):
	default:
		diags.Errorf(File, lineOf(data, "heading_ids"), "heading_ids = %q: write \"github\" (ids keep every language's letters), \"ascii\", or the rule of Hugo a site's links were made with, \"github-ascii\" or \"blackfriday\"", c.Markdown.HeadingIDs)
	}
	if c.Search.ListAllMax < 0 {
		diags.Errorf(File, lineOf(data, "list_all_max"), "[search] list_all_max = %d: write a number of pages, 0 or more (default %d; 0 lists only the main sections)", c.Search.ListAllMax, DefaultListAllMax)
	}
	if c.Check.LIXMax == 0 {
		c.Check.LIXMax = 40
	}
	if c.Feeds.Entries < 1 {
		diags.Errorf(File, lineOf(data, "entries"), "[feeds] entries = %d: write how many of the newest pages a feed holds, 1 or more (default %d); enabled = false writes no feeds", c.Feeds.Entries, DefaultFeedEntries)
	}
	if c.Pagination.PageSize < 0 {
		diags.Errorf(File, lineOf(data, "page_size"), "[pagination] page_size = %d: write the most pages one page of a listing shows, or 0 to never split a listing", c.Pagination.PageSize)
	}
	c.checkTaxonomies(data, diags)
}

// taxonomyName is what a taxonomy's name may be: it is a front matter
// field, a URL segment and part of a UI string's id.
var taxonomyName = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// notTaxonomies are the names a taxonomy cannot have: front matter fields
// with a meaning of their own.
var notTaxonomies = []string{"title", "description", "slug", "weight", "menu", "updated", "date", "lastmod", "draft",
	"aliases", "translation_key", "translationkey", "translated_from", "needs_review", "layout", "params", "sort_by", "page_size",
	"link_title", "linktitle", "summary", "url", "publish_date", "publishdate", "expiry_date", "expirydate", "extra", "id", "page"}

func (c *Config) checkTaxonomies(data []byte, diags *diag.List) {
	seen := map[string]bool{}
	for _, t := range c.Taxonomies {
		line := lineOf(data, "taxonomies")
		switch {
		case !taxonomyName.MatchString(t):
			diags.Errorf(File, line, "taxonomies: %q is no taxonomy name: use lower-case letters, digits, _ and -, starting with a letter, e.g. \"tags\"", t)
		case slices.Contains(notTaxonomies, t):
			diags.Errorf(File, line, "taxonomies: %q is a front matter field of its own; name the taxonomy otherwise", t)
		case seen[t]:
			diags.Errorf(File, line, "taxonomies: %q is listed twice", t)
		}
		seen[t] = true
	}
}

// decodeError matches the error the TOML decoder gives for a value of the
// wrong type, which is no toml.ParseError and names its line only in the
// text.
var decodeError = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]+)"\): incompatible types: TOML value has type (.+); destination has type (.+)$`)

// typeNames say the decoder's type names as an editor writes values.
var typeNames = map[string]string{
	"string": "a string in quotes", "int64": "a whole number", "integer": "a whole number",
	"float64": "a number with a fraction", "float": "a number",
	"bool": "true or false", "boolean": "true or false", "[]interface {}": "a list [...]", "slice": "a list [...]",
	"map[string]interface {}": "a table", "struct": "a table", "map": "a table",
}

// typeError turns the decoder's error for a value of the wrong type
// (lix_max = "40", list_all_max = 1.5) into its line and a message that
// names the key and says what to write.
func typeError(err error) (line int, msg string, ok bool) {
	m := decodeError.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, "", false
	}
	line, _ = strconv.Atoi(m[1])
	name := func(t string) string { return cmp.Or(typeNames[t], t) }
	return line, fmt.Sprintf("%s is %s; write %s", m[2], name(m[3]), name(m[4])), true
}

// keys are the keys of sitegen.toml by table ("" for the top level), for
// suggestions.
var keys = map[string][]string{
	"":           {"base_url", "default_language", "default_language_in_subdir", "title", "description", "logo", "taxonomies"},
	"languages":  {"code", "name", "title", "description", "dir"},
	"markdown":   {"unsafe_html", "heading_ids", "highlight"},
	"headers":    {"img_src", "connect_src"},
	"check":      {"lix_max"},
	"search":     {"list_all_max"},
	"feeds":      {"enabled", "entries", "full_text"},
	"pagination": {"page_size"},
	"theme":      {"sidebar", "prev_next"},
}

// suggestKey says what an unknown key may have meant: a near spelling in
// its table ("titel" -> title), or the table a key belongs in (lix_max at
// the top -> [check]).
func suggestKey(k toml.Key) string {
	table, name := "", k[len(k)-1]
	if len(k) > 1 {
		table = k[0]
	}
	if best := diag.Closest(name, keys[table]); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	for t, names := range keys {
		if t != table && t != "" && slices.Contains(names, strings.ToLower(name)) {
			return fmt.Sprintf("; %s belongs in the [%s] table", name, t)
		}
	}
	return ""
}

// rtlScripts are the ISO 15924 codes of the scripts written right to
// left: those CLDR's script metadata (scriptMetadata.txt) marks RTL, the
// modern ones first (Arabic and its Nastaliq form, Hebrew, Thaana,
// Syriac and its forms, N'Ko, Adlam, Hanifi Rohingya, Mandaic, Samaritan,
// Mende Kikakui, Yezidi) and the historic ones after.
var rtlScripts = []string{
	"arab", "aran", "hebr", "thaa", "syrc", "syre", "syrj", "syrn", "nkoo", "adlm", "rohg", "mand", "samr", "mend", "yezi",
	"armi", "avst", "chrs", "cprt", "elym", "hatr", "hung", "khar", "lydi", "mani", "merc", "mero", "narb", "nbat",
	"ougr", "palm", "phli", "phlp", "phnx", "prti", "sarb", "sogd", "sogo",
}

// Direction returns "rtl" for a language tag written right to left and
// "ltr" otherwise, by the tag's script: the script it names ("uz-Arab"),
// else the one CLDR's likely subtags give the language in its region, as
// golang.org/x/text reads them: "ar", "fa-AF", "ks", "sd" and "ug" are
// Arabic script, "pa-PK", "uz-AF" and "az-IR" too though "pa", "uz" and
// "az" are not, "yi" is Hebrew and "dv" Thaana. A tag x/text cannot parse
// is read by its script subtag, if it has one.
func Direction(tag string) string {
	script := ""
	if t, err := language.Parse(tag); err == nil {
		if s, conf := t.Script(); conf != language.No {
			script = s.String()
		}
	} else {
		for _, p := range strings.Split(tag, "-")[1:] {
			if len(p) == 4 {
				script = p
				break
			}
		}
	}
	if slices.Contains(rtlScripts, strings.ToLower(script)) {
		return "rtl"
	}
	return "ltr"
}

// SetBaseURL validates u and makes it the site's base URL. The build's
// -base-url flag uses it to override the file.
func (c *Config) SetBaseURL(u string) error {
	parsed, err := url.Parse(u)
	if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
		return fmt.Errorf("base_url %q is not an absolute http(s) URL like \"https://example.org/\"", u)
	}
	if parsed.RawQuery != "" || parsed.Fragment != "" {
		return fmt.Errorf("base_url %q may not have a query or fragment", u)
	}
	if !strings.HasSuffix(parsed.Path, "/") {
		parsed.Path += "/"
	}
	parsed.RawPath = ""
	c.BaseURL = parsed.String()
	c.base = parsed
	return nil
}

// BasePath is the path part of base_url, with a leading and trailing
// slash: "/" or "/udenmitid/". Every internal URL starts with it.
func (c *Config) BasePath() string { return c.base.Path }

// Origin is base_url without its path: "https://example.org".
func (c *Config) Origin() string { return c.base.Scheme + "://" + c.base.Host }

// Codes returns the language codes in the configured order.
func (c *Config) Codes() []string {
	codes := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		codes[i] = l.Code
	}
	return codes
}

// Language returns the language with the given tag, or nil. Tags are
// compared without regard to case.
func (c *Config) Language(code string) *Language {
	for i := range c.Languages {
		if strings.EqualFold(c.Languages[i].Code, code) {
			return &c.Languages[i]
		}
	}
	return nil
}

// lineOf returns the first line of data that contains s, or 0. TOML
// decoders do not report where a key was, so errors about a valid but
// wrong value point at the line that mentions it.
func lineOf(data []byte, s string) int {
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, s) {
			return i + 1
		}
	}
	return 0
}
