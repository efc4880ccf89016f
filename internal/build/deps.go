package build

import (
	"slices"
	"sync"

	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/render"
)

// deps records what each output page was rendered from: every field and
// method of every page and of the site that its layouts read through the
// views (render.Reads), and the assets. Nothing about what a layout may
// show of another page is listed by hand: a page is rendered again by
// Update exactly when one of its reads gives another value in the new
// model, when another page stands at its output file, or when its own
// Markdown was converted again.
//
// Reads are interned: each distinct render.Key gets an id, and vals holds
// its value in the model the last successful build or Update rendered
// from. Every output that was not rendered again in an Update read only
// values that did not change, so one value per id serves them all.
type deps struct {
	mu     sync.Mutex
	ids    map[render.Key]uint32
	keys   []render.Key
	vals   []uint64            // by id: the value in the current model
	byPage map[string][]uint32 // page Ident -> ids of the reads of that page; "": of the site and assets
	outs   map[string]output   // output file -> what was rendered there

	staged map[string]output // rendered since begin, not yet committed
	n0     int               // len(keys) at begin: ids from there on are new
}

// An output is what a page's rendering read.
type output struct {
	ident string   // render.Ident of the page rendered
	reads []uint32 // ids, sorted
}

func newDeps() *deps {
	return &deps{ids: map[render.Key]uint32{}, byPage: map[string][]uint32{}, outs: map[string]output{}}
}

// begin starts a batch of renderings; commit keeps them, abort forgets
// them.
func (d *deps) begin() {
	d.staged = map[string]output{}
	d.n0 = len(d.keys)
}

// record notes what the rendering of p in m read. It is safe for
// concurrent use.
func (d *deps) record(m *render.Model, p *pages.Page, r *render.Reads) {
	keys := make([]render.Key, 0, r.Len())
	r.Each(func(x render.Read) { keys = append(keys, m.Key(x)) })
	ids := make([]uint32, len(keys))
	d.mu.Lock()
	for i, k := range keys {
		id, ok := d.ids[k]
		if !ok {
			id = uint32(len(d.keys))
			d.ids[k] = id
			d.keys = append(d.keys, k)
			d.byPage[k.Ident] = append(d.byPage[k.Ident], id)
		}
		ids[i] = id
	}
	slices.Sort(ids)
	d.staged[p.OutputFile()] = output{ident: m.Ident(p), reads: ids}
	d.mu.Unlock()
}

// values returns the value of every read in m, computed on all cores.
func (d *deps) values(m *render.Model, from int) []uint64 {
	vals := make([]uint64, len(d.keys)-from)
	const chunk = 512
	parallel((len(vals)+chunk-1)/chunk, func(c int) {
		for i := c * chunk; i < min(len(vals), (c+1)*chunk); i++ {
			vals[i] = m.Value(d.keys[from+i])
		}
	})
	return vals
}

// stale reports whether the output of p must be rendered again: nothing
// was rendered there, or another page was, or a read gives another value
// in the model of next (next[id] differs from vals[id]).
func (d *deps) stale(m *render.Model, p *pages.Page, next []uint64) bool {
	o, ok := d.outs[p.OutputFile()]
	if !ok || o.ident != m.Ident(p) {
		return true
	}
	for _, id := range o.reads {
		if next[id] != d.vals[id] {
			return true
		}
	}
	return false
}

// readers returns the outputs that read any of the reads changed (by id).
func (d *deps) readers(changed map[uint32]uint64) []string {
	if len(changed) == 0 {
		return nil
	}
	var out []string
	for name, o := range d.outs {
		for _, id := range o.reads {
			if _, ok := changed[id]; ok {
				out = append(out, name)
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// commit keeps what was rendered since begin, with the values in m:
// next for the reads known before (nil when they did not change), and
// the values of the new ones. Outputs not in keep are forgotten (nil:
// keep all).
func (d *deps) commit(m *render.Model, next []uint64, keep map[string]bool) {
	if next != nil {
		copy(d.vals, next[:len(d.vals)])
	}
	d.vals = append(d.vals[:d.n0], d.values(m, d.n0)...)
	for name, o := range d.staged {
		d.outs[name] = o
	}
	if keep != nil {
		for name := range d.outs {
			if !keep[name] {
				delete(d.outs, name)
			}
		}
	}
	d.staged = nil
}

// abort forgets what was rendered since begin, and the reads only it
// made known.
func (d *deps) abort() {
	for _, k := range d.keys[d.n0:] {
		delete(d.ids, k)
		ids := d.byPage[k.Ident]
		for len(ids) > 0 && int(ids[len(ids)-1]) >= d.n0 {
			ids = ids[:len(ids)-1]
		}
		if len(ids) == 0 {
			delete(d.byPage, k.Ident)
		} else {
			d.byPage[k.Ident] = ids
		}
	}
	d.keys = d.keys[:d.n0]
	d.staged = nil
}
