package scenarios

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// The decoder walks a yaml.Node tree by hand rather than through
// yaml.Unmarshal, so that every error can name the line, column and field
// path it is about, every unknown or duplicate key is caught, and aliases are
// expanded under a budget.

const (
	// maxFileSize is the largest scenario file Parse reads.
	maxFileSize = 1 << 20
	// maxNodes is how many YAML nodes one file may expand to, counting a node
	// once per alias that reaches it, so that an alias bomb stops early.
	maxNodes = 100_000
)

// position is a 1-based line and column in the file.
type position struct{ line, col int }

func posOf(n *yaml.Node) position { return position{n.Line, n.Column} }

// decoder turns one file's nodes into a Scenario, collecting errors.
type decoder struct {
	file  string
	errs  []*Error
	nodes int  // nodes visited so far
	spent bool // the node budget ran out: decode nothing more

	// written maps each field path the file wrote to where its value is, so
	// that errors found later (by sim.Config.Validate) can point at it.
	written map[string]position
	// presets maps a section (platform, radio) to the preset it started from.
	presets map[string]string
}

func newDecoder(file string) *decoder {
	return &decoder{file: file, written: map[string]position{}, presets: map[string]string{}}
}

// errorAt records an error at p. Once the node budget is spent, the walk
// has been cut short and later errors would be noise: they are dropped.
func (d *decoder) errorAt(p position, field, format string, args ...any) {
	if d.spent {
		return
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: p.line, Col: p.col, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// errorf records an error about node n at field.
func (d *decoder) errorf(n *yaml.Node, field, format string, args ...any) {
	d.errorAt(posOf(n), field, format, args...)
}

// visit counts n against the node budget and follows aliases to the node
// they name, returned as a copy placed where the alias is, so that "want X,
// got Y" points at the field that used it. It returns nil once the budget is
// spent.
func (d *decoder) visit(n *yaml.Node) *yaml.Node {
	var alias *yaml.Node
	for n != nil && !d.spent {
		d.nodes++
		if d.nodes > maxNodes {
			d.errorf(n, "", "the file expands to more than %d YAML nodes (an alias bomb?); giving up", maxNodes)
			d.spent = true
			return nil
		}
		if n.Kind != yaml.AliasNode {
			if alias != nil {
				c := *n
				c.Line, c.Column = alias.Line, alias.Column
				return &c
			}
			return n
		}
		if alias == nil {
			alias = n
		}
		n = n.Alias
	}
	return nil
}

// child joins a field path and a key.
func child(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// index joins a field path and a list index.
func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// parent is the path one level up: events[2].at → events[2] → events → "".
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// describe says what a node is, for "want X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.DocumentNode:
		return "a document"
	}
	if isNull(n) {
		return "nothing (null)"
	}
	return strconv.Quote(shorten(n.Value))
}

// shorten cuts s to 40 characters for an error message.
func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}

// entry is one key and its value, neither yet visited.
type entry struct{ key, val *yaml.Node }

// fields is a decoded mapping: its entries by key, checked against the
// names the schema knows.
type fields struct {
	d    *decoder
	path string
	node *yaml.Node // the mapping itself, where missing fields are reported
	vals map[string]entry
	// suggested holds the names offered for misspelt keys ("did you mean
	// interval?"), which require does not report again as missing.
	suggested map[string]bool
}

// mapping checks that n (visited) is a mapping with no duplicate keys and
// no keys outside known, and records where each field is written. A null
// counts as an empty mapping. It returns nil after reporting any other kind.
func (d *decoder) mapping(path string, n *yaml.Node, what string, known ...string) *fields {
	return d.mappingOf(path, n, what, "field", known)
}

// section is mapping for the section of the field table at table (fields.go),
// which gives its keys and says what it wants.
func (d *decoder) section(path string, n *yaml.Node, table string) *fields {
	return d.mapping(path, n, mappingWith(table), keysOf(table)...)
}

// mappingOf is mapping with the noun for an unknown key: "unknown field",
// "unknown distribution", "unknown requirement".
func (d *decoder) mappingOf(path string, n *yaml.Node, what, noun string, known []string) *fields {
	if n == nil {
		return nil
	}
	f := &fields{d: d, path: path, node: n, vals: map[string]entry{}}
	if isNull(n) {
		return f
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want %s, got %s", what, describe(n))
		return nil
	}
	for _, e := range d.entries(path, n, 0) {
		k := e.key.Value
		if !slices.Contains(known, k) {
			d.errorf(e.key, child(path, shorten(k)), "unknown %s (%s)", noun, hint(k, known))
			if s := closest(k, known); s != "" {
				if f.suggested == nil {
					f.suggested = map[string]bool{}
				}
				f.suggested[s] = true
			}
			continue
		}
		f.vals[k] = e
		d.written[child(path, k)] = posOf(e.val)
	}
	return f
}

// entries lists the key/value pairs of mapping n, expanding merge keys
// (<<: *base): keys written in n win over merged ones, and earlier merged
// mappings over later ones. Duplicate keys written in n are errors.
func (d *decoder) entries(path string, n *yaml.Node, depth int) []entry {
	var out, merged []entry
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := d.visit(n.Content[i])
		if k == nil {
			return out
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, path, "keys must be plain names, got %s", describe(k))
			continue
		}
		if k.ShortTag() == "!!merge" {
			merged = append(merged, d.merge(path, n.Content[i+1], depth)...)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, child(path, shorten(k.Value)), "duplicate key (first at line %d)", first.Line)
			continue
		}
		seen[k.Value] = k
		out = append(out, entry{k, n.Content[i+1]})
	}
	for _, e := range merged {
		if _, ok := seen[e.key.Value]; !ok {
			seen[e.key.Value] = e.key
			out = append(out, e)
		}
	}
	return out
}

// merge expands the value of a merge key: a mapping or a list of them.
func (d *decoder) merge(path string, v *yaml.Node, depth int) []entry {
	v = d.visit(v)
	if v == nil {
		return nil
	}
	if depth > 100 {
		d.errorf(v, path, "merge keys (<<) nested too deeply")
		return nil
	}
	list := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		list = v.Content
	}
	var out []entry
	for _, m := range list {
		if m = d.visit(m); m == nil {
			return out
		}
		if m.Kind != yaml.MappingNode {
			d.errorf(m, path, "a merge key (<<) needs a mapping or a list of mappings, got %s", describe(m))
			continue
		}
		out = append(out, d.entries(path, m, depth+1)...)
	}
	return out
}

// get returns the visited value of field name, or nil if it is not written.
func (f *fields) get(name string) *yaml.Node {
	if f == nil {
		return nil
	}
	e, ok := f.vals[name]
	if !ok {
		return nil
	}
	return f.d.visit(e.val)
}

func (f *fields) has(name string) bool {
	if f == nil {
		return false
	}
	_, ok := f.vals[name]
	return ok
}

// require reports each of names the mapping does not write.
func (f *fields) require(names ...string) bool {
	if f == nil {
		return false
	}
	ok := true
	for _, name := range names {
		if !f.has(name) {
			if !f.suggested[name] {
				f.d.errorf(f.node, child(f.path, name), "required field missing")
			}
			ok = false
		}
	}
	return ok
}

// The typed field readers below set *dst when the field is written and valid,
// and leave it (the default) otherwise.

func (f *fields) duration(name string, dst *time.Duration) {
	if n := f.get(name); n != nil {
		if v, ok := f.d.duration(child(f.path, name), n); ok {
			*dst = v
		}
	}
}

func (f *fields) power(name string, dst *float64) {
	if n := f.get(name); n != nil {
		if v, ok := f.d.power(child(f.path, name), n); ok {
			*dst = v
		}
	}
}

func (f *fields) float(name string, dst *float64) {
	if n := f.get(name); n != nil {
		if v, ok := f.d.float(child(f.path, name), n); ok {
			*dst = v
		}
	}
}

func (f *fields) boolean(name string, dst *bool) {
	if n := f.get(name); n != nil {
		if v, ok := f.d.boolean(child(f.path, name), n); ok {
			*dst = v
		}
	}
}

func (f *fields) str(name string, dst *string) {
	if n := f.get(name); n != nil {
		if v, ok := f.d.scalar(child(f.path, name), n, "a string"); ok {
			*dst = v
		}
	}
}

func (f *fields) dist(name string, dst *sim.Dist) {
	if n := f.get(name); n != nil {
		if v, ok := f.d.dist(child(f.path, name), n); ok {
			*dst = v
		}
	}
}

// enum reads one of choices and returns its index, or -1.
func (f *fields) enum(name string, choices ...string) int {
	n := f.get(name)
	if n == nil {
		return -1
	}
	return f.d.enum(child(f.path, name), n, choices...)
}

// scalar returns the text of a scalar node, reporting any other kind.
func (d *decoder) scalar(path string, n *yaml.Node, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		d.errorf(n, path, "want %s, got %s", want, describe(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) duration(path string, n *yaml.Node) (time.Duration, bool) {
	s, ok := d.scalar(path, n, "a duration like 10m")
	if !ok {
		return 0, false
	}
	if _, ok := parseMultiple(s); ok {
		d.errorf(n, path, "%s is a multiple of the interval, allowed only in server.idle_timeout; want a duration like 10m", s)
		return 0, false
	}
	v, err := ParseDuration(s)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return 0, false
	}
	return v, true
}

func (d *decoder) power(path string, n *yaml.Node) (float64, bool) {
	s, ok := d.scalar(path, n, "a power like 250mW")
	if !ok {
		return 0, false
	}
	v, err := parsePower(s)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return 0, false
	}
	return v, true
}

func (d *decoder) float(path string, n *yaml.Node) (float64, bool) {
	s, ok := d.scalar(path, n, "a number")
	if !ok {
		return 0, false
	}
	v, err := parseFloat(s)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return 0, false
	}
	return v, true
}

func (d *decoder) boolean(path string, n *yaml.Node) (bool, bool) {
	s, ok := d.scalar(path, n, "true or false")
	if !ok {
		return false, false
	}
	switch strings.ToLower(s) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	d.errorf(n, path, "want true or false, got %s", describe(n))
	return false, false
}

func (d *decoder) enum(path string, n *yaml.Node, choices ...string) int {
	s, ok := d.scalar(path, n, oneOf(choices))
	if !ok {
		return -1
	}
	if i := slices.Index(choices, s); i >= 0 {
		return i
	}
	d.errorf(n, path, "unknown value %q (%s)", s, hint(s, choices))
	return -1
}

// list returns the items of a list node (visited), reporting any other
// kind. A null is an empty list.
func (d *decoder) list(path string, n *yaml.Node, want string) ([]*yaml.Node, bool) {
	if isNull(n) {
		return nil, true
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "want %s, got %s", want, describe(n))
		return nil, false
	}
	for i, item := range n.Content {
		d.written[index(path, i)] = posOf(item)
	}
	return n.Content, true
}
