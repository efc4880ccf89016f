package check

import (
	"strings"
	"testing"
)

// TestStampHint: the text names the -src check was given in its sitegen
// stamp command, quoted for a shell when need be; the finding's message
// (JSON, sitegen serve's status page) names the file from the site folder.
func TestStampHint(t *testing.T) {
	const msg = "outdated: no translated_from; after checking the translation against content/da/a.md, run: "
	tests := []struct{ src, want string }{
		{"", "sitegen stamp content/en/a.md"},
		{".", "sitegen stamp content/en/a.md"},
		{"./", "sitegen stamp content/en/a.md"},
		{"site", "sitegen stamp -src site content/en/a.md"},
		{"../mit-site/", "sitegen stamp -src ../mit-site/ content/en/a.md"},
		{"/home/anna/side", "sitegen stamp -src /home/anna/side content/en/a.md"},
		{"min side", "sitegen stamp -src 'min side' content/en/a.md"},
		{"Annas's", `sitegen stamp -src 'Annas'\''s' content/en/a.md`},
		{"$HOME/x", `sitegen stamp -src '$HOME/x' content/en/a.md`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			r := &Report{Src: tt.src}
			r.addStamp("content/en/a.md", 1, "outdated: no translated_from; after checking the translation against content/da/a.md, ")
			if got, want := r.Findings[0].Message, msg+"sitegen stamp content/en/a.md"; got != want {
				t.Errorf("message %q\nwant %q", got, want)
			}
			var b strings.Builder
			r.WriteText(&b)
			want := "content/en/a.md:1: warning: " + msg + tt.want + " [translation]\n"
			if got, _, _ := strings.Cut(b.String(), "\n\n"); got+"\n" != want {
				t.Errorf("text:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
