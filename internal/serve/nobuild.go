package serve

import (
	"bytes"
	"html/template"
	"net/http"
)

// noBuildPage answers every request for the site while no build of it has
// succeeded: a 404 would say the page does not exist, and there is no
// last good build to show. It lists the errors as the overlay does, and
// the reload script (added to it like to any page) reloads it once a
// build succeeds, and fills its list when a build fails again.
var noBuildPage = template.Must(template.New("nobuild").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The site does not build (sitegen serve)</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem;background:#141414;color:#fff}
code{color:#fd0;white-space:pre-wrap}
a{color:#9cf}
</style></head>
<body>
<main id="sitegen-nobuild">
<h1>The site does not build yet</h1>
<p>sitegen serve has no good build of the site to show. Fix the errors below and save the file: this page reloads when the site builds.</p>
<ul id="sitegen-errors">{{ range . }}<li><code>{{ . }}</code></li>{{ end }}</ul>
<p><a href="` + Prefix + `">The status page</a> has the whole report, as sitegen check makes it.</p>
</main>
</body>
</html>
`))

// noBuild serves the page that lists the errors of b, a failed build with
// none good before it, with status 503 Service Unavailable: the site will
// be there once it builds.
func (s *Server) noBuild(w http.ResponseWriter, r *http.Request, b *served) {
	var page bytes.Buffer
	if err := noBuildPage.Execute(&page, b.errs.Errors()); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.file(w, r, b, "nobuild.html", page.Bytes(), http.StatusServiceUnavailable)
}
