// Package imagesize reads the width and height of an image from its
// bytes, without decoding its pixels, so that an <img> can carry width=
// and height= and the page does not jump as images load.
//
// It reads PNG, JPEG and GIF (the standard library's decoders), WebP
// (golang.org/x/image/webp) and SVG. An SVG's size is its width and height
// attributes when they are in pixels (or have no unit), else the width and
// height of its viewBox; when only one of width and height is in pixels,
// the viewBox gives the other by its aspect ratio. That is the size a
// browser gives an <img> showing it.
//
// The size is the box a browser draws: a photo whose EXIF orientation
// (5 to 8) says it is turned a quarter has its width and height swapped,
// as browsers turn it, for JPEG (EXIF in an APP1 segment) and PNG (an
// eXIf chunk before the image data, which is where CSS's
// image-orientation: from-image reads it); Chromium does not turn WebP.
//
// A file named as an image of one of these formats must be a whole image:
// an empty file, text, or an image cut short (a PNG without its IEND
// chunk, a JPEG without its end marker, a GIF without its trailer, a WebP
// shorter than its RIFF header says, an SVG that is not well-formed XML to
// its end) is an error that says so, not an unknown format.
//
// The input is untrusted: a file an editor put in content/. Headers and
// the structure of chunks are read, not pixels, and no XML entity is
// expanded beyond the text an SVG's own DOCTYPE declares for it.
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
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	_ "golang.org/x/image/webp" // register WebP
)

// Info is an image's format and size in pixels (CSS pixels for SVG), as a
// browser lays it out.
type Info struct {
	Format string // "png", "jpeg", "gif", "webp" or "svg"
	Width  int
	Height int
}

// ErrUnknown is returned for data that is none of the formats read, in a
// file whose name does not say it is one.
var ErrUnknown = errors.New("not a PNG, JPEG, GIF, WebP or SVG image")

// extFormats are the file name extensions of the formats read.
var extFormats = map[string]string{".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WebP", ".svg": "SVG"}

// Read returns the format and size of the image in data, a file called
// name. An image that cannot be read is an error that says why; data of
// an unknown kind is ErrUnknown, unless name ends in the extension of a
// format read (.png, .jpg, .jpeg, .gif, .webp, .svg, in any case): that
// file is broken, and the error says what it holds instead.
func Read(name string, data []byte) (Info, error) {
	format := formatOf(data)
	if format == "" {
		want := extFormats[strings.ToLower(path.Ext(name))]
		if looksLikeXML(data) {
			info, err := readSVG(data)
			var not *notSVG
			if !errors.As(err, &not) || want == "SVG" {
				return info, err
			}
		}
		if want != "" {
			return Info{}, notAn(want, data)
		}
		return Info{}, ErrUnknown
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, image.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return Info{}, fmt.Errorf("the %s image is cut short or damaged: its header cannot be read", format)
		}
		return Info{}, fmt.Errorf("the %s image cannot be read: %v", format, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, fmt.Errorf("the %s image says it is %d×%d pixels", format, cfg.Width, cfg.Height)
	}
	orientation, err := structure(format, data)
	if err != nil {
		return Info{}, fmt.Errorf("the %s image %v", format, err)
	}
	info := Info{Format: strings.ToLower(format), Width: cfg.Width, Height: cfg.Height}
	if orientation >= 5 && orientation <= 8 { // turned a quarter: the browser shows it on its side
		info.Width, info.Height = info.Height, info.Width
	}
	return info, nil
}

// magics are the first bytes of each format read but SVG; "?" stands for
// any byte (a WebP's RIFF size).
var magics = []struct{ format, magic string }{
	{"PNG", "\x89PNG\r\n\x1a\n"},
	{"JPEG", "\xff\xd8\xff"},
	{"GIF", "GIF8"},
	{"WebP", "RIFF????WEBP"},
}

// formatOf names the format whose magic bytes data starts with, or whose
// magic bytes data is the start of (an image cut short in its first
// bytes), or "".
func formatOf(data []byte) string {
	for _, m := range magics {
		n := min(len(data), len(m.magic))
		if n == 0 {
			continue
		}
		match := true
		for i := range n {
			if m.magic[i] != '?' && m.magic[i] != data[i] {
				match = false
				break
			}
		}
		if match {
			return m.format
		}
	}
	return ""
}

// notAn says what a file named as a want image holds instead.
func notAn(want string, data []byte) error {
	head := data[:min(len(data), 512)]
	a := "a"
	if want == "SVG" {
		a = "an"
	}
	switch {
	case len(data) == 0:
		return fmt.Errorf("the file is empty, not %s %s image", a, want)
	case utf8.Valid(head) && !bytes.ContainsRune(head, 0):
		return fmt.Errorf("the file holds text, not %s %s image", a, want)
	}
	return fmt.Errorf("the file is not %s %s image, nor another image sitegen reads (it starts with the bytes % x)", a, want, data[:min(len(data), 8)])
}

func looksLikeXML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return bytes.HasPrefix(data, []byte("<"))
}

// readSVG reads the size of an SVG from its root element, and the rest
// of it to its end, which must be well-formed XML: a browser shows no part
// of an SVG that is not. Data whose first element is not <svg> (or that
// is not XML before it) is a *notSVG.
func readSVG(data []byte) (Info, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = map[string]string{}
	var info Info
	var sizeErr error
	root := false
	for {
		tok, err := dec.Token()
		switch {
		case err == io.EOF && root:
			return info, sizeErr
		case err == io.EOF:
			return Info{}, &notSVG{}
		case err != nil && root:
			return Info{}, fmt.Errorf("the SVG image is not valid XML: %v", err)
		case err != nil:
			return Info{}, &notSVG{err: err}
		}
		switch t := tok.(type) {
		case xml.Directive:
			declareEntities(dec.Entity, t)
		case xml.StartElement:
			if !root {
				if t.Name.Local != "svg" {
					return Info{}, &notSVG{root: t.Name.Local}
				}
				root = true
				info, sizeErr = svgSize(t)
			}
		}
	}
}

// notSVG is XML, or text starting with "<", that is no SVG image.
type notSVG struct {
	root string // its first element
	err  error  // or why it is not XML before one
}

func (e *notSVG) Error() string {
	switch {
	case e.root != "":
		return fmt.Sprintf("the file is XML but not an SVG image: its first element is <%s>, not <svg>", e.root)
	case e.err != nil:
		return fmt.Sprintf("the SVG image is not valid XML: %v", e.err)
	}
	return "the SVG image has no <svg> element"
}

// entityDecl matches an internal general entity declaration of a DOCTYPE,
// as Adobe Illustrator writes them (<!ENTITY ns_svg "http://...">).
var entityDecl = regexp.MustCompile(`<!ENTITY\s+([^\s%"'<>]+)\s+(?:"([^"]*)"|'([^']*)')\s*>`)

// maxEntity is the longest entity text taken as it is: a longer one reads
// as empty, so that a small file of references to a long entity cannot
// swell into gigabytes of text (the billion laughs attack, quadratic).
const maxEntity = 64

// declareEntities adds the general entities a DOCTYPE declares to
// entities, as their text, unexpanded.
func declareEntities(entities map[string]string, d xml.Directive) {
	for _, m := range entityDecl.FindAllSubmatch(d, -1) {
		text := string(m[2]) + string(m[3])
		if len(text) > maxEntity {
			text = ""
		}
		entities[string(m[1])] = text
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
