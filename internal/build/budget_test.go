package build

import (
	"testing"
	"time"

	"github.com/udenmitid/sitegen/internal/markdown"
)

// TestBudget: conversions wait while the elements they need are taken,
// and go on when they are given back; small ones fit beside large ones.
func TestBudget(t *testing.T) {
	var b budget
	b.take(markdown.MaxElements)
	b.take(markdown.MaxElements - 10)
	b.take(10) // fits exactly
	got := make(chan int, 2)
	go func() { b.take(markdown.MaxElements); got <- 1 }()
	go func() { b.take(5); got <- 2 }()
	select {
	case n := <-got:
		t.Fatalf("take %d went on with the budget spent", n)
	case <-time.After(50 * time.Millisecond):
	}
	b.give(10)
	if n := <-got; n != 2 {
		t.Fatalf("the small take did not go on first: %d", n)
	}
	b.give(markdown.MaxElements)
	if n := <-got; n != 1 {
		t.Fatalf("got %d", n)
	}
}
