package check

import (
	"slices"
	"testing"
)

func TestIsPlaceholderHost(t *testing.T) {
	for _, tc := range []struct {
		host string
		want bool
	}{
		{"udenmitid.example", true},
		{"EXAMPLE.COM", true},
		{"www.example.org", true},
		{"example.net.", true},
		{"example", true},
		{"site.invalid", true},
		{"mail.test", true},
		{"localhost", true},
		{"localhost:8080", true},
		{"app.localhost", true},
		{"digst.dk", false},
		{"example.dk", false},
		{"myexample.com", false},
		{"examples.org", false},
		{"test.dk", false},
		{"", false},
	} {
		if got := isPlaceholderHost(tc.host); got != tc.want {
			t.Errorf("isPlaceholderHost(%q) = %v, want %v", tc.host, got, tc.want)
		}
	}
}

func TestPlaceholdersIn(t *testing.T) {
	const origin = "https://udenmitid.example"
	for _, tc := range []struct {
		url  string
		want []string
	}{
		{"mailto:kontakt@udenmitid.example", []string{"kontakt@udenmitid.example"}},
		{"mailto:a@digst.dk,b@x.invalid?subject=Hej", []string{"b@x.invalid"}},
		{"MAILTO:hej%40site.test", []string{"hej@site.test"}},
		{"mailto:digst@digst.dk", nil},
		{"https://forms.example.org/kontakt", []string{"https://forms.example.org/kontakt"}},
		{"http://localhost:1313/", []string{"http://localhost:1313/"}},
		{"https://udenmitid.example/da/", nil}, // the site itself
		{"https://www.mitid.dk/", nil},
		{"/da/klage/", nil},
		{"tel:+4512345678", nil},
	} {
		var got []string
		for _, p := range placeholdersIn(tc.url, origin) {
			got = append(got, p.value)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("placeholdersIn(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}

func TestEmailsIn(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Skriv til kontakt@udenmitid.example.", []string{"kontakt@udenmitid.example"}},
		{"a@x.test og a@x.test og b.c+d@www.example.com", []string{"a@x.test", "b.c+d@www.example.com"}},
		{"support@localhost svarer", []string{"support@localhost"}},
		{"Skriv til digst@digst.dk.", nil},
		{"@example.com og navn@ og 2 @ 3", nil},
		{"ingen adresse her", nil},
	} {
		if got := emailsIn(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("emailsIn(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestScanAddresses: the scan finds placeholder addresses in a page's
// text, outside code, whether it reads the tokens or the tree (a <select>
// has the page parsed).
func TestScanAddresses(t *testing.T) {
	const body = `<p>Skriv til <b>hej@site.example</b>.</p><pre>demo@example.com</pre><p><code>x@y.test</code> og kontakt@digst.dk</p><script>var a = "s@site.test";</script>`
	want := []string{"hej@site.example"}
	for name, page := range map[string]string{"tokens": body, "tree": body + `<select><option>1</option></select>`} {
		s, err := scanHTML([]byte(page), newTable())
		if err != nil {
			t.Fatal(err)
		}
		if got := s.addresses(); !slices.Equal(got, want) {
			t.Errorf("%s: addresses %q, want %q", name, got, want)
		}
	}
}
