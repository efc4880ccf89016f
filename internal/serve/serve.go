// Package serve is sitegen serve: it builds the site into memory, serves it
// over HTTP, watches the site's files and rebuilds after every edit, and
// tells open browsers to reload.
//
// # What an editor sees
//
// Every language is served at once, drafts included (with a banner). After
// an edit the changed pages reload by themselves, once the whole rebuild is
// done; a stylesheet change is swapped in without a reload. When an edit
// breaks the build, the last good build stays served, the errors are
// printed in the terminal and shown over the page as path:line: message,
// and the overlay goes away when the file is fixed. When there is no good
// build yet (the first one failed), every request but /_sitegen/ gets a
// page that lists the errors (status 503), and it reloads once the site
// builds. /_sitegen/ shows the
// state of the site: errors, warnings and every page in every language,
// as sitegen check reports them (see The status page).
//
// # The status page
//
// /_sitegen/ shows the report of sitegen check on the site as it is
// served: with drafts when they are shown, the report of sitegen check
// -drafts, and the page says that drafts are included (a published page's
// link to a draft is then an error: sitegen build leaves the draft out);
// with -drafts=false, the report of sitegen check.
//
// The check goes along with the server's own builds, not beside them: the
// Builder shows a check.Checker each page it converts, and the Reporter's
// goroutine reads the HTML files each build wrote (from memory) and drops
// those it removed; then it makes the report from what the Checker keeps,
// under the build lock, judging what spans pages anew. So an edit costs
// the check only the pages it converts and renders again, and the server
// holds the check's findings, not a second build. While an edit breaks the
// build, the Builder keeps the last good build and stops at the errors;
// the report is then a whole sitegen check of the files, as the command
// reports a site that does not build, until the site builds again.
//
// The page shows the latest report at once, with the time its files were
// read; while a newer report is being made it says so. Until the first
// report is ready the page says so and reloads itself. /_sitegen/?wait
// waits for the report of the latest build first.
//
// Each list on the page (findings, translation rows, readability) shows
// 100 items at a time, with links to the next, previous, first and last
// page (?findings=N, ?translations=N, ?readability=N), and a finding's
// places beyond ten fold away. A list longer than that, or filtered, has
// a summary above it: the findings by rule, each rule's name showing its
// findings alone (?rule=link-text), and the pages of each language by
// translation status, each count showing those keys alone
// (?lang=en&status=outdated). So the page stays small on any site: at
// 10,000 pages the whole report was 12 MB of HTML, which Chromium took
// 11 s to show; a page of it is under 1 MB. sitegen check prints the
// whole report.
//
// # Watching
//
// The site's files are watched from before the first build reads one, and
// all the time after, also while a build runs: whatever changes during a
// build is built right after it. Folders renamed, moved or deleted are
// followed at any depth, and editors' backup and swap files are ignored
// (content.Ignored). See Watcher for the rules; a soak test holds them to
// it: after any sequence of edits the served site equals a fresh build.
//
// # Memory
//
// The server keeps the whole built site in memory, and what it needs to
// rebuild after an edit: every output file, text files compressed (the
// Store; a page is decompressed when it is served), each page's converted
// body, compressed, with its search terms instead of its text (the
// Builder), and the check's findings (check.Checker), all in shared
// blocks (package slab) rather than scattered among the garbage of the
// build that made them. Content bodies are read again from disk when a
// page is converted again. The README's Performance section has the
// figures.
//
// # Safety
//
// The server listens on a loopback address unless told otherwise, answers
// only GET and HEAD, and serves nothing but the built output: a path that
// tries to leave it (/../go.mod, %2e%2e, a backslash) gets a 404. The
// reload script is added to pages as they are served, never to what
// sitegen build writes.
//
// # Who is served
//
// Listening on 127.0.0.1 keeps other machines out, not other web pages:
// a page on any site the editor visits can point a name of its own at
// 127.0.0.1 (DNS rebinding) and then read what the server answers as if
// it were its own site, drafts and the status page included. So the
// server answers only requests whose Host header names it: 127.0.0.1,
// localhost or [::1] at the port it listens on (any loopback address; the
// name in any case, with or without a trailing dot); when -addr gives
// another address or a host name, that too, and with -addr 0.0.0.0 (every
// address) any IP address, at that port. Any other name, or another port, gets 403 Forbidden with a
// plain-text message saying what to do, and the terminal says so once for
// each name. (Vite answers such requests with 403 as well, and has
// server.allowedHosts for names added on purpose; webpack-dev-server
// refuses them too.)
//
// -allow-host name (repeated, or a comma list; Options.AllowHosts) lets a
// developer add a name on purpose, such as a tunnel's or one in
// /etc/hosts; an added name is answered at any port, since a tunnel or
// proxy answers at its own. ParseAllowHost says what a name may be.
//
// The event stream (live reload) and the status page (/_sitegen/) answer
// only the server's own pages, and the address bar: a request whose
// Origin header is another origin than the one it is addressed to, or
// that the browser marks as coming from another site or origin
// (Sec-Fetch-Site other than same-origin or none), gets 403 Forbidden.
// Pages, stylesheets, images and the reload script load as usual from
// anywhere, as they would from the published site.
//
// # While it rebuilds
//
// No request waits for a build. The Store serves each build as a snapshot
// that nothing changes once it is served; a rebuild makes the next one
// beside it and swaps it in when the whole build is done. Until then the
// previous build answers every request, pages and search indexes alike,
// and a request is answered from one build, never a mix of two. A
// build's search indexes are made when first asked for (about a second
// for a language of 10,000 pages), from each page's entry as the build
// left it (build.SearchFiles), taken right after its pages are served;
// the first request for an index after a rebuild waits for that, never
// for a build. Only /_sitegen/?wait waits, as it says, for the report of
// the latest build.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/check"
	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/history"
	"github.com/udenmitid/sitegen/internal/progress"
	"github.com/udenmitid/sitegen/internal/publish"
)

// Options configure the server.
type Options struct {
	Src        string    // the site folder
	Addr       string    // host:port to listen on; port 0 picks a free one
	Drafts     bool      // show drafts
	Open       bool      // open the site in a browser
	Defaults   fs.FS     // built-in layouts, i18n and static files
	Progress   io.Writer // where to show the first build's progress, if it is a terminal (package progress); may be nil
	AllowHosts []string  // more host names to answer, at any port (-allow-host; see Who is served and ParseAllowHost)
}

// A Server builds, serves and rebuilds one site.
type Server struct {
	opts     Options
	root     *os.Root
	builder  *build.Builder
	ln       net.Listener
	watcher  *Watcher
	store    *Store
	broker   *Broker
	reports  *Reporter        // sitegen check's report, for the status page
	checks   *checks          // what the check has read of the builds, for reports
	history  *history.History // the stamped versions of sources, for the report's outdated translations
	counts   *progress.Counts // the builds' work
	out      io.Writer        // log lines for the editor
	base     string           // "http://127.0.0.1:1313/"
	guard    *hostGuard       // the Host headers answered
	refusals *refusals        // requests refused, told to the editor once each

	mu        sync.Mutex    // serializes builds, and guards what follows
	latest    *build.Result // of the latest successful build
	latestErr error         // of the latest build, if it failed
}

// siteFS is the file system the builder reads; tests wrap it.
var siteFS = (*os.Root).FS

// IsLoopback reports whether a listen address stays on this machine.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// New opens the site, listens, starts watching the site's files and makes
// the first build. The watcher runs before the build reads a file, so an
// edit made while the first build runs is built right after it. A site
// that does not build is no error here: the server starts and shows the
// errors. Serve must follow, to serve and to stop watching.
func New(opts Options, stdout io.Writer) (*Server, error) {
	src, err := filepath.Abs(opts.Src)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		root.Close()
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("%w: another program (another sitegen serve?) uses %s; stop it, or choose another port with -addr, e.g. -addr 127.0.0.1:1314", err, opts.Addr)
		}
		return nil, err
	}
	guard, err := newHostGuard(opts.Addr, ln.Addr(), opts.AllowHosts)
	if err != nil {
		ln.Close()
		root.Close()
		return nil, err
	}
	watcher, err := NewWatcher(src)
	if err != nil {
		ln.Close()
		root.Close()
		return nil, err
	}
	// Requests write refusals while builds write their lines.
	stdout = &lockedWriter{w: stdout}
	s := &Server{opts: opts, root: root, ln: ln, watcher: watcher, store: NewStore(), broker: NewBroker(), out: stdout,
		guard: guard, refusals: &refusals{out: stdout}}
	s.base = "http://" + displayAddr(ln.Addr()) + "/"
	counts := &progress.Counts{}
	s.counts = counts
	bopts := build.Options{
		BaseURL: s.base, Drafts: opts.Drafts, Defaults: opts.Defaults, Dev: true, Incremental: true, Progress: counts,
	}
	// The status page shows the report of sitegen check on the site as
	// it is served: drafts included when they are shown (check -drafts),
	// with a published page's link to a draft an error, as it will be
	// when the site is built. The check goes along with the builds.
	s.checks = &checks{checker: check.NewChecker(bopts)}
	s.checks.checker.Hook(&bopts)
	s.builder = build.NewBuilder(siteFS(root), bopts)
	s.history = history.New(root.FS(), src)
	s.reports = NewReporter(s.report)
	s.initial(progress.Show(opts.Progress, "building", counts))
	return s, nil
}

// URL is the server's base URL, e.g. "http://127.0.0.1:1313/".
func (s *Server) URL() string { return s.base }

// Run serves the site in opts until ctx is done.
func Run(ctx context.Context, opts Options, stdout io.Writer) error {
	s, err := New(opts, stdout)
	if err != nil {
		return err
	}
	return s.Serve(ctx)
}

// Serve serves, and rebuilds after every batch of changes the watcher
// reports, until ctx is done; then it shuts down cleanly.
func (s *Server) Serve(ctx context.Context) error {
	defer s.root.Close()
	defer s.watcher.Close()
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(s.ln) }()
	fmt.Fprintf(s.out, "serving %s on %s (Ctrl-C to stop)\n", s.opts.Src, s.base)
	if !IsLoopback(s.opts.Addr) {
		fmt.Fprintf(s.out, "warning: %s is not a loopback address: anyone on your network can read the site, drafts included\n", s.opts.Addr)
	}
	if s.opts.Open {
		openBrowser(s.base)
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	watchErr := make(chan error, 1)
	go func() { watchErr <- s.rebuildLoop(watchCtx) }()

	var err error
	watching := true
	select {
	case <-ctx.Done():
	case err = <-serveErr:
	case err = <-watchErr:
		watching = false
	}
	stopWatch()
	if watching {
		<-watchErr // the rebuilds have stopped
	}
	s.broker.Close()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if e := srv.Shutdown(shutdown); e != nil && err == nil {
		err = e
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	fmt.Fprintln(s.out, "stopped")
	return err
}

// displayAddr names a listen address as a URL host.
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	if tcp.IP.IsUnspecified() {
		return fmt.Sprintf("localhost:%d", tcp.Port)
	}
	return tcp.String()
}

// initial makes the first build, then calls stopProgress, before it
// prints anything.
func (s *Server) initial(stopProgress func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	staging := publish.NewMemory()
	res, err := s.builder.Build(staging)
	stopProgress()
	defer s.reports.Trigger()
	if err != nil {
		s.latestErr = err
		s.fail(err)
		return
	}
	s.store.Replace(staging.Files(), res)
	s.store.SetSearch(s.builder.SearchFiles())
	s.latest, s.latestErr = res, nil
	s.checks.add(outputs{files: staging.Files(), written: slices.Sorted(maps.Keys(staging.Files()))})
	// Building every page leaves as much garbage as the server keeps;
	// give it back now rather than hold it for as long as the server runs.
	debug.FreeOSMemory()
	fmt.Fprintln(s.out, res.Summary())
	s.printWarnings(res.Warnings)
}

// rebuildLoop rebuilds after each batch of changes until ctx is done.
// The watcher goes on collecting changes while a rebuild runs; they are
// the next batch.
func (s *Server) rebuildLoop(ctx context.Context) error {
	for {
		paths, err := s.watcher.Next(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return err
		}
		s.rebuild(paths)
	}
}

// rebuild runs after a batch of file changes.
func (s *Server) rebuild(paths []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	staging := publish.NewMemory()
	res, ch, err := s.builder.Update(paths, staging)
	s.reports.Trigger()
	if err != nil {
		s.latestErr = err
		s.fail(err)
		return
	}
	s.latest, s.latestErr = res, nil
	s.checks.add(outputs{files: staging.Files(), written: ch.Written, removed: ch.Removed})
	hadErrors := s.store.Errors() != nil
	s.store.Apply(staging.Files(), ch, res)
	pagesChanged := 0
	var urls []string
	for _, n := range ch.Written {
		if strings.HasSuffix(n, ".html") {
			pagesChanged++
			urls = append(urls, URLPath(n))
		}
	}
	for _, n := range ch.Removed {
		urls = append(urls, URLPath(n))
	}
	fmt.Fprintf(s.out, "%s: rebuilt %d %s in %d ms\n", strings.Join(shorten(paths), ", "), pagesChanged, plural(pagesChanged, "page", "pages"), time.Since(start).Milliseconds())
	s.printWarnings(res.Warnings)
	if hadErrors {
		s.broker.Publish(Event{Name: "ok", Data: "{}"})
	}
	switch {
	case len(ch.Styles) > 0 && pagesChanged == 0 && len(ch.Removed) == 0:
		s.broker.Publish(Event{Name: "css", Data: jsonList("styles", ch.Styles)})
	case ch.All || len(urls) > 200:
		s.broker.Publish(Event{Name: "reload", Data: `{"all":true}`})
	case len(urls) > 0:
		s.broker.Publish(Event{Name: "reload", Data: jsonList("paths", urls)})
	}
	// After the reload is sent: taking what the indexes are made of takes
	// tens of milliseconds at 10,000 pages, which the pages need not wait
	// for (a request for an index meanwhile waits for it).
	s.store.SetSearch(s.builder.SearchFiles())
}

// fail keeps the last good build, if there is one, and reports the
// errors.
func (s *Server) fail(err error) {
	var l diag.List
	if !errors.As(err, &l) {
		l = diag.List{{Msg: err.Error()}}
	}
	s.store.SetErrors(l)
	if s.store.Result() == nil {
		fmt.Fprintf(s.out, "build failed, and there is no good build to serve yet: every page shows these errors until the site builds (%s_sitegen/ has the whole report):\n", s.base)
	} else {
		fmt.Fprintf(s.out, "build failed, still serving the last good build:\n")
	}
	for _, d := range l {
		fmt.Fprintf(s.out, "  %s\n", d)
	}
	s.broker.Publish(Event{Name: "builderror", Data: errorsJSON(l)})
}

func (s *Server) printWarnings(w diag.List) {
	for _, d := range w {
		fmt.Fprintf(s.out, "  %s\n", d)
	}
}

// URLPath turns an output file name into the URL path that serves it.
func URLPath(name string) string {
	if name == "index.html" {
		return "/"
	}
	if strings.HasSuffix(name, "/index.html") {
		return "/" + strings.TrimSuffix(name, "index.html")
	}
	return "/" + name
}

// A lockedWriter lets goroutines write whole lines to one writer.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func shorten(paths []string) []string {
	sort.Strings(paths)
	if len(paths) > 3 {
		return append(paths[:3:3], fmt.Sprintf("and %d more", len(paths)-3))
	}
	return paths
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if cmd.Start() == nil {
		go cmd.Wait()
	}
}
