package imagesize

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func encoded(t testing.TB, format string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
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
	return b.Bytes()
}

// webpLossless is the header of a lossless WebP of w×h pixels (VP8L),
// which is all DecodeConfig reads.
func webpLossless(w, h int) []byte {
	bits := uint32(w-1) | uint32(h-1)<<14
	chunk := append([]byte{0x2f}, binary.LittleEndian.AppendUint32(nil, bits)...)
	chunk = append(chunk, 0) // pad to an even length
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(4+8+len(chunk)))
	b.WriteString("WEBPVP8L")
	binary.Write(&b, binary.LittleEndian, uint32(5))
	b.Write(chunk)
	return b.Bytes()
}

func TestRead(t *testing.T) {
	tests := []struct {
		name string // the file's name
		data []byte
		want Info
		err  string
	}{
		{"a.png", encoded(t, "png", 640, 480), Info{"png", 640, 480}, ""},
		{"a.jpg", encoded(t, "jpeg", 3, 2000), Info{"jpeg", 3, 2000}, ""},
		{"a.gif", encoded(t, "gif", 17, 9), Info{"gif", 17, 9}, ""},
		{"a.webp", webpLossless(300, 200), Info{"webp", 300, 200}, ""},
		{"logo.svg", []byte(`<?xml version="1.0"?><!-- a logo --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60.4"><rect/></svg>`), Info{"svg", 120, 60}, ""},
		{"a.svg", []byte(`<svg width="48px" height="24" viewBox="0,0,12,6"/>`), Info{"svg", 48, 24}, ""},
		{"a.svg", []byte(`<svg width="100" height="50%" viewBox="0 0 20 10"/>`), Info{"svg", 100, 50}, ""},
		{"a.svg", []byte("\ufeff\n<svg height=\"30\" viewBox=\"0 0 20 10\"/>"), Info{"svg", 60, 30}, ""},
		{"a.svg", []byte(`<svg width="2em" height="1em" viewBox="0 0 32 16"/>`), Info{"svg", 32, 16}, ""},
		{"a.svg", []byte(`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg width="10" height="10"/>`), Info{"svg", 10, 10}, ""},
		{"illustrator.svg", []byte(`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd" [
	<!ENTITY ns_svg "http://www.w3.org/2000/svg">
	<!ENTITY ns_xlink 'http://www.w3.org/1999/xlink'>
]><svg xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" width="10" height="20"><text>&ns_svg;</text></svg>`), Info{"svg", 10, 20}, ""},
		{"a.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), Info{}, "has no size"},
		{"a.svg", []byte(`<svg viewBox="0 0 -1 5"/>`), Info{}, "has no size"},
		{"a.svg", []byte(`<svg width="1" height=>`), Info{}, "not valid XML"},
		{"a.svg", []byte(`<svg width="1" height="1"><g></svg>`), Info{}, "not valid XML"},
		{"a.svg", []byte(`<svg width="1" height="1"><text>&nbsp;</text></svg>`), Info{}, "not valid XML"},
		{"a.svg", []byte(`<html><body>x</body></html>`), Info{}, "the file is XML but not an SVG image: its first element is <html>, not <svg>"},
		{"a.svg", []byte(`<?xml version="1.0"?>`), Info{}, "the SVG image has no <svg> element"},
		{"page.html", []byte(`<html><body>x</body></html>`), Info{}, "not a PNG, JPEG, GIF, WebP or SVG"},
		{"a.pdf", []byte("%PDF-1.7\n"), Info{}, "not a PNG"},
		{"a.avif", []byte("\x00\x00\x00\x1cftypavif"), Info{}, "not a PNG"},
		{"a.bin", nil, Info{}, "not a PNG"},
		// Issue 23: files named as images that are none are broken, not of
		// an unknown format.
		{"empty.png", nil, Info{}, "the file is empty, not a PNG image"},
		{"EMPTY.JPG", []byte{}, Info{}, "the file is empty, not a JPEG image"},
		{"notes.png", []byte("Husk at ringe til kommunen.\n"), Info{}, "the file holds text, not a PNG image"},
		{"a.gif", []byte("<!-- x -->"), Info{}, "the file holds text, not a GIF image"},
		{"a.svg", []byte("tegning"), Info{}, "the file holds text, not an SVG image"},
		{"a.svg", []byte("<not xml"), Info{}, "the SVG image is not valid XML"},
		{"a.webp", []byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09"), Info{}, "the file is not a WebP image, nor another image sitegen reads (it starts with the bytes 00 01 02 03 04 05 06 07)"},
		{"a.jpeg", []byte("%PDF-1.7\n\x00\x01"), Info{}, "the file is not a JPEG image"},
		{"truncated.png", encoded(t, "png", 4, 4)[:20], Info{}, "the PNG image is cut short or damaged: its header cannot be read"},
		{"truncated.webp", webpLossless(30, 20)[:14], Info{}, "the WebP image is cut short or damaged"},
		{"riff.webp", []byte("RIFF\x10\x00\x00\x00WE"), Info{}, "the WebP image is cut short or damaged"},
		{"a.png", encoded(t, "jpeg", 8, 4), Info{"jpeg", 8, 4}, ""}, // a JPEG named .png: browsers read it
	}
	for _, tt := range tests {
		got, err := Read(tt.name, tt.data)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s %.20q: %+v, %v; want error %q", tt.name, tt.data, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}

// TestReadCutShort: an image of each format cut short anywhere is an
// error that is not ErrUnknown: the file is broken, its format known
// (issue 23: an empty .png, text saved as .png and a truncated WebP got a
// warning that blamed the format, and were published).
func TestReadCutShort(t *testing.T) {
	images := map[string][]byte{
		"a.png":  encoded(t, "png", 40, 30),
		"a.jpg":  encoded(t, "jpeg", 40, 30),
		"a.gif":  encoded(t, "gif", 40, 30),
		"l.webp": webpLossless(40, 30),
		"x.webp": webpExtended(40, 30, exifTIFF(binary.LittleEndian, 6)),
		"a.svg":  []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><g><rect width="4" height="3"/></g></svg>`),
	}
	for name, data := range images {
		if info, err := Read(name, data); err != nil || info.Width != 40 || info.Height != 30 {
			t.Fatalf("%s whole: %+v, %v", name, info, err)
		}
		for n := range len(data) {
			info, err := Read(name, data[:n])
			if err == nil || err == ErrUnknown {
				t.Errorf("%s cut to %d of %d bytes: %+v, %v; want an error that it is broken", name, n, len(data), info, err)
			}
		}
	}
}

type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// exifTIFF is EXIF data, from its TIFF header, with an Orientation tag in
// IFD0 (and a tag before it, as cameras write them).
func exifTIFF(order byteOrder, orientation int) []byte {
	b := []byte("II*\x00")
	if order == binary.BigEndian {
		b = []byte("MM\x00*")
	}
	b = order.AppendUint32(b, 8)
	b = order.AppendUint16(b, 2) // two entries
	// Make (0x010F), ASCII, 4 bytes in place: "Cam\0"
	b = order.AppendUint16(b, 0x010f)
	b = order.AppendUint16(b, 2)
	b = order.AppendUint32(b, 4)
	b = append(b, "Cam\x00"...)
	b = order.AppendUint16(b, 0x0112)
	b = order.AppendUint16(b, 3) // SHORT
	b = order.AppendUint32(b, 1)
	b = order.AppendUint16(b, uint16(orientation))
	b = append(b, 0, 0)
	return order.AppendUint32(b, 0) // no next IFD
}

// withJPEGExif inserts an APP1 segment holding tiff after a JPEG's SOI.
func withJPEGExif(jpg, tiff []byte) []byte {
	app1 := binary.BigEndian.AppendUint16([]byte{0xff, 0xe1}, uint16(2+6+len(tiff)))
	app1 = append(append(app1, "Exif\x00\x00"...), tiff...)
	return slices.Concat(jpg[:2], app1, jpg[2:])
}

// withPNGChunk inserts a chunk into a PNG before its first IDAT, or
// before IEND when late.
func withPNGChunk(png []byte, typ string, data []byte, late bool) []byte {
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	chunk = append(append(chunk, typ...), data...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	at := bytes.Index(png, []byte("IDAT")) - 4
	if late {
		at = bytes.Index(png, []byte("IEND")) - 4
	}
	return slices.Concat(png[:at], chunk, png[at:])
}

// webpExtended is an extended WebP (VP8X) header of a w×h canvas with an
// EXIF chunk: what DecodeConfig reads.
func webpExtended(w, h int, tiff []byte) []byte {
	vp8x := []byte{0x08, 0, 0, 0} // EXIF present
	vp8x = append(vp8x, byte(w-1), byte((w-1)>>8), byte((w-1)>>16), byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
	var body []byte
	body = append(body, "WEBPVP8X"...)
	body = binary.LittleEndian.AppendUint32(body, uint32(len(vp8x)))
	body = append(body, vp8x...)
	body = append(body, "EXIF"...)
	body = binary.LittleEndian.AppendUint32(body, uint32(len(tiff)))
	body = append(body, tiff...)
	if len(tiff)%2 == 1 {
		body = append(body, 0)
	}
	return slices.Concat([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body))), body)
}

// TestReadOrientation: a photo whose EXIF orientation turns it a quarter
// (5 to 8, as a phone held upright writes 6) gets the width and height the
// browser shows (issue 23: width="400" height="200" for a picture shown
// 200 wide and 400 high), in JPEG and in PNG (eXIf before the image data,
// where browsers read it); WebP, which Chromium shows as stored, keeps its
// size.
func TestReadOrientation(t *testing.T) {
	jpg := encoded(t, "jpeg", 400, 200)
	png := encoded(t, "png", 400, 200)
	for _, order := range []byteOrder{binary.LittleEndian, binary.BigEndian} {
		for o := 1; o <= 8; o++ {
			want := Info{"jpeg", 400, 200}
			if o >= 5 {
				want = Info{"jpeg", 200, 400}
			}
			if got, err := Read("foto.jpg", withJPEGExif(jpg, exifTIFF(order, o))); err != nil || got != want {
				t.Errorf("JPEG, %v, orientation %d: %+v, %v; want %+v", order, o, got, err, want)
			}
			want.Format = "png"
			if got, err := Read("foto.png", withPNGChunk(png, "eXIf", exifTIFF(order, o), false)); err != nil || got != want {
				t.Errorf("PNG, %v, orientation %d: %+v, %v; want %+v", order, o, got, err, want)
			}
			if got, err := Read("foto.png", withPNGChunk(png, "eXIf", exifTIFF(order, o), true)); err != nil || got != (Info{"png", 400, 200}) {
				t.Errorf("PNG, eXIf after the image data, orientation %d: %+v, %v; want it as stored", o, got, err)
			}
			if got, err := Read("foto.webp", webpExtended(400, 200, exifTIFF(order, o))); err != nil || got != (Info{"webp", 400, 200}) {
				t.Errorf("WebP, orientation %d: %+v, %v; want it as stored", o, got, err)
			}
		}
	}
	bad := [][]byte{nil, []byte("II*\x00"), []byte("XX*\x00\x08\x00\x00\x00"), exifTIFF(binary.LittleEndian, 9), exifTIFF(binary.LittleEndian, 6)[:20]}
	for _, tiff := range bad {
		if got, err := Read("foto.jpg", withJPEGExif(jpg, tiff)); err != nil || got != (Info{"jpeg", 400, 200}) {
			t.Errorf("JPEG with EXIF %q: %+v, %v; want it as stored", tiff, got, err)
		}
	}
}

// TestReadSVGEntities: an entity that would swell a small SVG into a huge
// text (100,000 references to 100,000 bytes: 10 GB) reads as empty, so
// reading takes memory within a few times the file's size.
func TestReadSVGEntities(t *testing.T) {
	svg := []byte(`<!DOCTYPE svg [<!ENTITY big "` + strings.Repeat("x", 100_000) + `">]><svg width="1" height="1"><text>` +
		strings.Repeat("&big;", 100_000) + `</text></svg>`)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := Read("bomb.svg", svg); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if used := after.TotalAlloc - before.TotalAlloc; used > 50*uint64(len(svg)) {
		t.Errorf("reading a %d-byte SVG allocated %d bytes", len(svg), used)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(encoded(f, "png", 2, 3))
	f.Add(encoded(f, "gif", 2, 3))
	f.Add(encoded(f, "jpeg", 2, 3))
	f.Add(webpLossless(5, 7))
	f.Add(webpExtended(5, 7, exifTIFF(binary.BigEndian, 6)))
	f.Add(withJPEGExif(encoded(f, "jpeg", 2, 3), exifTIFF(binary.LittleEndian, 8)))
	f.Add(withPNGChunk(encoded(f, "png", 2, 3), "eXIf", exifTIFF(binary.BigEndian, 5), false))
	f.Add([]byte(`<svg width="1" height="2" viewBox="0 0 1 2"/>`))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><svg viewBox="0 0 &a; 1"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Read("a.png", data)
		if err != nil {
			return
		}
		if info.Width <= 0 || info.Height <= 0 || info.Format == "" {
			t.Fatalf("Read = %+v", info)
		}
	})
}
