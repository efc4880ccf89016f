package importer

import (
	"strings"

	"github.com/BurntSushi/toml"
)

// netlifyRedirects reads the redirects of the host's netlify.toml that
// send one path to another site (from = "/sponsors", to =
// "https://..."), so that links to such a path can go where the host
// sent them: sitegen checks links against the site's own pages, and the
// host's rules are not the site's. Paths with "*" or ":" (patterns) are
// left out. The file itself stays the host's, with a report line.
func (s *site) netlifyRedirects() map[string]string {
	data := s.readFile("netlify.toml")
	if data == nil {
		return nil
	}
	var cfg struct {
		Redirects []struct {
			From, To string
		}
	}
	if _, err := toml.Decode(string(data), &cfg); err != nil {
		s.rep.add("netlify.toml", 0, "not read: "+err.Error(), "")
		return nil
	}
	out := map[string]string{}
	for _, r := range cfg.Redirects {
		if strings.ContainsAny(r.From, "*:") || !strings.Contains(r.To, "://") {
			continue
		}
		out[strings.TrimSuffix(r.From, "/")] = r.To
	}
	if len(cfg.Redirects) > 0 {
		s.rep.add("netlify.toml", 0, "the host's redirects stay the host's: sitegen writes only its aliases to _redirects; links to the redirects that lead to other sites now name those sites",
			"keep netlify.toml beside the new site, or move its redirects to static/_redirects")
	}
	return out
}
