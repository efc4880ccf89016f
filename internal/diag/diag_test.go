package diag

import "testing"

// TestStringEscapes: a file name cannot act on the terminal a diagnostic is
// printed on (issue 23: the message quoted the name, the path in front of
// it was printed raw).
func TestStringEscapes(t *testing.T) {
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"plain", Diagnostic{Path: "content/da/klage.md", Line: 3, Msg: "x"}, "content/da/klage.md:3: x"},
		{"letters of any script stay", Diagnostic{Path: "content/kl/sûmut/ᐃᓄᒃᑎᑐᑦ.md", Msg: "x"}, "content/kl/sûmut/ᐃᓄᒃᑎᑐᑦ.md: x"},
		{"a space stays", Diagnostic{Path: "content/da/min side.md", Msg: "x"}, "content/da/min side.md: x"},
		{"escape sequence", Diagnostic{Path: "content/da/\x1b[31mrød.md", Line: 1, Msg: "x"}, `"content/da/\x1b[31mrød.md":1: x`},
		{"newline", Diagnostic{Path: "content/da/a\nb.md", Msg: "x"}, `"content/da/a\nb.md": x`},
		{"carriage return", Diagnostic{Path: "content/da/a\rcontent/da/ok.md", Msg: "x"}, `"content/da/a\rcontent/da/ok.md": x`},
		{"right-to-left override", Diagnostic{Path: "static/\u202egnp.exe", Msg: "x", Severity: Warning}, `"static/\u202egnp.exe": warning: x`},
		{"other bidi controls", Diagnostic{Path: "static/a\u2067b\u200fc\u061c.txt", Msg: "x"}, `"static/a\u2067b\u200fc\u061c.txt": x`},
		{"zero width and no-break space", Diagnostic{Path: "static/a\u200bb\u00a0c", Msg: "x"}, `"static/a\u200bb\u00a0c": x`},
		{"line separator", Diagnostic{Path: "static/a\u2028b", Msg: "x"}, `"static/a\u2028b": x`},
		{"invalid UTF-8", Diagnostic{Path: "content/da/s\xf8g.md", Msg: "x"}, `"content/da/s\xf8g.md": x`},
		{"quote and backslash", Diagnostic{Path: `static/a"b\c`, Msg: "x"}, `"static/a\"b\\c": x`},
		{"C1 control", Diagnostic{Path: "static/a\u009bb", Msg: "x"}, `"static/a\u009bb": x`},
		{"a name in the message", Diagnostic{Path: "static/x", Msg: "image static/\x1b]0;pwned\x07\u202ex.png\xff: broken"},
			`static/x: image static/\x1b]0;pwned\a\u202ex.png\xff: broken`},
		{"newlines and tabs in a message stay", Diagnostic{Msg: "a\n\tb"}, "a\n\tb"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}
