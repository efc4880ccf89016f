package browsertest

import (
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
)

// siteHandler serves the files of a build, as a static host would: /x/ is
// x/index.html, /x redirects to /x/ when x/index.html exists, and a missing
// file gets the 404 page of its language prefix, or /404.html, with status
// 404.
func siteHandler(files map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		urlPath := r.URL.Path
		name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
		if strings.HasSuffix(urlPath, "/") {
			name = path.Join(name, "index.html")
		}
		if data, ok := files[name]; ok {
			serveFile(w, r, name, data, http.StatusOK)
			return
		}
		if !strings.HasSuffix(urlPath, "/") {
			if _, ok := files[path.Join(name, "index.html")]; ok {
				http.Redirect(w, r, urlPath+"/", http.StatusMovedPermanently)
				return
			}
		}
		lang, _, _ := strings.Cut(name, "/")
		for _, nf := range []string{lang + "/404.html", "404.html"} {
			if data, ok := files[nf]; ok {
				serveFile(w, r, nf, data, http.StatusNotFound)
				return
			}
		}
		http.NotFound(w, r)
	})
}

// textTypes are the content types of the text files a build writes. They
// name the charset, which mime.TypeByExtension does not always do.
var textTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml; charset=utf-8",
	".svg":         "image/svg+xml",
	".txt":         "text/plain; charset=utf-8",
}

// contentType returns the Content-Type of the file name with contents data.
func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := textTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

func serveFile(w http.ResponseWriter, r *http.Request, name string, data []byte, status int) {
	h := w.Header()
	h.Set("Content-Type", contentType(name, data))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

func TestSiteHandler(t *testing.T) {
	files := map[string][]byte{
		"index.html":          []byte("<!doctype html>root"),
		"404.html":            []byte("<!doctype html>root 404"),
		"da/index.html":       []byte("<!doctype html>da"),
		"da/404.html":         []byte("<!doctype html>da 404"),
		"da/klage/index.html": []byte("<!doctype html>klage"),
		"css/site.123.css":    []byte("body{}"),
	}
	srv := httptest.NewServer(siteHandler(files))
	defer srv.Close()
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	tests := []struct {
		path, wantType, wantBody, wantLocation string
		wantStatus                             int
	}{
		{"/", "text/html; charset=utf-8", "<!doctype html>root", "", 200},
		{"/index.html", "text/html; charset=utf-8", "<!doctype html>root", "", 200},
		{"/da/", "text/html; charset=utf-8", "<!doctype html>da", "", 200},
		{"/da/klage/", "text/html; charset=utf-8", "<!doctype html>klage", "", 200},
		{"/da/klage", "", "", "/da/klage/", 301},
		{"/da/404.html", "text/html; charset=utf-8", "<!doctype html>da 404", "", 200},
		{"/da/findes-ikke/", "text/html; charset=utf-8", "<!doctype html>da 404", "", 404},
		{"/kl/findes-ikke/", "text/html; charset=utf-8", "<!doctype html>root 404", "", 404},
		{"/findes-ikke", "text/html; charset=utf-8", "<!doctype html>root 404", "", 404},
		{"/css/", "text/html; charset=utf-8", "<!doctype html>root 404", "", 404},
		{"/css/site.123.css", "text/css; charset=utf-8", "body{}", "", 200},
		{"/../../etc/passwd", "text/html; charset=utf-8", "<!doctype html>root 404", "", 404},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, srv.URL+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.URL.Path = tt.path // keep the dots
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if tt.wantLocation != "" {
				if got := resp.Header.Get("Location"); got != tt.wantLocation {
					t.Errorf("Location %q, want %q", got, tt.wantLocation)
				}
				return
			}
			if got := resp.Header.Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type %q, want %q", got, tt.wantType)
			}
			if string(body) != tt.wantBody {
				t.Errorf("body %q, want %q", body, tt.wantBody)
			}
		})
	}
}
