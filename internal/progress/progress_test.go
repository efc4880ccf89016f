package progress

import (
	"bytes"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// terminal opens a pseudo-terminal and collects what is written to it.
func terminal(t *testing.T) (tty *os.File, output func() string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 200}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var buf bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		b := make([]byte, 4096)
		for {
			n, err := ptmx.Read(b)
			mu.Lock()
			buf.Write(b[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		tty.Close()
		ptmx.Close()
		<-done
	})
	return tty, func() string {
		mu.Lock()
		defer mu.Unlock()
		return buf.String()
	}
}

func shortDelay(t *testing.T, d time.Duration) {
	old := Delay
	Delay = d
	t.Cleanup(func() { Delay = old })
}

// waitFor polls cond for up to 5 seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestTerminal: on a terminal the line appears after Delay, is rewritten
// in place with carriage returns (never a newline), follows the counts,
// and is erased by stop.
func TestTerminal(t *testing.T) {
	shortDelay(t, 50*time.Millisecond)
	tty, output := terminal(t)
	var c Counts
	c.Files.Store(10)
	c.Read.Store(3)
	stop := Show(tty, "building", &c)
	waitFor(t, func() bool {
		return strings.Contains(output(), "building: read 3/10 files, converted 0 pages, wrote 0 pages")
	})
	c.Read.Store(10)
	c.Converted.Store(7)
	c.Pages.Store(30)
	c.Written.Store(12)
	waitFor(t, func() bool {
		return strings.Contains(output(), "\rbuilding: read 10/10 files, converted 7 pages, wrote 12/30 pages")
	})
	stop()
	stop() // a second call does nothing
	out := output()
	waitFor(t, func() bool { out = output(); return strings.HasSuffix(out, "\r") })
	if strings.Contains(out, "\n") {
		t.Errorf("the line has a newline: %q", out)
	}
	last := out[strings.LastIndex(out[:len(out)-1], "\r")+1:]
	if strings.TrimSpace(last) != "" {
		t.Errorf("stop did not erase the line; it ends %q", last)
	}
}

// TestQuickWork: work that ends before Delay shows nothing, even on a
// terminal.
func TestQuickWork(t *testing.T) {
	shortDelay(t, time.Hour)
	tty, output := terminal(t)
	var c Counts
	stop := Show(tty, "building", &c)
	c.Read.Add(1)
	stop()
	time.Sleep(50 * time.Millisecond)
	if out := output(); out != "" {
		t.Errorf("wrote %q", out)
	}
}

// TestNotTerminal: to a pipe or any other writer, nothing is written.
func TestNotTerminal(t *testing.T) {
	shortDelay(t, 0)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var c Counts
	c.Read.Store(5)
	stop := Show(w, "building", &c)
	time.Sleep(3 * interval)
	stop()
	w.Close()
	if data, _ := io.ReadAll(r); len(data) > 0 {
		t.Errorf("wrote %q to a pipe", data)
	}
	var buf bytes.Buffer
	stop = Show(&buf, "building", &c)
	time.Sleep(3 * interval)
	stop()
	if buf.Len() > 0 {
		t.Errorf("wrote %q to a buffer", buf.String())
	}
}

// TestNarrowTerminal: the line is cut to the terminal's width, so it
// never wraps onto a second line that a carriage return cannot reach.
func TestNarrowTerminal(t *testing.T) {
	shortDelay(t, 0)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 30}); err != nil {
		t.Fatal(err)
	}
	l := &line{f: tty}
	var c Counts
	c.Files.Store(21069)
	l.show("building: " + c.String())
	buf := make([]byte, 256)
	n, _ := ptmx.Read(buf)
	if got := string(buf[:n]); got != "\rbuilding: read 0/21069 files," {
		t.Errorf("got %q", got)
	}
}
