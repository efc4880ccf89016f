package serve

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

var (
	soakSeed      = flag.Uint64("soak.seed", 15, "seed of TestSoakSite's edits")
	soakRounds    = flag.Int("soak.rounds", 3, "rounds of edits in TestSoakSite")
	soakPages     = flag.Int("soak.pages", 700, "Danish pages of TestSoakSite's site with the built-in theme (three languages: three times as many pages)")
	soakNosyPages = flag.Int("soak.nosypages", 40, "Danish pages of TestSoakSite's site with sitetest.Nosy, whose home pages show every page whole")
)

// TestSoakSite is issue 15's soak test. On a site of more than 2,000
// pages it makes, in rounds, edits at random moments, from the start of
// the first build on and through the rebuilds: saves by rename and in
// place, new titles, broken front matter, folders renamed, moved to
// another depth, moved back and deleted, pages deleted and restored,
// layouts, UI strings and stylesheets edited, backup and swap files left
// around. After each round, once the server has taken the last edit, the
// served site must equal a fresh build byte for byte, search indexes
// included. The edits' timing varies from run to run; what is compared
// does not depend on it, so the test cannot pass or fail by chance.
//
// It runs with the built-in theme (menus, footer, language switcher,
// breadcrumbs, listings), and, on a smaller site, with layouts that read
// every field of every page they reach (sitetest.Nosy), so that a page
// left out of a rebuild shows (issue 23). -soak.seed, -soak.rounds,
// -soak.pages and -soak.nosypages change it.
func TestSoakSite(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test")
	}
	for _, th := range []struct {
		name     string
		defaults fs.FS
		pages    int
		atLeast  int // pages the site must have
	}{
		{"builtin", theme.FS(), *soakPages, 2000},
		{"nosy", sitetest.Nosy(), *soakNosyPages, 0},
	} {
		t.Run(th.name, func(t *testing.T) { soak(t, th.defaults, th.pages, th.atLeast) })
	}
}

func soak(t *testing.T, defaults fs.FS, pages, atLeast int) {
	dir := t.TempDir()
	writeSoakSite(t, dir, pages, defaults)
	rng := rand.New(rand.NewPCG(*soakSeed, 15))
	e := &editor{t: t, dir: dir, rng: rng}
	t.Logf("seed %d", *soakSeed)

	// The first round starts with the server: its edits fall before, in
	// and after the first build.
	type started struct {
		s   *Server
		err error
	}
	ready := make(chan started, 1)
	go func() {
		s, err := New(Options{Src: dir, Addr: "127.0.0.1:0", Drafts: true, Defaults: defaults}, io.Discard)
		ready <- started{s, err}
	}()
	e.round(120)
	st := <-ready
	if st.err != nil {
		t.Fatal(st.err)
	}
	s := st.s
	defer run(t, s)()
	for round := 1; ; round++ {
		e.settle()
		e.barrier(s, round)
		compareFresh(t, s, dir, round, defaults, atLeast)
		if round == *soakRounds {
			break
		}
		e.round(150)
	}
	t.Logf("%d edits in %d rounds: %s", e.count, *soakRounds, e.kinds())
}

// writeSoakSite writes the benchmark corpus with shorter bodies (the first
// paragraphs and every line with a link), so that a build under -race
// takes seconds, not minutes; with layouts and UI strings of the site's
// own to edit, copied from theme, and a stylesheet.
func writeSoakSite(t *testing.T, dir string, pages int, theme fs.FS) {
	t.Helper()
	for name, f := range corpus.MapFS(pages, 1) {
		data := f.Data
		if strings.HasPrefix(name, "content/") {
			data = shortBody(data)
		}
		writeFile(t, filepath.Join(dir, name), data)
	}
	for _, name := range []string{"layouts/page.html", "layouts/section.html", "i18n/da.toml"} {
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), data)
	}
	writeFile(t, filepath.Join(dir, "static/site.css"), []byte("body { margin: 0 }\n"))
	writeFile(t, filepath.Join(dir, "content/da/soak.md"), []byte(page("Soak", "Runde 0.")))
}

// shortBody keeps the front matter, the first lines of the body and every
// line with a link.
func shortBody(data []byte) []byte {
	lines := strings.SplitAfter(string(data), "\n")
	var out strings.Builder
	fences := 0
	for i, l := range lines {
		if strings.TrimSpace(l) == "---" {
			fences++
		}
		if fences < 2 || i < 16 || strings.Contains(l, "](") {
			out.WriteString(l)
		}
	}
	return []byte(out.String())
}

func writeFile(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// An editor makes random edits to a site and can undo the ones that would
// leave it broken, last first.
type editor struct {
	t     *testing.T
	dir   string
	rng   *rand.Rand
	undo  []func() // undoes the edits that leave the site broken or moved
	n     int      // numbers new names
	count int
	done  map[string]int
}

// round makes n edits at random moments, some in quick bursts.
func (e *editor) round(n int) {
	edits := []struct {
		name   string
		weight int
		fn     func()
	}{
		{"body", 24, e.editBody},
		{"body in place", 8, e.editInPlace},
		{"title", 8, e.editTitle},
		{"broken front matter", 5, e.breakFile},
		{"undo", 12, e.undoLast},
		{"rename folder", 6, e.renameFolder},
		{"move folder deeper", 3, e.moveFolderDeeper},
		{"delete folder", 2, e.deleteFolder},
		{"delete page", 4, e.deletePage},
		{"rename page", 3, e.renamePage},
		{"new folder", 3, e.newFolder},
		{"layout", 3, e.editLayout},
		{"broken layout", 1, e.breakLayout},
		{"UI string", 3, e.editMessages},
		{"stylesheet", 3, e.editStyles},
		{"backup files", 6, e.backupFiles},
	}
	total := 0
	for _, ed := range edits {
		total += ed.weight
	}
	if e.done == nil {
		e.done = map[string]int{}
	}
	for range n {
		pick := e.rng.IntN(total)
		for _, ed := range edits {
			if pick < ed.weight {
				ed.fn()
				e.done[ed.name]++
				e.count++
				break
			}
			pick -= ed.weight
		}
		switch r := e.rng.IntN(100); {
		case r < 50: // a burst
		case r < 95:
			time.Sleep(time.Duration(e.rng.IntN(30)) * time.Millisecond)
		default:
			time.Sleep(time.Duration(100+e.rng.IntN(400)) * time.Millisecond)
		}
	}
}

func (e *editor) kinds() string {
	var parts []string
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range e.done {
			if !yield(k) {
				return
			}
		}
	}) {
		parts = append(parts, fmt.Sprintf("%s %d", k, e.done[k]))
	}
	return strings.Join(parts, ", ")
}

// settle undoes every edit that left the site broken or moved, last
// first, so that the site builds.
func (e *editor) settle() {
	for len(e.undo) > 0 {
		e.undoLast()
	}
}

func (e *editor) undoLast() {
	if len(e.undo) == 0 {
		return
	}
	u := e.undo[len(e.undo)-1]
	e.undo = e.undo[:len(e.undo)-1]
	u()
}

func (e *editor) abs(rel string) string { return filepath.Join(e.dir, filepath.FromSlash(rel)) }

// files lists the content files as they are now, with a filter.
func (e *editor) files(keep func(rel string) bool) []string {
	var list []string
	filepath.WalkDir(e.abs("content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		rel := toRel(e.dir, p)
		if keep == nil || keep(rel) {
			list = append(list, rel)
		}
		return nil
	})
	return list
}

// folders lists the folders below content/<lang>/, as they are now,
// but not the ignored ones backupFiles makes (it makes them again, in the
// way of a move back).
func (e *editor) folders() []string {
	var list []string
	filepath.WalkDir(e.abs("content"), func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || !d.IsDir():
		case content.Ignored(d.Name()):
			return filepath.SkipDir
		case strings.Count(toRel(e.dir, p), "/") >= 2:
			list = append(list, toRel(e.dir, p))
		}
		return nil
	})
	return list
}

func (e *editor) pick(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[e.rng.IntN(len(list))]
}

func (e *editor) read(rel string) []byte {
	data, _ := os.ReadFile(e.abs(rel))
	return data
}

// save writes a file as editors do: to a temporary file, then renamed
// over the original.
func (e *editor) save(rel string, data []byte) {
	p := e.abs(rel)
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".swx")
	if os.WriteFile(tmp, data, 0o644) == nil {
		os.Rename(tmp, p)
	}
}

func (e *editor) editBody() {
	rel := e.pick(e.files(nil))
	if data := e.read(rel); data != nil {
		e.save(rel, append(data, fmt.Sprintf("\nTilføjet %d.\n", e.rng.IntN(1000000))...))
	}
}

func (e *editor) editInPlace() {
	rel := e.pick(e.files(nil))
	if data := e.read(rel); data != nil {
		os.WriteFile(e.abs(rel), append(data, fmt.Sprintf("\nSkrevet %d.\n", e.rng.IntN(1000000))...), 0o644)
	}
}

func (e *editor) editTitle() {
	rel := e.pick(e.files(nil))
	data := string(e.read(rel))
	i := strings.Index(data, "\ntitle: ")
	if i < 0 {
		return
	}
	end := strings.Index(data[i+1:], "\n")
	if end < 0 {
		return
	}
	e.save(rel, []byte(data[:i]+fmt.Sprintf("\ntitle: Ny titel %d", e.rng.IntN(1000000))+data[i+1+end:]))
}

// breakFile breaks a file's front matter; the undo restores it.
func (e *editor) breakFile() {
	rel := e.pick(e.files(nil))
	data := e.read(rel)
	if data == nil {
		return
	}
	e.save(rel, []byte(strings.Replace(string(data), "title: ", "title: [", 1)))
	e.undo = append(e.undo, func() { e.save(rel, data) })
}

// renameFolder renames a folder below a language folder; the undo moves
// it back.
func (e *editor) renameFolder() {
	from := e.pick(e.folders())
	if from == "" {
		return
	}
	e.n++
	to := fmt.Sprintf("%s-%d", from, e.n)
	e.move(from, to)
}

// moveFolderDeeper moves a folder into another folder of its language.
func (e *editor) moveFolderDeeper() {
	from := e.pick(e.folders())
	lang := strings.Split(from+"/", "/")[1]
	into := e.pick(slices.DeleteFunc(e.folders(), func(f string) bool {
		return !strings.HasPrefix(f, "content/"+lang+"/") || f == from || strings.HasPrefix(f, from+"/")
	}))
	if from == "" || into == "" {
		return
	}
	e.n++
	e.move(from, fmt.Sprintf("%s/flyttet-%d", into, e.n))
}

func (e *editor) move(from, to string) {
	if os.Rename(e.abs(from), e.abs(to)) == nil {
		e.undo = append(e.undo, func() { e.check(os.Rename(e.abs(to), e.abs(from))) })
	}
}

// check fails the test when an undo fails: the site would stay broken.
func (e *editor) check(err error) {
	if err != nil {
		e.t.Errorf("undo: %v", err)
	}
}

// deleteFolder deletes a folder with everything in it; the undo writes it
// back.
func (e *editor) deleteFolder() {
	dir := e.pick(e.folders())
	if dir == "" {
		return
	}
	saved := map[string][]byte{}
	for _, f := range e.files(func(rel string) bool { return strings.HasPrefix(rel, dir+"/") }) {
		saved[f] = e.read(f)
	}
	folders := slices.DeleteFunc(e.folders(), func(f string) bool { return f != dir && !strings.HasPrefix(f, dir+"/") })
	if os.RemoveAll(e.abs(dir)) != nil {
		return
	}
	e.undo = append(e.undo, func() {
		for _, f := range folders {
			e.check(os.MkdirAll(e.abs(f), 0o755))
		}
		for f, data := range saved {
			e.check(os.MkdirAll(filepath.Dir(e.abs(f)), 0o755))
			e.check(os.WriteFile(e.abs(f), data, 0o644))
		}
	})
}

// deletePage deletes a page; the undo writes it back.
func (e *editor) deletePage() {
	rel := e.pick(e.files(func(rel string) bool { return !strings.HasSuffix(rel, "/_index.md") && rel != "content/da/soak.md" }))
	data := e.read(rel)
	if data == nil || os.Remove(e.abs(rel)) != nil {
		return
	}
	e.undo = append(e.undo, func() { e.check(os.WriteFile(e.abs(rel), data, 0o644)) })
}

// renamePage renames a page in its folder; the undo renames it back.
func (e *editor) renamePage() {
	rel := e.pick(e.files(func(rel string) bool { return !strings.HasSuffix(rel, "/_index.md") && rel != "content/da/soak.md" }))
	if rel == "" {
		return
	}
	e.n++
	e.move(rel, strings.TrimSuffix(rel, ".md")+fmt.Sprintf("-%d.md", e.n))
}

// newFolder makes a section with a page, by mkdir -p and two saves; it
// stays.
func (e *editor) newFolder() {
	parent := e.pick(append(e.folders(), "content/da", "content/en"))
	e.n++
	dir := fmt.Sprintf("%s/ny-%d/under", parent, e.n)
	os.MkdirAll(e.abs(dir), 0o755)
	os.WriteFile(e.abs(dir+"/../_index.md"), []byte(page(fmt.Sprintf("Ny %d", e.n), "Ny.")), 0o644)
	os.WriteFile(e.abs(dir+"/_index.md"), []byte(page(fmt.Sprintf("Under %d", e.n), "Under.")), 0o644)
	os.WriteFile(e.abs(dir+"/side.md"), []byte(page(fmt.Sprintf("Side %d", e.n), "Side.")), 0o644)
}

func (e *editor) editLayout() {
	name := e.pick([]string{"layouts/page.html", "layouts/section.html"})
	data := e.read(name)
	e.save(name, append(bytes.TrimRight(data, "\n"), fmt.Sprintf("\n{{/* %d */}}<!-- %d -->\n", e.n, e.rng.IntN(1000000))...))
}

// breakLayout makes a layout that does not parse; the undo restores it.
func (e *editor) breakLayout() {
	data := e.read("layouts/page.html")
	e.save("layouts/page.html", append(slices.Clone(data), "{{ if }}"...))
	e.undo = append(e.undo, func() { e.save("layouts/page.html", data) })
}

// editMessages changes skip_link, a string every page shows.
func (e *editor) editMessages() {
	data := string(e.read("i18n/da.toml"))
	i := strings.Index(data, "skip_link = \"")
	if i < 0 {
		e.t.Errorf("i18n/da.toml has no skip_link to edit:\n%s", data)
		return
	}
	end := strings.Index(data[i:], "\n")
	e.save("i18n/da.toml", []byte(data[:i]+fmt.Sprintf("skip_link = \"Spring frem %d\"", e.rng.IntN(1000))+data[i+end:]))
}

func (e *editor) editStyles() {
	e.save("static/site.css", fmt.Appendf(nil, "body { margin: %dpx }\n", e.rng.IntN(100)))
}

// backupFiles leaves what editors, merge tools and patch leave: none of
// it may reach the site or stop the build.
func (e *editor) backupFiles() {
	rel := e.pick(e.files(nil))
	if rel == "" {
		return
	}
	dir, base := filepath.Split(rel)
	data := e.read(rel)
	for _, name := range []string{base + ".bak", base + ".orig", base + ".rej", base + "~", "#" + base + "#", ".#" + base, "." + base + ".swp"} {
		os.WriteFile(e.abs(dir+name), []byte("not: [valid\n"), 0o644)
	}
	os.MkdirAll(e.abs(dir+"gammel~"), 0o755)
	os.WriteFile(e.abs(dir+"gammel~/"+base), data, 0o644)
	os.WriteFile(e.abs("static/site.css.orig"), []byte("x"), 0o644)
	os.WriteFile(e.abs("layouts/page.html.bak"), []byte("{{ if }}"), 0o644)
}

// barrier edits content/da/soak.md last of all and waits until the
// served site shows it: the watcher has then taken every earlier event,
// and the builds for them are done. It is a page body edit, so the
// rebuild it makes is the smallest one, and what it compares is the work
// of the incremental rebuilds before it.
func (e *editor) barrier(s *Server, round int) {
	e.t.Helper()
	want := fmt.Sprintf("Runde %d.", round)
	e.save("content/da/soak.md", []byte(page("Soak", want)))
	if e.t.Failed() {
		e.t.FailNow()
	}
	deadline := time.Now().Add(5 * time.Minute)
	for {
		data, _ := s.store.Get("da/soak/index.html")
		if bytes.Contains(data, []byte(want)) && s.store.Errors() == nil {
			s.mu.Lock() // a build that has started is done
			s.mu.Unlock()
			if data, _ := s.store.Get("da/soak/index.html"); bytes.Contains(data, []byte(want)) {
				return
			}
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("round %d: the server never showed the last edit; errors:\n%v", round, s.store.Errors())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// compareFresh builds the site afresh and requires the served site to be
// the same, file for file and byte for byte, search indexes included.
func compareFresh(t *testing.T, s *Server, dir string, round int, defaults fs.FS, atLeast int) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	fresh := build.NewBuilder(root.FS(), build.Options{BaseURL: s.URL(), Drafts: true, Defaults: defaults, Dev: true, Incremental: true})
	mem := publish.NewMemory()
	res, err := fresh.Build(mem)
	if err != nil {
		t.Fatalf("round %d: the site does not build afresh:\n%v", round, err)
	}
	want := mem.Files()
	s.mu.Lock()
	got := s.store.Snapshot()
	indexes := map[string][]byte{}
	for _, l := range res.Site.Langs {
		indexes[l.Code], _ = s.builder.SearchIndex(l.Code)
	}
	s.mu.Unlock()
	var diffs []string
	for _, name := range slices.Sorted(mapsKeys(want, got)) {
		switch w, g := want[name], got[name]; {
		case w == nil:
			diffs = append(diffs, "served but not built afresh: "+name)
		case g == nil:
			diffs = append(diffs, "built afresh but not served: "+name)
		case !bytes.Equal(w, g):
			diffs = append(diffs, "differs: "+name)
			if len(diffs) == 1 {
				diffs[0] += "\n" + firstDiff(g, w)
			}
		}
	}
	for _, l := range res.Site.Langs {
		w, _ := fresh.SearchIndex(l.Code)
		if !bytes.Equal(w, indexes[l.Code]) {
			diffs = append(diffs, "differs: search index "+l.Code)
		}
	}
	if len(diffs) > 0 {
		t.Fatalf("round %d: the served site is not a fresh build (%d of %d files):\n%s", round, len(diffs), len(want), strings.Join(diffs[:min(len(diffs), 30)], "\n"))
	}
	if len(res.Site.Pages) < atLeast {
		t.Errorf("round %d: %d pages; the soak test needs at least %d", round, len(res.Site.Pages), atLeast)
	}
	t.Logf("round %d: the served site equals a fresh build: %d files, %d pages", round, len(want), len(res.Site.Pages))
}

func mapsKeys(ms ...map[string][]byte) func(func(string) bool) {
	return func(yield func(string) bool) {
		seen := map[string]bool{}
		for _, m := range ms {
			for k := range m {
				if !seen[k] {
					seen[k] = true
					if !yield(k) {
						return
					}
				}
			}
		}
	}
}

// firstDiff shows where a served file first differs from the fresh one.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	cut := func(b []byte) []byte { return b[from:min(len(b), i+200)] }
	return fmt.Sprintf("at byte %d\nserved: …%s…\nfresh:  …%s…", i, cut(got), cut(want))
}
