package serve

import (
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/idna"
)

// A hostGuard decides which Host headers the server answers (see Who is
// served in the package doc). A web page on any site can point a name of
// its own at 127.0.0.1 (DNS rebinding) and then read what a server there
// answers as if it were its own site: drafts, the status page, the event
// stream. The browser sends that name as the Host, so the server answers
// only names that are its own.
type hostGuard struct {
	port    string              // the port the server listens on, e.g. "1313"
	names   map[string]bool     // names that are the server at port: localhost, a name given to -addr
	ips     map[netip.Addr]bool // addresses listened on, besides loopback ones
	anyIP   bool                // listening on every address: any IP address at port
	allowed map[string]bool     // names allowed on purpose (-allow-host), at any port
}

// newHostGuard returns the guard of a server told to listen on addr (as
// given to -addr), now listening on ln, that allows the names in allow
// besides (ParseAllowHost).
func newHostGuard(addr string, ln net.Addr, allow []string) (*hostGuard, error) {
	g := &hostGuard{names: map[string]bool{"localhost": true}, ips: map[netip.Addr]bool{}, allowed: map[string]bool{}}
	ap, err := netip.ParseAddrPort(ln.String())
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", ln, err)
	}
	g.port = fmt.Sprint(ap.Port())
	ip := ap.Addr().Unmap()
	switch {
	case ip.IsUnspecified():
		g.anyIP = true
	case !ip.IsLoopback():
		g.ips[ip] = true
	}
	if host, _, err := net.SplitHostPort(addr); err == nil && host != "" {
		if h, isIP := hostName(host); !isIP {
			g.names[h] = true
		}
	}
	for _, a := range allow {
		h, err := ParseAllowHost(a)
		if err != nil {
			return nil, err
		}
		g.allowed[h] = true
	}
	return g, nil
}

// ParseAllowHost checks a host name given to -allow-host and returns it
// as the guard compares it: lower case, without a trailing dot, an
// internationalized name in its ASCII form (xn--), an IPv6 address
// without brackets. It takes a name alone: an allowed name is allowed at
// any port (a tunnel or proxy in front of the server answers at its own).
func ParseAllowHost(s string) (string, error) {
	s = strings.TrimSpace(s)
	bare := strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	if _, err := netip.ParseAddr(bare); err == nil {
		h, _ := hostName(bare)
		return h, nil
	}
	if s == "" || strings.ContainsAny(s, "/*@ ") {
		return "", fmt.Errorf("-allow-host %q: give a host name, such as preview.example.org", s)
	}
	if _, _, err := net.SplitHostPort(s); err == nil {
		return "", fmt.Errorf("-allow-host %q: give the host name without a port (it is allowed at any port)", s)
	}
	if strings.Contains(s, ":") {
		return "", fmt.Errorf("-allow-host %q: give a host name, such as preview.example.org", s)
	}
	h, _ := hostName(s)
	if h == "" {
		return "", fmt.Errorf("-allow-host %q: %q is no host name", s, s)
	}
	return h, nil
}

// hostName returns a host (no port, no brackets) as the guard compares
// it, and whether it is an IP address.
func hostName(h string) (string, bool) {
	if ip, err := netip.ParseAddr(h); err == nil {
		return ip.Unmap().WithZone("").String(), true
	}
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	if a, err := idna.Lookup.ToASCII(h); err == nil {
		h = a
	}
	return h, false
}

// splitHost splits a Host header into the host, as hostName gives it,
// and the port, "" when it has none.
func splitHost(hostport string) (host, port string, isIP, ok bool) {
	host = hostport
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		host, port = h, p
	} else if strings.HasPrefix(hostport, "[") && strings.HasSuffix(hostport, "]") {
		host = hostport[1 : len(hostport)-1]
	} else if strings.Contains(hostport, ":") {
		return "", "", false, false // an IPv6 address without brackets, or no port after the colon
	}
	if host == "" {
		return "", "", false, false
	}
	host, isIP = hostName(host)
	if strings.HasPrefix(hostport, "[") && !isIP {
		return "", "", false, false
	}
	return host, port, isIP, true
}

// allows reports whether the server answers a request with this Host
// header.
func (g *hostGuard) allows(hostport string) bool {
	host, port, isIP, ok := splitHost(hostport)
	if port == "" {
		port = "80" // the server speaks plain HTTP
	}
	switch {
	case !ok:
		return false
	case g.allowed[host]:
		return true
	case port != g.port:
		return false
	case !isIP:
		return g.names[host]
	}
	ip := netip.MustParseAddr(host)
	return ip.IsLoopback() || g.anyIP || g.ips[ip]
}

// own returns the names the server answers, for messages:
// "127.0.0.1:1313, localhost:1313 or [::1]:1313", then any allowed names.
func (g *hostGuard) own(base string) string {
	u, _ := url.Parse(base)
	names := []string{u.Host}
	for _, n := range []string{"127.0.0.1", "localhost", "[::1]"} {
		if n+":"+g.port != u.Host {
			names = append(names, n+":"+g.port)
		}
	}
	names = append(names, slices.Sorted(maps.Keys(g.allowed))...)
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// sameOrigin reports whether a request comes from the server's own pages
// (or from the address bar, or a client that is no browser), as the
// browser tells it: the Origin header, when there is one, must be the
// origin the request is addressed to, and Sec-Fetch-Site, when there is
// one, same-origin or none. Otherwise it says why not.
func sameOrigin(r *http.Request) (string, bool) {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return "Sec-Fetch-Site: " + site, false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return "", true
	}
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "Origin: " + origin, false
	}
	// Both name the port as written: browsers leave out the scheme's own
	// port in either, and a request through an HTTPS tunnel has none.
	o, ok1 := canonHost(u.Host)
	h, ok2 := canonHost(r.Host)
	if !ok1 || !ok2 || o != h {
		return "Origin: " + origin, false
	}
	return "", true
}

// canonHost returns a host and its port as written, with the host as
// hostName gives it, to compare two of them.
func canonHost(hostport string) (string, bool) {
	host, port, isIP, ok := splitHost(hostport)
	if isIP && strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	return host, ok
}

// A refusals log tells the editor, once for each host or origin, that
// requests were refused and what to do, on the server's output.
type refusals struct {
	mu   sync.Mutex
	out  io.Writer
	seen map[string]bool
}

// maxRefusals is how many distinct refusals are logged; a page that
// tries many names is not let flood the terminal.
const maxRefusals = 32

// log prints line once for key.
func (l *refusals) log(key, line string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen[key] || len(l.seen) >= maxRefusals {
		return
	}
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	l.seen[key] = true
	fmt.Fprintln(l.out, line)
}

// refuseHost answers a request whose Host the server does not answer.
func (s *Server) refuseHost(w http.ResponseWriter, r *http.Request) {
	hint := "Open " + s.base + " instead."
	key := r.Host
	if host, port, _, ok := splitHost(r.Host); ok {
		key = host + " " + port
		if h, err := ParseAllowHost(host); err == nil {
			hint = "If you reached the server by this name on purpose (a tunnel, a name in /etc/hosts), restart it with -allow-host " + h + "."
		}
	}
	s.refusals.log("host "+key, fmt.Sprintf("refused requests for host %q, which is not this server's (a web page may be trying to read the preview by a name of its own). %s", r.Host, hint))
	msg := fmt.Sprintf("403 Forbidden: sitegen serve answers requests for %s, not for host %q.\n"+
		"A web page can point a name of its own at this machine to read the preview (DNS rebinding), so other names are refused.\n%s\n",
		s.guard.own(s.base), r.Host, hint)
	plainError(w, msg, http.StatusForbidden)
}

// refuseOrigin answers a request for the event stream or the status page
// that comes from another site.
func (s *Server) refuseOrigin(w http.ResponseWriter, r *http.Request, why string) {
	s.refusals.log("origin "+why, fmt.Sprintf("refused requests for %s from another site (%s): live reload and the status page answer only this server's pages", Prefix, why))
	hint := "Open " + s.base + strings.TrimPrefix(r.URL.Path, "/") + " in the address bar."
	if r.URL.Path == Prefix+"events" {
		hint = "Live reload answers only the pages of " + s.base + "."
	}
	msg := fmt.Sprintf("403 Forbidden: %s answers only the pages of this server, and this request came from another site (%s).\n%s\n", r.URL.Path, why, hint)
	plainError(w, msg, http.StatusForbidden)
}

// plainError answers with a plain-text message.
func plainError(w http.ResponseWriter, msg string, code int) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	io.WriteString(w, msg)
}
