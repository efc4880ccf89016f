package content

import "testing"

func TestSetFields(t *testing.T) {
	set := []Field{{"title", "Complaints: how"}, {"description", "One line."}, {"translated_from", "abc123abc123"}, {"needs_review", nil}}
	tests := []struct{ name, in, want string }{
		{"yaml", "---\ntitle: Klage # the title\nslug: klage\ndescription: >\n  Two\n  lines.\n\nweight: 3\nneeds_review: true\n---\nBody\n",
			"---\ntitle: 'Complaints: how'\nslug: klage\ndescription: One line.\n\nweight: 3\ntranslated_from: abc123abc123\n---\nBody\n"},
		{"yaml crlf, name's case", "---\r\nTitle: Klage\r\n---\r\nBody\r\n",
			"---\r\nTitle: 'Complaints: how'\r\ndescription: One line.\r\ntranslated_from: abc123abc123\r\n---\r\nBody\r\n"},
		{"toml", "+++\ntitle = \"Klage\"\ndescription = \"\"\"\nTwo\nlines\"\"\"\n[params]\nx = 1\n+++\nBody\n",
			"+++\ntitle = \"Complaints: how\"\ndescription = \"One line.\"\ntranslated_from = \"abc123abc123\"\n[params]\nx = 1\n+++\nBody\n"},
		{"toml, a blank line above the table", "+++\ntitle = \"Klage\"\n\n[params]\nx = 1\n+++\nBody\n",
			"+++\ntitle = \"Complaints: how\"\ndescription = \"One line.\"\ntranslated_from = \"abc123abc123\"\n\n[params]\nx = 1\n+++\nBody\n"},
	}
	for _, tt := range tests {
		got, err := SetFields([]byte(tt.in), set)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if string(got) != tt.want {
			t.Errorf("%s:\n%q\nwant\n%q", tt.name, got, tt.want)
		}
		if f, diags := Parse("content/en/a.md", got); f == nil {
			t.Errorf("%s: the result does not parse: %v", tt.name, diags)
		}
	}
}
