package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestKeyboardWalk walks the home page, a content page and a fallback page
// with the keyboard only, as a reader who cannot use a mouse does, and
// logs the order of the stops (go test -v shows it): skip link, site name,
// search, languages, menu, breadcrumbs, the page, the footer. After the
// skip link, the next Tab is the first link of the page's own content.
func TestKeyboardWalk(t *testing.T) {
	b, _ := serveBundled(t)
	for _, path := range []string{"/da/", "/da/klage/", "/kl/klage/"} {
		t.Run(strings.Trim(path, "/"), func(t *testing.T) {
			b.load(t, path)
			var stops []string
			seen := map[int]bool{}
			for range maxTabStops {
				run(t, b.ctx, chromedp.KeyEvent(kb.Tab))
				f := b.focused(t)
				if f.None || seen[f.Index] {
					break
				}
				seen[f.Index] = true
				stops = append(stops, f.Desc)
			}
			t.Logf("%s: %d Tab stops:\n  %s", path, len(stops), strings.Join(stops, "\n  "))
			if len(stops) < 10 || !strings.Contains(stops[0], "skip-link") {
				t.Fatalf("stops start %v", stops[:min(3, len(stops))])
			}
			// Skip link, then Tab: the first focusable element in main.
			b.load(t, path)
			run(t, b.ctx, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab))
			first := eval[string](t, b.ctx, `() => { const a = document.activeElement; return (a.closest('main') ? 'main: ' : 'outside main: ') + a.textContent.trim() }`, nil)
			t.Logf("after the skip link, Tab goes to %s", first)
			if !strings.HasPrefix(first, "main: ") {
				t.Errorf("after the skip link, Tab left main: %s", first)
			}
		})
	}
}
