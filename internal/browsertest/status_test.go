package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStatusPage opens sitegen serve's status page on a site with more
// findings and keys than one page of it shows, as an editor does: the
// page passes axe's WCAG 2.2 AA rules; its pager's "Next page" leads to
// the next hundred findings, and a rule's name in the summary to that
// rule's findings alone; a finding's many places are folded in a
// disclosure that opens.
func TestStatusPage(t *testing.T) {
	needBrowser(t)
	axeSrc, err := os.ReadFile(filepath.Join(repoRoot, axePath))
	if err != nil {
		unavailable(t, "no axe-core for the accessibility tests: %v", err)
	}
	src := t.TempDir()
	files := map[string]string{
		"sitegen.toml":         "base_url = \"https://example.org/\"\ntitle = \"Vejledning\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n[[languages]]\ncode = \"en\"\nname = \"English\"\n",
		"content/da/_index.md": "---\ntitle: Forside\ndescription: Forsiden.\n---\nVelkommen.\n",
		"content/en/_index.md": "---\ntitle: Home\ndescription: Home.\ntranslated_from: x\n---\nWelcome.\n",
	}
	for i := range 150 {
		// Each English page is outdated (a finding of its own); each
		// Danish page's link text "her" is one finding with 150 places.
		files[fmt.Sprintf("content/da/side-%03d.md", i)] = fmt.Sprintf("---\ntitle: Side %d\ndescription: Side %d.\n---\nLæs [her](side-000.md).\n", i, i)
		files[fmt.Sprintf("content/en/side-%03d.md", i)] = fmt.Sprintf("---\ntitle: Page %d\ndescription: Page %d.\n---\nRead on.\n", i, i)
	}
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b := serveSite(t, src)
	b.axe = string(axeSrc)

	resp, err := chromedp.Run(b.ctx, chromedp.NavigateResponse(b.base+"/_sitegen/?wait"))
	if err != nil || resp == nil || resp.Status != 200 {
		t.Fatalf("opening the status page: %v %v", resp, err)
	}
	text := func() string {
		return eval[string](t, b.ctx, `() => document.body.innerText`, nil)
	}
	if body := text(); !strings.Contains(body, "Showing findings 1 to 100 of ") || !strings.Contains(body, "Findings by rule") {
		t.Fatalf("the status page's first page:\n%.2000s", body)
	}
	for _, v := range []viewport{desktop, narrow} {
		run(t, b.ctx, emulate(v, false))
		res := b.runAxe(t, map[string]any{"type": "tag", "values": axeTags})
		for _, r := range res.Violations {
			t.Errorf("status page, %s: %s", v, r)
		}
	}

	// The folded places open.
	if n := eval[int](t, b.ctx, `() => document.querySelector('#findings ~ ul').querySelectorAll('details').length`, nil); n != 1 {
		t.Errorf("%d findings have folded places, want 1 (the link text)", n)
	}
	run(t, b.ctx, chromedp.Click(chromedp.CSS(`#findings ~ ul details summary`)))
	waitFor(t, b.ctx, "the folded places open", `() => document.querySelector('#findings ~ ul details').open && document.querySelector('#findings ~ ul details code').offsetHeight > 0`, nil)

	// Next page, then a rule.
	run(t, b.ctx, chromedp.Click(chromedp.CSS(`nav[aria-label="findings, by page"] a[rel="next"]`)))
	waitAcrossReload(t, b.ctx, "the second page of findings", `document.body.innerText.includes('Showing findings 101 to ')`)
	run(t, b.ctx, chromedp.Click(chromedp.CSS(`table a[href*="rule=link-text"]`)))
	waitAcrossReload(t, b.ctx, "the link-text findings alone", `document.body.innerText.includes('Only the findings of rule link-text')`)
	items := eval[[]string](t, b.ctx, `() => [...document.querySelector('#findings ~ ul').children].map(li => li.querySelector('code').innerText)`, nil)
	if len(items) != 1 || !strings.Contains(items[0], "[link-text]") {
		t.Errorf("rule=link-text lists %q", items)
	}
}
