package locale

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Endonym returns a language's name in itself, from CLDR, for the name of
// a [[languages]] entry: "sv" gives "Svenska", "ar" "العربية", "kl"
// "Kalaallisut".
//
// A tag with a region or script gets a name that tells it apart from the
// language's other tags, since a language switcher shows them side by
// side: CLDR's own name for the whole tag when it names that language
// ("en-GB" gives "British English", "pt-PT" "Português europeu", "zh-Hans"
// "简体中文", "es-419" "Español latinoamericano"), else the language's name
// followed by the script and region in brackets, each in the language
// itself, as CLDR's locale display pattern writes them ("pt-BR" gives
// "Português (Brasil)", "sr-Latn" "Srpski (latinica)"). A script or region
// CLDR does not name in the language is given by its code ("kl-DK" gives
// "Kalaallisut (DK)").
//
// A few names are not CLDR's as golang.org/x/text carries them (names):
// Dari, fa-AF, is "دری", the name CLDR's Persian gives it, not "Persian
// (Afghanistan)"; Kurdish has names for ku and kmr (Kurmanji), which x/text
// lacks, and ckb (Sorani) is "کوردی", as its speakers call it, not CLDR's
// "Central Kurdish".
//
// The first letter is a capital, as in a menu, where the script has
// capitals in everyday writing (Latin, Cyrillic, Greek, Armenian) and the
// language's rules say which (Turkish i is İ); Georgian has capitals
// (Mtavruli) only for headings in capitals throughout, so "ქართული" stays
// as it is. A name whose first word already holds a capital inside
// ("isiZulu") is kept as CLDR writes it. Endonym returns the code for a
// tag CLDR has no name for.
func Endonym(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if name, ok := names[tag.String()]; ok {
		return name
	}
	name := selfName(tag)
	if name == "" {
		return code
	}
	return capitalise(tag, name)
}

// names are the endonyms Endonym gives in place of x/text's, by tag in
// x/text's canonical spelling; see Endonym.
var names = map[string]string{
	"fa-AF": "دری",
	"ku":    "Kurdî",
	"kmr":   "Kurmancî",
	"ckb":   "کوردی",
}

// casedScripts are the scripts whose words start with a capital in a
// menu: those with case in everyday writing.
var casedScripts = []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Armenian}

// selfName is tag's name in itself, in lower case where CLDR writes it so.
func selfName(tag language.Tag) string {
	script, sc := tag.Script()
	region, rc := tag.Region()
	if sc != language.Exact && rc != language.Exact {
		return display.Self.Name(tag)
	}
	base, _ := tag.Base()
	lang := nameIn(display.Languages(tag), base)
	if lang == "" {
		lang = display.Self.Name(language.Make(base.String()))
	}
	if lang == "" {
		return ""
	}
	// CLDR names some whole tags ("British English", "简体中文"). x/text
	// also gives sr-Latn the name of sh, Serbo-Croatian, another language:
	// a whole-tag name is used only when it holds the language's name.
	if whole := nameIn(display.Tags(tag), tag); whole != "" && whole != lang &&
		strings.Contains(strings.ToLower(whole), strings.ToLower(lang)) {
		return whole
	}
	var parts []string
	if sc == language.Exact {
		parts = append(parts, orCode(nameIn(display.Scripts(tag), script), script.String()))
	}
	if rc == language.Exact {
		parts = append(parts, orCode(nameIn(display.Regions(tag), region), region.String()))
	}
	return lang + " (" + strings.Join(parts, ", ") + ")"
}

// nameIn is n's name for x, or "" when n is nil: x/text has no
// dictionary for the language.
func nameIn(n display.Namer, x any) string {
	if n == nil {
		return ""
	}
	return n.Name(x)
}

func orCode(name, code string) string {
	if name == "" {
		return code
	}
	return name
}

// capitalise upper-cases name's first letter by the rules of tag's
// language, when the letter's script has case in everyday writing and the
// first word has no capital inside already.
func capitalise(tag language.Tag, name string) string {
	r, size := utf8.DecodeRuneInString(name)
	if !unicode.In(r, casedScripts...) {
		return name
	}
	first, _, _ := strings.Cut(name[size:], " ")
	if strings.IndexFunc(first, unicode.IsUpper) >= 0 {
		return name
	}
	return cases.Upper(tag).String(string(r)) + name[size:]
}
