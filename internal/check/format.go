package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/udenmitid/sitegen/internal/diag"
)

// WriteJSON writes the report as indented JSON (see README.md for the
// format; Version changes when it does).
func (r *Report) WriteJSON(w io.Writer) error {
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Outdated == nil {
		r.Outdated = []Outdated{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(true)
	return enc.Encode(r)
}

// WriteText writes the report for a person: the findings as
// path:line: severity: message [rule], then the tables. The commands it
// suggests name Report.Src, to be run where check was.
func (r *Report) WriteText(w io.Writer) {
	outdated := map[string]*Outdated{}
	for i := range r.Outdated {
		outdated[r.Outdated[i].Path] = &r.Outdated[i]
	}
	for _, f := range r.Findings {
		if f.stamp != "" {
			f.Message = strings.Replace(f.Message, stampCommand("", f.stamp), stampCommand(r.Src, f.stamp), 1)
		}
		fmt.Fprintln(w, f)
		if o := outdated[f.stamp]; o != nil && o.Change != nil {
			fmt.Fprintf(w, "  changed: %s; see %s\n", o.Summary(), diffCommand(r.Src, f.stamp))
		}
	}
	if t := r.Translations; t != nil {
		fmt.Fprintln(w, "\nTranslations")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "key\t%s\n", strings.Join(t.Languages, "\t"))
		for _, k := range t.Keys {
			row := []string{diag.QuotePath(k.Key)}
			for _, l := range t.Languages {
				row = append(row, k.Status[l])
			}
			fmt.Fprintln(tw, strings.Join(row, "\t"))
		}
		for _, l := range t.Languages {
			var parts []string
			for _, s := range []string{StatusOK, StatusNeedsReview, StatusOutdated, StatusMissing, StatusOrphan, StatusError} {
				if n := t.Totals[l][s]; n > 0 {
					parts = append(parts, fmt.Sprintf("%d %s", n, s))
				}
			}
			fmt.Fprintf(tw, "total %s\t%s\n", l, strings.Join(parts, ", "))
		}
		tw.Flush()
	}
	if len(r.Readability) > 0 {
		fmt.Fprintf(w, "\nReadability (LIX; warning above %.0f)\n", r.LIXMax)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, p := range r.Readability {
			fmt.Fprintf(tw, "%s\t%.1f\t%s\t%d words, %d sentences\n", diag.QuotePath(p.Path), p.LIX, p.Band, p.Words, p.Sentences)
		}
		tw.Flush()
	}
	if u := r.UIStrings; u != nil {
		for _, l := range sortedKeys(u.NeedsReview) {
			fmt.Fprintf(w, "\nUI strings awaiting review in %s: %d\n", l, len(u.NeedsReview[l]))
		}
	}
	if len(r.External) > 0 {
		fmt.Fprintf(w, "\nExternal links (not fetched): %d\n", len(r.External))
		for _, e := range r.External {
			fmt.Fprintf(w, "  %s  (%s)\n", diag.EscapeControls(e.URL), diag.EscapeControls(strings.Join(e.Sources, ", ")))
		}
	}
	if len(r.UnusedFields) > 0 {
		fmt.Fprintf(w, "\nFront matter fields sitegen does not use, kept for layouts in .Page.Params: %d\n", len(r.UnusedFields))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, f := range r.UnusedFields {
			line := fmt.Sprintf("  %s\t%d %s, first %s", f.Name, f.Files, plural(f.Files, "file", "files"), f.First)
			if f.Hint != "" {
				line += ": " + f.Hint
			}
			fmt.Fprintln(tw, line)
		}
		tw.Flush()
	}
	if r.Drafts {
		fmt.Fprintf(w, "\nDrafts included (-drafts): sitegen build leaves them out.\n")
	}
	fmt.Fprintf(w, "\n%s\n", r.Totals())
}

// diffCommand is the sitegen diff command line for a translation (see
// stampCommand).
func diffCommand(src, file string) string {
	return "sitegen diff " + strings.TrimPrefix(stampCommand(src, file), "sitegen stamp ")
}

// Totals is the report's last line: "1 error, 5 warnings in 4 Markdown
// pages". It counts what Pages counts, and says so: sitegen build's "built
// 7 pages (da 4, en 3 + ...)" counts the fallback pages too.
func (r *Report) Totals() string {
	s := fmt.Sprintf("%d %s, %d %s in %d Markdown %s", r.Errors, plural(r.Errors, "error", "errors"),
		r.Warnings, plural(r.Warnings, "warning", "warnings"), r.Pages, plural(r.Pages, "page", "pages"))
	if n := r.DraftsLeftOut; n > 0 {
		s += fmt.Sprintf(", %d %s left out: sitegen check -drafts checks %s", n, plural(n, "draft", "drafts"), plural(n, "it", "them"))
	}
	return s
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}
