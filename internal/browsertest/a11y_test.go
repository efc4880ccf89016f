package browsertest

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/udenmitid/sitegen/internal/sitetest"
)

// axeNode is one element an axe rule found.
type axeNode struct {
	Target  []string // CSS selectors
	HTML    string
	Summary string // how to fix it
}

// axeResult is one axe rule's result on a page.
type axeResult struct {
	ID      string
	Impact  string
	Help    string
	HelpURL string
	Nodes   []axeNode
}

type axeResults struct {
	Violations []axeResult
	Incomplete []axeResult // axe could not decide: needs a human
}

func (r axeResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "axe %s (%s): %s\n    %s", r.ID, r.Impact, r.Help, r.HelpURL)
	for _, n := range r.Nodes {
		fmt.Fprintf(&b, "\n    - %s\n      %s", strings.Join(n.Target, " "), n.HTML)
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n      %s", strings.ReplaceAll(n.Summary, "\n", "\n      "))
		}
	}
	return b.String()
}

// pageState is what page-state.js reports.
type pageState struct {
	Stylesheets       int
	BrokenStylesheets []string
	H1                int
	H1Visible         bool
	H1Text            string
	MainText          int // characters of text in main
	HiddenInMain      []string
}

// layoutResult is what layout.js reports.
type layoutResult struct {
	ScrollWidth, InnerWidth, ClientWidth int
	SticksOut                            []string
	Clipped                              []string
}

// focusInfo is what focus.js reports about the focused element.
type focusInfo struct {
	None         bool // nothing in the page has focus
	Index        int  // the element's index in document order
	Desc         string
	Tag          string
	ID           string
	ClassName    string
	Href         string
	InView       bool
	CoveredBy    string
	Indicator    bool
	FocusVisible bool
}

// TestBrowser checks every HTML page of the bundled site in a real browser
// against WCAG 2.2 AA. It needs Chromium and axe-core; see the package
// documentation.
func TestBrowser(t *testing.T) {
	if testing.Short() && os.Getenv(requiredEnv) != "required" {
		t.Skip("the browser tests do not run with -short")
	}
	chrome, err := findChrome()
	if err != nil {
		unavailable(t, "no browser for the accessibility tests: %v\n"+
			"Install Chromium with: apt-get install chromium (or set %s to a Chrome binary)", err, chromeEnv)
	}
	axeSrc, err := os.ReadFile(filepath.Join(repoRoot, axePath))
	if err != nil {
		unavailable(t, "no axe-core for the accessibility tests: %v\n"+
			"Install it with: npm ci (in the repository root, which has package-lock.json)", err)
	}
	site, left := buildSite(t).sampled()
	if left != "" {
		t.Log(left)
	}
	b := browseSite(t, chrome, string(axeSrc), site)
	// What a screen reader says of code, disclosures, footnotes and task
	// lists, on the fixture's pages (issues 26 and 29).
	t.Run("screen-reader-names", func(t *testing.T) {
		run(t, b.ctx, emulate(desktop, false))
		for _, lang := range []string{"da", "en", "kl"} {
			t.Run(lang, func(t *testing.T) { b.checkNames(t, "/"+lang+"/markdown/", lang, false) })
		}
	})
	t.Run("screenshots", func(t *testing.T) {
		b.screenshots(t, b.site)
	})
}

// TestRightToLeft runs the checks of TestBrowser over a site in 30
// languages on the built-in theme (testdata/rtl-site.txtar): every page of
// Danish, Arabic and English, and the home and fallback pages of Hebrew and
// Persian, so Arabic, Hebrew and Persian pages, right to left, and fallback
// pages that mix the two directions with a switcher of 30 languages; and,
// built again with [fallback] show_default_text, the Arabic, Hebrew and
// Persian fallback pages that show the Danish text below their notice.
func TestRightToLeft(t *testing.T) {
	if testing.Short() && os.Getenv(requiredEnv) != "required" {
		t.Skip("the browser tests do not run with -short")
	}
	chrome, err := findChrome()
	if err != nil {
		unavailable(t, "no browser for the accessibility tests: %v", err)
	}
	axeSrc, err := os.ReadFile(filepath.Join(repoRoot, axePath))
	if err != nil {
		unavailable(t, "no axe-core for the accessibility tests: %v", err)
	}
	plain, text := rtlSites(t, "")
	site := plain.only(func(p sitePage) bool {
		switch p.Lang {
		case "", "da", "ar", "en":
			return true
		case "he", "fa":
			return p.Kind == "home" || p.Kind == "fallback"
		}
		return false
	}).merge(text.only(showsText))
	kinds := map[string]bool{}
	for _, p := range site.pages {
		kinds[p.Lang+" "+p.Kind] = true
	}
	for _, want := range []string{"ar home", "ar page", "ar fallback", "da fallback", "en fallback", "he fallback", "fa fallback"} {
		if !kinds[want] {
			t.Fatalf("the test site has no %s page: %v", want, kinds)
		}
	}
	// One page, left to right and right to left, has everything of issue
	// 26 that the checks below cover at once: the sidebar, highlighted
	// code, a disclosure and a listing split into numbered pages.
	for _, page := range []string{"da/akhbar/index.html", "ar/akhbar/index.html"} {
		html := string(site.files[page])
		for _, want := range []string{`<details class="sidebar"`, `<pre class="code"`, `<span class="c">`, `<details class="disclosure"`, `<nav class="pagination"`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s has no %s", page, want)
			}
		}
	}
	b := browseSite(t, chrome, string(axeSrc), site)
	// What a screen reader says of the sidebar, the previous/next links,
	// code, a disclosure, footnotes and a task list, left to right and
	// right to left (issues 26 and 29).
	t.Run("screen-reader-names", func(t *testing.T) {
		run(t, b.ctx, emulate(desktop, false))
		for _, lang := range []string{"da", "ar"} {
			t.Run(lang, func(t *testing.T) { b.checkNames(t, "/"+lang+"/hjaelp/vejledning/", lang, true) })
		}
	})
	t.Run("screenshots", func(t *testing.T) {
		b.shoot(t, []shot{
			{name: "rtl-ar-guide-320", url: "/ar/hjaelp/vejledning/", v: narrow},
			{name: "rtl-ar-guide-1280", url: "/ar/hjaelp/vejledning/", v: desktop},
			{name: "rtl-ar-guide-1280-dark", url: "/ar/hjaelp/vejledning/", v: dark},
			{name: "rtl-da-guide-1280", url: "/da/hjaelp/vejledning/", v: desktop},
			{name: "rtl-ar-news-320", url: "/ar/akhbar/", v: narrow},
			{name: "rtl-da-news-1280", url: "/da/akhbar/", v: desktop},
		})
	})
}

//go:embed testdata/rtl-site.txtar
var rtlSite []byte

// rtlSites builds rtlSite below the path prefix as it is, and below
// prefix+"text/" with [fallback] show_default_text = true.
func rtlSites(t *testing.T, prefix string) (plain, text *builtSite) {
	t.Helper()
	plain = buildSiteAt(t, sitetest.FS(t, rtlSite), prefix)
	withText := bytes.Replace(rtlSite, []byte("\n[[languages]]"), []byte("\n[fallback]\nshow_default_text = true\n\n[[languages]]"), 1)
	text = buildSiteAt(t, sitetest.FS(t, withText), prefix+"text/")
	for _, p := range text.pages {
		if showsText(p) && !bytes.Contains(text.files[p.File], []byte(`class="fallback-text"`)) {
			t.Fatalf("%s shows no text below its notice", p.URL)
		}
	}
	return plain, text
}

// showsText picks the pages of rtlSite built with show_default_text that
// the tests visit: the Arabic, Hebrew and Persian fallback pages of the
// Danish page with a heading.
func showsText(p sitePage) bool {
	return p.Kind == "fallback" && slices.Contains([]string{"ar", "he", "fa"}, p.Lang) && strings.HasSuffix(p.URL, "/klage/") &&
		!strings.Contains(p.URL, "/tags/") // a term page sitegen made has no text to show
}

// TestRootLanguage runs the checks of TestBrowser over the build package's
// root-language.txtar: English, the default language, at the root, Danish
// and Greenlandic in their folders; its home page at /, its 404 page at
// /404.html with a line in each other language, fallback pages at the
// root and in the folders.
func TestRootLanguage(t *testing.T) {
	if testing.Short() && os.Getenv(requiredEnv) != "required" {
		t.Skip("the browser tests do not run with -short")
	}
	chrome, err := findChrome()
	if err != nil {
		unavailable(t, "no browser for the accessibility tests: %v", err)
	}
	axeSrc, err := os.ReadFile(filepath.Join(repoRoot, axePath))
	if err != nil {
		unavailable(t, "no axe-core for the accessibility tests: %v", err)
	}
	archive, err := os.ReadFile("../build/testdata/root-language.txtar")
	if err != nil {
		t.Fatal(err)
	}
	site := buildSiteFS(t, sitetest.FS(t, archive))
	kinds := map[string]bool{}
	for _, p := range site.pages {
		kinds[p.URL+" "+p.Lang+" "+p.Kind] = true
	}
	for _, want := range []string{"/ en home", "/404.html en root-404", "/kun-dansk/ en fallback", "/da/about/ da fallback", "/da/404.html da 404"} {
		if !kinds[want] {
			t.Fatalf("the test site has no page %s: %v", want, kinds)
		}
	}
	// Its alias page redirects to the absolute URL below base_url
	// (https://example.org/), which is not the test's server.
	site.aliases = nil
	browseSite(t, chrome, string(axeSrc), site)
}

// browseSite serves site and runs the accessibility, reflow, keyboard and
// no-JavaScript checks over every page. It returns the tab, still open.
func browseSite(t *testing.T, chrome, axeSrc string, site *builtSite) *tab {
	srv := httptest.NewServer(siteHandler(site.files)) // 127.0.0.1, a random port
	t.Cleanup(srv.Close)
	ctx := startBrowser(t, chrome)
	t.Logf("covering %s", site.coverage())
	start := time.Now()
	t.Cleanup(func() { t.Logf("covered %s in %v", site.coverage(), time.Since(start).Round(time.Millisecond)) })

	b := &tab{ctx: ctx, base: srv.URL, axe: axeSrc, site: site}
	mainText := map[string]int{} // URL -> length of main's text with JavaScript on

	// axe-core: every WCAG A and AA rule in light mode, wide and narrow;
	// in dark mode, where only the colours change, the colour rules.
	allRules := map[string]any{"type": "tag", "values": axeTags}
	colourRules := map[string]any{"type": "rule", "values": []string{"color-contrast", "link-in-text-block"}}
	for _, v := range []viewport{desktop, dark, narrow} {
		rules := allRules
		if v.dark {
			rules = colourRules
		}
		t.Run("axe-"+v.String(), func(t *testing.T) {
			run(t, ctx, emulate(v, false))
			review := map[string]*reviewNote{}
			for _, p := range site.pages {
				t.Run(p.name(), func(t *testing.T) {
					st := b.load(t, p.URL)
					if v == desktop {
						mainText[p.URL] = st.MainText
						if st.H1 != 1 {
							t.Errorf("main has %d h1 elements, want 1", st.H1)
						}
					}
					res := b.runAxe(t, rules)
					for _, r := range res.Violations {
						t.Errorf("%s", r)
					}
					for _, r := range res.Incomplete {
						n := review[r.ID]
						if n == nil {
							n = &reviewNote{example: r}
							review[r.ID] = n
						}
						n.pages++
						n.nodes += len(r.Nodes)
					}
				})
			}
			logReview(t, review)
		})
	}

	// The colours of the states axe cannot see: visited and hovered links,
	// the focus indicator.
	for _, v := range []viewport{desktop, dark} {
		t.Run("colours-"+v.String(), func(t *testing.T) {
			run(t, ctx, emulate(v, false))
			b.load(t, site.pages[0].URL)
			b.checkColours(t)
		})
	}

	// WCAG 1.4.10 Reflow: no sideways scrolling at 320 CSS px; and 1.4.12
	// Text Spacing: with the bookmarklet's spacing, still none, and no text
	// cut off.
	for _, spacing := range []bool{false, true} {
		name := map[bool]string{false: "reflow-320", true: "text-spacing-320"}[spacing]
		t.Run(name, func(t *testing.T) {
			run(t, ctx, emulate(narrow, false))
			for _, p := range site.pages {
				t.Run(p.name(), func(t *testing.T) {
					b.load(t, p.URL)
					checkLayout(t, eval[layoutResult](t, ctx, layoutJS, map[string]bool{"textSpacing": spacing}))
				})
			}
		})
	}

	// WCAG 2.4.1 Bypass Blocks: the first Tab reaches the skip link, and
	// Enter on it moves the focus to main.
	t.Run("skip-link-1280", func(t *testing.T) {
		run(t, ctx, emulate(desktop, false))
		for _, p := range site.pages {
			t.Run(p.name(), func(t *testing.T) {
				b.load(t, p.URL)
				b.checkSkipLink(t)
			})
		}
	})

	// WCAG 2.4.3, 2.4.7 and 2.4.11: Tab through every page at 320 px; each
	// stop is in view, not covered, and shows a focus indicator.
	t.Run("focus-320", func(t *testing.T) {
		run(t, ctx, emulate(narrow, false))
		for _, p := range site.pages {
			t.Run(p.name(), func(t *testing.T) {
				b.load(t, p.URL)
				b.checkFocusWalk(t)
			})
		}
	})

	// The content does not need JavaScript.
	t.Run("no-javascript", func(t *testing.T) {
		run(t, ctx, emulate(desktop, true))
		t.Cleanup(func() { run(t, ctx, emulate(desktop, false)) })
		for _, p := range site.pages {
			t.Run(p.name(), func(t *testing.T) {
				st := b.load(t, p.URL)
				if eval[bool](t, ctx, scriptRunsJS, nil) {
					t.Fatal("a script added to the page ran: JavaScript is not off")
				}
				if !st.H1Visible {
					t.Errorf("with JavaScript off, main h1 is not visible (%d h1 in main)", st.H1)
				}
				if want, ok := mainText[p.URL]; ok && st.MainText != want {
					t.Errorf("with JavaScript off, main has %d characters of text; with it on, %d", st.MainText, want)
				}
				for _, h := range st.HiddenInMain {
					t.Errorf("with JavaScript off, this is hidden in main: %s", h)
				}
			})
		}
	})

	// Old URLs redirect.
	t.Run("aliases", func(t *testing.T) {
		run(t, ctx, emulate(desktop, false))
		for _, p := range site.aliases {
			t.Run(p.name(), func(t *testing.T) {
				b.checkRedirect(t, p)
			})
		}
	})

	return b
}

// scriptRunsJS reports whether a script element added to the page runs.
// The test's own evaluations run with JavaScript off; the page's scripts
// do not.
const scriptRunsJS = `() => {
	const s = document.createElement('script');
	s.textContent = 'window.sitegenScriptRan = true';
	document.head.appendChild(s);
	s.remove();
	return window.sitegenScriptRan === true;
}`

// tab is the browser tab the tests share.
type tab struct {
	ctx  context.Context
	base string     // the server's URL
	axe  string     // axe.min.js
	site *builtSite // the site served, when the tab was made for one
}

// load opens the page at path, checks that it loaded with status 200 and
// its stylesheets, and returns its state.
func (b *tab) load(t *testing.T, path string) pageState {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(b.base+path))
	if err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	if resp == nil || resp.Status != http.StatusOK {
		status := int64(0)
		if resp != nil {
			status = resp.Status
		}
		t.Fatalf("opening %s: status %d, want 200", path, status)
	}
	st := eval[pageState](t, b.ctx, pageStateJS, nil)
	if st.Stylesheets == 0 {
		t.Fatalf("%s links no stylesheet", path)
	}
	if len(st.BrokenStylesheets) > 0 {
		t.Fatalf("%s: stylesheets did not load (wrong integrity hash?): %v", path, st.BrokenStylesheets)
	}
	return st
}

// runAxe loads axe-core into the page and runs the rules, an axe runOnly
// option.
func (b *tab) runAxe(t *testing.T, rules map[string]any) axeResults {
	t.Helper()
	// The source ends in a comment; the new line ends it.
	run(t, b.ctx, chromedp.Evaluate[chromedp.Void](b.axe+"\n;undefined"))
	return eval[axeResults](t, b.ctx, axeRunJS, rules)
}

// reviewNote counts the results of one axe rule that need review.
type reviewNote struct {
	example      axeResult
	pages, nodes int
}

func logReview(t *testing.T, review map[string]*reviewNote) {
	t.Helper()
	ids := make([]string, 0, len(review))
	for id := range review {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		n := review[id]
		ex := n.example
		if len(ex.Nodes) > 1 {
			ex.Nodes = ex.Nodes[:1]
		}
		t.Logf("needs review (not a failure): %d elements on %d pages; for example\n%s", n.nodes, n.pages, ex)
	}
}

func checkLayout(t *testing.T, l layoutResult) {
	t.Helper()
	if l.ScrollWidth > l.InnerWidth || l.ScrollWidth > l.ClientWidth {
		t.Errorf("the page scrolls sideways: it is %d px wide in a %d px viewport (client width %d)",
			l.ScrollWidth, l.InnerWidth, l.ClientWidth)
	}
	for _, s := range l.SticksOut {
		t.Errorf("sticks out past the right edge of the %d px viewport: %s", l.ClientWidth, s)
	}
	for _, s := range l.Clipped {
		t.Errorf("text does not fit: %s", s)
	}
}

// focused returns what has the focus now.
func (b *tab) focused(t *testing.T) focusInfo {
	t.Helper()
	return eval[focusInfo](t, b.ctx, focusJS, nil)
}

// checkFocus reports a focused element that is out of view, covered, or
// without a focus indicator.
func checkFocus(t *testing.T, f focusInfo) {
	t.Helper()
	switch {
	case !f.InView:
		t.Errorf("focused but not in the viewport: %s", f.Desc)
	case f.CoveredBy != "":
		t.Errorf("focused but covered by %s: %s", f.CoveredBy, f.Desc)
	}
	if !f.Indicator {
		t.Errorf("focused without a visible focus indicator (no outline, no box-shadow): %s", f.Desc)
	}
	if !f.FocusVisible {
		t.Errorf("focused with Tab but :focus-visible does not match: %s", f.Desc)
	}
}

func (b *tab) checkSkipLink(t *testing.T) {
	t.Helper()
	run(t, b.ctx, chromedp.KeyEvent(kb.Tab))
	f := b.focused(t)
	if f.None || f.Tag != "A" || !slices.Contains(strings.Fields(f.ClassName), "skip-link") || f.Href != "#main" {
		desc := "nothing"
		if !f.None {
			desc = f.Desc
		}
		t.Fatalf("the first Tab focused %s; want the skip link, a.skip-link with href=\"#main\"", desc)
	}
	checkFocus(t, f)
	run(t, b.ctx, chromedp.KeyEvent(kb.Enter))
	// Following the link moves the focus as the fragment is navigated to;
	// give it a moment.
	got := eval[string](t, b.ctx, `() => new Promise((resolve) => {
		let tries = 0;
		const check = () => {
			const a = document.activeElement;
			if ((a && a.id === 'main') || ++tries > 40) {
				resolve(a ? a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') : '');
			} else {
				setTimeout(check, 25);
			}
		};
		check();
	})`, nil)
	if got != "main#main" {
		t.Errorf("Enter on the skip link left the focus on %q; want main#main", got)
	}
}

// maxTabStops bounds the walk through a page with Tab.
const maxTabStops = 300

func (b *tab) checkFocusWalk(t *testing.T) {
	t.Helper()
	seen := map[int]bool{}
	stops := 0
	for range maxTabStops {
		run(t, b.ctx, chromedp.KeyEvent(kb.Tab))
		f := b.focused(t)
		if f.None || seen[f.Index] {
			break // past the last stop, or round again
		}
		seen[f.Index] = true
		if stops == 0 && !slices.Contains(strings.Fields(f.ClassName), "skip-link") {
			t.Errorf("the first Tab stop is %s, not the skip link", f.Desc)
		}
		stops++
		checkFocus(t, f)
	}
	if stops < 2 {
		t.Errorf("Tab reached %d elements; the page has at least a skip link and a home link", stops)
	}
}

// checkRedirect checks that the alias page p leads to its target.
func (b *tab) checkRedirect(t *testing.T, p sitePage) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(b.base+p.URL)); err != nil {
		t.Fatal(err)
	}
	want := b.base + p.Target
	var loc string
	for range 50 {
		var err error
		if loc, err = chromedp.Run(ctx, chromedp.Location()); err != nil {
			t.Fatal(err)
		}
		if loc == want {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("%s stays at %s; want a redirect to %s", p.URL, loc, want)
}

// screenshots writes full-page PNGs to testdata-artifacts/screenshots/.
func (b *tab) screenshots(t *testing.T, site *builtSite) {
	fallback := ""
	for _, p := range site.pages {
		if p.Kind == "fallback" && (fallback == "" || p.URL == "/kl/klage/") {
			fallback = p.URL
		}
	}
	fallbackName := strings.ReplaceAll(strings.Trim(fallback, "/"), "/", "-") + "-fallback"
	b.shoot(t, []shot{
		{name: "da-home-320", url: "/da/", v: narrow},
		{name: "da-home-1280", url: "/da/", v: desktop},
		{name: "da-home-1280-dark", url: "/da/", v: dark},
		{name: fallbackName + "-320", url: fallback, v: narrow},
		{name: fallbackName + "-1280", url: fallback, v: desktop},
		{name: fallbackName + "-320-text-spacing", url: fallback, v: narrow, spacing: true},
		{name: "kl-home-320", url: "/kl/", v: narrow},
		{name: "da-soeg-320", url: "/da/soeg/", v: narrow},
		{name: "da-soeg-1280", url: "/da/soeg/", v: desktop},
		{name: "da-ansatte-brev-320", url: "/da/ansatte/brev/", v: narrow},
		{name: "da-ansatte-brev-1280", url: "/da/ansatte/brev/", v: desktop},
		{name: "da-ansatte-brev-1280-dark", url: "/da/ansatte/brev/", v: dark},
		{name: "da-markdown-320", url: "/da/markdown/", v: narrow},
		{name: "da-markdown-1280-dark", url: "/da/markdown/", v: dark},
	})
}

// A shot is a screenshot to take.
type shot struct {
	name    string
	url     string
	v       viewport
	spacing bool // with the text spacing of WCAG 1.4.12
}

// shoot writes full-page PNGs of the shots to testdata-artifacts/screenshots/.
func (b *tab) shoot(t *testing.T, shots []shot) {
	dir := filepath.Join(repoRoot, shotDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range shots {
		t.Run(s.name, func(t *testing.T) {
			if s.url == "" {
				t.Skip("the site has no fallback page")
			}
			run(t, b.ctx, emulate(s.v, false))
			b.load(t, s.url)
			if s.spacing {
				checkLayout(t, eval[layoutResult](t, b.ctx, layoutJS, map[string]bool{"textSpacing": true}))
			}
			ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
			defer cancel()
			png, err := chromedp.Run(ctx, fullScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, s.name+".png")
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
			mode := "light"
			if s.v.dark {
				mode = "dark"
			}
			t.Logf("wrote %s: %s, %d px wide, %s mode", name, s.url, s.v.width, mode)
		})
	}
	run(t, b.ctx, emulate(desktop, false))
}
