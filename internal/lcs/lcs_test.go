package lcs

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// script writes an edit script as "=a -b +c", one element a step.
func script(a, b []string, es []Edit) string {
	var out []string
	for _, e := range es {
		switch e.Op {
		case Equal:
			out = append(out, "="+a[e.I])
		case Delete:
			out = append(out, "-"+a[e.I])
		case Insert:
			out = append(out, "+"+b[e.J])
		}
	}
	return strings.Join(out, " ")
}

func TestDiff(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"", "", ""},
		{"a b c", "a b c", "=a =b =c"},
		{"", "a b", "+a +b"},
		{"a b", "", "-a -b"},
		{"a b c d", "a x c d", "=a -b +x =c =d"},
		{"a b c", "b c d", "-a =b =c +d"},
		{"the cat sat on the mat", "the dog sat on a mat", "=the -cat +dog =sat =on -the +a =mat"},
		{"a b c a b b a", "c b a b a c", "-a -b =c +b =a =b -b =a +c"},
	}
	for _, tt := range tests {
		a, b := strings.Fields(tt.a), strings.Fields(tt.b)
		if got := script(a, b, Diff(a, b)); got != tt.want {
			t.Errorf("Diff(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestDiffRandom checks on random sequences that the script is whole and
// in order, and that its Equal steps are as many as the longest common
// subsequence has, by dynamic programming.
func TestDiffRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		a := make([]int, r.IntN(12))
		b := make([]int, r.IntN(12))
		for i := range a {
			a[i] = r.IntN(4)
		}
		for i := range b {
			b[i] = r.IntN(4)
		}
		es := Diff(a, b)
		i, j, eq := 0, 0, 0
		for _, e := range es {
			switch e.Op {
			case Equal:
				if e.I != i || e.J != j || a[i] != b[j] {
					t.Fatalf("%v %v: bad equal step %+v at %d,%d", a, b, e, i, j)
				}
				i, j, eq = i+1, j+1, eq+1
			case Delete:
				if e.I != i {
					t.Fatalf("%v %v: bad delete %+v at %d", a, b, e, i)
				}
				i++
			case Insert:
				if e.J != j {
					t.Fatalf("%v %v: bad insert %+v at %d", a, b, e, j)
				}
				j++
			}
		}
		if i != len(a) || j != len(b) {
			t.Fatalf("%v %v: script ends at %d,%d", a, b, i, j)
		}
		if want := lcsLen(a, b); eq != want {
			t.Fatalf("%v %v: %d equal steps, the LCS is %d", a, b, eq, want)
		}
	}
}

func lcsLen(a, b []int) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}
