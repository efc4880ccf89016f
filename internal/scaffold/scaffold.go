// Package scaffold writes a new site for sitegen init: a sitegen.toml, a
// home page in every language and a first page in the default language,
// which build, serve and pass sitegen check -strict as they are.
//
// The pages are placeholders for the editor to replace, each saying so, in
// the language of its folder. The home pages of the other languages are
// translations of the default language's, stamped as up to date
// (translated_from), so that the site starts with one translated page and
// one fallback page per language: the first page exists only in the
// default language.
//
// # Languages
//
// sitegen has placeholder text in English and Danish, and, short and plain,
// in Swedish, Norwegian Bokmål, German, Polish, Ukrainian, Turkish and
// Arabic: languages whose UI strings the built-in theme ships. A tag with a
// region or script takes its language's text (sv-FI, en-GB). Every other
// language, Greenlandic among them, gets English placeholders that say
// they are English, not the folder's language, and are to be replaced.
//
// Every page not in English or Danish is marked needs_review (the front
// matter field for text a native speaker must check), since none has been
// checked by one: sitegen build warns about them and sitegen check lists
// them with the status needs-review, until an editor has replaced or
// checked the text and removed the line.
//
// The site's title is the default language's placeholder ("Min
// webbplats"), in every language: no [[languages]] entry gets a title of
// its own, since it would outlive the site's title once the editor sets
// that (a German page would still read "Meine Website"). Every language
// gets the name locale.Endonym gives it.
// Right-to-left languages need nothing here: the theme sets dir from the
// language (config.Direction).
//
// A language the built-in theme has UI strings for, in its own file or in
// its base language's (de-CH reads de.toml, see locale.Chain), gets no
// i18n file: it would hide the theme's. Any other language gets an
// i18n/<lang>.toml with every message of the theme's English strings, each
// marked needs_review, and each plural message with every form the
// language needs (locale.Forms), for a translator to replace: that site
// builds, and the build lists the strings still to translate. Where the
// English text names English as the page's language it names the site's
// language instead, so that even untranslated a Catalan fallback page says
// "This page is not available in Catalan".
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/locale"
)

// A File is one file Write creates.
type File struct {
	Path string // slash-separated, below the site folder
	Data []byte
}

// Files returns the files of a new site in langs, the first being the
// default language. theme holds the built-in theme's i18n/ files. Each
// code must be a language tag sitegen.toml accepts ("sv", "pt-BR").
func Files(langs []string, theme fs.FS) ([]File, error) {
	if len(langs) == 0 {
		return nil, errors.New("no languages: name at least one, e.g. -langs sv,en")
	}
	var files []File
	def := placeholderFor(langs[0])
	toml := strings.Builder{}
	fmt.Fprintf(&toml, `# The site's configuration. sitegen's README.md, under "The content
# model", says what each key does.

# The address the site will be published at; it may have a path
# (https://example.github.io/my-site/).
base_url = "https://example.org/"
default_language = %q
# The site's name, in the header and in every page's <title>. A language may
# give its own with title = "..." in its [[languages]] entry.
title = %q
`, langs[0], def.site)
	seen := map[string]bool{}
	for _, code := range langs {
		// Checked here, where the code is the command line's: the
		// sitegen.toml below would name its own line.
		if err := config.CheckTag(code); err != nil {
			return nil, fmt.Errorf("-langs: %w", err)
		}
		if seen[strings.ToLower(code)] {
			return nil, fmt.Errorf("language %q is named twice", code)
		}
		seen[strings.ToLower(code)] = true
		fmt.Fprintf(&toml, "\n[[languages]]\ncode = %q\nname = %q\n", code, locale.Endonym(code))
	}
	files = append(files, File{config.File, []byte(toml.String())}, File{".gitignore", []byte("/public/\n")})
	if _, diags := config.Parse([]byte(toml.String())); diags.HasErrors() {
		return nil, diags
	}

	// The home pages of the other languages are translations of the
	// default language's, stamped as up to date.
	hash := sourceHash(page(def.homeTitle, def.homeDescription, "", "", def.review, def.homeBody))
	for i, code := range langs {
		p, from := placeholderFor(code), hash
		if i == 0 {
			from = ""
		}
		data := page(p.homeTitle, p.homeDescription, from, "", p.review, p.homeBody)
		files = append(files, File{content.Dir + "/" + code + "/" + content.IndexName, []byte(data)})
	}
	about := page(def.aboutTitle, def.aboutDescription, "", "weight: 10\nmenu: [main, footer]\n", def.review, def.aboutBody)
	files = append(files, File{content.Dir + "/" + langs[0] + "/about.md", []byte(about)})

	for _, code := range langs {
		if themeHas(theme, code) {
			continue
		}
		en, err := fs.ReadFile(theme, "i18n/en.toml")
		if err != nil {
			return nil, fmt.Errorf("the theme has no English strings to start %s from: %w", code, err)
		}
		strs, err := untranslated(code, en)
		if err != nil {
			return nil, err
		}
		files = append(files, File{"i18n/" + code + ".toml", strs})
	}
	return files, nil
}

// themeHas reports whether the theme has UI strings for code, in its own
// file or a parent tag's (de.toml for de-CH): the language reads those
// (locale.Chain), and a file of English strings would hide them.
func themeHas(theme fs.FS, code string) bool {
	for _, tag := range locale.Chain(code) {
		if _, err := fs.Stat(theme, locale.Dir+"/"+tag+".toml"); err == nil {
			return true
		}
	}
	return false
}

// Write creates the files of a new site in dir, which must not exist or
// be empty. It returns the files written.
func Write(dir string, langs []string, theme fs.FS) ([]File, error) {
	files, err := Files(langs, theme)
	if err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty: sitegen init writes a new site into a new or empty folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// page is a Markdown file with front matter; extra holds more fields,
// one a line.
func page(title, description, translatedFrom, extra string, review bool, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\ndescription: %s\n", title, description)
	if translatedFrom != "" {
		fmt.Fprintf(&b, "translated_from: %s\n", translatedFrom)
	}
	b.WriteString(extra)
	if review {
		b.WriteString("needs_review: true # remove this line once a native speaker has written or checked the text\n")
	}
	b.WriteString("---\n\n")
	b.WriteString(body)
	return b.String()
}

// sourceHash is the hash sitegen stamp would record for a translation of
// the page.
func sourceHash(page string) string {
	f, diags := content.Parse(content.Dir+"/xx/"+content.IndexName, []byte(page))
	if diags.HasErrors() {
		panic(diags) // the scaffold's own page always parses
	}
	return f.SourceHash()
}

// Langs splits a -langs value ("sv,en") into codes.
func Langs(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ",") {
		if c = strings.TrimSpace(c); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}
