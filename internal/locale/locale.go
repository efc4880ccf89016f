// Package locale holds the site's UI strings: the words of the layouts,
// such as "Skip to content", in every language. Strings live in
// i18n/<lang>.toml, in go-i18n's TOML format:
//
//	skip_link = "Spring til indholdet"   # a plain message
//
//	[pages]                              # a message with plural forms (CLDR)
//	one = "{{.Count}} side"
//	other = "{{.Count}} sider"
//	description = "the number of pages in a section"
//	needs_review = true                  # awaits review by a native speaker
//
// A language with a region or script takes each message its own files
// lack from its parent tags' files, by RFC 4647's lookup as Hugo does:
// de-CH reads i18n/de-CH.toml then i18n/de.toml, zh-Hant-TW reads
// zh-Hant-TW then zh-Hant, and zh-TW reads zh-TW then zh-Hant, never zh's
// Simplified strings (see Chain). At each tag the site's file comes
// before the theme's, so a site's i18n/de-CH.toml may hold only the
// strings Swiss German says differently. A message comes with its
// needs_review mark.
//
// A message missing in a language and its parent tags falls back to the
// default language, and the build warns. A language with no message file
// at all, neither its own nor a parent tag's, neither the theme's nor the
// site's, is an error that lists every id it needs. The build warns about
// messages the site's own files mark needs_review; the theme's marks show
// in sitegen check's UI string status only. A message id used in a layout
// that no language defines is an error.
//
// A message is text, not a template: between {{ and }} it may show only
// one of the arguments the layouts give (Args), as {{.Count}} or {{.Date}}.
// Anything else, such as a misspelt argument, {{template}}, {{range}} or a
// function call, is an error when the strings are loaded, at the file and
// line of the message; a call that lacks an argument its message shows is
// an error of T, where a template would show "<no value>".
//
// # Plural forms
//
// A message that counts is plural: one with any form but other, or whose
// text shows .Count. A count picks its form by the CLDR plural rules of
// the language it is shown in, and it must have every form that language
// gives whole numbers, and other (Forms): Danish one and other, Russian
// one, few, many and other, Arabic and Welsh zero, one, two, few, many and
// other, Japanese other alone. A plural message that lacks one is an error
// when the strings load, at its line, naming the language and the forms,
// never a failure in the middle of a layout: "Sider: {{.Count}}" alone is
// an error in Danish, which needs it as one and as other too. A message
// of a parent tag's file needs the forms of the language that shows it
// (pt.toml's, shown in pt-BR, pt-BR's).
//
// A message a language lacks and shows in the default language is counted
// by the default language's rules, since its words are that language's: a
// Russian page showing the English "{{.Count}} pages" says "21 pages",
// where Russian rules (21 takes the form of 1) would pick "21 page", and
// no Russian forms are asked of an English message.
//
// The rules are CLDR's as go-i18n, whose file format this is, carries them
// (a 2025 release), for what a language needs and for the form a count
// takes alike, so that a message with the forms Load asks for has one for
// every count; French, Spanish, Italian, Portuguese and Catalan need many,
// for a million and more (1 000 000 de pages). For a language go-i18n has
// no rules for (Kurmanji, kmr) they are golang.org/x/text/feature/plural's,
// whose CLDR 32 (2017) gives a language it does not know CLDR's root
// rules: other alone. x/text's older rules differ for some languages
// (Hebrew had many, Macedonian 11 took the form of 1); the locale tests
// list each difference and fail when one appears or goes.
//
// # Built-in languages
//
// The built-in theme (go doc ./internal/theme) has UI strings for these
// languages, by tag and in their own names:
//
// am (አማርኛ), ar (العربية), az (Azərbaycan), be (Беларуская), bg (Български),
// bn (বাংলা), bs (Bosanski), ca (Català), ckb (کوردی), cs (Čeština),
// cy (Cymraeg), da (Dansk), de (Deutsch), el (Ελληνικά), en (English),
// es (Español), et (Eesti), eu (Euskara), fa-AF (دری), fa (فارسی),
// fi (Suomi), fil (Filipino), fo (Føroyskt), fr (Français), gl (Galego),
// he (עברית), hi (हिन्दी), hr (Hrvatski), hu (Magyar), hy (Հայերեն),
// id (Indonesia), is (Íslenska), it (Italiano), ja (日本語), ka (ქართული),
// kk (Қазақ тілі), kl (Kalaallisut), ko (한국어), ku (Kurdî), lt (Lietuvių),
// lv (Latviešu), mk (Македонски), mn (Монгол), ms (Melayu),
// nb (Norsk bokmål), ne (नेपाली), nl (Nederlands), nn (Nynorsk), pl (Polski),
// ps (پښتو), pt-BR (Português (Brasil)), pt (Português), ro (Română),
// ru (Русский), si (සිංහල), sk (Slovenčina), sl (Slovenščina), so (Soomaali),
// sq (Shqip), sr-Latn (Srpski (latinica)), sr (Српски), sv (Svenska),
// sw (Kiswahili), ta (தமிழ்), te (తెలుగు), th (ไทย), ti (ትግርኛ), tr (Türkçe),
// uk (Українська), ur (اردو), uz (O‘zbek), vi (Tiếng Việt), zh-Hant (繁體中文),
// zh (中文).
//
// The list above is written by go test ./internal/locale -run
// TestBuiltinLanguages -update.
package locale

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/udenmitid/sitegen/internal/diag"
)

// Dir is the folder below the site root that holds the message files.
const Dir = "i18n"

// A Catalog is the UI strings of every language. It is safe for concurrent
// use once loaded.
type Catalog struct {
	def        string
	langs      []string
	plain      map[string]map[string]string        // lang -> id -> text, for messages that need no template
	defined    map[string]map[string]bool          // lang -> ids its files or its parents' define
	origin     map[string]map[string]origin        // lang -> id -> the file the message comes from
	review     map[string][]string                 // lang -> ids marked needs_review
	siteReview map[string][]string                 // lang -> ids marked needs_review in the site's own files
	siteIDs    map[string]bool                     // ids the site's own files define, in some language
	files      map[string]bool                     // lang -> some layer has i18n/<tag>.toml for a tag of Chain(lang)
	messages   map[string]map[string]*i18n.Message // lang -> id -> message, the default language's where lang lacks it
	args       map[string]map[string][]string      // lang -> id -> the arguments (Args) its message shows
	all        []string                            // every id defined in some language, sorted

	// done holds the messages rendered with arguments, by language, id
	// and arguments: every page of a build shows the same few dates and
	// counts, and go-i18n runs a template for each.
	done sync.Map

	// tmpls holds each message form parsed as a template, by id and text.
	tmpls sync.Map
}

// An origin is where a language's message comes from.
type origin struct {
	file string // i18n/<tag>.toml
	line int    // the line that defines the message
	site bool   // in the site's own files (the last layer), not the theme's
}

// A msgFile is one parsed message file of one layer.
type msgFile struct {
	path   string
	site   bool
	msgs   map[string]*i18n.Message
	lines  map[string]int // id -> the line that defines it
	review map[string]bool
}

var messageKeys = []string{"description", "hash", "zero", "one", "two", "few", "many", "other", "needs_review"}

// Chain returns the language tags whose message files lang reads, most
// specific first: lang as written, then without its variants, then
// without its region, then the base language: "de-CH" reads de-CH then de,
// "zh-Hans-CN" reads zh-Hans-CN, zh-Hans, then zh. This is the subtag
// truncation of RFC 4647's lookup, as Hugo falls back, with one stop from
// CLDR's parent locales: a script other than the base language's usual one
// does not fall back to the base language, whose strings are in another
// script. "zh-Hant-TW" reads zh-Hant-TW then zh-Hant, not zh (Simplified);
// "sr-Latn" reads only sr-Latn, not sr (Cyrillic). A region whose usual
// script is not the language's, by CLDR's likely subtags, reads that
// script's tag in its place: "zh-TW" and "zh-HK" read zh-Hant, "sr-ME"
// reads sr-Latn, "pa-PK" pa-Arab. A string none of them
// has is the default language's (Load). CLDR's other parents (en-GB's is
// en-001) are left aside, so that a base language's file serves its
// regions. A language CLDR has no plural rules for, which it counts under
// a macrolanguage that has them, reads the macrolanguage's chain after its
// own, and counts by its rules (rulesTag): Kurmanji, "kmr", reads kmr then
// ku (the theme's Kurmanji strings are ku.toml: CLDR's Kurdish, ku, is
// Kurmanji), Iranian Persian "pes" reads pes then fa. Languages CLDR has
// rules for stay apart from their macrolanguage: nn and nb do not read
// no.toml. A tag that does not parse is its own chain.
func Chain(lang string) []string {
	chain := ownChain(lang)
	if t, err := language.Parse(lang); err == nil {
		if m := rulesTag(lang); m != t {
			for _, tag := range ownChain(m.String()) {
				if !slices.ContainsFunc(chain, func(c string) bool { return strings.EqualFold(c, tag) }) {
					chain = append(chain, tag)
				}
			}
		}
	}
	return chain
}

// ownChain is Chain without the macrolanguage.
func ownChain(lang string) []string {
	chain := []string{lang}
	add := func(tag string) {
		if !slices.ContainsFunc(chain, func(c string) bool { return strings.EqualFold(c, tag) }) {
			chain = append(chain, tag)
		}
	}
	t, err := language.Parse(lang)
	if err != nil {
		return chain
	}
	base, _, region := t.Raw()
	script, sconf := t.Script() // the tag's own script, else its likely one
	_, rconf := t.Region()
	if base.String() == "und" {
		return chain
	}
	usual, _ := language.Make(base.String()).Script()
	tag := base.String()
	if sconf == language.Exact {
		tag += "-" + script.String()
	}
	if rconf == language.Exact {
		add(tag + "-" + region.String())
	}
	if sconf != language.Exact && script != usual {
		// No script written, but the region's usual one is not the
		// language's (zh-TW is Traditional): read that script's strings.
		add(base.String() + "-" + script.String())
		return chain
	}
	add(tag)
	if script != usual {
		return chain // the base language's strings are in another script
	}
	add(base.String())
	return chain
}

// Load reads the message files of each language from each file system in
// turn; a later file system's messages replace an earlier one's with the
// same id. This is how a site overrides the built-in strings. A language
// reads i18n/<tag>.toml for each tag of its Chain: a message is taken
// from the first tag that has it, looking in the site's file before the
// theme's, so a site's i18n/de-CH.toml overrides single strings and the
// rest of de-CH comes from de.toml; its needs_review mark comes along. A
// message no tag of the chain has is the default language's. A plural
// message of lang's chain that lacks a form lang needs (Forms) is an error;
// with any error Load returns no Catalog.
func Load(layers []fs.FS, langs []string, def string) (*Catalog, diag.List) {
	var diags diag.List
	c := &Catalog{
		def: def, langs: langs,
		plain:      map[string]map[string]string{},
		defined:    map[string]map[string]bool{},
		origin:     map[string]map[string]origin{},
		review:     map[string][]string{},
		siteReview: map[string][]string{},
		siteIDs:    map[string]bool{},
		files:      map[string]bool{},
		messages:   map[string]map[string]*i18n.Message{},
		args:       map[string]map[string][]string{},
	}
	read := map[string][]*msgFile{} // tag -> its files, the last layer first
	for _, lang := range langs {
		for _, tag := range Chain(lang) {
			if _, ok := read[tag]; ok {
				continue
			}
			read[tag] = []*msgFile{}
			for i := len(layers) - 1; i >= 0; i-- {
				f, d := readFile(layers[i], tag, i == len(layers)-1)
				diags.Add(d)
				if f == nil {
					continue
				}
				read[tag] = append(read[tag], f)
				if f.site {
					for id := range f.msgs {
						c.siteIDs[id] = true
					}
				}
			}
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	messages := map[string]map[string]*i18n.Message{}
	for _, lang := range langs {
		messages[lang] = c.resolve(lang, read)
		diags.Add(c.checkForms(lang, messages[lang]))
	}
	if diags.HasErrors() {
		return nil, diags
	}
	c.finish(messages)
	return c, diags
}

// checkForms reports each plural message of lang's own files, or of a
// parent tag's, that lacks a plural form lang needs (Forms), at the line
// that defines it: pt-BR shows pt.toml's messages, so they need pt-BR's
// forms. A message lang takes from the default language is left to the
// default language's check: T counts its words by that language's rules.
func (c *Catalog) checkForms(lang string, msgs map[string]*i18n.Message) diag.List {
	var diags diag.List
	for _, id := range slices.Sorted(maps.Keys(msgs)) {
		missing := missingForms(lang, msgs[id])
		if len(missing) == 0 {
			continue
		}
		o := c.origin[lang][id]
		diags.Errorf(o.file, o.line, "message %q lacks the plural %s %s, which %s needs (CLDR: %s): add %s",
			id, plural1(len(missing), "form", "forms"), strings.Join(missing, ", "), lang, strings.Join(Forms(lang), ", "),
			plural1(len(missing), "it", "them"))
	}
	return diags
}

func plural1(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

// readFile reads and parses i18n/<tag>.toml in fsys, or returns nil if
// there is none.
func readFile(fsys fs.FS, tag string, site bool) (*msgFile, diag.List) {
	var diags diag.List
	if fsys == nil {
		return nil, nil
	}
	p := path.Join(Dir, tag+".toml")
	info, err := fs.Stat(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err == nil && !info.Mode().IsRegular() {
		// A named pipe or a device would hang the build or never end.
		diags.Errorf(p, 0, "not a regular file; make it a file of UI strings")
		return nil, diags
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		diags.Errorf(p, 0, "%v", err)
		return nil, diags
	}
	msgs, review, d := parseFile(p, data)
	f := &msgFile{path: p, site: site, msgs: map[string]*i18n.Message{}, lines: map[string]int{}, review: review}
	for _, m := range msgs {
		f.msgs[m.ID] = m
		f.lines[m.ID] = lineOf(data, m.ID)
	}
	return f, d
}

// resolve picks each message of lang from the files of its Chain and
// records where each came from; see Load.
func (c *Catalog) resolve(lang string, read map[string][]*msgFile) map[string]*i18n.Message {
	out := map[string]*i18n.Message{}
	c.defined[lang] = map[string]bool{}
	c.origin[lang] = map[string]origin{}
	for _, tag := range Chain(lang) {
		for _, f := range read[tag] {
			c.files[lang] = true
			for id, m := range f.msgs {
				if out[id] != nil {
					continue
				}
				out[id] = m
				c.defined[lang][id] = true
				c.origin[lang][id] = origin{f.path, f.lines[id], f.site}
				if f.review[id] {
					c.review[lang] = append(c.review[lang], id)
					if f.site {
						c.siteReview[lang] = append(c.siteReview[lang], id)
					}
				}
			}
		}
	}
	slices.Sort(c.review[lang])
	slices.Sort(c.siteReview[lang])
	return out
}

// finish lists every id and fills in, for each language, the default
// language's message where the language has none.
func (c *Catalog) finish(messages map[string]map[string]*i18n.Message) {
	ids := map[string]bool{}
	for _, lang := range c.langs {
		for id := range messages[lang] {
			ids[id] = true
		}
	}
	c.all = slices.Sorted(maps.Keys(ids))
	for _, lang := range c.langs {
		c.plain[lang] = map[string]string{}
		c.messages[lang] = map[string]*i18n.Message{}
		c.args[lang] = map[string][]string{}
		for _, id := range c.all {
			m := messages[lang][id]
			if m == nil {
				m = messages[c.def][id]
			}
			c.messages[lang][id] = m
			if m != nil {
				c.args[lang][id] = argsOf(m.Zero, m.One, m.Two, m.Few, m.Many, m.Other)
			}
			if m != nil && !strings.Contains(m.Other, "{{") && m.One == "" && m.Few == "" && m.Many == "" && m.Two == "" && m.Zero == "" {
				c.plain[lang][id] = m.Other
			}
		}
	}
}

// parseFile parses one message file and checks it strictly: go-i18n
// ignores unknown keys, which would hide a misspelt plural form.
func parseFile(p string, data []byte) ([]*i18n.Message, map[string]bool, diag.List) {
	var diags diag.List
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			diags.Errorf(p, perr.Position.Line, "%s", perr.Message)
		} else {
			diags.Errorf(p, 0, "%v", err)
		}
		return nil, nil, diags
	}
	review := map[string]bool{}
	var msgs []*i18n.Message
	for id, v := range raw {
		line := lineOf(data, id)
		m := &i18n.Message{ID: id}
		switch v := v.(type) {
		case string:
			m.Other = v
		case map[string]any:
			for k, val := range v {
				if k == "needs_review" {
					b, ok := val.(bool)
					if !ok {
						diags.Errorf(p, line, "message %q: needs_review must be true or false", id)
					}
					review[id] = b
					continue
				}
				s, ok := val.(string)
				if !slices.Contains(messageKeys, k) {
					diags.Errorf(p, line, "message %q: unknown key %q; the keys are %s", id, k, strings.Join(messageKeys, ", "))
					continue
				}
				if !ok {
					diags.Errorf(p, line, "message %q: %s must be a string", id, k)
					continue
				}
				setForm(m, k, s)
			}
			if m.Other == "" {
				diags.Errorf(p, line, "message %q has no \"other\" form; every message needs one", id)
			}
		default:
			diags.Errorf(p, line, "message %q must be a string or a table of plural forms", id)
			continue
		}
		for _, form := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
			if msg := checkForm(id, form); msg != "" {
				diags.Errorf(p, line, "message %q: %s", id, msg)
			}
		}
		msgs = append(msgs, m)
	}
	slices.SortFunc(msgs, func(a, b *i18n.Message) int { return strings.Compare(a.ID, b.ID) })
	return msgs, review, diags
}

func setForm(m *i18n.Message, k, s string) {
	switch k {
	case "description":
		m.Description = s
	case "hash":
		m.Hash = s
	case "zero":
		m.Zero = s
	case "one":
		m.One = s
	case "two":
		m.Two = s
	case "few":
		m.Few = s
	case "many":
		m.Many = s
	case "other":
		m.Other = s
	}
}

// lineOf returns the line that defines id: "id =" or "[id]".
func lineOf(data []byte, id string) int {
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if t == "["+id+"]" || strings.HasPrefix(t, id+" ") || strings.HasPrefix(t, id+"=") ||
			strings.HasPrefix(t, `"`+id+`"`) || t == `["`+id+`"]` {
			return i + 1
		}
	}
	return 0
}

// IDsIn returns the message ids that some message file of fsys
// (i18n/*.toml) defines, sorted: the built-in theme's, for telling a
// site's own strings from its translations of the theme's. A file that
// does not parse adds nothing (Load reports it); a nil fsys has none.
func IDsIn(fsys fs.FS) []string {
	if fsys == nil {
		return nil
	}
	names, _ := fs.Glob(fsys, Dir+"/*.toml")
	ids := map[string]bool{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue
		}
		var raw map[string]any
		if _, err := toml.Decode(string(data), &raw); err != nil {
			continue
		}
		for id := range raw {
			ids[id] = true
		}
	}
	return slices.Sorted(maps.Keys(ids))
}

// Has reports whether some language defines the message id.
func (c *Catalog) Has(id string) bool {
	_, ok := slices.BinarySearch(c.all, id)
	return ok
}

// IDs returns every message id defined in some language, sorted.
func (c *Catalog) IDs() []string { return c.all }

// Defined reports whether lang's own files, or those of a parent tag in
// its Chain, define id.
func (c *Catalog) Defined(lang, id string) bool { return c.defined[lang][id] }

// Origin returns the file lang's message id comes from, i18n/<tag>.toml
// for a tag of Chain(lang), and whether that file is the site's own (the
// last layer) rather than the theme's. The file is "" when lang takes the
// message from the default language.
func (c *Catalog) Origin(lang, id string) (file string, site bool) {
	o := c.origin[lang][id]
	return o.file, o.site
}

// Missing returns, for a language, the ids other languages define and
// neither it nor a parent tag in its Chain does; those fall back to the
// default language.
func (c *Catalog) Missing(lang string) []string {
	var out []string
	for _, id := range c.all {
		if !c.defined[lang][id] {
			out = append(out, id)
		}
	}
	return out
}

// SiteDefines reports whether the site's own message files (the last
// layer) define id in some language. A message only the theme defines is
// the theme's concern: a site need not use it.
func (c *Catalog) SiteDefines(id string) bool { return c.siteIDs[id] }

// HasFile reports whether some layer, the theme's or the site's, has a
// message file for lang or for a parent tag in its Chain (de.toml for
// de-CH).
func (c *Catalog) HasFile(lang string) bool { return c.files[lang] }

// NeedsReview returns the ids marked needs_review in a language, in the
// theme's files or the site's: the marks of the file each message comes
// from, which may be a parent tag's (see Origin).
func (c *Catalog) NeedsReview(lang string) []string { return c.review[lang] }

// SiteNeedsReview returns the ids of lang marked needs_review in the
// site's own message files (the last layer), its own or a parent tag's:
// those are the site's to get reviewed, while the theme's marks are the
// theme's.
func (c *Catalog) SiteNeedsReview(lang string) []string { return c.siteReview[lang] }

// T returns message id in lang. args are either one count, which selects
// the plural form and is .Count in the message, or pairs of a name and a
// value for the message's template; a "Count" pair also selects the form.
func (c *Catalog) T(lang, id string, args ...any) (string, error) {
	if len(args) == 0 {
		if s, ok := c.plain[lang][id]; ok {
			return s, nil
		}
	}
	if !c.Has(id) {
		return "", fmt.Errorf("unknown message id %q: add it to %s/%s.toml", id, Dir, c.def)
	}
	key, cacheable := doneKey(lang, id, args)
	if cacheable {
		if s, ok := c.done.Load(key); ok {
			return s.(string), nil
		}
	}
	s, err := c.localize(lang, id, args)
	if err == nil && cacheable {
		c.done.Store(key, s)
	}
	return s, err
}

// doneKey returns the key of a message with arguments in Catalog.done,
// when every argument is a string or an int, whose text is the value.
func doneKey(lang, id string, args []any) (string, bool) {
	key := lang + "\x00" + id
	for _, a := range args {
		switch a := a.(type) {
		case string:
			key += "\x00s" + a
		case int:
			key += "\x00i" + strconv.Itoa(a)
		default:
			return "", false
		}
	}
	return key, true
}

// localize renders message id in lang; see T. A count selects the plural
// form by the CLDR rules of the language the message's words are in: lang's
// for a message of its own files or a parent tag's, the default language's
// for a message lang lacks and takes from it ("21 pages" on a Russian page
// that shows the English message, not "21 page" by Russian rules).
func (c *Catalog) localize(lang, id string, args []any) (string, error) {
	var data map[string]any
	switch {
	case len(args) == 1:
		data = map[string]any{"Count": args[0]}
	case len(args)%2 == 0 && len(args) > 0:
		data = map[string]any{}
		for i := 0; i < len(args); i += 2 {
			name, ok := args[i].(string)
			if !ok {
				return "", fmt.Errorf("message %q: argument %d must be a name, got %v", id, i+1, args[i])
			}
			data[name] = args[i+1]
		}
	case len(args) > 0:
		return "", fmt.Errorf("message %q: give one count or name-value pairs, not %d arguments", id, len(args))
	}
	if err := c.given(lang, id, data); err != nil {
		return "", err
	}
	msgs, ok := c.messages[lang]
	if !ok {
		return "", fmt.Errorf("language %q is not a site language", lang)
	}
	m := msgs[id]
	if m == nil {
		return "", fmt.Errorf("message %q is in no file of %s nor of the default language %s: add it to %s/%s.toml", id, lang, c.def, Dir, c.def)
	}
	form := "other"
	if count, ok := data["Count"]; ok {
		rules := lang
		if !c.defined[lang][id] {
			rules = c.def
		}
		f, err := formOf(rules, count)
		if err != nil {
			return "", fmt.Errorf("message %q: %v", id, err)
		}
		form = f
	}
	return c.execute(id, formText(m, form), data)
}

// execute runs one form of a message as a template with data, as go-i18n
// does: text without an action is itself, a missing field is "<no value>".
func (c *Catalog) execute(id, src string, data map[string]any) (string, error) {
	if !strings.Contains(src, "{{") {
		return src, nil
	}
	var t *template.Template
	key := id + "\x00" + src
	if v, ok := c.tmpls.Load(key); ok {
		t = v.(*template.Template)
	} else {
		var err error
		if t, err = template.New(id).Option("missingkey=default").Parse(src); err != nil {
			return "", fmt.Errorf("message %q: %v", id, err)
		}
		c.tmpls.Store(key, t)
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("message %q: %v", id, err)
	}
	return b.String(), nil
}

// given returns an error when message id in lang shows an argument that
// data, the call's arguments, lacks: go-i18n would show "<no value>".
func (c *Catalog) given(lang, id string, data any) error {
	m, _ := data.(map[string]any)
	for _, name := range c.args[lang][id] {
		if _, ok := m[name]; ok {
			continue
		}
		var have []string
		for k := range m {
			have = append(have, "."+k)
		}
		slices.Sort(have)
		gives := "no arguments"
		if len(have) > 0 {
			gives = strings.Join(have, ", ")
		}
		return fmt.Errorf("message %q in %s shows {{.%s}}, which this call does not give (it gives %s): give it, as .T %q %q value, or take it out of the message", id, lang, name, gives, id, name)
	}
	return nil
}

// PluralForms returns the plural forms of message id in lang by CLDR
// category ("one", "few", "other", ...), each rendered with placeholder as
// its .Count: for a script that picks the form itself with
// Intl.PluralRules and puts the number in.
func (c *Catalog) PluralForms(lang, id, placeholder string) (map[string]string, error) {
	m := c.messages[lang][id]
	if m == nil {
		return nil, fmt.Errorf("unknown message id %q in language %q", id, lang)
	}
	forms := map[string]string{}
	for cat, form := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
		if form == "" {
			continue
		}
		t, err := template.New(id).Parse(form)
		if err != nil {
			return nil, fmt.Errorf("message %q: %v", id, err)
		}
		var b strings.Builder
		if err := t.Execute(&b, map[string]any{"Count": placeholder}); err != nil {
			return nil, fmt.Errorf("message %q: %v", id, err)
		}
		forms[cat] = b.String()
	}
	return forms, nil
}

// Date formats t in lang with the messages month_1 to month_12 and the
// pattern "date", e.g. "{{.Day}}. {{.Month}} {{.Year}}".
func (c *Catalog) Date(lang string, t time.Time) (string, error) {
	month, err := c.T(lang, fmt.Sprintf("month_%d", int(t.Month())))
	if err != nil {
		return "", err
	}
	return c.T(lang, "date", "Day", t.Day(), "Month", month, "Year", t.Year())
}
