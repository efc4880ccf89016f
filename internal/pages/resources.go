package pages

import (
	"path"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
)

// A Resource is a file from content/<lang>/ that is not a page, published
// beside its page: in the URL folder of the page bundle or section whose
// folder holds it, so content/en/hjaelp/brev.pdf is /en/help/brev.pdf when
// the section hjaelp/ has slug: help in English.
type Resource struct {
	Lang *Lang
	Key  string            // below content/<lang>/: "faq/skærm.png"
	Src  *content.Resource // the file as read
	Path string            // the output path below the base path: "da/faq/skærm.png"
	URL  string            // Path with the base path in front
}

// Resource returns the file of lang at key below content/<lang>/, or nil.
func (s *Site) Resource(lang *Lang, key string) *Resource { return s.byRes[lang.Index][key] }

func (s *Site) addResources(files []*content.Resource, diags *diag.List) {
	for _, f := range files {
		lang := s.Lang(f.Lang)
		if lang == nil {
			diags.Errorf(f.Path, 0, "language %q is not in sitegen.toml", f.Lang)
			continue
		}
		if other := s.byRes[lang.Index][f.Key]; other != nil {
			diags.Errorf(f.Path, 0, "%s has the same name; delete or rename one", other.Src.Path)
			continue
		}
		r := &Resource{Lang: lang, Key: f.Key, Src: f, Path: s.folderPath(lang, path.Dir(f.Key)) + path.Base(f.Key)}
		s.byRes[lang.Index][f.Key] = r
		s.resPath[r.Path] = r
		s.Resources = append(s.Resources, r)
		s.checkLangFolder(r, diags)
	}
}

// folderPath is the URL path of a folder below content/<lang>/ in lang:
// that of the page bundle or section it is, else its parent folder's and
// its own name.
func (s *Site) folderPath(lang *Lang, dir string) string {
	if dir == "." {
		return lang.Prefix
	}
	for _, name := range []string{content.BundleName, content.IndexName} {
		if p := s.byFile[lang.Index][dir+"/"+name]; p != nil {
			return p.Path
		}
	}
	return s.folderPath(lang, path.Dir(dir)) + path.Base(dir) + "/"
}
