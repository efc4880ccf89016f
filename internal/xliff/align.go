package xliff

import (
	"strconv"
	"strings"

	"github.com/udenmitid/sitegen/internal/blocks"
	"github.com/udenmitid/sitegen/internal/lcs"
)

// codeKey is what makes two codes the same markup, whatever their IDs:
// the type, and for a pair the Markdown that closes it (a link's
// destination), for a code on its own its Markdown; the units inside
// (alt texts, titles) do not count.
func codeKey(u *blocks.Unit, c *blocks.InlineCode) string {
	if c.Type == "break" {
		return "break" // its Markdown holds the indentation of the next line
	}
	if c.Role == blocks.Open {
		if cl := u.Code(c.ID, blocks.Close); cl != nil {
			c = cl
		}
	}
	var b strings.Builder
	b.WriteString(c.Type)
	b.WriteByte(0)
	for _, pc := range c.Orig {
		if pc.Unit != "" {
			b.WriteString("{}")
		} else if c.Type == "italic" || c.Type == "bold" || c.Type == "strike" {
			b.WriteString(strings.Repeat("*", len(pc.Text))) // * or _ alike
		} else {
			b.WriteString(pc.Text)
		}
	}
	return b.String()
}

// mapCodes returns the parts of unit t (of another page: a translation,
// or a target read as Markdown) with its codes renamed to those of unit
// s, matched by codeKey in order. Codes s lacks are left out; complete
// reports whether every code of each was matched.
func mapCodes(s, t *blocks.Unit) (parts []blocks.Part, complete bool) {
	used := map[*blocks.InlineCode]bool{}
	ids := map[int]int{} // t's pair ID -> s's
	complete = true
	for _, pt := range t.Parts {
		c := pt.Code
		if c == nil {
			parts = append(parts, pt)
			continue
		}
		if c.Role == blocks.Close {
			if id, ok := ids[c.ID]; ok {
				parts = append(parts, blocks.Part{Code: &blocks.InlineCode{ID: id, Role: blocks.Close, Type: c.Type}})
			}
			continue
		}
		key := codeKey(t, c)
		var match *blocks.InlineCode
		for _, sp := range s.Parts {
			if sc := sp.Code; sc != nil && sc.Role == c.Role && !used[sc] && codeKey(s, sc) == key {
				match = sc
				break
			}
		}
		if match == nil {
			complete = false
			continue
		}
		used[match] = true
		ids[c.ID] = match.ID
		parts = append(parts, blocks.Part{Code: &blocks.InlineCode{ID: match.ID, Role: c.Role, Type: c.Type}})
	}
	for _, sp := range s.Parts {
		if sc := sp.Code; sc != nil && sc.Role != blocks.Close && !used[sc] {
			complete = false
		}
	}
	return parts, complete
}

// kindKey is a unit's kind, with a heading's level and the containers
// it stands in: a list item in a disclosure is not one outside it.
func kindKey(u *blocks.Unit) string { return u.Kind + strconv.Itoa(u.Level) + "\x00" + u.In }

// alignKinds lines up two pages' units by kind and place, in order: the units of
// a translation with those of the source it was made from. It returns,
// for each unit of a, the index of its unit in b, or -1.
func alignKinds(a, b []*blocks.Unit) []int {
	out := make([]int, len(a))
	for i := range out {
		out[i] = -1
	}
	for _, e := range lcs.DiffFunc(len(a), len(b), func(i, j int) bool { return kindKey(a[i]) == kindKey(b[j]) }) {
		if e.Op == lcs.Equal {
			out[e.I] = e.J
		}
	}
	return out
}

// sure reports, for each unit of a that alignKinds lined up with one of
// b (idx, of len(a); b has nb units), whether the pairing is certain:
// the units before and after it line up too, or the page begins or ends
// there in both. Next to a unit one page has and the other lacks, the
// pairing is a guess: a translation that took a disclosure's summary and
// first paragraph for one block lines up its one unit with the summary.
func sure(idx []int, nb int) []bool {
	out := make([]bool, len(idx))
	for i, j := range idx {
		if j < 0 {
			continue
		}
		before := i == 0 && j == 0 || i > 0 && idx[i-1] == j-1 && j > 0
		after := i == len(idx)-1 && j == nb-1 || i < len(idx)-1 && idx[i+1] == j+1
		out[i] = before && after
	}
	return out
}

// Unit states, as the export sets them.
const (
	same      = iota + 1 // the source of the unit did not change
	rewritten            // it changed
)

// alignVersions lines up the units of a source now (a) with those of its
// version the translation was made from (b): for each unit of a, the
// index of the same unit in b, or of the unit it was rewritten from, and
// which. Units are the same when kind and text are; in a stretch of
// changes, a removed and an added unit of one kind are one unit rewritten,
// in order.
func alignVersions(pa *blocks.Page, pb *blocks.Page) (idx []int, how []int) {
	a, b := pa.Units, pb.Units
	idx, how = make([]int, len(a)), make([]int, len(a))
	for i := range idx {
		idx[i] = -1
	}
	es := lcs.DiffFunc(len(a), len(b), func(i, j int) bool {
		return kindKey(a[i]) == kindKey(b[j]) && a[i].Text(pa) == b[j].Text(pb)
	})
	for k := 0; k < len(es); {
		if es[k].Op == lcs.Equal {
			idx[es[k].I], how[es[k].I] = es[k].J, same
			k++
			continue
		}
		// A Delete is a unit of a (now) that b (the old version) lacks,
		// an Insert a unit of b that a lacks.
		var now, old []int
		for ; k < len(es) && es[k].Op != lcs.Equal; k++ {
			if es[k].Op == lcs.Delete {
				now = append(now, es[k].I)
			} else {
				old = append(old, es[k].J)
			}
		}
		next := 0
		for _, i := range now {
			for d := next; d < len(old); d++ {
				if kindKey(b[old[d]]) == kindKey(a[i]) {
					idx[i], how[i] = old[d], rewritten
					next = d + 1
					break
				}
			}
		}
	}
	return idx, how
}
