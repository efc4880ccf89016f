// Package imagesize reads the width and height of an image from its first
// bytes, without decoding it, so that an <img> can carry width= and
// height= and the page does not jump as images load.
//
// It reads PNG, JPEG and GIF (the standard library's decoders), WebP
// (golang.org/x/image/webp) and SVG. An SVG's size is its width and height
// attributes when they are in pixels (or have no unit), else the width and
// height of its viewBox; when only one of width and height is in pixels,
// the viewBox gives the other by its aspect ratio. That is the size a
// browser gives an <img> showing it.
//
// The input is untrusted: a file an editor put in content/. Only headers
// are read, and an SVG is read up to its root element; XML entities are
// not expanded.
package imagesize

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // register GIF
	_ "image/jpeg" // register JPEG
	_ "image/png"  // register PNG
	"io"
	"math"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp" // register WebP
)

// Info is an image's format and size in pixels (CSS pixels for SVG).
type Info struct {
	Format string // "png", "jpeg", "gif", "webp" or "svg"
	Width  int
	Height int
}

// ErrUnknown is returned for data that is none of the formats read.
var ErrUnknown = errors.New("not a PNG, JPEG, GIF, WebP or SVG image")

// Read returns the format and size of the image in data.
func Read(data []byte) (Info, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err == nil {
		if cfg.Width <= 0 || cfg.Height <= 0 {
			return Info{}, fmt.Errorf("the %s image says it is %d×%d pixels", strings.ToUpper(format), cfg.Width, cfg.Height)
		}
		return Info{Format: format, Width: cfg.Width, Height: cfg.Height}, nil
	}
	if !errors.Is(err, image.ErrFormat) {
		return Info{}, fmt.Errorf("the %s image cannot be read: %v", formatOf(data), err)
	}
	if looksLikeXML(data) {
		return readSVG(data)
	}
	return Info{}, ErrUnknown
}

// formatOf names a known format by its magic bytes, for messages.
func formatOf(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG")):
		return "PNG"
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		return "JPEG"
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "GIF"
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "WebP"
	}
	return "image"
}

func looksLikeXML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return bytes.HasPrefix(data, []byte("<"))
}

// readSVG reads the size of an SVG from its root element.
func readSVG(data []byte) (Info, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return Info{}, ErrUnknown
		}
		if err != nil {
			return Info{}, fmt.Errorf("the SVG image is not valid XML: %v", err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if start.Name.Local != "svg" {
			return Info{}, ErrUnknown
		}
		return svgSize(start)
	}
}

func svgSize(start xml.StartElement) (Info, error) {
	var width, height, viewBox string
	for _, a := range start.Attr {
		if a.Name.Space != "" {
			continue
		}
		switch a.Name.Local {
		case "width":
			width = a.Value
		case "height":
			height = a.Value
		case "viewBox":
			viewBox = a.Value
		}
	}
	w, wok := pixels(width)
	h, hok := pixels(height)
	vw, vh, vok := parseViewBox(viewBox)
	switch {
	case wok && hok:
	case wok && vok:
		h = w * vh / vw
	case hok && vok:
		w = h * vw / vh
	case vok:
		w, h = vw, vh
	default:
		return Info{}, errors.New("the SVG image has no size: give its <svg> a viewBox (or width and height in pixels)")
	}
	iw, ih := int(math.Round(w)), int(math.Round(h))
	if iw <= 0 || ih <= 0 || iw > 1e6 || ih > 1e6 {
		return Info{}, fmt.Errorf("the SVG image says it is %g×%g pixels", w, h)
	}
	return Info{Format: "svg", Width: iw, Height: ih}, nil
}

// pixels reads an SVG length in pixels: a number, or a number and "px".
func pixels(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v <= 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// parseViewBox reads the width and height of "min-x min-y width height",
// separated by spaces or commas.
func parseViewBox(s string) (w, h float64, ok bool) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(f) != 4 {
		return 0, 0, false
	}
	w, err1 := strconv.ParseFloat(f[2], 64)
	h, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || !(w > 0) || !(h > 0) || math.IsInf(w, 0) || math.IsInf(h, 0) {
		return 0, 0, false
	}
	return w, h, true
}
