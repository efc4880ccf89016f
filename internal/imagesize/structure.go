package imagesize

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// structure walks the chunks, segments or blocks of an image whose header
// was read, to its end: an image cut short is an error (phrased to follow
// "the PNG image"). It returns the image's EXIF orientation (1 to 8; 1
// when it has none) where browsers apply it: JPEG and PNG.
func structure(format string, data []byte) (orientation int, err error) {
	switch format {
	case "PNG":
		return pngStructure(data)
	case "JPEG":
		return jpegStructure(data)
	case "GIF":
		return 1, gifStructure(data)
	case "WebP":
		return 1, webpStructure(data)
	}
	return 1, nil
}

var errPNGShort = errors.New("is cut short: it ends before its last chunk (IEND)")

// pngStructure walks a PNG's chunks to IEND: length, type, data, CRC. An
// eXIf chunk before the first IDAT gives the orientation.
func pngStructure(data []byte) (int, error) {
	orientation := 1
	idat := false
	for off := 8; ; {
		if len(data)-off < 12 {
			return 0, errPNGShort
		}
		n := int64(binary.BigEndian.Uint32(data[off:]))
		typ := string(data[off+4 : off+8])
		end := int64(off) + 12 + n
		if end > int64(len(data)) {
			return 0, errPNGShort
		}
		switch typ {
		case "IEND":
			return orientation, nil
		case "IDAT":
			idat = true
		case "eXIf":
			if !idat {
				orientation = exifOrientation(data[off+8 : off+8+int(n)])
			}
		}
		off = int(end)
	}
}

var errJPEGShort = errors.New("is cut short: it ends before its end marker (FF D9)")

// jpegStructure walks a JPEG's marker segments to its first scan, and
// looks for the end marker after it: in the compressed data every FF byte
// is followed by 00 or a restart marker, so the first FF D9 after the scan
// starts is the end (a thumbnail's comes before). The first APP1 segment
// holding EXIF gives the orientation.
func jpegStructure(data []byte) (int, error) {
	orientation := 0
	for off := 2; ; {
		// Markers may be padded with FF bytes.
		for off < len(data) && data[off] == 0xff && off+1 < len(data) && data[off+1] == 0xff {
			off++
		}
		if len(data)-off < 4 {
			return 0, errJPEGShort
		}
		if data[off] != 0xff {
			return 0, fmt.Errorf("is damaged: a segment starts with %02x at byte %d, not a marker", data[off], off)
		}
		marker := data[off+1]
		if marker == 0xd9 {
			return 0, errors.New("ends before its image data (the end marker comes before any scan)")
		}
		if marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7) { // no length
			off += 2
			continue
		}
		n := int(binary.BigEndian.Uint16(data[off+2:]))
		end := off + 2 + n
		if n < 2 || end > len(data) {
			return 0, errJPEGShort
		}
		seg := data[off+4 : end]
		if marker == 0xe1 && orientation == 0 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			orientation = exifOrientation(seg[6:])
		}
		if marker == 0xda { // start of scan
			if !bytes.Contains(data[end:], []byte{0xff, 0xd9}) {
				return 0, errJPEGShort
			}
			return max(orientation, 1), nil
		}
		off = end
	}
}

var errGIFShort = errors.New("is cut short: it ends before its trailer (3B)")

// gifStructure walks a GIF's blocks to its trailer.
func gifStructure(data []byte) error {
	if len(data) < 13 {
		return errGIFShort
	}
	off := 13
	if flags := data[10]; flags&0x80 != 0 { // global colour table
		off += 3 << (flags&7 + 1)
	}
	for {
		if off >= len(data) {
			return errGIFShort
		}
		switch data[off] {
		case 0x3b: // trailer
			return nil
		case 0x21: // extension: label, then sub-blocks
			off += 2
		case 0x2c: // image: descriptor, local colour table, LZW code size, sub-blocks
			if off+10 > len(data) {
				return errGIFShort
			}
			flags := data[off+9]
			off += 10
			if flags&0x80 != 0 {
				off += 3 << (flags&7 + 1)
			}
			off++
		default:
			return fmt.Errorf("is damaged: block %02x at byte %d is none a GIF has", data[off], off)
		}
		// sub-blocks, each its length and its bytes, to a 0 length
		for {
			if off >= len(data) {
				return errGIFShort
			}
			n := int(data[off])
			off += 1 + n
			if n == 0 {
				break
			}
		}
	}
}

// webpStructure checks a WebP's RIFF container: the file holds the size
// its header says, and each chunk fits in it.
func webpStructure(data []byte) error {
	size := int64(binary.LittleEndian.Uint32(data[4:8])) + 8
	if int64(len(data)) < size {
		return fmt.Errorf("is cut short: its header says %d bytes, the file has %d", size, len(data))
	}
	for off := int64(12); off < size; {
		if size-off < 8 {
			return errors.New("is damaged: a chunk header is cut short")
		}
		fourcc := data[off : off+4]
		n := int64(binary.LittleEndian.Uint32(data[off+4:]))
		off += 8 + n + n%2
		if off > size+1 { // the last chunk's padding byte may be missing
			return fmt.Errorf("is damaged: its %q chunk ends past the end of the image", fourcc)
		}
	}
	return nil
}
