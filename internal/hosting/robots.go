package hosting

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"github.com/udenmitid/sitegen/internal/pages"
)

// Robots allows everything and names the sitemap. Crawlers read
// robots.txt only at the root of a host; for a site below a sub-path it
// documents the sitemap's address, and the host's own robots.txt decides.
func Robots(site *pages.Site) []byte {
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\n\n%s\n", SitemapLine(site.Config.BaseURL))
}

// SitemapLine is the line of robots.txt that names the sitemap of the
// site at baseURL ("https://example.org/sub/"): "Sitemap:
// https://example.org/sub/sitemap.xml".
func SitemapLine(baseURL string) string {
	return "Sitemap: " + baseURL + "sitemap.xml"
}

// A RobotsSitemap is a Sitemap: line of a robots.txt: its number,
// counted from 1, and the URL it names.
type RobotsSitemap struct {
	Line int
	URL  string
}

// Sitemaps returns the Sitemap: lines of a robots.txt, in order. A field
// name compares without regard to case and a # starts a comment (RFC
// 9309, section 2.2); the Sitemap: line itself is the sitemaps protocol's
// (sitemaps.org), which RFC 9309 leaves to it.
func Sitemaps(robots []byte) []RobotsSitemap {
	var found []RobotsSitemap
	sc := bufio.NewScanner(bytes.NewReader(robots))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		field, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(field), "sitemap") {
			found = append(found, RobotsSitemap{n, strings.TrimSpace(value)})
		}
	}
	return found
}
