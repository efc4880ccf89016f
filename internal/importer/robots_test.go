package importer

import "testing"

// TestKeepRobots: the old site's robots.txt stays, and its report line
// asks for the new site's Sitemap: line when it names no sitemap or
// another (FIX4).
func TestKeepRobots(t *testing.T) {
	tests := []struct {
		name, baseURL, robots, todo string
	}{
		{"names the sitemap", "https://example.org/blog", "User-agent: *\nSitemap: https://example.org/blog/sitemap.xml\n", ""},
		{"names none", "https://example.org/", "User-agent: *\nDisallow: /staging/\n",
			`it names no sitemap: add the line "Sitemap: https://example.org/sitemap.xml" (sitegen check warns until it has one)`},
		{"names another", "https://example.org/", "Sitemap: https://example.org/en/sitemap.xml\nSitemap: https://example.org/fr/sitemap.xml\n",
			`it names the sitemap https://example.org/en/sitemap.xml and https://example.org/fr/sitemap.xml; sitegen writes one sitemap, so make the line "Sitemap: https://example.org/sitemap.xml"`},
		{"placeholder base URL", "/", "User-agent: *\n",
			`it names no sitemap: add the line "Sitemap: https://example.org/sitemap.xml" (sitegen check warns until it has one)`},
	}
	for _, tt := range tests {
		s := &site{rep: &Report{}, cfg: siteConfig{baseURL: tt.baseURL}}
		s.keepRobots(&file{src: "static/robots.txt", data: []byte(tt.robots)})
		if len(s.rep.Items) != 1 {
			t.Fatalf("%s: report items %v, want 1", tt.name, s.rep.Items)
		}
		it := s.rep.Items[0]
		if it.File != "static/robots.txt" || it.Todo != tt.todo {
			t.Errorf("%s: item %q, todo %q\nwant todo %q", tt.name, it.File, it.Todo, tt.todo)
		}
	}
}
