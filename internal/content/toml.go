package content

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// ParseTOMLMeta parses and checks TOML front matter (between "+++" lines).
// line is the file line on which text starts. The fields and their rules
// are those of YAML front matter.
func ParseTOMLMeta(text []byte, line int, taxonomies ...string) (*Meta, []*LineError) {
	var raw map[string]any
	md, err := toml.Decode(string(text), &raw)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, []*LineError{{line - 1 + perr.Position.Line, "front matter is not valid TOML: " + perr.Message}}
		}
		return nil, []*LineError{{line, "front matter is not valid TOML: " + err.Error()}}
	}
	if len(raw) == 0 {
		return nil, []*LineError{{line - 1, "front matter is empty: title is required (and description, which sitegen check asks for)"}}
	}
	lines := tomlKeyLines(text)
	root := &yaml.Node{Kind: yaml.MappingNode, Line: 1}
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue // a key inside a table, such as params.icon
		}
		name := k[0]
		l := lines[name]
		if l == 0 {
			l = 1
		}
		root.Content = append(root.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name, Line: l},
			tomlNode(raw[name], l))
	}
	return metaFromNode(root, line, taxonomies)
}

// tomlKey matches a top-level key and "[table]" headers. TOML decoders do
// not say where a key is, so errors about a value point at the first line
// that assigns the key before any table.
var tomlKey = regexp.MustCompile(`^\s*(?:\[\s*([A-Za-z0-9_-]+)\s*\]|"?([A-Za-z0-9_-]+)"?\s*=)`)

func tomlKeyLines(text []byte) map[string]int {
	lines := map[string]int{}
	inTable := false
	for i, l := range strings.Split(string(text), "\n") {
		m := tomlKey.FindStringSubmatch(l)
		switch {
		case m == nil:
		case m[1] != "":
			if _, ok := lines[m[1]]; !ok {
				lines[m[1]] = i + 1
			}
			inTable = true
		case !inTable:
			if _, ok := lines[m[2]]; !ok {
				lines[m[2]] = i + 1
			}
		}
	}
	return lines
}

// tomlNode turns a decoded TOML value into the YAML node the field rules
// read, every part of it on line.
func tomlNode(v any, line int) *yaml.Node {
	scalar := func(tag, value string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: line}
	}
	switch v := v.(type) {
	case string:
		return scalar("!!str", v)
	case int64:
		return scalar("!!int", strconv.FormatInt(v, 10))
	case float64:
		return scalar("!!float", strconv.FormatFloat(v, 'g', -1, 64))
	case bool:
		return scalar("!!bool", strconv.FormatBool(v))
	case time.Time:
		return scalar("!!timestamp", v.Format(time.RFC3339Nano))
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for _, item := range v {
			n.Content = append(n.Content, tomlNode(item, line))
		}
		return n
	case []map[string]any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for _, item := range v {
			n.Content = append(n.Content, tomlNode(item, line))
		}
		return n
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			n.Content = append(n.Content, scalar("!!str", k), tomlNode(v[k], line))
		}
		return n
	}
	return scalar("!!str", fmt.Sprint(v))
}
