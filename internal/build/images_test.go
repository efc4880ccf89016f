package build_test

import (
	"bytes"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
)

func imageFile(t *testing.T, format string, w, h int) *fstest.MapFile {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	var b bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&b, img)
	case "jpeg":
		err = jpeg.Encode(&b, img, nil)
	case "gif":
		err = gif.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return &fstest.MapFile{Data: b.Bytes()}
}

// TestImageSizes embeds PNG, JPEG and GIF images beside a page and from
// static/: each gets its width, height and loading="lazy"; one wider
// than a phone needs, one heavier, one that is not an image and one in a
// format sitegen cannot measure are reported at the line that embeds them.
func TestImageSizes(t *testing.T) {
	fsys := mapFS(sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
![Et foto](foto.jpg)
![En figur](/img/figur.png)

![Animation](anim.gif)

![Bred](bred.png)
![Tung](tung.png)
![Itu](itu.png)
![Ukendt](nyt.avif)
`)
	fsys["content/da/foto.jpg"] = imageFile(t, "jpeg", 800, 600)
	fsys["static/img/figur.png"] = imageFile(t, "png", 300, 200)
	fsys["content/da/anim.gif"] = imageFile(t, "gif", 16, 16)
	fsys["content/da/bred.png"] = imageFile(t, "png", 4032, 3024)
	tung := imageFile(t, "png", 100, 100)
	tung.Data = append(tung.Data, make([]byte, 500_000)...) // trailing bytes: a heavy file of a small image
	fsys["content/da/tung.png"] = tung
	itu := imageFile(t, "png", 10, 10)
	itu.Data = itu.Data[:30]
	fsys["content/da/itu.png"] = itu
	fsys["content/da/nyt.avif"] = &fstest.MapFile{Data: []byte("\x00\x00\x00\x1cftypavif")}
	site := sitetest.BuildFS(t, fsys, build.Options{NoMinify: true})
	want := []string{
		"content/da/_index.md:12: image content/da/itu.png: the PNG image cannot be read: unexpected EOF; save it again",
	}
	if got := site.Stderr(); site.Result != nil || !strings.HasPrefix(got, want[0]+"\n") {
		t.Errorf("stderr:\n%s\nwant first:\n%s", got, want[0])
	}
	delete(fsys, "content/da/itu.png")
	fsys["content/da/_index.md"].Data = bytes.Replace(fsys["content/da/_index.md"].Data, []byte("![Itu](itu.png)\n"), nil, 1)
	site = sitetest.BuildFS(t, fsys, build.Options{NoMinify: true})
	want = []string{
		"content/da/_index.md:10: warning: image content/da/bred.png is larger than a phone needs: 4032×3024 pixels, where no phone or text column shows more than about 1,350 pixels across: scale it to at most 1600 pixels wide",
		"content/da/_index.md:11: warning: image content/da/tung.png is larger than a phone needs: 0.5 MB, which takes seconds on a slow mobile connection: compress it to under 400 KB (JPEG or WebP for photos)",
		"content/da/_index.md:12: warning: image content/da/nyt.avif has no width and height: sitegen reads them from PNG, JPEG, GIF, WebP and SVG images only, and without them the page jumps as it loads",
	}
	got := site.Stderr()
	for _, w := range want {
		if !strings.Contains(got, w+"\n") {
			t.Errorf("stderr lacks\n%s\nit is:\n%s", w, got)
		}
	}
	site.AssertFile(t, "da/index.html",
		`<img src="/da/foto.jpg" alt="Et foto" width="800" height="600" loading="lazy">`,
		`<img src="/img/figur.png" alt="En figur" width="300" height="200" loading="lazy">`,
		`<img src="/da/anim.gif" alt="Animation" width="16" height="16" loading="lazy">`,
		`<img src="/da/nyt.avif" alt="Ukendt" loading="lazy">`)
}
