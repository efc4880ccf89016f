// Package corpus generates a deterministic multilingual (da/en/kl) sitegen
// site for benchmarks and tests: nested sections with _index.md pages,
// about 90% of the keys also in English (some with localized slugs) and
// about 20% in Greenlandic, each page 300 to 1,500 words of Markdown with
// headings, lists, tables, emphasis, block quotes and links between pages.
// The same arguments always give the same bytes, and the tree is also a
// Hugo content tree (one contentDir per language; see bench/hugo).
package corpus

import (
	"testing/fstest"
)

// Stats counts what was written.
type Stats = stats

// Write writes a corpus of the given number of Danish pages into out,
// which must be empty or missing unless force is set.
func Write(out string, pages int, seed uint64, force bool) (Stats, error) {
	return generate(options{pages: pages, seed: seed, out: out, force: force})
}

// MapFS returns the corpus as an in-memory file system.
func MapFS(pages int, seed uint64) fstest.MapFS {
	m := fstest.MapFS{}
	newGenerator(pages, seed).emit(func(rel string, data []byte, _ int) error {
		m[rel] = &fstest.MapFile{Data: append([]byte(nil), data...)}
		return nil
	})
	return m
}
