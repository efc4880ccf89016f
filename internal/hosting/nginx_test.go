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
	"time"

	"github.com/udenmitid/sitegen/internal/check"
)

// TestNginx serves the bundled site, built for a sub-path, with nginx and
// the configuration the README gives, and fetches every internal URL.
func TestNginx(t *testing.T) {
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
	site, docs := bundled(t)
	dir := t.TempDir()
	for name, data := range site.Files {
		p := filepath.Join(dir, "www", "udenmitid", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	port := freePort(t)
	server := readmeSnippet(t)
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
