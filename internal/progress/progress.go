// Package progress shows how far a long build has come: on a terminal,
// once the work has taken longer than Delay, one line that is rewritten in
// place a few times a second,
//
//	building: read 12408/21069 files, converted 9120 pages, wrote 6033/30005 pages
//
// and erased when the work is done, so the summary that follows stands
// alone. When the output is not a terminal (a pipe, a file, a CI log)
// nothing at all is written.
//
// The build counts its work in a Counts as it goes, from many goroutines;
// Show reads the counts. The line uses only a carriage return and spaces,
// so it works on any terminal, and it is cut to the terminal's width so
// it never wraps.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"
)

// Counts is the work of one build so far. The build adds to it; any
// goroutine may read it at any time. Totals are 0 until they are known.
type Counts struct {
	Files     atomic.Int64 // content files found (total)
	Read      atomic.Int64 // content files read
	Converted atomic.Int64 // pages converted from Markdown
	Pages     atomic.Int64 // pages to write (total)
	Written   atomic.Int64 // pages written
}

// String is the line Show writes, without the verb.
func (c *Counts) String() string {
	return fmt.Sprintf("read %s files, converted %d pages, wrote %s pages",
		ofTotal(c.Read.Load(), c.Files.Load()), c.Converted.Load(), ofTotal(c.Written.Load(), c.Pages.Load()))
}

func ofTotal(n, total int64) string {
	if total > 0 {
		return fmt.Sprintf("%d/%d", n, total)
	}
	return fmt.Sprint(n)
}

// Delay is how long the work runs before the line appears: short work
// shows nothing. It is a variable so that tests can shorten it.
var Delay = time.Second

// interval is how often the line is rewritten.
const interval = 200 * time.Millisecond

// Show starts showing "verb: counts" on w, if w is a terminal, after
// Delay, until the returned stop function is called. stop erases the line
// and returns once nothing more will be written; call it before writing
// anything else to w. When w is not a terminal, Show writes nothing and
// stop does nothing.
func Show(w io.Writer, verb string, c *Counts) (stop func()) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		l := &line{f: f}
		timer := time.NewTimer(Delay)
		defer timer.Stop()
		select {
		case <-done:
			return
		case <-timer.C:
		}
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			l.show(verb + ": " + c.String())
			select {
			case <-done:
				l.clear()
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			<-finished
		})
	}
}

// A line is the one line being rewritten on a terminal.
type line struct {
	f     *os.File
	shown int // runes on the line now
}

// show replaces the line with text, cut to the terminal's width.
func (l *line) show(text string) {
	width := 80
	if w, _, err := term.GetSize(int(l.f.Fd())); err == nil && w > 0 {
		width = w
	}
	runes := []rune(text)
	if len(runes) > width-1 {
		runes = runes[:width-1] // the last column would wrap on some terminals
	}
	pad := max(l.shown-len(runes), 0)
	fmt.Fprintf(l.f, "\r%s%s", string(runes), strings.Repeat(" ", pad))
	if pad > 0 {
		fmt.Fprintf(l.f, "\r%s", string(runes))
	}
	l.shown = len(runes)
}

// clear erases the line and leaves the cursor at its start.
func (l *line) clear() {
	if l.shown > 0 {
		fmt.Fprintf(l.f, "\r%s\r", strings.Repeat(" ", l.shown))
	}
	l.shown = 0
}
