package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// GFM task lists ("- [ ] item", "- [x] done") become read-only
// checkboxes. goldmark's task list parser finds them; the markup is our
// own, so that each checkbox has an accessible name: the item's first
// paragraph is the checkbox's <label>, which holds the checkbox too, so
// no id is needed:
//
//	<ul class="task-list">
//	<li class="task-list-item"><label><input type="checkbox" disabled checked> Item</label></li>
//
// The checkbox is disabled, as GitHub renders it: the page shows a state
// and has no form to submit. The classes let the theme drop the bullets.
type taskList struct{}

func (taskList) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(extension.NewTaskCheckBoxParser(), 0)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(taskRenderer{}, 100)))
}

// kindTaskLabel is the kind of taskLabel nodes.
var kindTaskLabel = ast.NewNodeKind("TaskLabel")

// A taskLabel holds a task's checkbox and the inline content after it.
type taskLabel struct{ ast.BaseInline }

func (n *taskLabel) Kind() ast.NodeKind            { return kindTaskLabel }
func (n *taskLabel) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// tasks labels the checkboxes of task list items and classes their lists.
func (w *walker) tasks(boxes []*east.TaskCheckBox) {
	for _, cb := range boxes {
		block := cb.Parent()
		item := block.Parent()
		item.SetAttributeString("class", []byte("task-list-item"))
		if list := item.Parent(); list != nil {
			list.SetAttributeString("class", []byte("task-list"))
		}
		label := &taskLabel{}
		for c := block.FirstChild(); c != nil; {
			next := c.NextSibling()
			label.AppendChild(label, c)
			c = next
		}
		block.AppendChild(block, label)
		if visibleText(label, w.src) == "" {
			w.problems = append(w.problems, Problem{Line: w.line(block), Warning: true,
				Msg: "task list item without text: write what is to be done after the [ ], so that the checkbox has a name"})
		}
	}
}

type taskRenderer struct{}

func (taskRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if n.(*east.TaskCheckBox).IsChecked {
				_, _ = w.WriteString(`<input type="checkbox" disabled checked> `)
			} else {
				_, _ = w.WriteString(`<input type="checkbox" disabled> `)
			}
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindTaskLabel, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<label>")
		} else {
			_, _ = w.WriteString("</label>")
		}
		return ast.WalkContinue, nil
	})
}
