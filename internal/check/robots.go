package check

import (
	"slices"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/hosting"
)

// robotsFile is the name robots.txt has in the output and in static/.
const robotsFile = "robots.txt"

// robots checks the site's own robots.txt, which the build publishes in
// place of the generated one (package hosting): that it names the
// sitemap, and that each Sitemap: line on the site's own base URL names a
// file the build writes. Both are warnings at static/robots.txt, with the
// line to write: a crawler that reads no Sitemap: line finds the pages by
// their links alone (hosting.Sitemaps reads the lines).
func (c *checker) robots() {
	if _, own := slices.BinarySearch(c.res.Static, robotsFile); !own {
		return
	}
	if !c.out.names[robotsFile] {
		return // not written: the build's errors say why
	}
	data := c.out.kept[robotsFile]
	file := build.StaticDir + "/" + robotsFile
	want := hosting.SitemapLine(c.site.Config.BaseURL)
	origin, base := c.site.Config.Origin(), c.site.Config.BasePath()
	lines := hosting.Sitemaps(data)
	for _, l := range lines {
		target, _, internal := Target(l.URL, robotsFile, origin, base)
		if internal && !c.out.names[target] {
			c.r.add("robots", Warning, file, l.Line, "Sitemap: %s names a file the build does not write; write %q", l.URL, want)
		}
	}
	if len(lines) == 0 {
		c.r.add("robots", Warning, file, 0, "names no sitemap, so crawlers find the pages only by their links; add the line %q, as the generated robots.txt has it", want)
	}
}
