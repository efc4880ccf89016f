package scaffold

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/udenmitid/sitegen/internal/locale"
)

// untranslated returns the start of code's message file, for a language
// the theme has no strings for: every message of the theme's English file
// en, in its order and with the comments above it that say where it shows,
// each holding its English text and marked needs_review. A plural message
// has every form code needs (locale.Forms), each with the English text to
// translate: English one where code has one, English other in the rest, so
// that the site builds at once and every form waits for its translation.
// Where the English text names English as the page's language, it names
// code's language instead: a Catalan fallback page says "This page is not
// available in Catalan", not, above the link to the English page, that it
// is not available in English.
func untranslated(code string, en []byte) ([]byte, error) {
	var raw map[string]any
	md, err := toml.Decode(string(en), &raw)
	if err != nil {
		return nil, fmt.Errorf("the theme's English strings do not parse: %w", err)
	}
	comments := commentsAbove(en)
	forms := locale.Forms(code)
	name := englishName(code)
	var b strings.Builder
	fmt.Fprintf(&b, "# UI strings for %s (%s). The built-in theme has none for this\n"+
		"# language, so these are its English strings: translate each one, in\n"+
		"# every plural form, and remove its needs_review line. sitegen build\n"+
		"# lists the messages still marked. The plural forms are the ones %s\n"+
		"# needs by CLDR: %s.\n",
		name, code, code, strings.Join(forms, ", "))
	quote := func(s string) string { return Quote(strings.ReplaceAll(s, "English", name)) }
	for _, key := range md.Keys() {
		if len(key) != 1 {
			continue // a key inside a message's table
		}
		id := key[0]
		b.WriteString("\n")
		for _, c := range comments[id] {
			b.WriteString(c + "\n")
		}
		fmt.Fprintf(&b, "[%s]\n", id)
		v := raw[id]
		if text, ok := v.(string); ok {
			v = map[string]any{"other": text}
		}
		switch v := v.(type) {
		case map[string]any:
			if d, ok := v["description"].(string); ok {
				fmt.Fprintf(&b, "description = %s\n", quote(d))
			}
			one, _ := v["one"].(string)
			other, _ := v["other"].(string)
			// As locale counts it: a form but other, or .Count shown.
			plural := slices.ContainsFunc([]string{"zero", "one", "two", "few", "many"}, func(f string) bool { return v[f] != nil }) ||
				strings.Contains(other, ".Count")
			if !plural {
				fmt.Fprintf(&b, "other = %s\n", quote(other))
				break
			}
			for _, f := range forms {
				text := other
				if f == "one" && one != "" {
					text = one
				}
				fmt.Fprintf(&b, "%s = %s\n", f, quote(text))
			}
		default:
			return nil, fmt.Errorf("the theme's English message %q is neither a string nor a table", id)
		}
		b.WriteString("needs_review = true\n")
	}
	return []byte(b.String()), nil
}

// commentsAbove returns, for each message of a message file, the comment
// lines right above the line that starts it ("id = ..." or "[id]").
func commentsAbove(data []byte) map[string][]string {
	out := map[string][]string{}
	var block []string
	for _, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "#"):
			block = append(block, t)
			continue
		case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
			out[strings.Trim(t, `[]" `)] = block
		case strings.Contains(t, "=") && len(block) > 0:
			id, _, _ := strings.Cut(t, "=")
			if _, seen := out[strings.Trim(id, `" `)]; !seen {
				out[strings.Trim(id, `" `)] = block
			}
		}
		block = nil
	}
	return out
}

// Quote writes s as a double-quoted string that TOML (a basic string) and
// YAML (a double-quoted scalar) read alike: the quote, the backslash and
// control characters escaped (\n, \t, \uXXXX), everything else as it is.
// The scaffold's config and the importer's front matter use it.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
