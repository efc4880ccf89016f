package hosting_test

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/pages"
	"github.com/udenmitid/sitegen/internal/search"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestNginx serves the bundled site, built for a sub-path, with nginx and
// the configuration the README gives, and fetches every internal URL. Its
// search indexes are single files; TestNginxSplitSearch serves a split one.
func TestNginx(t *testing.T) {
	nginx := findNginx(t)
	site, docs := bundled(t)
	root := serveNginx(t, nginx, site.Files, snippetFor(t, site.Result.Site, true))

	fetched := map[string]bool{}
	for name, d := range docs {
		for _, r := range d.Refs {
			file, _, internal := check.Target(r.URL, name, origin, base)
			if !internal || strings.HasPrefix(r.URL, "mailto:") {
				continue
			}
			u := root + base + strings.TrimSuffix(file, "index.html")
			if fetched[u] {
				continue
			}
			fetched[u] = true
			if code, _ := get(t, u); code != http.StatusOK {
				t.Errorf("%s links to %s: status %d", name, u, code)
			}
		}
	}
	t.Logf("nginx answered %d internal URLs with 200", len(fetched))

	tests := []struct{ path, want string }{
		{"/udenmitid/kl/no-such-page/", `<html lang="kl" dir="ltr">`},
		{"/udenmitid/en/no-such-page/", `<html lang="en" dir="ltr">`},
		{"/udenmitid/ar/no-such-page/", `<html lang="ar" dir="rtl">`},
		{"/udenmitid/no-such-page", `lang="kl"`}, // the root 404 speaks every language
	}
	for _, tt := range tests {
		code, body := get(t, root+tt.path)
		if code != http.StatusNotFound || !strings.Contains(body, tt.want) {
			t.Errorf("%s: status %d, body lacks %q", tt.path, code, tt.want)
		}
	}
	kl404 := string(site.Files["kl/404.html"])
	if _, body := get(t, root+"/udenmitid/kl/no-such-page/"); body != kl404 {
		t.Errorf("a missing kl URL is not answered with kl/404.html")
	}

	// Every language has an index; the search pages are the languages'
	// own pages with layout: search.
	langs, searchPages := len(site.Result.Site.Langs), 0
	for _, p := range site.Result.Site.Pages {
		if p.Layout() == "search" {
			searchPages++
		}
	}
	if files, pages := checkCaching(t, root, site.Files); files != langs || pages != searchPages {
		t.Errorf("the bundled site has %d search index files and %d search pages, want %d single files and %d pages", files, pages, langs, searchPages)
	}
}

// TestNginxSplitSearch serves a site of more than search.SplitPages pages,
// whose search index is a split one (a manifest and a folder of shards and
// page files), with the README's nginx configuration, and checks that
// nginx and _headers cache every file of it for a year.
func TestNginxSplitSearch(t *testing.T) {
	nginx := findNginx(t)
	fsys := fstest.MapFS{
		"sitegen.toml":         {Data: []byte("base_url = \"https://example.org/\"\n[[languages]]\ncode = \"da\"\nname = \"Dansk\"\n")},
		"content/da/_index.md": {Data: []byte("---\ntitle: Forside\ndescription: Forsiden.\n---\n")},
		"content/da/soeg.md":   {Data: []byte("---\ntitle: Søg\ndescription: Søg på siden.\nlayout: search\n---\n")},
	}
	for i := range search.SplitPages + 1 {
		fsys[fmt.Sprintf("content/da/side-%d.md", i)] = &fstest.MapFile{
			Data: []byte(fmt.Sprintf("---\ntitle: Side %d\ndescription: Side nummer %d.\n---\nOm ting og sager nummer %d.\n", i, i, i))}
	}
	site := sitetest.BuildFS(t, fsys, build.Options{Defaults: theme.FS(), BaseURL: origin + base})
	if site.Result == nil {
		t.Fatalf("build failed:\n%s", site.Stderr())
	}
	root := serveNginx(t, nginx, site.Files, readmeSnippet(t))
	if files, pages := checkCaching(t, root, site.Files); files < 3 || pages != 1 {
		t.Errorf("%d search index files and %d search pages, want a split index (a manifest, term shards and page files) and one page", files, pages)
	}
}

// immutable is the Cache-Control of files whose names hold their hash.
const immutable = "public, max-age=31536000, immutable"

// checkCaching checks that nginx at root, and the site's _headers, give
// every file of the search indexes a year's immutable cache, and the
// search pages, which name the indexes, a short one. The indexes' names
// hold hashes of their contents, so a deploy that changes an index changes
// its name and the search page that names it, which is cached for minutes
// only. It returns the numbers of index files and of search pages.
func checkCaching(t *testing.T, root string, files map[string][]byte) (indexFiles, searchPages int) {
	t.Helper()
	rules := parseHeaders(t, string(files["_headers"]))
	n := 0
	for name := range files {
		if !strings.HasPrefix(name, "search/") || !strings.HasSuffix(name, ".json") {
			continue // a page of a language at the root may be search/index.html
		}
		n++
		if got := cacheControl(t, root+base+name); got != immutable {
			t.Errorf("nginx: %s%s has Cache-Control %q, want %q", base, name, got, immutable)
		}
		if got := rules.cacheControl(base + name); got != immutable {
			t.Errorf("_headers: %s%s has Cache-Control %q, want %q", base, name, got, immutable)
		}
	}
	manifest := regexp.MustCompile(`data-index="` + regexp.QuoteMeta(base) + `(search/[^"]+)"`)
	for page, data := range files {
		m := manifest.FindSubmatch(data)
		if m == nil || !strings.HasSuffix(page, ".html") {
			continue
		}
		searchPages++
		if files[string(m[1])] == nil {
			t.Errorf("%s names %s, which is not in the output", page, m[1])
		}
		u := base + strings.TrimSuffix(page, "index.html")
		if got := cacheControl(t, root+u); strings.Contains(got, "immutable") {
			t.Errorf("nginx: the search page %s has Cache-Control %q: it must be revalidated to name a new index", u, got)
		}
		if got := rules.cacheControl(u); strings.Contains(got, "immutable") || got == "" {
			t.Errorf("_headers: the search page %s has Cache-Control %q, want a short one", u, got)
		}
	}
	return n, searchPages
}

// headerRules are the rules of a _headers file: a path pattern, in which
// "*" matches any characters, and its headers.
type headerRules []struct {
	pattern *regexp.Regexp
	headers map[string]string
}

// parseHeaders parses Netlify's and Cloudflare Pages' _headers format.
func parseHeaders(t *testing.T, file string) headerRules {
	t.Helper()
	var rules headerRules
	for line := range strings.Lines(file) {
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "":
		case !strings.HasPrefix(line, " "):
			re := "^" + strings.ReplaceAll(regexp.QuoteMeta(line), `\*`, ".*") + "$"
			rules = append(rules, struct {
				pattern *regexp.Regexp
				headers map[string]string
			}{regexp.MustCompile(re), map[string]string{}})
		case len(rules) > 0:
			k, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				t.Fatalf("_headers: %q is no header", line)
			}
			rules[len(rules)-1].headers[k] = v
		default:
			t.Fatalf("_headers: a header before any path: %q", line)
		}
	}
	return rules
}

// cacheControl returns the Cache-Control the rules give a path, which
// hosts join when several rules set it (hosting.Headers never does).
func (rules headerRules) cacheControl(p string) string {
	var values []string
	for _, r := range rules {
		if v, ok := r.headers["Cache-Control"]; ok && r.pattern.MatchString(p) {
			values = append(values, v)
		}
	}
	return strings.Join(values, ", ")
}

// findNginx returns the path of nginx, or skips the test when it is not
// installed (and fails it when SITEGEN_NGINX_TESTS=required).
func findNginx(t *testing.T) string {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		for _, p := range []string{"/usr/sbin/nginx", "/sbin/nginx"} {
			if _, err := os.Stat(p); err == nil {
				nginx = p
			}
		}
	}
	if nginx == "" {
		if os.Getenv("SITEGEN_NGINX_TESTS") == "required" {
			t.Fatal("nginx is required (SITEGEN_NGINX_TESTS=required) but not installed: apt-get install nginx")
		}
		t.Skip("nginx not installed (apt-get install nginx); skipping the nginx test")
	}
	return nginx
}

// TestNginxRootLanguage serves a site whose default language, English, is
// at the root (default_language_in_subdir = false) with the README's
// nginx configuration, its language list without English as the README
// says: every internal URL answers, a miss outside /da/ and /kl/ gets the
// English 404 page (/404.html, with a line in Danish and Greenlandic), a
// miss below /da/ the Danish one, and the search indexes and pages are
// cached as they must be.
func TestNginxRootLanguage(t *testing.T) {
	nginx := findNginx(t)
	archive, err := os.ReadFile("../build/testdata/root-language.txtar")
	if err != nil {
		t.Fatal(err)
	}
	site := sitetest.BuildFS(t, sitetest.FS(t, archive), build.Options{Defaults: theme.FS(), BaseURL: origin + base})
	if site.Result == nil {
		t.Fatalf("build failed:\n%s", site.Stderr())
	}
	server := snippetFor(t, site.Result.Site, false)
	if !strings.Contains(server, "(da|kl)") {
		t.Fatalf("the language list is not da and kl:\n%s", server)
	}
	root := serveNginx(t, nginx, site.Files, server)

	fetched := 0
	for name, data := range site.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		d, err := check.ParseHTML(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range d.Refs {
			file, _, internal := check.Target(r.URL, name, origin, base)
			if !internal || strings.HasPrefix(r.URL, "mailto:") {
				continue
			}
			fetched++
			if code, _ := get(t, root+base+strings.TrimSuffix(file, "index.html")); code != http.StatusOK {
				t.Errorf("%s links to %s: status %d", name, r.URL, code)
			}
		}
	}
	if fetched < 100 {
		t.Errorf("only %d internal URLs fetched", fetched)
	}
	tests := []struct{ path, file string }{
		{"/udenmitid/no-such-page", "404.html"},
		{"/udenmitid/docs/no-such-page/", "404.html"},
		{"/udenmitid/da/no-such-page/", "da/404.html"},
		{"/udenmitid/kl/no-such-page/", "kl/404.html"},
	}
	for _, tt := range tests {
		code, body := get(t, root+tt.path)
		if code != http.StatusNotFound || body != string(site.Files[tt.file]) {
			t.Errorf("%s: status %d, want 404 with %s", tt.path, code, tt.file)
		}
	}
	if en := string(site.Files["404.html"]); !strings.Contains(en, `<html lang="en"`) || !strings.Contains(en, `<li lang="da">`) || !strings.Contains(en, `<li lang="kl">`) {
		t.Errorf("/404.html is not the English 404 page with a line in da and kl:\n%s", en)
	}
	if files, pages := checkCaching(t, root, site.Files); files != 3 || pages != 2 {
		t.Errorf("%d search index files and %d search pages, want 3 and 2 (/search/ and /da/soeg/; kl has a fallback page)", files, pages)
	}
}

// langList matches the language list of the README's location line.
var langList = regexp.MustCompile(`\^/udenmitid/\(([a-z|-]+)\)/`)

// snippetFor returns the README's server block for site: its location
// line lists the languages that have a folder, as the README says (the
// default language's, when it is at the root, is not one). With exact,
// the README must list them as they are.
func snippetFor(t *testing.T, site *pages.Site, exact bool) string {
	t.Helper()
	server := readmeSnippet(t)
	m := langList.FindStringSubmatch(server)
	if m == nil {
		t.Fatal("the README's nginx block has no location line for the language folders")
	}
	var folders []string
	for _, l := range site.Langs {
		if l.Prefix != "" {
			folders = append(folders, l.Folder)
		}
	}
	list := strings.Join(folders, "|")
	if exact && m[1] != list {
		t.Fatalf("the README's nginx block lists the languages %s; the bundled site has %s", m[1], list)
	}
	return strings.Replace(server, m[0], "^/udenmitid/("+list+")/", 1)
}

// serveNginx writes files into a folder named as the base path and serves
// them with nginx and the server block (the README's) until the test
// ends. It returns the server's root URL.
func serveNginx(t *testing.T, nginx string, files map[string][]byte, server string) string {
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, "www", "udenmitid", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	port := freePort(t)
	server = strings.Replace(server, "listen 80;", fmt.Sprintf("listen 127.0.0.1:%d;", port), 1)
	server = strings.Replace(server, "root /srv/www;", "root "+filepath.Join(dir, "www")+";", 1)
	conf := fmt.Sprintf(`daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
%[2]s
}
`, dir, server)
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nginx, "-c", confPath, "-p", dir)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	root := fmt.Sprintf("http://127.0.0.1:%d", port)
	waitFor(t, root+"/udenmitid/")
	return root
}

// cacheControl fetches u, which must exist, and returns its Cache-Control.
func cacheControl(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s: status %d", u, resp.StatusCode)
	}
	return strings.Join(resp.Header.Values("Cache-Control"), ", ")
}

// readmeSnippet returns the nginx server block from README.md.
func readmeSnippet(t *testing.T) string {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```nginx\n(.*?)```").FindSubmatch(data)
	if m == nil {
		t.Fatal("README.md has no ```nginx block")
	}
	return string(m[1])
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func waitFor(t *testing.T, u string) {
	for range 100 {
		if resp, err := http.Get(u); err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("nginx did not answer %s", u)
}

func get(t *testing.T, u string) (int, string) {
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}
