package build_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// fullDisk is an Output that takes a few files, then fails every write
// as a full disk does.
type fullDisk struct{ n, calls atomic.Int32 }

func (f *fullDisk) Write(name string, data []byte) error {
	f.calls.Add(1)
	if f.n.Add(1) > 5 {
		return fmt.Errorf("writing the new build of public failed at %s: %w", name, syscall.ENOSPC)
	}
	return nil
}

// TestOutputFailsOnce: an Output that fails (a full disk) is one error,
// not one for each file after it, and the build stops writing (issue 23:
// a full disk printed 6,518 lines). With KeepGoing, as sitegen build
// runs, too.
func TestOutputFailsOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString(hostileConfig + "-- content/da/_index.md --\n" + page("Forside", ""))
	b.WriteString("-- static/a.txt --\na\n-- static/b.txt --\nb\n-- content/da/brev.pdf --\n%PDF\n")
	for i := range 200 {
		fmt.Fprintf(&b, "-- content/da/side-%03d.md --\n%s", i, page(fmt.Sprintf("Side %d", i), "Tekst."))
	}
	for _, keepGoing := range []bool{false, true} {
		out := &fullDisk{}
		_, err := build.Build(sitetest.FS(t, []byte(b.String())), build.Options{Defaults: theme.FS(), KeepGoing: keepGoing}, out)
		l, _ := err.(diag.List)
		if len(l) != 1 || !strings.HasPrefix(l[0].String(), "writing the new build of public failed at ") || !strings.HasSuffix(l[0].String(), ": no space left on device") {
			t.Errorf("KeepGoing %v: %d errors:\n%v", keepGoing, len(l), err)
		}
		// Writes already under way when the first failed may fail too.
		if n := int(out.calls.Load()); n > 6+runtime.GOMAXPROCS(0) {
			t.Errorf("KeepGoing %v: %d writes: the build went on writing after the disk was full", keepGoing, n)
		}
	}
}
