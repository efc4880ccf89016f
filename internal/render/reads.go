package render

import (
	"hash/maphash"
	"reflect"

	"github.com/udenmitid/sitegen/internal/pages"
)

// A Read is one thing a page's rendering read of the site: a field or
// method of a page or of the site, as layouts reach them through the views
// (PageView, SiteView), or an asset (.Asset).
type Read struct {
	Page   *pages.Page // the page read; nil for the site or an asset
	Member string      // the field or method of pages.Page or pages.Site; "" for an asset
	Args   string      // the method's arguments (encoded by args); an asset's name
}

// Reads is the set of what one page's rendering read, all the partials it
// used included, also those it took from PartialCached's cache: what
// made the partial is read by each page that shows it. The rendered page's
// own layout is read too (Layout), since it picks the template.
type Reads struct{ m map[Read]struct{} }

// NewReads returns an empty set for RenderTo and RenderAround to fill.
func NewReads() *Reads { return &Reads{m: make(map[Read]struct{}, 64)} }

func (r *Reads) add(x Read) { r.m[x] = struct{}{} }

func (r *Reads) merge(o *Reads) {
	for x := range o.m {
		r.m[x] = struct{}{}
	}
}

// Len returns the number of distinct reads.
func (r *Reads) Len() int { return len(r.m) }

// Each calls fn for each read, in no particular order.
func (r *Reads) Each(fn func(Read)) {
	for x := range r.m {
		fn(x)
	}
}

// A Key is a Read as it is in every build of the site: the page by its
// Ident ("" for the site and for assets).
type Key struct {
	Ident  string
	Member string
	Args   string
}

// A Model is the site and assets of one build, in which a Key is
// evaluated. It must not change while it is used.
type Model struct {
	Site    *pages.Site
	Assets  Assets // nil: no file of static/ is an asset
	byIdent map[string]*pages.Page
	idents  map[*pages.Page]string
}

// NewModel indexes site's pages by Ident.
func NewModel(site *pages.Site, assets Assets) *Model {
	n := len(site.Pages) + len(site.Special)
	m := &Model{Site: site, Assets: assets, byIdent: make(map[string]*pages.Page, n), idents: make(map[*pages.Page]string, n)}
	for _, list := range [][]*pages.Page{site.Pages, site.Special} {
		for _, p := range list {
			id := Ident(p)
			m.byIdent[id], m.idents[p] = p, id
		}
	}
	return m
}

// Key returns the Key of a read made in m's site.
func (m *Model) Key(r Read) Key {
	k := Key{Member: r.Member, Args: r.Args}
	if r.Page != nil {
		k.Ident = m.Ident(r.Page)
	}
	return k
}

// Ident returns Ident(p), looked up for a page of m's site.
func (m *Model) Ident(p *pages.Page) string {
	if id, ok := m.idents[p]; ok {
		return id
	}
	return Ident(p)
}

// Absent is the Value of a read of a page that m does not have.
const Absent = 0

// seed makes Values comparable within one process, which is all that
// keeps them.
var seed = maphash.MakeSeed()

// Value returns a hash of what the read k gives in m: the field's value,
// or the method's result called with the same arguments (pages and
// languages are m's of the same Ident and tag). The value hashes as
// described at hashValue; equal values give equal hashes, and different
// values different ones but for hash collisions (64 bits). A read of a
// page m does not have is Absent.
func (m *Model) Value(k Key) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	hv := hasher{h: &h, m: m}
	switch {
	case k.Member == "":
		hv.asset(m.Assets, k.Args)
	case k.Ident == "":
		hv.call(reflect.ValueOf(m.Site), siteMembers, k)
	default:
		p := m.byIdent[k.Ident]
		if p == nil {
			return Absent
		}
		hv.call(reflect.ValueOf(p), pageMembers, k)
	}
	if v := h.Sum64(); v != Absent {
		return v
	}
	return Absent + 1
}

// asset hashes what a layout gets asking assets for name: the asset, or
// the error. Asking may make the asset (a fingerprinted copy, see package
// build), as the layout's asking would have.
func (hv hasher) asset(assets Assets, name string) {
	if assets == nil {
		hv.h.WriteString("\x00no assets")
		return
	}
	a, err := assets.Asset(name)
	hv.value(reflect.ValueOf(a), 0)
	if err != nil {
		hv.h.WriteString("\x00" + err.Error())
	}
}

// A member is a field or method of the model's *Page or *Site.
type member struct {
	field  []int // the field's index, or nil for a method
	method reflect.Method
}

var pageMembers, siteMembers = members(reflect.TypeFor[*pages.Page]()), members(reflect.TypeFor[*pages.Site]())

// members returns the exported fields and methods of a pointer to a
// struct, by name.
func members(t reflect.Type) map[string]member {
	out := map[string]member{}
	for f := range t.Elem().Fields() {
		if f.IsExported() {
			out[f.Name] = member{field: f.Index}
		}
	}
	for m := range t.Methods() {
		out[m.Name] = member{method: m}
	}
	return out
}

// call hashes what the member k names gives of recv, a *Page or *Site.
// A method that panics (a nil language) hashes as that panic.
func (hv hasher) call(recv reflect.Value, members map[string]member, k Key) {
	mb, ok := members[k.Member]
	switch {
	case !ok:
		hv.h.WriteString("\x00no member " + k.Member)
	case mb.field != nil:
		hv.value(recv.Elem().FieldByIndex(mb.field), 0)
	default:
		in, ok := hv.decode(mb.method.Type, k.Args)
		if !ok {
			hv.h.WriteString("\x00bad arguments")
			return
		}
		defer func() {
			if r := recover(); r != nil {
				hv.h.WriteString("\x00panic")
			}
		}()
		for _, out := range mb.method.Func.Call(append([]reflect.Value{recv}, in...)) {
			hv.value(out, 0)
		}
	}
}

// decode turns args back into a method's arguments in hv's model.
func (hv hasher) decode(t reflect.Type, encoded string) ([]reflect.Value, bool) {
	list, ok := splitArgs(encoded)
	if !ok || len(list) != t.NumIn()-1 { // In(0) is the receiver
		return nil, false
	}
	var in []reflect.Value
	for i, a := range list {
		pt := t.In(i + 1)
		switch pt {
		case reflect.TypeFor[string]():
			if a == nil {
				return nil, false
			}
			in = append(in, reflect.ValueOf(*a))
		case reflect.TypeFor[*pages.Lang]():
			var l *pages.Lang
			if a != nil {
				l = hv.m.Site.Lang(*a)
			}
			in = append(in, reflect.ValueOf(l))
		case reflect.TypeFor[*pages.Page]():
			var p *pages.Page
			if a != nil {
				p = hv.m.byIdent[*a]
			}
			in = append(in, reflect.ValueOf(p))
		default:
			return nil, false
		}
	}
	return in, true
}
