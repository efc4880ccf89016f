package check

import (
	"strings"
	"unicode"
)

// vagueLinkTexts are link texts that say nothing about where a link goes
// (WCAG 2.4.4), by language; "" holds those for every language.
var vagueLinkTexts = map[string][]string{
	"":   {"link", "url"},
	"da": {"klik her", "her", "læs mere", "læs her", "se her", "mere", "denne side", "dette link"},
	"en": {"click here", "here", "read more", "more", "this page", "this link", "learn more"},
	"kl": {"maani", "uani", "tassani", "una", "atuaruk"},
	"sv": {"klicka här", "här", "läs mer", "mer", "den här sidan", "denna sida", "den här länken", "länk"},
	"nb": {"klikk her", "her", "les mer", "mer", "denne siden", "denne lenken", "lenke"},
	"de": {"hier klicken", "klicken sie hier", "hier", "mehr", "weiterlesen", "mehr erfahren", "diese seite", "dieser link"},
	"pl": {"kliknij tutaj", "tutaj", "więcej", "czytaj więcej", "ta strona", "ten link"},
	"uk": {"натисніть тут", "тут", "більше", "детальніше", "читати далі", "це посилання"},
	"tr": {"buraya tıklayın", "tıklayın", "burada", "daha fazla", "devamını oku", "bu sayfa", "bu bağlantı"},
	"ar": {"اضغط هنا", "انقر هنا", "هنا", "المزيد", "اقرأ المزيد", "هذه الصفحة", "هذا الرابط"},
}

// readability computes LIX for the default language's pages.
func (c *checker) readability() {
	max := c.site.Config.Check.LIXMax
	c.r.LIXMax = max
	for _, p := range c.realPages() {
		if p.Lang != c.site.Default {
			continue
		}
		blocks := append([]string{p.Title}, c.doc(p).Text...)
		lix, words, sentences, long := LIX(blocks)
		if words == 0 {
			continue
		}
		c.r.Readability = append(c.r.Readability, Readability{Path: p.File.Path, LIX: round1(lix), Band: LIXBand(lix),
			Words: words, Sentences: sentences, LongWords: long})
		if lix > max {
			c.r.add("readability", Warning, p.File.Path, 1, "LIX %.1f (%s) is above %.0f: use shorter sentences and shorter words", lix, LIXBand(lix), max)
		}
	}
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

// lint checks each page's Markdown for accessibility and structure.
func (c *checker) lint() {
	titles := map[string]string{} // lang + title -> path
	descriptions := map[string]string{}
	for _, p := range c.realPages() {
		d := c.doc(p)
		path := p.File.Path
		for _, img := range d.Images {
			if strings.TrimSpace(img.Alt) == "" {
				c.r.add("alt-text", Warning, path, img.Line, "image %s has no alt text: write what it shows, in ![...](...)", img.Dest)
			}
		}
		for _, l := range d.Links {
			if l.Image {
				continue
			}
			if vague(p.Lang.Code, l.Text) {
				c.r.add("link-text", Warning, path, l.Line, "link text %q does not say where the link goes: name the destination", l.Text)
			}
		}
		prev := 1 // the title is the h1
		for _, h := range d.Headings {
			switch {
			case h.Level == 1:
				c.r.add("heading-1", Warning, path, h.Line, "heading %q is level 1, but the title is the page's h1: start at ##", h.Text)
			case h.Level > prev+1:
				c.r.add("heading-level", Warning, path, h.Line, "heading %q skips from level %d to %d", h.Text, prev, h.Level)
			}
			prev = h.Level
		}
		for _, t := range d.Tables {
			if !t.HasHeader {
				c.r.add("table-header", Warning, path, t.Line, "table has an empty header row: name each column")
			}
		}
		key := p.Lang.Code + "\x00" + p.Title
		if other, ok := titles[key]; ok {
			c.r.add("duplicate-title", Warning, path, p.File.Meta.Lines["title"], "title %q is also the title of %s", p.Title, other)
		} else {
			titles[key] = path
		}
		if p.Description == "" {
			c.r.add("description", Warning, path, 1, "no description: listings, search results and search engines show none; add description: with one sentence about the page")
			continue
		}
		key = p.Lang.Code + "\x00" + p.Description
		if other, ok := descriptions[key]; ok {
			c.r.add("duplicate-description", Warning, path, p.File.Meta.Lines["description"], "description is also the description of %s", other)
		} else {
			descriptions[key] = path
		}
	}
}

// vague reports whether a link text is one of the vague ones.
func vague(lang, text string) bool {
	t := strings.ToLower(strings.TrimFunc(strings.TrimSpace(text), func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r)
	}))
	t = strings.Join(strings.Fields(t), " ")
	for _, l := range []string{"", lang} {
		for _, v := range vagueLinkTexts[strings.ToLower(strings.SplitN(l, "-", 2)[0])] {
			if t == v {
				return true
			}
		}
	}
	return false
}
