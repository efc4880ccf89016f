package search

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Fritagelse", "fritagelse"},
		{"FØR og Efter", "foer og efter"},
		{"Æbler, Ål!", "aebler  aal "},
		{"Café résumé", "cafe resume"},
		{"Über Straße", "ueber strasse"},
		{"Digital Post", "digital post"},
		{"e\u0301t", "et"},
		{"2026-11-22", "2026 11 22"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerms(t *testing.T) {
	got := Terms([]string{"Søg om fritagelse.", "Fritagelse for Digital Post: søg hos borgerservice.", "Post og post"}, 5)
	if want := "post soeg fritagelse for digital"; got != want {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

func BenchmarkTerms(b *testing.B) {
	text := []string{"Når du godkender med MitID, svarer det til en fysisk underskrift. Derfor er det vigtigt, at man lever op til kravene.",
		"Borgerservice kan give afslag på at udstede MitID, hvis det vurderes, at brugeren ikke kan leve op til ét eller flere af kravene."}
	for b.Loop() {
		Terms(text, MaxTerms)
	}
}
