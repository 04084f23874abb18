package scenarios

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"pingtune/metric"
	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// Sweep is the scenario's sweep section: the intervals to compare and the
// requirements `pingtune check` tests.
type Sweep struct {
	Intervals []time.Duration // ascending; empty: no sweep.interval
	Require   []Requirement   // in a fixed order: detect_client_p95, detect_server_p95, push_latency_p95, battery_pct_per_day, wakeups_per_hour, availability
	// AllowSelfBreaks lets the sweep recommend an interval that breaks its
	// own connections (past a NAT's or the server's idle timeout) even when
	// another interval meets the requirements without doing so.
	AllowSelfBreaks bool
}

// Requirement is one bound from sweep.require.
type Requirement struct {
	Metric string  // "detect_client_p95", ...
	Upper  bool    // true: the metric must be <= Bound; false: >= Bound
	Bound  float64 // seconds for the latency metrics, else the plain number
}

// Op is "<=" for an upper bound and ">=" for a lower one.
func (r Requirement) Op() string {
	if r.Upper {
		return "<="
	}
	return ">="
}

// String writes the requirement as a test: "detect_client_p95 <= 20m",
// "availability >= 0.99".
func (r Requirement) String() string {
	return r.Metric + " " + r.Op() + " " + FormatBound(r.Metric, r.Bound)
}

// FormatBound writes a bound as a scenario would: a duration for the latency
// metrics, else a number.
func FormatBound(key string, v float64) string {
	if metric.IsLatency(key) && !math.IsInf(v, 0) && !math.IsNaN(v) {
		return sim.FormatDuration(secondsToDuration(v))
	}
	return formatFloat(v)
}

// secondsToDuration inverts time.Duration.Seconds exactly for any duration
// whose Seconds gave s.
func secondsToDuration(s float64) time.Duration {
	if math.IsNaN(s) || math.Abs(s) > math.MaxInt64/1e9 {
		return 0
	}
	guess := time.Duration(math.Round(s * 1e9))
	for delta := time.Duration(0); delta < 256; delta++ {
		for _, d := range []time.Duration{guess + delta, guess - delta} {
			if d.Seconds() == s {
				return d
			}
		}
	}
	return guess
}

// sweep decodes {interval: ..., require: {...}}.
func (d *decoder) sweep(path string, n *yaml.Node) Sweep {
	var s Sweep
	f := d.section(path, n, "sweep")
	f.boolean("allow_self_breaks", &s.AllowSelfBreaks)
	if in := f.get("interval"); in != nil {
		s.Intervals = d.intervals(child(path, "interval"), in)
	}
	if rn := f.get("require"); rn != nil {
		s.Require = d.requirements(child(path, "require"), rn)
	}
	return s
}

// intervals decodes {from, to, step}, a list of durations, or one duration.
func (d *decoder) intervals(path string, n *yaml.Node) []time.Duration {
	switch n.Kind {
	case yaml.MappingNode:
		f := d.mapping(path, n, "", keysOf("sweep.interval")...)
		if !f.require("from", "to", "step") {
			return nil
		}
		var from, to, step time.Duration
		errs := len(d.errs)
		f.duration("from", &from)
		f.duration("to", &to)
		f.duration("step", &step)
		if len(d.errs) > errs {
			return nil
		}
		list, err := intervalRange(from, to, step)
		if err != nil {
			var re *rangeError
			at := n
			if errors.As(err, &re) && re.part != "" {
				if p := f.get(re.part); p != nil {
					at = p
				}
			}
			d.errorf(at, path, "%v", err)
		}
		return list
	case yaml.SequenceNode:
		items, _ := d.list(path, n, "")
		if len(items) == 0 {
			d.errorf(n, path, "want at least one interval")
			return nil
		}
		list := make([]time.Duration, 0, len(items))
		allOK := true
		for i, item := range items {
			v, ok := d.listDuration(path, items, i)
			if ok && v < sim.MinInterval {
				d.errorf(item, index(path, i), "interval %s is below the %s minimum", sim.FormatDuration(v), sim.FormatDuration(sim.MinInterval))
			}
			list = append(list, v)
			allOK = allOK && ok
		}
		if err := sortIntervals(list); err != nil && allOK {
			d.errorf(n, path, "%v", err)
		}
		return list
	case yaml.ScalarNode:
		if !isNull(n) {
			v, ok := d.duration(path, n)
			if ok && v < sim.MinInterval {
				d.errorf(n, path, "interval %s is below the %s minimum", sim.FormatDuration(v), sim.FormatDuration(sim.MinInterval))
			}
			return []time.Duration{v}
		}
	}
	d.errorf(n, path, "want {from: 1m, to: 30m, step: 1m}, a list of durations or one duration, got %s", describe(n))
	return nil
}

// maxIntervals is the most intervals one sweep may compare.
const maxIntervals = 1000

// rangeError is a bad from:to:step range; part names the bad one, if one is.
type rangeError struct {
	part string
	msg  string
}

func (e *rangeError) Error() string { return e.msg }

// intervalRange lists from, from+step, ... up to to.
func intervalRange(from, to, step time.Duration) ([]time.Duration, error) {
	switch {
	case from < sim.MinInterval:
		return nil, &rangeError{"from", fmt.Sprintf("from %s is below the %s minimum interval", sim.FormatDuration(from), sim.FormatDuration(sim.MinInterval))}
	case to < from:
		return nil, &rangeError{"to", fmt.Sprintf("to %s is before from %s", sim.FormatDuration(to), sim.FormatDuration(from))}
	case step <= 0:
		return nil, &rangeError{"step", fmt.Sprintf("step must be positive (got %s)", sim.FormatDuration(step))}
	}
	count := uint64(to-from)/uint64(step) + 1
	if count > maxIntervals {
		return nil, &rangeError{"", fmt.Sprintf("%s to %s step %s is %d intervals, more than the %d a sweep may have",
			sim.FormatDuration(from), sim.FormatDuration(to), sim.FormatDuration(step), count, maxIntervals)}
	}
	list := make([]time.Duration, 0, count)
	for i := range time.Duration(count) {
		list = append(list, from+i*step)
	}
	return list, nil
}

// sortIntervals sorts a list of intervals and refuses duplicates and overlong lists.
func sortIntervals(list []time.Duration) error {
	if len(list) > maxIntervals {
		return fmt.Errorf("%d intervals, more than the %d a sweep may have", len(list), maxIntervals)
	}
	slices.Sort(list)
	for i := 1; i < len(list); i++ {
		if list[i] == list[i-1] {
			return fmt.Errorf("interval %s is listed twice", sim.FormatDuration(list[i]))
		}
	}
	return nil
}

// ParseIntervals parses the -interval flag: one duration ("10m"), a list
// ("5m,10m,20m") or a range from:to:step ("5m:30m:1m"). The result is
// ascending; every interval is at least 1ms.
func ParseIntervals(s string) ([]time.Duration, error) {
	if parts := strings.Split(s, ":"); len(parts) > 1 {
		if len(parts) != 3 {
			return nil, fmt.Errorf("want from:to:step like 5m:30m:1m, got %q", s)
		}
		var v [3]time.Duration
		for i, p := range parts {
			d, err := ParseDuration(strings.TrimSpace(p))
			if err != nil {
				return nil, err
			}
			v[i] = d
		}
		return intervalRange(v[0], v[1], v[2])
	}
	var list []time.Duration
	for _, p := range strings.Split(s, ",") {
		d, err := ParseDuration(strings.TrimSpace(p))
		if err != nil {
			return nil, err
		}
		if d < sim.MinInterval {
			return nil, fmt.Errorf("interval %s is below the %s minimum", sim.FormatDuration(d), sim.FormatDuration(sim.MinInterval))
		}
		list = append(list, d)
	}
	if err := sortIntervals(list); err != nil {
		return nil, err
	}
	return list, nil
}

// requirements decodes sweep.require. A plain value bounds the metric in its
// natural direction (metric.Def.Upper: at most, except availability: at
// least); {max: v} or
// {min: v} says the direction.
func (d *decoder) requirements(path string, n *yaml.Node) []Requirement {
	f := d.mappingOf(path, n, "a mapping of metric: bound", "requirement", keysOf("sweep.require"))
	if f == nil {
		return nil
	}
	var out []Requirement
	for _, m := range metric.Requirable() {
		v := f.get(m)
		if v == nil {
			continue
		}
		p := child(path, m)
		r := Requirement{Metric: m, Upper: metric.ByRequire(m).Upper}
		if v.Kind == yaml.MappingNode {
			g := d.mapping(p, v, "", keysOf(child("sweep.require", m))...)
			switch {
			case g.has("max") && g.has("min"):
				d.errorf(v, p, "write one bound, max or min, per metric")
				continue
			case g.has("max"):
				r.Upper, p, v = true, child(p, "max"), g.get("max")
			case g.has("min"):
				r.Upper, p, v = false, child(p, "min"), g.get("min")
			default:
				d.errorf(v, p, "want {max: bound} or {min: bound}, got an empty mapping")
				continue
			}
			if v == nil {
				continue
			}
		}
		var ok bool
		r.Bound, ok = d.bound(p, m, v)
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// bound decodes a requirement's bound: a duration (in seconds) for the
// latency metrics, a fraction for availability, else a number.
func (d *decoder) bound(path, key string, n *yaml.Node) (float64, bool) {
	def := metric.ByRequire(key)
	if def.IsLatency() {
		t, ok := d.duration(path, n)
		if ok && (t < 0 || t > maxHorizon) {
			d.errorf(n, path, "must be between 0 and %s (got %s)", sim.FormatDuration(maxHorizon), sim.FormatDuration(t))
			return 0, false
		}
		return t.Seconds(), ok
	}
	x, ok := d.float(path, n)
	switch {
	case !ok:
	case def.Unit == metric.Fraction && (x < 0 || x > 1):
		d.errorf(n, path, "must be a fraction between 0 and 1 (got %s)", formatFloat(x))
		ok = false
	case x < 0:
		d.errorf(n, path, "must not be negative (got %s)", formatFloat(x))
		ok = false
	}
	return x, ok
}
