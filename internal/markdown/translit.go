package markdown

import "strings"

// A spelling spells a lower-case base letter in ASCII, when it carries
// the accent mark (0: with any accents or none).
type spelling struct {
	base, mark rune
	ascii      string
}

type spellings []spelling

// spell writes the spelling of the letter r with the accents marks, and
// reports whether there is one.
func (sp spellings) spell(b *strings.Builder, r rune, marks string) bool {
	for _, l := range sp {
		if l.base == r && (l.mark == 0 || strings.ContainsRune(marks, l.mark)) {
			b.WriteString(l.ascii)
			return true
		}
	}
	return false
}

// Combining marks that some languages spell out.
const (
	ringAbove = '\u030a'
	diaeresis = '\u0308'
)

// ownSpellings returns the spellings of a language's own accented letters,
// which come before latinASCII's. The Danish, Norwegian, Faroese and
// Greenlandic ones follow Retskrivningsordbogen's rule for writing without
// æ, ø, å (ae, oe, aa); the German ones Duden's (ae, oe, ue for ä, ö, ü).
// Any other language drops the accents (Swedish "Ärende" is "arende").
func ownSpellings(lang string) spellings {
	switch primary(lang) {
	case "da", "kl", "nb", "nn", "no", "fo":
		return spellings{{'ø', 0, "oe"}, {'a', ringAbove, "aa"}}
	case "de":
		return spellings{{'a', diaeresis, "ae"}, {'o', diaeresis, "oe"}, {'u', diaeresis, "ue"}}
	}
	return nil
}

// latinASCII spells in ASCII each lower-case Latin letter of Latin-1
// Supplement, Latin Extended-A and -B, IPA Extensions and Latin Extended
// Additional that Unicode does not decompose into an ASCII letter and
// accents (the others lose their accents). Built from latinSpellings.
var latinASCII = func() map[rune]string {
	m := map[rune]string{}
	for _, s := range latinSpellings {
		for _, r := range s[1] {
			m[r] = s[0]
		}
	}
	return m
}()

// latinSpellings pairs an ASCII spelling with the letters spelt so. A
// letter is spelt as the letter it is made from, as its Unicode name says
// (ƀ LATIN SMALL LETTER B WITH STROKE is b, ɔ OPEN O is o, ʌ TURNED V is
// v); a ligature or digraph as its letters (æ ae, ǉ lj, ȸ db); a letter
// named after a Greek one as that letter's Latin spelling (ɑ alpha a, ɣ
// gamma g, ɸ phi ph). Letters with no Latin letter in them follow the
// orthographies that use them: þ th and ð d (Icelandic), ß ss, ŋ ng, ʃ
// esh sh and ʒ ezh z, ƿ wynn w and ȝ yogh y (Old and Middle English), ĸ
// kra q (Greenlandic's spelling reform of 1973), the glottal stops ʔ, ɂ
// (and ʕ, ʡ, ʢ, ʖ of their shape) 7 (the ASCII spelling of Salishan
// languages, Sḵwx̱wú7mesh), the clicks ǀ c, ǁ x, ǃ q (Zulu, Xhosa) and ǂ
// tc (Naro), and Zhuang's tone letters ƨ z, ƽ q and ƅ h (the letters its
// 1982 reform put in their place).
var latinSpellings = [][2]string{
	{"a", "ªɐɑɒⱥẚ"},
	{"ae", "æ"},
	{"b", "ƀɓƃʙ"},
	{"c", "ƈȼɕʗǀ"},
	{"d", "ðđɖɗƌȡẟƍ"},
	{"db", "ȸ"},
	{"dz", "ǆǳʣʥʤƻ"},
	{"e", "ǝəɛɇɘɚɜɝɞʚ"},
	{"f", "ƒ"},
	{"fng", "ʩ"},
	{"g", "ɠɣǥɡɢʛɤ"},
	{"h", "ħɥɦɧʜʮʯƅ"},
	{"hv", "ƕ"},
	{"i", "ıɩɨɪ"},
	{"ij", "ĳ"},
	{"j", "ȷɉɟʄʝ"},
	{"k", "ƙʞ"},
	{"l", "ŀłƚȴɫɬɭʟƛ"},
	{"lj", "ǉ"},
	{"ll", "ỻ"},
	{"ls", "ʪ"},
	{"lz", "ʫɮ"},
	{"m", "ɯɰɱ"},
	{"n", "ŉɲƞȵɳɴ"},
	{"ng", "ŋ"},
	{"nj", "ǌ"},
	{"o", "ºøɔɵɷ"},
	{"oe", "œɶ"},
	{"oi", "ƣ"},
	{"ou", "ȣ"},
	{"p", "ƥʘʬ"},
	{"ph", "ɸ"},
	{"q", "ĸɋʠǃƽ"},
	{"qp", "ȹ"},
	{"r", "ʀɍɹɺɻɼɽɾɿʁ"},
	{"s", "ſȿʂẜẝ"},
	{"sh", "ʃƪʅʆ"},
	{"ss", "ß"},
	{"t", "ŧƫƭʈⱦȶʇʭ"},
	{"tc", "ʨǂ"},
	{"th", "þ"},
	{"ts", "ʦƾ"},
	{"tsh", "ʧ"},
	{"u", "ʉʊ"},
	{"v", "ʋʌỽ"},
	{"w", "ƿʍ"},
	{"x", "ǁ"},
	{"y", "ƴɏʎʏỿȝ"},
	{"z", "ƶȥɀʐʑʒƹƺʓƨ"},
	{"7", "ʔɂʕʡʢʖ"},
}
