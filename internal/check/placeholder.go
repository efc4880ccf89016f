package check

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/udenmitid/sitegen/internal/markdown"
)

// Placeholder addresses. A published page must not show an e-mail address
// or a link that reaches no one, as a contact address left at its
// example value does: a reader who writes to it waits for an answer that
// never comes. The names reserved for examples and tests never reach
// anyone (RFC 2606 and RFC 6761): the top-level domains .example,
// .invalid, .test and .localhost, the host localhost, and example.com,
// example.net and example.org with their subdomains; so does a bare
// "example". The check reports, as a warning (sitegen check -strict
// fails on it), every such address on a rendered page, in a mailto: or
// web link or in the text (outside code), at the place it comes from:
//
//   - a sitegen.toml [params] value that holds it: the key, once, however
//     many pages show it (a footer's contact address);
//   - a Markdown link to it: the content file and line; an address in a
//     page's Markdown text (an autolink, or no link): the content file;
//   - a page's front matter params: the content file and the key;
//   - otherwise a layout or a UI string: every rendered page that shows it.
//
// Links to the site's own base_url are not placeholders of this kind: a
// site previewed at https://example.org/ links to itself there.

// placeholderDomains are the reserved top-level domains, and
// placeholderHosts the reserved names below them.
var (
	placeholderDomains = []string{"example", "invalid", "test", "localhost"}
	placeholderHosts   = []string{"example.com", "example.net", "example.org"}
)

// isPlaceholderHost reports whether a host or an e-mail domain is
// reserved for examples and reaches no one.
func isPlaceholderHost(host string) bool {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i] // a port
	}
	if h == "" {
		return false
	}
	tld := h[strings.LastIndexByte(h, '.')+1:]
	if slices.Contains(placeholderDomains, tld) {
		return true
	}
	for _, p := range placeholderHosts {
		if h == p || strings.HasSuffix(h, "."+p) {
			return true
		}
	}
	return false
}

// A placeholder is an address found to be one: an e-mail address
// ("kontakt@x.example") or a link ("https://forms.example.org/contact").
// needle is what a setting that produces it holds: the address, or the
// link's host.
type placeholder struct {
	value, needle string
	email         bool
}

// placeholdersIn returns the placeholders a link's URL names: the
// addresses of a mailto: link, or a web link's host. origin is the site's
// own ("https://example.org"), whose links are none.
func placeholdersIn(u, origin string) []placeholder {
	parsed, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return nil
	}
	switch strings.ToLower(parsed.Scheme) {
	case "mailto":
		to := parsed.Opaque
		if to == "" {
			to = parsed.Path
		}
		to, _ = url.PathUnescape(to)
		var out []placeholder
		for _, a := range strings.Split(to, ",") {
			a = strings.TrimSpace(a)
			if _, domain, ok := strings.Cut(a, "@"); ok && isPlaceholderHost(domain) {
				out = append(out, placeholder{value: a, needle: a, email: true})
			}
		}
		return out
	case "http", "https", "ftp", "ws", "wss":
		if parsed.Host == "" || strings.EqualFold(parsed.Scheme+"://"+parsed.Host, origin) {
			return nil
		}
		if isPlaceholderHost(parsed.Hostname()) {
			return []placeholder{{value: u, needle: parsed.Hostname()}}
		}
	}
	return nil
}

// emailsIn returns the placeholder e-mail addresses in a text, each once.
func emailsIn(text string) []string {
	var out []string
	for i := 0; i < len(text); i++ {
		if text[i] != '@' {
			continue
		}
		start := i
		for start > 0 && isLocalChar(text[start-1]) {
			start--
		}
		end := i + 1
		for end < len(text) && isDomainChar(text[end]) {
			end++
		}
		local, domain := text[start:i], strings.TrimRight(text[i+1:end], ".-")
		i = end - 1
		if local == "" || !strings.Contains(domain, ".") && domain != "localhost" && domain != "example" {
			continue
		}
		if isPlaceholderHost(domain) {
			if a := local + "@" + domain; !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

func isDomainChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
}

func isLocalChar(c byte) bool {
	return isDomainChar(c) || strings.IndexByte("_%+!#$&'*/=?^`{|}~", c) >= 0
}

// codeElements hold text that shows code, not a contact: an example
// address there is meant as one. script, style and textarea hold text no
// reader sees as a contact either.
var codeElements = map[string]bool{"code": true, "pre": true, "kbd": true, "samp": true, "script": true, "style": true, "textarea": true, "template": true}

// placeholderMessage says what a placeholder is and what to do.
func placeholderMessage(p placeholder) string {
	what := "link to " + fmt.Sprintf("%q", p.value)
	if p.email {
		what = fmt.Sprintf("e-mail address %q", p.value)
	}
	return what + " is a placeholder: its domain is reserved for examples and reaches no one (RFC 2606)"
}

// markdownPlaceholders finds the placeholders of a page's Markdown links,
// and reports them at their lines. The addresses in its text (autolinks
// among them) are kept, not reported: the text holds code spans too, so
// the rendered page, read outside code, says which are shown
// (renderedPlaceholders), and they are reported at the file.
func (pr *pageReport) markdownPlaceholders(file string, d *markdown.Result, origin string) {
	for _, l := range d.Links {
		for _, p := range placeholdersIn(l.Dest, origin) {
			pr.placeholders = append(pr.placeholders, p.value)
			pr.lint = append(pr.lint, finding("placeholder", Warning, file, l.Line, "%s: replace it with a real one, or remove it", placeholderMessage(p)))
		}
	}
	for _, block := range d.Text {
		for _, a := range emailsIn(block) {
			if !slices.Contains(pr.textPlaceholders, a) {
				pr.textPlaceholders = append(pr.textPlaceholders, a)
			}
		}
	}
}

// renderedPlaceholders reports the placeholders on the rendered pages that
// no Markdown put there, at the setting, front matter or layout they come
// from (see the package's Placeholder addresses).
func (c *checker) renderedPlaceholders() {
	origin := c.site.Config.Origin()
	type source struct{ path, what string }
	places := map[string][]Place{} // message -> rendered pages, for layouts
	var order []string
	reported := map[source]bool{}
	for _, name := range sortedKeys(c.out.scans) {
		s := c.out.scans[name]
		var found []placeholder
		for _, u := range s.urls() {
			found = append(found, placeholdersIn(u, origin)...)
		}
		for _, a := range s.addresses() {
			found = append(found, placeholder{value: a, needle: a, email: true})
		}
		page := c.pageOf(name)
		var fromLinks, fromText []string
		if page != nil {
			if pr := c.pages[page]; pr != nil {
				fromLinks, fromText = pr.placeholders, pr.textPlaceholders
			}
		}
		for _, p := range found {
			if slices.Contains(fromLinks, p.value) {
				continue // reported at its Markdown line
			}
			if slices.Contains(fromText, p.value) {
				src := source{page.File.Path, p.value}
				if !reported[src] {
					reported[src] = true
					c.r.add("placeholder", Warning, page.File.Path, 0, "%s, in the text: replace it with a real one, or remove it", placeholderMessage(placeholder{value: p.value, email: true}))
				}
				continue
			}
			if key := c.paramHolding(p.needle); key != "" {
				src := source{"sitegen.toml", key}
				if !reported[src] {
					reported[src] = true
					c.r.add("placeholder", Warning, "sitegen.toml", 0, "[params] %s: %s; set an address someone reads, or remove the key to show none", key, placeholderMessage(p))
				}
				continue
			}
			if page != nil && page.File != nil {
				if key := paramKeyHolding(page.Params, p.needle); key != "" {
					src := source{page.File.Path, key}
					if !reported[src] {
						reported[src] = true
						c.r.add("placeholder", Warning, page.File.Path, 0, "front matter params.%s: %s; replace it with a real one, or remove it", key, placeholderMessage(p))
					}
					continue
				}
			}
			msg := placeholderMessage(p) + "; it comes from a layout (layouts/) or a UI string (i18n/): replace it with a real one, or remove it"
			if places[msg] == nil {
				order = append(order, msg)
			}
			if pl := (Place{Path: path.Join("public", name)}); !slices.Contains(places[msg], pl) {
				places[msg] = append(places[msg], pl)
			}
		}
	}
	for _, msg := range order {
		ps := places[msg]
		f := Finding{Rule: "placeholder", Severity: Warning, Path: ps[0].Path, Message: msg}
		if len(ps) > 1 {
			f.Message += fmt.Sprintf(" (on %d pages)", len(ps))
			f.Places = ps
		}
		c.r.Findings = append(c.r.Findings, f)
	}
}

// paramHolding returns the sitegen.toml [params] key whose value holds s,
// or "".
func (c *checker) paramHolding(s string) string {
	for _, k := range sortedKeys(c.site.Config.Params) {
		if strings.Contains(strings.ToLower(c.site.Config.Params[k]), strings.ToLower(s)) {
			return k
		}
	}
	return ""
}

// paramKeyHolding returns the front matter params key whose value (a
// string, or strings in lists and tables) holds s, or "".
func paramKeyHolding(params map[string]any, s string) string {
	for _, k := range sortedKeys(params) {
		if holds(params[k], strings.ToLower(s)) {
			return k
		}
	}
	return ""
}

func holds(v any, s string) bool {
	switch v := v.(type) {
	case string:
		return strings.Contains(strings.ToLower(v), s)
	case []any:
		return slices.ContainsFunc(v, func(e any) bool { return holds(e, s) })
	case map[string]any:
		for _, e := range v {
			if holds(e, s) {
				return true
			}
		}
	}
	return false
}
