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

// GFM task lists ("- [ ] item", "- [x] done") become lists with marks,
// not checkboxes: a checkbox that cannot be ticked looks as if it could,
// and a screen reader announces a form control that does nothing. goldmark's
// task list parser finds the items; the markup is our own. Each item says
// its state in words for screen readers, before its text, in the page's
// language (the UI strings task_done and task_todo, Options.UI), and its
// class lets the theme draw the mark where the bullet would be:
//
//	<ul class="task-list">
//	<li class="task-list-item task-list-item--done"><span class="visually-hidden">Udført:</span> Ring til kommunen</li>
//	<li class="task-list-item task-list-item--todo"><span class="visually-hidden">Ikke udført:</span> Skriv klagen</li>
//	</ul>
//
// The words are hidden by the theme's class visually-hidden, so with CSS
// off they are shown. A list with some task items and some plain ones
// keeps the bullets of the plain ones.
type taskList struct{}

func (taskList) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(extension.NewTaskCheckBoxParser(), 0)))
}

// kindTaskMark is the kind of taskMark nodes.
var kindTaskMark = ast.NewNodeKind("TaskMark")

// A taskMark stands where a task's "[ ]" or "[x]" was: the state in words.
type taskMark struct {
	ast.BaseInline
	done bool
}

func (n *taskMark) Kind() ast.NodeKind { return kindTaskMark }
func (n *taskMark) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Done": map[bool]string{true: "yes", false: "no"}[n.done]}, nil)
}

// tasks replaces the checkboxes of task list items by their marks and
// classes their items and lists.
func (w *walker) tasks(boxes []*east.TaskCheckBox) {
	for _, cb := range boxes {
		block := cb.Parent()
		item := block.Parent()
		state, id := "todo", IDTaskTodo
		if cb.IsChecked {
			state, id = "done", IDTaskDone
		}
		item.SetAttributeString("class", []byte("task-list-item task-list-item--"+state))
		if list := item.Parent(); list != nil {
			list.SetAttributeString("class", []byte("task-list"))
		}
		block.ReplaceChild(block, cb, &taskMark{done: cb.IsChecked})
		if visibleText(block, w.src) == "" {
			w.problems = append(w.problems, Problem{Line: w.line(block), Warning: true,
				Msg: "task list item without text: write what is to be done after the [ ]"})
		}
		w.needUI(id, w.line(block))
	}
}

type taskRenderer struct{ c *Converter }

func (r taskRenderer) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(r, 100)))
}

func (r taskRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTaskMark, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			id := IDTaskTodo
			if n.(*taskMark).done {
				id = IDTaskDone
			}
			_, _ = w.WriteString(`<span class="visually-hidden">`)
			_, _ = w.Write(util.EscapeHTML([]byte(r.c.ui[id])))
			_, _ = w.WriteString(`</span> `)
		}
		return ast.WalkContinue, nil
	})
}
