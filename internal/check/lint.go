package check

import (
	"strings"
	"unicode"

	"github.com/udenmitid/sitegen/internal/markdown"
	"github.com/udenmitid/sitegen/internal/pages"
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

// readability reports the LIX of the default language's pages, computed
// as each was converted (readabilityOf).
func (c *checker) readability() {
	c.r.LIXMax = c.site.Config.Check.LIXMax
	for _, p := range c.realPages() {
		if pr := c.pages[p]; pr.readability != nil {
			c.r.Readability = append(c.r.Readability, *pr.readability)
			c.r.Findings = append(c.r.Findings, pr.lix...)
		}
	}
}

// MinLIXWords is the fewest words a page needs to be given a LIX. LIX is
// an average over sentences and words, which says nothing of a few lines:
// a section with a title alone has one "sentence" of long words, LIX 100
// and more. Readability formulas are applied to samples of 100 words or
// more (Flesch's 1948 method counts 100-word samples), so a shorter page
// is not rated: it is left out of the list and gets no warning.
const MinLIXWords = 100

// readabilityOf computes the LIX of a page, and a warning when it is above
// [check] lix_max. It returns nil for a page with fewer than MinLIXWords
// words, title included.
func readabilityOf(site *pages.Site, p *pages.Page, d *markdown.Result) (*Readability, []Finding) {
	max := site.Config.Check.LIXMax
	blocks := append([]string{p.Title}, d.Text...)
	lix, words, sentences, long := LIX(blocks)
	if words < MinLIXWords {
		return nil, nil
	}
	r := &Readability{Path: p.File.Path, LIX: round1(lix), Band: LIXBand(lix), Words: words, Sentences: sentences, LongWords: long}
	if lix > max {
		return r, []Finding{finding("readability", Warning, p.File.Path, 1, "LIX %.1f (%s) is above %.0f: use shorter sentences and shorter words", lix, LIXBand(lix), max)}
	}
	return r, nil
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

// lint reports what lintPage found in each page, and titles and
// descriptions used twice in a language.
func (c *checker) lint() {
	titles := map[string]string{} // lang + title -> path
	descriptions := map[string]string{}
	for _, p := range c.realPages() {
		c.r.Findings = append(c.r.Findings, c.pages[p].lint...)
		path := p.File.Path
		key := p.Lang.Code + "\x00" + p.Title
		if other, ok := titles[key]; ok {
			c.r.add("duplicate-title", Warning, path, p.File.Meta.Lines.Line("title"), "title %q is also the title of %s", p.Title, other)
		} else {
			titles[key] = path
		}
		if p.Description == "" {
			c.r.add("description", Warning, path, 1, "no description: listings, search results and search engines show none; add description: with one sentence about the page")
			continue
		}
		key = p.Lang.Code + "\x00" + p.Description
		if other, ok := descriptions[key]; ok {
			c.r.add("duplicate-description", Warning, path, p.File.Meta.Lines.Line("description"), "description is also the description of %s", other)
		} else {
			descriptions[key] = path
		}
	}
}

// lintPage checks a page's Markdown for accessibility and structure.
func lintPage(p *pages.Page, d *markdown.Result) []Finding {
	var out []Finding
	add := func(rule string, line int, format string, args ...any) {
		out = append(out, finding(rule, Warning, p.File.Path, line, format, args...))
	}
	for _, img := range d.Images {
		if strings.TrimSpace(img.Alt) == "" && img.Dest != "" { // with no destination, the image is reported below
			add("alt-text", img.Line, "image %s has no alt text: write what it shows, in ![...](...)", img.Dest)
		}
	}
	for _, l := range d.Links {
		if l.Dest == "" {
			// [text](), [text](<>), [text][ref] with [ref]: <>: an editor's
			// slip, which a browser reads as a link to the page itself.
			what, to := "link", "the page or address it goes to"
			if l.Image {
				what, to = "image", "the file it shows"
			}
			add("empty-link", l.Line, "%s %q has no destination: write %s, or remove the %s", what, l.Text, to, what)
		}
		if !l.Image && vague(p.Lang.Code, l.Text) {
			add("link-text", l.Line, "link text %q does not say where the link goes: name the destination", l.Text)
		}
	}
	prev := 1 // the title is the h1
	for _, h := range d.Headings {
		switch {
		case h.Level == 1:
			add("heading-1", h.Line, "heading %q is level 1, but the title is the page's h1: start at ##", h.Text)
		case h.Level > prev+1:
			add("heading-level", h.Line, "heading %q skips from level %d to %d", h.Text, prev, h.Level)
		}
		prev = h.Level
	}
	for _, t := range d.Tables {
		if !t.HasHeader {
			add("table-header", t.Line, "table has an empty header row: name each column")
		}
	}
	return out
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
