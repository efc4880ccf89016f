package check

import (
	"bufio"
	"bytes"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/build"
)

// robotsFile is the name robots.txt has in the output and in static/.
const robotsFile = "robots.txt"

// robots checks the site's own robots.txt, which the build publishes in
// place of the generated one (package hosting): that it names the
// sitemap, and that each Sitemap: line on the site's own base URL names a
// file the build writes. Both are warnings at static/robots.txt, with the
// line to write: a crawler that reads no Sitemap: line finds the pages by
// their links alone (RFC 9309 leaves the line to the sitemaps protocol,
// sitemaps.org, which defines it).
func (c *checker) robots() {
	if _, own := slices.BinarySearch(c.res.Static, robotsFile); !own {
		return
	}
	data := c.out.kept[robotsFile]
	if data == nil {
		return // not written: the build's errors say why
	}
	file := build.StaticDir + "/" + robotsFile
	want := "Sitemap: " + c.site.Config.BaseURL + "sitemap.xml"
	origin, base := c.site.Config.Origin(), c.site.Config.BasePath()
	lines := sitemapLines(data)
	for _, l := range lines {
		target, _, internal := Target(l.url, robotsFile, origin, base)
		if internal && !c.out.names[target] {
			c.r.add("robots", Warning, file, l.n, "Sitemap: %s names a file the build does not write; write %q", l.url, want)
		}
	}
	if len(lines) == 0 {
		c.r.add("robots", Warning, file, 0, "names no sitemap, so crawlers find the pages only by their links; add the line %q, as the generated robots.txt has it", want)
	}
}

// A sitemapLine is a Sitemap: line of a robots.txt: its number and URL.
type sitemapLine struct {
	n   int
	url string
}

// sitemapLines returns the Sitemap: lines of a robots.txt, in order.
// Field names compare without regard to case, and a # starts a comment
// (RFC 9309, section 2.2).
func sitemapLines(data []byte) []sitemapLine {
	var lines []sitemapLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		field, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(field), "sitemap") {
			lines = append(lines, sitemapLine{n, strings.TrimSpace(value)})
		}
	}
	return lines
}
