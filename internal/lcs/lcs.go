// Package lcs compares two sequences: which elements of each are kept,
// in order, and which were deleted or inserted (a longest common
// subsequence, by Myers' O(ND) algorithm, "An O(ND) Difference Algorithm
// and Its Variations", Algorithmica 1986). Package changes compares a
// page's blocks and words with it, package xliff the units of a page's
// versions.
//
// It is a few dozen lines, and generic over the element type: a library
// port of diff-match-patch diffs strings by character and would need the
// words and blocks coded as runes first.
package lcs

// An Op is one step of an edit script.
type Op int

const (
	Equal  Op = iota // the element is in both: A[I] == B[J]
	Delete           // A[I] is not in B
	Insert           // B[J] is not in A
)

// An Edit is one element of the edit script, with its index in A (Equal,
// Delete) and in B (Equal, Insert); the other index is where it stands
// between the other sequence's elements.
type Edit struct {
	Op   Op
	I, J int
}

// Diff returns the edit script that turns a into b, in order: every
// element of a once (Equal or Delete), every element of b once (Equal or
// Insert), with as few Deletes and Inserts as there can be. In a run of
// changes, the deletions come before the insertions. It takes time
// O((len(a)+len(b))·D) and memory O(D²) for D changes.
func Diff[T comparable](a, b []T) []Edit {
	return DiffFunc(len(a), len(b), func(i, j int) bool { return a[i] == b[j] })
}

// DiffFunc is Diff for sequences of n and m elements compared by eq(i, j),
// which reports whether the i-th element of the first equals the j-th of
// the second.
func DiffFunc(n, m int, eq func(i, j int) bool) []Edit {
	// Common prefix and suffix first: most edits change a little of much.
	pre := 0
	for pre < n && pre < m && eq(pre, pre) {
		pre++
	}
	suf := 0
	for suf < n-pre && suf < m-pre && eq(n-1-suf, m-1-suf) {
		suf++
	}
	var out []Edit
	for i := range pre {
		out = append(out, Edit{Equal, i, i})
	}
	out = append(out, myers(pre, n-suf, pre, m-suf, eq)...)
	for k := suf; k > 0; k-- {
		out = append(out, Edit{Equal, n - k, m - k})
	}
	return out
}

// myers diffs a[a0:a1] and b[b0:b1], keeping the furthest point of each
// diagonal for each D to trace the path back.
func myers(a0, a1, b0, b1 int, eq func(i, j int) bool) []Edit {
	n, m := a1-a0, b1-b0
	total := n + m
	if total == 0 {
		return nil
	}
	off := total + 1
	v := make([]int, 2*total+3)
	var trace [][]int
	var d int
found:
	for d = 0; d <= total; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1] // down: an insertion
			} else {
				x = v[off+k-1] + 1 // right: a deletion
			}
			y := x - k
			for x < n && y < m && eq(a0+x, b0+y) {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				break found
			}
		}
	}
	// Walk back from (n, m) through the saved rows: each step d came
	// from the diagonal next to it, then slid down a snake of equal
	// elements.
	var rev []Edit
	x, y := n, m
	for ; d > 0; d-- {
		pv := trace[d]
		k := x - y
		pk := k - 1
		if k == -d || k != d && pv[off+k-1] < pv[off+k+1] {
			pk = k + 1
		}
		px := pv[off+pk]
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
			rev = append(rev, Edit{Equal, a0 + x, b0 + y})
		}
		if x == px {
			rev = append(rev, Edit{Insert, a0 + px, b0 + py})
		} else {
			rev = append(rev, Edit{Delete, a0 + px, b0 + py})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, Edit{Equal, a0 + x, b0 + y})
	}
	out := make([]Edit, 0, len(rev))
	for i := len(rev) - 1; i >= 0; i-- {
		out = append(out, rev[i])
	}
	return groupRuns(out)
}

// groupRuns puts the deletions of each run of changes before its
// insertions, so that a reader sees what went and then what came.
func groupRuns(es []Edit) []Edit {
	for i := 0; i < len(es); {
		if es[i].Op == Equal {
			i++
			continue
		}
		j := i
		for j < len(es) && es[j].Op != Equal {
			j++
		}
		run := es[i:j]
		var del, ins []Edit
		for _, e := range run {
			if e.Op == Delete {
				del = append(del, e)
			} else {
				ins = append(ins, e)
			}
		}
		copy(run, append(del, ins...))
		i = j
	}
	return es
}
