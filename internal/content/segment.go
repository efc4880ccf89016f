package content

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// MaxSegment is the longest file name, folder name or slug, in bytes.
// File systems allow 255; a URL segment this long is already a mistake.
const MaxSegment = 100

// CheckSegment reports whether s can be one segment of a URL and one name
// in a folder: letters and combining marks of any script, digits, "-",
// "_" and ".", with "." neither first nor last, at most MaxSegment bytes.
// s must be NFC (Name gives that form of a file name). A leading "." would
// hide the file on Unix, a trailing one is dropped by Windows; "." and
// ".." are the folder itself and its parent.
func CheckSegment(s string) error {
	if s == "" {
		return errors.New("it is empty")
	}
	if len(s) > MaxSegment {
		return fmt.Errorf("%q is longer than %d bytes", s, MaxSegment)
	}
	for _, r := range s {
		if !segmentRune(r) {
			return fmt.Errorf("%q has %s; use only letters, digits, \"-\", \"_\" and \".\"", s, RuneName(r))
		}
	}
	if s[0] == '.' || s[len(s)-1] == '.' {
		return fmt.Errorf("%q starts or ends with \".\"; a \".\" may only stand inside a name, as in release-1.0", s)
	}
	return nil
}

func segmentRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.'
}

// Name returns a file or folder name as sitegen uses it: in Unicode
// normalization form C. macOS and some editors save "å" decomposed, as
// "a" and a combining ring (NFD); both spellings are the same name.
func Name(s string) string { return norm.NFC.String(s) }

// RuneName names a character for an error message by its code point and
// Unicode name, with the character itself where it is visible on its own:
// U+2013 EN DASH "–", U+0020 SPACE.
func RuneName(r rune) string {
	name := runenames.Name(r)
	if name == "" || strings.HasPrefix(name, "<") {
		name = strings.Trim(name, "<>")
		if name == "" {
			name = "unassigned"
		}
		return fmt.Sprintf("U+%04X (%s)", r, name)
	}
	if unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.IsMark(r) {
		return fmt.Sprintf("U+%04X %s \"%c\"", r, name, r)
	}
	return fmt.Sprintf("U+%04X %s", r, name)
}
