package pages

import (
	"fmt"
	"strings"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
)

// checkLangFolders reports, when the default language is at the root, its
// pages and files whose URL lies in another language's folder:
// content/en/da.md would be /da/, the Danish home page. It blames the
// topmost page only (a section's pages follow its URL), and the file of a
// fallback page's source; index leaves all of them to it.
func (s *Site) checkLangFolders(diags *diag.List) {
	root := s.AtRoot()
	if root == nil {
		return
	}
	for _, p := range s.Home(root).Children() {
		other := s.langOfFolder(p.Path)
		if other == nil {
			continue
		}
		where := s.langFolderWhere(other)
		if p.Fallback {
			diags.Errorf(p.source.File.Path, 1, "its fallback page in %s has URL /%s, which is %s: the default language %s is at the site root (default_language_in_subdir = false), so the other languages' URLs start with their folders; rename the file, or give it a translation in %s/%s/ with another slug:",
				root.Code, p.Path, where, root.Code, content.Dir, root.Folder)
			continue
		}
		diags.Errorf(p.File.Path, slugLine(p), "has URL /%s, which is %s: the default language %s is at the site root (default_language_in_subdir = false), so the other languages' URLs start with their folders; give this page another slug:, or rename the file",
			p.Path, where, root.Code)
	}
}

// checkLangFolder reports a file beside a page of the language at the root
// whose URL lies in another language's folder, unless a page of the folder
// it is in is reported already.
func (s *Site) checkLangFolder(r *Resource, diags *diag.List) {
	if r.Lang.Prefix != "" {
		return
	}
	other := s.langOfFolder(r.Path)
	if other == nil {
		return
	}
	top, _, _ := strings.Cut(r.Key, "/")
	for _, p := range s.Home(r.Lang).Children() {
		if seg, _, _ := strings.Cut(p.FileKey, "/"); seg == top && s.langOfFolder(p.Path) == other {
			return
		}
	}
	diags.Errorf(r.Src.Path, 0, "published as /%s, which is in %s: the default language %s is at the site root (default_language_in_subdir = false), so the other languages' URLs start with their folders; rename the file or its folder",
		r.Path, s.langFolderWhere(other), r.Lang.Code)
}

// langOfFolder returns the language, other than one at the root, whose
// folder the URL path below the base path lies in ("da/" and "da/x/" are
// in da's), comparing as hosts do (fold), or nil.
func (s *Site) langOfFolder(p string) *Lang {
	top, _, _ := strings.Cut(p, "/")
	for _, l := range s.Langs {
		if l.Prefix != "" && fold(top) == l.Folder {
			return l
		}
	}
	return nil
}

// langFolderWhere describes a language's folder for an error message.
func (s *Site) langFolderWhere(l *Lang) string {
	home := s.Home(l)
	if home.File != nil {
		return fmt.Sprintf("the folder of language %s (its home page %s is /%s)", l.Code, home.File.Path, home.Path)
	}
	return fmt.Sprintf("the folder of language %s (its home page is /%s)", l.Code, home.Path)
}
