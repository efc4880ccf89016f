package serve

import (
	"bytes"
	"context"
	"html"
	"io"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

// reportSite has findings of several kinds: a vague link text, a broken
// anchor, an outdated translation, a page without a description, and a
// draft a published page links to, which sitegen check -drafts reports as
// the error it is once the site is built without the draft.
const reportSite = sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Læs [her](klage.md) og om [fristen](klage.md#frist).
-- content/da/klage.md --
---
title: Klage
---
Klag i tide.
-- content/en/klage.md --
---
title: Complaint
description: Complaint.
---
Complain in time.
-- content/en/_index.md --
---
title: Home
description: Home.
---
See [the draft](kladde.md).
-- content/en/kladde.md --
---
title: Draft
description: Draft.
draft: true
---
Not yet.
`

// TestStatusIsCheck: the status page shows what sitegen check -drafts
// reports (serve shows drafts), on the first build and after an edit that
// fixes some findings and makes others; and it answers without waiting
// while a report is made.
func TestStatusIsCheck(t *testing.T) {
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(reportSite)).Files {
		write(t, dir, f.Name, string(f.Data))
	}
	s, err := New(Options{Src: dir, Addr: "127.0.0.1:0", Drafts: true, Defaults: sitetest.Theme()}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	stop := run(t, s)
	defer func() {
		stop()
		s.reports.Wait(context.Background()) // no check reads the folder once it is removed
	}()

	compareStatus(t, s, dir, 7)
	_, body := get(t, s.URL()+"_sitegen/")
	for _, want := range []string{"Drafts are included", "content/en/_index.md:5: error: link &#34;kladde.md&#34; goes to a draft page, which sitegen build leaves out: publish it or remove the link [draft]"} {
		if !strings.Contains(body, want) {
			t.Errorf("status page lacks %q:\n%s", want, body)
		}
	}
	write(t, dir, "content/da/klage.md", "---\ntitle: Klage\ndescription: Klage.\n---\n## Frist\n\n![](billede.png)\n")
	write(t, dir, "content/da/billede.png", "\x89PNG")
	waitFor(t, func() bool {
		_, body := get(t, s.URL()+"_sitegen/?wait")
		return !strings.Contains(body, "no description")
	})
	compareStatus(t, s, dir, 7)

	// A request does not wait for a check.
	s.reports.Trigger()
	if code, _ := get(t, s.URL()+"_sitegen/"); code != 200 {
		t.Errorf("status while checking: %d", code)
	}
}

// compareStatus checks that the status page lists the findings and totals
// of sitegen check, as the command runs it (with -drafts when the server
// shows drafts), and that there are n findings.
func compareStatus(t *testing.T, s *Server, dir string, n int) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	want, err := check.Run(root.FS(), build.Options{Defaults: sitetest.Theme(), Drafts: s.opts.Drafts})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	want.WriteText(&text)
	if len(want.Findings) != n {
		t.Fatalf("sitegen check has %d findings, the test wants %d:\n%s", len(want.Findings), n, text.String())
	}
	_, body := get(t, s.URL()+"_sitegen/?wait")
	_, list, _ := strings.Cut(body, "<h2>Findings</h2>")
	list, _, _ = strings.Cut(list, "</ul>")
	var got []string
	for _, item := range strings.Split(list, "<li><code>")[1:] {
		got = append(got, html.UnescapeString(strings.TrimSuffix(item, "</code></li>")))
	}
	var wantLines []string
	for _, f := range want.Findings {
		wantLines = append(wantLines, f.String())
	}
	if strings.Join(got, "\n") != strings.Join(wantLines, "\n") {
		t.Errorf("status page findings:\n%s\nsitegen check:\n%s", strings.Join(got, "\n"), text.String())
	}
	flag := ""
	if s.opts.Drafts {
		flag = " -drafts"
	}
	if !strings.Contains(body, "<p>"+want.Totals()+" (as sitegen check"+flag+" reports") {
		t.Errorf("status page lacks %q:\n%s", want.Totals(), body)
	}
}
