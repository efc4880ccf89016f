package content

import (
	"strings"
	"testing"
)

// TestCheckResource: files beside pages are media and documents; what a
// browser runs script from is refused (issue 23: x.html, x.js and an SVG
// with <script> in content/ ran in a browser, 5 dialogs).
func TestCheckResource(t *testing.T) {
	tests := []struct {
		key  string
		data string
		line int
		want string // part of the error; "" when published
	}{
		{"brev.pdf", "%PDF-1.4", 0, ""},
		{"faq/skærm.PNG", "\x89PNG", 0, ""},
		{"data/tal.csv", "a,b\n", 0, ""},
		{"data/tal.json", "{}", 0, ""},
		{"lyd.mp3", "", 0, ""},
		{"film.webm", "", 0, ""},
		{"skrift.woff2", "", 0, ""},
		{"pakke.zip", "", 0, ""},
		{"brev.docx", "", 0, ""},
		{"x.html", "<script>alert(1)</script>", 0, "HTML in content/ would run as the site's own script"},
		{"x.HTM", "<p>x</p>", 0, "HTML in content/"},
		{"x.xhtml", "<html/>", 0, "XHTML in content/"},
		{"x.js", "alert(1)", 0, "JavaScript in content/ would run as the site's own script in readers' browsers: write pages in Markdown; scripts and HTML belong in static/"},
		{"x.mjs", "", 0, "JavaScript"},
		{"program.exe", "MZ", 0, ".exe is none of them: convert it to one, or put it in static/"},
		{"stil.css", "", 0, ".css is none of them"},
		{"data.xml", "<x/>", 0, ".xml is none of them"},
		{"README", "x", 0, "a file without an extension is none of them"},
		{"tegning.svg", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`, 1, "the SVG has a <script> element, which runs script: save the drawing without it"},
	}
	for _, tt := range tests {
		e := CheckResource(tt.key, []byte(tt.data))
		switch {
		case tt.want == "" && e != nil:
			t.Errorf("%s: %v", tt.key, e)
		case tt.want != "" && e == nil:
			t.Errorf("%s: published, want an error %q", tt.key, tt.want)
		case tt.want != "" && (!strings.Contains(e.Msg, tt.want) || e.Line != tt.line):
			t.Errorf("%s: line %d: %s\nwant line %d: …%s…", tt.key, e.Line, e.Msg, tt.line, tt.want)
		}
	}
}

// inkscape is an SVG as Inkscape saves it, trimmed: a DOCTYPE with a
// public DTD, namespaces, metadata, gradients referred to by url(#id),
// style attributes and an image embedded as a PNG data: URL.
const inkscape = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   width="210mm" height="297mm" viewBox="0 0 210 297" version="1.1">
  <sodipodi:namedview id="base" inkscape:zoom="0.35"/>
  <defs><linearGradient id="g"><stop offset="0" style="stop-color:#000;stop-opacity:1"/></linearGradient>
  <style>.a { fill: url(#g); font-family: "DejaVu Sans", sans-serif; }</style></defs>
  <!-- a comment with <script> in it is a comment -->
  <rect class="a" fill="url(#g)" style="fill:url('#g');stroke:none" width="10" height="10"/>
  <use xlink:href="#g"/><use href="ikoner.svg#pil"/>
  <image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
  <image href="foto.jpg" width="1" height="1"/>
  <a href="https://www.borger.dk/"><text>borger.dk</text></a>
  <a xlink:href="mailto:info@example.org"><text>skriv</text></a>
</svg>
`

// TestCheckSVG: an SVG may draw, and may not run script, hold HTML, load
// from other hosts, or hide markup from the check; each refused SVG names
// what and where.
func TestCheckSVG(t *testing.T) {
	if e := checkSVG([]byte(inkscape)); e != nil {
		t.Fatalf("Inkscape's SVG is refused: %v", e)
	}
	const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` + "\n"
	tests := []struct {
		name, body string
		line       int
		want       string
	}{
		{"script", `<script>alert(1)</script>`, 2, "the SVG has a <script> element, which runs script"},
		{"script in another namespace", `<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>`, 2, "<script> element"},
		{"script upper case", `<SCRIPT>alert(1)</SCRIPT>`, 2, "<SCRIPT> element"},
		{"onload", `<rect onload="alert(1)"/>`, 2, "the SVG has an event handler, onload=, which runs script"},
		{"onclick on the root", ``, 1, "event handler, ONCLICK="},
		{"namespaced handler", `<rect xlink:onclick="alert(1)"/>`, 2, "event handler, onclick="},
		{"javascript link", `<a href="javascript:alert(1)"><text>x</text></a>`, 2, `<a href="javascript:alert(1)">: a javascript: URL runs script`},
		{"javascript in xlink:href with an entity", `<a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>`, 2, "a javascript: URL"},
		{"javascript with a tab and spaces", "<a href=\" java&#9;script:alert(1)\"><text>x</text></a>", 2, "a javascript: URL"},
		{"vbscript", `<a href="VBScript:x"><text>x</text></a>`, 2, "a vbscript: URL"},
		{"data html", `<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a>`, 2, "a data: URL"},
		{"data svg in use", `<use href="data:image/svg+xml;base64,PHN2Zz4="/>`, 2, "a data: URL"},
		{"foreignObject", `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>`, 2, "<foreignObject> element, which holds HTML"},
		{"xhtml element", `<div xmlns="http://www.w3.org/1999/xhtml">x</div>`, 2, "an HTML element <div>"},
		{"iframe", `<iframe src="x"/>`, 2, "<iframe> element"},
		{"external image", `<image href="https://tracker.example/p.png"/>`, 2, "loads a file from another host"},
		{"external xlink:href", `<use xlink:href="//evil.example/s.svg#x"/>`, 2, "loads a file from another host"},
		{"external fill", `<rect fill="url(https://evil.example/g.svg#g)"/>`, 2, `the SVG's CSS (fill=) refers to "https://evil.example/g.svg#g"`},
		{"external style attribute", `<rect style="fill: url('http://evil.example/g.svg#g')"/>`, 2, "refers to"},
		{"external style element", "<style>\nrect { background: url(http://evil.example/x.png) }</style>", 2, "the SVG's CSS (<style>) refers to"},
		{"css import", `<style>@import "http://evil.example/x.css";</style>`, 2, "@import"},
		{"css escapes", `<style>rect { background: \75 rl(http://evil.example/x.png) }</style>`, 2, "escapes"},
		{"animated handler", `<set attributeName="onmouseover" to="alert(1)"/>`, 2, "<set> animates onmouseover"},
		{"animated href", `<a><animate attributeName="xlink:href" values="javascript:alert(1)"/><text>x</text></a>`, 2, "<animate> animates xlink:href"},
		{"javascript in values", `<animate attributeName="x" values="0;javascript:alert(1)"/>`, 2, "has a javascript: URL"},
		{"link to ftp", `<a href="ftp://example.org/x"><text>x</text></a>`, 2, "a link may go to http, https, mailto and tel URLs"},
		{"xml:base", `<image xml:base="https://evil.example/" href="p.png"/>`, 2, "<image xml:base=\"https://evil.example/\"> changes where"},
		{"base", `<base href="https://evil.example/"/>`, 2, "<base> element"},
		{"stylesheet processing instruction", ``, 1, "<?xml-stylesheet?>"},
		{"entity declarations", ``, 1, "the DOCTYPE declares entities"},
		{"not well-formed", `<rect onload=alert(1)/>`, 2, "the SVG is not well-formed XML"},
		{"unknown entity", `<text>&x;</text>`, 2, "not well-formed XML"},
		{"not UTF-8", ``, 1, "not well-formed XML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := head + tt.body + "\n</svg>\n"
			switch tt.name {
			case "onclick on the root":
				src = `<svg xmlns="http://www.w3.org/2000/svg" ONCLICK="alert(1)"></svg>`
			case "stylesheet processing instruction":
				src = `<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>`
			case "entity declarations":
				src = `<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>`
			case "not UTF-8":
				src = `<?xml version="1.0" encoding="UTF-16"?><svg xmlns="http://www.w3.org/2000/svg"/>`
			}
			e := checkSVG([]byte(src))
			if e == nil {
				t.Fatalf("accepted:\n%s", src)
			}
			if !strings.Contains(e.Msg, tt.want) || e.Line != tt.line {
				t.Errorf("line %d: %s\nwant line %d: …%s…", e.Line, e.Msg, tt.line, tt.want)
			}
		})
	}
}

// FuzzCheckSVG: no SVG makes the check panic or hang.
func FuzzCheckSVG(f *testing.F) {
	f.Add([]byte(inkscape))
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`))
	f.Add([]byte(`<svg><style>a{b:url(x)}</style><a href="java&#9;script:x"/></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSVG(data)
	})
}
