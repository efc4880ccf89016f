package content

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlError turns an error of the YAML parser into one at the file line
// the editor must change, saying what to write: the parser's words
// ("mapping values are not allowed in this context") name its grammar,
// not the mistake. line is the file line on which yml starts. The
// mistakes with a hint are those editors make (an unquoted ": " in a
// value, a tab, a quote not closed, an indentation that does not line
// up, a list not closed); any other error keeps the parser's words.
func yamlError(err error, yml []byte, line int) *LineError {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	n := 0 // the line of yml, 1-based, or 0 when the parser gave none
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	lines := strings.Split(string(yml), "\n")
	at, hint := yamlHint(msg, lines, n)
	if at == 0 {
		at = max(n, 1)
	}
	if hint != "" {
		// What to do first; the parser's words after it, as they are
		// what a search for the error finds.
		msg = hint + " (the YAML parser: " + msg + ")"
	}
	return &LineError{line - 1 + at, "front matter is not valid YAML: " + msg}
}

// yamlHint returns the 1-based line of the mistake a parser message
// stands for (0: the line the parser gave) and what to do about it.
// lines are the front matter's, n the parser's line or 0.
func yamlHint(msg string, lines []string, n int) (int, string) {
	switch {
	case strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token") && hasTab(lines, n):
		at := firstLine(lines, n, func(l string) bool { return strings.Contains(l, "\t") })
		return at, "the line holds a tab: indent with spaces, and write a value that holds a tab in quotes"
	case strings.Contains(msg, "cannot start any token"):
		at := firstLine(lines, n, func(l string) bool {
			_, v, ok := strings.Cut(l, ":")
			v = strings.TrimLeft(v, " ")
			return ok && v != "" && strings.ContainsRune("@`%", rune(v[0]))
		})
		return at, "a value that starts with @, ` or % must be in quotes, e.g. title: \"@name\""
	case strings.Contains(msg, "mapping values are not allowed"):
		at := firstLine(lines, n, func(l string) bool {
			_, v, ok := strings.Cut(l, ": ")
			return ok && strings.Contains(v, ": ") && !quoted(v)
		})
		if at > 0 {
			k, v, _ := strings.Cut(lines[at-1], ": ")
			return at, "the value holds \": \" (a colon and a space), which YAML reads as the start of a field: put the value in quotes, " +
				strings.TrimSpace(k) + ": " + strconv.Quote(strings.TrimSpace(v))
		}
		if n > 0 && n <= len(lines) && strings.HasPrefix(lines[n-1], " ") {
			return n, "the line is indented, so it continues the value above it: start a field at the beginning of the line, or put a value that goes on over lines in quotes"
		}
		return n, "a value that holds \": \" must be in quotes"
	case strings.Contains(msg, "unexpected end of stream"):
		at := firstLine(lines, 0, func(l string) bool {
			_, v, ok := strings.Cut(l, ":")
			v = strings.TrimSpace(v)
			return ok && v != "" && (v[0] == '"' || v[0] == '\'') && !quoted(v)
		})
		return at, "a quote that opens a value is not closed: end the value with the same quote, on the same line"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-' indicator"):
		return n, "the indentation does not line up, or text follows a quoted value: start each field at the beginning of the line, indent the items of a list (- item) alike, and keep a quoted value's text inside its quotes"
	case strings.Contains(msg, "could not find expected ':'"):
		return n, "every line is a field (name: value), an item of a list (- item) or, indented, the rest of the value above it"
	case strings.Contains(msg, "'"+"]'"), strings.Contains(msg, "'"+"}'"):
		// An unclosed [ or { is reported at a line that depends on what
		// follows it; the line that opens it is what the editor must fix.
		for _, pair := range []string{"[]", "{}"} {
			if strings.Contains(msg, "'"+pair[1:]+"'") {
				if open := unclosedLine(lines, pair[0], pair[1]); open > 0 {
					return open, "close the list with " + pair[1:]
				}
			}
		}
	}
	return 0, ""
}

// hasTab reports whether line n, or any line when n is 0, holds a tab.
func hasTab(lines []string, n int) bool {
	return firstLine(lines, n, func(l string) bool { return strings.Contains(l, "\t") }) > 0
}

// firstLine returns line n if it matches, else the first line that does
// (1-based), or 0.
func firstLine(lines []string, n int, match func(string) bool) int {
	if n > 0 && n <= len(lines) && match(lines[n-1]) {
		return n
	}
	for i, l := range lines {
		if match(l) {
			return i + 1
		}
	}
	return 0
}

// quoted reports whether a value is one quoted string, with nothing but
// a comment after it.
func quoted(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) < 2 || v[0] != '"' && v[0] != '\'' {
		return false
	}
	end := strings.LastIndexByte(v, v[0])
	if end == 0 {
		return false
	}
	rest := strings.TrimSpace(v[end+1:])
	return rest == "" || strings.HasPrefix(rest, "#")
}

// unclosedLine returns the first 1-based line that opens more brackets
// than it closes, or 0.
func unclosedLine(lines []string, open, close byte) int {
	for i, l := range lines {
		if strings.Count(l, string(open)) > strings.Count(l, string(close)) {
			return i + 1
		}
	}
	return 0
}
