package check

import (
	"fmt"
	"io/fs"

	"github.com/udenmitid/sitegen/internal/changes"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/history"
)

// An Outdated is a translation whose source changed since it was
// stamped, and, once Explain has run, how.
type Outdated struct {
	Path           string `json:"path"`                      // the translation, from the site folder
	Source         string `json:"source"`                    // its default-language page
	TranslatedFrom string `json:"translated_from,omitempty"` // the hash it was stamped with; "" when it was never stamped
	SourceHash     string `json:"source_hash"`               // the source's hash now

	// Found says where the stamped version of the source was found
	// (".sitegen/sources/<hash>.md", "git commit <hash>"); NotFound says
	// why it was not, and Change then shows the whole source as added.
	Found    string          `json:"found,omitempty"`
	NotFound string          `json:"not_found,omitempty"`
	Change   *changes.Change `json:"change,omitempty"`
}

// Summary is what changed in a few words, for the text report and the
// status page.
func (o *Outdated) Summary() string {
	switch {
	case o.Change == nil:
		return ""
	case o.TranslatedFrom == "":
		return fmt.Sprintf("never stamped: the whole source, %s", wholeSource(o.Change))
	case o.NotFound != "":
		return fmt.Sprintf("the source as translated was not found (%s); the whole source, %s", o.NotFound, wholeSource(o.Change))
	}
	return o.Change.Summary() + " since " + o.Found
}

// wholeSource sums up a Change that adds the whole source.
func wholeSource(c *changes.Change) string {
	return fmt.Sprintf("%d %s, %d %s", c.Paragraphs, plural(c.Paragraphs, "paragraph", "paragraphs"), c.Words, plural(c.Words, "word", "words"))
}

// Explain finds, for each outdated translation, the version of its
// source it was stamped with (in h) and what changed in the source since;
// fsys is the site, for the source as it is now. A source that does not
// read is left unexplained.
func (r *Report) Explain(fsys fs.FS, h *history.History) {
	for i := range r.Outdated {
		o := &r.Outdated[i]
		o.Change, o.Found, o.NotFound = Explain(fsys, h, o.Source, o.TranslatedFrom)
	}
}

// Explain compares the source at path as it is in fsys with its version
// that had hash from (found in h). When that version is not found, or
// from is "", the change adds the whole source, and notFound says why.
// It returns a nil Change, and notFound says why, when the source does
// not read.
func Explain(fsys fs.FS, h *history.History, path, from string) (c *changes.Change, found, notFound string) {
	now, _ := content.Read(fsys, path)
	if now == nil {
		return nil, "", "the source does not read: see the findings"
	}
	old := changes.Version{}
	if from == "" {
		notFound = "no translated_from"
	} else if f, err := h.Find(path, from); err != nil {
		notFound = err.Error()
	} else if of, _ := content.Parse(path, f.Data); of != nil {
		old, found = version(of), f.Where
	}
	c, err := changes.Compare(old, version(now))
	if err != nil {
		return nil, "", fmt.Sprintf("the source cannot be compared: %v", err)
	}
	return c, found, notFound
}

func version(f *content.File) changes.Version {
	return changes.Version{Title: f.Meta.Title, Body: f.Body, BodyLine: f.BodyLine, TitleLine: f.Meta.Lines.Line("title")}
}
