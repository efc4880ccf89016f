package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/udenmitid/sitegen/internal/diag"
)

// Walk lists the files below content/, as their paths are on disk, in
// lexical order: the pages (Markdown and HTML, see IsPageFile) and the
// files published beside them. It reports misplaced files, names that
// cannot be URLs, and files written as pages in a form sitegen does not
// read (MDX, or another file that begins with front matter), and leaves
// the files it reports out of the list: each is one error, at the file,
// and the build leaves the file out of the site (links to it are no
// further errors).
// langs are the site's language tags; a language's folder matches its tag
// without regard to case, as BCP 47 tags are case-insensitive
// (content/pt-BR/ or content/pt-br/ for "pt-BR").
func Walk(fsys fs.FS, langs []string) ([]string, diag.List) {
	var diags diag.List
	var paths []string
	seenLang := map[string]string{}
	names := map[string]string{} // NFC path -> path on disk
	pageFiles := map[string]bool{}
	if err := CheckFolder(fsys, Dir); err != nil {
		diags.Errorf(Dir, 0, "%v", err)
		return nil, diags
	}
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir && errors.Is(err, fs.ErrNotExist) {
				diags.Errorf(Dir, 0, "missing: the site has no content folder; create %s/<lang>/_index.md", Dir)
				return fs.SkipAll
			}
			diags.Errorf(p, 0, "%v", unwrapPath(err))
			return nil
		}
		if p == Dir {
			return nil
		}
		name := d.Name()
		if Ignored(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			diags.Errorf(p, 0, "symbolic links are not allowed in content (they can point outside the site or loop); copy the file here instead")
			return nil
		}
		if other, ok := names[Name(p)]; ok {
			diags.Errorf(p, 0, "%s has the same name in another Unicode spelling (composed and decomposed letters, NFC and NFD); delete or rename one", other)
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		names[Name(p)] = p
		depth := strings.Count(p, "/")
		if depth == 1 {
			return walkLang(p, d, langs, seenLang, &diags)
		}
		if d.IsDir() {
			if err := CheckSegment(Name(name)); err != nil {
				diags.Errorf(p, 0, "folder name cannot be a URL segment: %v; rename the folder", err)
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			diags.Errorf(p, 0, "not a regular file")
			return nil
		}
		if msg := notAPage(fsys, p); msg != "" {
			diags.Errorf(p, 1, "%s", msg)
			return nil
		}
		isPage := IsPageFile(fsys, p)
		if msg := checkFileName(Name(name), depth, isPage); msg != "" {
			diags.Errorf(p, 0, "%s", msg)
			return nil
		}
		if isPage {
			pageFiles[p] = true
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		diags.Errorf(Dir, 0, "%v", err)
	}
	paths, bundleDiags := checkBundles(paths, pageFiles)
	diags.Add(bundleDiags)
	return paths, diags
}

// walkLang checks a folder directly below content/.
func walkLang(p string, d fs.DirEntry, langs []string, seen map[string]string, diags *diag.List) error {
	name := d.Name()
	if !d.IsDir() {
		diags.Errorf(p, 1, "content files belong in a language folder: move it to %s/<lang>/%s", Dir, name)
		return nil
	}
	tag := LangOf(name, langs)
	if tag == "" {
		diags.Errorf(p, 0, "language %q is not in sitegen.toml; add it to [[languages]] or rename the folder to one of %s", name, strings.Join(langs, ", "))
		return fs.SkipDir
	}
	if other, ok := seen[tag]; ok {
		diags.Errorf(p, 0, "%s/%s is already the folder of language %q (tags ignore case); merge the two folders", Dir, other, tag)
		return fs.SkipDir
	}
	seen[tag] = name
	return nil
}

// LangOf returns the language tag among langs that a content folder's name
// stands for, ignoring case, or "".
func LangOf(folder string, langs []string) string {
	for _, l := range langs {
		if strings.EqualFold(l, folder) {
			return l
		}
	}
	return ""
}

// checkFileName says what is wrong with a file's name, or "". depth is
// the number of slashes in its path; isPage says whether it is a page
// (IsPageFile).
func checkFileName(name string, depth int, isPage bool) string {
	key := name
	if isPage {
		key = PageKey(name)
	}
	switch {
	case key == IndexName:
		return ""
	case key == BundleName && depth == 2:
		return fmt.Sprintf("the home page of a language is %s: rename %s to %s", IndexName, name, strings.TrimSuffix(IndexName, ".md")+path.Ext(name))
	case key == BundleName:
		return ""
	case isPage:
		if err := CheckSegment(strings.TrimSuffix(key, ".md")); err != nil {
			return fmt.Sprintf("file name cannot be a URL segment: %v; rename the file", err)
		}
	default:
		if err := CheckSegment(name); err != nil {
			return fmt.Sprintf("file name cannot be part of a URL: %v; rename the file", err)
		}
	}
	return ""
}

// checkBundles reports pages inside a page bundle: a folder with an
// index.md holds that page's files, not other pages. It returns the paths
// without the pages it reports, as Walk leaves out a file whose name it
// reports, so that the mistake is one error at the file to change and not
// also a clash of URLs or a page without a section. isPage holds the paths
// of pages (IsPageFile); their names count as PageKey writes them
// (index.markdown is index.md).
//
// A folder with both index.md and _index.md is one mistake, reported once
// at its index.md: the folder is taken as the section (_index.md), so the
// pages in it are no further errors.
func checkBundles(paths []string, isPage map[string]bool) ([]string, diag.List) {
	var diags diag.List
	bundles := map[string]string{} // folder -> the name of its index.md, as written
	sections := map[string]bool{}
	for _, p := range paths {
		if !isPage[p] {
			continue
		}
		switch PageKey(path.Base(p)) {
		case BundleName:
			bundles[path.Dir(p)] = path.Base(p)
		case IndexName:
			sections[path.Dir(p)] = true
		}
	}
	if len(bundles) == 0 {
		return paths, nil
	}
	kept := paths[:0:0]
	for _, p := range paths {
		if msg := inBundle(p, isPage[p], bundles, sections); msg != "" {
			diags.Errorf(p, 0, "%s", msg)
			continue
		}
		kept = append(kept, p)
	}
	return kept, diags
}

// inBundle says what is wrong with page p being where it is among the
// folders that hold an index.md (bundles) and an _index.md (sections), or "".
func inBundle(p string, isPage bool, bundles map[string]string, sections map[string]bool) string {
	if !isPage {
		return ""
	}
	dir := path.Dir(p)
	base := path.Base(p)
	if PageKey(base) == BundleName && sections[dir] {
		return fmt.Sprintf("%s/ is both a page bundle (this %s: one page and its files) and a section (%s/%s: a page that lists pages); keep one: "+
			"to keep the section, move this page's text into %s and delete %s; to keep the bundle, delete %s and move the folder's pages out",
			dir, base, dir, IndexName, IndexName, base, IndexName)
	}
	for b := dir; strings.Count(b, "/") > 1; b = path.Dir(b) {
		name := bundles[b]
		if name == "" || sections[b] || dir == b && PageKey(base) == BundleName {
			continue
		}
		return fmt.Sprintf("%s/ is a page bundle (%s/%s is its page), which holds files, not pages: move the page out of the folder, or make the folder a section by renaming %s to %s", b, b, name, name, "_"+name)
	}
	return ""
}
