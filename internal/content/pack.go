package content

import "strings"

// fileMeta is a File and its Meta in one allocation: the site model keeps
// both for every page, and the collector marks one object where it marked
// two (issue 30).
type fileMeta struct {
	file File
	meta Meta
}

// newFile returns the File of the content file at p (lang and key are
// parts of p as Parse cut them; key is the page key made of them), with a
// copy of m as its Meta. The strings the two keep for the whole build,
// the path and the front matter's text fields and lines, are copied into
// one string each is a part of: one allocation where there were up to a
// dozen, which cost the collector's marking a pointer each at 100,000
// pages (issue 30). Values in Params, Menus and Terms are left as they are.
func newFile(p, lang, key string, m *Meta, body []byte, bodyLine int) *File {
	fm := &fileMeta{meta: *m}
	f, mm := &fm.file, &fm.meta
	*f = File{Path: p, Key: key, Meta: mm, Body: body, BodyLine: bodyLine, HTML: isHTMLName(p)}
	keyInPath := strings.HasSuffix(p, "/"+key)
	fields := []*string{&f.Path, &mm.Title, &mm.Description, &mm.LinkTitle, &mm.Summary, &mm.Slug, &mm.URL,
		&mm.TranslationKey, &mm.TranslatedFrom, &mm.Lines.enc}
	if mm.rare != nil {
		fields = append(fields, &mm.rare.layout)
	}
	if !keyInPath {
		fields = append(fields, &f.Key)
	}
	pack(fields)
	f.Lang = f.Path[len(Dir)+1:][:len(lang)] // Parse cut lang from p, after "content/"
	if keyInPath {
		f.Key = f.Path[len(f.Path)-len(key):]
	}
	return f
}

// pack copies the strings fields point to into one new string, each
// field then holding its part of it; the strings are the same.
func pack(fields []*string) {
	n := 0
	for _, s := range fields {
		n += len(*s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range fields {
		b.WriteString(*s)
	}
	all := b.String()
	for _, s := range fields {
		*s, all = all[:len(*s)], all[len(*s):]
	}
}
