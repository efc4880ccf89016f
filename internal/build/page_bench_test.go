package build_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/minifier"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/render"
	"github.com/udenmitid/sitegen/internal/search"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// BenchmarkPage is the work a build does for one page of the 1,000-page
// corpus, step by step: convert its Markdown (links resolved, search words
// gathered), render it with the built-in theme's layouts, minify the HTML.
// The pages are a regular Danish page two sections deep, its section (with
// the listing of its children) and the Greenlandic fallback page of the
// regular page.
//
//	go test ./internal/build -run XXX -bench Page
func BenchmarkPage(b *testing.B) {
	fsys := benchCorpus(1000)
	res, err := build.Build(fsys, build.Options{Defaults: theme.FS(), Text: true}, &discard{})
	if err != nil {
		b.Fatal(err)
	}
	site := res.Site
	env := &render.Env{Templates: res.Layouts, Catalog: res.Catalog, Site: site, Assets: render.AssetMap(res.Assets)}
	var page *pages.Page
	target := typicalPage(fsys)
	for _, p := range site.Pages {
		if p.File != nil && p.File.Path == target {
			page = p
		}
	}
	if page == nil {
		b.Fatalf("no page for %s", target)
	}
	kl := site.Lang("kl")
	fallback := page.Translations[kl.Index]
	if !fallback.Fallback {
		b.Fatalf("%s has a Greenlandic translation; the benchmark wants a fallback page", target)
	}
	cases := []struct {
		name string
		p    *pages.Page
		doc  *markdown.Result
	}{
		{"page", page, res.Docs[page]},
		{"section", page.Parent, res.Docs[page.Parent]},
		{"fallback", fallback, nil},
	}
	conv := markdown.New(markdown.Options{Lang: "da"})
	b.Run("convert", func(b *testing.B) {
		resolve := func(dest string) (string, error) {
			l, err := site.Link(page, dest)
			return l.URL, err
		}
		b.ReportAllocs()
		for b.Loop() {
			doc, _ := conv.Convert(page.File.Body, page.File.BodyLine, resolve, search.TextWords)
			search.NewEntry(site, page, doc)
		}
	})
	min := minifier.New()
	for _, c := range cases {
		var html bytes.Buffer
		if err := env.RenderTo(&html, c.p, c.doc, nil); err != nil {
			b.Fatal(err)
		}
		b.Run("render/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := env.RenderTo(&buf, c.p, c.doc, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("minify/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := min.MinifyTo(&buf, c.p.OutputFile(), html.Bytes()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEqualHeadingsPage is a whole build of a site whose one page is
// 100,000 "## Heading" lines, 1.1 MB (issue 23: build and check were
// still running after 120 s, since each equal heading counted its id's
// suffix from 1):
//
//	go test ./internal/build -run XXX -bench EqualHeadingsPage -benchtime 1x
func BenchmarkEqualHeadingsPage(b *testing.B) {
	fsys := mapFS(sitetest.Config + "-- content/da/_index.md --\n---\ntitle: Forside\ndescription: Forsiden.\n---\n")
	fsys["content/da/mange.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Mange\ndescription: Mange overskrifter.\n---\n" + strings.Repeat("## Heading\n", 100_000))}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build.Build(fsys, build.Options{Defaults: theme.FS()}, &discard{}); err != nil {
			b.Fatal(err)
		}
	}
}
