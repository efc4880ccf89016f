// Package browsertest proves in a real browser that the bundled site meets
// WCAG 2.2 AA. It has no code of its own outside its tests.
//
// The tests build the bundled site in memory, with the pages of
// testdata/fixture/ added (task lists, all five kinds of GitHub alerts,
// highlighted code, disclosures and footnotes, and a dated section split
// into numbered pages, with tags, term pages and feeds, which the bundled
// site does not use), and a site of 30 languages (testdata/rtl-site.txtar)
// for right-to-left pages and fallback pages, with and without the default
// language's text, and with the section sidebar, previous/next links and
// a dated section split into numbered pages, serve them on a loopback
// port and drive a headless Chromium with chromedp. For every HTML page
// (of the bundled site's languages that have only a home page of their
// own, four fallback pages each, those with the longest titles, unless
// SITEGEN_BROWSER_ALL=1) they run the axe-core rules for WCAG 2.0, 2.1 and 2.2 A and AA at 1280 and 320 CSS px,
// and its colour rules in dark mode; check the contrast of the colours axe
// cannot see (visited and hovered links, the focus indicator); check
// reflow at 320 px (1.4.10) and text spacing (1.4.12); Tab to the skip
// link and through every page (2.4.1, 2.4.7, 2.4.11); check that the
// content does not need JavaScript; and read Chromium's accessibility
// tree for what a screen reader says of code, disclosures, footnotes,
// task lists and the sidebar, in each language's words. They write screenshots to
// testdata-artifacts/screenshots/ at the repository root.
//
// They need Chromium and axe-core:
//
//	apt-get install chromium      # or any Chrome; SITEGEN_CHROME=/path/to/chrome
//	npm ci                        # at the repository root: node_modules/axe-core
//	go test ./internal/browsertest/ -v
//
// Without them the tests skip, unless SITEGEN_BROWSER_TESTS=required is set,
// as CI sets it; then they fail.
package browsertest
