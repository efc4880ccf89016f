package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// syntax returns the extensions that make the dialect's syntax: what
// a Converter parses, and Parser too. Those that only render (code
// blocks, alerts, footnotes' names) or change text (typography) are
// added by New.
func syntax() []goldmark.Extender {
	return []goldmark.Extender{
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Strikethrough,
		extension.Linkify,
		extension.NewFootnote(),
		extension.DefinitionList,
		taskList{},
		disclosures{},
	}
}

// Parser returns a parser of the Markdown a Converter reads, for its
// structure: the same blocks and inline markup, with nothing of the
// conversion (no typography, no alerts made callouts, no ids given).
// Package blocks splits pages into what translators translate with it,
// so that a block syntax added here is never text there. A disclosure
// (::: details) is a block whose first child is its summary, a block of
// inline text (IsDisclosure, IsSummary); a GitHub alert is a quotation.
func Parser() parser.Parser {
	return goldmark.New(
		goldmark.WithExtensions(syntax()...),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
	).Parser()
}

// IsDisclosure reports whether n is a disclosure (::: details) of
// Parser's tree.
func IsDisclosure(n ast.Node) bool { return n.Kind() == kindDisclosure }

// IsSummary reports whether n is a disclosure's summary of Parser's
// tree: the block of inline text on its opening line.
func IsSummary(n ast.Node) bool { return n.Kind() == kindSummary }
