package build_test

import (
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/publish"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

var (
	editSeed  = flag.Uint64("edits.seed", 23, "seed of TestUpdateEdits's edits")
	editSteps = flag.Int("edits.steps", 0, "edits for each theme in TestUpdateEdits, for a longer run (default 80, 40 with -race: each kind of edit once, then at random)")
)

// TestUpdateEdits is issue 23's generated sequence of edits: every field
// of front matter, bodies and their links, images and headings, UI
// strings, sitegen.toml, layouts, static files, files beside pages, and
// pages and folders added, renamed and deleted, chosen at random from a
// fixed seed. After each edit, Builder.Update must leave the output a
// fresh build would write, byte for byte, or fail where a fresh build
// fails. It runs with the built-in theme and with layouts that read every
// field of every page they reach (sitetest.Nosy). -edits.seed and
// -edits.steps change the run:
//
//	go test ./internal/build -run TestUpdateEdits -edits.steps 2000
func TestUpdateEdits(t *testing.T) {
	for _, th := range themes {
		if th.name == "test" {
			continue // the built-in theme shows all it shows, and more
		}
		t.Run(th.name, func(t *testing.T) {
			t.Parallel()
			steps := *editSteps
			if steps == 0 {
				steps = 80
				if raceDetector {
					steps = 40
				}
			}
			runEdits(t, th.defaults(), *editSeed, steps)
		})
	}
}

// A srcPage is a content file as the test writes it.
type srcPage struct {
	fields map[string]string // front matter field -> its value as YAML
	body   string
}

func (p *srcPage) bytes() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	for _, f := range content.Fields {
		if v, ok := p.fields[f]; ok {
			fmt.Fprintf(&b, "%s: %s\n", f, v)
		}
	}
	b.WriteString("---\n")
	b.WriteString(p.body)
	return []byte(b.String())
}

// An editSite is the site being edited.
type editSite struct {
	pages map[string]*srcPage // by content path
	files map[string]string   // the other files
}

func (s *editSite) clone() *editSite {
	c := &editSite{pages: map[string]*srcPage{}, files: maps.Clone(s.files)}
	for p, pg := range s.pages {
		c.pages[p] = &srcPage{fields: maps.Clone(pg.fields), body: pg.body}
	}
	return c
}

// write makes fsys hold the site, and returns the paths that changed,
// appeared or disappeared.
func (s *editSite) write(fsys fstest.MapFS) []string {
	want := map[string][]byte{}
	for p, pg := range s.pages {
		want[p] = pg.bytes()
	}
	for p, data := range s.files {
		want[p] = []byte(data)
	}
	var changed []string
	for p, f := range fsys {
		if _, ok := want[p]; !ok {
			delete(fsys, p)
			changed = append(changed, p)
		} else if string(f.Data) != string(want[p]) {
			changed = append(changed, p)
		}
	}
	for p, data := range want {
		f, ok := fsys[p]
		if !ok {
			changed = append(changed, p)
		}
		if !ok || string(f.Data) != string(data) {
			fsys[p] = &fstest.MapFile{Data: data}
		}
	}
	slices.Sort(changed)
	return slices.Compact(changed)
}

func newEditSite() *editSite {
	s := &editSite{pages: map[string]*srcPage{}, files: map[string]string{
		"sitegen.toml": `base_url = "https://example.org/"
title = "Prøvested"
[params]
contact = "a@example.org"
[search]
list_all_max = 500
[[languages]]
code = "da"
name = "Dansk"
[[languages]]
code = "en"
name = "English"
[[languages]]
code = "kl"
name = "Kalaallisut"
`,
		"i18n/da.toml":                      "skip_link = \"Gå til indholdet\"\n",
		"layouts/partials/footer_note.html": `{{ define "footer_note" }}<p>{{ .Param "contact" }}</p>{{ end }}`,
		"layouts/special.html":              `{{ define "main" }}<div class="special"><h1>{{ .Page.Title }}</h1>{{ .Body }}</div>{{ end }}`,
		"static/css/site.css":               "body { margin: 0 }\n",
		"static/js/extra.js":                "console.log(1)\n",
		"content/da/faq/billede.svg":        `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>`,
	}}
	add := func(p, title string, fields ...string) {
		pg := &srcPage{fields: map[string]string{"title": title, "description": title + "."}, body: "Tekst om " + title + ".\n"}
		for i := 0; i+1 < len(fields); i += 2 {
			pg.fields[fields[i]] = fields[i+1]
		}
		s.pages[p] = pg
	}
	add("content/da/_index.md", "Forside")
	add("content/da/hjaelp/_index.md", "Hjælp", "menu", "main", "weight", "1")
	add("content/da/hjaelp/brev.md", "Brev", "updated", "2026-01-02")
	add("content/da/hjaelp/bibliotek.md", "Bibliotek", "weight", "2")
	add("content/da/om/_index.md", "Om", "menu", "main", "weight", "2")
	add("content/da/om/kontakt.md", "Kontakt", "menu", "footer")
	add("content/da/faq/index.md", "Spørgsmål")
	add("content/da/soeg.md", "Søg", "layout", "search")
	add("content/en/_index.md", "Home")
	add("content/en/hjaelp/_index.md", "Help", "slug", "help")
	add("content/en/hjaelp/brev.md", "Letter", "slug", "letter")
	add("content/en/om/_index.md", "About", "slug", "about")
	add("content/kl/_index.md", "Aallaqqaasiut")
	add("content/kl/hjaelp/brev.md", "Allakkat", "needs_review", "true")
	s.pages["content/da/faq/index.md"].body += "![Billede](billede.svg)\n"
	return s
}

// An editor makes random edits to an editSite.
type siteEditor struct {
	rng *rand.Rand
	n   int
}

func (e *siteEditor) next() int { e.n++; return e.n }

// pick returns an element of list at random, the zero value for none.
func pick[T any](rng *rand.Rand, list []T) T {
	if len(list) == 0 {
		var zero T
		return zero
	}
	return list[rng.IntN(len(list))]
}

// pagePaths returns the site's content pages, sorted, filtered.
func pagePaths(s *editSite, keep func(p string) bool) []string {
	var out []string
	for p := range s.pages {
		if keep == nil || keep(p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func notHome(p string) bool { return strings.Count(p, "/") > 2 || !strings.HasSuffix(p, "_index.md") }

// setOrDelete sets a field to one of values, or deletes it for "".
func setOrDelete(pg *srcPage, field, value string) {
	if value == "" {
		delete(pg.fields, field)
	} else {
		pg.fields[field] = value
	}
}

// fieldEdits change one front matter field each, by its name in
// content.Fields.
func (e *siteEditor) fieldEdits() map[string]func(s *editSite, pg *srcPage, p string) {
	rng := e.rng
	date := func() string {
		if rng.IntN(4) == 0 {
			return ""
		}
		return fmt.Sprintf("2026-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
	}
	boolean := func() string { return pick(rng, []string{"", "true", "false"}) }
	return map[string]func(s *editSite, pg *srcPage, p string){
		"title":       func(s *editSite, pg *srcPage, p string) { pg.fields["title"] = fmt.Sprintf("Titel %d", e.next()) },
		"description": func(s *editSite, pg *srcPage, p string) { pg.fields["description"] = fmt.Sprintf("Om %d.", e.next()) },
		"slug": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "slug", pick(rng, []string{"", "", fmt.Sprintf("ny-%d", e.next()), "s"}))
		},
		"weight": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "weight", pick(rng, []string{"", "1", "2", "3", "-1"}))
		},
		"menu": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "menu", pick(rng, []string{"", "main", "footer", "[main, footer]",
				"{main: {parent: Hjælp}}", "{main: {parent: hj, identifier: om}}", "{main: {identifier: hj}}"}))
		},
		"updated": func(s *editSite, pg *srcPage, p string) { setOrDelete(pg, "updated", date()) },
		"date":    func(s *editSite, pg *srcPage, p string) { setOrDelete(pg, "date", date()) },
		"lastmod": func(s *editSite, pg *srcPage, p string) { setOrDelete(pg, "lastmod", date()) },
		"draft":   func(s *editSite, pg *srcPage, p string) { setOrDelete(pg, "draft", boolean()) },
		"aliases": func(s *editSite, pg *srcPage, p string) {
			lang := strings.Split(p, "/")[1]
			setOrDelete(pg, "aliases", pick(rng, []string{"", fmt.Sprintf("[/%s/gammel-%d/]", lang, e.next())}))
		},
		"translation_key": func(s *editSite, pg *srcPage, p string) {
			keys := []string{"", "", "hjaelp/brev.md", "om/_index.md", fmt.Sprintf("nøgle-%d", rng.IntN(3))}
			setOrDelete(pg, "translation_key", pick(rng, keys))
		},
		"translated_from": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "translated_from", pick(rng, []string{"", fmt.Sprintf("%012x", rng.Uint64()>>16)}))
		},
		"needs_review": func(s *editSite, pg *srcPage, p string) { setOrDelete(pg, "needs_review", boolean()) },
		"layout": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "layout", pick(rng, []string{"", "", "special", "search"}))
		},
		"params": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "params", pick(rng, []string{"", fmt.Sprintf("{icon: ikon-%d}", e.next()), "{icon: a, order: [1, 2]}"}))
		},
		"link_title": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "link_title", pick(rng, []string{"", fmt.Sprintf("Kort %d", e.next())}))
		},
		"summary": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "summary", pick(rng, []string{"", fmt.Sprintf("Resumé %d.", e.next())}))
		},
		"url": func(s *editSite, pg *srcPage, p string) {
			if !notHome(p) {
				return // a home page's url: is an error
			}
			setOrDelete(pg, "url", pick(rng, []string{"", "", fmt.Sprintf("/flyttet-%d/", e.next())}))
		},
		// Dates around now: a page held back or published again.
		"publish_date": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "publish_date", pick(rng, []string{"", "2020-01-01", "2999-01-01"}))
		},
		"expiry_date": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "expiry_date", pick(rng, []string{"", "2999-01-01", "2020-01-01"}))
		},
		"extra": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "extra", pick(rng, []string{"", fmt.Sprintf("{icon: ekstra-%d, note: x}", e.next())}))
		},
		"id": func(s *editSite, pg *srcPage, p string) {
			setOrDelete(pg, "id", pick(rng, []string{"", "", fmt.Sprintf("id-%d", e.next())}))
		},
	}
}

// relTo returns a link from the file at key to the file at target, both
// below content/<lang>/.
func relTo(key, target string) string {
	up := strings.Count(key, "/")
	return strings.Repeat("../", up) + target
}

// edits are the kinds of edit, with weights.
func (e *siteEditor) edits() []struct {
	name   string
	weight int
	fn     func(s *editSite)
} {
	rng := e.rng
	fields := e.fieldEdits()
	type edit = struct {
		name   string
		weight int
		fn     func(s *editSite)
	}
	var list []edit
	for _, f := range content.Fields {
		list = append(list, edit{"field " + f, 4, func(s *editSite) {
			if p := pick(rng, pagePaths(s, nil)); p != "" {
				fields[f](s, s.pages[p], p)
			}
		}})
	}
	body := func(s *editSite, add func(p, key string) string) {
		p := pick(rng, pagePaths(s, nil))
		if p == "" {
			return
		}
		_, key, _ := strings.Cut(strings.TrimPrefix(p, "content/"), "/")
		s.pages[p].body += add(p, key)
	}
	list = append(list,
		edit{"body", 12, func(s *editSite) {
			body(s, func(p, key string) string { return fmt.Sprintf("\nRettet %d.\n", e.next()) })
		}},
		edit{"body link", 5, func(s *editSite) {
			lang := pick(rng, []string{"da", "en", "kl"})
			targets := pagePaths(s, func(p string) bool { return strings.HasPrefix(p, "content/") })
			target := pick(rng, targets)
			_, tkey, _ := strings.Cut(strings.TrimPrefix(target, "content/"), "/")
			froms := pagePaths(s, func(p string) bool { return strings.HasPrefix(p, "content/"+lang+"/") })
			if len(froms) == 0 {
				return
			}
			p := pick(rng, froms)
			_, key, _ := strings.Cut(strings.TrimPrefix(p, "content/"), "/")
			s.pages[p].body += fmt.Sprintf("\nSe [den side](%s).\n", relTo(key, tkey))
		}},
		edit{"body headings", 3, func(s *editSite) {
			body(s, func(p, key string) string {
				n := e.next()
				return fmt.Sprintf("\n## Et %d\n\nA.\n\n## To %d\n\nB.\n\n## Tre %d\n\nC.\n", n, n, n)
			})
		}},
		edit{"body image", 2, func(s *editSite) {
			body(s, func(p, key string) string {
				if !strings.HasPrefix(p, "content/da/") {
					return "\nIntet billede.\n"
				}
				return fmt.Sprintf("\n![Billede](%s)\n", relTo(key, "faq/billede.svg"))
			})
		}},
		edit{"UI string", 3, func(s *editSite) {
			s.files["i18n/da.toml"] = fmt.Sprintf("skip_link = \"Spring frem %d\"\nnot_in_language = \"ikke på dansk %d\"\n", e.next(), e.n)
		}},
		edit{"config", 3, func(s *editSite) {
			cfg := s.files["sitegen.toml"]
			switch rng.IntN(3) {
			case 0:
				cfg = replaceLine(cfg, "title = ", fmt.Sprintf("title = \"Sted %d\"", e.next()))
			case 1:
				cfg = replaceLine(cfg, "contact = ", fmt.Sprintf("contact = \"k%d@example.org\"", e.next()))
			default:
				cfg = replaceLine(cfg, "list_all_max = ", fmt.Sprintf("list_all_max = %d", pick(rng, []int{5, 20, 500})))
			}
			s.files["sitegen.toml"] = cfg
		}},
		edit{"layout", 3, func(s *editSite) {
			if rng.IntN(2) == 0 {
				s.files["layouts/partials/footer_note.html"] = fmt.Sprintf(`{{ define "footer_note" }}<p>%d {{ .Param "contact" }}</p>{{ end }}`, e.next())
			} else {
				s.files["layouts/special.html"] = fmt.Sprintf(`{{ define "main" }}<div class="special-%d"><h1>{{ .Page.Title }}</h1>{{ .Body }}{{ range .Page.Children }}{{ .Title }} {{ .Updated }}{{ end }}</div>{{ end }}`, e.next())
			}
		}},
		edit{"static", 3, func(s *editSite) {
			switch rng.IntN(3) {
			case 0:
				s.files["static/css/site.css"] = fmt.Sprintf("body { margin: %dpx }\n", e.next())
			case 1:
				if _, ok := s.files["static/js/extra.js"]; ok {
					delete(s.files, "static/js/extra.js")
				} else {
					s.files["static/js/extra.js"] = fmt.Sprintf("console.log(%d)\n", e.next())
				}
			default:
				s.files[fmt.Sprintf("static/img/b%d.svg", rng.IntN(3))] = fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="2"/>`, e.next())
			}
		}},
		edit{"file beside a page", 3, func(s *editSite) {
			name := pick(rng, []string{"content/da/faq/billede.svg", "content/en/faq/billede.svg", "content/da/hjaelp/brev.pdf", "content/kl/faq/andet.svg"})
			if _, ok := s.files[name]; ok && rng.IntN(2) == 0 && name != "content/da/faq/billede.svg" {
				delete(s.files, name)
			} else {
				s.files[name] = fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20"/>`, 10+e.next())
			}
		}},
		edit{"add page", 4, func(s *editSite) {
			lang := pick(rng, []string{"da", "en", "kl"})
			dir := pick(rng, []string{"", "hjaelp/", "om/"})
			n := e.next()
			name := pick(rng, []string{fmt.Sprintf("side-%d.md", n), "brev.md", "kontakt.md"})
			s.pages["content/"+lang+"/"+dir+name] = &srcPage{fields: map[string]string{"title": fmt.Sprintf("Ny %d", n), "description": "Ny."}, body: "Ny side.\n"}
		}},
		edit{"delete page", 3, func(s *editSite) {
			if p := pick(rng, pagePaths(s, notHome)); p != "" {
				delete(s.pages, p)
			}
		}},
		edit{"rename page", 3, func(s *editSite) {
			p := pick(rng, pagePaths(s, func(p string) bool { return !strings.HasSuffix(p, "index.md") }))
			if p == "" {
				return
			}
			s.pages[path.Dir(p)+fmt.Sprintf("/omdøbt-%d.md", e.next())] = s.pages[p]
			delete(s.pages, p)
		}},
		edit{"rename folder", 2, func(s *editSite) {
			lang := pick(rng, []string{"da", "en"})
			from := "content/" + lang + "/" + pick(rng, []string{"om", "hjaelp"}) + "/"
			to := strings.TrimSuffix(from, "/") + fmt.Sprintf("-%d/", e.next())
			for _, p := range pagePaths(s, func(p string) bool { return strings.HasPrefix(p, from) }) {
				s.pages[to+strings.TrimPrefix(p, from)] = s.pages[p]
				delete(s.pages, p)
			}
			for p, data := range maps.Clone(s.files) {
				if strings.HasPrefix(p, from) {
					s.files[to+strings.TrimPrefix(p, from)] = data
					delete(s.files, p)
				}
			}
		}},
	)
	return list
}

// replaceLine replaces the line of text that starts with prefix.
func replaceLine(text, prefix, line string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			lines[i] = line
		}
	}
	return strings.Join(lines, "\n")
}

// folders returns the folders of paths, for an Update after a folder
// was renamed: fsnotify reports the folders, not the files in them.
func folders(paths []string) []string {
	var out []string
	for _, p := range paths {
		for d := path.Dir(p); d != "." && d != "content" && strings.HasPrefix(d, "content/"); d = path.Dir(d) {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func runEdits(t *testing.T, defaults fs.FS, seed uint64, steps int) {
	rng := rand.New(rand.NewPCG(seed, 23))
	e := &siteEditor{rng: rng}
	edits := e.edits()
	covered := map[string]bool{}
	for _, ed := range edits {
		covered[ed.name] = true
	}
	for _, f := range content.Fields {
		if !covered["field "+f] {
			t.Fatalf("no edit changes the front matter field %s", f)
		}
	}
	total := 0
	for _, ed := range edits {
		total += ed.weight
	}
	site := newEditSite()
	fsys := fstest.MapFS{}
	site.write(fsys)
	opts := build.Options{Defaults: defaults, Dev: true, Drafts: true}
	inc := opts
	inc.Incremental = true
	b := build.NewBuilder(fsys, inc)
	staging := publish.NewMemory()
	if _, err := b.Build(staging); err != nil {
		t.Fatal(err)
	}
	out := store{}
	for n, d := range staging.Files() {
		out[n] = d
	}
	good := site.clone() // the last site that built
	order := rng.Perm(len(edits))
	broken, failed := 0, 0
	done := map[string]int{}
	for step := range steps {
		var name string
		switch {
		case broken > 2 || broken > 0 && rng.IntN(10) < 7:
			name, site = "undo", good.clone()
		case step < len(order):
			// Every kind of edit once, first, in a random order.
			ed := edits[order[step]]
			name = ed.name
			ed.fn(site)
		default:
			pick := rng.IntN(total)
			for _, ed := range edits {
				if pick < ed.weight {
					name = ed.name
					ed.fn(site)
					break
				}
				pick -= ed.weight
			}
		}
		done[name]++
		changed := site.write(fsys)
		if strings.HasPrefix(name, "rename folder") {
			changed = append(changed, folders(changed)...)
		}
		staging := publish.NewMemory()
		_, ch, err := b.Update(changed, staging)
		fresh := sitetest.BuildFS(t, fsys, opts)
		switch {
		case err != nil && fresh.Result != nil:
			t.Fatalf("step %d (%s): the update failed, a fresh build did not:\n%v", step, name, err)
		case err == nil && fresh.Result == nil:
			t.Fatalf("step %d (%s): the update succeeded, a fresh build failed:\n%s", step, name, fresh.Stderr())
		case err != nil:
			broken++
			failed++
			continue
		}
		broken = 0
		good = site.clone()
		out.apply(staging, ch)
		compare(t, fmt.Sprintf("step %d (%s, %v)", step, name, changed), out, fresh.Files)
		if t.Failed() {
			t.FailNow()
		}
	}
	var kinds []string
	for _, k := range slices.Sorted(maps.Keys(done)) {
		kinds = append(kinds, fmt.Sprintf("%s %d", k, done[k]))
	}
	t.Logf("seed %d, %d steps, %d of them with errors in both builds: %s", seed, steps, failed, strings.Join(kinds, ", "))
}
