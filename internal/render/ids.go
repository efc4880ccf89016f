package render

import (
	"bytes"
	"maps"
	"regexp"
	"strconv"
	"text/template/parse"
)

// idAttr matches an id attribute with a literal value in a layout's text:
// id="main", id='main' or id=main. A value made by an action
// (id="{{ .X }}") is not literal and is not matched.
var idAttr = regexp.MustCompile(`(?:^|[\s"'])(?i:id)\s*=\s*(?:"([^"{}]+)"|'([^'{}]+)'|([^\s"'=<>{}` + "`" + `]+))`)

// scanIDs records the literal id attributes in a parse tree's text.
func (t *Templates) scanIDs(tree *parse.Tree, n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			t.scanIDs(tree, c)
		}
	case *parse.IfNode:
		t.scanIDs(tree, n.List)
		t.scanIDs(tree, n.ElseList)
	case *parse.RangeNode:
		t.scanIDs(tree, n.List)
		t.scanIDs(tree, n.ElseList)
	case *parse.WithNode:
		t.scanIDs(tree, n.List)
		t.scanIDs(tree, n.ElseList)
	case *parse.TextNode:
		for _, m := range idAttr.FindAllSubmatchIndex(n.Text, -1) {
			var id []byte
			for k := 2; k < len(m); k += 2 {
				if m[k] >= 0 {
					id = n.Text[m[k]:m[k+1]]
				}
			}
			if _, ok := t.ids[string(id)]; ok {
				continue
			}
			loc, _ := tree.ErrorContext(n)
			p, line := splitPos(loc)
			line += bytes.Count(n.Text[:m[0]], []byte("\n"))
			if t.theme[p] {
				t.ids[string(id)] = ThemeFile(p, line)
			} else {
				t.ids[string(id)] = p + ":" + strconv.Itoa(line)
			}
		}
	}
}

// IDs returns the ids that the layouts give elements with a literal id
// attribute, such as id="main", each with the first place that sets it
// ("layouts/base.html:20", or "the built-in theme's layouts/base.html:20"
// for a file the site does not have). Heading ids must differ from them:
// a page rendered with any layout may have these elements.
func (t *Templates) IDs() map[string]string { return maps.Clone(t.ids) }
