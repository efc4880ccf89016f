package content

import (
	"encoding/binary"
	"fmt"
	"iter"
	"strings"
)

// FieldLines holds the line of the file each front matter field is on
// (Meta.Lines), so that later stages can report a problem with a value
// where it was written. It is one string, not a map: the site model keeps
// every page's, and a map of five fields took some 250 bytes (issue 30).
// The zero value holds no field.
type FieldLines struct {
	enc string // each field: uvarint length, the name, uvarint line
}

// Line returns the line of the field name (canonical: "title",
// "link_title"), or 0 when the file does not give it.
func (l FieldLines) Line(name string) int {
	line, _ := l.find(name)
	return line
}

// Has reports whether the file gives the field name.
func (l FieldLines) Has(name string) bool {
	_, ok := l.find(name)
	return ok
}

func (l FieldLines) find(name string) (int, bool) {
	for field, line := range l.all() {
		if field == name {
			return line, true
		}
	}
	return 0, false
}

// all yields each field and its line, in the order of the file.
func (l FieldLines) all() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		s := l.enc
		for s != "" {
			n, k := uvarint(s)
			s = s[k:]
			field := s[:n]
			s = s[n:]
			line, k := uvarint(s)
			s = s[k:]
			if !yield(field, int(line)) {
				return
			}
		}
	}
}

// uvarint reads a number appendLine wrote at the start of s.
func uvarint(s string) (uint64, int) {
	var x uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<(7*i), i + 1
		}
		x |= uint64(b&0x7f) << (7 * i)
	}
	return 0, len(s) // not written by appendLine
}

// A fieldLines is FieldLines being made.
type fieldLines struct {
	b strings.Builder
}

// add records that the field name is on line.
func (f *fieldLines) add(name string, line int) {
	var buf [binary.MaxVarintLen64]byte
	f.b.Write(binary.AppendUvarint(buf[:0], uint64(len(name))))
	f.b.WriteString(name)
	f.b.Write(binary.AppendUvarint(buf[:0], uint64(line)))
}

// done returns the lines recorded, in a string of their exact size.
func (f *fieldLines) done() FieldLines {
	return FieldLines{strings.Clone(f.b.String())}
}

// String lists the fields and their lines, "title:2 description:3", in
// the order of the file (for messages, and for sitegen serve, which sees
// what a layout read of a page by its values).
func (l FieldLines) String() string {
	var b strings.Builder
	for field, line := range l.all() {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s:%d", field, line)
	}
	return b.String()
}
