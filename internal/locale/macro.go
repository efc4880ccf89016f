package locale

import (
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// rulesTag returns the tag whose CLDR plural rules lang counts by: its own,
// or, for a language go-i18n has no rules for that CLDR counts under a
// macrolanguage, the macrolanguage's with lang's script and region:
// Kurmanji, kmr, counts as Kurdish, ku (one and other), whose strings it
// reads (Chain).
func rulesTag(lang string) language.Tag {
	tag := language.Make(lang)
	if hasRules(tag) {
		return tag
	}
	if m, err := language.Macro.Canonicalize(tag); err == nil && m != tag && hasRules(m) {
		return m
	}
	return tag
}

// hasRules reports whether go-i18n has CLDR plural rules for tag or a
// parent of it.
func hasRules(tag language.Tag) bool { return i18n.NewBundle(tag).AddMessages(tag) == nil }
