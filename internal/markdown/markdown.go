// Package markdown turns a page's Markdown into HTML with one configured
// goldmark per language.
//
// # Dialect
//
// CommonMark with GitHub's tables, strikethrough, autolinks and task
// lists, footnotes (for legal references), definition lists, GitHub
// alerts and disclosures. Raw HTML is left out unless the site turns it
// on. The words the converter writes into a page (a code block's name,
// the footnotes' heading and links, a task's state) are UI strings in the
// page's language (Options.UI, UIMessageIDs).
//
// Task list items ("- [ ] Ring til kommunen", "- [x] Done") are list items
// with marks, not checkboxes: their lists have the class "task-list",
// their items "task-list-item" and "task-list-item--done" or
// "task-list-item--todo", and each item starts with its state in words
// for screen readers (task_done, task_todo; see taskList).
//
// Footnotes ("[^1]") have links whose names a screen reader can say
// ("Fodnote 1", "Tilbage til teksten") and a heading above the notes
// (footnote_ref, footnote_back, footnotes_title; see footnotes).
//
// A block of code is a box of its own that scrolls sideways, focusable
// and named (code_label); fenced code that names its language ("```go")
// is highlighted with CSS classes when Options.Highlight is set (see
// codeBlocks and HighlightClasses).
//
// A disclosure, a block that opens when its summary is activated, is
// written as VitePress and markdown-it-container users write it, and
// becomes <details> and <summary> (see disclosures):
//
//	::: details Hvad siger loven?
//	Forvaltningsloven § 22 siger, at en afgørelse skal begrundes.
//	:::
//
// A quotation whose first line is "[!NOTE]", "[!TIP]", "[!IMPORTANT]",
// "[!WARNING]" or "[!CAUTION]" (in any case, alone or followed by the
// first words of the text) is a GitHub alert, and becomes a callout with
// a label in the page's language (Options.AlertLabels; the build takes
// them from the UI strings alert_note, alert_tip, ...):
//
//	> [!WARNING]
//	> Giv aldrig dine koder til andre.
//
// Shortcodes and template tags ("{{< callout >}}", "{{% notice %}}",
// "{% include %}") are errors outside code and HTML comments, which say
// what to write instead: sitegen runs no templates in Markdown. One in a
// comment (<!-- {{< x >}} -->) is left alone: no reader sees it.
//
// An HTML page (package content) is not Markdown: ConvertHTML gives it a
// Result of its body as it is.
//
// Parser parses this dialect for its structure alone: package blocks
// splits pages into what translators translate with it, so that every
// block syntax here (a disclosure's fences, an alert's marker) is
// structure there too, never text.
//
// # Heading ids
//
// Headings get ids from the text a reader sees, by GitHub's rules (see
// Slugify): "Sårbarhet och säkerhet" becomes "sårbarhet-och-säkerhet", and
// a link in a heading gives its text, never its destination. A site may
// ask for another rule (Options.IDs, an IDStyle): ASCII ids spelt as the
// language writes its letters (SlugifyASCII: "Sådan klager du" becomes
// "saadan-klager-du" in Danish), or the rule of the generator its pages
// were made with, so that the old #anchors still lead somewhere: Hugo's
// "github-ascii" (SlugifyGitHubASCII) and "blackfriday"
// (SlugifyBlackfriday: "Let's go" becomes "let-s-go", where GitHub's
// rule gives "lets-go"). "## Frist {#frist}" sets an id by hand,
// which keeps an anchor the same in every language. Every id on the
// rendered page is unique: an id made from text skips the ids the
// layouts use (Options.LayoutIDs), the ids set by hand anywhere on the
// page, and the ids made before it ("frist", "frist-1", ...). An id set by
// hand twice, or one that a layout uses, is an error at its line. With
// raw HTML on, the ids raw HTML defines (<a id="general">, the <a id> in
// "## <a id="x">Title</a>", <span id>, <a name>) are the page's too
// (Result.IDs, which links' #anchors are checked against), and ids made
// from text skip them.
//
// # Typography
//
// Dashes and ellipses become typographic ("--" is "–", "---" is "—",
// "..." is "…"), and straight quotes become the quotation marks of the
// page's language: »dansk« and ›indre‹, “English” and ‘inner’, ”svenska”,
// „Deutsch“, «norsk» (see quoteMarks for every language and its source).
// An apostrophe inside or at the end of a word is ’ (det’s, Jens’ cykel).
// A quote escaped with a backslash (\") stays straight.
//
// # Links
//
// Link destinations are passed to a Resolver, which the build uses to turn
// "klage.md#frist" into the URL of that page in the page's language, and
// then to LinkAttrs, which may give the link attributes, such as the lang
// of its text. A link, autolink or image whose URL would run script or
// open a document of its own (javascript:, vbscript:, file:, data: other
// than an image, however it is spelt) is left out with a warning, its text
// kept, unless Options.UnsafeHTML trusts the editors.
package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	stdhtml "html"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Converter.
type Options struct {
	Lang       string  // BCP 47 tag of the page's language: selects quotation marks and transliteration
	UnsafeHTML bool    // pass raw HTML through; only for fully trusted editors
	IDs        IDStyle // how heading ids are made from their text; "" is IDsGitHub

	// AlertLabels holds the visible label of each GitHub alert type in
	// Lang, by type ("note": "Bemærk"); see AlertTypes. An alert whose
	// label is missing is an error at its line.
	AlertLabels map[string]string

	// UI holds the other words the converter writes into pages, in Lang,
	// by UI string id (UIMessageIDs): the name of a block of code, the
	// footnotes' heading and links' names, what a task list item says
	// before its text. footnote_ref has NumberSlot where the number goes.
	// A page that needs a missing one gets an error at its line.
	UI map[string]string

	// Highlight colours fenced code by its language, with classes (see
	// HighlightClasses).
	Highlight bool

	// LayoutIDs holds the ids the layouts give elements of every page,
	// each with where it is set ("layouts/base.html:12"). Ids made from
	// heading text skip them; {#id} may not use them.
	LayoutIDs map[string]string
}

// A Converter turns Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md        goldmark.Markdown
	unsafe    bool
	lang      string
	ids       IDStyle
	marks     marks
	labels    map[string]string
	ui        map[string]string
	highlight bool
	layoutIDs map[string]string
}

// New returns a Converter for one language.
func New(opts Options) *Converter {
	c := &Converter{unsafe: opts.UnsafeHTML, lang: opts.Lang, ids: opts.IDs,
		marks: quoteMarks(opts.Lang), labels: opts.AlertLabels, ui: opts.UI, highlight: opts.Highlight,
		layoutIDs: opts.LayoutIDs}
	rendererOpts := []goldmark.Option{}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	md := goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(syntax()...),
		goldmark.WithExtensions(
			// Dashes and ellipses only: quotes are placed by placeQuotes,
			// which knows the language's marks.
			extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation][]byte{
				extension.EnDash: []byte("–"), extension.EmDash: []byte("—"), extension.Ellipsis: []byte("…"),
				extension.LeftAngleQuote: []byte("«"), extension.RightAngleQuote: []byte("»"),
				extension.LeftSingleQuote: nil, extension.RightSingleQuote: nil,
				extension.LeftDoubleQuote: nil, extension.RightDoubleQuote: nil, extension.Apostrophe: nil,
			})),
			taskRenderer{c},
			callouts{},
			codeBlocks{c},
			footnotes{c},
		),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
	)...)
	c.md = md
	return c
}

// A Heading is a heading of the page.
type Heading struct {
	Level int
	ID    string
	Text  string
	Line  int
}

// A Link is a link or image destination as written in the Markdown.
type Link struct {
	Dest  string
	Text  string // the link's text, or an image's alt text
	Line  int
	Image bool
}

// A Problem is an error or warning at a line of the file.
type Problem struct {
	Line    int
	Msg     string
	Warning bool
}

// Result is a converted page.
type Result struct {
	HTML     []byte
	Headings []Heading
	Links    []Link
	IDs      []string // every id the body defines (headings, footnotes, raw HTML's id= and <a name=>), sorted, each once
	Text     []string // the plain text of each block that ends a sentence (paragraph, heading, list item, cell), as far as asked for
	Images   []Image  // images, for lint
	Tables   []Table  // tables, for lint
	RawHTML  bool     // the Markdown has raw HTML
}

// An Image is an image in the body.
type Image struct {
	Dest string
	Alt  string
	Line int
}

// A Table is a table in the body.
type Table struct {
	Line      int
	HasHeader bool // the header row has text in some cell
}

// A Resolver maps a link destination as written to the one to emit. It
// returns an error to report at the link's line.
type Resolver func(dest string) (string, error)

// An ImageAttrs gives the attributes of an image whose destination
// resolved to url (width, height, loading), in order, and a problem to
// report at the image's line (Line is set by Convert), or nil.
type ImageAttrs func(url string) ([][2]string, *Problem)

// A LinkAttrs gives the attributes of a link whose destination resolved to
// url and whose text, as a reader sees it, is text, in order: the build
// gives a link whose text is the title of the page it goes to, in another
// language than the page's, that language's lang (and dir).
type LinkAttrs func(url, text string) [][2]string

// Hooks are what a conversion asks the build about links and images;
// each may be nil.
type Hooks struct {
	Resolve Resolver   // nil keeps destinations as written
	Images  ImageAttrs // the attributes of an image's <img>
	Links   LinkAttrs  // the attributes of a link's <a>
}

// Convert renders src, whose first line is line firstLine of its file.
// resolve may be nil to keep destinations as written. The result carries
// the page's plain text, for readability and search, up to about
// textWords words: 0 for none, AllText for all of it.
func (c *Converter) Convert(src []byte, firstLine int, resolve Resolver, textWords int) (*Result, []Problem) {
	return c.ConvertHooks(src, firstLine, Hooks{Resolve: resolve}, textWords)
}

// ConvertWithImages is Convert that asks images for the attributes of
// their <img>; images may be nil.
func (c *Converter) ConvertWithImages(src []byte, firstLine int, resolve Resolver, textWords int, images ImageAttrs) (*Result, []Problem) {
	return c.ConvertHooks(src, firstLine, Hooks{Resolve: resolve, Images: images}, textWords)
}

// ConvertHooks is Convert with every hook.
func (c *Converter) ConvertHooks(src []byte, firstLine int, hooks Hooks, textWords int) (*Result, []Problem) {
	return c.ConvertSized(src, firstLine, Measure(src), hooks, textWords)
}

// ConvertSized is ConvertHooks of a page already measured: size must be
// Measure(src). The build measures each page for its budget of elements
// before it converts it, and counting a page took as long again.
func (c *Converter) ConvertSized(src []byte, firstLine int, size Size, hooks Hooks, textWords int) (*Result, []Problem) {
	if pr := checkSize(size, firstLine); pr != nil {
		return &Result{}, []Problem{*pr} // too large to parse: see MaxElements
	}
	doc := c.md.Parser().Parse(text.NewReader(src))
	w := walker{c: c, src: src, first: firstLine, resolve: hooks.Resolve, images: hooks.Images, links: hooks.Links, res: &Result{}}
	w.transform(doc)
	w.walk(doc, textWords)
	w.footnoteIDs()
	w.res.IDs = append(w.res.IDs, w.footnotes...)
	w.res.IDs = append(w.res.IDs, w.rawIDs...)
	slices.Sort(w.res.IDs)
	w.res.IDs = slices.Compact(w.res.IDs)
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := c.md.Renderer().Render(bufferWriter{&buf}, src, doc); err != nil {
		w.problems = append(w.problems, Problem{Line: firstLine, Msg: fmt.Sprintf("rendering Markdown: %v", err)})
	}
	w.res.HTML = buf.Bytes()
	return w.res, w.problems
}

// bufferWriter lets goldmark's renderer write to a bytes.Buffer as it
// is: given any other writer it puts a bufio.Writer of 4 KB in between,
// one per page, for nothing (1.8% of what a build allocates; issue 30).
type bufferWriter struct{ *bytes.Buffer }

var _ util.BufWriter = bufferWriter{} // what the renderer looks for

// Buffered returns 0: nothing waits to be written.
func (bufferWriter) Buffered() int { return 0 }

// Flush does nothing: every write is in the buffer already.
func (bufferWriter) Flush() error { return nil }

type walker struct {
	c         *Converter
	src       []byte
	first     int
	resolve   Resolver
	images    ImageAttrs
	links     LinkAttrs
	res       *Result
	problems  []Problem
	footnotes []string // the ids of footnotes and their references
	rawIDs    []string // the ids raw HTML defines (<a id="x">), when raw HTML is on
	lines     []int    // offsets of line starts, built on first use
	quoteRun  quoteRun // the quotes pass's scratch space
	uiMissing map[string]bool
}

// transform rewrites the parsed page before it is walked: GitHub alerts
// become callouts, task list items get their labels, quotes become
// typographic, every heading gets its id; and it reports shortcodes.
func (w *walker) transform(doc ast.Node) {
	w.shortcodes(doc)
	var quotes []ast.Node
	var alerts []*ast.Blockquote
	var boxes []*east.TaskCheckBox
	var headings []*ast.Heading
	var paragraphs []*ast.Paragraph
	var details []*disclosure
	hasQuotes := bytes.ContainsAny(w.src, "'\"")
	hasFences := bytes.Contains(w.src, []byte(":::"))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Blockquote:
			alerts = append(alerts, n)
		case *east.TaskCheckBox:
			boxes = append(boxes, n)
		case *ast.Heading:
			headings = append(headings, n)
		case *ast.RawHTML, *ast.HTMLBlock:
			if w.c.unsafe && !isComment(n, w.src) {
				w.rawIDs = append(w.rawIDs, htmlIDs(rawText(n, w.src))...)
			}
		case *ast.Paragraph:
			if hasFences {
				paragraphs = append(paragraphs, n)
			}
		case *disclosure:
			details = append(details, n)
		}
		if hasQuotes && n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			quotes = append(quotes, n)
		}
		return ast.WalkContinue, nil
	})
	for _, bq := range alerts {
		w.alert(bq)
	}
	w.tasks(boxes)
	for _, p := range paragraphs {
		w.containers(p)
	}
	for _, d := range details {
		w.summaries(d)
	}
	for _, b := range quotes {
		w.quotes(b)
	}
	w.headingIDs(headings)
}

// AllText asks Convert for all of a page's text.
const AllText = -1

func (w *walker) walk(doc ast.Node, textWords int) {
	collect, remaining := textWords != 0, textWords
	var remove, breaks []ast.Node
	var autolinks []*ast.AutoLink // to drop
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			w.heading(n)
		case *ast.Link:
			if !w.link(n, &n.Destination, false) {
				remove = append(remove, n)
			}
		case *ast.Image:
			alt := plainText(n, w.src)
			w.res.Images = append(w.res.Images, Image{Dest: string(n.Destination), Alt: alt, Line: w.line(n)})
			if !w.link(n, &n.Destination, true) {
				remove = append(remove, n)
			}
		case *ast.AutoLink:
			if !w.autolink(n) {
				autolinks = append(autolinks, n)
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			w.res.RawHTML = true
			switch {
			case w.c.unsafe:
			case isComment(n, w.src):
				// An HTML comment is a note to other editors: it is left
				// out whatever the setting, and that is what was meant.
			case isLineBreak(n, w.src):
				breaks = append(breaks, n)
			default:
				w.problems = append(w.problems, Problem{Line: w.line(n), Warning: true,
					Msg: "raw HTML is off, so this HTML is left out of the page: write it in Markdown, or put it in `code` to show it as text"})
			}
		case *east.Table:
			hasHeader := false
			if h := n.FirstChild(); h != nil && h.Kind() == east.KindTableHeader {
				hasHeader = strings.TrimSpace(plainText(h, w.src)) != ""
			}
			w.res.Tables = append(w.res.Tables, Table{Line: w.tableLine(n), HasHeader: hasHeader})
		case *east.TableCell:
			if a := alignClass(n.Alignment); a != "" {
				n.SetAttributeString("class", []byte(a))
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			w.needUI(IDCodeLabel, w.line(n))
		case *east.Footnote:
			w.footnotes = append(w.footnotes, fmt.Sprintf("fn:%d", n.Index))
			w.needUI(IDFootnotesTitle, w.line(n))
			w.needUI(IDFootnoteBack, w.line(n))
		case *east.FootnoteLink:
			w.needUI(IDFootnoteRef, w.line(n))
			ref := ""
			if n.RefIndex > 0 {
				ref = fmt.Sprint(n.RefIndex)
			}
			w.footnotes = append(w.footnotes, fmt.Sprintf("fnref%s:%d", ref, n.Index))
		}
		if collect && isTextBlock(n) {
			if t := strings.TrimSpace(plainText(n, w.src)); t != "" {
				w.res.Text = append(w.res.Text, t)
				if textWords != AllText {
					remaining -= strings.Count(t, " ") + 1
					collect = remaining > 0
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range remove {
		unwrap(n)
	}
	for _, n := range autolinks {
		// The link goes, its text stays, written as it is.
		label := ast.NewString(n.Label(w.src))
		label.SetRaw(true)
		n.Parent().ReplaceChild(n.Parent(), n, label)
	}
	for _, n := range breaks {
		br := ast.NewString([]byte("<br>"))
		br.SetCode(true) // written as it is
		n.Parent().ReplaceChild(n.Parent(), n, br)
	}
}

// isComment reports whether raw HTML is one HTML comment and nothing else.
func isComment(n ast.Node, src []byte) bool {
	t := bytes.TrimSpace(rawText(n, src))
	return bytes.HasPrefix(t, []byte("<!--")) && bytes.HasSuffix(t, []byte("-->")) && bytes.Count(t, []byte("-->")) == 1
}

// isLineBreak reports whether inline raw HTML is a <br>, which GitHub
// Markdown uses for a line break inside a table cell; it is kept even with
// raw HTML off, since it cannot carry script or style.
func isLineBreak(n ast.Node, src []byte) bool {
	if _, ok := n.(*ast.RawHTML); !ok {
		return false
	}
	t := strings.ToLower(strings.Join(strings.Fields(string(rawText(n, src))), ""))
	return t == "<br>" || t == "<br/>"
}

// rawText returns the source of a raw HTML node.
func rawText(n ast.Node, src []byte) []byte {
	var b []byte
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b = append(b, seg.Value(src)...)
		}
	case *ast.HTMLBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b = append(b, seg.Value(src)...)
		}
		if n.HasClosure() {
			b = append(b, n.ClosureLine.Value(src)...)
		}
	}
	return b
}

func (w *walker) heading(n *ast.Heading) {
	id := headingID(n)
	w.res.IDs = append(w.res.IDs, id)
	w.res.Headings = append(w.res.Headings, Heading{
		Level: n.Level, ID: id, Text: visibleText(n, w.src), Line: w.line(n),
	})
}

// link resolves one destination in place. It returns false when the link
// must be dropped, keeping only its text.
func (w *walker) link(n ast.Node, dest *[]byte, image bool) bool {
	d := string(*dest)
	line := w.line(n)
	w.res.Links = append(w.res.Links, Link{Dest: d, Text: plainText(n, w.src), Line: line, Image: image})
	if !w.c.unsafe && unsafeURL(*dest) {
		w.problems = append(w.problems, Problem{Line: line, Warning: true, Msg: leftOut(d)})
		return false
	}
	if w.resolve == nil {
		return true
	}
	u, err := w.resolve(d)
	if err != nil {
		w.problems = append(w.problems, Problem{Line: line, Msg: err.Error()})
		return true
	}
	*dest = []byte(u)
	if !image && w.links != nil {
		for _, a := range w.links(u, visibleText(n, w.src)) {
			n.SetAttributeString(a[0], []byte(a[1]))
		}
	}
	if image && w.images != nil {
		attrs, pr := w.images(u)
		for _, a := range attrs {
			n.SetAttributeString(a[0], []byte(a[1]))
		}
		if pr != nil {
			pr.Line = line
			w.problems = append(w.problems, *pr)
		}
	}
	return true
}

// autolink checks an autolink (<https://...>, and www.example.org with
// the Linkify extension) as link checks a link's destination. It returns
// false when the link must be dropped, keeping its text: goldmark itself
// would write <a href=""> for it, with no word said.
func (w *walker) autolink(n *ast.AutoLink) bool {
	url := n.URL(w.src)
	if w.c.unsafe || !unsafeURL(url) {
		return true
	}
	line := w.first
	if label := n.Label(w.src); len(label) > 0 {
		// The label is a slice of the source: its offset is where the
		// link stands, as goldmark keeps no position for it otherwise.
		if off := cap(w.src) - cap(label); off >= 0 && off+len(label) <= len(w.src) && &w.src[off] == &label[0] {
			line = w.lineAt(off)
		} else {
			line = w.line(n)
		}
	}
	w.problems = append(w.problems, Problem{Line: line, Warning: true, Msg: leftOut(string(url))})
	return false
}

// leftOut is the warning for a link left out by unsafeURL.
func leftOut(dest string) string {
	return fmt.Sprintf("link to %q is left out: links may not run script or embed data", truncate(dest))
}

// unsafeURL reports whether a link's destination would run script or
// open a document of its own: javascript:, vbscript:, file: and data:
// URLs other than PNG, GIF, JPEG and WebP images (goldmark's
// html.IsDangerousURL, in any case). It reads the destination as a
// browser would: character references and backslash escapes resolved, as
// goldmark writes them out, and the spaces and control characters around
// it and the tabs and line breaks inside it dropped, as browsers drop
// them ("jav&#x61;script:", " java&#9;script:" and "&#1;javascript:" are
// all javascript:).
func unsafeURL(dest []byte) bool {
	u := util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(dest)))
	u = bytes.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = bytes.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	return html.IsDangerousURL(u)
}

// line returns the file line of a node: that of its first text, or of the
// block that holds it.
func (w *walker) line(n ast.Node) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	for b := n; off < 0 && b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			off = b.Lines().At(0).Start
		}
	}
	return w.lineAt(off)
}

// lineAt returns the file line of a source offset.
func (w *walker) lineAt(off int) int {
	if off < 0 {
		return w.first
	}
	if w.lines == nil {
		w.lines = []int{0}
		for i, c := range w.src {
			if c == '\n' {
				w.lines = append(w.lines, i+1)
			}
		}
	}
	return w.first + sort.SearchInts(w.lines, off+1) - 1
}

// tableLine returns the line of a table's header row: the line of its
// first text, less the rows (and the delimiter row) above that text.
func (w *walker) tableLine(t *east.Table) int {
	above := 0
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if strings.TrimSpace(plainText(row, w.src)) != "" {
			return w.line(row) - above
		}
		if above == 0 {
			above = 2 // the header and the delimiter row
		} else {
			above++
		}
	}
	return w.line(t)
}

// unwrap replaces a node by its children.
func unwrap(n ast.Node) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

func alignClass(a east.Alignment) string {
	switch a {
	case east.AlignLeft:
		return "align-left"
	case east.AlignRight:
		return "align-right"
	case east.AlignCenter:
		return "align-center"
	}
	return ""
}

// isTextBlock reports whether n is a block whose text ends a sentence for
// readability: paragraphs, headings, list item texts and table cells.
func isTextBlock(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock, east.KindTableCell,
		east.KindDefinitionTerm, kindSummary:
		return true
	}
	return false
}

// plainText returns the text of n's inline descendants, images' alt
// text included.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	if n.Type() == ast.TypeBlock {
		// Its source lines hold its text and the markup around it: about
		// the text's size, where growing from nothing copied it some
		// times over (issue 30).
		size, lines := 0, n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			size += seg.Len()
		}
		b.Grow(size)
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		return textOf(c, src, &b)
	})
	return b.String()
}

// textOf writes the text of one inline node to b, and says whether to go
// on into its children.
func textOf(c ast.Node, src []byte, b *strings.Builder) (ast.WalkStatus, error) {
	switch c := c.(type) {
	case *ast.Text:
		b.Write(textValue(c, src))
		if c.SoftLineBreak() || c.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		b.Write(c.Value)
	case *ast.CodeSpan:
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			if s, ok := t.(*ast.Text); ok {
				b.Write(s.Segment.Value(src))
			}
		}
		return ast.WalkSkipChildren, nil
	case *ast.AutoLink:
		b.Write(c.Label(src))
	case *east.FootnoteLink:
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

// textValue returns the text a reader sees of a Text node: its source with
// entity and numeric character references (&amp;, &nbsp;, &#8212;) and
// backslash escapes (\*) resolved, as the HTML renderer writes it. A
// heading's id, the table of contents, search and readability read this
// text, so "R&amp;D" is "R&D" to them as to the reader.
func textValue(t *ast.Text, src []byte) []byte {
	v := t.Segment.Value(src)
	if t.IsRaw() || bytes.IndexAny(v, "&\\\x00") < 0 {
		return v
	}
	var buf bytes.Buffer
	w := bufio.NewWriterSize(&buf, len(v)+16) // not the default 4 KB for a few words
	html.DefaultWriter.Write(w, v)            // as the renderer: resolved and HTML-escaped
	_ = w.Flush()
	return []byte(stdhtml.UnescapeString(buf.String()))
}

func truncate(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
