package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/tools/txtar"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"sitegen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

var update = flag.Bool("update", false, "rewrite the files a script compares with cmp, in its archive")

// TestScripts runs the command-line scripts in testdata/script; with
// -update, the files they compare with cmp are rewritten from the output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"snapshot":  cmdSnapshot,
			"findings":  cmdFindings,
			"translate": cmdTranslate,
		},
	})
}

// translateUnit finds a trans-unit's source and target, as
// sitegen xliff export writes them.
var translateUnit = regexp.MustCompile(`(?s)(<trans-unit id="[^"]+"[^>]*>\s*<source>(.*?)</source>)(\s*<target[^>]*>.*?</target>)?`)

// cmdTranslate translates an exported XLIFF file as a translator would:
// translate FILE [OLD NEW]... gives every unit its target, or its source
// where it has none, with each OLD replaced by NEW (inline codes
// included, to break them), state final.
func cmdTranslate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args)%2 != 1 {
		ts.Fatalf("usage: translate file.xlf [old new]...")
	}
	name := ts.MkAbs(args[0])
	data, err := os.ReadFile(name)
	ts.Check(err)
	out := translateUnit.ReplaceAllStringFunc(string(data), func(m string) string {
		sm := translateUnit.FindStringSubmatch(m)
		target := sm[2]
		if t := regexp.MustCompile(`(?s)<target[^>]*>(.*)</target>`).FindStringSubmatch(sm[3]); t != nil {
			target = t[1]
		}
		for i := 1; i+1 < len(args); i += 2 {
			target = strings.ReplaceAll(target, args[i], args[i+1])
		}
		return sm[1] + "\n    <target state=\"final\">" + target + "</target>"
	})
	ts.Check(os.WriteFile(name, []byte(out), 0o644))
}

// cmdSnapshot writes a listing of a folder's files with their hashes:
// snapshot DIR FILE. Comparing two snapshots with cmp shows whether a
// folder changed by even a byte.
func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: snapshot dir file")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(snapshot(ts.MkAbs(args[0]))), 0o644))
}

// cmdFindings reads the JSON report of sitegen check and writes one line
// per finding, "severity rule place place...", to a file: findings
// REPORT FILE. It fails if a problem (the same rule and message) is
// reported twice, or a finding names a place twice.
func cmdFindings(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: findings report.json file")
	}
	var report struct {
		Version  int
		Findings []struct {
			Rule, Severity, Path, Message string
			Line                          int
			Places                        []struct {
				Path string
				Line int
			}
		}
	}
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &report))
	if report.Version != 1 {
		ts.Fatalf("version %d", report.Version)
	}
	var out strings.Builder
	seen := map[string]bool{}
	for _, f := range report.Findings {
		if seen[f.Rule+"\x00"+f.Message] {
			ts.Fatalf("reported twice: %s %s", f.Rule, f.Message)
		}
		seen[f.Rule+"\x00"+f.Message] = true
		place := func(p string, l int) string {
			if l > 0 {
				return fmt.Sprintf("%s:%d", p, l)
			}
			return p
		}
		line := []string{f.Severity, f.Rule, place(f.Path, f.Line)}
		if len(f.Places) > 0 {
			if place(f.Places[0].Path, f.Places[0].Line) != line[2] {
				ts.Fatalf("the first place of %q is not its path and line", f.Message)
			}
			for _, p := range f.Places[1:] {
				l := place(p.Path, p.Line)
				if slices.Contains(line[2:], l) {
					ts.Fatalf("%q names %s twice", f.Message, l)
				}
				line = append(line, l)
			}
		}
		fmt.Fprintln(&out, strings.Join(line, " "))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(out.String()), 0o644))
}

func snapshot(dir string) string {
	var lines []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			lines = append(lines, "error: "+err.Error())
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			lines = append(lines, rel+"/")
			return nil
		}
		data, _ := os.ReadFile(p)
		lines = append(lines, fmt.Sprintf("%s %x", rel, sha256.Sum256(data)))
		return nil
	})
	return strings.Join(lines, "\n") + "\n"
}

// TestFailedBuildLeavesOutput builds a good site into public/, then, for
// every bad-input case of the build package's tests, adds the bad files,
// builds again and checks: exit 1, every problem printed as path:line,
// and public/ byte for byte as it was.
func TestFailedBuildLeavesOutput(t *testing.T) {
	cases, err := filepath.Glob("../../internal/build/testdata/err-*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatal("no err-*.txtar cases found")
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c), ".txtar"), func(t *testing.T) {
			dir := t.TempDir()
			a, err := txtar.ParseFile(c)
			if err != nil {
				t.Fatal(err)
			}
			var bad []txtar.File
			var wantStderr string
			for _, f := range a.Files {
				switch {
				case f.Name == "want/stderr":
					wantStderr = string(f.Data)
				case strings.HasPrefix(f.Name, "want/"):
				case f.Name == "sitegen.toml" || f.Name == "content/da/_index.md":
					writeFile(t, dir, f.Name, f.Data)
				default:
					bad = append(bad, f)
				}
			}
			var stdout, stderr bytes.Buffer
			if code := run([]string{"build", "-src", dir}, &stdout, &stderr); code != 0 {
				t.Fatalf("good site: exit %d\n%s", code, stderr.String())
			}
			before := snapshot(filepath.Join(dir, "public"))
			for _, f := range bad {
				writeFile(t, dir, f.Name, f.Data)
			}
			stdout.Reset()
			stderr.Reset()
			if code := run([]string{"build", "-src", dir}, &stdout, &stderr); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			for _, line := range strings.Split(strings.TrimSpace(wantStderr), "\n") {
				if !strings.Contains(stderr.String(), line+"\n") {
					t.Errorf("stderr lacks %q; it is:\n%s", line, stderr.String())
				}
			}
			if after := snapshot(filepath.Join(dir, "public")); after != before {
				t.Errorf("public/ changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			entries, _ := os.ReadDir(dir)
			names := []string{}
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, ".public.") }) {
				t.Errorf("temporary folders left behind: %v", names)
			}
		})
	}
}

func writeFile(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExitCodes checks the exit code contract: 0 for success, 1 for a
// site with problems, 2 for a wrong command line.
func TestExitCodes(t *testing.T) {
	site := t.TempDir()
	writeFile(t, site, "sitegen.toml", []byte("base_url = \"https://example.org/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n"))
	writeFile(t, site, "content/da/_index.md", []byte("---\ntitle: Forside\ndescription: Forsiden.\n---\n"))
	broken := t.TempDir()
	writeFile(t, broken, "sitegen.toml", []byte("base_url = 1\n"))
	tests := []struct {
		args []string
		want int
	}{
		{[]string{}, 2},
		{[]string{"nope"}, 2},
		{[]string{"build", "-nosuchflag"}, 2},
		{[]string{"build", "-src", site, "extra"}, 2},
		{[]string{"build", "-src", site, "-out", site}, 2},
		{[]string{"help"}, 0},
		{[]string{"help", "build"}, 0},
		{[]string{"build", "-h"}, 0},
		{[]string{"version"}, 0},
		{[]string{"build", "-src", site}, 0},
		{[]string{"build", "-src", broken}, 1},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		if got := run(tt.args, &out, &out); got != tt.want {
			t.Errorf("sitegen %s: exit %d, want %d\n%s", strings.Join(tt.args, " "), got, tt.want, out.String())
		}
	}
}

// TestIdenticalAcrossFolders builds copies of the bundled site in two
// different folders and requires byte-identical output.
func TestIdenticalAcrossFolders(t *testing.T) {
	var snaps []string
	for _, name := range []string{"first", "second-folder"} {
		dir := filepath.Join(t.TempDir(), name)
		for _, sub := range []string{"content", "layouts", "i18n", "static"} {
			if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("../..", sub))); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile("../../sitegen.toml")
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, "sitegen.toml", data)
		var out bytes.Buffer
		if code := run([]string{"build", "-src", dir, "-out", filepath.Join(dir, "out")}, &out, &out); code != 0 {
			t.Fatalf("build: exit %d\n%s", code, out.String())
		}
		snaps = append(snaps, snapshot(filepath.Join(dir, "out")))
	}
	if snaps[0] != snaps[1] {
		t.Errorf("output differs between folders:\n%s\n%s", snaps[0], snaps[1])
	}
}
