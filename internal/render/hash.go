package render

import (
	"cmp"
	"encoding/binary"
	"hash/maphash"
	"math"
	"reflect"
	"slices"
	"sync"
	"time"

	"github.com/udenmitid/sitegen/internal/pages"
)

// hasher hashes what a layout can read of a value, so that two builds'
// values compare by their hashes (Model.Value).
type hasher struct {
	h      *maphash.Hash
	m      *Model
	inLang bool // hashing a *pages.Lang, whose TitleLang may be itself
}

// maxDepth bounds how deep hashValue follows pointers; the values a layout
// can reach of the model are a few levels deep (a page's file's front
// matter's params), and no deeper structure is shown whole.
const maxDepth = 16

var (
	pageType = reflect.TypeFor[*pages.Page]()
	langType = reflect.TypeFor[*pages.Lang]()
	siteType = reflect.TypeFor[*pages.Site]()
	timeType = reflect.TypeFor[time.Time]()
)

// value hashes v as a layout sees it:
//
//   - a *pages.Page by its Ident alone: what a layout reads of that page
//     goes through its view and is a read of its own;
//   - the *pages.Site as one constant, likewise;
//   - a *pages.Lang as a struct, but a language one of its fields holds
//     (its TitleLang, often itself) by its tag alone, whose fields are a
//     language's read of their own;
//   - a time by its instant and location;
//   - a struct by its exported fields and the results of its methods that
//     take no arguments (as {{ .Config.BasePath }} calls them), which are
//     what a layout can read of it; unexported fields count through those
//     methods;
//   - maps by their entries in the order of their keys' hashes; slices,
//     pointers and interfaces by what they hold, with the dynamic type.
func (hv hasher) value(v reflect.Value, depth int) {
	h := hv.h
	if !v.IsValid() {
		h.WriteByte(0)
		return
	}
	if depth > maxDepth {
		h.WriteString("\x00deep")
		return
	}
	switch v.Type() {
	case pageType:
		if v.IsNil() {
			h.WriteByte(0)
		} else {
			h.WriteByte(1)
			h.WriteString(hv.m.Ident(v.Interface().(*pages.Page)))
		}
		return
	case siteType:
		h.WriteString("\x01site")
		return
	case langType:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteByte(1)
		if hv.inLang {
			h.WriteString(v.Interface().(*pages.Lang).Code)
			return
		}
		inner := hv
		inner.inLang = true
		inner.structValue(v.Elem(), v, depth)
		return
	case timeType:
		t := v.Interface().(time.Time)
		hv.uint(uint64(t.UnixNano()))
		h.WriteString(t.Location().String())
		h.WriteByte(0)
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			h.WriteByte(1)
		} else {
			h.WriteByte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		hv.uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		hv.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		hv.uint(math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		hv.uint(math.Float64bits(real(c)))
		hv.uint(math.Float64bits(imag(c)))
	case reflect.String:
		hv.uint(uint64(v.Len()))
		h.WriteString(v.String())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteByte(1)
		hv.uint(uint64(v.Len()))
		if v.Type().Elem().Kind() == reflect.Uint8 && v.Kind() == reflect.Slice {
			h.Write(v.Bytes())
			return
		}
		for i := range v.Len() {
			hv.value(v.Index(i), depth+1)
		}
	case reflect.Map:
		hv.mapValue(v, depth)
	case reflect.Pointer:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteByte(1)
		hv.structValue(v.Elem(), v, depth)
	case reflect.Interface:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteString(v.Elem().Type().String())
		h.WriteByte(0)
		hv.value(v.Elem(), depth+1)
	case reflect.Struct:
		hv.structValue(v, v, depth)
	default: // funcs, channels: a layout cannot read into them
		h.WriteString(v.Kind().String())
	}
}

// structValue hashes the value v points to (or v itself, for a value
// that is not a struct) and the no-argument methods of recv, the pointer
// or the struct value.
func (hv hasher) structValue(v, recv reflect.Value, depth int) {
	if v.Kind() != reflect.Struct {
		hv.value(v, depth+1)
		return
	}
	if !recv.CanInterface() {
		return
	}
	if recv.Kind() == reflect.Struct && v.CanAddr() {
		recv = v.Addr() // a layout calls pointer methods on addressable values
	}
	plan := planOf(v.Type(), recv.Type())
	for _, i := range plan.fields {
		hv.value(v.Field(i), depth+1)
	}
	for _, m := range plan.methods {
		out := recv.Method(m).Call(nil)
		hv.value(out[0], depth+1)
		if len(out) == 2 {
			hv.value(out[1], depth+1)
		}
	}
}

func (hv hasher) mapValue(v reflect.Value, depth int) {
	if v.IsNil() {
		hv.h.WriteByte(0)
		return
	}
	type entry struct{ k, v uint64 }
	entries := make([]entry, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		entries = append(entries, entry{hv.sub(it.Key(), depth), hv.sub(it.Value(), depth)})
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Or(cmp.Compare(a.k, b.k), cmp.Compare(a.v, b.v)) })
	hv.h.WriteByte(1)
	hv.uint(uint64(len(entries)))
	for _, e := range entries {
		hv.uint(e.k)
		hv.uint(e.v)
	}
}

// sub hashes v on its own.
func (hv hasher) sub(v reflect.Value, depth int) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	hasher{h: &h, m: hv.m}.value(v, depth+1)
	return h.Sum64()
}

func (hv hasher) uint(u uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], u)
	hv.h.Write(b[:])
}

// A plan lists what value hashes of a struct type: its exported fields
// and the methods a layout can call on it without arguments, those that
// return one value, or a value and an error.
type plan struct {
	fields  []int
	methods []int
}

var plans sync.Map // [2]reflect.Type{struct, receiver} -> *plan

func planOf(t, recv reflect.Type) *plan {
	key := [2]reflect.Type{t, recv}
	if p, ok := plans.Load(key); ok {
		return p.(*plan)
	}
	p := &plan{}
	for f := range t.Fields() {
		if f.IsExported() {
			p.fields = append(p.fields, f.Index[0])
		}
	}
	errType := reflect.TypeFor[error]()
	for i := range recv.NumMethod() {
		mt := recv.Method(i).Type // In(0) is the receiver
		if mt.NumIn() == 1 && (mt.NumOut() == 1 || mt.NumOut() == 2 && mt.Out(1) == errType) {
			p.methods = append(p.methods, i)
		}
	}
	plans.Store(key, p)
	return p
}
