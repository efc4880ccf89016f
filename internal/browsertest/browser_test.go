package browsertest

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/locale"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/theme"
)

const (
	// repoRoot is the repository root, seen from this package's folder.
	repoRoot = "../.."
	// requiredEnv set to "required" makes missing tools a failure.
	requiredEnv = "SITEGEN_BROWSER_TESTS"
	// chromeEnv may name the browser to use.
	chromeEnv = "SITEGEN_CHROME"
	// actionTimeout bounds each step in the browser, so that a hung
	// browser fails the test and does not block it.
	actionTimeout = 60 * time.Second
)

// axePath is where npm ci puts axe-core, from the repository root.
var axePath = filepath.Join("node_modules", "axe-core", "axe.min.js")

// axeTags are the axe-core rule tags of WCAG 2.0, 2.1 and 2.2, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// shotDir is where the screenshots go, from the repository root.
var shotDir = filepath.Join("testdata-artifacts", "screenshots")

var (
	//go:embed testdata/describe.js
	describeJS string
	//go:embed testdata/axe-run.js
	axeRunJS string
	//go:embed testdata/page-state.js
	pageStateJS string
	//go:embed testdata/layout.js
	layoutJS string
	//go:embed testdata/focus.js
	focusJS string
)

// viewport is an emulated screen.
type viewport struct {
	width, height int64
	dark          bool // prefers-color-scheme: dark
}

func (v viewport) String() string {
	s := fmt.Sprint(v.width)
	if v.dark {
		s += "-dark"
	}
	return s
}

var (
	desktop = viewport{width: 1280, height: 800}
	dark    = viewport{width: 1280, height: 800, dark: true}
	narrow  = viewport{width: 320, height: 640}
)

// A sitePage is one HTML file of the built site.
type sitePage struct {
	URL    string // "/da/klage/", "/da/404.html", "/"
	File   string // "da/klage/index.html"
	Kind   string // "home", "section", "page", "fallback", "root", "404", "root-404", "alias"
	Lang   string // "da", or "" for the root pages
	Title  string // the title in the page's own language
	Target string // for an alias: the URL it redirects to
	Of     string // for a fallback page: the kind of page it stands in for
}

// name is the page's name in test names: its URL without the slashes at
// the ends, or "root" for /.
func (p sitePage) name() string {
	if n := strings.Trim(p.URL, "/"); n != "" {
		return n
	}
	return "root"
}

// builtSite is the bundled site, built in memory.
type builtSite struct {
	files   map[string][]byte
	pages   []sitePage // every HTML page but the alias redirects
	aliases []sitePage
	catalog *locale.Catalog // the UI strings, for the names screen readers should say
}

// fixtureDir holds pages that the tests add to the bundled site, to
// check Markdown the bundled site does not use: task lists, all five
// kinds of GitHub alerts, highlighted code, disclosures and footnotes, in
// da, en and kl.
const fixtureDir = "testdata/fixture"

// buildSite builds the bundled site at the repository root in memory, as
// sitegen build does, with the fixture pages added.
func buildSite(t *testing.T) *builtSite {
	t.Helper()
	root, err := os.OpenRoot(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	src := fstest.MapFS{}
	for _, fsys := range []fs.FS{root.FS(), os.DirFS(fixtureDir)} {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != "." && !slices.Contains([]string{"content", "i18n", "layouts", "static"}, strings.Split(p, "/")[0]) {
				return fs.SkipDir
			}
			if d.IsDir() || (!strings.Contains(p, "/") && p != "sitegen.toml") {
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			src[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return buildSiteFS(t, src)
}

// buildSiteFS builds the site in fsys in memory, on the built-in theme.
func buildSiteFS(t *testing.T, fsys fs.FS) *builtSite {
	t.Helper()
	return buildSiteAt(t, fsys, "")
}

// buildSiteAt builds the site in fsys as buildSiteFS does, below the path
// prefix ("text/"), so that it can be served beside another site (merge).
func buildSiteAt(t *testing.T, fsys fs.FS, prefix string) *builtSite {
	t.Helper()
	mem := publish.NewMemory()
	opts := build.Options{Defaults: theme.FS()}
	if prefix != "" {
		opts.BaseURL = "https://example.org/" + prefix
	}
	res, err := build.Build(fsys, opts, mem)
	if err != nil {
		t.Fatalf("building the site:\n%v", err)
	}
	byFile := map[string]*pages.Page{}
	for _, p := range res.Site.Pages {
		byFile[p.OutputFile()] = p
	}
	for _, p := range res.Site.Special {
		byFile[p.OutputFile()] = p
	}
	s := &builtSite{files: map[string][]byte{}, catalog: res.Catalog}
	for name, data := range mem.Files() {
		s.files[prefix+name] = data
	}
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		sp := sitePage{File: prefix + name, URL: "/" + prefix + strings.TrimSuffix(name, "index.html"), Kind: "unknown"}
		if p := byFile[name]; p != nil {
			sp.Kind = p.Kind.String()
			if p.Fallback {
				sp.Kind, sp.Of = "fallback", sp.Kind
			}
			// The chooser and /404.html speak every language; /404.html of
			// a default language at the root is that language's.
			if p.Lang != nil && p.Kind != pages.Root && (p.Kind != pages.RootNotFound || p.Lang.Prefix == "") {
				sp.Lang = p.Lang.Code
			}
			sp.Title = p.Title
			if p.Target() != nil {
				sp.Target = "/" + prefix + p.Target().Path
			}
		}
		if sp.Kind == "alias" {
			s.aliases = append(s.aliases, sp)
			continue
		}
		s.pages = append(s.pages, sp)
	}
	if len(s.pages) == 0 {
		t.Fatal("the build wrote no HTML pages")
	}
	return s
}

// only keeps the pages for which keep reports true, and the alias
// redirects of the languages it keeps pages of.
func (s *builtSite) only(keep func(sitePage) bool) *builtSite {
	out := &builtSite{files: s.files, catalog: s.catalog}
	langs := map[string]bool{}
	for _, p := range s.pages {
		if keep(p) {
			out.pages = append(out.pages, p)
			langs[p.Lang] = true
		}
	}
	for _, p := range s.aliases {
		if langs[p.Lang] {
			out.aliases = append(out.aliases, p)
		}
	}
	return out
}

// allPagesEnv set to 1 makes TestBrowser visit every fallback page.
const allPagesEnv = "SITEGEN_BROWSER_ALL"

// fallbackSample is how many fallback pages TestBrowser visits in a
// language whose only page of its own is its home page.
const fallbackSample = 4

// sampled keeps every page but some fallback pages of the languages whose
// only page of their own is the home page (the bundled site's languages
// with UI strings and no content). Their fallback pages come from a few
// layouts in one language and differ in the title and the list of
// languages only, so the page with the longest title (the one most likely
// to overflow) of each kind of page they stand in for (page, section,
// term, ...), and then the longest titles up to fallbackSample, stand for
// the rest; the languages with content of their own keep all their
// fallback pages. This halves
// the time of TestBrowser, which CI's 20 minutes need. With
// SITEGEN_BROWSER_ALL=1 every page is visited. It returns the site and
// what it left out, for the log.
func (s *builtSite) sampled() (*builtSite, string) {
	if os.Getenv(allPagesEnv) == "1" {
		return s, ""
	}
	own := map[string]int{}
	fallbacks := map[string][]sitePage{}
	for _, p := range s.pages {
		if p.Kind == "fallback" {
			fallbacks[p.Lang] = append(fallbacks[p.Lang], p)
		} else if p.Kind == "page" || p.Kind == "section" {
			own[p.Lang]++ // written for it, not made by sitegen
		}
	}
	skip := map[string]bool{}
	var left []string
	for _, lang := range slices.Sorted(maps.Keys(fallbacks)) {
		fb := fallbacks[lang]
		if own[lang] > 0 || len(fb) <= fallbackSample {
			continue
		}
		slices.SortStableFunc(fb, func(a, b sitePage) int {
			if d := len(b.Title) - len(a.Title); d != 0 {
				return d
			}
			return strings.Compare(a.URL, b.URL)
		})
		keep, kinds := 0, map[string]bool{}
		for _, p := range fb {
			if !kinds[p.Of] {
				kinds[p.Of] = true
				keep++
			}
		}
		var skipped int
		for _, p := range fb {
			switch {
			case kinds[p.Of]:
				delete(kinds, p.Of) // the longest title of its kind
			case keep < fallbackSample:
				keep++
			default:
				skip[p.URL] = true
				skipped++
			}
		}
		if skipped > 0 {
			left = append(left, fmt.Sprintf("%s %d", lang, skipped))
		}
	}
	if len(skip) == 0 {
		return s, ""
	}
	out := s.only(func(p sitePage) bool { return !skip[p.URL] })
	return out, fmt.Sprintf("left out %d fallback pages of languages with no content of their own (%s); %s=1 visits them",
		len(skip), strings.Join(left, ", "), allPagesEnv)
}

// merge returns the pages of s and of other, built below another prefix
// (buildSiteAt), served together.
func (s *builtSite) merge(other *builtSite) *builtSite {
	out := &builtSite{files: maps.Clone(s.files), catalog: s.catalog}
	maps.Copy(out.files, other.files)
	out.pages = slices.Concat(s.pages, other.pages)
	out.aliases = slices.Concat(s.aliases, other.aliases)
	return out
}

// coverage describes the pages the tests cover, for the log.
func (s *builtSite) coverage() string {
	langs := map[string]int{}
	var fallback, other int
	for _, p := range s.pages {
		switch {
		case p.Lang == "":
			other++
		default:
			langs[p.Lang]++
		}
		if p.Kind == "fallback" {
			fallback++
		}
	}
	var counts []string
	for _, l := range slices.Sorted(maps.Keys(langs)) {
		counts = append(counts, fmt.Sprintf("%s %d", l, langs[l]))
	}
	return fmt.Sprintf("%d HTML pages: %s (%d of them fallback pages), root and root 404 %d; %d alias redirects",
		len(s.pages), strings.Join(counts, ", "), fallback, other, len(s.aliases))
}

// unavailable skips the test because a tool is missing, or fails it when
// SITEGEN_BROWSER_TESTS=required.
func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv(requiredEnv) == "required" {
		t.Fatalf("%s\n(%s=required, so this fails instead of skipping)", msg, requiredEnv)
	}
	t.Skipf("%s\n(set %s=required to make this a failure)", msg, requiredEnv)
}

// findChrome returns the path of Chromium or Chrome.
func findChrome() (string, error) {
	if p := os.Getenv(chromeEnv); p != "" {
		return exec.LookPath(p)
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("found none of /usr/bin/chromium, chromium, chromium-browser, google-chrome on PATH")
}

// startBrowser starts a headless browser with one tab and returns the tab's
// context; extra adds to its options (such as a flag). The browser ends
// when the test ends.
func startBrowser(t testing.TB, chrome string, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	profile := t.TempDir() // removed after the browser has ended
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(int(desktop.width), int(desktop.height)),
	)
	opts = append(opts, extra...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first call starts the browser and binds it to ctx, so it has no
	// timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", chrome, err)
	}
	run(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		// A test tab may not be the focused window; keyboard focus must
		// work regardless.
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	}))
	return ctx
}

// run runs the steps in the tab and fails the test on an error.
func run(t testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval calls the JavaScript function fn, with describe(el) in scope, with
// arg encoded as JSON, awaits its result and decodes it into T.
func eval[T any](t testing.TB, ctx context.Context, fn string, arg any) T {
	t.Helper()
	a, err := json.Marshal(arg)
	if err != nil {
		t.Fatal(err)
	}
	expr := fmt.Sprintf("(() => { const describe = %s; return (%s)(%s); })()", describeJS, fn, a)
	ctx, cancel := context.WithTimeout(ctx, actionTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.60q...: %v", fn, err)
	}
	return v
}

// emulate sets the viewport and colour scheme of the tab, and turns
// JavaScript on or off. The page must be loaded again to be sure every
// style applies.
func emulate(v viewport, scriptsOff bool) chromedp.Action[chromedp.Void] {
	scheme := "light"
	if v.dark {
		scheme = "dark"
	}
	return chromedp.Steps(
		chromedp.EmulateViewport(v.width, v.height, chromedp.EmulateScale(1)),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if _, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{
					{Name: "prefers-color-scheme", Value: scheme},
					{Name: "prefers-reduced-motion", Value: "no-preference"},
				},
			}); err != nil {
				return fmt.Errorf("emulating prefers-color-scheme: %s: %w", scheme, err)
			}
			if _, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: scriptsOff}); err != nil {
				return fmt.Errorf("turning JavaScript off=%v: %w", scriptsOff, err)
			}
			return nil
		}),
	)
}

// fullScreenshot returns a PNG of the whole page, not only the viewport.
func fullScreenshot() chromedp.Action[[]byte] {
	return func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		m, err := cdp.Call(ctx, tg, page.GetLayoutMetrics, cdp.Empty{})
		if err != nil {
			return nil, err
		}
		if m.CSSContentSize == nil {
			return nil, errors.New("no content size in the layout metrics")
		}
		yes := true
		r, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format: page.CaptureScreenshotFormatPng,
			Clip: &page.Viewport{
				Width:  m.CSSContentSize.Width,
				Height: m.CSSContentSize.Height,
				Scale:  1,
			},
			CaptureBeyondViewport: &yes,
			FromSurface:           &yes,
		})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}
}
