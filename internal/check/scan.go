package check

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// A scan is what the link check needs of one output HTML file: the ids it
// defines and the URLs it refers to. It is made as the build writes the
// file, so that no rendered page stays in memory, nor its parsed tree.
// Its strings are numbers in a table every page shares: a layout puts the
// same links and ids on every page.
type scan struct {
	tab   *table
	ids   []uint32 // sorted, without duplicates
	refs  []uint32 // the URLs, in order, without duplicates
	addrs []uint32 // placeholder e-mail addresses in the text (emailsIn), in order, without duplicates
}

func (s *scan) hasID(id string) bool {
	n, ok := s.tab.number(id)
	if !ok {
		return false
	}
	_, ok = slices.BinarySearch(s.ids, n)
	return ok
}

// urls returns the URLs, in order, without duplicates.
func (s *scan) urls() []string { return s.strs(s.refs) }

// addresses returns the placeholder e-mail addresses in the page's text
// outside code, in order, without duplicates.
func (s *scan) addresses() []string { return s.strs(s.addrs) }

func (s *scan) strs(ns []uint32) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = s.tab.str(n)
	}
	return out
}

// A table numbers strings; it is safe for concurrent use.
type table struct {
	mu   sync.RWMutex
	nums map[string]uint32
	strs []string
}

func newTable() *table { return &table{nums: map[string]uint32{}} }

// numbers returns the number of each string, adding the new ones.
func (t *table) numbers(list []string) []uint32 {
	out := make([]uint32, len(list))
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, s := range list {
		n, ok := t.nums[s]
		if !ok {
			n = uint32(len(t.strs))
			t.nums[s] = n
			t.strs = append(t.strs, s)
		}
		out[i] = n
	}
	return out
}

func (t *table) number(s string) (uint32, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	n, ok := t.nums[s]
	return n, ok
}

func (t *table) str(n uint32) string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.strs[n]
}

// scanHTML reads the ids and the URLs of a page: the ids and the Refs'
// URLs that ParseHTML finds, as a set; and the placeholder e-mail
// addresses in its text outside code (Doc.Addresses).
//
// It reads the page's tokens, without building the tree, which takes
// four times as long. The tree differs from the tokens only where the
// HTML parsing algorithm drops or rewrites a start tag (a second <head>,
// a table cell outside a table, a table or a form in another, anything
// in <select> or <frameset>, MathML, SVG other than an icon's shapes,
// <image>): a page with any of those is read with ParseHTML instead.
// FuzzScan holds the two to the same result.
func scanHTML(data []byte, tab *table) (*scan, error) {
	ids, urls, addrs, ok, err := tokenScan(data)
	if err != nil {
		return nil, err
	}
	if !ok {
		ids, urls, addrs, err = treeScan(data)
		if err != nil {
			return nil, err
		}
	}
	s := &scan{tab: tab, ids: tab.numbers(ids), refs: tab.numbers(once(urls)), addrs: tab.numbers(once(addrs))}
	slices.Sort(s.ids)
	s.ids = slices.Clip(slices.Compact(s.ids))
	return s, nil
}

// once returns list without its repeats, in order.
func once(list []string) []string {
	seen := make(map[string]bool, len(list))
	var out []string
	for _, u := range list {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// treeScan reads ids, URLs and addresses with ParseHTML.
func treeScan(data []byte) (ids, urls, addrs []string, err error) {
	d, err := ParseHTML(data)
	if err != nil {
		return nil, nil, nil, err
	}
	for id := range d.IDs {
		ids = append(ids, id)
	}
	for _, r := range d.Refs {
		urls = append(urls, r.URL)
	}
	return ids, urls, d.Addresses, nil
}

// tokenScan reads ids, URLs and addresses from the tokens, as Doc.element
// does from the elements. ok is false when the page holds a start tag that
// tree construction may drop, move into other rules or rewrite (see
// scanHTML).
func tokenScan(data []byte) (ids, urls, addrs []string, ok bool, err error) {
	z := html.NewTokenizer(bytes.NewReader(data))
	seen := map[string]bool{} // <html>, <head> and <body>: a second one is dropped or merged into the first
	started := false          // anything but a doctype, comments, spaces and <html>: a <head> after it is dropped
	tables, forms := 0, 0     // open <table> and <form> elements
	svg := 0                  // open <svg> elements
	code := 0                 // open elements of codeElements: their text is no contact
	var attrs [][2][]byte
	for {
		z.AllowCDATA(svg > 0)
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if errors.Is(z.Err(), io.EOF) {
				return ids, urls, addrs, true, nil
			}
			return nil, nil, nil, false, z.Err()
		case html.EndTagToken:
			name, _ := z.TagName()
			if svg > 0 {
				switch string(name) {
				case "svg":
					svg--
				default:
					if !svgShapes[string(name)] {
						return nil, nil, nil, false, nil // may close HTML elements around the <svg>
					}
				}
				continue
			}
			switch string(name) {
			case "table":
				tables = max(0, tables-1)
			case "form":
				forms = max(0, forms-1)
			}
			if codeElements[string(name)] {
				code = max(0, code-1)
			}
			continue
		case html.StartTagToken, html.SelfClosingTagToken:
		case html.TextToken:
			raw := z.Raw()
			if len(bytes.TrimLeft(raw, " \t\n\f\r")) > 0 {
				started = true
			}
			if code == 0 && bytes.IndexByte(raw, '@') >= 0 {
				addrs = append(addrs, emailsIn(string(z.Text()))...)
			}
			continue
		default:
			continue
		}
		name, more := z.TagName()
		tag := string(name)
		if svg > 0 && !svgShapes[tag] {
			return nil, nil, nil, false, nil // other rules in SVG (a <title> is not raw text there) or out of it
		}
		if tag == "head" && started {
			return nil, nil, nil, false, nil
		}
		if tag != "html" {
			started = true
		}
		if codeElements[tag] && tt == html.StartTagToken {
			code++
		}
		switch tag {
		case "html", "head", "body":
			if seen[tag] {
				return nil, nil, nil, false, nil
			}
			seen[tag] = true
		case "table":
			if tables > 0 {
				return nil, nil, nil, false, nil // closes the open one, or is dropped
			}
			tables++ // also <table/>: HTML elements ignore the slash
		case "form":
			if forms > 0 {
				return nil, nil, nil, false, nil // dropped in an open form
			}
			forms++
		case "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr":
			if tables == 0 {
				return nil, nil, nil, false, nil // dropped outside a table
			}
		case "svg":
			if tt == html.StartTagToken {
				svg++
			}
		case "select", "frameset", "frame", "math", "image", "template", "plaintext":
			return nil, nil, nil, false, nil
		}
		attrs = attrs[:0]
		for more {
			var k, v []byte
			k, v, more = z.TagAttr() // valid until the next token: only what is kept is copied
			attrs = append(attrs, [2][]byte{k, v})
		}
		attr := func(key string) string {
			for _, a := range attrs {
				if string(a[0]) == key {
					return string(a[1])
				}
			}
			return ""
		}
		for _, a := range attrs {
			if string(a[0]) == "id" {
				ids = append(ids, string(a[1]))
			}
		}
		switch tag {
		case "a":
			if href := attr("href"); href != "" {
				urls = append(urls, href)
			}
			if n := attr("name"); n != "" {
				ids = append(ids, n)
			}
		case "link":
			urls = append(urls, attr("href"))
		case "img", "script", "iframe", "source", "audio", "video":
			if src := attr("src"); src != "" {
				urls = append(urls, src)
			}
		case "form":
			if action := attr("action"); action != "" {
				urls = append(urls, action)
			}
		case "meta":
			if strings.EqualFold(attr("http-equiv"), "refresh") {
				if _, u, found := strings.Cut(attr("content"), "url="); found {
					urls = append(urls, u)
				}
			}
		}
	}
}

// svgShapes are the SVG elements an icon is drawn with, which tokens and
// tree read alike; any other start or end tag in an <svg> has the page
// parsed (see scanHTML).
var svgShapes = map[string]bool{
	"circle": true, "ellipse": true, "g": true, "line": true, "path": true, "polygon": true,
	"polyline": true, "rect": true, "use": true, "defs": true, "symbol": true, "stop": true,
	"lineargradient": true, "radialgradient": true, "clippath": true, "mask": true,
}

// A recorder is the Output of a check's build: it keeps the name of every
// file and a scan of every HTML file, and drops their bytes, but for the
// few small files a check reads whole (keptFiles).
type recorder struct {
	mu    sync.Mutex
	names map[string]bool
	kept  map[string][]byte // the bytes of keptFiles, by name
	scans map[string]*scan
	errs  map[string]error // HTML files that do not parse
	tab   *table           // the scans' strings
}

func newRecorder() *recorder {
	return &recorder{names: map[string]bool{}, kept: map[string][]byte{}, scans: map[string]*scan{}, errs: map[string]error{}, tab: newTable()}
}

// keptFiles are the output files a recorder keeps the bytes of.
var keptFiles = []string{robotsFile}

// Write records a file; it is called concurrently.
func (r *recorder) Write(name string, data []byte) error {
	var s *scan
	var err error
	if strings.HasSuffix(name, ".html") {
		s, err = scanHTML(data, r.tab)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names[name] = true
	if slices.Contains(keptFiles, name) {
		r.kept[name] = bytes.Clone(data)
	}
	switch {
	case err != nil:
		r.errs[name] = err
	case s != nil:
		r.scans[name] = s
	}
	return nil
}

// remove forgets output files.
func (r *recorder) remove(names ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, n := range names {
		delete(r.names, n)
		delete(r.kept, n)
		delete(r.scans, n)
		delete(r.errs, n)
	}
}
