package xliff

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A node is an XML element, read without regard to its namespace: tools
// write XLIFF 1.2 elements in the 1.1 namespace, or none (po2xliff -t
// does).
type node struct {
	name     string
	attrs    map[string]string
	children []any // string or *node
}

func (n *node) attr(name string) string { return n.attrs[name] }

// child returns the first child element named name, or nil.
func (n *node) child(name string) *node {
	for _, c := range n.children {
		if e, ok := c.(*node); ok && e.name == name {
			return e
		}
	}
	return nil
}

// all returns the elements named name below n, in document order, not
// looking inside those found.
func (n *node) all(name string) []*node {
	var out []*node
	for _, c := range n.children {
		e, ok := c.(*node)
		if !ok {
			continue
		}
		if e.name == name {
			out = append(out, e)
		} else {
			out = append(out, e.all(name)...)
		}
	}
	return out
}

// text returns the text of n and its descendants.
func (n *node) text() string {
	var b strings.Builder
	for _, c := range n.children {
		switch c := c.(type) {
		case string:
			b.WriteString(c)
		case *node:
			b.WriteString(c.text())
		}
	}
	return b.String()
}

// maxDepth bounds the nesting of elements read: a real XLIFF file nests
// a few levels.
const maxDepth = 100

// parseXML reads an XML document into nodes. A DOCTYPE is refused: an
// XLIFF file needs none, and its entities could expand without bound.
func parseXML(data []byte) (*node, error) {
	d := xml.NewDecoder(strings.NewReader(string(data)))
	d.Strict = true
	root := &node{name: "#document"}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxDepth {
				return nil, errors.New("elements nest too deep")
			}
			n := &node{name: t.Name.Local, attrs: map[string]string{}}
			for _, a := range t.Attr {
				if a.Name.Space == "" || a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace" {
					key := a.Name.Local
					if a.Name.Space != "" {
						key = "xml:" + key
					}
					n.attrs[key] = a.Value
				}
			}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.children = append(top.children, string(t))
		case xml.Directive:
			return nil, errors.New("a DOCTYPE or other declaration: XLIFF needs none")
		}
	}
	if len(stack) != 1 {
		return nil, errors.New("the document is not closed")
	}
	return root, nil
}

// An xunit is a trans-unit as read.
type xunit struct {
	id       string
	approved bool
	state    string // of its target
	source   *node
	target   *node // nil without a target element
	poRef    string
}

// An xfile is a <file> as read.
type xfile struct {
	original string
	skeleton string
	units    []xunit
}

// readXLIFF reads the files and trans-units of an XLIFF document.
func readXLIFF(data []byte) ([]xfile, error) {
	root, err := parseXML(data)
	if err != nil {
		return nil, fmt.Errorf("not well-formed XML: %v", err)
	}
	x := root.child("xliff")
	if x == nil {
		return nil, errors.New("not XLIFF: the document is not an <xliff> element")
	}
	if v := x.attr("version"); v != "1.2" && v != "1.1" && v != "1.0" {
		return nil, fmt.Errorf("XLIFF version %q: sitegen reads XLIFF 1.2", v)
	}
	var files []xfile
	for _, f := range x.all("file") {
		xf := xfile{original: f.attr("original")}
		if h := f.child("header"); h != nil {
			if skl := h.child("skl"); skl != nil {
				if in := skl.child("internal-file"); in != nil {
					xf.skeleton = in.text()
				}
			}
		}
		body := f.child("body")
		if body == nil {
			continue
		}
		for _, tu := range body.all("trans-unit") {
			u := xunit{id: tu.attr("id"), approved: tu.attr("approved") == "yes", source: tu.child("source"), target: tu.child("target")}
			if u.target != nil {
				u.state = u.target.attr("state")
			}
			for _, cg := range tu.all("context-group") {
				if cg.attr("name") != "po-reference" {
					continue
				}
				for _, c := range cg.all("context") {
					if c.attr("context-type") == "sourcefile" {
						u.poRef = strings.TrimSpace(c.text())
					}
				}
			}
			xf.units = append(xf.units, u)
		}
		files = append(files, xf)
	}
	if len(files) == 0 {
		return nil, errors.New("no <file> with a <body> in it")
	}
	return files, nil
}
