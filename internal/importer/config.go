package importer

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/scaffold"
)

// readConfig reads the configuration file name of a gen site (by
// decodeConfig), or says that the file is missing, so SRC is perhaps not
// such a site.
func (s *site) readConfig(name, gen string) (map[string]any, error) {
	data := s.readFile(name)
	if data == nil {
		return nil, fmt.Errorf("no %s here: is this a %s site?", name, gen)
	}
	return decodeConfig(name, data)
}

// decodeConfig reads a TOML, YAML or JSON configuration file (by its
// extension) into a map whose keys are in lower case at every depth, as
// Hugo reads its keys.
func decodeConfig(name string, data []byte) (map[string]any, error) {
	m := map[string]any{}
	var err error
	switch path.Ext(name) {
	case ".toml":
		_, err = toml.Decode(string(data), &m)
	case ".yaml", ".yml":
		err = yaml.Unmarshal(data, &m)
	case ".json":
		err = json.Unmarshal(data, &m)
	default:
		return nil, fmt.Errorf("%s: not a TOML, YAML or JSON file", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return lowerKeys(m).(map[string]any), nil
}

func lowerKeys(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[strings.ToLower(k)] = lowerKeys(x)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = lowerKeys(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = lowerKeys(x)
		}
		return out
	}
	return v
}

// merge copies src into dst, merging maps at every depth.
func merge(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				merge(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

// lookup follows a dotted path of keys ("languages.en.title").
func lookup(m map[string]any, dotted string) any {
	var v any = m
	for _, k := range strings.Split(dotted, ".") {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[k]
	}
	return v
}

func lookupStr(m map[string]any, dotted string) string {
	switch v := lookup(m, dotted).(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

func lookupMap(m map[string]any, dotted string) map[string]any {
	mm, _ := lookup(m, dotted).(map[string]any)
	return mm
}

func toInt(v any) int {
	switch v := v.(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		return int(v)
	case uint64:
		return int(v)
	}
	return 0
}

// addLang adds a language, named in itself where the source gives no name.
func (s *site) addLang(l langConf) {
	for _, x := range s.cfg.langs {
		if strings.EqualFold(x.code, l.code) {
			return
		}
	}
	if l.name == "" {
		l.name = locale.Endonym(l.code)
	}
	if l.dir != "" && l.dir != "rtl" && l.dir != "ltr" {
		l.dir = ""
	}
	s.cfg.langs = append(s.cfg.langs, l)
}

// sitegenTOML writes the new site's configuration.
func (s *site) sitegenTOML() []byte {
	s.sortLangs()
	var b strings.Builder
	fmt.Fprintf(&b, "# Written by sitegen import %s from the old site's configuration.\n", s.gen)
	if u, ok := s.placeholderBaseURL(); ok {
		fmt.Fprintf(&b, "base_url = %s  # a placeholder: the old site gave no address (%s); set the site's address\n", scaffold.Quote(u), scaffold.Quote(s.cfg.baseURL))
	} else {
		fmt.Fprintf(&b, "base_url = %s\n", scaffold.Quote(s.cfg.baseURL))
	}
	fmt.Fprintf(&b, "default_language = %s\n", scaffold.Quote(s.cfg.defaultLang))
	if !s.cfg.inSubdir {
		b.WriteString("default_language_in_subdir = false  # the default language at the root, as the old site had it\n")
	}
	if s.cfg.title != "" {
		fmt.Fprintf(&b, "title = %s\n", scaffold.Quote(s.cfg.title))
	}
	if s.cfg.description != "" {
		fmt.Fprintf(&b, "description = %s\n", scaffold.Quote(oneLine(s.cfg.description)))
	}
	if s.cfg.setTaxonomies {
		fmt.Fprintf(&b, "taxonomies = %s\n", encodeValue(append([]string{}, s.cfg.taxonomies...)))
	}
	for _, l := range s.cfg.langs {
		b.WriteString("\n[[languages]]\n")
		fmt.Fprintf(&b, "code = %s\n", scaffold.Quote(l.code))
		fmt.Fprintf(&b, "name = %s\n", scaffold.Quote(l.name))
		if l.title != "" && l.title != s.cfg.title {
			fmt.Fprintf(&b, "title = %s\n", scaffold.Quote(l.title))
		}
		if l.description != "" && l.description != s.cfg.description {
			fmt.Fprintf(&b, "description = %s\n", scaffold.Quote(oneLine(l.description)))
		}
		if l.dir != "" {
			fmt.Fprintf(&b, "dir = %s\n", scaffold.Quote(l.dir))
		}
	}
	if s.cfg.sidebar {
		b.WriteString("\n[theme]\nsidebar = true    # the section's tree beside the text, as the old site's sidebar\nprev_next = true  # links to the previous and next page, as the old site had them\n")
	}
	if s.cfg.unsafeHTML || s.cfg.headingIDs != "" {
		b.WriteString("\n[markdown]\n")
	}
	if s.cfg.unsafeHTML {
		b.WriteString("unsafe_html = true  # the old site's pages hold raw HTML; see import-report.txt\n")
	}
	if s.cfg.headingIDs != "" {
		fmt.Fprintf(&b, "heading_ids = %s  # %s\n", scaffold.Quote(s.cfg.headingIDs), s.cfg.headingIDsWhy)
	}
	return []byte(b.String())
}

// placeholderBaseURL is the base URL to write, with true, when the old
// site's is no absolute http(s) URL (Hugo's baseURL "/" or "", a Jekyll
// url left empty): sitegen needs one to build (feeds, sitemap, hreflang),
// so the import writes https://example.org/ with the old base path, which
// sitegen check reports as a placeholder domain, and a report line.
func (s *site) placeholderBaseURL() (string, bool) {
	if u, err := url.Parse(s.cfg.baseURL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return "", false
	}
	p := strings.Trim(s.cfg.baseURL, "/")
	if u, err := url.Parse(s.cfg.baseURL); err == nil && u.Scheme == "" && u.Host == "" {
		p = strings.Trim(u.Path, "/")
	}
	placeholder := "https://example.org/"
	if p != "" {
		placeholder += p + "/"
	}
	return placeholder, true
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
