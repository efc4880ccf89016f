package xliff

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/udenmitid/sitegen/internal/blocks"
	"github.com/udenmitid/sitegen/internal/content"
)

// A Result is one imported translation, ready to be written.
type Result struct {
	Path        string // the translation, "content/en/klage.md"
	Data        []byte // its whole file
	Lang        string
	Source      string // the source page, as exported
	Hash        string // translated_from: the source's hash at the export
	SourceData  []byte // the source file as exported, to keep (package history)
	NeedsReview int    // units not final
	New         bool   // the translation did not exist
}

// Options configure Import.
type Options struct {
	// Current reads a file of the site as it is now ("content/en/klage.md"),
	// or returns an error wrapping fs.ErrNotExist.
	Current func(path string) ([]byte, error)
	// Force imports over a translation that changed since the export.
	Force bool
}

// Import reads one XLIFF file made by Export and translated, and returns
// the translation to write. It writes nothing: an error names what is
// wrong (the unit, when it is one unit) and nothing of the file may be
// written.
func Import(data []byte, opts Options) (*Result, error) {
	files, err := readXLIFF(data)
	if err != nil {
		return nil, err
	}
	var skl skeleton
	var ours *xfile
	for i := range files {
		if files[i].skeleton == "" {
			continue
		}
		if err := json.Unmarshal([]byte(files[i].skeleton), &skl); err == nil && skl.Sitegen == 1 {
			ours = &files[i]
			break
		}
	}
	if ours == nil {
		return nil, errors.New("no sitegen export in it (no <skl> from sitegen xliff export): import the file the export wrote, translated; after xliff2po, use pomerge -t or po2xliff -t with the exported file")
	}
	src, diags := content.Parse(skl.Source, []byte(skl.SourceFile))
	if src == nil || src.SourceHash() != skl.Hash {
		return nil, fmt.Errorf("the source recorded in the file does not read or does not have its hash %s (%v): export again", skl.Hash, diags)
	}
	page, err := blocks.Parse(src.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", skl.Source, err)
	}
	units := pageUnits(src, page, skl.Front)
	got, err := gather(files, ours, units)
	if err != nil {
		return nil, err
	}

	// Each target, as parts with the source's codes.
	targets := map[string][]blocks.Part{}
	notFinal := 0
	for _, u := range units {
		xu := got[u.id]
		if xu.source == nil || sig(parseInline(xu.source)) != sig(u.parts) {
			return nil, fmt.Errorf("unit %s: its source is not the page's %s at line %d (%q): the file was changed, or is of another export", u.id, u.kind, u.line, plainText(u.parts))
		}
		parts, err := targetParts(u, xu, page)
		if err != nil {
			return nil, fmt.Errorf("unit %s (%s, line %d of %s): %v", u.id, u.kind, u.line, skl.Source, err)
		}
		targets[u.id] = parts
		if !final(xu) {
			notFinal++
		}
	}

	// The Markdown of each unit: nested units (alt texts, titles) first,
	// as they stand after the unit that holds them.
	md := map[string]string{}
	for i := len(units) - 1; i >= 0; i-- {
		u := units[i]
		if u.bu == nil {
			continue
		}
		m, err := unitMarkdown(u, targets, skl, page, md)
		if err != nil {
			return nil, fmt.Errorf("unit %s: %v", u.id, err)
		}
		md[u.bu.ID] = m
	}
	body := page.Assemble(md)
	if err := sameStructure(page, body); err != nil {
		return nil, err
	}

	res := &Result{Path: skl.Target, Lang: skl.Lang, Source: skl.Source, Hash: skl.Hash, SourceData: []byte(skl.SourceFile), NeedsReview: notFinal}
	current, err := opts.Current(skl.Target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		res.New = true
		res.Data, err = newFile(src, skl, targets, body, notFinal > 0)
	case err != nil:
		return nil, err
	default:
		if skl.TranslationSHA256 != "" && sha(current) != skl.TranslationSHA256 && !opts.Force {
			return nil, fmt.Errorf("%s changed since the export: export it again, or import with -force to write over it", skl.Target)
		}
		if skl.TranslationSHA256 == "" && !opts.Force {
			return nil, fmt.Errorf("%s was made since the export: export it again, or import with -force to write over it", skl.Target)
		}
		res.Data, err = updateFile(current, src, targets, body, skl, notFinal > 0)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", skl.Target, err)
	}
	if f, diags := content.Parse(skl.Target, res.Data); f == nil {
		return nil, fmt.Errorf("%s would not read: %v", skl.Target, diags)
	}
	return res, nil
}

// gather returns the trans-unit of each of the page's units: from the
// export's file, and, where it has no target, from another file of the
// document that names the unit in a po-reference context (po2xliff -t
// adds the translations as a second file so). A unit missing, or one
// the page does not have, is an error.
func gather(files []xfile, ours *xfile, units []unit) (map[string]xunit, error) {
	want := map[string]bool{}
	for _, u := range units {
		want[u.id] = true
	}
	got := map[string]xunit{}
	for _, xu := range ours.units {
		if !want[xu.id] {
			return nil, fmt.Errorf("unit %s is not one of the page's units: the file was changed, or is of another export", xu.id)
		}
		if _, dup := got[xu.id]; dup {
			return nil, fmt.Errorf("unit %s is in the file twice", xu.id)
		}
		got[xu.id] = xu
	}
	for i := range files {
		if &files[i] == ours {
			continue
		}
		for _, xu := range files[i].units {
			if xu.poRef == "" || !want[xu.poRef] || xu.target == nil {
				continue
			}
			if mine, ok := got[xu.poRef]; ok && !hasTarget(mine) {
				mine.target, mine.state, mine.approved = xu.target, xu.state, xu.approved
				got[xu.poRef] = mine
			}
		}
	}
	// A unit without a target takes that of a unit with the same
	// source: pomerge fills only the first of units that share a source.
	bySource := map[string]xunit{}
	for _, u := range units {
		xu, ok := got[u.id]
		if !ok {
			return nil, fmt.Errorf("unit %s (%s, line %d) is missing", u.id, u.kind, u.line)
		}
		if xu.source == nil {
			continue
		}
		key := sig(parseInline(xu.source))
		if hasTarget(xu) {
			if _, seen := bySource[key]; !seen {
				bySource[key] = xu
			}
		} else if same, ok := bySource[key]; ok {
			xu.target, xu.state, xu.approved = same.target, same.state, same.approved
			got[u.id] = xu
		}
	}
	return got, nil
}

// hasTarget reports whether a trans-unit has a target with something in
// it.
func hasTarget(xu xunit) bool {
	return xu.target != nil && (strings.TrimSpace(xu.target.text()) != "" || len(xu.target.children) > 0 && slices.ContainsFunc(xu.target.children, func(c any) bool { _, ok := c.(*node); return ok }))
}

// final reports whether a unit's translation is done: state final or
// signed-off, or approved with state translated or none.
func final(xu xunit) bool {
	switch xu.state {
	case "final", "signed-off":
		return true
	case "", "translated":
		return xu.approved
	}
	return false
}

// parseInline reads XLIFF inline content as parts. Codes keep their id and
// role; their content is not read.
func parseInline(n *node) []blocks.Part {
	var out []blocks.Part
	var walk func(n *node)
	code := func(id, role string) {
		i, err := strconv.Atoi(id)
		if err != nil {
			i = -1
		}
		out = append(out, blocks.Part{Code: &blocks.InlineCode{ID: i, Role: role}})
	}
	walk = func(n *node) {
		for _, c := range n.children {
			switch c := c.(type) {
			case string:
				if k := len(out); k > 0 && out[k-1].Code == nil {
					out[k-1].Text += c
				} else {
					out = append(out, blocks.Part{Text: c})
				}
			case *node:
				switch c.name {
				case "bpt", "bx":
					code(c.attr("id"), blocks.Open)
				case "ept", "ex":
					id := c.attr("id")
					if c.attr("rid") != "" && c.name == "ept" {
						id = c.attr("rid")
					}
					code(id, blocks.Close)
				case "ph", "x":
					code(c.attr("id"), blocks.Alone)
				case "it":
					if c.attr("pos") == "close" {
						code(c.attr("id"), blocks.Close)
					} else {
						code(c.attr("id"), blocks.Open)
					}
				case "g":
					code(c.attr("id"), blocks.Open)
					walk(c)
					code(c.attr("id"), blocks.Close)
				default: // mrk, and anything else: its text
					walk(c)
				}
			}
		}
	}
	walk(n)
	return out
}

// targetParts returns a unit's target as parts with the source's codes,
// checking that they are the source's codes, each once, paired and
// nested.
func targetParts(u unit, xu xunit, page *blocks.Page) ([]blocks.Part, error) {
	var parts []blocks.Part
	if xu.target != nil {
		parts = parseInline(xu.target)
	}
	hasCodes := slices.ContainsFunc(parts, func(p blocks.Part) bool { return p.Code != nil })
	if !hasCodes && strings.TrimSpace(plainText(parts)) == "" {
		return nil, errors.New("it has no translation (a target): translate it, or copy the source where it stays as it is")
	}
	if u.bu == nil {
		if hasCodes {
			return nil, errors.New("the target has inline codes, and the source has none")
		}
		return parts, nil
	}
	srcCodes := 0
	for _, p := range u.parts {
		if p.Code != nil {
			srcCodes++
		}
	}
	if !hasCodes && srcCodes > 0 {
		return flatParts(u, page, xu.target.text())
	}
	return parts, checkCodes(u.bu, parts)
}

// checkCodes checks that parts hold each code of unit u once, an open
// code before its close, pairs nested.
func checkCodes(u *blocks.Unit, parts []blocks.Part) error {
	seen := map[string]bool{}
	var open []int
	for _, p := range parts {
		c := p.Code
		if c == nil {
			continue
		}
		orig := u.Code(c.ID, c.Role)
		if orig == nil {
			return fmt.Errorf("the target has an inline code (id %d, %s) that the source does not have", c.ID, roleName(c.Role))
		}
		key := c.Role + strconv.Itoa(c.ID)
		if seen[key] {
			return fmt.Errorf("the target has the inline code %s (id %d) twice", describe(orig), c.ID)
		}
		seen[key] = true
		switch c.Role {
		case blocks.Open:
			open = append(open, c.ID)
		case blocks.Close:
			if len(open) == 0 || open[len(open)-1] != c.ID {
				if !slices.Contains(open, c.ID) {
					return fmt.Errorf("the target closes %s (id %d) before it opens it", describe(orig), c.ID)
				}
				return fmt.Errorf("the target closes %s (id %d) across another pair of codes: pairs must nest", describe(orig), c.ID)
			}
			open = open[:len(open)-1]
		}
	}
	for _, p := range u.Parts {
		if c := p.Code; c != nil && !seen[c.Role+strconv.Itoa(c.ID)] {
			return fmt.Errorf("the target lacks the inline code %s (id %d): put it where it belongs in the translation", describe(c), c.ID)
		}
	}
	return checkMarkup(u, parts)
}

// checkMarkup checks what Markdown cannot write of codes that are all
// there and nest: an emphasis or strikethrough around no text ("****"
// is four stars), and a line break with no text after it (a break at
// the end of a block is none).
func checkMarkup(u *blocks.Unit, parts []blocks.Part) error {
	inside := map[int]string{} // the text in each open emphasis so far
	var lastText int = -1
	for i, p := range parts {
		if p.Code == nil {
			for id := range inside {
				inside[id] += p.Text
			}
			if strings.TrimSpace(p.Text) != "" {
				lastText = i
			}
			continue
		}
		c := u.Code(p.Code.ID, p.Code.Role)
		switch {
		case c.Type != "italic" && c.Type != "bold" && c.Type != "strike":
			if c.Role == blocks.Alone && c.Type != "break" {
				lastText = i // a code span or an image is something to break before
				for id := range inside {
					inside[id] += "x"
				}
			}
		case c.Role == blocks.Open:
			inside[c.ID] = ""
		case c.Role == blocks.Close:
			if strings.TrimSpace(inside[c.ID]) == "" {
				return fmt.Errorf("the target has %s and %s with no text between them: put the words they mark between them", describe(u.Code(c.ID, blocks.Open)), describe(c))
			}
			delete(inside, c.ID)
		}
	}
	for i, p := range parts {
		if p.Code != nil && p.Code.Role == blocks.Alone && i > lastText {
			if c := u.Code(p.Code.ID, p.Code.Role); c.Type == "break" {
				return fmt.Errorf("the target ends with %s: a line break needs text after it; leave it out, or put it between two lines", describe(c))
			}
		}
	}
	return nil
}

func roleName(role string) string {
	return map[string]string{blocks.Open: "an opening code", blocks.Close: "a closing code", blocks.Alone: "a placeholder"}[role]
}

// describe names a code for a translator: "the link's end ](klage.md)".
func describe(c *blocks.InlineCode) string {
	var md strings.Builder
	for _, pc := range c.Orig {
		if pc.Unit != "" {
			md.WriteString("…")
		} else {
			md.WriteString(pc.Text)
		}
	}
	what := map[string]string{"italic": "emphasis", "bold": "strong emphasis", "strike": "strikethrough", "link": "link",
		"code": "code span", "image": "image", "break": "line break", "footnote": "footnote reference", "autolink": "link", "html": "HTML"}[c.Type]
	switch c.Role {
	case blocks.Open:
		return fmt.Sprintf("the start of the %s %q", what, md.String())
	case blocks.Close:
		return fmt.Sprintf("the end of the %s %q", what, md.String())
	}
	return fmt.Sprintf("the %s %q", what, md.String())
}

// flatParts reads a target without inline codes as Markdown (as
// translate-toolkit gives the text back) and matches its markup with the
// source unit's codes: every code must be there, with the same link
// destinations, and nothing more. The source's reference definitions and
// footnotes are read with it, so that [text][ref] and [^1] are links.
func flatParts(u unit, page *blocks.Page, text string) ([]blocks.Part, error) {
	text = strings.TrimSpace(text)
	body := []byte(text + "\n")
	for _, b := range page.Blocks {
		if b.Kind == blocks.Reference {
			body = append(append(append(body, '\n'), page.Body[b.Start:b.End]...), '\n')
		}
	}
	for _, p := range u.parts {
		if c := p.Code; c != nil && c.Type == "footnote" {
			body = append(body, "\n"+strings.TrimSuffix(c.Orig[0].Text, "]")+"]: x\n"...)
		}
	}
	p, err := blocks.Parse(body)
	if err != nil || len(p.Units) == 0 || len(p.Blocks) == 0 || p.Blocks[0].Unit != p.Units[0] {
		return nil, fmt.Errorf("the target has no inline codes, and does not read as Markdown (%v): %s", err, codeList(u.bu))
	}
	if b := p.Blocks[0]; b.Kind != blocks.Paragraph || b.In != "" || b.Start > 0 {
		return nil, fmt.Errorf("the target has no inline codes, and its Markdown (%q) reads as a %s, not as text: escape the character that starts it with \\ (\\1. or \\- or \\:::)", text, place(b))
	}
	parts, complete := mapCodes(u.bu, p.Units[0])
	if !complete || p.Blocks[0].End < len(text) {
		return nil, fmt.Errorf("the target has no inline codes, and its Markdown (%q) does not have exactly the source's: %s", text, codeList(u.bu))
	}
	return parts, checkCodes(u.bu, parts)
}

// codeList lists a unit's codes as their Markdown.
func codeList(u *blocks.Unit) string {
	var out []string
	for _, p := range u.Parts {
		if c := p.Code; c != nil {
			out = append(out, describe(c))
		}
	}
	return strings.Join(out, ", ")
}

// plainText is a unit's text with its codes left out, for messages.
func plainText(parts []blocks.Part) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

// unitMarkdown returns the Markdown of a body unit's translation: the
// source's or the old translation's Markdown as it was when the target is
// that text and the units inside it are too, else Write's.
func unitMarkdown(u unit, targets map[string][]blocks.Part, skl skeleton, page *blocks.Page, md map[string]string) (string, error) {
	parts := targets[u.id]
	s := sig(parts)
	nested := nestedUnits(u.bu, page)
	if f, ok := skl.Filled[u.id]; ok && f.Sig == s && all(nested, func(n *blocks.Unit) bool {
		g, ok := skl.Filled[unitID(n)]
		return ok && g.Sig == sig(targets[unitID(n)])
	}) {
		return f.Markdown, nil
	}
	if s == sig(u.parts) && all(nested, func(n *blocks.Unit) bool { return sig(targets[unitID(n)]) == sig(n.Parts) }) {
		return u.bu.Markdown(page), nil
	}
	return blocks.Write(u.bu, parts, md)
}

func all(us []*blocks.Unit, f func(*blocks.Unit) bool) bool {
	for _, u := range us {
		if !f(u) {
			return false
		}
	}
	return true
}

// nestedUnits returns the units inside u's codes, at any depth.
func nestedUnits(u *blocks.Unit, page *blocks.Page) []*blocks.Unit {
	var out []*blocks.Unit
	for _, p := range u.Parts {
		if p.Code == nil {
			continue
		}
		for _, pc := range p.Code.Orig {
			if pc.Unit != "" {
				n := page.Unit(pc.Unit)
				out = append(append(out, n), nestedUnits(n, page)...)
			}
		}
	}
	return out
}

// sameStructure checks that a translated body has the source's
// structure: the same blocks, of the same kinds, in the same containers
// (a list item in a disclosure stays there), each unit with the same
// kinds of inline codes. Write escapes a translation's text so that it
// stays text; this is the check that it did, which refuses the file,
// naming the first unit (or block) whose translation changed the page.
func sameStructure(src *blocks.Page, body []byte) error {
	got, err := blocks.Parse(body)
	if err != nil {
		return fmt.Errorf("the translated page does not read: %v", err)
	}
	name := func(b *blocks.Block) string {
		if b.Unit != nil {
			return fmt.Sprintf("unit u%s (%s, line %d)", b.Unit.ID, b.Kind, b.Unit.Line)
		}
		return fmt.Sprintf("the %s at line %d", b.Kind, b.Line)
	}
	for i, b := range src.Blocks {
		if i >= len(got.Blocks) {
			return fmt.Errorf("%s: the translation before it changes the page's structure: the translated page ends before it; please report this with the file", name(b))
		}
		g := got.Blocks[i]
		switch {
		case g.Kind != b.Kind || g.In != b.In:
			return fmt.Errorf("%s: its translation, or one before it, changes the page's structure: the translated page has a %s where the source has a %s; please report this with the file", name(b), place(g), place(b))
		case b.Unit != nil && (g.Unit == nil || codeTypes(g.Unit) != codeTypes(b.Unit)):
			return fmt.Errorf("%s: its translation changes its inline markup; please report this with the file", name(b))
		}
	}
	if len(got.Blocks) != len(src.Blocks) {
		return fmt.Errorf("the translated page has %d blocks, the source %d; please report this with the file", len(got.Blocks), len(src.Blocks))
	}
	for i, u := range src.Units {
		if i >= len(got.Units) || got.Units[i].Kind != u.Kind || codeTypes(got.Units[i]) != codeTypes(u) {
			return fmt.Errorf("unit u%s (%s, line %d): its translation changes the page's structure; please report this with the file", u.ID, u.Kind, u.Line)
		}
	}
	if len(got.Units) != len(src.Units) {
		return fmt.Errorf("the translated page has %d units, the source %d; please report this with the file", len(got.Units), len(src.Units))
	}
	return nil
}

// place names a block's kind and its containers: "list item in
// Disclosure/List/ListItem".
func place(b *blocks.Block) string {
	if b.In == "" {
		return b.Kind
	}
	return b.Kind + " in " + b.In
}

// codeTypes lists a unit's code types, sorted: the markup it has,
// wherever the translation put it.
func codeTypes(u *blocks.Unit) string {
	var ts []string
	for _, p := range u.Parts {
		if p.Code != nil {
			ts = append(ts, p.Code.Role+p.Code.Type)
		}
	}
	slices.Sort(ts)
	return strings.Join(ts, ",")
}

// frontText returns the target text of the title or description.
func frontText(targets map[string][]blocks.Part, id string) (string, bool) {
	parts, ok := targets[id]
	if !ok {
		return "", false
	}
	return strings.Join(strings.Fields(plainText(parts)), " "), true
}
