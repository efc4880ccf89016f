package markdown

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// An IDStyle is a rule that makes a heading's id from its text: the
// values of heading_ids under [markdown] in sitegen.toml. A site moved
// from another generator keeps the rule its old pages were made with, so
// that the #anchors its pages and other sites link to still lead
// somewhere. Hugo names its rules in markup.goldmark.parser.
// autoHeadingIDType; github, github-ascii and blackfriday here are those.
type IDStyle string

// The heading id styles.
const (
	// IDsGitHub keeps every language's letters, as GitHub and Hugo's
	// default "github" make ids (Slugify). The default.
	IDsGitHub IDStyle = "github"
	// IDsASCII spells Latin letters the way the page's language writes
	// them in ASCII and leaves out the rest (SlugifyASCII): sitegen's
	// own rule for sites that want ids in ASCII.
	IDsASCII IDStyle = "ascii"
	// IDsGitHubASCII is Hugo's "github-ascii" (SlugifyGitHubASCII).
	IDsGitHubASCII IDStyle = "github-ascii"
	// IDsBlackfriday is Hugo's "blackfriday", the rule of the Blackfriday
	// renderer Hugo used before Goldmark (SlugifyBlackfriday).
	IDsBlackfriday IDStyle = "blackfriday"
)

// IDStyles are the styles, in the order the manual lists them.
var IDStyles = []IDStyle{IDsGitHub, IDsASCII, IDsGitHubASCII, IDsBlackfriday}

// Slug makes an id from a heading's visible text by style s, for a page
// in language lang (only IDsASCII reads it). An unknown or empty style is
// IDsGitHub. The result may be "" (text of punctuation only); the
// converter then writes "section".
func (s IDStyle) Slug(text, lang string) string {
	switch s {
	case IDsASCII:
		return SlugifyASCII(text, lang)
	case IDsGitHubASCII:
		return SlugifyGitHubASCII(text)
	case IDsBlackfriday:
		return SlugifyBlackfriday(text)
	}
	return Slugify(text)
}

// SlugifyGitHubASCII makes an id by Hugo's "github-ascii" rule, which
// Hugo's documentation states as GitHub's rule that "drops any non-ASCII
// characters after accent normalization": each letter loses its accents
// (the text decomposed, NFD, and its combining marks left out), then
// Slugify's rule applies with every character outside ASCII left out.
// So "Café résumé" is "cafe-resume", "Über Straße" "uber-strae" (ß has no
// accent to lose), and "God is Good: 神真美好" "god-is-good-" (the space
// before the Chinese stays a "-", as in Hugo's own test of the rule).
// Unlike IDsASCII, no language's own spelling is used: "Sådan" is
// "sadan", not Danish "saadan".
func SlugifyGitHubASCII(text string) string {
	var b strings.Builder
	// Trimmed first, as Hugo does, so that a space next to a left-out
	// character stays a "-".
	for _, r := range norm.NFD.String(strings.TrimSpace(text)) {
		switch {
		case r >= 0x80: // marks, and what has no ASCII form
		case r == '-' || unicode.IsSpace(r):
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// SlugifyBlackfriday makes an id by the rule of the Blackfriday Markdown
// renderer, which Hugo keeps as autoHeadingIDType = "blackfriday" for
// sites made before Hugo moved to Goldmark. The rule is specified by
// package github.com/shurcooL/sanitized_anchor_name, whose documented
// examples it gives: letters and numbers of every script are kept, lower
// case; every run of other characters (spaces, punctuation, symbols,
// combining marks) between two kept ones becomes one "-", and none is
// written at the start or the end. So "main.go" is "main-go", "<- Let's
// try this, shall we?" is "let-s-try-this-shall-we", "Hello, 世界" is
// "hello-世界", and "This is also    a header" "this-is-also-a-header".
// The text is taken as written, not normalized, as Blackfriday took it.
func SlugifyBlackfriday(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		dash = true
	}
	return b.String()
}
