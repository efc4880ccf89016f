package build

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/pages"
)

// This file is what a build with Options.KeepGoing does beyond a normal
// one: it resolves the model without the files whose errors stop it, and
// hands back what it made together with every error.

// modelWithout records the keys of content files that failed to load and,
// when pages.New could not resolve a model at all (a folder without an
// _index.md, say), resolves it again without the files its errors name,
// until it can or nothing is left to drop. The errors are the first
// attempt's, where the editor must fix things, and those of the model
// finally resolved.
func (b *Builder) modelWithout(site *pages.Site, diags diag.List, in pages.Input) (*pages.Site, diag.List) {
	files := in.Files
	b.omitted = map[string]bool{}
	b.dropped = nil
	for p := range b.broken {
		if key, ok := contentKey(p); ok {
			b.omitted[key] = true
		} else if key, ok := resourceKey(p); ok {
			// A file beside a page that is refused (it could run script,
			// say) is one error at the file, and links to it are none;
			// so is an HTML page that does not load, x.md to a link.
			b.omitted[key] = true
			b.omitted[content.PageKey(key)] = true
		}
	}
	for _, p := range b.walkOmitted() {
		key, _ := contentKey(p)
		b.omitted[key] = true
	}
	last := diags
	for site == nil {
		named := map[string]bool{}
		for _, d := range last.Errors() {
			named[d.Path] = true
		}
		var kept []*content.File
		for _, f := range files {
			if named[f.Path] {
				b.dropped = append(b.dropped, f.Path)
				b.omitted[f.Key] = true
			} else {
				kept = append(kept, f)
			}
		}
		if len(kept) == len(files) {
			break
		}
		files = kept
		in.Files = files
		site, last = pages.New(b.cfg, in)
		if site != nil {
			diags.Add(last)
		}
	}
	return site, diags
}

// omittedLink reports whether a link that did not resolve goes to a
// content file left out of the model for its own errors: the link's
// dependencies name it by its file key.
func (b *Builder) omittedLink(l pages.Link) bool {
	for _, d := range l.Deps {
		if b.omitted[strings.TrimPrefix(d, pages.FileDep)] {
			return true
		}
	}
	return false
}

// stubs returns a stand-in for each content file that does not load (its
// front matter is broken, say): what content.Partial can read of it, its
// body and the fields that are right, with its file name for a title if
// need be. Its body is converted, so its links and Markdown are checked
// in the same run. With them the model keeps its shape, so a broken home or
// section page does not turn into errors about a missing home page or
// section in every file below it, and the other files are checked as far
// as they go. The stand-ins are never published (a build with errors
// writes nothing) and are left out of Result.Docs, so check does not read
// them as pages.
func (b *Builder) stubs() []*content.File {
	var out []*content.File
	b.stubbed = map[string]bool{}
	for _, p := range slices.Sorted(maps.Keys(b.broken)) {
		if _, ok := contentKey(p); !ok {
			continue
		}
		f := content.Partial(b.src, p)
		if f == nil || b.cfg.Language(f.Lang) == nil {
			continue
		}
		f.Lang = b.cfg.Language(f.Lang).Code
		b.stubbed[p] = true
		out = append(out, f)
	}
	return out
}

// keptGoing completes the Result of a build with errors: every error, and
// the content files left out of the model.
func (b *Builder) keptGoing(res *Result, errs ...error) (*Result, error) {
	if res == nil {
		res = &Result{Catalog: b.catalog, Layouts: b.layouts}
	}
	var all diag.List
	for _, err := range errs {
		var l diag.List
		switch {
		case err == nil:
		case errors.As(err, &l):
			all.Add(l.Errors())
			res.Warnings = append(res.Warnings, l.Warnings()...).Sort()
		default:
			all.Errorf("", 0, "%v", err)
		}
	}
	omitted := map[string]bool{}
	for p := range b.broken {
		if _, ok := contentKey(p); ok {
			omitted[p] = true
		}
	}
	for _, p := range b.dropped {
		omitted[p] = true
	}
	for _, p := range b.walkOmitted() {
		omitted[p] = true
	}
	res.Omitted = slices.Sorted(maps.Keys(omitted))
	if len(all) == 0 {
		return res, nil
	}
	return res, all.Sort()
}

// walkOmitted returns the content pages that content.Walk reported and
// left out of its list (a name that cannot be a URL, index.md beside
// _index.md, a page inside a page bundle): like a file that fails to load,
// each is its one error, and a link to it is none.
func (b *Builder) walkOmitted() []string {
	var out []string
	for _, d := range b.broken[brokenWalk] {
		if _, ok := contentKey(d.Path); ok {
			out = append(out, d.Path)
		}
	}
	return out
}

// contentKey returns the key of a Markdown page's path ("content/da/a.md"
// -> "a.md", "content/da/b.markdown" -> "b.md"), and false for any other
// path.
func contentKey(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, content.Dir+"/")
	if !ok {
		return "", false
	}
	_, key, ok := strings.Cut(rest, "/")
	if !ok || !content.IsPage(key) {
		return "", false
	}
	return content.PageKey(norm.NFC.String(key)), true
}

// resourceKey returns the key of a file beside a page by its path
// ("content/da/x.pdf" -> "x.pdf"), and false for any other path.
func resourceKey(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, content.Dir+"/")
	if !ok || content.IsPage(p) {
		return "", false
	}
	_, key, ok := strings.Cut(rest, "/")
	return norm.NFC.String(key), ok && key != ""
}
