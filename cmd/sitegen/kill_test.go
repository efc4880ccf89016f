package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
)

// TestKilledBuild kills sitegen build at random moments and checks that
// public/ always holds one complete build, the old or the new, and that
// the next build leaves no temporary folders behind.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary and a corpus")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "sitegen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := filepath.Join(tmp, "site")
	if _, err := corpus.Write(site, 300, 7, false); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(site, "public")
	build := func() time.Duration {
		start := time.Now()
		if out, err := exec.Command(bin, "build", "-src", site).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
		return time.Since(start)
	}
	build()
	old := snapshot(public)
	// The new build differs from the old one in a page.
	home := filepath.Join(site, "content", "da", "_index.md")
	data, _ := os.ReadFile(home)
	os.WriteFile(home, []byte(strings.Replace(string(data), "\n---\n", "\n---\nNy første linje.\n\n", 1)), 0o644)
	took := build()
	next := snapshot(public)
	if next == old {
		t.Fatal("the edit did not change the output")
	}
	os.WriteFile(home, data, 0o644) // back to the old content: builds now give old
	build()
	if snapshot(public) != old {
		t.Fatal("rebuilding the old content did not give the old output")
	}
	os.WriteFile(home, []byte(strings.Replace(string(data), "\n---\n", "\n---\nNy første linje.\n\n", 1)), 0o644)

	rng := rand.New(rand.NewPCG(1, 2))
	kills := 0
	for i := range 25 {
		cmd := exec.Command(bin, "build", "-src", site)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(took + took/2))))
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			kills++
		}
		cmd.Wait()
		got := snapshot(public)
		if got != old && got != next {
			t.Fatalf("kill %d: public/ is neither the old nor the new build", i)
		}
		if got == next {
			// It finished; go back to the old output for the next round.
			os.WriteFile(home, data, 0o644)
			build()
			os.WriteFile(home, []byte(strings.Replace(string(data), "\n---\n", "\n---\nNy første linje.\n\n", 1)), 0o644)
		}
	}
	build()
	if snapshot(public) != next {
		t.Error("the last build is not the new output")
	}
	entries, _ := os.ReadDir(site)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			t.Errorf("temporary folder %s left after a complete build", e.Name())
		}
	}
	t.Logf("%d builds killed at random moments within %v", kills, took+took/2)
}
