package markdown

import (
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// A block of code, fenced or indented, is one box:
//
//	<pre class="code" dir="ltr" tabindex="0" role="group" aria-label="Code"><code class="language-go">
//	<span class="k">func</span> main() {}
//	</code></pre>
//
// A long line scrolls sideways inside the box (the theme gives it
// overflow-x: auto), and since a keyboard can scroll only what has the
// focus, the box is focusable (tabindex="0", axe-core's rule
// scrollable-region-focusable) and named, so that the focus lands on
// something a screen reader can say: the UI string code_label. The role is
// group, not region: a region is a landmark, and a page with 36 blocks of
// code would list 36 landmarks "Code" beside its main and navigation.
//
// Code that names its language (```go, ```yaml, ```sh) is highlighted when
// the page is converted, by chroma, the library Hugo uses: each token is a
// <span> with a class (HighlightClasses), which the theme's stylesheet
// colours. No style attribute is written, so the Content-Security-Policy
// needs no 'unsafe-inline' for styles. Code reads left to right on a
// right-to-left page too (dir="ltr"): its lines start at the left and
// scroll to the right. Code in a language chroma does not
// know, with no language, or with Options.Highlight off, is the same box
// with the text escaped and no spans.
type codeBlocks struct {
	c *Converter
}

func (e codeBlocks) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

func (e codeBlocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, e.render)
	reg.Register(ast.KindCodeBlock, e.render)
}

func (e codeBlocks) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	lang := ""
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		lang = string(f.Language(src))
	}
	_, _ = w.WriteString(`<pre class="code" dir="ltr" tabindex="0" role="group" aria-label="`)
	_, _ = w.Write(util.EscapeHTML([]byte(e.c.ui[IDCodeLabel])))
	_, _ = w.WriteString(`"><code`)
	if lang != "" {
		_, _ = w.WriteString(` class="language-`)
		_, _ = w.Write(util.EscapeHTML([]byte(lang)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	var code strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	if lexer := e.c.lexer(lang); lexer == nil || !highlight(w, lexer, code.String()) {
		writeEscaped(w, code.String())
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// lexer returns chroma's lexer for a fenced block's language as written
// after the fence (a name, an alias or a file extension: "go", "golang",
// "py", "Dockerfile"), or nil when highlighting is off or chroma knows no
// such language. Lookups are remembered: one that fails goes through every
// lexer's file patterns.
func (c *Converter) lexer(lang string) chroma.Lexer {
	if !c.highlight || lang == "" {
		return nil
	}
	if l, ok := lexerCache.Load(lang); ok {
		lexer, _ := l.(chroma.Lexer)
		return lexer
	}
	lexer := lexers.Get(lang)
	if lexer != nil {
		if cfg := lexer.Config(); cfg != nil && (cfg.Name == "plaintext" || cfg.Name == "PlainText") {
			lexer = nil // text has no tokens to colour
		} else {
			lexer = chroma.Coalesce(lexer)
		}
	}
	if lexer == nil {
		lexerCache.Store(lang, nil)
	} else {
		lexerCache.Store(lang, lexer)
	}
	return lexer
}

// lexerCache maps a language as written to its chroma.Lexer, or to nil
// when chroma has none. Lexers are safe for concurrent use.
var lexerCache sync.Map

// highlight writes code as tokens of lexer, each in a span with its class;
// it writes nothing and reports false when the lexer fails.
func highlight(w util.BufWriter, lexer chroma.Lexer, code string) bool {
	it, err := lexer.Tokenise(nil, code)
	if err != nil {
		return false
	}
	var b strings.Builder
	b.Grow(len(code) * 2)
	for t := it(); t != chroma.EOF; t = it() {
		class := tokenClass(t.Type)
		if class != "" {
			b.WriteString(`<span class="`)
			b.WriteString(class)
			b.WriteString(`">`)
		}
		escapeTo(&b, t.Value)
		if class != "" {
			b.WriteString("</span>")
		}
	}
	_, _ = w.WriteString(b.String())
	return true
}

// A HighlightClass is a class highlighted code uses, and the chroma token
// types it stands for.
type HighlightClass struct {
	Class string // the class attribute: "k"
	What  string // what it marks, for the stylesheet's comments: "keywords"
}

// HighlightClasses are the classes of highlighted code's spans: a few,
// named as chroma and Pygments name the broadest token type they cover
// ("k" for every kind of keyword), so that a theme colours a handful of
// classes, not chroma's hundred. Tokens of other types (names, operators,
// punctuation) have no span and keep the text's colour.
var HighlightClasses = []HighlightClass{
	{"k", "keywords, operator words and preprocessor directives"},
	{"s", "strings, characters and regular expressions"},
	{"m", "numbers"},
	{"c", "comments"},
	{"nf", "names of functions"},
	{"nb", "built-in names and constants"},
	{"nc", "names of classes and types"},
	{"nt", "tags (HTML, XML) and keys (YAML, TOML, JSON)"},
	{"na", "attributes"},
	{"nv", "variables (shell, Makefile, PHP)"},
	{"gd", "deleted lines (diff)"},
	{"gi", "inserted lines (diff)"},
	{"gh", "headings and hunk headers (diff)"},
	{"gp", "prompts ($ in a shell session)"},
}

// tokenClasses maps chroma token types, and their subcategories and
// categories, to HighlightClasses; tokenClass looks a type up, then its
// subcategory, then its category.
var tokenClasses = map[chroma.TokenType]string{
	chroma.Keyword:            "k",
	chroma.OperatorWord:       "k",
	chroma.CommentPreproc:     "k",
	chroma.CommentPreprocFile: "s",
	chroma.LiteralString:      "s",
	chroma.LiteralNumber:      "m",
	chroma.Comment:            "c",
	chroma.CommentHashbang:    "c",
	chroma.NameFunction:       "nf",
	chroma.NameBuiltin:        "nb",
	chroma.NameConstant:       "nb",
	chroma.NameClass:          "nc",
	chroma.NameTag:            "nt",
	chroma.NameAttribute:      "na",
	chroma.NameVariable:       "nv",
	chroma.GenericDeleted:     "gd",
	chroma.GenericInserted:    "gi",
	chroma.GenericHeading:     "gh",
	chroma.GenericSubheading:  "gh",
	chroma.GenericPrompt:      "gp",
}

// tokenClass returns the class of a token type, or "" for none.
func tokenClass(t chroma.TokenType) string {
	if c, ok := tokenClasses[t]; ok {
		return c
	}
	if c, ok := tokenClasses[t.SubCategory()]; ok {
		return c
	}
	return tokenClasses[t.Category()]
}

func writeEscaped(w util.BufWriter, s string) {
	var b strings.Builder
	escapeTo(&b, s)
	_, _ = w.WriteString(b.String())
}

// escapeTo writes s with &, <, > and " escaped, as goldmark writes code.
func escapeTo(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}
