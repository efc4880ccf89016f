package check

import (
	"strings"
	"unicode"
)

// LIX is the readability index of a text given as blocks (paragraphs,
// headings, list items, table cells), each of which ends a sentence:
//
//	LIX = words / sentences + 100 × long words / words
//
// where a long word has more than six letters. Within a block a sentence
// also ends at ".", "!", "?" or ":" followed by a capital letter. Bands:
// under 25 very easy, 25-34 easy, 35-44 medium, 45-54 hard, 55 and over
// very hard.
func LIX(blocks []string) (lix float64, words, sentences, long int) {
	for _, b := range blocks {
		w, s, l := lixCounts(b)
		words += w
		sentences += s
		long += l
	}
	if words == 0 || sentences == 0 {
		return 0, words, sentences, long
	}
	return float64(words)/float64(sentences) + 100*float64(long)/float64(words), words, sentences, long
}

func lixCounts(text string) (words, sentences, long int) {
	letters, inWord, inSentence := 0, false, false
	endWord := func() {
		if inWord {
			words++
			if letters > 6 {
				long++
			}
			inSentence = true
		}
		letters, inWord = 0, false
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r):
			letters++
			inWord = true
		case unicode.IsDigit(r):
			inWord = true // a number is a word, never a long one
		case r == '-' && inWord || r == '\u00ad':
			// a hyphen joins a compound: "e-mail" is one word
		default:
			endWord()
			if strings.ContainsRune(".!?:", r) && inSentence && capitalFollows(text[i+1:]) { // the stops are one byte
				sentences++
				inSentence = false
			}
		}
	}
	endWord()
	if inSentence {
		sentences++
	}
	return words, sentences, long
}

// capitalFollows reports whether the text after a full stop starts, after
// spaces and quotes, with a capital letter or ends.
func capitalFollows(rest string) bool {
	i := 0
	for _, r := range rest {
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("\"»«“”'’)", r):
			i++
			continue
		case unicode.IsUpper(r):
			return i > 0
		default:
			return false
		}
	}
	return true
}

// LIXBand names the band a LIX value falls in.
func LIXBand(lix float64) string {
	switch {
	case lix < 25:
		return "very easy"
	case lix < 35:
		return "easy"
	case lix < 45:
		return "medium"
	case lix < 55:
		return "hard"
	}
	return "very hard"
}
