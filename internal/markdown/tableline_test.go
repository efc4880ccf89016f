package markdown

import "testing"

func TestTableLine(t *testing.T) {
	res, _ := New(Options{Lang: "da"}).Convert([]byte("Tekst.\n\n|  |  |\n|--|--|\n| 1 | 2 |\n"), 10, nil, 0)
	if len(res.Tables) != 1 || res.Tables[0].Line != 12 || res.Tables[0].HasHeader {
		t.Errorf("tables = %+v, want one at line 12 without a header", res.Tables)
	}
}
