package search

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/udenmitid/sitegen/internal/bench/corpus"
)

func TestBody(t *testing.T) {
	got := For("da").Body([]string{"Søg om fritagelse.", "Fritagelse for Digital Post: søg hos borgerservice.", "Post og post. Klager, klagerne og klagen."}, 5)
	if want := "post klag søg fritag for"; got.Terms != strings.ReplaceAll(want, "ø", "o") {
		t.Errorf("Terms = %q, want %q", got.Terms, want)
	}
	// The forms of the kept stems that differ from them.
	if want := "klager klag klagerne klag klagen klag fritagelse fritag"; got.Forms != want {
		t.Errorf("Forms = %q, want %q", got.Forms, want)
	}
	// Units count half: a Chinese text keeps twice as many.
	zh := For("zh").Body([]string{"图书馆的页面很简单。每一段都有说明。"}, 3)
	if n := len(strings.Fields(zh.Terms)); n != 6 {
		t.Errorf("Chinese terms %q: %d, want 6", zh.Terms, n)
	}
}

// TestSingleFile: the single file holds each language's folds, suffixes
// and forms, and its own pages only.
func TestSingleFile(t *testing.T) {
	list := []*Entry{
		{URL: "/da/klage/", Title: "Klag over afslag", Terms: "klag afslag", Forms: "klager klag klagerne klag"},
		{URL: "/da/regler/", Title: "Reglerne", Terms: "regl sag", Forms: "reglerne regl sagerne sag"},
	}
	var ix struct {
		V        int
		Lang     string
		Fold     map[string]string
		Suffixes string
		Forms    map[string]string
		Pages    []map[string]any
	}
	if err := json.Unmarshal(single("da", list), &ix); err != nil {
		t.Fatal(err)
	}
	if ix.V != 3 || ix.Lang != "da" || ix.Fold["aa"] != "a" || ix.Fold["oe"] != "o" || len(ix.Pages) != 2 {
		t.Errorf("index %+v", ix)
	}
	if ix.Forms["klag"] != "er erne" || ix.Forms["regl"] != "erne" {
		t.Errorf("forms %v", ix.Forms)
	}
	if ix.Suffixes != "erne er" {
		t.Errorf("suffixes %q, want erne (seen twice), then er", ix.Suffixes)
	}
	if FileName("pt-BR") != "search/pt-br.json" {
		t.Errorf("FileName(pt-BR) = %q", FileName("pt-BR"))
	}
}

func TestFormItem(t *testing.T) {
	for _, tt := range []struct{ key, stem, want string }{
		{"klage", "klag", "e"}, {"happy", "happi", "-y"}, {"kullanici", "kullanic", "i"}, {"ab", "abcd", "--"},
	} {
		if got := formItem(tt.key, tt.stem); got != tt.want {
			t.Errorf("formItem(%q, %q) = %q, want %q", tt.key, tt.stem, got, tt.want)
		}
	}
}

func BenchmarkBody(b *testing.B) {
	text := []string{"Når du godkender med MitID, svarer det til en fysisk underskrift. Derfor er det vigtigt, at man lever op til kravene.",
		"Borgerservice kan give afslag på at udstede MitID, hvis det vurderes, at brugeren ikke kan leve op til ét eller flere af kravene."}
	a := For("da")
	for b.Loop() {
		a.Body(text, MaxTerms)
	}
}

// BenchmarkBodyPages reads the pages of the 100-page benchmark corpus
// (300 to 1,500 words each, in Danish, English and Greenlandic) as a
// build does, each with its language's Analyzer: the search terms' share
// of a build's CPU, per page.
//
//	go test ./internal/search -run XXX -bench BodyPages -benchmem
func BenchmarkBodyPages(b *testing.B) {
	type page struct {
		a      *Analyzer
		blocks []string
	}
	fsys := corpus.MapFS(100, 1)
	var list []page
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for n := range fsys {
			if strings.HasSuffix(n, ".md") && !yield(n) {
				return
			}
		}
	}) {
		_, body, _ := strings.Cut(string(fsys[name].Data), "\n---\n")
		lang := strings.Split(name, "/")[1]
		list = append(list, page{For(lang), strings.Split(body, "\n\n")})
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := list[i%len(list)]
		p.a.Body(p.blocks, MaxTerms)
		i++
	}
}
