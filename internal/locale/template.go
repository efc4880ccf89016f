package locale

import (
	"fmt"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"
)

// Args are the names of the arguments a UI string may show, each written
// {{.Name}}: .Count, the number that also picks the plural form, and the
// named arguments the layouts give: .Date (a formatted date), .Day, .Month
// and .Year (the parts of the date pattern "date"), .Language (a
// language's name), .Number, .Page, .Section, .Term and .Total. A UI string
// is text for translators, not a template: anything else between {{ and }}
// is an error when the strings are loaded (checkForm).
var Args = []string{"Count", "Date", "Day", "Language", "Month", "Number", "Page", "Section", "Term", "Total", "Year"}

// argList is Args as an error lists them.
func argList() string {
	var b strings.Builder
	for i, a := range Args {
		switch {
		case i == len(Args)-1:
			b.WriteString(" and ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString("{{." + a + "}}")
	}
	return b.String()
}

// checkForm says what is wrong with one form of message id, or "": it
// must parse as a Go template, and hold nothing but text and arguments
// from Args, each as {{.Name}}. go-i18n runs a message with {{ as a
// template, so without this a misspelt argument showed as "<no value>"
// and a {{template}}, {{range}} or function call ran, with no error.
func checkForm(id, form string) string {
	if !strings.Contains(form, "{{") {
		return ""
	}
	t, err := template.New(id).Parse(form)
	if err != nil {
		return strings.TrimPrefix(err.Error(), "template: "+id+":")
	}
	if len(t.Templates()) > 1 {
		return "{{define}} is not allowed in a UI string: it may show only its arguments, " + argList()
	}
	if t.Tree == nil {
		return ""
	}
	for _, n := range t.Tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
		case *parse.ActionNode:
			name, ok := argName(n)
			switch {
			case !ok:
				return fmt.Sprintf("%s is not allowed in a UI string: it may show only its arguments, %s", n, argList())
			case !slices.Contains(Args, name):
				return fmt.Sprintf("%s: no layout gives a UI string an argument %s; the arguments are %s", n, name, argList())
			}
		default:
			return fmt.Sprintf("%s is not allowed in a UI string: it may show only its arguments, %s", n, argList())
		}
	}
	return ""
}

// argName returns the name of the argument an action shows, when it is
// nothing but {{.Name}}.
func argName(n *parse.ActionNode) (string, bool) {
	p := n.Pipe
	if p == nil || p.IsAssign || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// argsOf returns the arguments a message's forms show, sorted, for a
// message checkForm passed.
func argsOf(forms ...string) []string {
	var names []string
	for _, form := range forms {
		if !strings.Contains(form, "{{") {
			continue
		}
		t, err := template.New("").Parse(form)
		if err != nil || t.Tree == nil {
			continue
		}
		for _, n := range t.Tree.Root.Nodes {
			if a, ok := n.(*parse.ActionNode); ok {
				if name, ok := argName(a); ok {
					names = append(names, name)
				}
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}
