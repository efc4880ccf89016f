package build

import (
	"sync"

	"github.com/udenmitid/sitegen/internal/markdown"
)

// A budget bounds the Markdown elements (markdown.Size.Elements) converted at
// once by the build's goroutines, whatever the number of cores: a
// conversion holds a node of some hundreds of bytes for each element, so
// a site of large pages converted on many cores at once would take many
// times the memory one such page takes. A page takes its elements, at
// most markdown.MaxElements, from the budget for as long as it converts,
// and waits while they are not there; pages of an ordinary size never
// wait for one another.
type budget struct {
	mu   sync.Mutex
	cond sync.Cond
	used int
}

// convertBudget is the budget of a Builder: two of the largest pages a
// page may be, so that two cores are busy however large the pages.
const convertBudget = 2 * markdown.MaxElements

// take waits until n elements are free and takes them; n is at most
// convertBudget.
func (b *budget) take(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cond.L == nil {
		b.cond.L = &b.mu
	}
	for b.used+n > convertBudget {
		b.cond.Wait()
	}
	b.used += n
}

// give returns n elements taken with take.
func (b *budget) give(n int) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}
