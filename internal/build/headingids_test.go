package build_test

import (
	"slices"
	"testing"

	"github.com/udenmitid/sitegen/internal/config"
	"github.com/udenmitid/sitegen/internal/markdown"
)

// TestHeadingIDStyles: every value sitegen.toml accepts for heading_ids
// is a rule package markdown has, and no rule is left unreachable.
func TestHeadingIDStyles(t *testing.T) {
	var styles []string
	for _, s := range markdown.IDStyles {
		styles = append(styles, string(s))
	}
	if !slices.Equal(styles, config.HeadingIDStyles) {
		t.Errorf("config.HeadingIDStyles = %v, markdown.IDStyles = %v", config.HeadingIDStyles, styles)
	}
}
