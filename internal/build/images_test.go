package build_test

import (
	"bytes"
	"fmt"
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
		"content/da/_index.md:12: image content/da/itu.png: the PNG image is cut short or damaged: its header cannot be read; save it again",
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

// TestBrokenImages (issue 23): an empty .png, text saved as .png, a WebP
// cut short and a GIF without its trailer are errors at the line that
// embeds them, like a PNG cut short, not a warning that blames the format.
func TestBrokenImages(t *testing.T) {
	fsys := mapFS(sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
![Tom](tom.png)
![Tekst](tekst.png)
![WebP](kort.webp)
![GIF](kort.gif)
`)
	fsys["content/da/tom.png"] = &fstest.MapFile{Data: []byte{}}
	fsys["content/da/tekst.png"] = &fstest.MapFile{Data: []byte("Dette er ikke et billede.\n")}
	fsys["content/da/kort.webp"] = &fstest.MapFile{Data: []byte("RIFF\x24\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00")}
	gifFile := imageFile(t, "gif", 16, 16)
	gifFile.Data = gifFile.Data[:len(gifFile.Data)-1]
	fsys["content/da/kort.gif"] = gifFile
	site := sitetest.BuildFS(t, fsys, build.Options{NoMinify: true})
	want := "content/da/_index.md:5: image content/da/tom.png: the file is empty, not a PNG image; save it again\n" +
		"content/da/_index.md:6: image content/da/tekst.png: the file holds text, not a PNG image; save it again\n" +
		"content/da/_index.md:7: image content/da/kort.webp: the WebP image is cut short or damaged: its header cannot be read; save it again\n" +
		"content/da/_index.md:8: image content/da/kort.gif: the GIF image is cut short: it ends before its trailer (3B); save it again\n"
	if got := site.Stderr(); got != want || site.Result != nil {
		t.Errorf("stderr:\n%s\nwant\n%s", got, want)
	}
}

// TestPhonePhoto (issue 23): a JPEG whose EXIF orientation turns it a
// quarter, as a phone held upright writes it (6, or 8 held the other way;
// 5 and 7 are those mirrored), gets the width and height the browser
// shows: 200×400 for 400×200 pixels stored, not width="400" height="200".
func TestPhonePhoto(t *testing.T) {
	fsys := mapFS(sitetest.Config + `-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
![1](o1.jpg) ![2](o2.jpg) ![3](o3.jpg) ![4](o4.jpg) ![5](o5.jpg) ![6](o6.jpg) ![7](o7.jpg) ![8](o8.jpg)
`)
	var contains []string
	for o := 1; o <= 8; o++ {
		jpg := imageFile(t, "jpeg", 400, 200)
		jpg.Data = withOrientation(jpg.Data, o)
		name := fmt.Sprintf("o%d.jpg", o)
		fsys["content/da/"+name] = jpg
		w, h := 400, 200
		if o >= 5 {
			w, h = 200, 400
		}
		contains = append(contains, fmt.Sprintf(`<img src="/da/%s" alt="%d" width="%d" height="%d" loading="lazy">`, name, o, w, h))
	}
	site := sitetest.BuildFS(t, fsys, build.Options{NoMinify: true})
	if site.Result == nil {
		t.Fatal(site.Stderr())
	}
	site.AssertFile(t, "da/index.html", contains...)
}

// withOrientation puts an APP1 segment with EXIF data (big-endian, as
// many cameras write it) whose IFD0 holds an Orientation tag right after a
// JPEG's start marker.
func withOrientation(jpg []byte, orientation int) []byte {
	tiff := []byte("MM\x00*\x00\x00\x00\x08\x00\x01")                   // header, IFD0 at 8, one entry
	tiff = append(tiff, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01) // Orientation, SHORT, count 1
	tiff = append(tiff, 0x00, byte(orientation), 0x00, 0x00, 0x00, 0x00, 0x00, 0x00)
	app1 := []byte{0xff, 0xe1, 0x00, byte(2 + 6 + len(tiff))}
	app1 = append(append(app1, "Exif\x00\x00"...), tiff...)
	return append(append(append([]byte{}, jpg[:2]...), app1...), jpg[2:]...)
}
