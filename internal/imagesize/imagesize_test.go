package imagesize

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
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
		name string
		data []byte
		want Info
		err  string
	}{
		{"png", encoded(t, "png", 640, 480), Info{"png", 640, 480}, ""},
		{"jpeg", encoded(t, "jpeg", 3, 2000), Info{"jpeg", 3, 2000}, ""},
		{"gif", encoded(t, "gif", 17, 9), Info{"gif", 17, 9}, ""},
		{"webp", webpLossless(300, 200), Info{"webp", 300, 200}, ""},
		{"svg viewBox", []byte(`<?xml version="1.0"?><!-- a logo --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60.4"><rect/></svg>`), Info{"svg", 120, 60}, ""},
		{"svg width height", []byte(`<svg width="48px" height="24" viewBox="0,0,12,6"/>`), Info{"svg", 48, 24}, ""},
		{"svg width only", []byte(`<svg width="100" height="50%" viewBox="0 0 20 10"/>`), Info{"svg", 100, 50}, ""},
		{"svg height only", []byte("\ufeff\n<svg height=\"30\" viewBox=\"0 0 20 10\"/>"), Info{"svg", 60, 30}, ""},
		{"svg em", []byte(`<svg width="2em" height="1em" viewBox="0 0 32 16"/>`), Info{"svg", 32, 16}, ""},
		{"svg doctype", []byte(`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg width="10" height="10"/>`), Info{"svg", 10, 10}, ""},
		{"svg no size", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), Info{}, "has no size"},
		{"svg bad viewBox", []byte(`<svg viewBox="0 0 -1 5"/>`), Info{}, "has no size"},
		{"svg not xml", []byte(`<svg width="1" height=>`), Info{}, "not valid XML"},
		{"html", []byte(`<html><body>x</body></html>`), Info{}, "not a PNG, JPEG, GIF, WebP or SVG"},
		{"truncated png", encoded(t, "png", 4, 4)[:20], Info{}, "the PNG image cannot be read"},
		{"pdf", []byte("%PDF-1.7\n"), Info{}, "not a PNG"},
		{"empty", nil, Info{}, "not a PNG"},
	}
	for _, tt := range tests {
		got, err := Read(tt.data)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: %+v, %v; want error %q", tt.name, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(encoded(f, "png", 2, 3))
	f.Add(encoded(f, "gif", 2, 3))
	f.Add(encoded(f, "jpeg", 2, 3))
	f.Add(webpLossless(5, 7))
	f.Add([]byte(`<svg width="1" height="2" viewBox="0 0 1 2"/>`))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><svg viewBox="0 0 &a; 1"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Read(data)
		if err != nil {
			return
		}
		if info.Width <= 0 || info.Height <= 0 || info.Format == "" {
			t.Fatalf("Read = %+v", info)
		}
	})
}
