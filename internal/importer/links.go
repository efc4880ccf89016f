package importer

import (
	"path"
	"regexp"
	"sort"
	"strings"
)

// Links to a page's file, relative to the linking file, as sitegen reads
// them: [text](dest) and [label]: dest.
var (
	inlineLink = regexp.MustCompile(`\]\(\s*(<[^>\n]*>|[^)\s]+)`)
	refLink    = regexp.MustCompile(`(?m)^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)`)
)

// rewriteLinks follows the pages the import moved or renamed: a link
// from one page's file to another's, relative and with its extension
// (about.fr.md, ../api/x.mdx, guide/index.md), is rewritten to where the
// target's file is now. Links sitegen reads as they are (URLs, Zola's @/
// paths, links from the root) are left alone.
func (s *site) rewriteLinks() {
	idx := s.linkIndex()
	for _, f := range s.files {
		if f.page && f.src != "" {
			s.rewriteFileLinks(f, idx)
		}
	}
}

// A linkIndex finds the pages links name, for rewriteFileLinks.
type linkIndex struct {
	external map[string]string  // old site's redirects to other sites, by path
	exact    map[string]bool    // the pages' old URLs, without a trailing "/"
	folded   map[string][]*file // the pages by old URL in lower case
	bySrc    map[string]*file   // the files by source path
}

func (s *site) linkIndex() *linkIndex {
	idx := &linkIndex{external: s.netlifyRedirects(), exact: map[string]bool{}, folded: map[string][]*file{}, bySrc: map[string]*file{}}
	for _, f := range s.files {
		if f.page && f.oldURL != "" {
			u := strings.TrimSuffix(f.oldURL, "/")
			idx.exact[u] = true
			idx.folded[strings.ToLower(u)] = append(idx.folded[strings.ToLower(u)], f)
		}
	}
	for _, f := range s.files {
		if f.src != "" {
			idx.bySrc[f.src] = f
		}
	}
	return idx
}

// rewriteFileLinks rewrites the links of one page (see rewriteLinks).
func (s *site) rewriteFileLinks(f *file, idx *linkIndex) {
	external, exact, folded, bySrc := idx.external, idx.exact, idx.folded, idx.bySrc
	body := f.body
	prot := protected(body)
	var b strings.Builder
	last := 0
	matches := append(inlineLink.FindAllStringSubmatchIndex(body, -1), refLink.FindAllStringSubmatchIndex(body, -1)...)
	sortMatches(matches)
	for _, m := range matches {
		if m[2] < last || inRanges(prot, m[2]) {
			continue
		}
		dest := body[m[2]:m[3]]
		bracketed := strings.HasPrefix(dest, "<")
		dest = strings.Trim(dest, "<>")
		p, anchor, hasAnchor := strings.Cut(dest, "#")
		var t *file
		switch {
		case strings.HasPrefix(p, "@/"):
			// Zola's path from content/: rewritten only where the
			// file moved, else sitegen reads it as it is.
			t = bySrc["content/"+p[2:]]
			if t != nil && t.dst == langDir(t.lang)+"/"+p[2:] {
				continue
			}
		case strings.HasPrefix(p, "/") && external[strings.TrimSuffix(p, "/")] != "":
			b.WriteString(body[last:m[2]])
			b.WriteString(external[strings.TrimSuffix(p, "/")])
			last = m[3]
			continue
		case strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") && !exact[strings.TrimSuffix(p, "/")] &&
			len(folded[strings.ToLower(strings.TrimSuffix(p, "/"))]) == 1:
			// A link to a page's old URL in other letter case, which
			// the old host served (and the old site's aliases).
			t = folded[strings.ToLower(strings.TrimSuffix(p, "/"))][0]
		case p == "" || strings.Contains(p, ":") || strings.HasPrefix(p, "/") || strings.HasPrefix(p, "@"):
			continue
		default:
			t = bySrc[path.Join(path.Dir(f.src), p)]
		}
		if t == nil || !t.page {
			continue
		}
		// A link that names the page's path in the linking page's
		// language already reads right in sitegen.
		if !strings.HasPrefix(p, "@/") && strings.TrimPrefix(path.Join(path.Dir(f.dst), p), langDir(f.lang)+"/") == strings.TrimPrefix(t.dst, langDir(t.lang)+"/") {
			continue
		}
		nd := relLink(f.dst, t.dst)
		if t == f {
			nd = path.Base(f.dst)
		}
		if nd == p {
			continue
		}
		if hasAnchor {
			nd += "#" + anchor
		}
		if bracketed || strings.Contains(nd, " ") {
			nd = "<" + nd + ">"
		}
		b.WriteString(body[last:m[2]])
		b.WriteString(nd)
		last = m[3]
	}
	if last == 0 {
		return
	}
	b.WriteString(body[last:])
	f.body = b.String()
	f.changed = true
}

func sortMatches(m [][]int) {
	sort.Slice(m, func(i, j int) bool { return m[i][0] < m[j][0] })
}
