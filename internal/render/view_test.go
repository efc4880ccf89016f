package render

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/content"
	"github.com/udenmitid/sitegen/internal/pages"
)

// testSite is a small site in three languages with a section, fallback
// pages, a menu, an alias and a file beside a page.
func testSite(t *testing.T) *pages.Site {
	t.Helper()
	cfg, diags := config.Parse([]byte(`base_url = "https://example.org/"
[params]
contact = "a@example.org"
[[languages]]
code = "da"
name = "Dansk"
[[languages]]
code = "en"
name = "English"
[[languages]]
code = "ar"
name = "العربية"
`))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	file := func(p, front string) *content.File {
		f, diags := content.Parse(p, []byte("---\n"+front+"---\nTekst.\n"))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return f
	}
	files := []*content.File{
		file("content/da/_index.md", "title: Forside\ndescription: d\nmenu: main\n"),
		file("content/en/_index.md", "title: Home\ndescription: d\n"),
		file("content/da/hjaelp/_index.md", "title: Hjælp\ndescription: d\nmenu: main\nweight: 2\n"),
		file("content/da/hjaelp/side.md", "title: Side\ndescription: d\nweight: 3\nmenu: [main, footer]\nupdated: 2026-01-02\nneeds_review: true\ndraft: true\naliases: [/da/gammel/]\nparams:\n  icon: x\n"),
		file("content/en/hjaelp/side.md", "title: Page\ndescription: d\n"),
		file("content/da/soeg.md", "title: Søg\ndescription: d\nlayout: search\n"),
	}
	res, _ := content.ReadResource(fstest.MapFS{"content/da/hjaelp/brev.pdf": {Data: []byte("%PDF")}}, "content/da/hjaelp/brev.pdf")
	s, diags := pages.New(cfg, pages.Input{Files: files, Resources: []*content.Resource{res}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return s
}

// page returns the page of site at key in lang.
func page(t *testing.T, s *pages.Site, key, lang string) *pages.Page {
	t.Helper()
	p := s.Page(key, lang)
	if p == nil {
		t.Fatalf("no page %s in %s", key, lang)
	}
	return p
}

// viewType is the type a view method returns, or takes, for a type of
// the model.
func viewType(t reflect.Type) reflect.Type {
	switch t {
	case reflect.TypeFor[*pages.Page]():
		return reflect.TypeFor[*PageView]()
	case reflect.TypeFor[[]*pages.Page]():
		return reflect.TypeFor[[]*PageView]()
	case reflect.TypeFor[*pages.Site]():
		return reflect.TypeFor[*SiteView]()
	case reflect.TypeFor[*pages.Pager]():
		return reflect.TypeFor[*PagerView]()
	case reflect.TypeFor[*pages.Feed]():
		return reflect.TypeFor[*FeedView]()
	case reflect.TypeFor[[]*pages.Feed]():
		return reflect.TypeFor[[]*FeedView]()
	case reflect.TypeFor[[]pages.PageTerms]():
		return reflect.TypeFor[[]PageTermsView]()
	}
	return t
}

// notInViews are the model's members layouts do not get, and why.
var notInViews = map[string]string{
	"Site.Link": "it hands out a *pages.Page inside a pages.Link, which a view cannot record; layouts have Resolve",
}

// TestViewsCoverModel: every exported field and method of pages.Page and
// pages.Site has a method of its name on PageView and SiteView, with the
// model's types as views. A field added to the model fails here until the
// views have it, and so a layout cannot read it unrecorded.
func TestViewsCoverModel(t *testing.T) {
	for _, c := range []struct {
		model, view reflect.Type
		name        string
	}{
		{reflect.TypeFor[*pages.Page](), reflect.TypeFor[*PageView](), "Page"},
		{reflect.TypeFor[*pages.Site](), reflect.TypeFor[*SiteView](), "Site"},
	} {
		want := map[string]reflect.Type{} // member -> its type as a method without receiver
		for f := range c.model.Elem().Fields() {
			if f.IsExported() {
				want[f.Name] = reflect.FuncOf(nil, []reflect.Type{f.Type}, false)
			}
		}
		for m := range c.model.Methods() {
			var in, out []reflect.Type
			for i := 1; i < m.Type.NumIn(); i++ {
				in = append(in, m.Type.In(i))
			}
			for i := range m.Type.NumOut() {
				out = append(out, m.Type.Out(i))
			}
			want[m.Name] = reflect.FuncOf(in, out, false)
		}
		for name, ft := range want {
			if why, ok := notInViews[c.name+"."+name]; ok {
				if _, has := c.view.MethodByName(name); has {
					t.Errorf("%sView has %s, listed as left out: %s", c.name, name, why)
				}
				continue
			}
			m, ok := c.view.MethodByName(name)
			if !ok {
				t.Errorf("%sView has no method %s: pages.%s has it, so layouts must reach it through the view, recorded", c.name, name, c.name)
				continue
			}
			var in, out []reflect.Type
			for i := range ft.NumIn() {
				in = append(in, viewType(ft.In(i)))
			}
			for i := range ft.NumOut() {
				out = append(out, viewType(ft.Out(i)))
			}
			wantType := reflect.FuncOf(append([]reflect.Type{c.view}, in...), out, false)
			if m.Type != wantType {
				t.Errorf("%sView.%s is %v, want %v", c.name, name, m.Type, wantType)
			}
		}
		for m := range c.view.Methods() {
			if _, ok := want[m.Name]; !ok {
				t.Errorf("%sView.%s is no member of pages.%s: replaying its read would fail", c.name, m.Name, c.name)
			}
		}
	}
}

// unviewed turns a view method's result back into the model's values.
func unviewed(s *pages.Site, v reflect.Value) reflect.Value {
	switch x := v.Interface().(type) {
	case *PageView:
		return reflect.ValueOf(unview(x))
	case []*PageView:
		if x == nil {
			return reflect.ValueOf([]*pages.Page(nil))
		}
		out := make([]*pages.Page, len(x))
		for i, p := range x {
			out[i] = unview(p)
		}
		return reflect.ValueOf(out)
	case *SiteView:
		return reflect.ValueOf(s)
	}
	return v
}

// hashOf hashes values as Model.Value hashes a member's result.
func hashOf(m *Model, vals []reflect.Value) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	hv := hasher{h: &h, m: m}
	for _, v := range vals {
		hv.value(unviewed(m.Site, v), 0)
	}
	if v := h.Sum64(); v != Absent {
		return v
	}
	return Absent + 1
}

// siteArgs are arguments to call each method of SiteView with.
func siteArgs(s *session) map[string][][]any {
	site := s.site
	da, en := site.Lang("da"), site.Lang("en")
	side := s.view(site.Page("hjaelp/side.md", "en"))
	return map[string][][]any{
		"Lang":      {{"da"}, {"EN"}, {"xx"}},
		"Page":      {{"hjaelp/side.md", "en"}, {"hjaelp/side.md", "ar"}, {"nosuch.md", "da"}},
		"FilePage":  {{da, "hjaelp/side.md"}, {en, "hjaelp/_index.md"}},
		"ByPath":    {{"da/hjaelp/"}, {"en/hjaelp/side/"}, {"nosuch/"}},
		"Menu":      {{da}, {en}},
		"MenuTop":   {{da}, {en}},
		"SubMenu":   {{side}, {s.view(site.Home(da))}},
		"Footer":    {{da}, {en}},
		"Search":    {{da}, {en}},
		"Home":      {{da}, {en}},
		"URL":       {{side}},
		"Permalink": {{side}},
		"Resource":  {{da, "hjaelp/brev.pdf"}, {en, "hjaelp/brev.pdf"}},
		"Resolve":   {{side, "../_index.md"}, {side, "nosuch.md"}, {side, "/da/hjaelp/"}},
	}
}

// TestViewReads: each method of the views records one read, of its own
// name with its arguments, and the model gives that read the value the
// view returned; so a page whose reads give the same values in two builds
// saw the same things in both.
func TestViewReads(t *testing.T) {
	site := testSite(t)
	m := NewModel(site, AssetMap{"css/site.css": {Name: "css/site.css", File: "css/site.1.css", URL: "/css/site.1.css"}})
	reads := NewReads()
	s := newSession(site, reads)
	check := func(what string, want Read, call func() []reflect.Value) {
		t.Helper()
		clear(reads.m)
		out := call()
		if got := slices.Collect(func(yield func(Read) bool) {
			for r := range reads.m {
				if !yield(r) {
					return
				}
			}
		}); len(got) != 1 || got[0] != want {
			t.Errorf("%s recorded %v, want just %v", what, got, want)
			return
		}
		if got, w := m.Value(m.Key(want)), hashOf(m, out); got != w {
			t.Errorf("%s: the model gives its read another value than the view returned", what)
		}
	}
	for _, p := range slices.Concat(site.Pages, site.Special) {
		v := reflect.ValueOf(s.view(p))
		for mt := range v.Type().Methods() {
			check(fmt.Sprintf("%s of %s", mt.Name, p.OutputFile()), Read{Page: p, Member: mt.Name}, func() []reflect.Value {
				return v.Method(mt.Index).Call(nil)
			})
		}
	}
	sv := reflect.ValueOf(s.sv)
	samples := siteArgs(s)
	for mt := range sv.Type().Methods() {
		if mt.Type.NumIn() == 1 {
			check("Site."+mt.Name, Read{Member: mt.Name}, func() []reflect.Value { return sv.Method(mt.Index).Call(nil) })
			continue
		}
		if len(samples[mt.Name]) == 0 {
			t.Errorf("SiteView.%s takes arguments: give it some in siteArgs", mt.Name)
		}
		for _, list := range samples[mt.Name] {
			var in []reflect.Value
			for _, a := range list {
				in = append(in, reflect.ValueOf(a))
			}
			check(fmt.Sprintf("Site.%s%v", mt.Name, list), Read{Member: mt.Name, Args: args(list...)}, func() []reflect.Value {
				return sv.Method(mt.Index).Call(in)
			})
		}
	}
}

// change sets v, a field of the model, to another value, and reports
// whether it knew how. other is a page to point to that v does not.
func change(v reflect.Value, site *pages.Site, other *pages.Page) bool {
	switch v.Type() {
	case reflect.TypeFor[*pages.Page]():
		v.Set(reflect.ValueOf(other))
		return true
	case reflect.TypeFor[*pages.Lang]():
		for _, l := range site.Langs {
			if l != v.Interface() {
				v.Set(reflect.ValueOf(l))
				return true
			}
		}
	case reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(v.Interface().(time.Time).Add(time.Hour)))
		return true
	case reflect.TypeFor[[]*pages.Page]():
		v.Set(reflect.Append(v.Slice3(0, v.Len(), v.Len()), reflect.ValueOf(other)))
		return true
	case reflect.TypeFor[content.FieldLines]():
		// Lines whose title is one line further down.
		m, _ := content.ParseMeta([]byte("title: x\n"), v.Interface().(content.FieldLines).Line("title")+2)
		v.Set(reflect.ValueOf(m.Lines))
		return true
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Uint8:
		v.SetUint(v.Uint() ^ 1)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Slice:
		v.Set(reflect.Append(v.Slice3(0, v.Len(), v.Len()), reflect.New(v.Type().Elem()).Elem()))
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return false
		}
		c := reflect.MakeMap(v.Type()) // a copy: the model shares maps
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(it.Key(), it.Value())
		}
		c.SetMapIndex(reflect.ValueOf("zz-new").Convert(v.Type().Key()), reflect.New(v.Type().Elem()).Elem())
		v.Set(c)
	case reflect.Pointer:
		// A copy with its first field changed.
		c := reflect.New(v.Type().Elem())
		if !v.IsNil() {
			c.Elem().Set(v.Elem())
		}
		switch {
		case c.Elem().Kind() != reflect.Struct:
			// A pointer to a value (page_size: as *int): set where it
			// was nil, else the value changed.
			if !v.IsNil() && !change(c.Elem(), site, other) {
				return false
			}
		case c.Elem().NumField() == 0 || !change(c.Elem().Field(0), site, other):
			return false
		}
		v.Set(c)
	default:
		return false
	}
	return true
}

// TestEveryFieldIsRead changes each exported field of a page, of its
// language, of its file and of its file's front matter, one at a time,
// and requires the read of that page's member to give another value: a
// field added to the model is seen by Model.Value, or this test fails
// (it does not know how to change the field, or the value stays).
func TestEveryFieldIsRead(t *testing.T) {
	site := testSite(t)
	m := NewModel(site, nil)
	p := page(t, site, "hjaelp/side.md", "da")
	other := page(t, site, "soeg.md", "da")
	cases := []struct {
		member string        // the read of p that shows the field
		of     reflect.Value // the struct whose fields are changed
	}{
		{"", reflect.ValueOf(p).Elem()},
		{"Lang", reflect.ValueOf(p.Lang).Elem()},
		{"File", reflect.ValueOf(p.File).Elem()},
		{"File", reflect.ValueOf(p.File.Meta).Elem()},
	}
	for _, c := range cases {
		for f := range c.of.Type().Fields() {
			if !f.IsExported() {
				continue
			}
			member := c.member
			if member == "" {
				member = f.Name
			}
			k := Key{Ident: Ident(p), Member: member}
			before := m.Value(k)
			field := c.of.FieldByIndex(f.Index)
			saved := reflect.New(field.Type()).Elem()
			saved.Set(field)
			if f.Name == "Key" && c.member == "" {
				// The page's Ident is its key: a changed key is another page.
				continue
			}
			if !change(field, site, other) {
				t.Errorf("%s.%s (%s): the test does not know how to change it; teach change, and check that Model.Value sees it", c.of.Type(), f.Name, f.Type)
				continue
			}
			if m.Value(k) == before {
				t.Errorf("%s.%s changed, and the read %s of the page gives the same value", c.of.Type(), f.Name, member)
			}
			field.Set(saved)
			if m.Value(k) != before {
				t.Errorf("%s.%s changed back, and the read %s gives another value than before", c.of.Type(), f.Name, member)
			}
		}
	}
}

// TestMethodsAreRead: what a layout reads of a value through its methods
// counts, also when it comes from unexported fields: a file whose body
// was let go (content.File.Release) shows its body only in SourceHash.
func TestMethodsAreRead(t *testing.T) {
	site := testSite(t)
	m := NewModel(site, nil)
	p := page(t, site, "hjaelp/side.md", "da")
	k := Key{Ident: Ident(p), Member: "File"}
	before := m.Value(k)
	saved := p.File
	f, diags := content.Parse(saved.Path, []byte("---\ntitle: Side\ndescription: d\n---\nAnden tekst.\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	f.Meta = saved.Meta
	f.BodyLine = saved.BodyLine
	saved.Release()
	f.Release()
	p.File = f
	if m.Value(k) == before {
		t.Errorf("the file's body changed (SourceHash %s, was %s), and the read File gives the same value", f.SourceHash(), saved.SourceHash())
	}
	p.File = saved
}

// TestPartialCachedReads: a page that shows a cached partial read what
// making it read, also when the partial came from the cache; and what a
// context from With reads is the page's.
func TestPartialCachedReads(t *testing.T) {
	tmpl, diags := Load([]fs.FS{layouts(map[string]string{
		"page.html":          `{{ define "main" }}{{ .PartialCached "home" .Page.Lang.Code }}{{ template "sib" ($.With .Page.Parent) }}{{ end }}`,
		"search.html":        `{{ define "main" }}{{ .PartialCached "home" .Page.Lang.Code }}{{ template "sib" ($.With .Page.Parent) }}{{ end }}`,
		"partials/home.html": `{{ define "home" }}{{ (.Site.Home .Page.Lang).Title }}{{ end }}`,
		"partials/sib.html":  `{{ define "sib" }}{{ .Page.Description }}{{ end }}`,
	})})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	site := testSite(t)
	env := &Env{Templates: tmpl, Site: site}
	a, b := page(t, site, "hjaelp/side.md", "da"), page(t, site, "soeg.md", "da")
	home, section := page(t, site, "_index.md", "da"), page(t, site, "hjaelp/_index.md", "da")
	for _, p := range []*pages.Page{a, b} {
		reads := NewReads()
		var out bytes.Buffer
		if err := env.RenderTo(&out, p, nil, reads); err != nil {
			t.Fatal(err)
		}
		for _, want := range []Read{{Page: p, Member: "Layout"}, {Member: "Home", Args: args(p.Lang)}, {Page: home, Member: "Title"}, {Page: p, Member: "Parent"}} {
			if _, ok := reads.m[want]; !ok {
				t.Errorf("rendering %s did not record %+v (%s)", p.OutputFile(), want, out.String())
			}
		}
		if _, ok := reads.m[Read{Page: p.Parent, Member: "Description"}]; !ok {
			t.Errorf("rendering %s did not record its parent's description, read in a context from With", p.OutputFile())
		}
	}
	_ = section
}

// TestNoRecording: a rendering without Reads records nothing and renders
// the same.
func TestNoRecording(t *testing.T) {
	tmpl, diags := Load([]fs.FS{layouts(map[string]string{
		"page.html": `{{ define "main" }}{{ .Page.Title }} {{ range .Site.Menu .Page.Lang }}{{ .Title }}{{ end }} {{ .NavKey }}{{ end }}`,
	})})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	site := testSite(t)
	env := &Env{Templates: tmpl, Site: site}
	p := page(t, site, "hjaelp/side.md", "da")
	var with, without bytes.Buffer
	reads := NewReads()
	if err := env.RenderTo(&with, p, nil, reads); err != nil {
		t.Fatal(err)
	}
	if err := env.RenderTo(&without, p, nil, nil); err != nil {
		t.Fatal(err)
	}
	if with.String() != without.String() || !strings.Contains(with.String(), "Side HjælpSideForside") {
		t.Errorf("with reads %q, without %q", with.String(), without.String())
	}
}

// TestNavKey: pages whose menus look different have different NavKeys,
// since the menu is cached by it. With the home page in the menu, every
// page is in its section, and a section in the menu is marked as well.
func TestNavKey(t *testing.T) {
	site := testSite(t) // the Danish home page is in the menu
	env := &Env{Site: site}
	state := func(p *pages.Page) string {
		c := env.NewContext(p, nil)
		var s string
		for _, m := range c.Site.Menu(c.Page.Lang()) {
			s += fmt.Sprint(m == c.Page, c.InSection(m), ",")
		}
		return s
	}
	keys := map[string]string{} // NavKey -> menu state
	for _, p := range site.Pages {
		if p.Lang.Code != "da" {
			continue
		}
		k, st := env.NewContext(p, nil).NavKey(), state(p)
		if other, ok := keys[k]; ok && other != st {
			t.Errorf("NavKey %q stands for two menus: %s and %s", k, other, st)
		}
		keys[k] = st
	}
	if len(keys) < 3 {
		t.Errorf("%d menus; the test wants the home page, a section and a page below it", len(keys))
	}
}

// TestForget: Forget drops the cached partials that read a page changed in
// place, or an asset, and keeps the others.
func TestForget(t *testing.T) {
	tmpl, diags := Load([]fs.FS{layouts(map[string]string{
		"page.html":          `{{ define "main" }}{{ .PartialCached "home" .Page.Lang.Code }}{{ .PartialCached "css" }}{{ end }}`,
		"partials/home.html": `{{ define "home" }}{{ (.Site.Home .Page.Lang).Title }}{{ end }}`,
		"partials/css.html":  `{{ define "css" }}{{ (.Asset "site.css").URL }}{{ end }}`,
	})})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	site := testSite(t)
	env := &Env{Templates: tmpl, Site: site, Assets: AssetMap{"site.css": {URL: "/site.css"}}}
	p, home, other := page(t, site, "hjaelp/side.md", "da"), page(t, site, "_index.md", "da"), page(t, site, "soeg.md", "da")
	cachedNames := func() []string {
		var names []string
		env.partials.Range(func(k, _ any) bool {
			names = append(names, strings.Split(k.(string), "\x00")[0])
			return true
		})
		slices.Sort(names)
		return names
	}
	for _, c := range []struct {
		ps     []*pages.Page
		assets bool
		want   []string
	}{
		{[]*pages.Page{other}, false, []string{"css", "home"}},
		{[]*pages.Page{home}, false, []string{"css"}},
		{nil, true, []string{"home"}},
	} {
		env.partials.Clear()
		if err := env.RenderTo(io.Discard, p, nil, NewReads()); err != nil {
			t.Fatal(err)
		}
		env.Forget(c.ps, c.assets)
		if got := cachedNames(); !slices.Equal(got, c.want) {
			t.Errorf("Forget(%d pages, assets %v) kept %v, want %v", len(c.ps), c.assets, got, c.want)
		}
	}
}

// TestAssetReads: a layout's .Asset is a read of the asset by its name,
// found or not, whose value in a model is what the model's Assets give for
// it: another file (a new fingerprint) or a file that appeared or went is
// another value, so the pages that asked are rendered again.
func TestAssetReads(t *testing.T) {
	tmpl, diags := Load([]fs.FS{layouts(map[string]string{
		"page.html": `{{ define "main" }}{{ (.Asset "site.css").URL }}{{ with .Asset "new.css" }}{{ .URL }}{{ end }}{{ end }}`,
	})})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	site := testSite(t)
	before := AssetMap{"site.css": {Name: "site.css", File: "site.1.css", URL: "/site.1.css"}}
	env := &Env{Templates: tmpl, Site: site, Assets: before}
	reads := NewReads()
	// .Asset "new.css" fails, and {{ with }} does not hide a method's
	// error: the rendering fails there, after both reads.
	_ = env.RenderTo(io.Discard, page(t, site, "hjaelp/side.md", "da"), nil, reads)
	var names []string
	reads.Each(func(r Read) {
		if r.Page == nil && r.Member == "" {
			names = append(names, r.Args)
		}
	})
	slices.Sort(names)
	if want := []string{"new.css", "site.css"}; !slices.Equal(names, want) {
		t.Fatalf("asset reads %v, want %v", names, want)
	}
	site1, new1 := Key{Args: "site.css"}, Key{Args: "new.css"}
	m0 := NewModel(site, before)
	for _, c := range []struct {
		name              string
		assets            Assets
		siteSame, newSame bool
	}{
		{"the same", AssetMap{"site.css": {Name: "site.css", File: "site.1.css", URL: "/site.1.css"}}, true, true},
		{"a new fingerprint", AssetMap{"site.css": {Name: "site.css", File: "site.2.css", URL: "/site.2.css"}}, false, true},
		{"a file that appeared", AssetMap{"site.css": before["site.css"], "new.css": {Name: "new.css", File: "new.css", URL: "/new.css"}}, true, false},
		{"a file that went", AssetMap{}, false, true},
		{"no assets", nil, false, false},
	} {
		m1 := NewModel(site, c.assets)
		if got := m0.Value(site1) == m1.Value(site1); got != c.siteSame {
			t.Errorf("%s: site.css keeps its value: %v, want %v", c.name, got, c.siteSame)
		}
		if got := m0.Value(new1) == m1.Value(new1); got != c.newSame {
			t.Errorf("%s: new.css keeps its value: %v, want %v", c.name, got, c.newSame)
		}
	}
}

// TestMaxCached: with MaxCached, a rendering that records nothing keeps
// at most that many partials cached, and renders as without it.
func TestMaxCached(t *testing.T) {
	tmpl, diags := Load([]fs.FS{layouts(map[string]string{
		"page.html":          `{{ define "main" }}{{ .PartialCached "home" .Page.Lang.Code }}|{{ .PartialCached "key" .Page.Key }}{{ end }}`,
		"search.html":        `{{ define "main" }}{{ .PartialCached "home" .Page.Lang.Code }}|{{ .PartialCached "key" .Page.Key }}{{ end }}`,
		"section.html":       `{{ define "main" }}{{ .PartialCached "home" .Page.Lang.Code }}|{{ .PartialCached "key" .Page.Key }}{{ end }}`,
		"home.html":          `{{ define "main" }}{{ .PartialCached "home" .Page.Lang.Code }}|{{ .PartialCached "key" .Page.Key }}{{ end }}`,
		"partials/home.html": `{{ define "home" }}{{ (.Site.Home .Page.Lang).Title }}{{ end }}`,
		"partials/key.html":  `{{ define "key" }}{{ .Page.Key }}{{ end }}`,
	})})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	site := testSite(t)
	render := func(env *Env) []string {
		var out []string
		for range 2 {
			for _, p := range site.Pages {
				if p.Fallback {
					continue
				}
				var b bytes.Buffer
				if err := env.RenderTo(&b, p, nil, nil); err != nil {
					t.Fatal(err)
				}
				out = append(out, b.String())
				n := 0
				env.partials.Range(func(_, _ any) bool { n++; return true })
				if env.MaxCached > 0 && n > env.MaxCached {
					t.Fatalf("%d partials cached, MaxCached %d", n, env.MaxCached)
				}
			}
		}
		return out
	}
	want := render(&Env{Templates: tmpl, Site: site})
	if got := render(&Env{Templates: tmpl, Site: site, MaxCached: 2}); !slices.Equal(got, want) {
		t.Errorf("with MaxCached 2:\n%q\nwithout:\n%q", got, want)
	}
	if len(want) < 6 {
		t.Errorf("%d pages rendered; the test wants more than MaxCached keys", len(want))
	}
}
