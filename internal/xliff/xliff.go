// Package xliff exports the pages a language needs translated as XLIFF
// files, for the translation tools (CAT tools) that agencies and public
// bodies work in, and imports their translations as Markdown pages
// (sitegen xliff export and import).
//
// # Which XLIFF
//
// XLIFF 1.2 (OASIS, 2008). Every tool a translator is likely to be handed
// reads it: OmegaT's own XLIFF filter (OmegaT 3.6 in Debian reads 1.2
// only), translate-toolkit (xliff2po, pomerge) and so Weblate and
// Pootle, memoQ, Trados Studio (its SDLXLIFF is 1.2), Phrase, Crowdin,
// Memsource. XLIFF 2.x is read by fewer, and by some only through
// plug-ins.
//
// # One file a page
//
// An export is one XLIFF file per page, with one <file> element whose
// original is the source page ("content/da/klage.md"), source-language
// the default language and target-language the language translated
// into. Its trans-units are the page's title and description (ids
// "title" and "description"), its link_title and summary when it has
// them (ids "link_title" and "summary", restypes x-page-link-title and
// x-page-summary: the page's name in menus, listings and breadcrumbs,
// and its text in listings), and one unit per block of the body (ids
// "u1", "u2", ...): each heading, paragraph, list item, table cell,
// quotation's or alert's paragraph, footnote, definition term and
// description, disclosure's summary (restype x-summary) and each
// paragraph in it, and each image's alt text and link's title (see
// package blocks, which parses pages with the parser the site is built
// with). Code blocks, HTML, link destinations, reference definitions,
// heading ids ({#frist}), list markers, an alert's [!NOTE], a
// disclosure's fences ("::: details", ":::") and the other front matter
// fields are not exposed: they are the page's structure, which the
// import writes from the source.
//
// Inline Markdown is inline codes: an emphasis, strong emphasis,
// strikethrough or link is a <bpt>/<ept> pair around its text (ctype
// italic, bold, x-strike, link), a code span, image, hard line break,
// footnote reference, autolink or inline HTML a <ph> (ctype x-code,
// image, lb, x-footnote, x-autolink, x-html). The elements hold their
// Markdown, which translation tools show as a protected tag and never
// let the translator edit; the import writes the codes' Markdown from
// the page the export recorded, never from the file, so a link
// destination or a code span comes out as it went in.
//
// The header's skeleton (<skl><internal-file form="application/json">)
// records what the import needs: the source file as exported and its
// hash, the target language and the translation's path, and the
// translation's own Markdown for each unit the export filled in.
//
// # Targets and states
//
// A missing page's units have no target, unless the export copies the
// source (Request.CopySource, sitegen xliff export -copy-source): then each
// gets the source as its target, with state="needs-translation". OmegaT's
// own XLIFF filter (3.6) translates only targets that are there, and finds
// nothing to translate in a file without them; it leaves the state as it
// was, so such a page imports with needs_review set.
//
// For a translation that exists, each unit of the source is lined up
// with the translation's (package lcs, on the kinds of the units and the
// blocks they stand in: a list item in a disclosure is not one outside
// it) and
// with the source as the translation was stamped (found by package history): a unit whose source did not
// change gets the translation's text as its target, state="final" and
// approved="yes"; a unit whose source changed gets the old translation
// as its target with state="needs-translation", so that the translator
// works only on what changed. When the stamped source is not found, every
// unit that lines up gets the translation's text with
// state="needs-review-translation". A unit whose translation's inline
// markup does not match the source's (a link the translation lacks) gets
// needs-review-translation too, with the codes that match; so does one
// that lines up next to a unit the translation or the stamped source
// lacks, where the pairing is a guess (a translation that took a
// disclosure's summary and its first paragraph for one block).
//
// # Import
//
// Import checks a whole file before anything is written: that it is
// XLIFF with a sitegen skeleton whose source has the hash recorded, that
// its units are the page's units with their source text, and that each
// target has text and exactly the source's inline codes, paired and
// nested as they may be (an <ept> after its <bpt>, not across another
// pair), that Markdown can write them (no emphasis around no text, no
// line break last), and that the translated page has the source's
// structure: the same blocks, in the same containers, each unit with the
// same kinds of codes. A target's text is escaped so that it stays text
// (a ":::", "- " or "1." at its start is no fence, list or number), and
// this last check is the proof that it did. A file that fails is refused
// with an error naming the file and the unit.
//
// A target without any inline code, where the source has some, is read
// as Markdown, as translate-toolkit gives it back: xliff2po writes the
// codes' Markdown into the PO file's text, and pomerge (or po2xliff -t)
// puts the translated text back as plain text. Its links, code spans,
// images and emphasis must then be the source's, with the same
// destinations, and it must read as text, not as a block (a "1. " at its
// start is a list item there: write "1\. "), or the file is refused.
//
// The translation is written in the source's structure: the source body
// with each unit's Markdown replaced by its translation, escaped where
// it must be (package blocks, Write). A unit whose target is the source's
// own text, or the translation's text that the export filled in, keeps
// that Markdown byte for byte. Otherwise a translated paragraph is
// written on one line, and entities become the characters they stand
// for: the normalisations of a round trip.
//
// The front matter of a translation that exists keeps every field but
// title, description, link_title, summary, translated_from and
// needs_review; a link_title or summary it has is set in its place,
// under the name it is written with (Hugo's linkTitle:, Docusaurus's
// sidebar_label:), and one it lacks is added at the end under the name
// the source writes it with. A new one starts from the source's front
// matter as written (every field, in its order and format, YAML or TOML:
// dates, weight, menu, taxonomies, translation_key, params, other
// generators' fields), with the title, description, link_title and
// summary translated where the source has them, and the fields of the
// source's language changed so that the translation stands where its
// fallback page stood: slug: (and Docusaurus's id:) and aliases: go, url:
// stays (a language folder leading it becomes the translation's).
//
// Files exported before link_title and summary were units (their
// skeleton lists no "front" units) import as they did: the units they
// have, title, description and u1..., are the same, and a new translation
// made from one drops the source's link_title and summary, which are in
// the source's language, so that the translated title and description
// stand in for them.
// translated_from is the hash the export recorded, so a source that
// changed since the export leaves the page outdated; needs_review is set
// when a unit is not final (state final or signed-off, or approved="yes"
// with state translated or none), and removed when all are.
package xliff

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/udenmitid/sitegen/internal/blocks"
	"github.com/udenmitid/sitegen/internal/content"
)

// Namespace is XLIFF 1.2's XML namespace.
const Namespace = "urn:oasis:names:tc:xliff:document:1.2"

// skeleton is what an export records for its import, as JSON in the
// file's <skl><internal-file>.
type skeleton struct {
	Sitegen    int    `json:"sitegen"` // the format of this record: 1
	Source     string `json:"source"`  // "content/da/klage.md"
	Hash       string `json:"hash"`    // its SourceHash
	Lang       string `json:"lang"`    // the target language
	Target     string `json:"target"`  // the translation's path, existing or not
	SourceFile string `json:"source_file"`

	// TranslationSHA256 is the hash of the translation's file when it
	// was exported; an import refuses to overwrite a translation that
	// changed since (unless forced).
	TranslationSHA256 string `json:"translation_sha256,omitempty"`

	// Filled holds, for each unit the export gave a target from the
	// translation, that target (as sig writes it) and the translation's
	// Markdown of it, which an unchanged target keeps.
	Filled map[string]filled `json:"filled,omitempty"`

	// Front lists the units of frontFields the export made ("link_title",
	// "summary"). An export made before they were units has none, and
	// its import leaves those fields as imports did then.
	Front []string `json:"front,omitempty"`
}

type filled struct {
	Sig      string `json:"sig"`
	Markdown string `json:"markdown"`
}

// A unit is one trans-unit of a page.
type unit struct {
	id    string // "title", "description", "link_title", "summary", "u1", ...
	kind  string
	about string // what the unit is, for the translator's note, when its kind does not say
	line  int    // in the source file
	parts []blocks.Part
	bu    *blocks.Unit // nil for the front matter's units
}

// A frontField is a front matter field besides title and description
// that is text a reader sees, and so a unit when the source has it: its
// id is the field's name, which is also its key in content.Meta.Lines.
type frontField struct {
	id, kind, about string
	text            func(m *content.Meta) string
}

// allFront names every one of frontFields.
func allFront() []string {
	var ids []string
	for _, ff := range frontFields {
		ids = append(ids, ff.id)
	}
	return ids
}

// frontFields are the front matter's units after the title and the
// description. Their kinds name the page, as blocks' kinds "link title"
// (a link's title="...") and "summary" (a disclosure's) are taken.
var frontFields = []frontField{
	{"link_title", "page link title", "link_title: the page's name in menus, listings and breadcrumbs", func(m *content.Meta) string { return m.LinkTitle }},
	{"summary", "page summary", "summary: the page's text in listings", func(m *content.Meta) string { return m.Summary }},
}

// unitID is the trans-unit id of a body unit.
func unitID(u *blocks.Unit) string { return "u" + u.ID }

// pageUnits lists the units of a page: its title, its description,
// link_title and summary when it has them, and the units of its body.
// front names the frontFields to list when the page has them: all of
// them in an export (allFront), the export's skeleton's Front in an
// import.
func pageUnits(f *content.File, p *blocks.Page, front []string) []unit {
	out := []unit{{id: "title", kind: "title", line: f.Meta.Lines.Line("title"), parts: []blocks.Part{{Text: f.Meta.Title}}}}
	if f.Meta.Description != "" {
		out = append(out, unit{id: "description", kind: "description", line: f.Meta.Lines.Line("description"), parts: []blocks.Part{{Text: f.Meta.Description}}})
	}
	for _, ff := range frontFields {
		if t := ff.text(f.Meta); t != "" && slices.Contains(front, ff.id) {
			out = append(out, unit{id: ff.id, kind: ff.kind, about: ff.about, line: f.Meta.Lines.Line(ff.id), parts: []blocks.Part{{Text: t}}})
		}
	}
	for _, u := range p.Units {
		out = append(out, unit{id: unitID(u), kind: u.Kind, line: f.BodyLine + u.Line - 1, parts: u.Parts, bu: u})
	}
	return out
}

// sig writes parts as one string that two equal translations share:
// the text with its spaces collapsed, each code by role and ID.
func sig(parts []blocks.Part) string {
	var b strings.Builder
	for _, pt := range parts {
		if pt.Code != nil {
			b.WriteString("\x00" + pt.Code.Role[:1] + strconv.Itoa(pt.Code.ID) + "\x00")
			continue
		}
		b.WriteString(pt.Text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func sha(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// ctype is the XLIFF ctype of a code type.
func ctype(typ string) string {
	switch typ {
	case "bold", "italic", "link", "image":
		return typ
	case "break":
		return "lb"
	}
	return "x-" + typ
}
