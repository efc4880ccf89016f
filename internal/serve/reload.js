// sitegen serve's live reload: added to pages by the dev server only.
(function () {
  "use strict";
  var script = document.currentScript;
  var gen = script ? script.getAttribute("data-gen") : "";
  var source = new EventSource("/_sitegen/events?gen=" + encodeURIComponent(gen));
  var overlay = null;
  // The server names pages by their paths as the site writes them
  // (/sv/frågor/); the address bar has them percent-encoded.
  var here = decode(location.pathname);

  source.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (d.all || (d.paths || []).indexOf(here) >= 0) {
      location.reload();
    }
  });

  source.addEventListener("css", function (e) {
    var styles = JSON.parse(e.data).styles || [];
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      if (styles.indexOf(decode(url.pathname)) >= 0) {
        url.searchParams.set("t", Date.now());
        links[i].href = url.toString();
      }
    }
  });

  source.addEventListener("builderror", function (e) {
    var errors = JSON.parse(e.data).errors || [];
    // The page the server answers with while no build has succeeded
    // lists the errors itself: an overlay would say a last good build
    // is shown.
    var list = document.getElementById("sitegen-errors");
    if (list) {
      fill(list, errors);
    } else {
      show(errors);
    }
  });

  source.addEventListener("ok", function () {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  });

  function decode(p) {
    try {
      return decodeURIComponent(p);
    } catch (e) {
      return p;
    }
  }

  // fill makes a list's items the errors, each path:line: message.
  function fill(list, errors) {
    list.textContent = "";
    errors.forEach(function (err) {
      var li = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = err.text;
      code.style.color = "#ffdd00";
      // The site's stylesheet may give code a light background.
      code.style.background = "transparent";
      code.style.font = "inherit";
      code.style.whiteSpace = "pre-wrap";
      li.appendChild(code);
      list.appendChild(li);
    });
  }

  // show puts the build errors over the page in an accessible dialog.
  function show(errors) {
    if (overlay) {
      overlay.remove();
    }
    overlay = document.createElement("div");
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-labelledby", "sitegen-errors-title");
    overlay.setAttribute("lang", "en");
    overlay.tabIndex = -1;
    var s = overlay.style;
    s.position = "fixed";
    s.inset = "0";
    s.zIndex = "2147483647";
    s.overflow = "auto";
    s.background = "rgba(20, 20, 20, 0.96)";
    s.color = "#ffffff";
    s.padding = "1.5rem";
    s.font = "1rem/1.5 system-ui, sans-serif";
    var h = document.createElement("h2");
    h.id = "sitegen-errors-title";
    h.textContent = "The build failed. The page shows the last good build.";
    h.style.color = "#ffffff";
    overlay.appendChild(h);
    var list = document.createElement("ul");
    fill(list, errors);
    overlay.appendChild(list);
    var p = document.createElement("p");
    p.textContent = "Fix the file and save it: this message goes away by itself.";
    overlay.appendChild(p);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.style.font = "inherit";
    close.style.padding = "0.5rem 1rem";
    close.addEventListener("click", function () {
      overlay.remove();
      overlay = null;
    });
    overlay.appendChild(close);
    document.body.appendChild(overlay);
    overlay.focus();
  }
})();
