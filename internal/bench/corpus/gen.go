package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Languages of the corpus, in config order. Index 0 is the default.
var langs = []struct {
	code, name string
	v          *vocab
}{
	{"da", "Dansk", daVocab},
	{"en", "English", enVocab},
	{"kl", "Kalaallisut", klVocab},
}

const langDA = 0

// Share of regular pages that exist in a language besides Danish. Section
// pages are added wherever a child exists, so the share of all keys ends up
// a little higher (about 90% and 20%).
var pageShare = [3]float64{1, 0.89, 0.17}

const (
	slugShare  = 0.20 // share of English/Greenlandic pages with a localized slug
	menuCount  = 6    // top-level sections per language with menu: main
	minWords   = 300
	maxWords   = 1500
	maxDepth   = 3 // deepest section level (home is 0)
	leafMin    = 10
	leafMax    = 40
	anchorProb = 0.3
)

const configTOML = `base_url = "https://example.org/"
default_language = "da"

[[languages]]
code = "da"
name = "Dansk"

[[languages]]
code = "en"
name = "English"

[[languages]]
code = "kl"
name = "Kalaallisut"
`

// options are the generator's inputs.
type options struct {
	pages int
	seed  uint64
	out   string
	force bool
}

// stats is what generate reports.
type stats struct {
	pages [3]int
	bytes int64
	files int
}

func (s stats) String() string {
	return fmt.Sprintf("gencorpus: da=%d en=%d kl=%d pages (%d files), %d bytes (%.1f MiB)",
		s.pages[0], s.pages[1], s.pages[2], s.files, s.bytes, float64(s.bytes)/(1<<20))
}

// node is one key: a section (its _index.md) or a regular page.
type node struct {
	id       int
	name     string // file name without .md, or folder name for sections
	section  bool
	parent   *node
	children []*node // sections only: pages and sub-sections, in weight order
	depth    int     // home 0, top-level section 1, ...
	weight   int
	budget   int       // pages (including this one) planned under this node
	daTitle  string    // the Danish title, chosen with the name
	lang     [3]*lpage // nil where the key does not exist in that language
}

// lpage is one key in one language.
type lpage struct {
	title, desc, slug, updated string
	menu                       bool
	h2                         []string // planned level-2 headings
}

// dir is the folder holding the node's file, relative to content/<lang>.
func (n *node) dir() string {
	if n.section {
		return n.folder()
	}
	return n.parent.folder()
}

// folder is the folder a section stands for ("" for home).
func (n *node) folder() string {
	if n.parent == nil {
		return ""
	}
	return path(n.parent.folder(), n.name)
}

// file is the node's path relative to content/<lang>.
func (n *node) file() string {
	if n.section {
		return path(n.folder(), "_index.md")
	}
	return path(n.parent.folder(), n.name+".md")
}

func path(a, b string) string {
	if a == "" {
		return b
	}
	return a + "/" + b
}

// rel is the relative path from folder fromDir to file to, both relative to
// the same root and slash-separated.
func rel(fromDir, to string) string {
	var from []string
	if fromDir != "" {
		from = strings.Split(fromDir, "/")
	}
	tp := strings.Split(to, "/")
	i := 0
	for i < len(from) && i < len(tp)-1 && from[i] == tp[i] {
		i++
	}
	var b strings.Builder
	for range len(from) - i {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(tp[i:], "/"))
	return b.String()
}

type generator struct {
	opt    options
	r      *rand.Rand // plan-time randomness
	home   *node
	nodes  []*node    // all keys, in depth-first order
	byLang [3][]*node // keys present per language
}

func newRand(seed uint64, a, b uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed^0x9e3779b97f4a7c15*(a+1), b*0xbf58476d1ce4e5b9+a+7))
}

// generate writes the corpus described by opt.
func generate(opt options) (stats, error) {
	var st stats
	if opt.pages < 1 {
		return st, errors.New("-pages must be at least 1")
	}
	if opt.out == "" {
		return st, errors.New("-out is required")
	}
	if err := prepareOut(opt.out, opt.force); err != nil {
		return st, err
	}
	err := newGenerator(opt.pages, opt.seed).emit(func(rel string, data []byte, lang int) error {
		p := filepath.Join(opt.out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
		if lang >= 0 {
			st.pages[lang]++
		}
		st.files++
		st.bytes += int64(len(data))
		return nil
	})
	return st, err
}

// newGenerator plans a corpus of the given number of Danish pages.
func newGenerator(pages int, seed uint64) *generator {
	g := &generator{opt: options{pages: pages, seed: seed}, r: newRand(seed, 0, 0)}
	g.plan()
	return g
}

// emit hands every file of the corpus to fn, in a fixed order, with its
// slash path relative to the site folder and its language (-1 for
// sitegen.toml).
func (g *generator) emit(fn func(rel string, data []byte, lang int) error) error {
	if err := fn("sitegen.toml", []byte(configTOML), -1); err != nil {
		return err
	}
	var buf bytes.Buffer
	for _, n := range g.nodes {
		for li := range langs {
			if n.lang[li] == nil {
				continue
			}
			buf.Reset()
			g.writePage(&buf, n, li)
			if err := fn("content/"+langs[li].code+"/"+n.file(), buf.Bytes(), li); err != nil {
				return err
			}
		}
	}
	return nil
}

// prepareOut makes sure out is an empty folder. With force, a non-empty
// folder is accepted and the parts the generator writes (content/ and
// sitegen.toml) are removed first; nothing else is touched.
func prepareOut(out string, force bool) error {
	ents, err := os.ReadDir(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(out, 0o755)
	case err != nil:
		return err
	case len(ents) == 0:
		return nil
	case !force:
		return fmt.Errorf("%s exists and is not empty (use -force to replace its content/ and sitegen.toml)", out)
	}
	if err := os.RemoveAll(filepath.Join(out, "content")); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(out, "sitegen.toml")); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// ---------------------------------------------------------------- planning

func (g *generator) intn(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// partition splits total into parts within [lo, hi] (the last may be
// smaller when total < lo).
func partition(r *rand.Rand, total, lo, hi int) []int {
	var parts []int
	for total > hi {
		s := lo + r.IntN(hi-lo+1)
		if total-s < lo {
			s = total - lo
		}
		parts = append(parts, s)
		total -= s
	}
	if total > 0 {
		parts = append(parts, total)
	}
	return parts
}

func (g *generator) plan() {
	n := g.opt.pages
	g.home = &node{section: true, budget: n}
	rem := n - 1
	if rem > 0 {
		numTop := min(rem, max(menuCount, min(30, sqrtInt(n)/5)))
		for _, b := range share(g.r, rem, numTop) {
			g.home.children = append(g.home.children, &node{section: true, budget: b, parent: g.home, depth: 1})
		}
		for _, c := range g.home.children {
			g.split(c)
		}
	}
	g.name(g.home)
	g.walk(g.home, func(n *node) { n.id = len(g.nodes); g.nodes = append(g.nodes, n) })
	g.assignLanguages()
	g.assignText()
}

// share splits total into k parts of random sizes within about ±30% of
// the mean; every part is at least 1 when total >= k.
func share(r *rand.Rand, total, k int) []int {
	w := make([]float64, k)
	sum := 0.0
	for i := range w {
		w[i] = 0.7 + 0.6*r.Float64()
		sum += w[i]
	}
	parts := make([]int, k)
	left := total
	for i := range parts {
		parts[i] = max(1, int(float64(total)*w[i]/sum))
		left -= parts[i]
	}
	for i := 0; left != 0; i = (i + 1) % k {
		if left > 0 {
			parts[i]++
			left--
		} else if parts[i] > 1 {
			parts[i]--
			left++
		}
	}
	return parts
}

func sqrtInt(n int) int {
	x := 1
	for x*x <= n {
		x++
	}
	return x - 1
}

// split fills a section whose budget is set: one page for its _index.md,
// the rest as regular pages or sub-sections.
func (g *generator) split(s *node) {
	rem := s.budget - 1
	if rem <= 0 {
		return
	}
	leaf := func(k int) {
		for range k {
			s.children = append(s.children, &node{budget: 1, parent: s, depth: s.depth + 1})
		}
	}
	if s.depth >= maxDepth || (s.depth >= 2 && rem <= leafMax+5) || rem <= leafMax/2 {
		leaf(rem)
		return
	}
	// A few pages directly in the section, the rest in sub-sections.
	direct := min(rem, g.intn(0, 4))
	rem -= direct
	lo, hi := 15, 120 // at level 2: up to 41 stays a leaf, bigger ones split once more
	if s.depth >= 2 {
		lo, hi = leafMin+1, leafMax+1
	}
	var subs []*node
	for _, b := range partition(g.r, rem, lo, hi) {
		if b == 1 {
			direct++
			continue
		}
		subs = append(subs, &node{section: true, budget: b, parent: s, depth: s.depth + 1})
	}
	leaf(direct)
	s.children = append(s.children, subs...)
	// Interleave pages and sections deterministically.
	g.r.Shuffle(len(s.children), func(i, j int) { s.children[i], s.children[j] = s.children[j], s.children[i] })
	for _, c := range subs {
		g.split(c)
	}
}

func (g *generator) walk(n *node, f func(*node)) {
	f(n)
	for _, c := range n.children {
		g.walk(c, f)
	}
}

// name gives every child of s a Danish title and, from it, a folder or
// file name unique among its siblings, and a weight.
func (g *generator) name(s *node) {
	tg := &textGen{r: g.r, v: daVocab}
	var topics []string
	if s.parent == nil {
		topics = slices.Clone(daTopics)
		g.r.Shuffle(len(topics), func(i, j int) { topics[i], topics[j] = topics[j], topics[i] })
	}
	used := map[string]bool{"_index": true}
	for i, c := range s.children {
		c.weight = (i + 1) * 10
		if i < len(topics) {
			c.daTitle = topics[i]
		} else {
			c.daTitle = tg.title()
		}
		parts := strings.Split(asciify(c.daTitle), "-")
		base := strings.Join(parts[:min(len(parts), 4)], "-")
		if !c.section && g.r.IntN(2) == 0 {
			base += "-" + strconv.Itoa(g.intn(1, 99))
		}
		name := base
		for k := 2; used[name]; k++ {
			name = base + "-" + strconv.Itoa(k)
		}
		used[name] = true
		c.name = name
		if c.section {
			g.name(c)
		}
	}
}

// assignLanguages decides which keys exist in English and Greenlandic.
func (g *generator) assignLanguages() {
	var visit func(n *node, li int) bool
	visit = func(n *node, li int) bool {
		if !n.section {
			return g.r.Float64() < pageShare[li]
		}
		any := n.parent == nil // the home page exists in every language
		for _, c := range n.children {
			if visit(c, li) {
				c.lang[li] = &lpage{}
				any = true
			}
		}
		return any || g.r.Float64() < pageShare[li]
	}
	for li := range langs {
		if visit(g.home, li) {
			g.home.lang[li] = &lpage{}
		}
	}
	for _, n := range g.nodes {
		for li := range langs {
			if n.lang[li] != nil {
				g.byLang[li] = append(g.byLang[li], n)
			}
		}
	}
}

// assignText gives every key in every language its title, description,
// date, headings, slug and menu flag.
func (g *generator) assignText() {
	for _, n := range g.nodes {
		for li, l := range langs {
			p := n.lang[li]
			if p == nil {
				continue
			}
			r := newRand(g.opt.seed, uint64(n.id), uint64(li)+100)
			tg := &textGen{r: r, v: l.v}
			switch {
			case n.parent == nil:
				p.title = [3]string{"Forside", "Home", "Angerlarfik"}[li]
			case li == langDA:
				p.title = n.daTitle
			default:
				p.title = tg.title()
			}
			p.desc = tg.sentence(8, 20)
			p.updated = fmt.Sprintf("2026-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
			nh := 2 + r.IntN(7)
			seen := map[string]bool{headingID(l.v.seeAlsoHeading): true}
			for len(p.h2) < nh {
				h := tg.heading()
				if !seen[headingID(h)] {
					seen[headingID(h)] = true
					p.h2 = append(p.h2, h)
				}
			}
		}
	}
	// Localized slugs, unique among siblings (and distinct from every
	// sibling's file or folder name), on regular pages only.
	g.walk(g.home, func(s *node) {
		if !s.section {
			return
		}
		for li := 1; li < len(langs); li++ {
			used := map[string]bool{"_index": true}
			for _, c := range s.children {
				used[c.name] = true
			}
			for _, c := range s.children {
				p := c.lang[li]
				if c.section || p == nil || g.r.Float64() >= slugShare {
					continue
				}
				base := asciify(p.title)
				if base == "" {
					continue
				}
				slug := base
				for k := 2; used[slug]; k++ {
					slug = base + "-" + strconv.Itoa(k)
				}
				used[slug] = true
				p.slug = slug
			}
		}
	})
	// menu: main on the first few top-level sections of each language.
	for li := range langs {
		k := 0
		for _, c := range g.home.children {
			if k < menuCount && c.section && c.lang[li] != nil {
				c.lang[li].menu = true
				k++
			}
		}
	}
}

// ---------------------------------------------------------------- writing

// writePage writes one key in one language: front matter, then body.
func (g *generator) writePage(b *bytes.Buffer, n *node, li int) {
	p := n.lang[li]
	b.WriteString("---\n")
	fmt.Fprintf(b, "title: %s\n", yamlQuote(p.title))
	fmt.Fprintf(b, "description: %s\n", yamlQuote(p.desc))
	fmt.Fprintf(b, "weight: %d\n", n.weight)
	fmt.Fprintf(b, "updated: %s\n", p.updated)
	if p.slug != "" {
		fmt.Fprintf(b, "slug: %s\n", p.slug)
	}
	if p.menu {
		b.WriteString("menu: main\n")
	}
	b.WriteString("---\n\n")

	r := newRand(g.opt.seed, uint64(n.id), uint64(li)+200)
	tg := &textGen{r: r, v: langs[li].v}
	links := g.pickLinks(r, n, li)
	body := &bodyWriter{tg: tg, b: b, links: links}
	body.write(p, minWords+r.IntN(maxWords-minWords+1))
}

// pickLinks chooses 2-6 link targets among keys that exist in language li
// (and so in Danish), and renders them as Markdown links relative to n's
// folder.
func (g *generator) pickLinks(r *rand.Rand, n *node, li int) []string {
	pool := g.byLang[li]
	if len(pool) < 2 {
		return nil
	}
	want := min(2+r.IntN(5), len(pool)-1)
	chosen := map[*node]bool{n: true}
	var out []string
	for tries := 0; len(out) < want && tries < 100; tries++ {
		var t *node
		switch x := r.IntN(10); {
		case x < 4 && n.parent != nil: // a sibling, or the folder's section page
			sibs := n.parent.children
			t = sibs[r.IntN(len(sibs))]
			if r.IntN(5) == 0 {
				t = n.parent
			}
		case x < 5 && n.section && len(n.children) > 0: // a child
			t = n.children[r.IntN(len(n.children))]
		default:
			t = pool[r.IntN(len(pool))]
		}
		if chosen[t] || t.lang[li] == nil {
			continue
		}
		chosen[t] = true
		tp := t.lang[li]
		dest := rel(n.dir(), t.file())
		if !t.section && r.Float64() < anchorProb {
			var ascii []string
			for _, h := range tp.h2 {
				if isASCII(h) {
					ascii = append(ascii, h)
				}
			}
			if len(ascii) > 0 {
				dest += "#" + headingID(ascii[r.IntN(len(ascii))])
			}
		}
		text := tp.title
		if r.IntN(3) == 0 {
			text = lowerFirst(text)
		}
		out = append(out, "["+text+"]("+dest+")")
	}
	return out
}

// bodyWriter writes the Markdown body of one page.
type bodyWriter struct {
	tg    *textGen
	b     *bytes.Buffer
	links []string // links still to be placed
	words int
	seen  map[string]bool
	last  string // kind of the block written last
}

func (w *bodyWriter) write(p *lpage, target int) {
	r := w.tg.r
	w.seen = map[string]bool{headingID(w.tg.v.seeAlsoHeading): true}
	for _, h := range p.h2 {
		w.seen[headingID(h)] = true
	}
	// Introduction.
	for range 1 + r.IntN(2) {
		w.paragraph()
	}
	start := w.words
	per := max(40, (target-start)/len(p.h2))
	for i, h := range p.h2 {
		w.heading(2, h)
		goal := max(start+per*(i+1), w.words+20)
		if i == len(p.h2)-1 {
			goal = max(goal, target)
		}
		for w.words < goal {
			if r.IntN(6) == 0 {
				for {
					h := w.tg.heading()
					if !w.seen[headingID(h)] {
						w.seen[headingID(h)] = true
						w.heading(3, h)
						break
					}
				}
			}
			w.block()
		}
	}
	if len(w.links) > 0 {
		w.heading(2, w.tg.v.seeAlsoHeading)
		for _, l := range w.links {
			w.b.WriteString("- " + l + "\n")
		}
		w.b.WriteString("\n")
		w.links = nil
	}
	// Drop the final blank line so the file ends in exactly one newline.
	w.b.Truncate(w.b.Len() - 1)
}

func (w *bodyWriter) heading(level int, h string) {
	w.last = "h"
	w.b.WriteString(strings.Repeat("#", level) + " " + h + "\n\n")
	w.words += len(strings.Fields(h))
}

// block writes a paragraph, list, table or block quote. Two blocks of the
// same kind other than paragraphs never follow each other: two lists in a
// row would merge into one, and so would two block quotes.
func (w *bodyWriter) block() {
	kind := "p"
	switch x := w.tg.r.IntN(20); {
	case x < 11:
	case x < 14:
		kind = "ul"
	case x < 16:
		kind = "ol"
	case x < 18:
		kind = "table"
	default:
		kind = "quote"
	}
	if kind == w.last || (kind == "ul" || kind == "ol") && (w.last == "ul" || w.last == "ol") {
		kind = "p"
	}
	w.last = kind
	switch kind {
	case "p":
		w.paragraph()
	case "ul":
		w.list(false)
	case "ol":
		w.list(true)
	case "table":
		w.table()
	case "quote":
		w.quote()
	}
}

// takeLink returns a pending link with probability p.
func (w *bodyWriter) takeLink(p float64) (string, bool) {
	if len(w.links) == 0 || w.tg.r.Float64() >= p {
		return "", false
	}
	l := w.links[0]
	w.links = w.links[1:]
	return l, true
}

func (w *bodyWriter) paragraph() {
	r := w.tg.r
	var toks []string
	for range 2 + r.IntN(5) {
		s := w.tg.richSentence(5, 25)
		w.words += len(s)
		toks = append(toks, s...)
	}
	if l, ok := w.takeLink(0.35); ok {
		lead := pick(r, w.tg.v.seeAlso)
		toks = append(toks, strings.Fields(lead)...)
		toks = append(toks, l+".")
		w.words += len(strings.Fields(lead)) + 2
	}
	wrap(w.b, toks, "", "")
	w.b.WriteString("\n")
}

func (w *bodyWriter) list(numbered bool) {
	r := w.tg.r
	n := 3 + r.IntN(5)
	for i := range n {
		marker := "- "
		if numbered {
			marker = strconv.Itoa(i+1) + ". "
		}
		var toks []string
		if l, ok := w.takeLink(0.15); ok {
			toks = []string{l}
			w.words += 2
		} else if r.IntN(2) == 0 {
			toks = w.tg.richSentence(4, 14)
		} else {
			toks = w.tg.phrase(2, 6)
		}
		w.words += len(toks)
		wrap(w.b, toks, marker, strings.Repeat(" ", len(marker)))
	}
	w.b.WriteString("\n")
}

func (w *bodyWriter) table() {
	r := w.tg.r
	cols := 2 + r.IntN(3)
	rows := 2 + r.IntN(5)
	var hdr []string
	for range cols {
		hdr = append(hdr, capitalize(strings.Join(w.tg.phrase(1, 2), " ")))
	}
	w.b.WriteString("| " + strings.Join(hdr, " | ") + " |\n")
	w.b.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
	for range rows {
		var cells []string
		for c := range cols {
			switch {
			case c > 0 && r.IntN(3) == 0:
				cells = append(cells, w.tg.v.amount(50*(1+r.IntN(600))))
			case c > 0 && r.IntN(4) == 0:
				cells = append(cells, strconv.Itoa(1+r.IntN(52)))
			default:
				cells = append(cells, capitalize(strings.Join(w.tg.phrase(1, 4), " ")))
			}
		}
		w.words += len(strings.Fields(strings.Join(cells, " ")))
		w.b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	w.b.WriteString("\n")
}

func (w *bodyWriter) quote() {
	var toks []string
	for range 1 + w.tg.r.IntN(3) {
		s := w.tg.richSentence(6, 20)
		w.words += len(s)
		toks = append(toks, s...)
	}
	wrap(w.b, toks, "> ", "> ")
	w.b.WriteString("\n")
}

// wrap writes tokens separated by spaces in lines of about 78 characters.
// No line is allowed to start with a digit, so that a wrapped "12." never
// turns into a list item.
func wrap(b *bytes.Buffer, toks []string, first, rest string) {
	b.WriteString(first)
	col := len(first)
	start := true
	for _, t := range toks {
		tl := utf8.RuneCountInString(t)
		if !start && col+1+tl > 78 && !startsWithDigit(t) {
			b.WriteString("\n" + rest)
			col = len(rest)
			start = true
		}
		if !start {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(t)
		col += tl
		start = false
	}
	b.WriteByte('\n')
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// ---------------------------------------------------------------- text

type textGen struct {
	r *rand.Rand
	v *vocab
}

func pick(r *rand.Rand, ws []string) string { return ws[r.IntN(len(ws))] }

// word picks a word with roughly the mix of word classes in prose.
func (t *textGen) word() string {
	switch x := t.r.IntN(100); {
	case x < 42:
		return pick(t.r, t.v.function)
	case x < 72:
		return pick(t.r, t.v.nouns)
	case x < 86:
		return pick(t.r, t.v.verbs)
	case x < 96:
		return pick(t.r, t.v.adjectives)
	default:
		return pick(t.r, t.v.adverbs)
	}
}

// phrase is a few words without punctuation.
func (t *textGen) phrase(lo, hi int) []string {
	n := lo + t.r.IntN(hi-lo+1)
	out := make([]string, 0, n)
	for len(out) < n {
		w := t.word()
		if len(out) > 0 && out[len(out)-1] == w {
			continue
		}
		out = append(out, w)
	}
	return out
}

// sentence is a capitalised sentence of lo-hi words with punctuation.
func (t *textGen) sentence(lo, hi int) string {
	return strings.Join(t.punctuate(t.phrase(lo, hi)), " ")
}

// richSentence is like sentence, but may hold **emphasis** or *italics*,
// and is returned as tokens.
func (t *textGen) richSentence(lo, hi int) []string {
	ws := t.phrase(lo, hi)
	if t.r.IntN(6) == 0 && len(ws) > 2 {
		i := 1 + t.r.IntN(len(ws)-2)
		j := min(len(ws)-1, i+t.r.IntN(2))
		mark := "**"
		if t.r.IntN(2) == 0 {
			mark = "*"
		}
		ws[i] = mark + ws[i]
		ws[j] = ws[j] + mark
	}
	return t.punctuate(ws)
}

func (t *textGen) punctuate(ws []string) []string {
	ws[0] = capitalize(ws[0])
	for i := 2; i < len(ws)-2; i++ {
		if t.r.IntN(12) == 0 && !strings.HasSuffix(ws[i], ",") {
			ws[i] += ","
			i += 2
		}
	}
	end := "."
	switch x := t.r.IntN(40); {
	case x == 0:
		end = "!"
	case x < 3:
		end = "?"
	}
	ws[len(ws)-1] += end
	return ws
}

func (t *textGen) title() string {
	tpl := pick(t.r, t.v.titleTemplates)
	var b strings.Builder
	for i := 0; i < len(tpl); i++ {
		if tpl[i] == '%' && i+1 < len(tpl) {
			switch tpl[i+1] {
			case 'N':
				b.WriteString(pick(t.r, t.v.nouns))
			case 'A':
				b.WriteString(pick(t.r, t.v.adjectives))
			case 'V':
				b.WriteString(pick(t.r, t.v.verbs))
			}
			i++
			continue
		}
		b.WriteByte(tpl[i])
	}
	return capitalize(b.String())
}

// heading is a short heading of words and spaces only.
func (t *textGen) heading() string {
	if t.r.IntN(2) == 0 {
		return t.title()
	}
	ws := []string{pick(t.r, t.v.adjectives), pick(t.r, t.v.nouns)}
	if t.r.IntN(2) == 0 {
		ws = append(ws, pick(t.r, t.v.function), pick(t.r, t.v.nouns))
	}
	return capitalize(strings.Join(ws, " "))
}

// ---------------------------------------------------------------- helpers

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// asciify turns text into a lowercase ASCII name: æ->ae, ø->oe, å->aa,
// other characters that are not letters or digits to "-", runs of "-"
// collapsed and trimmed.
func asciify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		var rep string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			rep = string(r)
		case r == 'æ':
			rep = "ae"
		case r == 'ø':
			rep = "oe"
		case r == 'å':
			rep = "aa"
		case r == 'é' || r == 'è':
			rep = "e"
		default:
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(rep)
	}
	return b.String()
}

// headingID is a heading's id: lowercase, æ->ae ø->oe å->aa, other
// non-alphanumerics to "-", repeats collapsed, "-" trimmed. Only used on
// ASCII headings of words and single spaces, where it matches the ids of
// sitegen, GitHub and Hugo.
func headingID(h string) string { return asciify(h) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// yamlQuote writes s as a double-quoted YAML string.
func yamlQuote(s string) string {
	return strconv.Quote(s) // the generated text is plain: no control characters
}

func itoa(n int) string { return strconv.Itoa(n) }

func pad3(n int) string { return fmt.Sprintf("%03d", n) }
