package calibrate

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"pingtune/scenarios"
	"pingtune/sim"
)

// Point is one measurement: with a keepalive every Interval, the phone drew
// ExtraMA milliamps on average above its no-keepalive idle.
type Point struct {
	Interval time.Duration
	ExtraMA  float64
	Line     int // where it was read, for messages
}

// MinPoints is how many distinct intervals a fit needs.
const MinPoints = 3

// Error is a bad measurement file: where, which field, what was wrong.
type Error struct {
	File      string
	Line, Col int // 1-based; 0: the file as a whole
	Field     string
	Msg       string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ReadCSV reads measurements: a header naming the columns interval and
// extra_ma, then one row per interval, such as 20s,27.9. Lines starting with
// # are comments. Every error (a missing header, a bad duration, a current
// that is not positive, an interval given twice, fewer than MinPoints
// intervals) is an *Error naming file:line:column and the field; ReadCSV
// returns all of them joined.
func ReadCSV(file string, r io.Reader) ([]Point, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &Error{File: file, Msg: "empty file: want a header interval,extra_ma and at least three rows"}
	}
	if err != nil {
		return nil, csvError(file, err)
	}
	hline, _ := cr.FieldPos(0)
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch h {
		case "interval", "extra_ma":
			if _, dup := col[h]; dup {
				return nil, &Error{File: file, Line: hline, Field: h, Msg: "column given twice"}
			}
			col[h] = i
		default:
			if _, err := scenarios.ParseDuration(h); err == nil || isNumber(h) {
				return nil, &Error{File: file, Line: hline, Msg: "missing header: the first line must name the columns, interval,extra_ma"}
			}
			return nil, &Error{File: file, Line: hline, Field: h, Msg: "unknown column (want interval and extra_ma)"}
		}
	}
	for _, want := range []string{"interval", "extra_ma"} {
		if _, ok := col[want]; !ok {
			return nil, &Error{File: file, Line: hline, Field: want, Msg: "missing column: the header must be interval,extra_ma"}
		}
	}

	var (
		pts  []Point
		errs []error
		seen = map[time.Duration]int{}
	)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvError(file, err))
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			errs = append(errs, &Error{File: file, Line: line, Col: 1,
				Msg: fmt.Sprintf("%d fields, the header has %d (%s)", len(rec), len(header), strings.Join(header, ","))})
			continue
		}
		p := Point{Line: line}
		ok := true
		bad := func(field string, format string, args ...any) {
			_, c := cr.FieldPos(col[field])
			errs = append(errs, &Error{File: file, Line: line, Col: c, Field: field, Msg: fmt.Sprintf(format, args...)})
			ok = false
		}
		if s := strings.TrimSpace(rec[col["interval"]]); s == "" {
			bad("interval", "empty; want a duration like 20s or 5m")
		} else if d, err := scenarios.ParseDuration(s); err != nil {
			bad("interval", "%v", err)
		} else if d < time.Second {
			bad("interval", "must be at least 1s (got %s)", s)
		} else {
			p.Interval = d
		}
		if s := strings.TrimSpace(rec[col["extra_ma"]]); !isNumber(s) {
			bad("extra_ma", "want a current in mA above the no-keepalive idle, like 27.9, got %q", s)
		} else if v, _ := strconv.ParseFloat(s, 64); !(v > 0) || math.IsInf(v, 0) {
			bad("extra_ma", "must be positive (got %s): the current with keepalives above the current without", s)
		} else {
			p.ExtraMA = v
		}
		if !ok {
			continue
		}
		if first, dup := seen[p.Interval]; dup {
			bad("interval", "%s is given twice (first at line %d)", sim.FormatDuration(p.Interval), first)
			continue
		}
		seen[p.Interval] = line
		pts = append(pts, p)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(pts) < MinPoints {
		return nil, &Error{File: file, Msg: fmt.Sprintf("%d distinct intervals; a fit needs at least %d", len(pts), MinPoints)}
	}
	slices.SortFunc(pts, func(a, b Point) int { return cmp.Compare(a.Interval, b.Interval) })
	return pts, nil
}

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: file, Line: pe.Line, Col: pe.Column, Msg: pe.Err.Error()}
	}
	return &Error{File: file, Msg: err.Error()}
}

// isNumber reports whether s is a plain finite decimal number.
func isNumber(s string) bool {
	if s == "" || strings.ContainsAny(s, "_xXpPiInN") {
		return false
	}
	v, err := strconv.ParseFloat(s, 64)
	return err == nil && !math.IsInf(v, 0)
}
