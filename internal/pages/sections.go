package pages

import (
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
)

// generateSections returns the files with a section added for each folder
// of pages that has no _index.md in any language: a page in every
// language, titled from the folder's name (FolderTitle), that lists the
// folder's pages, as Hugo makes a section of a top-level folder. Hugo
// makes none for a folder deeper down, which sitegen's model needs: every
// page stands below its folder's section. Each such folder is one warning,
// at the folder in the default language (else the first language that has
// pages in it), saying to
// create the _index.md that names it. A folder whose _index.md is a draft
// left out (drafts) gets none: its pages are then an error (noSection), as
// a draft section's pages are.
func (s *Site) generateSections(files []*content.File, drafts []string, diags *diag.List) []*content.File {
	has := map[string]bool{} // file keys of pages, in any language
	for _, f := range files {
		has[f.Key] = true
	}
	for _, k := range drafts {
		has[k] = true
	}
	missing := map[string]string{} // section key -> its folder, in the default language when it has pages there
	for _, defaultFirst := range []bool{true, false} {
		for _, f := range files {
			if (s.Lang(f.Lang) == s.Default) != defaultFirst {
				continue
			}
			for k := parentKey(f.Key); k != content.IndexName && !has[k]; k = parentKey(k) {
				if _, ok := missing[k]; !ok {
					lang := strings.Split(f.Path, "/")[1] // as on disk
					missing[k] = path.Join(content.Dir, lang, path.Dir(k))
				}
			}
		}
	}
	files = slices.Clip(files) // the caller's slice stays as it was
	for _, k := range slices.Sorted(maps.Keys(missing)) {
		dir := path.Dir(k)
		title := FolderTitle(path.Base(dir))
		for _, l := range s.Langs {
			files = append(files, &content.File{Path: path.Join(content.Dir, l.Folder, k), Lang: l.Code, Key: k, Generated: true,
				Meta: &content.Meta{Title: title}})
		}
		diags.Warnf(missing[k]+"/", 0, "folder %s/ has no %s: sitegen makes its section page, titled %q after the folder, in every language; create %s with a title and description to name it",
			dir, content.IndexName, title, path.Join(missing[k], content.IndexName))
	}
	return files
}

// FolderTitle is the title of a section made for a folder without an
// _index.md: the folder's name with its dashes and underscores as spaces
// and its first letter upper case ("getting-started" is "Getting started").
func FolderTitle(name string) string {
	t := strings.Join(strings.Fields(strings.NewReplacer("-", " ", "_", " ").Replace(name)), " ")
	r, size := utf8.DecodeRuneInString(t)
	if size == 0 {
		return name
	}
	return string(unicode.ToTitle(r)) + t[size:]
}
