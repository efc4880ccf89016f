// Package render turns pages into HTML with the site's layouts, Go
// html/template files in layouts/:
//
//	layouts/base.html            the skeleton every page shares; it calls block "main"
//	layouts/home.html            a language's home page    } each defines "main"
//	layouts/section.html         a section with its list   } (and may define "title",
//	layouts/page.html            a page                    }  "head")
//	layouts/taxonomy.html        a taxonomy's page, /<lang>/tags/: its terms
//	layouts/term.html            a term's page, /<lang>/tags/<term>/: its pages
//	layouts/fallback.html        a page missing in the language
//	layouts/404.html             /<lang>/404.html, and /404.html of a default language at the root (Kind root-404)
//	layouts/root.html            the language chooser at / and /404.html, when every language has its folder
//	layouts/alias.html           a redirect from an old URL (aliases:) for hosts without redirect rules
//	layouts/partials/*.html      {{define}} blocks the others share; a file without
//	                             {{define}} is the template of its name ("footer_note")
//
// A page may name another layout with layout: in its front matter. Layouts
// come in layers: the built-in ones, then the site's own, which replace a
// built-in file of the same name. An error in a built-in file that the
// site does not replace names it as "the built-in theme's
// layouts/base.html:25", not as a file of the site.
//
// A template sees a *Context: .Page, .Site, .Body, and methods for UI
// strings ({{ .T "skip_link" }}, {{ .T "pages" 3 }}, {{ .TIn "en" "id" }}),
// for marking text of another language than the page's ({{ .LangAttr $p }}
// on an element that shows page $p's title, {{ .TLangAttr "id" }} on one
// that shows a UI string, which may be the default language's; see
// "Language marks" below),
// URLs ({{ .URL .Page }}), dates and files of static/ ({{ (.Asset "css/site.css").URL }}
// and .Integrity: the build gives a CSS or JavaScript file a layout asks
// for a fingerprinted copy, see package build),
// and whether a search page lists every page or only the main sections
// ({{ .SearchListAll }}, by [search] list_all_max in sitegen.toml).
// The main menu of the page's language is {{ .MenuTree }}: its entries
// as a tree, each with the value of aria-current for the page being
// rendered (a page's label there, as in listings and breadcrumbs, is
// .LinkTitle).
// A language switcher or a fallback page's list of versions ranges over
// {{ .LangLinks .Page.Translations }} (or .Page.Versions): each version's
// .URL, .Lang, .Page, the lang and dir attributes of a link to it (.Attrs)
// and whether it is the page's own language (.Current), as fields, which
// cost a layout less than calling methods (see LangLink).
// A listing layout ranges over .Page.Listing, the pages it lists on this
// page of it: a section's children, a taxonomy's terms, a term's pages,
// cut to this page's share when .Page.Pager splits it into numbered pages
// (.Pager.Prev, .Next, .First, .Last, .Near, .Number, .Total); .Page.Listed
// is the whole list. .Page.Date is date: (first published) beside
// .Page.Updated; .Page.Feeds are the Atom feeds to link in <head>,
// .Page.Feed a listing's own; .Page.TermPages a page's terms by taxonomy,
// each a term page to link. Only sites with taxonomies need taxonomy.html
// and term.html; the built-in theme has both.
// A page's site-specific values from params: in its front matter are
// {{ .Page.Params.icon }} (a fallback page has its source's); the site's
// [params] in sitegen.toml are {{ .Param "contact_email" }}.
// With [theme] sidebar in sitegen.toml, {{ .SidebarTree }} is the tree of
// the page's main section (.Sidebar) and {{ .PrevNext }} its previous and
// next page with [theme] prev_next; see Context.Sidebar,
// Context.SidebarTree and Context.PrevNext for what they hold and cost.
// (.Page.Pager is another thing: the numbered pages of a long listing.)
//
// .Page, .Site and every page reached from them are views of the site
// model (PageView, SiteView): they have the fields and methods of
// pages.Page and pages.Site under the same names, so a layout reads
// {{ .Page.Title }} or {{ range .Page.Children }} as if they were the
// model, and each view records what the rendering asks of it (Reads).
// sitegen serve renders a page again exactly when something it read is
// different after an edit; nothing a layout shows needs declaring.
//
// A message id written as a constant that no language defines is an error
// when the layouts load, with the layout's file and line. The ids that
// layouts set literally (id="main") are collected when they load (IDs),
// so that no heading of a page gets one of them.
//
// # Language marks
//
// Every element a layout fills with text of another language than the
// page's carries that language's lang attribute, and dir when it runs the
// other way (which also isolates it: an English title keeps its brackets in
// place on an Arabic page). The page values say which language their text
// is in: a page's title and description are in .TitleLang (a fallback
// page's are its source's, .Source), a language's site title in
// .TitleLang, a language's name in itself. So layouts write {{ .LangAttr $p }} on every
// element that shows a page's title or description (menus, listings,
// breadcrumbs, footers), {{ .LangDir $l }} on one that shows a language's
// own name whatever the page (the switcher), {{ .TLangAttr "id" }} on one
// that shows a UI string, which the page's language may lack and show in
// the default language, and {{ .THTML "id" "Name" $lang }} for a UI string
// that names a language, whose name is isolated in <bdi lang>. Text a
// layout adds around such text (brackets, a colon) goes inside the marked
// element, or is left out: a fallback page's notice adds no punctuation to
// the UI strings, since languages end sentences differently (۔ । ። ։ 。).
// The <title> cannot carry lang and stays as it is.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/locale"
)

// Dir is the folder below the site root that holds layouts.
const Dir = "layouts"

const baseFile = "base.html"

// Required lists the layouts every site needs.
var Required = []string{"base", "home", "section", "page", "fallback", "404", "root", "alias"}

// Templates are a site's parsed layouts.
type Templates struct {
	byName map[string]*template.Template // layout name ("page") -> template ready to execute
	refs   []MessageRef
	ids    map[string]string // literal id attributes -> where the first is set
	theme  map[string]bool   // paths ("layouts/404.html") of the files in use that come from the theme, not the site
}

// A MessageRef is a constant message id used in a layout.
type MessageRef struct {
	ID  string
	Pos string // "layouts/base.html:12"
}

type source struct {
	path  string
	text  string
	theme bool // from a layer below the site's: the built-in theme
}

// Load reads and parses the layouts of every layer; a later layer's file
// replaces an earlier one's. The last layer is the site's; the files of
// the others are the built-in theme's, which the site does not have, so
// a diagnostic in one names it as the theme's (see ThemeFile).
func Load(layers []fs.FS) (*Templates, diag.List) {
	var diags diag.List
	files := map[string]source{} // name below layouts/ -> source
	for i, fsys := range layers {
		if fsys == nil {
			continue
		}
		theme := i < len(layers)-1
		err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == Dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipAll
				}
				return err
			}
			if p != Dir && content.Ignored(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || path.Ext(p) != ".html" {
				return nil
			}
			if !d.Type().IsRegular() {
				// A named pipe or a device would hang the build.
				diags.Errorf(p, 0, "not a regular file; make it a layout file or remove it")
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			files[strings.TrimPrefix(p, Dir+"/")] = source{p, string(data), theme}
			return nil
		})
		if err != nil {
			diags.Errorf(Dir, 0, "%v", err)
		}
	}
	t := &Templates{byName: map[string]*template.Template{}, ids: map[string]string{}, theme: map[string]bool{}}
	for _, src := range files {
		if src.theme {
			t.theme[src.path] = true
		}
	}
	base := template.New(Dir + "/" + baseFile)
	var partials, layouts []string
	for name := range files {
		switch {
		case strings.HasPrefix(name, "partials/"):
			partials = append(partials, name)
		case name != baseFile && !strings.Contains(name, "/"):
			layouts = append(layouts, name)
		}
	}
	slices.Sort(partials)
	slices.Sort(layouts)
	if src, ok := files[baseFile]; ok {
		t.parse(base, src, &diags)
	} else {
		diags.Errorf(Dir+"/"+baseFile, 0, "missing: every site needs a base layout")
	}
	for _, name := range partials {
		src := files[name]
		if !defines.MatchString(src.text) {
			// A partial written without {{ define }}, as Hugo's are: the
			// file is the template of its name (partials/footer_note.html
			// is "footer_note").
			src.text = `{{ define "` + strings.TrimSuffix(path.Base(name), ".html") + `" }}` + src.text + `{{ end }}`
		}
		t.parse(base.New(src.path), src, &diags)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	for _, name := range layouts {
		tmpl := template.Must(base.Clone())
		t.parse(tmpl.New(files[name].path), files[name], &diags)
		t.byName[strings.TrimSuffix(name, ".html")] = tmpl
	}
	for _, name := range Required[1:] {
		if t.byName[name] == nil {
			diags.Errorf(Dir+"/"+name+".html", 0, "missing: every site needs this layout")
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return t, diags
}

func (t *Templates) parse(tmpl *template.Template, src source, diags *diag.List) {
	if _, err := tmpl.Parse(src.text); err != nil {
		p, line, msg := splitTemplateError(err, src.path)
		*diags = append(*diags, t.at(p, line, msg))
		return
	}
	for _, tt := range tmpl.Templates() {
		if tt.Tree != nil && tt.Tree.ParseName == src.path {
			t.scanMessages(tt.Tree, tt.Tree.Root)
			t.scanIDs(tt.Tree, tt.Tree.Root)
		}
	}
}

// scanMessages records the constant message ids in a parse tree: the
// arguments of .T, $.T, .THTML, .TLangAttr and .PluralForms, and the
// second argument of .TIn.
func (t *Templates) scanMessages(tree *parse.Tree, n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			t.scanMessages(tree, c)
		}
	case *parse.ActionNode:
		t.scanMessages(tree, n.Pipe)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, cmd := range n.Cmds {
			t.scanCommand(tree, cmd)
		}
	case *parse.IfNode:
		t.scanBranch(tree, &n.BranchNode)
	case *parse.RangeNode:
		t.scanBranch(tree, &n.BranchNode)
	case *parse.WithNode:
		t.scanBranch(tree, &n.BranchNode)
	case *parse.TemplateNode:
		t.scanMessages(tree, n.Pipe)
	}
}

func (t *Templates) scanBranch(tree *parse.Tree, b *parse.BranchNode) {
	t.scanMessages(tree, b.Pipe)
	t.scanMessages(tree, b.List)
	t.scanMessages(tree, b.ElseList)
}

func (t *Templates) scanCommand(tree *parse.Tree, cmd *parse.CommandNode) {
	for i, arg := range cmd.Args {
		switch a := arg.(type) {
		case *parse.PipeNode:
			t.scanMessages(tree, a)
			continue
		case *parse.FieldNode, *parse.VariableNode:
		default:
			continue
		}
		var ident []string
		switch a := arg.(type) {
		case *parse.FieldNode:
			ident = a.Ident
		case *parse.VariableNode:
			ident = a.Ident
		}
		method := ident[len(ident)-1]
		idArg := i + 1
		if method == "TIn" {
			idArg = i + 2
		} else if method != "T" && method != "THTML" && method != "TLangAttr" && method != "PluralForms" {
			continue
		}
		if idArg < len(cmd.Args) {
			if s, ok := cmd.Args[idArg].(*parse.StringNode); ok {
				loc, _ := tree.ErrorContext(s)
				t.refs = append(t.refs, MessageRef{ID: s.Text, Pos: trimColumn(loc)})
			}
		}
	}
}

// CheckMessages reports constant message ids that no language defines.
func (t *Templates) CheckMessages(cat *locale.Catalog) diag.List {
	var diags diag.List
	for _, r := range t.refs {
		if !cat.Has(r.ID) {
			p, line := splitPos(r.Pos)
			diags = append(diags, t.at(p, line, fmt.Sprintf("unknown message id %q: add it to %s/<lang>.toml", r.ID, locale.Dir)))
		}
	}
	return diags
}

// MessageIDs returns the message ids the layouts use as constants.
func (t *Templates) MessageIDs() []string {
	var ids []string
	for _, r := range t.refs {
		ids = append(ids, r.ID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// defines matches a {{ define }} action.
var defines = regexp.MustCompile(`\{\{-?\s*define\s`)

// Has reports whether a layout exists.
func (t *Templates) Has(name string) bool { return t.byName[name] != nil }

// Execute renders the layout name with ctx into w. An error names the
// layout file and line.
func (t *Templates) Execute(w io.Writer, name string, ctx *Context) error {
	tmpl := t.byName[name]
	if tmpl == nil {
		return diagError(fmt.Sprintf("%s/%s.html", Dir, name), 0, "no such layout")
	}
	if err := tmpl.ExecuteTemplate(w, Dir+"/"+baseFile, ctx); err != nil {
		p, line, msg := splitTemplateError(err, Dir+"/"+baseFile)
		return diag.List{t.at(p, line, msg)}
	}
	return nil
}

// ExecutePartial renders a {{define}}d template of the layouts, as the
// layout of the page in ctx sees it, with ctx.
func (t *Templates) ExecutePartial(w io.Writer, name string, ctx *Context) error {
	tmpl := t.byName[ctx.Page.p.Layout()]
	if tmpl == nil {
		return fmt.Errorf("no layout %q", ctx.Page.p.Layout())
	}
	return tmpl.ExecuteTemplate(w, name, ctx)
}

// ExecuteString is Execute into a new buffer.
func (t *Templates) ExecuteString(name string, ctx *Context) ([]byte, error) {
	var b bytes.Buffer
	err := t.Execute(&b, name, ctx)
	return b.Bytes(), err
}

// ThemeFile names a file of the built-in theme for a message: "the
// built-in theme's layouts/404.html:1". A diagnostic in a file the site
// does not have names the file this way, with no Path: an editor cannot
// open it in the site.
func ThemeFile(p string, line int) string {
	if line > 0 {
		p += ":" + strconv.Itoa(line)
	}
	return "the built-in theme's " + p
}

// at is a diagnostic at line of the layout file p: at p when the site has
// the file, else at no path and naming the theme's file (ThemeFile).
func (t *Templates) at(p string, line int, msg string) diag.Diagnostic {
	if t.theme[p] {
		return diag.Diagnostic{Msg: ThemeFile(p, line) + ": " + msg}
	}
	return diag.Diagnostic{Path: p, Line: line, Msg: msg}
}

func diagError(p string, line int, msg string) error {
	return diag.List{{Path: p, Line: line, Msg: msg}}
}

var templateErr = regexp.MustCompile(`^(?:html/)?template: ?([^:]+?\.html):(\d+):(?:\d+:)? ?(.*)$`)

// splitTemplateError finds the layout file and line in a text/template or
// html/template error.
func splitTemplateError(err error, fallback string) (string, int, string) {
	msg := err.Error()
	var te *template.Error
	if errors.As(err, &te) && te.Name != "" {
		return te.Name, te.Line, te.Description
	}
	if m := templateErr.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		return m[1], line, cleanExecError(m[3])
	}
	return fallback, 0, cleanExecError(msg)
}

// execErr matches what text/template puts before the cause of an
// execution error: `executing "title$htmltemplate_stateRCDATA_elementTitle"
// at <.T>: error calling T: `. The template name is html/template's
// internal one, which means nothing to an editor; the action does.
var execErr = regexp.MustCompile(`executing "[^"]*" at <([^>]*)>: (?:error calling \w+: )?`)

// cleanExecError rewrites an execution error as "in {{ .T }}: cause".
func cleanExecError(msg string) string {
	return execErr.ReplaceAllString(msg, "in {{ $1 }}: ")
}

func trimColumn(loc string) string {
	p, line := splitPos(loc)
	return p + ":" + strconv.Itoa(line)
}

func splitPos(loc string) (string, int) {
	parts := strings.Split(loc, ":")
	if len(parts) >= 2 {
		if n, err := strconv.Atoi(parts[1]); err == nil {
			return parts[0], n
		}
	}
	return loc, 0
}
