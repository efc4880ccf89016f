package hosting

// WriteSitemapLimited is WriteSitemap with a file's limits as parameters
// (maxURLs, maxBytes), so that a test cuts a small site into parts.
var WriteSitemapLimited = writeSitemap

// WriteSitemapReference is the sitemap writer as it was before it wrote
// XML by hand (reference_test.go), with the limits as parameters.
var WriteSitemapReference = refWriteSitemap
