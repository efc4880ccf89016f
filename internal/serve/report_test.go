package serve

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/history"
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
	writeSite(t, dir, reportSite)
	s := newServer(t, dir, true)
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
	got := statusFindings(body)
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

// TestStatusAfterEdits: after each edit the status page's report equals
// a fresh sitegen check (-drafts) of the edited files, field by field (the
// JSON of the Report), though the server made it from its own builds: no
// whole check runs while the site builds, and an edit converts only the
// pages it must. A broken build is reported as sitegen check reports it,
// with a whole check, since the server's Builder stops at errors.
func TestStatusAfterEdits(t *testing.T) {
	for _, drafts := range []bool{true, false} {
		t.Run(fmt.Sprintf("drafts=%v", drafts), func(t *testing.T) { statusAfterEdits(t, drafts) })
	}
}

func statusAfterEdits(t *testing.T, drafts bool) {
	dir := t.TempDir()
	writeSite(t, dir, editSite)
	s := newServer(t, dir, drafts)
	// The test rebuilds by itself, in order; the watcher's events are
	// left unread.
	defer s.watcher.Close()
	defer s.root.Close()
	defer s.reports.Wait(context.Background())

	steps := []struct {
		name      string
		files     map[string]string // "" removes the file
		converted int64             // pages converted again, at most (-1: any number)
		whole     bool              // the build fails: a whole check is the report
		want      string            // a finding the report must have
	}{
		{"first build", nil, -1, false, "[anchor]"},
		{"a page changed", map[string]string{
			"content/da/klage.md": "---\ntitle: Klage\ndescription: Klage.\n---\n## Frist\n\nKlag i tide.\n",
		}, 1, false, ""},
		{"a page added", map[string]string{
			"content/da/ny.md": "---\ntitle: Ny\ndescription: Ny side.\n---\nSe [fristen](klage.md#frist) og [her](frist.md).\n",
		}, 1, false, "[link-text]"},
		{"a title used twice", map[string]string{
			"content/da/ny.md": "---\ntitle: Klage\ndescription: Ny side.\n---\nSe [fristen](klage.md#frist) og [her](frist.md).\n",
		}, 1, false, "[duplicate-title]"},
		{"an anchor broken", map[string]string{
			"content/da/klage.md": "---\ntitle: Klage\ndescription: Klage.\n---\n## Tidsfrist\n\nKlag i tide.\n",
		}, 1, false, `has no heading or footnote with id "frist"`},
		{"the anchor fixed", map[string]string{
			"content/da/klage.md": "---\ntitle: Klage\ndescription: Klage.\n---\n## Frist\n\nKlag i tide.\n",
		}, 1, false, ""},
		{"a link to no page: the build fails", map[string]string{
			"content/da/ny.md": "---\ntitle: Ny\ndescription: Ny side.\n---\nSe [mangler](mangler.md).\n",
		}, -1, true, "[build]"},
		{"the link fixed", map[string]string{
			"content/da/ny.md": "---\ntitle: Ny\ndescription: Ny side.\n---\nSe [fristen](klage.md#frist).\n",
		}, -1, false, ""},
		{"a page removed", map[string]string{"content/da/ny.md": ""}, 0, false, ""},
		{"a layout with broken links", map[string]string{
			"layouts/page.html": `{{ define "main" }}<h1>{{ .Page.Title }}</h1><a href="/da/mangler/">x</a> <a href="#bund">y</a>{{ .Body }}{{ end }}`,
		}, 0, false, "which the build does not write"},
		{"a link to a draft", map[string]string{
			"content/en/_index.md": "---\ntitle: Home\ndescription: Home.\n---\nSee [the draft](kladde.md).\n",
		}, -1, !drafts, "goes to a draft"}, // [draft] with drafts, else a build error
		{"the draft published", map[string]string{
			"content/en/kladde.md": "---\ntitle: Draft\ndescription: Draft.\n---\nNot yet.\n",
		}, -1, false, ""},
		{"a page linked to made a draft", map[string]string{
			"content/da/klage.md": "---\ntitle: Klage\ndescription: Klage.\ndraft: true\n---\n## Frist\n\nKlag i tide.\n",
		}, -1, !drafts, ""},
	}
	for i, st := range steps {
		var paths []string
		for name, data := range st.files {
			if data == "" {
				if err := os.Remove(filepath.Join(dir, name)); err != nil {
					t.Fatal(err)
				}
			} else {
				write(t, dir, name, data)
			}
			paths = append(paths, name)
		}
		before, wholeBefore := s.counts.Converted.Load(), s.checks.whole.Load()
		if i > 0 {
			s.rebuild(paths)
		}
		got := s.reports.Wait(context.Background())
		if got.Err != nil {
			t.Fatalf("%s: %v", st.name, got.Err)
		}
		if whole := s.checks.whole.Load() - wholeBefore; whole != map[bool]int64{true: 1}[st.whole] {
			t.Errorf("%s: %d whole checks", st.name, whole)
		}
		if n := s.counts.Converted.Load() - before; st.converted >= 0 && n > st.converted {
			t.Errorf("%s: %d pages converted again, want at most %d", st.name, n, st.converted)
		}
		want := freshCheck(t, s, dir)
		gotJSON, wantJSON := reportJSON(t, got.Report), reportJSON(t, want)
		if gotJSON != wantJSON {
			t.Errorf("%s: the status page's report differs from sitegen check's:\n%s\nsitegen check:\n%s", st.name, gotJSON, wantJSON)
		}
		var text bytes.Buffer
		got.Report.WriteText(&text)
		if !strings.Contains(text.String(), st.want) {
			t.Errorf("%s: no finding %q:\n%s", st.name, st.want, text.String())
		}
	}
}

// editSite is where TestStatusAfterEdits starts: a broken anchor, and a
// draft.
const editSite = sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
Om [fristen](klage.md#frist) og [fristen igen](frist.md).
-- content/da/klage.md --
---
title: Klage
description: Klage.
---
Klag i tide.
-- content/da/frist.md --
---
title: Frist
description: Frist.
---
Se [klagen](klage.md).
-- content/en/_index.md --
---
title: Home
description: Home.
---
Hello.
-- content/en/kladde.md --
---
title: Draft
description: Draft.
draft: true
---
Not yet.
`

// freshCheck runs sitegen check on the files as they are, with the
// server's options.
func freshCheck(t *testing.T, s *Server, dir string) *check.Report {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	r, err := check.Run(root.FS(), build.Options{BaseURL: s.URL(), Drafts: s.opts.Drafts, Defaults: sitetest.Theme(), Dev: true})
	if err != nil {
		t.Fatal(err)
	}
	r.Explain(root.FS(), history.New(root.FS(), dir)) // as sitegen check does
	return r
}

func reportJSON(t *testing.T, r *check.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// statusFindings returns the findings a status page lists, as
// Finding.String formats them, the places folded away included.
func statusFindings(body string) []string {
	_, list, _ := strings.Cut(body, `<h2 id="findings">Findings</h2>`)
	_, list, _ = strings.Cut(list, "<ul>")
	list, _, _ = strings.Cut(list, "</ul>")
	var got []string
	for _, item := range strings.Split(list, "<li><code>")[1:] {
		item = strings.TrimSuffix(item, "</li>")
		shown, folded, ok := strings.Cut(item, "</code><details><summary>")
		if ok {
			_, folded, _ = strings.Cut(folded, "</summary><code>")
			shown += "\n" + strings.TrimSuffix(folded, "</code></details>")
		} else {
			shown = strings.TrimSuffix(shown, "</code>")
		}
		got = append(got, html.UnescapeString(shown))
	}
	return got
}
