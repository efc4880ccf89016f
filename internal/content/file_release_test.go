package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadBody checks that a released body reads again as it was, and
// that a file that changed so that it no longer reads is an error that
// names it.
func TestReadBody(t *testing.T) {
	const p = "content/da/side.md"
	orig := "---\ntitle: Side\n---\n\nFørste afsnit.\r\n"
	tests := []struct {
		name    string
		now     string // the file when the body is read again; "" = deleted
		want    string
		wantErr string
	}{
		{"unchanged", orig, "\nFørste afsnit.\n", ""},
		{"body edited", "---\ntitle: Side\n---\n\nAndet afsnit.\n", "\nAndet afsnit.\n", ""},
		{"deleted", "", "", "content/da/side.md changed while the site was built"},
		{"front matter broken", "---\ntitle: Side\n", "", "build again"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{p: {Data: []byte(orig)}}
			f, d := Read(fsys, p)
			if f == nil || d.HasErrors() {
				t.Fatalf("Read: %v", d)
			}
			line, hash := f.BodyLine, f.SourceHash()
			f.Release()
			if f.SourceHash() != hash {
				t.Fatalf("SourceHash after Release = %s, want %s", f.SourceHash(), hash)
			}
			if f.Body != nil {
				t.Fatal("Release kept the body")
			}
			if tt.now == "" {
				delete(fsys, p)
			} else {
				fsys[p] = &fstest.MapFile{Data: []byte(tt.now)}
			}
			body, gotLine, err := f.ReadBody(fsys)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to say %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(body) != tt.want || gotLine != line {
				t.Fatalf("body %q line %d, want %q line %d", body, gotLine, tt.want, line)
			}
		})
	}
}
