package markdown

import (
	"fmt"
	"strings"
)

// The UI strings the converter writes into pages (Options.UI), by id.
const (
	IDCodeLabel      = "code_label"      // the name of a block of code: "Code"
	IDFootnotesTitle = "footnotes_title" // the heading above the footnotes: "Notes"
	IDFootnoteRef    = "footnote_ref"    // a link to a footnote: "Note 1", with NumberSlot for the number
	IDFootnoteBack   = "footnote_back"   // the link from a footnote back to the text: "Back to the text"
	IDTaskDone       = "task_done"       // said before a task list item that is done: "Done:"
	IDTaskTodo       = "task_todo"       // said before one that is not: "Not done:"
)

// UIMessageIDs returns the ids of the UI strings the converter uses, other
// than the alerts' labels (AlertMessageIDs).
func UIMessageIDs() []string {
	return []string{IDCodeLabel, IDFootnotesTitle, IDFootnoteRef, IDFootnoteBack, IDTaskDone, IDTaskTodo}
}

// NumberSlot stands for the note's number in Options.UI's footnote_ref:
// the build renders the message with NumberSlot as its .Number, and the
// converter puts each note's number there.
const NumberSlot = "\x00"

// needUI reports, once per page and id, a UI string that the page needs
// and its language lacks.
func (w *walker) needUI(id string, line int) {
	if w.c.ui[id] != "" || w.uiMissing[id] {
		return
	}
	if w.uiMissing == nil {
		w.uiMissing = map[string]bool{}
	}
	w.uiMissing[id] = true
	w.problems = append(w.problems, Problem{Line: line,
		Msg: fmt.Sprintf("no UI string %s in this language, which the page needs for its %s: add it to i18n/%s.toml", id, uiUse[id], w.c.lang)})
}

// uiUse says what each UI string names, for needUI's message.
var uiUse = map[string]string{
	IDCodeLabel:      "code blocks",
	IDFootnotesTitle: "footnotes",
	IDFootnoteRef:    "footnotes",
	IDFootnoteBack:   "footnotes",
	IDTaskDone:       "task list",
	IDTaskTodo:       "task list",
}

// noteRef splits footnote_ref around the note's number: what a screen
// reader says before and after the visible number. A message without
// the number is said before it.
func noteRef(msg string) (before, after string) {
	before, after, found := strings.Cut(msg, NumberSlot)
	if !found {
		return strings.TrimSpace(msg) + " ", ""
	}
	return before, after
}
