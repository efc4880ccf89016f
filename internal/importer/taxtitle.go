package importer

import (
	"io/fs"
	"slices"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/udenmitid/sitegen/internal/theme"
)

// taxonomyTitle is the title in lang of the page the import adds for a
// taxonomy's folder (categories/), "" when dir is none: the old site's
// own word for it (Hugo's i18n/<lang>.toml, "categories = 'catégories'"),
// else the theme's UI string for it in that language (taxonomy_<name>),
// never the English folder name on a French page.
func (s *site) taxonomyTitle(lang, dir string) string {
	if !slices.Contains(s.cfg.taxonomies, dir) {
		return ""
	}
	if s.gen == "hugo" {
		for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
			data := s.readFile("i18n/" + lang + ext)
			if data == nil {
				continue
			}
			m, err := decodeConfig(lang+ext, data)
			if err != nil {
				break
			}
			v := m[strings.ToLower(dir)]
			if mm, ok := v.(map[string]any); ok {
				v = mm["other"]
			}
			if t, ok := v.(string); ok && t != "" {
				return upperFirst(t)
			}
			break
		}
	}
	for _, l := range []string{lang, strings.Split(lang, "-")[0]} {
		data, err := fs.ReadFile(theme.FS(), "i18n/"+l+".toml")
		if err != nil {
			continue
		}
		var m map[string]struct{ Other string }
		if _, err := toml.Decode(string(data), &m); err == nil && m["taxonomy_"+dir].Other != "" {
			return m["taxonomy_"+dir].Other
		}
	}
	return ""
}

func upperFirst(s string) string {
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
