package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// Scenario is one decoded, resolved and validated scenario file.
type Scenario struct {
	Config      sim.Config // resolved, validated
	Description string
	Source      string // the file path, or "builtin:NAME"
	Sweep       Sweep
}

// Parse decodes a scenario from data, applies presets and defaults, and
// validates it (sim.Config.Validate, then CheckLimits). filename names the
// file in errors and gives the default scenario name. Every error is an
// *Error; several are joined with errors.Join, sorted by position.
func Parse(filename string, data []byte) (*Scenario, error) { return parse(filename, data, true) }

// parse is Parse; work says whether to check the estimated work too.
func parse(filename string, data []byte, work bool) (*Scenario, error) {
	if len(data) > maxFileSize {
		return nil, joinErrors([]*Error{tooBig(filename, int64(len(data)))})
	}
	root, yerr := parseYAML(filename, data)
	if yerr != nil {
		return nil, joinErrors([]*Error{yerr})
	}
	if errs := checkTags(filename, root); len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	d := newDecoder(filename)
	s := d.scenario(root, defaultName(filename))
	if len(d.errs) > 0 {
		return nil, joinErrors(d.errs)
	}
	s.Source = filename
	d.fieldErrors(s.Config.Validate())
	if len(d.errs) == 0 {
		if work {
			d.fieldErrors(CheckLimits(&s.Config, s.Sweep.Intervals))
		} else {
			d.fieldErrors(checkBounds(&s.Config, s.Sweep.Intervals))
		}
	}
	if len(d.errs) > 0 {
		return nil, joinErrors(d.errs)
	}
	return s, nil
}

func tooBig(file string, size int64) *Error {
	return &Error{File: file, Msg: fmt.Sprintf("file is %d bytes, over the %d-byte (1 MiB) limit for a scenario", size, maxFileSize)}
}

// defaultName is the file's base name without its .yaml or .yml suffix.
func defaultName(filename string) string {
	base := filepath.Base(filename)
	if filename == "" || base == "." || base == string(filepath.Separator) {
		return ""
	}
	for _, ext := range []string{".yaml", ".yml"} {
		if b, ok := strings.CutSuffix(base, ext); ok {
			return b
		}
	}
	return base
}

// parseYAML parses data into the root node of its one document.
func parseYAML(file string, data []byte) (root *yaml.Node, err *Error) {
	defer func() {
		// yaml.v3 is not ours; a panic on odd input must not take the CLI down.
		if r := recover(); r != nil {
			root, err = nil, &Error{File: file, Msg: fmt.Sprintf("invalid YAML: %v", r)}
		}
	}()
	empty := &Error{File: file, Msg: "empty file: want a scenario mapping (at least app: {heartbeat: {interval: 10m}})"}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if e := dec.Decode(&doc); e != nil {
		if errors.Is(e, io.EOF) {
			return nil, empty
		}
		return nil, yamlError(file, data, e)
	}
	var next yaml.Node
	switch e := dec.Decode(&next); {
	case errors.Is(e, io.EOF):
	case e != nil:
		return nil, yamlError(file, data, e)
	default:
		return nil, &Error{File: file, Line: next.Line, Col: next.Column, Msg: "a scenario file holds one YAML document; this is a second"}
	}
	if len(doc.Content) != 1 || isNull(doc.Content[0]) {
		empty.Line, empty.Col = doc.Line, doc.Column
		return nil, empty
	}
	return doc.Content[0], nil
}

// yamlError turns a yaml.v3 syntax error into an *Error. yaml.v3 gives a
// line but no column; it leaves the line out when it is the first, and
// counts from 0 for parser (as opposed to scanner) errors. For an alias to
// an unknown anchor it gives no place at all: the alias is found in data.
func yamlError(file string, data []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, problem, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				line, msg = n, problem
				if isParserProblem(msg) {
					line++
				}
			}
		}
	} else if name, ok := unknownAnchor(msg); ok {
		line, col := aliasPosition(data, name)
		return &Error{File: file, Line: line, Col: col, Msg: "invalid YAML: " + msg + " (no &" + name + " before it)"}
	}
	if msg == "found character that cannot start any token" || msg == "found a tab character that violates indentation" {
		if tl, tc, ok := indentTab(data, line); ok {
			return &Error{File: file, Line: tl, Col: tc,
				Msg: "invalid YAML: a tab in the indentation (YAML indents with spaces only; replace the tab with spaces)"}
		}
	}
	return &Error{File: file, Line: line, Msg: "invalid YAML: " + msg}
}

// isParserProblem reports whether msg is one of the problems yaml.v3's
// parser (parserc.go) reports, whose line numbers count from 0.
func isParserProblem(msg string) bool {
	for _, p := range []string{"did not find expected ',' or", "did not find expected '-' indicator",
		"did not find expected <", "did not find expected key", "did not find expected node content",
		"found duplicate %", "found incompatible YAML document", "found undefined tag handle"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// fieldErrors reports the *sim.FieldError values in err at the place the
// file wrote each field, or the nearest place it wrote an ancestor.
func (d *decoder) fieldErrors(err error) {
	for _, e := range flatten(err) {
		var fe *sim.FieldError
		if !errors.As(e, &fe) {
			d.errorAt(d.written[""], "", "%v", e)
			continue
		}
		pos, why := d.locate(fe.Field)
		msg := fe.Msg
		if fe.Value != "" {
			msg += " (got " + fe.Value + ")"
		}
		if why != "" {
			msg += " " + why
		}
		d.errorAt(pos, fe.Field, "%s", msg)
	}
}

// flatten lists the errors joined in err.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// locate returns where field is written and, when the file did not write it,
// why it has the value it has: a preset or a default.
func (d *decoder) locate(field string) (position, string) {
	p := field
	for {
		if pos, ok := d.written[p]; ok {
			if p == field {
				return pos, ""
			}
			return pos, d.why(field)
		}
		if p == "" {
			return position{}, d.why(field)
		}
		p = parent(p)
	}
}

// why explains the value of a field the file did not write.
func (d *decoder) why(field string) string {
	for _, section := range []string{"platform", "radio"} {
		if strings.HasPrefix(field, section+".") {
			if preset, ok := d.presets[section]; ok {
				return "(from preset " + preset + ")"
			}
			return "(not set: without a preset, " + section + " fields start at zero)"
		}
	}
	if hasDefault(field) {
		return "(the default)"
	}
	return "(not set)"
}
