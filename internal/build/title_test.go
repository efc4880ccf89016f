package build_test

import (
	"testing"

	"github.com/udenmitid/sitegen/internal/build"
	"github.com/udenmitid/sitegen/internal/sitetest"
	"github.com/udenmitid/sitegen/internal/theme"
)

// TestTitleNamesTheSiteOnce: a page's <title> is its title and the site's
// name, but a page titled with the site's name (the bundled site's home
// page "Uden MitID") says it once, not "Uden MitID – Uden MitID" (issue
// 25). With no title in sitegen.toml the site's name is the home page's
// title, so every home page was such a page.
func TestTitleNamesTheSiteOnce(t *testing.T) {
	s := sitetest.Build(t, `-- sitegen.toml --
base_url = "https://example.org/"
title = "Uden MitID"
[[languages]]
code = "da"
name = "Dansk"
[[languages]]
code = "en"
name = "English"
title = "Without MitID"
-- content/da/_index.md --
---
title: Uden MitID
description: Forsiden.
---
-- content/da/klage.md --
---
title: Klag over et afslag
description: Sådan klager du.
---
-- content/en/_index.md --
---
title: Home
description: The home page.
translated_from: 0
---
`, build.Options{Defaults: theme.FS(), NoMinify: true})
	s.AssertFile(t, "da/index.html", "<title>Uden MitID</title>")
	s.AssertFile(t, "da/klage/index.html", "<title>Klag over et afslag – Uden MitID</title>")
	s.AssertFile(t, "en/index.html", "<title>Home – Without MitID</title>")

	untitled := sitetest.Build(t, `-- sitegen.toml --
base_url = "https://example.org/"
[[languages]]
code = "da"
name = "Dansk"
-- content/da/_index.md --
---
title: Forside
description: Forsiden.
---
`, build.Options{Defaults: theme.FS(), NoMinify: true})
	untitled.AssertFile(t, "da/index.html", "<title>Forside</title>")
}
