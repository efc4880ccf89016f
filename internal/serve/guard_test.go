package serve

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/udenmitid/sitegen/internal/sitetest"
)

// TestHostGuard: the Host headers a server answers, for each address it
// may listen on: its own address and loopback names at its port, names
// allowed on purpose at any port; no other name, port or form.
func TestHostGuard(t *testing.T) {
	tcp := func(s string) net.Addr { a, _ := net.ResolveTCPAddr("tcp", s); return a }
	loopback, err := newHostGuard("127.0.0.1:1313", tcp("127.0.0.1:1313"), nil)
	if err != nil {
		t.Fatal(err)
	}
	v6, _ := newHostGuard("[::1]:1313", tcp("[::1]:1313"), nil)
	allowing, err := newHostGuard("127.0.0.1:1313", tcp("127.0.0.1:1313"), []string{"Preview.Example.ORG.", "tunnel.test", "[fd00::5]", "bücher.test"})
	if err != nil {
		t.Fatal(err)
	}
	lan, _ := newHostGuard("192.168.1.20:1313", tcp("192.168.1.20:1313"), nil)
	named, _ := newHostGuard("mybox.lan:1313", tcp("192.168.1.20:1313"), nil)
	every, _ := newHostGuard("0.0.0.0:1313", tcp("0.0.0.0:1313"), nil)
	everyV6, _ := newHostGuard("[::]:1313", tcp("[::]:1313"), nil)
	port80, _ := newHostGuard("127.0.0.1:80", tcp("127.0.0.1:80"), nil)

	tests := []struct {
		g    *hostGuard
		host string
		want bool
	}{
		// Loopback names for the port.
		{loopback, "127.0.0.1:1313", true},
		{loopback, "localhost:1313", true},
		{loopback, "[::1]:1313", true},
		{loopback, "LOCALHOST:1313", true},
		{loopback, "localhost.:1313", true},
		{loopback, "LocalHost.:1313", true},
		{loopback, "[0:0:0:0:0:0:0:1]:1313", true},
		{loopback, "[::ffff:127.0.0.1]:1313", true},
		{loopback, "127.0.0.2:1313", true}, // loopback too: no name can be rebound to be it
		{v6, "127.0.0.1:1313", true},
		{v6, "[::1]:1313", true},
		{v6, "localhost:1313", true},
		// The wrong port, or none (port 80).
		{loopback, "127.0.0.1:1314", false},
		{loopback, "localhost:8080", false},
		{loopback, "[::1]:13130", false},
		{loopback, "localhost", false},
		{loopback, "127.0.0.1", false},
		{loopback, "[::1]", false},
		{port80, "localhost", true},
		{port80, "127.0.0.1", true},
		{port80, "[::1]", true},
		{port80, "localhost:80", true},
		// Names a web page can rebind, and forms that are no host.
		{loopback, "evil.example:1313", false},
		{loopback, "EVIL.example.:1313", false},
		{loopback, "localhost.evil.example:1313", false},
		{loopback, "127.0.0.1.nip.io:1313", false},
		{loopback, "sub.localhost:1313", false},
		{loopback, "localhost..:1313", false},
		{loopback, "", false},
		{loopback, ":1313", false},
		{loopback, "::1:1313", false},
		{loopback, "[localhost]:1313", false},
		{loopback, "localhost:1313:1313", false},
		{loopback, "192.168.1.20:1313", false},
		{loopback, "0.0.0.0:1313", false},
		// Names allowed on purpose: at any port, in any case, with or
		// without the trailing dot; an IDN as Unicode or xn--.
		{allowing, "preview.example.org", true},
		{allowing, "preview.example.org:443", true},
		{allowing, "PREVIEW.example.org.:8080", true},
		{allowing, "tunnel.test:1313", true},
		{allowing, "[fd00::5]:9000", true},
		{allowing, "xn--bcher-kva.test", true},
		{allowing, "www.preview.example.org", false},
		{allowing, "example.org", false},
		{allowing, "evil.example:1313", false},
		{allowing, "localhost:1313", true},
		{allowing, "localhost:1314", false},
		// The address listened on, when it is not loopback, and a name
		// given to -addr.
		{lan, "192.168.1.20:1313", true},
		{lan, "192.168.1.21:1313", false},
		{lan, "192.168.1.20:80", false},
		{lan, "localhost:1313", true},
		{lan, "mybox.lan:1313", false},
		{named, "mybox.lan:1313", true},
		{named, "MYBOX.LAN.:1313", true},
		{named, "192.168.1.20:1313", true},
		{named, "mybox.lan:1314", false},
		// Every address: any IP address at the port, since an address is
		// no name to rebind; still no other name.
		{every, "192.168.1.20:1313", true},
		{every, "10.0.0.7:1313", true},
		{every, "[fe80::1]:1313", true},
		{every, "10.0.0.7:1314", false},
		{every, "mybox.lan:1313", false},
		{every, "evil.example:1313", false},
		{everyV6, "10.0.0.7:1313", true},
		{everyV6, "evil.example:1313", false},
	}
	for _, tt := range tests {
		if got := tt.g.allows(tt.host); got != tt.want {
			t.Errorf("listening on :%s (names %v, allowed %v), Host %q: %v, want %v", tt.g.port, tt.g.names, tt.g.allowed, tt.host, got, tt.want)
		}
	}
}

func TestParseAllowHost(t *testing.T) {
	tests := []struct {
		in, want string // want "" for an error
	}{
		{"preview.example.org", "preview.example.org"},
		{"Preview.Example.ORG.", "preview.example.org"},
		{" tunnel.test ", "tunnel.test"},
		{"bücher.test", "xn--bcher-kva.test"},
		{"192.168.1.20", "192.168.1.20"},
		{"[fd00::5]", "fd00::5"},
		{"fd00::5", "fd00::5"},
		{"example.org:8080", ""},
		{"[::1]:1313", ""},
		{"", ""},
		{"*", ""},
		{"*.example.org", ""},
		{"http://example.org/", ""},
		{"a b", ""},
		{"user@example.org", ""},
	}
	for _, tt := range tests {
		got, err := ParseAllowHost(tt.in)
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("ParseAllowHost(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if err != nil && !strings.Contains(err.Error(), "-allow-host") {
			t.Errorf("ParseAllowHost(%q): %v does not name the flag", tt.in, err)
		}
	}
}

// TestSameOrigin: the event stream and the status page answer requests
// from the server's own pages, the address bar and clients that are no
// browser; not those from another origin or site.
func TestSameOrigin(t *testing.T) {
	tests := []struct {
		host, origin, site string
		want               bool
	}{
		{"127.0.0.1:1313", "", "", true},                                 // curl
		{"127.0.0.1:1313", "", "none", true},                             // the address bar
		{"127.0.0.1:1313", "", "same-origin", true},                      // a link on a page of the site
		{"127.0.0.1:1313", "http://127.0.0.1:1313", "same-origin", true}, // EventSource
		{"127.0.0.1:1313", "http://127.0.0.1:1313", "", true},
		{"localhost:1313", "http://localhost:1313", "same-origin", true},
		{"LOCALHOST:1313", "http://localhost.:1313", "", true},
		{"[::1]:1313", "http://[::1]:1313", "same-origin", true},
		{"[::1]:1313", "http://[0::1]:1313", "", true},
		{"preview.example.org", "https://preview.example.org", "same-origin", true}, // through an HTTPS tunnel
		{"localhost:80", "http://localhost", "", false},                             // the ports as written differ
		{"127.0.0.1:1313", "", "cross-site", false},
		{"127.0.0.1:1313", "", "same-site", false}, // another port of the machine
		{"127.0.0.1:1313", "http://127.0.0.1:1313", "cross-site", false},
		{"127.0.0.1:1313", "http://127.0.0.1:5555", "", false},
		{"127.0.0.1:1313", "http://127.0.0.1:5555", "same-site", false},
		{"127.0.0.1:1313", "http://localhost:1313", "", false},
		{"127.0.0.1:1313", "http://evil.example:1313", "", false},
		{"127.0.0.1:1313", "http://127.0.0.1", "", false},
		{"127.0.0.1:1313", "null", "", false},
		{"127.0.0.1:1313", "file://", "", false},
		{"127.0.0.1:1313", "ftp://127.0.0.1:1313", "", false},
		{"127.0.0.1:1313", "http://127.0.0.1:1313.evil.example", "", false},
		{"127.0.0.1:1313", "%zz", "", false},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/_sitegen/events", nil)
		r.Host = tt.host
		if tt.origin != "" {
			r.Header.Set("Origin", tt.origin)
		}
		if tt.site != "" {
			r.Header.Set("Sec-Fetch-Site", tt.site)
		}
		why, got := sameOrigin(r)
		if got != tt.want || (got == (why != "")) {
			t.Errorf("Host %q, Origin %q, Sec-Fetch-Site %q: %v (%q), want %v", tt.host, tt.origin, tt.site, got, why, tt.want)
		}
	}
}

const draftSite = `-- content/da/hemmelig.md --
---
title: Hemmelig
description: Et udkast.
draft: true
---
Den hemmelige plan.
`

// TestRebinding is the attack: a request whose Host is a name a
// web page pointed at 127.0.0.1 gets a 403 saying what to do, for drafts,
// the status page, the event stream and every other path alike, and none
// of the site; with -allow-host the name is served. Cross-site requests
// for the status page and the event stream are refused; pages load.
func TestRebinding(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, testSite+draftSite)
	var out strings.Builder
	s, err := New(Options{Src: dir, Addr: "127.0.0.1:0", Drafts: true, Defaults: sitetest.Theme(), AllowHosts: []string{"preview.test"}}, &out)
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	stopServer := run(t, s)
	stop := func() { once.Do(stopServer) }
	defer stop()
	port := strings.TrimSuffix(s.URL()[strings.LastIndex(s.URL(), ":")+1:], "/")
	do := func(path, host string, header ...string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", s.URL()+path, nil)
		req.Host = host
		for i := 0; i < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
			return resp.StatusCode, "" // the stream goes on
		}
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	own := "127.0.0.1:" + port
	tests := []struct {
		path, host string
		header     []string
		code       int
		want       string
	}{
		{"da/hemmelig/", own, nil, 200, "Den hemmelige plan."},
		{"da/hemmelig/", "localhost:" + port, nil, 200, "Den hemmelige plan."},
		{"da/hemmelig/", "[::1]:" + port, nil, 200, "Den hemmelige plan."},
		{"da/hemmelig/", "preview.test", nil, 200, "Den hemmelige plan."},
		{"da/hemmelig/", "evil.example:" + port, nil, 403, "-allow-host evil.example"},
		{"_sitegen/", "evil.example:" + port, nil, 403, "DNS rebinding"},
		{"_sitegen/", "EVIL.example.:" + port, nil, 403, "[::1]:" + port + " or preview.test, not for host"},
		{"_sitegen/events", "evil.example:" + port, nil, 403, "-allow-host evil.example"},
		{"_sitegen/reload.js", "evil.example:" + port, nil, 403, "-allow-host evil.example"},
		{"search/da.json", "evil.example:" + port, nil, 403, "-allow-host evil.example"},
		{"no-such-page/", "evil.example:" + port, nil, 403, "-allow-host evil.example"},
		{"da/hemmelig/", "127.0.0.1:1", nil, 403, "-allow-host 127.0.0.1"},
		{"da/hemmelig/", "::1", nil, 403, "Open " + s.URL()},
		// The status page and the event stream, asked from elsewhere.
		{"_sitegen/", own, []string{"Sec-Fetch-Site", "same-origin"}, 200, "sitegen status"},
		{"_sitegen/", own, []string{"Sec-Fetch-Site", "none"}, 200, "sitegen status"},
		{"_sitegen/", own, []string{"Sec-Fetch-Site", "cross-site"}, 403, "Open " + s.URL() + "_sitegen/ in the address bar"},
		{"_sitegen/status", own, []string{"Origin", "http://127.0.0.1:1"}, 403, "Origin: http://127.0.0.1:1"},
		{"_sitegen/events", own, []string{"Origin", "http://" + own, "Sec-Fetch-Site", "same-origin"}, 200, ""},
		{"_sitegen/events", own, []string{"Origin", "http://127.0.0.1:1"}, 403, "Live reload answers only the pages of " + s.URL()},
		{"_sitegen/events", own, []string{"Sec-Fetch-Site", "same-site"}, 403, "Sec-Fetch-Site: same-site"},
		// Pages load in any tab.
		{"da/hemmelig/", own, []string{"Sec-Fetch-Site", "cross-site", "Origin", "http://evil.example"}, 200, "Den hemmelige plan."},
		{"_sitegen/reload.js", own, []string{"Sec-Fetch-Site", "cross-site"}, 200, "EventSource"},
	}
	for _, tt := range tests {
		code, body := do(tt.path, tt.host, tt.header...)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("/%s, Host %q, %q: %d %.300q; want %d with %q", tt.path, tt.host, tt.header, code, body, tt.code, tt.want)
		}
		if code == 403 && (strings.Contains(body, "hemmelig") || strings.Contains(body, "Velkommen")) {
			t.Errorf("/%s, Host %q: the refusal shows the site: %q", tt.path, tt.host, body)
		}
	}
	stop()
	log := out.String()
	for _, want := range []string{`refused requests for host "evil.example:` + port + `"`, "restart it with -allow-host evil.example", "refused requests for /_sitegen/ from another site (Origin: http://127.0.0.1:1)"} {
		if !strings.Contains(log, want) {
			t.Errorf("the server's output has no %q:\n%s", want, log)
		}
	}
	if n := strings.Count(strings.ToLower(log), `for host "evil.example`); n != 1 {
		t.Errorf("the refused host is told %d times, want once:\n%s", n, log)
	}
}
