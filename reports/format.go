package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"pingtune/internal/durfmt"
	"pingtune/metric"
	"pingtune/sim"
	"pingtune/stats"
	"pingtune/sweep"
)

// ivl writes an interval in seconds as the scenario would: 10m, 90s, 1h.
func ivl(s float64) string {
	if math.IsNaN(s) || math.IsInf(s, 0) {
		return num(s)
	}
	return sim.FormatDuration(time.Duration(math.Round(s * 1e9)))
}

// metricValue writes a value of a requirement metric for people, by its
// unit (metric.Def.Unit): latencies as durations, battery in %/day,
// availability in percent.
func metricValue(key string, v float64) string {
	def := metric.ByRequire(key)
	if def == nil {
		return num(v)
	}
	switch def.Unit {
	case metric.Seconds:
		return durfmt.Human(v)
	case metric.Fraction:
		return pct(v)
	}
	return num(v) + unitSuffix[def.Unit]
}

// unitSuffix follows a number in a metric's unit.
var unitSuffix = [...]string{metric.PctPerDay: " %/day", metric.PerHour: "/h", metric.MinPerDay: " min/day",
	metric.JPerHour: " J/h", metric.PerDay: "/day"}

// metricBound writes a requirement for people: "detect_client_p95 <= 15m";
// requirementText with another operator ("≤" in the plots).
func metricBound(r sweep.Requirement) string { return requirementText(r, r.Op()) }

func requirementText(r sweep.Requirement, op string) string {
	return r.Metric + " " + op + " " + boundText(r)
}

// opSymbol is ≤ or ≥.
func opSymbol(r sweep.Requirement) string {
	if r.Upper {
		return "≤"
	}
	return "≥"
}

// boundText is a requirement's bound for people: 20m, 2 %/day, 99%.
func boundText(r sweep.Requirement) string {
	switch {
	case metric.IsLatency(r.Metric):
		return sweep.FormatBound(r.Metric, r.Bound)
	case r.Metric == sweep.Availability:
		return strconv.FormatFloat(100*r.Bound, 'g', -1, 64) + "%"
	}
	return metricValue(r.Metric, r.Bound)
}

// ranges writes the intervals of the points at idx as compact runs of
// consecutive points: "1m–9m, 12m, 20m–30m".
func ranges(res *sweep.Result, idx []int) string {
	if len(idx) == 0 {
		return "none"
	}
	var parts []string
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && idx[j+1] == idx[j]+1 {
			j++
		}
		a, b := res.Points[idx[i]].IntervalS, res.Points[idx[j]].IntervalS
		switch {
		case i == j:
			parts = append(parts, ivl(a))
		case j == i+1:
			parts = append(parts, ivl(a), ivl(b))
		default:
			parts = append(parts, ivl(a)+"–"+ivl(b))
		}
		i = j + 1
	}
	if n := len(parts); n > 1 {
		return strings.Join(parts[:n-1], ", ") + " and " + parts[n-1]
	}
	return parts[0]
}

// causeNames are break causes as people say them.
var causeNames [sim.NumCauses]string = [...]string{"Wi-Fi outage", "handover", "NAT", "graceful server restart",
	"silent server loss", "app kill", "server idle timeout", "socket destroyed by Android"}

// causeName is a break cause in words.
func causeName(c sim.Cause) string { return causeNames[c] }

// batteryText writes a battery estimate with the sweep's decimals.
func batteryText(res *sweep.Result, e stats.Estimate) string {
	dec := batteryDecimals(res)
	f := func(x float64) string { return fixed(x, dec) }
	return estimate(e.Mean, e.Lo(), e.Hi(), f)
}

// estimate writes a mean and its interval with f: "1.1 [1.08, 1.12]".
func estimate(mean, lo, hi float64, f func(float64) string) string {
	return fmt.Sprintf("%s [%s, %s]", f(mean), f(lo), f(hi))
}

// checkValue describes a check's numbers: "p95 19m10s, upper bound 19m40s".
func checkValue(c sweep.Check) string {
	if c.Status == sweep.Vacuous {
		if c.Metric == sweep.PushLatencyP95 {
			return "no pushes sent: nothing to deliver"
		}
		return "no breaks observed: nothing to detect"
	}
	what, end := "mean", "upper bound"
	if metric.IsLatency(c.Metric) {
		what = "p95"
	}
	if !c.Requirement.Upper {
		end = "lower bound"
	}
	v, cons := float64(c.Value), float64(c.Conservative)
	if !metric.IsLatency(c.Metric) && math.IsInf(cons, 0) {
		return fmt.Sprintf("%s %s, but a mean of fewer than %d replications has no 95%% interval to test (raise -reps)",
			what, metricValue(c.Metric, v), sweep.MinMeanReps)
	}
	s := fmt.Sprintf("%s %s, %s %s", what, valueNear(c.Metric, v, c.Bound), end, valueNear(c.Metric, cons, c.Bound))
	if metric.IsLatency(c.Metric) && math.IsInf(cons, 1) && !math.IsInf(v, 1) {
		if n := c.N + c.Censored; n < sweep.MinLatencyN {
			s = fmt.Sprintf("%s %s, too few %s to tell (n=%d; a p95 upper bound needs %d)", what, metricValue(c.Metric, v),
				sampleNoun(c.Metric), n, sweep.MinLatencyN)
		} else {
			s = fmt.Sprintf("%s %s, too few %s to tell: with n=%d the upper bound falls on %s", what, metricValue(c.Metric, v),
				sampleNoun(c.Metric), n, unresolved(c.Metric, c.Censored))
		}
		return s
	}
	if c.Censored > 0 {
		s += fmt.Sprintf(", counting %d %s", c.Censored, censoredNoun(c.Metric, c.Censored))
	}
	if n := c.CensoredLeftOut; n > 0 {
		s += fmt.Sprintf(", leaving out %d still undetected after the drain but open for less than the bound", n)
	}
	return s
}

// unresolved names the samples never resolved: "a break still undetected at
// the end", "one of the 3 pushes never delivered".
func unresolved(metric string, n int) string {
	what := "break still undetected after the drain"
	if metric == sweep.PushLatencyP95 {
		what = "push never delivered"
	}
	if n == 1 {
		return "a " + what
	}
	what = strings.Replace(what, "break", "breaks", 1)
	what = strings.Replace(what, "push ", "pushes ", 1)
	return fmt.Sprintf("one of the %d %s", n, what)
}

func sampleNoun(metric string) string {
	if metric == sweep.PushLatencyP95 {
		return "pushes"
	}
	return "breaks"
}

func censoredNoun(metric string, n int) string {
	switch {
	case metric == sweep.PushLatencyP95 && n == 1:
		return "undelivered push as never delivered"
	case metric == sweep.PushLatencyP95:
		return "undelivered pushes as never delivered"
	case n == 1:
		return "break still undetected after the drain (and open longer than the bound) as never detected"
	}
	return "breaks still undetected after the drain (and open longer than the bound) as never detected"
}

// statusWord is a check's outcome in a few words.
func statusWord(c sweep.Check) string {
	switch c.Status {
	case sweep.Met:
		return "holds"
	case sweep.Vacuous:
		return "holds (vacuously)"
	case sweep.Unproven:
		return "cannot be shown to hold"
	}
	return "fails"
}
