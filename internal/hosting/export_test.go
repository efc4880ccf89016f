package hosting

// WriteSitemapLimited is WriteSitemap with a file's limits as parameters
// (maxURLs, maxBytes), so that a test cuts a small site into parts.
var WriteSitemapLimited = writeSitemap
