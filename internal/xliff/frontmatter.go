package xliff

import (
	"bytes"
	"maps"
	"path"
	"regexp"
	"strings"

	"github.com/udenmitid/sitegen/internal/blocks"
	"github.com/udenmitid/sitegen/internal/content"
)

// newFile writes a new translation from the source's file as exported:
// its front matter as written (every field, in its order and format,
// YAML or TOML), with the fields that belong to the source's language
// changed (langFields), the translated title, description, link_title
// and summary, translated_from and needs_review set; then the
// translated body. A translated link_title or summary stands where the
// source has it, under the name the source writes it with (Hugo's
// linkTitle:, Docusaurus's sidebar_label:).
func newFile(src *content.File, skl skeleton, targets map[string][]blocks.Part, body []byte, review bool) ([]byte, error) {
	data := []byte(skl.SourceFile)
	fields := langFields(src, data, langFolder(skl.Source), langFolder(skl.Target), targets)
	return setFront(data, append(fields, unitFields(targets, skl, review, frontKeys(src, data))...), body)
}

// updateFile writes an existing translation anew: its front matter with
// the translated title, description, link_title and summary,
// translated_from and needs_review set, every other field and byte kept,
// then the body. A link_title or summary the translation has is set in
// its place, under its name; one it lacks is added under the name the
// source writes it with, at the end of the front matter.
func updateFile(current []byte, src *content.File, targets map[string][]blocks.Part, body []byte, skl skeleton, review bool) ([]byte, error) {
	keys := frontKeys(src, []byte(skl.SourceFile))
	if tr, _ := content.Parse(skl.Target, current); tr != nil {
		maps.Copy(keys, frontKeys(tr, current))
	}
	return setFront(current, unitFields(targets, skl, review, keys), body)
}

// frontKeys returns the names f's file, data, writes the fields of
// frontFields with, by id ("link_title": "linkTitle"), for those it has.
func frontKeys(f *content.File, data []byte) map[string]string {
	keys := map[string]string{}
	for _, ff := range frontFields {
		if f.Meta.Lines.Has(ff.id) {
			if k := writtenKey(data, f.Meta.Lines.Line(ff.id)); k != "" {
				keys[ff.id] = k
			}
		}
	}
	return keys
}

// unitFields are the front matter fields an import sets: the translated
// title, description, link_title and summary (each of the last two under
// the name keys gives, else its own), translated_from, and needs_review
// (removed when every unit is final).
func unitFields(targets map[string][]blocks.Part, skl skeleton, review bool, keys map[string]string) []content.Field {
	title, _ := frontText(targets, "title")
	fields := []content.Field{{Name: "title", Value: title}}
	if d, ok := frontText(targets, "description"); ok {
		fields = append(fields, content.Field{Name: "description", Value: d})
	}
	for _, ff := range frontFields {
		if t, ok := frontText(targets, ff.id); ok {
			name := ff.id
			if k := keys[ff.id]; k != "" {
				name = k
			}
			fields = append(fields, content.Field{Name: name, Value: t})
		}
	}
	fields = append(fields, content.Field{Name: "translated_from", Value: skl.Hash})
	if review {
		fields = append(fields, content.Field{Name: "needs_review", Value: true})
	} else {
		fields = append(fields, content.Field{Name: "needs_review", Value: nil})
	}
	return fields
}

// langFields are the changes a new translation makes to its source's
// front matter, so that the translation stands where its fallback page
// stood (the README's content model: a fallback page takes the file name
// and url: of the version it stands in for, never its slug:):
//   - slug: (and Docusaurus's id:, which is a slug) goes: it is the URL
//     segment in the source's language, which the fallback page did not
//     take either. The translator may give the page a slug of its own.
//   - aliases: go: they are old paths of the source's URL, in the
//     source's language folder, which the source keeps redirecting.
//   - url: (and a slug: that starts with "/") stays, since the fallback
//     page stood there; a language folder leading it (url: /en/docs/x/)
//     becomes the translation's (/de/docs/x/).
//   - link_title: (linkTitle:, sidebar_label:) and summary: are units,
//     translated (unitFields); from an export made before they were units
//     they go: they are text in the source's language, and without them
//     the page's translated title and description stand in.
//
// translation_key: stays: it pairs the translation with its source.
func langFields(src *content.File, data []byte, from, to string, targets map[string][]blocks.Part) []content.Field {
	m := src.Meta
	var out []content.Field
	drop := func(canonical string) {
		if m.Lines.Has(canonical) {
			if k := writtenKey(data, m.Lines.Line(canonical)); k != "" {
				out = append(out, content.Field{Name: k, Value: nil})
			}
		}
	}
	drop("aliases")
	for _, ff := range frontFields {
		if _, translated := targets[ff.id]; !translated {
			drop(ff.id)
		}
	}
	if m.Slug != "" {
		drop("slug")
		drop("id")
	}
	if first, rest, _ := strings.Cut(m.URL, "/"); m.URL != "" && from != "" && strings.EqualFold(first, from) {
		field := "url"
		if !m.Lines.Has("url") {
			field = "slug"
		}
		if k := writtenKey(data, m.Lines.Line(field)); k != "" {
			out = append(out, content.Field{Name: k, Value: "/" + path.Join(to, rest) + "/"})
		}
	}
	return out
}

// langFolder returns the language folder of a path of content/:
// "de" for "content/de/post.md".
func langFolder(p string) string {
	parts := strings.SplitN(p, "/", 3)
	if len(parts) < 3 {
		return ""
	}
	return parts[1]
}

// fieldKey matches a top-level front matter field's name as written:
// YAML's "name:" or TOML's "name =".
var fieldKey = regexp.MustCompile(`^([A-Za-z_][\w.-]*)[ \t]*[:=]`)

// writtenKey returns the name of the field written on line (from 1) of
// data, or "".
func writtenKey(data []byte, line int) string {
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if line < 1 || line > len(lines) {
		return ""
	}
	if m := fieldKey.FindSubmatch(bytes.TrimLeft(lines[line-1], " \t")); m != nil {
		return string(m[1])
	}
	return ""
}

// setFront returns data's front matter with fields set, and body after
// it, in data's line endings.
func setFront(data []byte, fields []content.Field, body []byte) ([]byte, error) {
	data, err := content.SetFields(data, fields)
	if err != nil {
		return nil, err
	}
	// Keep the front matter and its fence, then the new body, in the
	// file's line endings.
	crlf := bytes.Contains(data, []byte("\r\n"))
	lines := bytes.SplitAfter(data, []byte("\n"))
	fence := bytes.TrimRight(bytes.TrimPrefix(lines[0], []byte("\xef\xbb\xbf")), " \t\r\n")
	end := 0
	for i := 1; i < len(lines); i++ {
		if bytes.Equal(bytes.TrimRight(lines[i], " \t\r\n"), fence) {
			end = i
			break
		}
	}
	var out []byte
	for _, l := range lines[:end+1] {
		out = append(out, l...)
	}
	if !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n')
	}
	if crlf {
		body = bytes.ReplaceAll(body, []byte("\n"), []byte("\r\n"))
	}
	return append(out, body...), nil
}
