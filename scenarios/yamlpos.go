package scenarios

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// checkTags refuses every explicit YAML tag (!!binary, !!str, !custom): the
// scenario language reads plain values, and a tag would be silently ignored.
// It walks the whole tree, values under unknown keys included, but not
// through aliases (their anchors are walked where they are defined).
func checkTags(file string, root *yaml.Node) []*Error {
	var errs []*Error
	var walk func(path string, n *yaml.Node)
	walk = func(path string, n *yaml.Node) {
		if len(errs) > maxErrors || n.Kind == yaml.AliasNode {
			return
		}
		if n.Style&yaml.TaggedStyle != 0 {
			errs = append(errs, &Error{File: file, Line: n.Line, Col: n.Column, Field: path,
				Msg: "YAML tags are not part of the scenario language (got " + shorten(n.Tag) + "); write the value without it"})
		}
		for i, c := range n.Content {
			switch {
			case n.Kind == yaml.SequenceNode:
				walk(index(path, i), c)
			case n.Kind == yaml.MappingNode && i%2 == 1:
				walk(child(path, shorten(n.Content[i-1].Value)), c)
			default: // a key
				walk(path, c)
			}
		}
	}
	walk("", root)
	return errs
}

// unknownAnchor returns the anchor name in yaml.v3's "unknown anchor 'x'
// referenced" error.
func unknownAnchor(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "unknown anchor '")
	if !ok {
		return "", false
	}
	name, ok := strings.CutSuffix(rest, "' referenced")
	return name, ok && name != ""
}

// aliasPosition finds the first alias *name in data that is not in a
// comment or a quoted string, and returns its 1-based line and column (in
// characters, as yaml.v3 counts), or 0, 0. An alias stands where a node
// starts (after a space, a flow indicator or the start of a line) and ends
// at a space, a flow indicator or the end of the line.
func aliasPosition(data []byte, name string) (line, col int) {
	token := "*" + name
	for i, text := range bytes.Split(data, []byte("\n")) {
		s := string(text)
		quote := byte(0)
		for j := 0; j < len(s); j++ {
			c := s[j]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				if j == 0 || strings.IndexByte(" \t[{,:", s[j-1]) >= 0 {
					quote = c
				}
			case c == '#' && (j == 0 || s[j-1] == ' ' || s[j-1] == '\t'):
				j = len(s) // the rest is a comment
			case c == '*' && strings.HasPrefix(s[j:], token) &&
				(j == 0 || strings.IndexByte(" \t[{,", s[j-1]) >= 0) &&
				(j+len(token) == len(s) || strings.IndexByte(" \t]},\r", s[j+len(token)]) >= 0):
				return i + 1, utf8.RuneCountInString(s[:j]) + 1
			}
		}
	}
	return 0, 0
}

// indentTab finds the tab that yaml.v3 refuses when it reports "found
// character that cannot start any token" (at the line of the tab) or "found a
// tab character that violates indentation" (at the line before it): the
// first tab in the leading white space of line, the next line or the one
// before, in that order. It returns its 1-based line and column.
func indentTab(data []byte, line int) (int, int, bool) {
	lines := bytes.Split(data, []byte("\n"))
	for _, l := range []int{line, line + 1, line - 1} {
		if l < 1 || l > len(lines) {
			continue
		}
		text := lines[l-1]
		indent := text[:len(text)-len(bytes.TrimLeft(text, " \t"))]
		if i := bytes.IndexByte(indent, '\t'); i >= 0 {
			return l, i + 1, true
		}
	}
	return 0, 0, false
}
