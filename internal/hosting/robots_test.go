package hosting_test

import (
	"slices"
	"testing"

	"github.com/udenmitid/sitegen/internal/hosting"
)

// TestSitemaps reads the Sitemap: lines of a robots.txt as crawlers do.
func TestSitemaps(t *testing.T) {
	tests := []struct {
		name, robots string
		want         []hosting.RobotsSitemap
	}{
		{"none", "User-agent: *\nDisallow: /staging/\n", nil},
		{"one", "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n", []hosting.RobotsSitemap{{4, "https://example.org/sitemap.xml"}}},
		{"any case, no space, a comment", "SITEMAP:https://example.org/a.xml # ours\r\n sitemap : https://example.org/b.xml", []hosting.RobotsSitemap{{1, "https://example.org/a.xml"}, {2, "https://example.org/b.xml"}}},
		{"commented out", "# Sitemap: https://example.org/sitemap.xml\n", nil},
		{"another field", "Sitemaps-index: https://example.org/x.xml\n", nil},
	}
	for _, tt := range tests {
		if got := hosting.Sitemaps([]byte(tt.robots)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Sitemaps = %v, want %v", tt.name, got, tt.want)
		}
	}
}
