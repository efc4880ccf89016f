package content

import (
	"testing"
	"unsafe"
)

// TestNewFile: a parsed file's strings, packed into one (newFile), are
// the strings it was parsed from, whether its key is the end of its path
// or was made of it (another extension, another Unicode form), and its
// File and Meta are one allocation.
func TestNewFile(t *testing.T) {
	front := "---\ntitle: Klage\ndescription: Sådan klager du.\nlink_title: Klag\nsummary: Kort.\nslug: klag\nlayout: letter\ntranslation_key: k\n---\nBody\n"
	for _, tc := range []struct{ path, lang, key string }{
		{"content/da/hjaelp/klage.md", "da", "hjaelp/klage.md"},
		{"content/da/klage.markdown", "da", "klage.md"},
		{"content/en/a\u030a.md", "en", "\u00e5.md"}, // NFD name, NFC key
		{"content/pt-br/x/_index.md", "pt-br", "x/_index.md"},
	} {
		f, diags := Parse(tc.path, []byte(front))
		if f == nil || diags.HasErrors() {
			t.Fatalf("%s: %v", tc.path, diags)
		}
		m := f.Meta
		got := []string{f.Path, f.Lang, f.Key, m.Title, m.Description, m.LinkTitle, m.Summary, m.Slug, m.Layout(), m.TranslationKey, m.Lines.String()}
		want := []string{tc.path, tc.lang, tc.key, "Klage", "Sådan klager du.", "Klag", "Kort.", "klag", "letter", "k",
			"title:2 description:3 link_title:4 summary:5 slug:6 layout:7 translation_key:8"}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: field %d is %q, want %q", tc.path, i, got[i], want[i])
			}
		}
		if uintptr(unsafe.Pointer(m)) != uintptr(unsafe.Pointer(f))+unsafe.Offsetof(fileMeta{}.meta) {
			t.Errorf("%s: File and Meta are two allocations", tc.path)
		}
		if string(f.Body) != "Body\n" {
			t.Errorf("%s: body %q", tc.path, f.Body)
		}
	}
}
