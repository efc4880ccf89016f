package scaffold

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// A placeholder is the text of a new site's pages in one language: the
// site's name, the home page and the first page (about.md). Each page
// says it is a placeholder to replace.
type placeholder struct {
	site                                    string // the site's title, for sitegen.toml
	homeTitle, homeDescription, homeBody    string
	aboutTitle, aboutDescription, aboutBody string
	review                                  bool // needs_review: no native speaker has checked it
}

// placeholders are the pages' texts in languages the built-in theme has
// UI strings for (internal/theme/i18n), by tag in lower case. Only English
// and Danish have been checked; the others are written short and plain,
// and marked for review. Greenlandic (kl) is not here: no text was written
// with enough confidence, so a kl site gets the English placeholder that
// says so (englishPlaceholder).
var placeholders = map[string]placeholder{
	"en": {
		site:            "My site",
		homeTitle:       "Home",
		homeDescription: "What this site is for, in one sentence.",
		homeBody: "This page is a placeholder. Replace it with what the site is for and who it is for.\n\n" +
			"Each page is a Markdown file in the folder content/, with one folder for each language. " +
			"Links between pages point to their files, like this link to [the first page](about.md).\n",
		aboutTitle:       "About this site",
		aboutDescription: "Who runs this site, and how to reach them.",
		aboutBody:        "This page is a placeholder. Replace it with who runs the site and how to reach them.\n\n" + aboutEnglish,
	},
	"da": {
		site:            "Mit websted",
		homeTitle:       "Forside",
		homeDescription: "Hvad webstedet er til, i én sætning.",
		homeBody: "Denne side er en pladsholder. Skriv i stedet, hvad webstedet er til, og hvem det er til.\n\n" +
			"Hver side er en Markdown-fil i mappen content/, med én mappe for hvert sprog. " +
			"Links mellem sider peger på deres filer, som dette link til [den første side](about.md).\n",
		aboutTitle:       "Om webstedet",
		aboutDescription: "Hvem der står bag webstedet, og hvordan man kontakter dem.",
		aboutBody: "Denne side er en pladsholder. Skriv i stedet, hvem der står bag webstedet, og hvordan man kontakter dem.\n\n" +
			"Siden findes kun på standardsproget. På de andre sprog viser webstedet i stedet en side, der siger det og linker hertil. " +
			"Vil du oversætte siden, så kopiér filen til samme sted i et andet sprogs mappe, og oversæt teksten.\n",
	},
	"sv": {
		site:            "Min webbplats",
		homeTitle:       "Startsida",
		homeDescription: "Vad webbplatsen är till för, i en mening.",
		homeBody: "Den här sidan är en platshållare. Skriv i stället vad webbplatsen är till för och vem den är till för.\n\n" +
			"Varje sida är en Markdown-fil i mappen content/, med en mapp för varje språk. " +
			"Länkar mellan sidor pekar på deras filer, som den här länken till [den första sidan](about.md).\n",
		aboutTitle:       "Om webbplatsen",
		aboutDescription: "Vem som står bakom webbplatsen och hur man kontaktar dem.",
		aboutBody: "Den här sidan är en platshållare. Skriv i stället vem som står bakom webbplatsen och hur man kontaktar dem.\n\n" +
			"Sidan finns bara på standardspråket. På de andra språken visar webbplatsen i stället en sida som säger det och länkar hit. " +
			"Om du vill översätta sidan kopierar du filen till samma plats i ett annat språks mapp och översätter texten.\n",
		review: true,
	},
	"nb": {
		site:            "Mitt nettsted",
		homeTitle:       "Forside",
		homeDescription: "Hva nettstedet handler om, i én setning.",
		homeBody: "Denne siden er en plassholder. Skriv i stedet hva nettstedet handler om, og hvem det er for.\n\n" +
			"Hver side er en Markdown-fil i mappen content/, med én mappe for hvert språk. " +
			"Lenker mellom sider peker til filene deres, som denne lenken til [den første siden](about.md).\n",
		aboutTitle:       "Om nettstedet",
		aboutDescription: "Hvem som står bak nettstedet, og hvordan man kontakter dem.",
		aboutBody: "Denne siden er en plassholder. Skriv i stedet hvem som står bak nettstedet, og hvordan man kontakter dem.\n\n" +
			"Siden finnes bare på standardspråket. På de andre språkene viser nettstedet i stedet en side som sier dette og lenker hit. " +
			"For å oversette siden kopierer du filen til samme sted i et annet språks mappe og oversetter teksten.\n",
		review: true,
	},
	"de": {
		site:            "Meine Website",
		homeTitle:       "Startseite",
		homeDescription: "Wofür diese Website da ist, in einem Satz.",
		homeBody: "Diese Seite ist ein Platzhalter. Schreiben Sie stattdessen, wofür die Website da ist und für wen.\n\n" +
			"Jede Seite ist eine Markdown-Datei im Ordner content/, mit einem Ordner für jede Sprache. " +
			"Links zwischen Seiten verweisen auf ihre Dateien, wie dieser Link zur [ersten Seite](about.md).\n",
		aboutTitle:       "Über diese Website",
		aboutDescription: "Wer hinter der Website steht und wie man Kontakt aufnimmt.",
		aboutBody: "Diese Seite ist ein Platzhalter. Schreiben Sie stattdessen, wer hinter der Website steht und wie man Kontakt aufnimmt.\n\n" +
			"Die Seite gibt es nur in der Standardsprache. In den anderen Sprachen zeigt die Website an ihrer Stelle eine Seite, die das sagt und hierher verlinkt. " +
			"Um die Seite zu übersetzen, kopieren Sie die Datei an dieselbe Stelle im Ordner einer anderen Sprache und übersetzen den Text.\n",
		review: true,
	},
	"pl": {
		site:             "Mój serwis",
		homeTitle:        "Strona główna",
		homeDescription:  "Do czego służy ten serwis, w jednym zdaniu.",
		homeBody:         "To jest tekst zastępczy. Napisz tu, do czego służy serwis i dla kogo jest.\n\nZobacz też [pierwszą stronę](about.md).\n",
		aboutTitle:       "O serwisie",
		aboutDescription: "Kto prowadzi ten serwis i jak się z nim skontaktować.",
		aboutBody:        "To jest tekst zastępczy. Napisz tu, kto prowadzi serwis i jak się z nim skontaktować.\n",
		review:           true,
	},
	"uk": {
		site:             "Мій сайт",
		homeTitle:        "Головна сторінка",
		homeDescription:  "Для чого цей сайт, одним реченням.",
		homeBody:         "Це текст-заповнювач. Напишіть тут, для чого цей сайт і для кого він.\n\nДивіться також [першу сторінку](about.md).\n",
		aboutTitle:       "Про сайт",
		aboutDescription: "Хто веде цей сайт і як з ним зв’язатися.",
		aboutBody:        "Це текст-заповнювач. Напишіть тут, хто веде сайт і як з ним зв’язатися.\n",
		review:           true,
	},
	"tr": {
		site:             "Sitem",
		homeTitle:        "Ana sayfa",
		homeDescription:  "Bu sitenin amacı, tek bir cümleyle.",
		homeBody:         "Bu sayfa bir yer tutucudur. Yerine sitenin amacını ve kimin için olduğunu yazın.\n\nAyrıca [ilk sayfaya](about.md) bakın.\n",
		aboutTitle:       "Bu site hakkında",
		aboutDescription: "Siteyi kimin yönettiği ve ona nasıl ulaşılacağı.",
		aboutBody:        "Bu sayfa bir yer tutucudur. Yerine siteyi kimin yönettiğini ve ona nasıl ulaşılacağını yazın.\n",
		review:           true,
	},
	"ar": {
		site:             "موقعي",
		homeTitle:        "الصفحة الرئيسية",
		homeDescription:  "الغرض من هذا الموقع في جملة واحدة.",
		homeBody:         "هذا نص مؤقت. اكتب مكانه الغرض من الموقع ولمن هو موجه.\n\nانظر أيضًا [الصفحة الأولى](about.md).\n",
		aboutTitle:       "عن الموقع",
		aboutDescription: "من يدير هذا الموقع وكيف يمكن التواصل معه.",
		aboutBody:        "هذا نص مؤقت. اكتب مكانه من يدير الموقع وكيف يمكن التواصل معه.\n",
		review:           true,
	},
}

const aboutEnglish = "The page exists only in the default language. The other languages show a fallback page " +
	"in its place, which says so and links here. To translate the page, copy this file to the same place " +
	"in another language's folder and translate the text.\n"

// placeholderFor returns the pages' text in code's language, or the
// English placeholder that says it is English (englishPlaceholder). A tag
// with a region or script takes its language's text (sv-FI Swedish, en-GB
// English): none of the texts has a word that differs between regions.
func placeholderFor(code string) placeholder {
	if p, ok := placeholders[strings.ToLower(code)]; ok {
		return p
	}
	if tag, err := language.Parse(code); err == nil {
		base, _ := tag.Base()
		if p, ok := placeholders[base.String()]; ok {
			return p
		}
	}
	return englishPlaceholder(code)
}

// englishPlaceholder is the text of the pages in a language sitegen has no
// placeholder text for: English, saying that it is English and is to be
// replaced by text in the language, marked for review so that sitegen
// build and check list the pages until that is done.
func englishPlaceholder(code string) placeholder {
	name := code
	if n := englishName(code); n != code {
		name = n + " (" + code + ")"
	}
	p := placeholders["en"]
	p.homeBody = fmt.Sprintf("This placeholder is in English, not in %s. Replace it with text in that language: what the site is for and who it is for.\n\n", name) +
		"Links between pages point to their files, like this link to [the first page](about.md).\n"
	p.aboutBody = fmt.Sprintf("This placeholder is in English, not in %s. Replace it with text in that language: who runs the site and how to reach them.\n\n", name) +
		aboutEnglish
	p.review = true
	return p
}

// englishName returns the language's name in English from CLDR ("Irish"
// for ga, "Brazilian Portuguese" for pt-BR), or the code when CLDR has
// none.
func englishName(code string) string {
	if tag, err := language.Parse(code); err == nil {
		if n := display.English.Tags().Name(tag); n != "" {
			return n
		}
	}
	return code
}
