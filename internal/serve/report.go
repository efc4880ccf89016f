package serve

import (
	"context"
	"html/template"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/udenmitid/sitegen/internal/check"
)

// A Reporter keeps the report of sitegen check on the site current for
// the status page: it makes a report in the background after each build,
// one at a time, and the page's HTML of each report once, so a request
// never waits for either. Builds that come while a report is made are
// covered by one more after it. The server's reports come from the check
// that goes along with its builds (Server.report).
type Reporter struct {
	run func() (*check.Report, error)

	mu      sync.Mutex
	changed sync.Cond // broadcast when a run ends
	wanted  uint64    // counts the builds that asked for a check
	done    uint64    // the value of wanted the latest report covers
	running bool
	report  *check.Report
	view    *reportView // the report, as the status page shows it
	err     error
	at      time.Time // when the latest run started: the report is of the files as they were then
	took    time.Duration
}

// NewReporter returns a Reporter that makes each report with run.
func NewReporter(run func() (*check.Report, error)) *Reporter {
	r := &Reporter{run: run}
	r.changed.L = &r.mu
	return r
}

// Trigger asks for a check of the site as it is now, after a build.
func (r *Reporter) Trigger() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.wanted++
	if !r.running {
		r.running = true
		go r.loop()
	}
}

func (r *Reporter) loop() {
	r.mu.Lock()
	for r.done < r.wanted {
		want := r.wanted
		r.mu.Unlock()
		start := time.Now()
		rep, err := r.run()
		var view *reportView
		if err == nil {
			view = newReportView(rep)
			rep.Site = nil // the whole site model: the page has what it needs of it, and the next build makes another
		}
		took := time.Since(start)
		r.mu.Lock()
		r.report, r.view, r.err, r.at, r.took, r.done = rep, view, err, start, took, want
		r.changed.Broadcast()
	}
	r.running = false
	r.mu.Unlock()
}

// A Status is the latest check of the site.
type Status struct {
	Report  *check.Report // nil before the first check ends; its Site is nil
	View    *reportView   // the report, as the status page shows it; nil when Report is
	Err     error         // the check itself failed
	At      time.Time     // when the files were read
	Took    time.Duration // how long the check took
	Current bool          // no build came after it: the report is of the files served
}

// Latest returns the latest report without waiting.
func (r *Reporter) Latest() Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	return Status{Report: r.report, View: r.view, Err: r.err, At: r.at, Took: r.took, Current: r.done == r.wanted}
}

// Wait waits until the report covers every build so far, or ctx is done.
func (r *Reporter) Wait(ctx context.Context) Status {
	stop := context.AfterFunc(ctx, func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.changed.Broadcast()
	})
	defer stop()
	r.mu.Lock()
	for r.done < r.wanted && ctx.Err() == nil {
		r.changed.Wait()
	}
	r.mu.Unlock()
	return r.Latest()
}

// body is the part of the status page that shows the report, at the page
// of each list that query q asks for (reportView.write).
func (st Status) body(q url.Values) template.HTML {
	if st.View == nil {
		return ""
	}
	var b strings.Builder
	st.View.write(&b, q)
	return template.HTML(b.String())
}
