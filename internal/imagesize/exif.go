package imagesize

import "encoding/binary"

// exifOrientation reads the Orientation tag (0x0112) of IFD0 from EXIF
// data that starts with its TIFF header. It returns 1 (upright) when the
// tag is missing or the data is not valid EXIF. The values, from the EXIF
// standard (CIPA DC-008): 1 upright, 2 mirrored, 3 upside down, 4 mirrored
// upside down, and 5 to 8 the four turned a quarter, which a browser shows
// with width and height swapped.
func exifOrientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	if order.Uint16(tiff[2:]) != 42 {
		return 1
	}
	ifd := int64(order.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > int64(len(tiff)) {
		return 1
	}
	n := int64(order.Uint16(tiff[ifd:]))
	for i := range n {
		e := ifd + 2 + 12*i
		if e+12 > int64(len(tiff)) {
			return 1
		}
		if order.Uint16(tiff[e:]) != 0x0112 {
			continue
		}
		if order.Uint16(tiff[e+2:]) != 3 || order.Uint32(tiff[e+4:]) != 1 { // one SHORT
			return 1
		}
		if v := int(order.Uint16(tiff[e+8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}
