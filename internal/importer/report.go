package importer

import (
	"fmt"
	"sort"
	"strings"
)

// A Report says what an import did and what it left for an editor.
type Report struct {
	Generator string
	Items     []Item // what was not converted, or was converted in a way to check

	Pages     int // pages written
	Changed   int // files the import changed (text, name or place in the folder tree)
	Copied    int // files copied byte for byte, at their own path or moved to content/<lang>/
	Added     int // files the import wrote that the source did not have (_index.md, sitegen.toml)
	URLsKept  int // pages whose URL stays what it was
	Aliases   int // pages whose URL changes, each given its old one as an alias
	Languages int

	// Translations stamped with translated_from: as made from their
	// source as it is, or from an older version (outdated).
	StampedCurrent, StampedOutdated int
	StampedFromGit                  bool // the versions came from the source's git history
}

// An Item is one line of the report: a place in the source and what to do.
type Item struct {
	File string // the source file, from the source folder
	Line int    // 0 when the item is about the whole file
	What string // what the import found
	Todo string // what the editor should do, "" when nothing
}

func (it Item) String() string {
	s := it.File
	if it.Line > 0 {
		s += fmt.Sprintf(":%d", it.Line)
	}
	s += ": " + it.What
	if it.Todo != "" {
		s += "; " + it.Todo
	}
	return s
}

// ToCheck is the number of the report's lines of things to check by hand.
func (r *Report) ToCheck() int { return len(group(r.sorted())) }

func (r *Report) sorted() []Item {
	items := append([]Item(nil), r.Items...)
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].File != items[j].File {
			return items[i].File < items[j].File
		}
		return items[i].Line < items[j].Line
	})
	return items
}

func (r *Report) add(file string, line int, what, todo string) {
	r.Items = append(r.Items, Item{File: file, Line: line, What: what, Todo: todo})
}

// String is the report as import-report.txt holds it: a summary, then one
// line for each item, in file and line order.
func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "sitegen import %s: %d languages, %d pages\n", r.Generator, r.Languages, r.Pages)
	fmt.Fprintf(&b, "files changed: %d\nfiles copied as they are: %d\nfiles added: %d\n", r.Changed, r.Copied, r.Added)
	fmt.Fprintf(&b, "URLs kept: %d\nURLs changed (old URL kept as an alias): %d\n", r.URLsKept, r.Aliases)
	fmt.Fprintf(&b, "translations stamped as current: %d\ntranslations stamped as outdated: %d\n", r.StampedCurrent, r.StampedOutdated)
	if r.StampedCurrent+r.StampedOutdated > 0 {
		from := "the source as it is (no git history)"
		if r.StampedFromGit {
			from = "the source's git history: each against its source as it was when the translation last changed"
		}
		fmt.Fprintf(&b, "translations stamped from: %s\n", from)
	}
	grouped := group(r.sorted())
	fmt.Fprintf(&b, "to check by hand: %d\n", len(grouped))
	for _, it := range grouped {
		b.WriteString(it.String() + "\n")
	}
	return b.String()
}

// group joins the items of one file that say the same at several lines
// into one, at the first line, that names the others: a glossary with 70
// definitions in a shortcode is one line, not 70.
func group(items []Item) []Item {
	var out []Item
	var more [][]int
	at := map[string]int{}
	for _, it := range items {
		k := it.File + "\x00" + it.What + "\x00" + it.Todo
		i, ok := at[k]
		if !ok || it.Line == 0 {
			at[k] = len(out)
			out = append(out, it)
			more = append(more, nil)
			continue
		}
		more[i] = append(more[i], it.Line)
	}
	for i, lines := range more {
		if len(lines) == 0 {
			continue
		}
		var s []string
		for _, l := range lines[:min(len(lines), 10)] {
			s = append(s, fmt.Sprint(l))
		}
		also := " (also at line " + strings.Join(s, ", ")
		if len(lines) > 10 {
			also += fmt.Sprintf(" and %d more", len(lines)-10)
		}
		out[i].What += also + ")"
	}
	return out
}
