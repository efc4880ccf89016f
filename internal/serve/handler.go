package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// Prefix is the URL path of the server's own files. Content URLs start
// with a language's folder, but for a default language at the root
// (default_language_in_subdir = false): a page of it at /_sitegen/ is
// published by build, but serve shows its own pages there.
const Prefix = "/_sitegen/"

// maxPath is the longest URL path served; longer ones get 414.
const maxPath = 2048

//go:embed reload.js
var reloadJS []byte

// ServeHTTP serves the current build, to requests for the server's own
// address (see Who is served).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.guard.allows(r.Host) {
		s.refuseHost(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if len(r.URL.Path) > maxPath || len(r.URL.RawQuery) > maxPath {
		http.Error(w, "URL too long", http.StatusRequestURITooLong)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	switch r.URL.Path {
	case Prefix + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(reloadJS)
		return
	case Prefix + "events", Prefix, Prefix + "status":
		if why, ok := sameOrigin(r); !ok {
			s.refuseOrigin(w, r, why)
		} else if r.URL.Path == Prefix+"events" {
			s.events(w, r)
		} else {
			s.status(w, r)
		}
		return
	}
	// One build answers the whole request, however long it takes and
	// whatever is rebuilt meanwhile.
	b := s.store.current()
	if b.result == nil && b.errs != nil {
		s.noBuild(w, r, b)
		return
	}
	name, ok := FileName(r.URL.Path)
	if !ok {
		s.notFound(w, r, b)
		return
	}
	if data, ok := b.get(name); ok {
		s.file(w, r, b, name, data, http.StatusOK)
		return
	}
	if strings.HasPrefix(name, "search/") && strings.HasSuffix(name, ".json") {
		if data, ok := b.search.file(r.Context(), name); ok {
			s.file(w, r, b, name, data, http.StatusOK)
			return
		}
	}
	if !strings.HasSuffix(name, ".html") && name != "" {
		if b.has(name + "/index.html") {
			target := r.URL.Path + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
	}
	s.notFound(w, r, b)
}

// FileName maps a URL path to the output file that serves it. It refuses
// paths that are not clean or would leave the output: "..", ".", empty
// segments in the middle, backslashes and NUL bytes.
func FileName(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	rel := urlPath[1:]
	if strings.HasPrefix(rel, "/") {
		return "", false
	}
	dir := strings.HasSuffix(rel, "/") || rel == ""
	trimmed := strings.TrimSuffix(rel, "/")
	if trimmed != "" {
		for _, seg := range strings.Split(trimmed, "/") {
			if seg == "" || seg == "." || seg == ".." {
				return "", false
			}
		}
	}
	if dir {
		return rel + "index.html", true
	}
	return rel, true
}

// notFound serves the 404 page of the language the URL is in, from b.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, b *served) {
	lang, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	for _, name := range []string{lang + "/404.html", "404.html"} {
		if strings.Contains(name, "..") || strings.ContainsAny(name, "\\\x00") {
			continue
		}
		if data, ok := b.get(name); ok {
			s.file(w, r, b, name, data, http.StatusNotFound)
			return
		}
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// file serves one output file of b, adding the reload script to HTML.
func (s *Server) file(w http.ResponseWriter, r *http.Request, b *served, name string, data []byte, status int) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = Inject(data, b.gen)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// Inject adds the reload script before </body>. gen tells the script which
// build the page came from, so it can reload if it missed a rebuild.
func Inject(page []byte, gen uint64) []byte {
	tag := fmt.Appendf(nil, `<script src="%sreload.js" data-gen="%d" defer></script>`, Prefix, gen)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams Server-Sent Events to one browser until it leaves or the
// server stops.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, cancel := s.broker.Subscribe()
	defer cancel()
	// Taken after subscribing: a build served after this is sent as an
	// event, one served before it is b.
	b := s.store.current()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 1000\n\n")
	if b.errs != nil {
		writeEvent(w, Event{Name: "builderror", Data: errorsJSON(b.errs)})
	} else if gen, err := strconv.ParseUint(r.URL.Query().Get("gen"), 10, 64); err == nil && gen != b.gen {
		// The page was served from an older build than the current one.
		writeEvent(w, Event{Name: "reload", Data: `{"all":true}`})
	}
	flusher.Flush()
	heartbeat := time.NewTicker(25 * time.Second)
	defer heartbeat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.broker.Done():
			return
		case e := <-ch:
			writeEvent(w, e)
			flusher.Flush()
		case <-heartbeat.C:
			fmt.Fprint(w, ": heartbeat\n\n")
			flusher.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, e Event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.Name, e.Data)
}

var statusPage = template.Must(template.New("status").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
{{ if not .Report }}<meta http-equiv="refresh" content="2">{{ end }}
<title>sitegen status</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem}
li code{white-space:pre-wrap}
table{border-collapse:collapse;margin-bottom:1rem}
caption{text-align:left;font-weight:bold}
th,td{text-align:left;padding:0 .75rem 0 0}
td a,th a,nav a{display:inline-block;min-width:24px;min-height:24px;line-height:24px}
nav a{margin-right:1rem}
.diff p{white-space:pre-wrap;margin:.25rem 0}
.diff .where{font-weight:bold;margin-top:.75rem}
del{background:#ffe0e0;color:#6b0000}
ins{background:#dcf5dc;color:#00420a}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
</style></head>
<body>
<main>
<h1>sitegen status</h1>
{{ with .Errors }}<h2>{{ if $.Built }}The last edit broke the build: the last good build is served{{ else }}The site does not build: there is no good build to serve yet, and every page shows these errors{{ end }}</h2>
<ul>{{ range . }}<li><code>{{ . }}</code></li>{{ end }}</ul>
{{ end }}
{{ with .CheckErr }}<p>The check failed: <code>{{ . }}</code></p>{{ end }}
{{ if not .Report }}<p>Checking the site as sitegen check does; this page reloads when the report is ready.</p>{{ end }}
{{ with .Report }}
<p>{{ .Totals }} (as sitegen check{{ if .Drafts }} -drafts{{ end }} reports them for the files as they were at {{ $.At }}, checked in {{ $.Took }}).</p>
{{ if .Drafts }}<p>Drafts are included, as this server shows them; sitegen build leaves them out, so a link from a published page to a draft is an error.</p>{{ end }}
{{ if not $.Current }}<p>The site changed since: a new check is running; reload to see it.</p>{{ end }}
{{ $.Body }}
{{ end }}
</main>
</body>
</html>
`))

// status shows the latest report of sitegen check (see Reporter), without
// waiting for a check, unless the query has wait.
func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	st := s.reports.Latest()
	if r.URL.Query().Has("wait") {
		st = s.reports.Wait(r.Context())
	}
	b := s.store.current()
	data := map[string]any{
		"Errors":  b.errs,
		"Built":   b.result != nil,
		"Report":  st.Report,
		"Body":    st.body(r.URL.Query()),
		"At":      st.At.Format("15:04:05"),
		"Took":    st.Took.Round(100 * time.Millisecond),
		"Current": st.Current,
	}
	if st.Err != nil {
		data["CheckErr"] = st.Err.Error()
	}
	var page bytes.Buffer
	if err := statusPage.Execute(&page, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.file(w, r, b, "status.html", page.Bytes(), http.StatusOK)
}
