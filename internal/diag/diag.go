// Package diag holds the diagnostics every stage of the build reports:
// errors and warnings that name a file and a line, printed the way
// compilers and editors expect them:
//
//	content/da/klage.md:3: unknown front matter field "titel" (did you mean "title"?)
//
// A stage never stops at its first problem. It collects all of them in a
// List, and the build reports the whole List at the end.
//
// A diagnostic is printed safely whatever the file's name: a path with a
// control character, an invisible or bidirectional format character or
// bytes that are not UTF-8 is printed quoted, with escapes (QuotePath),
// so that a name cannot act on the terminal or split the line.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity tells whether a diagnostic fails the build.
type Severity int

const (
	Error   Severity = iota // the build fails
	Warning                 // the build succeeds; the editor should look
)

// A Diagnostic is one problem in one file. Its Msg quotes any name it
// holds with %q; its Path is printed by QuotePath.
type Diagnostic struct {
	Path     string // slash-separated, relative to the site root; "" when no file applies
	Line     int    // 1-based; 0 when no line applies
	Msg      string
	Severity Severity
}

// String formats the diagnostic as path:line: [warning: ]message, the
// path as QuotePath prints it. In the message, which quotes names with %q,
// control characters other than newline and tab, bidirectional controls
// and bytes that are not UTF-8 are escaped all the same, in case a name
// got in unquoted.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.Path != "" {
		b.WriteString(QuotePath(d.Path))
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
		}
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(EscapeControls(d.Msg))
	return b.String()
}

// A List is the diagnostics of one build. A List that holds at least one
// error is itself an error.
type List []Diagnostic

// Errorf adds an error at path:line.
func (l *List) Errorf(path string, line int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at path:line.
func (l *List) Warnf(path string, line int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Msg: fmt.Sprintf(format, args...), Severity: Warning})
}

// Add appends all diagnostics of other.
func (l *List) Add(other List) { *l = append(*l, other...) }

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Errors returns the errors only.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns the warnings only.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders the list by path, then line, then message, and drops exact
// duplicates, so that output is the same however the work was scheduled.
func (l List) Sort() List {
	slices.SortFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.Compact(l)
}

// Err returns the list as an error if it holds an error, else nil.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Error formats every diagnostic, one a line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// QuotePath returns a file path for a terminal or a log: as it is when
// every character in it prints as itself, else in Go's double quotes with
// the others escaped (strconv.Quote). So a file name cannot send escape
// sequences to the terminal, split the line with a newline, or turn the
// rest of the line around with a right-to-left override (U+202E): control
// characters, bidirectional and other invisible format characters, spaces
// other than U+0020, and bytes that are not UTF-8 are all shown as
// escapes, such as "content/da/\x1b[31m.md" and "content/da/\u202emd.exe".
func QuotePath(p string) string {
	for _, r := range p {
		if r == utf8.RuneError || !strconv.IsPrint(r) || r == '"' || r == '\\' {
			return strconv.Quote(p)
		}
	}
	return p
}

// EscapeControls escapes, in text, the characters that act on a terminal
// instead of showing: control characters (but newline and tab),
// bidirectional controls, line and paragraph separators, and bytes that
// are not UTF-8.
func EscapeControls(s string) string {
	if !strings.ContainsFunc(s, actsOnTerminal) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", s[0])
		case actsOnTerminal(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}

func actsOnTerminal(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}
