package xliff

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/udenmitid/sitegen/internal/blocks"
	"github.com/udenmitid/sitegen/internal/content"
)

// A Request is one page to export for translation into Lang.
type Request struct {
	Lang       string
	Source     *content.File // the default-language page
	SourceData []byte        // its file as on disk
	Target     string        // the translation's path: the file that exists, or the one to make

	// Translation is the translation as it is, with its file's bytes;
	// nil when the page is missing in Lang.
	Translation     *content.File
	TranslationData []byte

	// Stamped is the version of the source the translation was made from
	// (package history; the source itself when the translation is up to
	// date); nil when it is not known.
	Stamped *content.File

	Tool string // the version of sitegen, for the file's <tool>

	// CopySource gives each unit that would have no target the source as
	// its target, with state needs-translation. OmegaT's own XLIFF filter
	// (3.6, as in Debian) translates only the text of targets that are
	// there, and finds nothing to translate in a file without them.
	CopySource bool
}

// A target is what the export gives a unit to start from.
type target struct {
	parts  []blocks.Part
	state  string
	note   string
	filled string // the translation's Markdown of it
}

// Export returns the XLIFF file of one page (see the package
// documentation). The error says when the source, or the translation
// given, cannot be split into units.
func Export(r Request) ([]byte, error) {
	src, err := blocks.Parse(r.Source.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.Source.Path, err)
	}
	units := pageUnits(r.Source, src, allFront())
	targets, err := prefill(r, src)
	if err != nil {
		return nil, err
	}
	skl := skeleton{Sitegen: 1, Source: r.Source.Path, Hash: r.Source.SourceHash(), Lang: r.Lang, Target: r.Target,
		SourceFile: string(r.SourceData), Filled: map[string]filled{}}
	for _, u := range units {
		if u.about != "" {
			skl.Front = append(skl.Front, u.id)
		}
	}
	if r.Translation != nil {
		skl.TranslationSHA256 = sha(r.TranslationData)
	}
	for id, t := range targets {
		skl.Filled[id] = filled{Sig: sig(t.parts), Markdown: t.filled}
	}
	sklJSON, err := json.Marshal(skl)
	if err != nil {
		return nil, err
	}

	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<xliff version=\"1.2\" xmlns=\"%s\">\n", Namespace)
	fmt.Fprintf(&b, " <file original=\"%s\" source-language=\"%s\" target-language=\"%s\" datatype=\"x-markdown\" tool-id=\"sitegen\">\n",
		attr(r.Source.Path), attr(r.Source.Lang), attr(r.Lang))
	b.WriteString("  <header>\n   <skl><internal-file form=\"application/json\">")
	b.WriteString(text(string(sklJSON)))
	b.WriteString("</internal-file></skl>\n")
	fmt.Fprintf(&b, "   <tool tool-id=\"sitegen\" tool-name=\"sitegen\" tool-version=\"%s\"/>\n", attr(r.Tool))
	fmt.Fprintf(&b, "   <note>%s</note>\n", text(fmt.Sprintf("The page %s (hash %s), for %s. Translate the targets; inline codes stand for Markdown (links, emphasis, code) and must stay. Import with: sitegen xliff import FILE", r.Source.Path, skl.Hash, r.Target)))
	b.WriteString("  </header>\n  <body>\n")
	for _, u := range units {
		// xml:space="preserve": a hard line break's code is "\\" and a
		// line break, which tools that collapse spaces (translate-toolkit)
		// would make a space.
		fmt.Fprintf(&b, "   <trans-unit id=\"%s\" restype=\"x-%s\" xml:space=\"preserve\"", u.id, attr(restype(u.kind)))
		t, ok := targets[u.id]
		if !ok && r.CopySource {
			t, ok = target{parts: u.parts, state: "needs-translation"}, true
		}
		if ok && t.state == "final" {
			b.WriteString(` approved="yes"`)
		}
		b.WriteString(">\n    <source>")
		writeInline(&b, u, u.parts, src)
		b.WriteString("</source>\n")
		if ok {
			fmt.Fprintf(&b, "    <target state=\"%s\">", t.state)
			writeInline(&b, u, t.parts, src)
			b.WriteString("</target>\n")
		}
		note := fmt.Sprintf("%s, line %d of %s", u.kind, u.line, r.Source.Path)
		if u.about != "" {
			note = fmt.Sprintf("%s (%s), line %d of %s", u.kind, u.about, u.line, r.Source.Path)
		}
		if u.bu != nil && u.bu.Level > 0 {
			note = fmt.Sprintf("heading (level %d), line %d of %s", u.bu.Level, u.line, r.Source.Path)
		}
		if ok && t.note != "" {
			note += ". " + t.note
		}
		fmt.Fprintf(&b, "    <note>%s</note>\n", text(note))
		b.WriteString("   </trans-unit>\n")
	}
	b.WriteString("  </body>\n </file>\n</xliff>\n")
	return b.Bytes(), nil
}

// restype names a unit's kind as an XLIFF restype ("x-list-item").
func restype(kind string) string {
	out := []byte(kind)
	for i, c := range out {
		if c == ' ' {
			out[i] = '-'
		}
	}
	return string(out)
}

// writeInline writes parts of unit u as XLIFF inline content: text, and
// each code as the element of its role holding the source's Markdown.
func writeInline(b *bytes.Buffer, u unit, parts []blocks.Part, p *blocks.Page) {
	for _, pt := range parts {
		c := pt.Code
		if c == nil {
			b.WriteString(text(pt.Text))
			continue
		}
		orig := u.bu.Code(c.ID, c.Role)
		md := orig.Markdown(p)
		id := strconv.Itoa(c.ID)
		switch c.Role {
		case blocks.Open:
			fmt.Fprintf(b, `<bpt id="%s" ctype="%s">`, id, ctype(orig.Type))
			b.WriteString(text(md))
			b.WriteString("</bpt>")
		case blocks.Close:
			fmt.Fprintf(b, `<ept id="%s">`, id)
			b.WriteString(text(md))
			b.WriteString("</ept>")
		default:
			fmt.Fprintf(b, `<ph id="%s" ctype="%s">`, id, ctype(orig.Type))
			b.WriteString(text(md))
			b.WriteString("</ph>")
		}
	}
}

// attr escapes s for an attribute value in double quotes.
func attr(s string) string { return strings.ReplaceAll(text(s), `"`, "&quot;") }

// text escapes s for XML text: &, < and >, and characters XML 1.0 does
// not allow as U+FFFD (xml.EscapeText escapes quotes and line breaks too,
// which a translator then reads in the file).
func text(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20 || r >= 0xD800 && r < 0xE000 || r == 0xFFFE || r == 0xFFFF:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// prefill gives the units of the source their targets from the
// translation, by unit ID.
func prefill(r Request, src *blocks.Page) (map[string]target, error) {
	out := map[string]target{}
	tr := r.Translation
	if tr == nil {
		return out, nil
	}
	trPage, err := blocks.Parse(tr.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", tr.Path, err)
	}
	known := r.Stamped != nil
	// The front matter's texts.
	plain := func(id, now, then, translated string) {
		if translated == "" || now == "" {
			return
		}
		t := target{parts: []blocks.Part{{Text: translated}}, filled: translated}
		switch {
		case !known:
			t.state, t.note = "needs-review-translation", unknownNote
		case now == then:
			t.state = "final"
		default:
			t.state, t.note = "needs-translation", changedNote
		}
		out[id] = t
	}
	var stampedTitle, stampedDesc string
	if known {
		stampedTitle, stampedDesc = r.Stamped.Meta.Title, r.Stamped.Meta.Description
	}
	plain("title", r.Source.Meta.Title, stampedTitle, tr.Meta.Title)
	plain("description", r.Source.Meta.Description, stampedDesc, tr.Meta.Description)
	for _, ff := range frontFields {
		var stamped string
		if known {
			stamped = ff.text(r.Stamped.Meta)
		}
		plain(ff.id, ff.text(r.Source.Meta), stamped, ff.text(tr.Meta))
	}

	// The body's units: each unit of the source now, through the unit
	// of the stamped source it is or was rewritten from, to the
	// translation's unit made from that.
	idx := make([]int, len(src.Units))
	how := make([]int, len(src.Units))
	guess := make([]bool, len(src.Units)) // lined up next to a unit the other page lacks
	if known {
		old, err := blocks.Parse(r.Stamped.Body)
		if err != nil {
			return nil, fmt.Errorf("%s as stamped: %w", r.Source.Path, err)
		}
		var toOld []int
		toOld, how = alignVersions(src, old)
		oldToTr := alignKinds(old.Units, trPage.Units)
		oldSure := sure(oldToTr, len(trPage.Units))
		for i, o := range toOld {
			idx[i] = -1
			if o >= 0 {
				idx[i] = oldToTr[o]
				guess[i] = !oldSure[o]
			}
		}
	} else {
		idx = alignKinds(src.Units, trPage.Units)
	}
	for i, u := range src.Units {
		j := idx[i]
		if j < 0 {
			continue
		}
		tu := trPage.Units[j]
		parts, complete := mapCodes(u, tu)
		t := target{parts: parts, filled: tu.Markdown(trPage)}
		switch {
		case !known:
			t.state, t.note = "needs-review-translation", unknownNote
		case how[i] == rewritten:
			t.state, t.note = "needs-translation", changedNote
		case guess[i]:
			t.state, t.note = "needs-review-translation", guessNote
		case !complete:
			t.state, t.note = "needs-review-translation", "The translation's inline markup differs from the source's"
		default:
			t.state = "final"
		}
		out[unitID(u)] = t
	}
	return out, nil
}

const (
	changedNote = "The source changed since this was translated: the target is the translation of the old text"
	unknownNote = "The source as it was translated is not known: check the target against the source"
	guessNote   = "The translation's blocks differ from the source's around here: check that the target translates this source, and only it"
)
