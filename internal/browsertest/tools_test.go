package browsertest

import (
	"context"
	_ "embed"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var (
	//go:embed testdata/letter-state.js
	letterStateJS string
	//go:embed testdata/print-state.js
	printStateJS string
	//go:embed testdata/search-state.js
	searchStateJS string
)

// needBrowser returns the browser for the tests of the page scripts, or
// skips (or fails, when SITEGEN_BROWSER_TESTS=required) without one. They
// need no axe-core.
func needBrowser(t testing.TB) string {
	t.Helper()
	if testing.Short() && os.Getenv(requiredEnv) != "required" {
		t.Skip("the browser tests do not run with -short")
	}
	chrome, err := findChrome()
	if err != nil {
		unavailable(t, "no browser for the page script tests: %v\n"+
			"Install Chromium with: apt-get install chromium (or set %s to a Chrome binary)", err, chromeEnv)
	}
	return chrome
}

// serveBundled builds the bundled site, serves it and opens a browser tab.
func serveBundled(t *testing.T) (*tab, *builtSite) {
	t.Helper()
	chrome := needBrowser(t)
	site := buildSite(t)
	srv := httptest.NewServer(siteHandler(site.files))
	t.Cleanup(srv.Close)
	return &tab{ctx: startBrowser(t, chrome), base: srv.URL}, site
}

// checkAxe runs axe-core's WCAG 2.2 A and AA rules on the page as it is now,
// for states the axe loop of TestBrowser does not reach (results shown, an
// error shown). Without axe-core it only logs, unless tools are required.
func (b *tab) checkAxe(t *testing.T, what string) {
	t.Helper()
	if b.axe == "" {
		src, err := os.ReadFile(filepath.Join(repoRoot, axePath))
		if err != nil {
			if os.Getenv(requiredEnv) == "required" {
				t.Fatalf("no axe-core: %v (run npm ci)", err)
			}
			t.Logf("no axe-core, so %s is not checked with it: %v", what, err)
			return
		}
		b.axe = string(src)
	}
	res := b.runAxe(t, map[string]any{"type": "tag", "values": axeTags})
	for _, r := range res.Violations {
		t.Errorf("%s: %s", what, r)
	}
}

// waitFor evaluates the JavaScript predicate fn(arg) until it is true, and
// fails the test when it stays false for 10 seconds.
func waitFor(t *testing.T, ctx context.Context, what, fn string, arg any) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !eval[bool](t, ctx, fn, arg) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for %s", what)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// press focuses the element with the CSS selector sel and types keys.
func press(sel, keys string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Focus(chromedp.CSS(sel)), chromedp.KeyEvent(keys))
}

// setValue sets an input's value as a script can (a date input cannot be
// typed into the same way in every locale) and fires the input event.
func setValue(sel, value string) chromedp.Action[chromedp.Void] {
	js := "(() => { const e = document.querySelector(" + strconv.Quote(sel) + "); e.value = " + strconv.Quote(value) +
		"; e.dispatchEvent(new Event('input', {bubbles: true})); })()"
	return chromedp.Evaluate[chromedp.Void](js)
}

// screenshot writes a full-page PNG of the open page to testdata-artifacts/screenshots/.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := filepath.Join(repoRoot, shotDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, actionTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, fullScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// requestLog records the requests the tab sends while it is on.
type requestLog struct {
	mu   sync.Mutex
	urls []string
	stop context.CancelFunc
	done chan struct{}
}

// logRequests starts recording the requests of the tab.
func logRequests(t *testing.T, ctx context.Context) *requestLog {
	t.Helper()
	run(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{})
		return err
	}))
	ctx, stop := context.WithCancel(ctx)
	l := &requestLog{stop: stop, done: make(chan struct{})}
	events := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		defer close(l.done)
		for ev, err := range events {
			if err != nil {
				return
			}
			l.mu.Lock()
			l.urls = append(l.urls, string(ev.Type)+" "+ev.Request.URL)
			l.mu.Unlock()
		}
	}()
	t.Cleanup(stop)
	return l
}

// end stops recording and returns the requests that went to the network:
// not blob: or data: URLs, which never leave the browser, nor the
// browser's own request for /favicon.ico.
func (l *requestLog) end() []string {
	time.Sleep(300 * time.Millisecond) // let late events arrive
	l.stop()
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, u := range l.urls {
		_, rawURL, _ := strings.Cut(u, " ")
		if strings.HasPrefix(rawURL, "blob:") || strings.HasPrefix(rawURL, "data:") || strings.HasSuffix(rawURL, "/favicon.ico") {
			continue
		}
		out = append(out, u)
	}
	return out
}

// letterState is what letter-state.js reports.
type letterState struct {
	FormShown       bool
	Section         string
	FormInSection   bool
	Letter          string
	Items           []string
	Questions       []choiceState
	Grounds         []choiceState
	Parts           []choiceState
	Alternatives    []alternativeState
	Status          string
	StatusLive      string
	ErrorShown      bool
	ErrorRole       string
	ErrorText       string
	ErrorFocused    bool
	ErrorLinks      []string
	NameInvalid     string
	NameDescribedBy string
	NameErrorShown  bool
	NameValue       string
	Focused         string
	Buttons         []string
	Stored          string
	Printed         int
	MainText        string
}

type choiceState struct {
	ID      string
	Checked bool
	Label   string
}

// alternativeState is a group of radio buttons for an [a / b] in the
// letter.
type alternativeState struct {
	ID          string
	Legend      string
	Options     []choiceState
	Invalid     bool // every radio button has aria-invalid="true"
	DescribedBy string
	ErrorShown  bool
}

// printState is what print-state.js reports.
type printState struct {
	H1, Form, Header, Footer, Letter bool
	Headings                         []string
	Text                             string
}

// letterCase is the letter page in one language, and what its strings are.
type letterCase struct {
	lang, url   string
	placeholder string // of the name
	date        string // 2026-12-01 as the letter writes it
	filename    string
	errName     string
	copied      string
	saved       string
	restored    string
	deleted     string
	either      string    // the [cannot / do not wish to] placeholder
	legend      string    // the radio buttons' legend, the h3 above the choice
	sentences   [2]string // the choice's sentence with each alternative
	part        string    // a sentence of the optional part
}

var letterCases = []letterCase{
	{lang: "da", url: "/da/ansatte/brev/", placeholder: "[Dit navn]", date: "1. december 2026",
		filename: "brev-til-kommunen.txt", errName: "Skriv dit navn",
		copied: "Teksten er kopieret", saved: "Kladden er gemt", restored: "Din gemte kladde er hentet", deleted: "Kladden er slettet",
		either: "[kan ikke / ønsker ikke at]", legend: "Vælg: Kan du ikke, eller ønsker du ikke at bruge et privat MitID?",
		sentences: [2]string{"Jeg kan ikke bruge et privat MitID i mit arbejde.", "Jeg ønsker ikke at bruge et privat MitID i mit arbejde."},
		part:      "Jeg bruger heller ikke MitID som borger."},
	{lang: "en", url: "/en/employees/letter/", placeholder: "[Your name]", date: "1 December 2026",
		filename: "letter-to-the-municipality.txt", errName: "Enter your name",
		copied: "The text has been copied", saved: "The draft has been saved", restored: "Your saved draft has been loaded", deleted: "The draft has been deleted",
		either: "[cannot / do not wish to]", legend: "Choose: Can you not, or do you not wish to use a private MitID?",
		sentences: [2]string{"I cannot use a private MitID in my work.", "I do not wish to use a private MitID in my work."},
		part:      "I do not use MitID as a citizen either."},
}

var numbered = regexp.MustCompile(`(?m)^(\d+)\. `)

// countPrints replaces window.print with a counter that letter-state.js
// reports, so that a test can see whether the print button printed.
const countPrints = `window.__printed = 0; window.print = () => { window.__printed++; };`

// TestLetterBuilder fills in the letter builder on the letter page in
// Danish and English, and checks the letter it makes: in the page, copied,
// downloaded and printed; the choice between "cannot" and "do not wish to"
// use a private MitID; the optional part; that printing, copying and
// downloading all refuse while a required field is empty; its errors and
// messages; its draft; that it sends nothing; and the page without
// JavaScript.
func TestLetterBuilder(t *testing.T) {
	b, _ := serveBundled(t)
	ctx := b.ctx
	downloads := t.TempDir()
	yes := true
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads, EventsEnabled: &yes,
	}); err != nil {
		t.Fatalf("allowing downloads: %v", err)
	}
	for _, perm := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: perm}, Setting: browser.PermissionSettingGranted, Origin: b.base,
		}); err != nil {
			t.Fatalf("granting %s: %v", perm, err)
		}
	}
	state := func(t *testing.T) letterState { return eval[letterState](t, ctx, letterStateJS, nil) }
	statusIs := `(want) => (document.getElementById('letter-status').textContent || '').startsWith(want)`

	for _, lc := range letterCases {
		t.Run(lc.lang, func(t *testing.T) {
			run(t, ctx, emulate(desktop, false))
			b.load(t, lc.url)
			st := state(t)
			if !st.FormShown {
				t.Fatal("the letter form is not shown with JavaScript on")
			}
			if st.Section != "letter brevet" || !st.FormInSection {
				t.Errorf("the letter is not in <section class=\"letter\" aria-labelledby=\"brevet\"> with the form: section %q, form in it %v", st.Section, st.FormInSection)
			}
			if len(st.Questions) != 6 || len(st.Grounds) != 5 || len(st.Parts) != 1 || len(st.Alternatives) != 1 {
				t.Fatalf("the form has %d question, %d reason and %d optional part checkboxes and %d groups of radio buttons; want 6, 5, 1 and 1",
					len(st.Questions), len(st.Grounds), len(st.Parts), len(st.Alternatives))
			}
			for i, c := range slices.Concat(st.Questions, st.Grounds, st.Parts) {
				if !c.Checked || c.Label == "" {
					t.Errorf("checkbox %d (%s): checked %v, label %q; want checked with a label", i, c.ID, c.Checked, c.Label)
				}
			}
			alt := st.Alternatives[0]
			if alt.Legend != lc.legend || len(alt.Options) != 2 {
				t.Fatalf("the choice has the legend %q and %d options; want %q and 2", alt.Legend, len(alt.Options), lc.legend)
			}
			for i, o := range alt.Options {
				if o.Checked || o.Label != lc.sentences[i] {
					t.Errorf("option %d (%s): checked %v, label %q; want unchecked, %q", i+1, o.ID, o.Checked, o.Label, lc.sentences[i])
				}
			}
			for i, q := range st.Questions {
				if i < len(st.Items) && q.Label != st.Items[i] {
					t.Errorf("question %d's label is %q; the letter says %q", i+1, q.Label, st.Items[i])
				}
			}
			for _, want := range []string{lc.placeholder, lc.either, lc.part} {
				if !strings.Contains(st.Letter, want) {
					t.Errorf("before filling in, the letter does not show %s:\n%s", want, st.Letter)
				}
			}
			if strings.Contains(st.Letter, lc.legend) {
				t.Errorf("before filling in, the letter shows the choice's heading, which only names a part of the template:\n%s", st.Letter)
			}
			if !slices.Equal(st.Buttons, []string{"print", "copy", "download", "save", "delete"}) {
				t.Errorf("the form's buttons are %v; want print, copy, download, save, delete", st.Buttons)
			}
			if st.StatusLive != "polite" {
				t.Errorf("the status region has aria-live=%q, want polite", st.StatusLive)
			}
			droppedQuestion, droppedGround := st.Questions[1].Label, st.Grounds[2].Label
			droppedGroundText := ""
			if parts := strings.SplitN(st.Letter, droppedGround+"\n\n", 2); len(parts) == 2 {
				droppedGroundText, _, _ = strings.Cut(parts[1], "\n")
			}
			if droppedGroundText == "" {
				t.Fatalf("cannot find the text under the reason %q in the letter:\n%s", droppedGround, st.Letter)
			}

			// From here on the page must send nothing.
			reqs := logRequests(t, ctx)

			// Printing with nothing filled in prints nothing: it shows the
			// two missing answers, as copying and downloading do.
			run(t, ctx, chromedp.Evaluate[chromedp.Void](countPrints))
			for _, action := range []string{"print", "copy", "download"} {
				run(t, ctx, press("button[data-action="+action+"]", kb.Enter))
				st = state(t)
				if st.Printed != 0 || !st.ErrorShown || !st.ErrorFocused {
					t.Errorf("%s with nothing filled in: printed %d times, error summary shown %v, focused %v; want 0, shown, focused",
						action, st.Printed, st.ErrorShown, st.ErrorFocused)
				}
				if want := []string{"#letter-name", "#" + alt.Options[0].ID}; !slices.Equal(st.ErrorLinks, want) {
					t.Errorf("%s with nothing filled in: the error summary links to %v; want %v", action, st.ErrorLinks, want)
				}
				if a := st.Alternatives[0]; !strings.Contains(st.ErrorText, lc.legend) || !a.Invalid || !a.ErrorShown || a.DescribedBy != a.ID+"-error" {
					t.Errorf("%s with nothing chosen: summary %q; the radio buttons invalid %v, message shown %v, described by %q; want the legend, true, shown, %s-error",
						action, st.ErrorText, a.Invalid, a.ErrorShown, a.DescribedBy, a.ID)
				}
			}
			if _, err := os.Stat(filepath.Join(downloads, lc.filename)); err == nil {
				t.Errorf("downloading with nothing filled in saved %s", lc.filename)
			}
			b.checkAxe(t, "the letter form with two errors")
			screenshot(t, ctx, lc.lang+"-letter-errors-1280")

			// Choosing clears that error, and only that one.
			run(t, ctx, press("#"+alt.Options[1].ID, " "))
			st = state(t)
			if a := st.Alternatives[0]; a.Invalid || a.ErrorShown || !a.Options[1].Checked || !st.ErrorShown || !slices.Equal(st.ErrorLinks, []string{"#letter-name"}) {
				t.Errorf("after choosing: radio buttons invalid %v, message %v, option 2 checked %v, summary shown %v with links %v; want false, hidden, true, shown, [#letter-name]",
					a.Invalid, a.ErrorShown, a.Options[1].Checked, st.ErrorShown, st.ErrorLinks)
			}
			if !strings.Contains(st.Letter, lc.sentences[1]) || strings.Contains(st.Letter, lc.either) {
				t.Errorf("after choosing %q, the letter does not say it:\n%s", lc.sentences[1], st.Letter)
			}

			// Fill in the form with the keyboard, and untick the second
			// question, the third reason and the optional part.
			run(t, ctx,
				press("#letter-name", "Jens Hansen"),
				press("#letter-job", "Sagsbehandler"),
				press("#letter-workplace", "Jobcentret, Ydelser"),
				press("#letter-recipient", "Mette Lund"),
				setValue("#letter-date", "2026-12-01"),
				press("#"+st.Questions[1].ID, " "),
				press("#"+st.Grounds[2].ID, " "),
				press("#"+st.Parts[0].ID, " "),
			)
			st = state(t)
			if st.ErrorShown {
				t.Errorf("with everything filled in, the error summary is still shown: %q", st.ErrorText)
			}
			for _, want := range []string{"Jens Hansen", "Sagsbehandler", "Jobcentret, Ydelser", "Mette Lund", lc.date, lc.sentences[1]} {
				if !strings.Contains(st.Letter, want) {
					t.Errorf("the letter does not show %q:\n%s", want, st.Letter)
				}
			}
			if strings.Contains(st.Letter, "[") {
				t.Errorf("the letter still shows a [placeholder] with every field filled in:\n%s", st.Letter)
			}
			for _, gone := range []string{droppedQuestion, droppedGround, droppedGroundText, lc.part, lc.sentences[0], lc.legend} {
				if strings.Contains(st.Letter, gone) {
					t.Errorf("the letter still shows what was unticked, not chosen or only names a part: %q", gone)
				}
			}
			if len(st.Items) != 5 {
				t.Errorf("the letter shows %d questions; want 5", len(st.Items))
			}
			screenshot(t, ctx, lc.lang+"-letter-filled-1280")
			b.checkAxe(t, "the filled-in letter")

			// Copy: the clipboard holds the letter as the page shows it.
			run(t, ctx, press("button[data-action=copy]", kb.Enter))
			waitFor(t, ctx, "the copied message", statusIs, lc.copied)
			copied := eval[string](t, ctx, `() => navigator.clipboard.readText()`, nil)
			checkLetterText(t, "the copied text", copied, st)

			// Download: the text file holds the same text.
			run(t, ctx, press("button[data-action=download]", kb.Enter))
			file := filepath.Join(downloads, lc.filename)
			var downloaded []byte
			for deadline := time.Now().Add(10 * time.Second); ; {
				data, err := os.ReadFile(file)
				if err == nil && len(data) > 0 {
					downloaded = data
					break
				}
				if time.Now().After(deadline) {
					entries, _ := os.ReadDir(downloads)
					t.Fatalf("no download %s after 10 s; the folder holds %v", lc.filename, entries)
				}
				time.Sleep(50 * time.Millisecond)
			}
			if string(downloaded) != copied {
				t.Errorf("the downloaded file differs from the copied text:\n--- file\n%s\n--- copied\n%s", downloaded, copied)
			}

			// Print: the button prints now, and what prints is only the
			// letter, on A4.
			run(t, ctx, press("button[data-action=print]", kb.Enter))
			if st = state(t); st.Printed != 1 || st.ErrorShown {
				t.Errorf("printing with everything filled in: printed %d times, error shown %v; want once, no error", st.Printed, st.ErrorShown)
			}
			if ps := b.checkPrint(t); !strings.Contains(ps.Text, lc.sentences[1]) || strings.Contains(ps.Text, lc.part) || strings.Contains(ps.Text, lc.legend) {
				t.Errorf("the printed letter does not say %q, or shows the unticked part %q or the heading %q:\n%s", lc.sentences[1], lc.part, lc.legend, ps.Text)
			}

			// The other choice changes the sentence.
			run(t, ctx, press("#"+alt.Options[0].ID, " "))
			if st = state(t); !strings.Contains(st.Letter, lc.sentences[0]) || strings.Contains(st.Letter, lc.sentences[1]) {
				t.Errorf("after choosing %q, the letter says:\n%s", lc.sentences[0], st.Letter)
			}

			// An empty name is an error, in an error summary that has the
			// focus and links to the field.
			run(t, ctx, setValue("#letter-name", ""), press("button[data-action=print]", kb.Enter))
			st = state(t)
			if st.Printed != 1 {
				t.Errorf("printing with no name printed; want it to refuse as copying does")
			}
			if !st.ErrorShown || st.ErrorRole != "alert" || !st.ErrorFocused {
				t.Errorf("printing with no name: error summary shown %v, role %q, focused %v; want shown, alert, focused (focus is on #%s)",
					st.ErrorShown, st.ErrorRole, st.ErrorFocused, st.Focused)
			}
			if !strings.Contains(st.ErrorText, lc.errName) || !slices.Equal(st.ErrorLinks, []string{"#letter-name"}) {
				t.Errorf("the error summary says %q with links %v; want %q linking to #letter-name", st.ErrorText, st.ErrorLinks, lc.errName)
			}
			if st.NameInvalid != "true" || st.NameDescribedBy != "letter-name-error" || !st.NameErrorShown {
				t.Errorf("the name field: aria-invalid %q, aria-describedby %q, message shown %v; want true, letter-name-error, shown",
					st.NameInvalid, st.NameDescribedBy, st.NameErrorShown)
			}
			screenshot(t, ctx, lc.lang+"-letter-error-1280")
			b.checkAxe(t, "the letter form with an error")
			run(t, ctx, emulate(narrow, false))
			screenshot(t, ctx, lc.lang+"-letter-error-320")
			b.checkAxe(t, "the letter form with an error at 320 px")
			run(t, ctx, emulate(desktop, false))
			run(t, ctx, press("#letter-errors a", kb.Enter))
			if st = state(t); st.Focused != "letter-name" {
				t.Errorf("the error summary's link moved the focus to #%s, want #letter-name", st.Focused)
			}
			run(t, ctx, press("#letter-name", "Jens Hansen"))
			if st = state(t); st.ErrorShown || st.NameInvalid != "" || st.NameErrorShown || st.NameDescribedBy != "" {
				t.Errorf("with the name filled in, the error is still shown: summary %v, aria-invalid %q, message %v, aria-describedby %q",
					st.ErrorShown, st.NameInvalid, st.NameErrorShown, st.NameDescribedBy)
			}

			// Save a draft: only now is anything stored.
			if st.Stored != "" {
				t.Errorf("something was stored before the draft was saved: %s", st.Stored)
			}
			run(t, ctx, press("button[data-action=save]", kb.Enter))
			waitFor(t, ctx, "the saved message", statusIs, lc.saved)
			if st = state(t); !strings.Contains(st.Stored, "Jens Hansen") {
				t.Errorf("the saved draft is %q", st.Stored)
			}

			if r := reqs.end(); len(r) > 0 {
				t.Errorf("the letter builder made %d requests after the page loaded; want none:\n%s", len(r), strings.Join(r, "\n"))
			}

			// The draft comes back in a new visit, and can be deleted.
			b.load(t, lc.url)
			waitFor(t, ctx, "the restored message", statusIs, lc.restored)
			st = state(t)
			if st.NameValue != "Jens Hansen" || st.Questions[1].Checked || st.Grounds[2].Checked || st.Parts[0].Checked ||
				!st.Alternatives[0].Options[0].Checked || len(st.Items) != 5 || !strings.Contains(st.Letter, lc.sentences[0]) {
				t.Errorf("the restored draft: name %q, question 2 ticked %v, reason 3 ticked %v, part ticked %v, first option chosen %v, %d questions shown; want Jens Hansen, false, false, false, true, 5:\n%s",
					st.NameValue, st.Questions[1].Checked, st.Grounds[2].Checked, st.Parts[0].Checked, st.Alternatives[0].Options[0].Checked, len(st.Items), st.Letter)
			}
			run(t, ctx, press("button[data-action=delete]", kb.Enter))
			waitFor(t, ctx, "the deleted message", statusIs, lc.deleted)
			st = state(t)
			if st.Stored != "" || st.NameValue != "" || !st.Questions[1].Checked || !st.Grounds[2].Checked || !st.Parts[0].Checked ||
				st.Alternatives[0].Options[0].Checked || !strings.Contains(st.Letter, lc.placeholder) || !strings.Contains(st.Letter, lc.either) {
				t.Errorf("after deleting the draft: stored %q, name %q, question 2 ticked %v, reason 3 ticked %v, part ticked %v, option 1 chosen %v; want all empty, every checkbox ticked, and the letter a template again",
					st.Stored, st.NameValue, st.Questions[1].Checked, st.Grounds[2].Checked, st.Parts[0].Checked, st.Alternatives[0].Options[0].Checked)
			}

			// Without JavaScript: the template with its placeholders, both
			// alternatives and the optional part, and no form.
			run(t, ctx, emulate(desktop, true))
			defer run(t, ctx, emulate(desktop, false))
			b.load(t, lc.url)
			st = state(t)
			if st.FormShown {
				t.Error("with JavaScript off, the letter form is shown")
			}
			if !strings.Contains(st.Letter, lc.placeholder) || !strings.Contains(st.Letter, lc.either) || !strings.Contains(st.Letter, lc.part) ||
				len(st.Items) != 6 || !strings.Contains(st.Letter, droppedGroundText) {
				t.Errorf("with JavaScript off, the letter is not the whole template (%d questions):\n%s", len(st.Items), st.Letter)
			}
			for _, want := range []string{lc.placeholder, lc.legend} {
				if !strings.Contains(st.MainText, want) {
					t.Errorf("with JavaScript off, main does not show %q", want)
				}
			}
			screenshot(t, ctx, lc.lang+"-letter-nojs-1280")
		})
	}
}

// checkLetterText checks a text the letter builder made (copied or
// downloaded) against the letter the page shows: the same blocks, the
// questions numbered 1, 2, ... without gaps.
func checkLetterText(t *testing.T, what, got string, st letterState) {
	t.Helper()
	if !strings.HasSuffix(got, "\n") || strings.Contains(got, "\n\n\n") {
		t.Errorf("%s does not end in one new line, or has more than one empty line in a row:\n%q", what, got)
	}
	var nums []int
	for _, m := range numbered.FindAllStringSubmatch(got, -1) {
		n, _ := strconv.Atoi(m[1])
		nums = append(nums, n)
	}
	want := make([]int, len(st.Items))
	for i := range want {
		want[i] = i + 1
	}
	if !slices.Equal(nums, want) {
		t.Errorf("%s numbers its questions %v; want %v", what, nums, want)
	}
	norm := func(s string) string {
		s = numbered.ReplaceAllString(s, "")
		lines := strings.Split(strings.TrimSpace(s), "\n")
		for i, l := range lines {
			lines[i] = strings.Join(strings.Fields(l), " ")
		}
		return strings.Join(lines, "\n")
	}
	if norm(got) != norm(st.Letter) {
		t.Errorf("%s is not the letter the page shows:\n--- %s\n%s\n--- the page\n%s", what, what, got, st.Letter)
	}
}

// checkPrint checks what the letter page prints: the letter alone, on A4,
// and returns what print-state.js saw.
func (b *tab) checkPrint(t *testing.T) printState {
	t.Helper()
	media := func(m string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
			return err
		})
	}
	run(t, b.ctx, media("print"))
	ps := eval[printState](t, b.ctx, printStateJS, nil)
	run(t, b.ctx, media(""))
	if ps.H1 || ps.Form || ps.Header || ps.Footer || !ps.Letter {
		t.Errorf("printing shows h1 %v, the form %v, the header %v, the footer %v, the letter %v; want only the letter",
			ps.H1, ps.Form, ps.Header, ps.Footer, ps.Letter)
	}
	for _, h := range ps.Headings {
		if !strings.HasPrefix(h, "H4 ") {
			t.Errorf("printing shows the heading %q; want only the reasons' h4 headings", h)
		}
	}
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	yes := true
	pdf, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (page.PrintToPDFResult, error) {
		return cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes})
	})
	if err != nil {
		t.Fatalf("printing to PDF: %v", err)
	}
	// A4 is 595 x 842 points; Chrome writes the size of each page in its
	// MediaBox.
	boxes := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindAllSubmatch(pdf.Data, -1)
	if len(boxes) == 0 {
		t.Fatal("the PDF has no /MediaBox")
	}
	for _, m := range boxes {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if w < 594 || w > 597 || h < 841 || h > 844 {
			t.Errorf("a printed page is %.1f x %.1f points; want A4, 595 x 842", w, h)
		}
	}
	t.Logf("the letter prints on %d A4 page(s)", len(boxes))
	return ps
}

// searchState is what search-state.js reports.
type searchState struct {
	FormShown   bool
	Ready       bool
	Query       string
	Searched    string // the query whose results, with the other languages', are all shown
	Status      string
	StatusLive  string
	Results     []searchResult
	OthersTitle string // the heading of the other languages' results, when shown
	Others      []struct {
		Title, Href, Lang, Dir, Name string
	}
	NoJS     string // the note shown without JavaScript
	AllPages []struct {
		Title, Href, Lang string
		Shown             bool
	}
}

type searchResult struct {
	Title, Href, Lang, Text string
}

func (s searchState) hrefs() []string {
	var out []string
	for _, r := range s.Results {
		out = append(out, r.Href)
	}
	return out
}

// otherHrefs are the URLs of the other languages' results, each with its
// lang, dir and language name: "/da/klage/ da ltr (Dansk)".
func (s searchState) otherHrefs() []string {
	var out []string
	for _, r := range s.Others {
		out = append(out, r.Href+" "+r.Lang+" "+r.Dir+" "+r.Name)
	}
	return out
}

// TestSearch searches the bundled site in Danish, English and Greenlandic
// and checks the results, the announced count, and the list of all pages
// that the page shows also without JavaScript.
func TestSearch(t *testing.T) {
	b, site := serveBundled(t)
	ctx := b.ctx
	// What the page says without JavaScript (search_nojs).
	noJS := map[string]string{
		"da": "Søgningen kræver JavaScript, som er slået fra eller ikke findes i din browser. Du kan finde alle sider i listen herunder.",
		"en": "Searching needs JavaScript, which is turned off or not available in your browser. You can find every page in the list below.",
		"kl": "Ujarlerneq JavaScript-imik atorfissaqarpoq, browserinnili atorneqarsinnaanngilaq. Quppernerit tamarmik ataani allattorsimaffimmi nassaarisinnaavatit.",
	}
	// The status the results announce, with the number as n.
	count := map[string]*regexp.Regexp{
		"da": regexp.MustCompile(`^(?P<n>\d+) resultat(er)?(\. Resultater på andre sprog: \d+ resultat(er)?)?$`),
		"en": regexp.MustCompile(`^(?P<n>\d+) results?(\. Results in other languages: \d+ results?)?$`),
		"kl": regexp.MustCompile(`^Nassaat(it)? (?P<n>\d+)(\. .+)?$`),
	}
	tests := []struct {
		lang, url string
		queries   []searchQuery
	}{
		{"da", "/da/soeg/", []searchQuery{
			{q: "fritagel", first: "/da/digital-post/fritagelse/"},
			{q: "digital post", top: []string{"/da/digital-post/", "/da/digital-post/fritagelse/", "/da/digital-post/laeseadgang/"}},
			{q: "FRITAGELSE for", first: "/da/digital-post/fritagelse/"},
			{q: "laeseadg", first: "/da/digital-post/laeseadgang/"}, // ae for æ, as the index spells it
			{q: "firkantede", first: "/da/ansatte/brev/", n: 1},
			// A son helping his father found nothing on these (issue 16).
			{q: "værgemål", first: "/da/hjaelp/hjaelper/"},
			{q: "demens", first: "/da/hjaelp/hjaelper/"},
			{q: "xyzzyq", none: true},
		}},
		{"en", "/en/search/", []searchQuery{
			// Issue 28: a reader with a Danish letter in hand types its
			// word: the English pages that name it, then the Danish ones,
			// marked as Danish.
			{q: "afslag", top: []string{"/en/refused/", "/en/complaints/"},
				others: []string{"/da/afslag/ da ltr (Dansk)", "/da/klage/ da ltr (Dansk)"}},
			{q: "fritagel", has: "/en/digital-post/exemption/"},
			{q: "exempt", first: "/en/digital-post/exemption/"},
			{q: "introduction", first: "/en/employees/letter/", n: 1},
			{q: "digital post", top: []string{"/en/digital-post/", "/en/digital-post/exemption/", "/en/digital-post/read-access/"}},
		}},
		{"kl", "/kl/soeg/", []searchQuery{
			// Issue 28: Greenlandic has no such page: the Danish and the
			// English ones, each marked with its language.
			{q: "fritagel", none: true, others: []string{"/da/digital-post/fritagelse/ da ltr (Dansk)",
				"/en/digital-post/exemption/ en ltr (English)"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			run(t, ctx, emulate(desktop, false))
			b.load(t, tt.url)
			st := eval[searchState](t, ctx, searchStateJS, nil)
			if !st.FormShown {
				t.Fatal("the search form is not shown with JavaScript on")
			}
			if st.StatusLive != "polite" {
				t.Errorf("the results' status has aria-live=%q, want polite", st.StatusLive)
			}
			reqs := logRequests(t, ctx)
			for _, sq := range tt.queries {
				t.Run(strings.ReplaceAll(sq.q, " ", "_"), func(t *testing.T) {
					// Empty the field, then type the query key by key.
					run(t, ctx, setValue("#search-input", ""))
					waitFor(t, ctx, "the status to empty", `() => document.getElementById('search-status').textContent === ''`, nil)
					run(t, ctx, press("#search-input", sq.q))
					waitFor(t, ctx, "results", `(q) => {
						const f = document.querySelector('form[data-index]');
						return f.dataset.state === 'ready' && document.getElementById('search-input').value === q &&
							f.dataset.searched === q;
					}`, sq.q)
					st := eval[searchState](t, ctx, searchStateJS, nil)
					sq.check(t, st, count[tt.lang])
					if sq.q == "fritagel" {
						b.checkAxe(t, "the search results")
						if tt.lang == "da" {
							screenshot(t, ctx, "da-search-results-1280")
							run(t, ctx, emulate(narrow, false))
							screenshot(t, ctx, "da-search-results-320")
							b.checkAxe(t, "the search results at 320 px")
							run(t, ctx, emulate(desktop, false))
						}
					}
				})
			}
			// The language's index, and the others' when a query found
			// few pages, are the only requests.
			var others []string
			index := false
			for _, r := range reqs.end() {
				switch {
				case strings.Contains(r, "/search/"+tt.lang+"."):
					index = true
				case !strings.Contains(r, "/search/"):
					others = append(others, r)
				}
			}
			if !index {
				t.Error("no request for the search index was seen")
			}
			if len(others) > 0 {
				t.Errorf("searching made requests other than for the indexes:\n%s", strings.Join(others, "\n"))
			}

			// Without JavaScript: no form, and a link to every page of the
			// language.
			run(t, ctx, emulate(desktop, true))
			defer run(t, ctx, emulate(desktop, false))
			b.load(t, tt.url)
			st = eval[searchState](t, ctx, searchStateJS, nil)
			if st.FormShown {
				t.Error("with JavaScript off, the search form is shown")
			}
			// Issue 28: the page says so, in its language (the Danish page
			// read "Her kan du søge på hele siden" and showed no box).
			if want := noJS[tt.lang]; st.NoJS != want {
				t.Errorf("with JavaScript off, the page says %q; want %q", st.NoJS, want)
			}
			screenshot(t, ctx, tt.lang+"-search-nojs-1280")
			links := map[string]bool{}
			for _, a := range st.AllPages {
				if !a.Shown {
					t.Errorf("with JavaScript off, the link to %s is not shown", a.Href)
				}
				links[a.Href] = true
			}
			var want []string
			for _, p := range site.pages {
				// A listing's numbered pages (/page/2/) are reached from
				// the listing, which the list links.
				if p.Lang == tt.lang && p.Kind != "404" && !strings.Contains(p.URL, "/page/") {
					want = append(want, p.URL)
					if !links[p.URL] {
						t.Errorf("the list of all pages has no link to %s (%s)", p.URL, p.Title)
					}
				}
			}
			if len(links) != len(want) {
				t.Errorf("the list of all pages links %d pages; the language has %d", len(links), len(want))
			}
		})
	}
}

// searchQuery is a query and what it must find.
type searchQuery struct {
	q      string
	first  string   // the first result's URL
	has    string   // a URL among the results
	top    []string // the URLs of the first results, in any order
	lang   string   // the lang attribute of the first result's link
	none   bool     // no results
	n      int      // the number of results, if not 0
	others []string // among the other languages' results (otherHrefs)
}

func (sq searchQuery) check(t *testing.T, st searchState, count *regexp.Regexp) {
	t.Helper()
	got := st.hrefs()
	for _, o := range sq.others {
		if !slices.Contains(st.otherHrefs(), o) {
			t.Errorf("%q: the other languages' results are %q; want %q among them", sq.q, st.otherHrefs(), o)
		}
	}
	if len(sq.others) > 0 && st.OthersTitle == "" {
		t.Errorf("%q: the other languages' results have no heading", sq.q)
	}
	if sq.none {
		if len(got) > 0 || st.Status == "" || count.MatchString(st.Status) {
			t.Errorf("%q: %d results, status %q; want none, and a message that says so", sq.q, len(got), st.Status)
		}
		return
	}
	m := count.FindStringSubmatch(st.Status)
	if m == nil {
		t.Fatalf("%q: the status says %q; want the number of results", sq.q, st.Status)
	}
	if n, _ := strconv.Atoi(m[count.SubexpIndex("n")]); n != len(got) {
		t.Errorf("%q: the status says %q; the page lists %d results", sq.q, st.Status, len(got))
	}
	if sq.n > 0 && len(got) != sq.n {
		t.Errorf("%q: %d results %v; want %d", sq.q, len(got), got, sq.n)
	}
	if sq.first != "" && (len(got) == 0 || got[0] != sq.first) {
		t.Errorf("%q: results %v; want %s first", sq.q, got, sq.first)
	}
	if sq.has != "" && !slices.Contains(got, sq.has) {
		t.Errorf("%q: results %v; want %s among them", sq.q, got, sq.has)
	}
	if len(sq.top) > 0 {
		if len(got) < len(sq.top) {
			t.Fatalf("%q: results %v; want %v first", sq.q, got, sq.top)
		}
		top := slices.Sorted(slices.Values(got[:len(sq.top)]))
		if !slices.Equal(top, slices.Sorted(slices.Values(sq.top))) {
			t.Errorf("%q: the first results are %v; want %v", sq.q, got[:len(sq.top)], sq.top)
		}
	}
	if sq.lang != "" && len(st.Results) > 0 && st.Results[0].Lang != sq.lang {
		t.Errorf("%q: the first result's link has lang %q; want %q", sq.q, st.Results[0].Lang, sq.lang)
	}
	for _, r := range st.Results {
		if _, err := url.Parse(r.Href); err != nil || !strings.HasPrefix(r.Href, "/") {
			t.Errorf("%q: the result %q links to %q", sq.q, r.Title, r.Href)
		}
	}
}

// TestSearchServe searches in sitegen serve's build, which has no
// fingerprints and serves the index at /search/<lang>.json.
func TestSearchServe(t *testing.T) {
	b := serveSite(t, repoRoot)
	b.load(t, "/da/soeg/")
	run(t, b.ctx, press("#search-input", "fritagel"))
	waitFor(t, b.ctx, "results", `() => document.querySelectorAll('#search-results li').length > 0`, nil)
	st := eval[searchState](t, b.ctx, searchStateJS, nil)
	if len(st.Results) == 0 || st.Results[0].Href != "/da/digital-post/fritagelse/" {
		t.Errorf("searching for fritagel in sitegen serve found %v; want /da/digital-post/fritagelse/ first", st.hrefs())
	}
}
