package scenarios

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// Error is one problem with a scenario file, at the place that caused it.
// Load and Parse return one or more of them joined with errors.Join, sorted
// by position.
type Error struct {
	File  string // the path as given to Load or Parse; NAME.yaml for a built-in
	Line  int    // 1-based; 0 when the problem is the whole file
	Col   int    // 1-based; 0 when unknown
	Field string // the YAML path, e.g. server.idle_timeout or events[2].at; empty for syntax errors
	Msg   string
}

// Error formats e as file:line:col: field: msg, leaving out the parts that are
// unknown (a zero Line or Col, an empty Field), as go/token does.
func (e *Error) Error() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
		if e.Col > 0 {
			s += ":" + strconv.Itoa(e.Col)
		}
	}
	if e.Field != "" {
		s += ": " + e.Field
	}
	return s + ": " + e.Msg
}

// maxErrors is how many errors one file reports before giving up.
const maxErrors = 10

// joinErrors sorts errs by position and joins them, keeping the first
// maxErrors and saying how many more there were.
func joinErrors(errs []*Error) error {
	if len(errs) == 0 {
		return nil
	}
	slices.SortStableFunc(errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	errs = slices.CompactFunc(errs, func(a, b *Error) bool { return *a == *b })
	var out []error
	for i, e := range errs {
		if i == maxErrors {
			out = append(out, &Error{File: e.File, Line: e.Line, Col: e.Col,
				Msg: fmt.Sprintf("too many errors (%d more)", len(errs)-maxErrors)})
			break
		}
		out = append(out, e)
	}
	return errors.Join(out...)
}
