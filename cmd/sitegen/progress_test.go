package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
	"github.com/udenmitid/sitegen/internal/progress"
)

// TestProgressLine runs build and check with their errors to a real
// terminal (a pseudo-terminal) and to a pipe: the progress line is on the
// terminal, rewritten in place and erased before the summary, and absent
// from the pipe. (The line's delay is shortened: a test site builds in
// less than the second a person waits before it shows.)
func TestProgressLine(t *testing.T) {
	old := progress.Delay
	progress.Delay = 0
	defer func() { progress.Delay = old }()
	site := filepath.Join(t.TempDir(), "site")
	if _, err := corpus.Write(site, 60, 3, false); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"build", "check"} {
		verb := map[string]string{"build": "building: ", "check": "checking: "}[cmd]
		t.Run(cmd+" on a terminal", func(t *testing.T) {
			ptmx, tty, err := pty.Open()
			if err != nil {
				t.Skipf("no pseudo-terminal: %v", err)
			}
			var mu sync.Mutex
			var screen bytes.Buffer
			done := make(chan struct{})
			go func() {
				defer close(done)
				buf := make([]byte, 4096)
				for {
					n, err := ptmx.Read(buf)
					mu.Lock()
					screen.Write(buf[:n])
					mu.Unlock()
					if err != nil {
						return
					}
				}
			}()
			var stdout bytes.Buffer
			code := run([]string{cmd, "-src", site}, &stdout, tty)
			time.Sleep(50 * time.Millisecond) // let the reader drain the terminal
			tty.Close()
			ptmx.Close()
			<-done
			if code != 0 && cmd == "build" {
				t.Fatalf("exit %d", code)
			}
			out := screen.String()
			if !strings.Contains(out, "\r"+verb+"read ") || !strings.Contains(out, " pages, wrote ") {
				t.Fatalf("no progress line on the terminal: %q", out)
			}
			// The last state of the line, then spaces over it, back at
			// the start of the line for what follows.
			last := regexp.MustCompile(`\r(`+verb+`[^\r\n]*)\r( *)\r`).FindAllStringSubmatch(out, -1)
			if len(last) == 0 || strings.Contains(out[strings.LastIndex(out, last[len(last)-1][0])+len(last[len(last)-1][0]):], verb) {
				t.Fatalf("the line was not erased at the end: %q", out)
			}
			if l := last[len(last)-1]; len(l[2]) < len(l[1]) {
				t.Errorf("%d spaces do not cover %q", len(l[2]), l[1])
			}
			if strings.Contains(stdout.String(), verb) {
				t.Errorf("progress on stdout: %q", stdout.String())
			}
		})
		t.Run(cmd+" to a pipe", func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			var stdout bytes.Buffer
			var piped []byte
			read := make(chan struct{})
			go func() { piped, _ = io.ReadAll(r); close(read) }()
			run([]string{cmd, "-src", site}, &stdout, w)
			w.Close()
			<-read
			if bytes.Contains(piped, []byte(verb)) || bytes.Contains(piped, []byte("\r")) {
				t.Errorf("progress written to a pipe: %q", piped)
			}
		})
	}
}
