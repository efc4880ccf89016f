package build

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/hosting"
	"github.com/udenmitid/sitegen/internal/imagesize"
	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/search"
)

// MaxImageWidth is the widest embedded image, in pixels, that sitegen
// takes without a warning. The widest phones are about 430 CSS pixels at
// 3 device pixels each (1,290), and the built-in theme's text column is 42
// rem (672 CSS pixels, 1,344 at 2×): wider pixels are downloaded and
// thrown away.
const MaxImageWidth = 1600

// MaxImageBytes is the largest embedded image file, in bytes, that
// sitegen takes without a warning: on a slow mobile connection (about
// 400 kbit/s, the "slow 3G" of browsers' tools) it already takes 8
// seconds.
const MaxImageBytes = 400_000

// reserved lists the files the build writes besides pages and the files
// beside them, so that no alias or file replaces them.
func (b *Builder) reserved() []pages.Reserved {
	var r []pages.Reserved
	own := map[string]bool{}
	for _, f := range b.static {
		own[f.name] = true
	}
	for _, name := range hosting.Names {
		if !own[name] { // the site's own file replaces the generated one
			r = append(r, pages.Reserved{Name: name, What: hosting.Describe(name)})
		}
	}
	if !own[hosting.SitemapFile] {
		// The parts of a sitemap cut in parts, reserved before the build
		// knows how many there are, and even when there are none, so
		// that a site stays valid as it grows.
		r = append(r, pages.Reserved{Name: hosting.SitemapPartPattern, What: "the parts of a sitemap too large for one file"})
	}
	for _, l := range b.cfg.Languages {
		name := search.FileName(l.Code)
		ext := path.Ext(name)
		r = append(r, pages.Reserved{Name: name, What: "the search index of " + l.Code},
			pages.Reserved{Name: strings.TrimSuffix(name, ext) + ".*" + ext, What: "the search index of " + l.Code},
			pages.Reserved{Name: strings.TrimSuffix(name, ext) + "." + strings.Repeat("[0-9a-f]", 8) + "/*", What: "the split search index of " + l.Code})
	}
	for _, f := range b.static {
		r = append(r, pages.Reserved{Name: f.name, What: "a file from static/", File: f.path, Static: true})
		if fingerprinted(f.name) {
			// The copy a layout may ask for (assets), whose hash is known
			// only then.
			r = append(r, pages.Reserved{Name: fingerprintPattern(f.name), What: "the fingerprinted copy of " + f.path, File: f.path, Static: true})
		}
	}
	return r
}

// resources writes the files published beside pages, as they are.
func (w *writer) resources(site *pages.Site) diag.List {
	var diags diag.List
	for _, r := range site.Resources {
		report(&diags, r.Src.Path, w.put(r.Path, r.Src.Data))
	}
	return diags
}

// imageAttrs gives an embedded image from content/ or static/ its width,
// height and loading="lazy", and warns when it is larger than a reader's
// screen needs. links are the page's resolved links by URL, written their
// destinations as written. An image from the site root that no file has is
// an error, as a relative one is (pages.Site.Link lets a link to such a
// path through).
func (b *Builder) imageAttrs(links map[string]pages.Link, written map[string]string) markdown.ImageAttrs {
	return func(url string) ([][2]string, *markdown.Problem) {
		l, ok := links[url]
		if !ok {
			return nil, nil
		}
		if l.Page == nil && l.Resource == nil && l.Static == "" && strings.HasPrefix(url, "/") && !strings.HasPrefix(url, "//") {
			// A path from the site root that no file has: a link may go to
			// a file a later step of the deployment adds (check reports
			// it), but an image is part of the page, as a relative one is.
			shown, _, _ := strings.Cut(url, "?")
			shown, _, _ = strings.Cut(shown, "#")
			file := strings.TrimPrefix(shown, b.cfg.BasePath())
			return nil, &markdown.Problem{Msg: fmt.Sprintf("image %q: no file in %s/ or beside a page has the URL %s; put the file in %s/%s, or beside the page and embed it by its name", written[url], StaticDir, shown, StaticDir, file)}
		}
		var data []byte
		var name string
		switch {
		case l.Resource != nil:
			data, name = l.Resource.Src.Data, l.Resource.Src.Path
		case l.Static != "":
			for _, f := range b.static {
				if f.name == l.Static {
					data, name = f.data, f.path
				}
			}
		}
		if name == "" {
			return nil, nil
		}
		lazy := [2]string{"loading", "lazy"}
		info, err := imagesize.Read(name, data)
		switch {
		case err == imagesize.ErrUnknown:
			return [][2]string{lazy}, &markdown.Problem{Warning: true,
				Msg: fmt.Sprintf("image %s has no width and height: sitegen reads them from PNG, JPEG, GIF, WebP and SVG images only, and without them the page jumps as it loads", name)}
		case err != nil:
			return nil, &markdown.Problem{Msg: fmt.Sprintf("image %s: %v; save it again", name, err)}
		}
		attrs := [][2]string{{"width", strconv.Itoa(info.Width)}, {"height", strconv.Itoa(info.Height)}, lazy}
		return attrs, tooLarge(name, info, len(data))
	}
}

// tooLarge warns about an image larger than a reader's screen needs; see
// MaxImageWidth and MaxImageBytes.
func tooLarge(name string, info imagesize.Info, size int) *markdown.Problem {
	var why []string
	if info.Format != "svg" && info.Width > MaxImageWidth {
		why = append(why, fmt.Sprintf("%d×%d pixels, where no phone or text column shows more than about 1,350 pixels across: scale it to at most %d pixels wide", info.Width, info.Height, MaxImageWidth))
	}
	if size > MaxImageBytes {
		why = append(why, fmt.Sprintf("%.1f MB, which takes seconds on a slow mobile connection: compress it to under %d KB (JPEG or WebP for photos)", float64(size)/1e6, MaxImageBytes/1000))
	}
	if len(why) == 0 {
		return nil
	}
	return &markdown.Problem{Warning: true, Msg: fmt.Sprintf("image %s is larger than a phone needs: %s", name, strings.Join(why, "; "))}
}
